-- Multi-tenant project management: workspaces with members (one owner each), projects, tasks
-- with a status lifecycle and subtasks, comments, time tracking and labels.
create type member_role as enum ('owner', 'admin', 'member', 'guest');
create type task_status as enum ('backlog', 'todo', 'in_progress', 'in_review', 'done', 'canceled');

create table workspaces (
  id uuid primary key default gen_random_uuid(),
  name varchar(100) not null,
  slug varchar(48) not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  plan text not null default 'free' check (plan in ('free', 'pro', 'business', 'enterprise')),
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email varchar(255) not null unique,
  display_name varchar(80) not null,
  avatar_url text,
  timezone varchar(64) not null default 'UTC',
  created_at timestamptz not null default now(),
  last_seen_at timestamptz,
  check (last_seen_at is null or last_seen_at >= created_at)
);

create table workspace_members (
  workspace_id uuid not null references workspaces(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  role member_role not null default 'member',
  joined_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);
create unique index workspace_members_one_owner on workspace_members (workspace_id) where role = 'owner';

create table projects (
  id bigserial primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  key varchar(10) not null check (key ~ '^[A-Z][A-Z0-9]{1,9}$'),
  name varchar(120) not null,
  description text,
  lead_id uuid references users(id),
  is_archived boolean not null default false,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  unique (workspace_id, key),
  check (archived_at is null or archived_at >= created_at)
);

create table tasks (
  id bigserial primary key,
  project_id bigint not null references projects(id) on delete cascade,
  number integer not null check (number > 0),
  parent_task_id bigint references tasks(id) on delete set null,
  title varchar(200) not null,
  description text,
  status task_status not null default 'backlog',
  priority text not null default 'medium' check (priority in ('low', 'medium', 'high', 'urgent')),
  story_points smallint check (story_points in (1, 2, 3, 5, 8, 13)),
  reporter_id uuid not null references users(id),
  assignee_id uuid references users(id),
  due_date date,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  completed_at timestamptz,
  updated_at timestamptz not null default now(),
  unique (project_id, number),
  check (parent_task_id <> id),
  check (started_at is null or started_at >= created_at),
  check (completed_at is null or completed_at >= created_at),
  check (updated_at >= created_at)
);
create index tasks_assignee_idx on tasks (assignee_id) where assignee_id is not null;

create table comments (
  id bigserial primary key,
  task_id bigint not null references tasks(id) on delete cascade,
  author_id uuid not null references users(id),
  body text not null,
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  check (edited_at is null or edited_at >= created_at)
);

create table time_entries (
  id bigserial primary key,
  task_id bigint not null references tasks(id) on delete cascade,
  user_id uuid not null references users(id),
  started_at timestamptz not null,
  ended_at timestamptz not null,
  duration_minutes integer not null check (duration_minutes > 0),
  note varchar(255),
  billable boolean not null default true,
  check (ended_at > started_at)
);

create table labels (
  id serial primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  name varchar(40) not null,
  color char(7) not null check (color ~ '^#[0-9a-fA-F]{6}$'),
  unique (workspace_id, name)
);

create table task_labels (
  task_id bigint not null references tasks(id) on delete cascade,
  label_id integer not null references labels(id) on delete cascade,
  primary key (task_id, label_id)
);
