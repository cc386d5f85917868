-- tdg: schemas, sharing, exports and their progress events
-- (design: shared/seeds/000_2153f9a454e74b3f.txt, "Supabase Schema Draft: Test Data Generator").
-- Timestamps default to timezone('utc', now()) as the draft asks; tdg sessions run in UTC.

create table public.generator_schemas (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users (id) on delete cascade,
  name text not null constraint generator_schemas_name_not_blank check (btrim(name) <> ''),
  description text,
  schema_definition jsonb not null default '{}'::jsonb,
  engine text not null default 'tdg@1',
  seed text,
  is_shared boolean not null default false,
  -- optimistic concurrency: bumped by the update trigger; writers update `where version = $seen`
  version integer not null default 1,
  created_at timestamptz not null default timezone('utc', now()),
  updated_at timestamptz not null default timezone('utc', now())
);

create index generator_schemas_owner_id_idx on public.generator_schemas using btree (owner_id);
create index generator_schemas_schema_definition_idx on public.generator_schemas using gin (schema_definition);

create table public.generator_schema_members (
  schema_id uuid not null references public.generator_schemas (id) on delete cascade,
  member_id uuid not null references auth.users (id) on delete cascade,
  role text not null default 'viewer'
    constraint generator_schema_members_role_check check (role in ('viewer', 'editor')),
  added_at timestamptz not null default timezone('utc', now()),
  primary key (schema_id, member_id)
);

-- "which schemas am I a member of" (the primary key serves lookups by schema)
create index generator_schema_members_member_id_idx on public.generator_schema_members (member_id);

-- Export retention: `tdg.export_retention` (any interval text) from the transaction, the role or
-- the database (`alter database ... set tdg.export_retention = '30 days'`), else 7 days.
create function public.generator_export_retention() returns interval
language sql stable
set search_path = ''
as $$
  select coalesce(nullif(current_setting('tdg.export_retention', true), '')::interval, interval '7 days')
$$;

create table public.generator_exports (
  id uuid primary key default gen_random_uuid(),
  -- null for ad-hoc exports, and once the schema is deleted: the export history stays
  schema_id uuid references public.generator_schemas (id) on delete set null,
  owner_id uuid not null references auth.users (id) on delete cascade,
  format text not null
    constraint generator_exports_format_check check (format in ('csv', 'json', 'ndjson', 'sql', 'xlsx')),
  row_count integer not null constraint generator_exports_row_count_check check (row_count > 0),
  status text not null default 'pending'
    constraint generator_exports_status_check
    check (status in ('pending', 'running', 'succeeded', 'failed', 'cancelled')),
  seed text,
  job_payload jsonb not null default '{}'::jsonb,
  result_path text,
  error_details jsonb,
  created_at timestamptz not null default timezone('utc', now()),
  updated_at timestamptz not null default timezone('utc', now()),
  completed_at timestamptz,
  expires_at timestamptz not null default (now() + public.generator_export_retention())
);

create index generator_exports_owner_id_created_at_idx on public.generator_exports (owner_id, created_at desc);
create index generator_exports_status_idx on public.generator_exports (status);
create index generator_exports_schema_id_idx on public.generator_exports (schema_id);

create table public.generator_export_events (
  id uuid primary key default gen_random_uuid(),
  export_id uuid not null references public.generator_exports (id) on delete cascade,
  status text not null
    constraint generator_export_events_status_check
    check (status in ('pending', 'running', 'succeeded', 'failed', 'cancelled')),
  message text,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default timezone('utc', now())
);

create index generator_export_events_export_id_idx on public.generator_export_events (export_id);

-- updated_at and version (owner_id is kept out of API roles' reach by column grants, see the RLS migration)

create function public.generator_schemas_before_update() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.version := old.version + 1;
  new.updated_at := timezone('utc', now());
  return new;
end
$$;

create trigger generator_schemas_before_update
  before update on public.generator_schemas
  for each row execute function public.generator_schemas_before_update();

create function public.generator_exports_before_update() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := timezone('utc', now());
  if new.status in ('succeeded', 'failed', 'cancelled') and new.completed_at is null then
    new.completed_at := timezone('utc', now());
  end if;
  return new;
end
$$;

create trigger generator_exports_before_update
  before update on public.generator_exports
  for each row execute function public.generator_exports_before_update();
