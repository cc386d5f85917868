-- Package registry (npm-like): users, packages with maintainers, published versions, dist-tags,
-- dependencies between versions and packages, daily download counts, API tokens.
create table users (
  id bigserial primary key,
  username varchar(39) not null unique check (username ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  email varchar(255) not null unique,
  full_name varchar(100),
  github_username varchar(39),
  two_factor_enabled boolean not null default false,
  created_at timestamptz not null default now()
);

create table packages (
  id bigserial primary key,
  name varchar(214) not null unique check (name ~ '^(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*$'),
  description varchar(500),
  homepage_url text,
  repository_url text,
  license varchar(64),
  keywords text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deprecated_at timestamptz,
  deprecation_message text,
  check (updated_at >= created_at),
  check ((deprecated_at is null) = (deprecation_message is null))
);

create table package_maintainers (
  package_id bigint not null references packages(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  role text not null default 'maintainer' check (role in ('owner', 'maintainer')),
  added_at timestamptz not null default now(),
  primary key (package_id, user_id)
);
create unique index package_maintainers_one_owner on package_maintainers (package_id) where role = 'owner';

create table versions (
  id bigserial primary key,
  package_id bigint not null references packages(id) on delete cascade,
  version varchar(64) not null,
  published_by bigint not null references users(id),
  shasum char(40) not null check (shasum ~ '^[0-9a-f]{40}$'),
  integrity varchar(100) not null,
  unpacked_size bigint not null check (unpacked_size > 0),
  file_count integer not null check (file_count > 0),
  is_prerelease boolean not null default false,
  readme text,
  published_at timestamptz not null default now(),
  yanked_at timestamptz,
  unique (package_id, version)
);

create table dist_tags (
  package_id bigint not null references packages(id) on delete cascade,
  tag varchar(40) not null,
  version_id bigint not null references versions(id) on delete cascade,
  updated_at timestamptz not null default now(),
  primary key (package_id, tag)
);

create table dependencies (
  version_id bigint not null references versions(id) on delete cascade,
  depends_on_package_id bigint not null references packages(id),
  version_range varchar(64) not null,
  kind text not null default 'runtime' check (kind in ('runtime', 'dev', 'peer', 'optional')),
  primary key (version_id, depends_on_package_id)
);

create table daily_downloads (
  package_id bigint not null references packages(id) on delete cascade,
  day date not null,
  downloads bigint not null check (downloads >= 0),
  primary key (package_id, day)
);

create table api_tokens (
  id bigserial primary key,
  user_id bigint not null references users(id) on delete cascade,
  name varchar(80) not null,
  token_prefix char(8) not null,
  token_hash char(64) not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  scopes text[] not null check (scopes <@ array['read', 'publish', 'admin']::text[]),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz,
  check (expires_at is null or expires_at > created_at),
  check (last_used_at is null or last_used_at >= created_at),
  check (revoked_at is null or revoked_at >= created_at)
);
