-- CI/CD: organizations, repositories, pipelines, builds of commits with a run lifecycle, jobs, artifacts, deployments.
create table organizations (
  id bigserial primary key,
  login varchar(39) not null unique check (login ~ '^[a-z0-9][a-z0-9-]*$'),
  display_name text not null,
  created_at timestamptz not null default now()
);

create table repositories (
  id bigserial primary key,
  organization_id bigint not null references organizations(id) on delete cascade,
  name varchar(100) not null,
  default_branch varchar(100) not null default 'main',
  clone_url text not null,
  gitlab_url text,
  visibility text not null default 'private' check (visibility in ('public', 'internal', 'private')),
  created_at timestamptz not null default now(),
  unique (organization_id, name)
);

create table pipelines (
  id bigserial primary key,
  repository_id bigint not null references repositories(id) on delete cascade,
  name varchar(80) not null,
  config_path text not null default '.ci/pipeline.yml',
  created_at timestamptz not null default now(),
  unique (repository_id, name)
);

create table builds (
  id bigserial primary key,
  repository_id bigint not null references repositories(id) on delete cascade,
  pipeline_id bigint not null references pipelines(id) on delete cascade,
  number int not null check (number > 0),
  commit_sha char(40) not null check (commit_sha ~ '^[0-9a-f]{40}$'),
  branch varchar(100) not null,
  commit_message text not null,
  trigger text not null check (trigger in ('push', 'pull_request', 'schedule', 'manual', 'api')),
  status text not null check (status in ('queued', 'running', 'success', 'failed', 'cancelled')),
  queued_at timestamptz not null,
  started_at timestamptz,
  finished_at timestamptz,
  duration_ms bigint check (duration_ms >= 0),
  unique (pipeline_id, number),
  check (started_at is null or started_at >= queued_at),
  check (finished_at is null or started_at is not null and finished_at >= started_at)
);

create table jobs (
  id bigserial primary key,
  build_id bigint not null references builds(id) on delete cascade,
  name varchar(80) not null,
  runner_label varchar(40) not null,
  exit_code smallint,
  log_url text,
  started_at timestamptz,
  finished_at timestamptz,
  check (finished_at is null or started_at is not null and finished_at >= started_at)
);

create table artifacts (
  id bigserial primary key,
  job_id bigint not null references jobs(id) on delete cascade,
  path text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content_type varchar(100) not null,
  expires_at timestamptz
);

create table deployments (
  id bigserial primary key,
  build_id bigint not null references builds(id),
  environment text not null check (environment in ('development', 'staging', 'production')),
  version varchar(32) not null check (version ~ '^v?[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$'),
  status text not null check (status in ('pending', 'in_progress', 'succeeded', 'failed', 'rolled_back')),
  deployed_by varchar(39) not null,
  created_at timestamptz not null,
  finished_at timestamptz,
  check (finished_at is null or finished_at >= created_at)
);
