-- Social network: users with one profile each, follows, posts, comment threads, likes, direct messages.
create table users (
  id uuid primary key default gen_random_uuid(),
  username varchar(30) not null unique check (username ~ '^[a-z0-9_.]{3,30}$'),
  email varchar(255) not null unique,
  display_name varchar(80) not null,
  password_hash text not null,
  locale varchar(10) not null default 'en-US',
  timezone text not null default 'UTC',
  is_verified boolean not null default false,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz,
  check (last_seen_at is null or last_seen_at >= created_at)
);

create table profiles (
  user_id uuid primary key references users(id) on delete cascade,
  bio text,
  website varchar(255),
  avatar_url text,
  location text,
  birth_date date,
  updated_at timestamptz not null default now()
);

create table follows (
  follower_id uuid not null references users(id) on delete cascade,
  followee_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (follower_id, followee_id),
  check (follower_id <> followee_id)
);

create table posts (
  id bigserial primary key,
  author_id uuid not null references users(id) on delete cascade,
  body text not null check (length(body) <= 5000),
  visibility text not null default 'public' check (visibility in ('public', 'followers', 'private')),
  like_count integer not null default 0 check (like_count >= 0),
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  check (edited_at is null or edited_at > created_at)
);

create table comments (
  id bigserial primary key,
  post_id bigint not null references posts(id) on delete cascade,
  author_id uuid not null references users(id) on delete cascade,
  parent_id bigint references comments(id) on delete cascade,
  body text not null,
  created_at timestamptz not null default now()
);

create table likes (
  user_id uuid not null references users(id) on delete cascade,
  post_id bigint not null references posts(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, post_id)
);

create table messages (
  id bigserial primary key,
  sender_id uuid not null references users(id),
  recipient_id uuid not null references users(id),
  body text not null,
  sent_at timestamptz not null default now(),
  read_at timestamptz,
  check (sender_id <> recipient_id),
  check (read_at is null or read_at >= sent_at)
);
