-- Music streaming: labels, artists, albums and their tracks, listeners with subscriptions,
-- playlists of ordered tracks, plays and follows.
create type album_type as enum ('album', 'single', 'ep', 'compilation');
create type subscription_status as enum ('trialing', 'active', 'past_due', 'canceled');

create table labels (
  id serial primary key,
  name text not null unique,
  website text,
  founded_year smallint check (founded_year between 1900 and 2030)
);

create table artists (
  id bigserial primary key,
  name text not null,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  country char(2),
  bio text,
  image_url text,
  monthly_listeners integer not null default 0 check (monthly_listeners >= 0),
  is_verified boolean not null default false,
  created_at timestamptz not null default now()
);

create table albums (
  id bigserial primary key,
  artist_id bigint not null references artists(id),
  label_id integer references labels(id),
  title text not null,
  album_type album_type not null default 'album',
  upc char(12) unique check (upc ~ '^[0-9]{12}$'),
  release_date date not null,
  cover_url text,
  total_tracks smallint not null check (total_tracks between 1 and 100),
  created_at timestamptz not null default now()
);

create table tracks (
  id bigserial primary key,
  album_id bigint not null references albums(id) on delete cascade,
  title text not null,
  isrc char(12) not null unique check (isrc ~ '^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$'),
  disc_number smallint not null default 1 check (disc_number >= 1),
  position smallint not null check (position >= 1),
  duration_ms integer not null check (duration_ms between 1000 and 3600000),
  explicit boolean not null default false,
  bpm numeric(5, 1) check (bpm between 40 and 250),
  musical_key varchar(3),
  play_count bigint not null default 0,
  unique (album_id, disc_number, position)
);
comment on column tracks.isrc is 'International Standard Recording Code';

create table track_artists (
  track_id bigint not null references tracks(id) on delete cascade,
  artist_id bigint not null references artists(id),
  role text not null default 'primary' check (role in ('primary', 'featured', 'remixer', 'producer')),
  primary key (track_id, artist_id)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  username varchar(30) not null unique check (username ~ '^[a-z0-9_.]{3,30}$'),
  email text not null unique,
  display_name varchar(60),
  birth_date date,
  country char(2) not null,
  signed_up_at timestamptz not null default now(),
  check (birth_date < signed_up_at::date)
);

create table subscriptions (
  id bigserial primary key,
  user_id uuid not null references users(id) on delete cascade,
  plan text not null check (plan in ('free', 'individual', 'duo', 'family', 'student')),
  status subscription_status not null,
  price_cents integer not null check (price_cents >= 0),
  currency char(3) not null default 'USD',
  started_at timestamptz not null,
  trial_ends_at timestamptz,
  current_period_end timestamptz not null,
  canceled_at timestamptz,
  check (current_period_end > started_at),
  check (trial_ends_at is null or trial_ends_at > started_at),
  check (canceled_at is null or canceled_at >= started_at),
  check ((status = 'canceled') = (canceled_at is not null))
);
create unique index subscriptions_one_live on subscriptions (user_id) where status <> 'canceled';

create table playlists (
  id bigserial primary key,
  owner_id uuid not null references users(id) on delete cascade,
  name varchar(100) not null,
  description text,
  is_public boolean not null default true,
  is_collaborative boolean not null default false,
  follower_count integer not null default 0 check (follower_count >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (updated_at >= created_at),
  check (not (is_public and is_collaborative))
);

create table playlist_tracks (
  playlist_id bigint not null references playlists(id) on delete cascade,
  track_id bigint not null references tracks(id) on delete cascade,
  position integer not null check (position >= 0),
  added_by uuid references users(id),
  added_at timestamptz not null default now(),
  primary key (playlist_id, track_id),
  unique (playlist_id, position)
);

create table plays (
  id bigserial primary key,
  user_id uuid not null references users(id),
  track_id bigint not null references tracks(id),
  played_at timestamptz not null,
  ms_played integer not null check (ms_played >= 0),
  device_type text not null check (device_type in ('mobile', 'desktop', 'web', 'speaker', 'car', 'tv')),
  ip_address inet,
  skipped boolean not null default false
);
create index on plays (user_id, played_at);

create table artist_follows (
  user_id uuid not null references users(id) on delete cascade,
  artist_id bigint not null references artists(id) on delete cascade,
  followed_at timestamptz not null default now(),
  primary key (user_id, artist_id)
);
