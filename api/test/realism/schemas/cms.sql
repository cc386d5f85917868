-- CMS with revisions: sites, authors, articles with a publishing lifecycle, numbered revisions, categories, media.
create table sites (
  id serial primary key,
  name text not null,
  hostname varchar(253) not null unique,
  default_locale varchar(5) not null default 'en',
  created_at timestamptz not null default now()
);

create table authors (
  id serial primary key,
  site_id int not null references sites(id) on delete cascade,
  name text not null,
  email varchar(255) not null,
  role text not null default 'writer' check (role in ('owner', 'editor', 'writer')),
  created_at timestamptz not null default now(),
  unique (site_id, email)
);

create table categories (
  id serial primary key,
  site_id int not null references sites(id) on delete cascade,
  name varchar(60) not null,
  slug varchar(80) not null,
  unique (site_id, slug)
);

create table articles (
  id bigserial primary key,
  site_id int not null references sites(id) on delete cascade,
  author_id int not null references authors(id),
  title varchar(200) not null,
  slug varchar(220) not null,
  excerpt text,
  body text not null,
  status text not null default 'draft' check (status in ('draft', 'in_review', 'published', 'archived')),
  word_count int not null check (word_count >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  archived_at timestamptz,
  unique (site_id, slug),
  check (updated_at >= created_at),
  check (published_at is null or published_at >= created_at),
  check (archived_at is null or published_at is not null and archived_at >= published_at)
);

create table article_revisions (
  id bigserial primary key,
  article_id bigint not null references articles(id) on delete cascade,
  revision_number int not null check (revision_number > 0),
  editor_id int not null references authors(id),
  title varchar(200) not null,
  body text not null,
  change_summary varchar(280),
  created_at timestamptz not null default now(),
  unique (article_id, revision_number)
);

create table article_categories (
  article_id bigint not null references articles(id) on delete cascade,
  category_id int not null references categories(id) on delete cascade,
  is_primary boolean not null default false,
  primary key (article_id, category_id)
);

create table media (
  id uuid primary key default gen_random_uuid(),
  site_id int not null references sites(id) on delete cascade,
  file_name varchar(255) not null,
  mime_type varchar(100) not null,
  size_bytes bigint not null check (size_bytes > 0),
  width int check (width > 0),
  height int check (height > 0),
  sha256 char(64) not null,
  storage_path text not null,
  uploaded_at timestamptz not null default now()
);
