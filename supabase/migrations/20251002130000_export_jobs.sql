-- Export jobs: row-range chunks of an export that several workers generate in parallel.
-- Queue choice: claims use `FOR UPDATE SKIP LOCKED` with a lease (lease_owner, lease_expires_at)
-- and a heartbeat, on generator_exports and on these chunks. It works the same on PGlite and
-- PostgreSQL 15 and needs no queue schema beyond this table. Service role only (RLS, no policies).

create table if not exists public.generator_export_chunks (
  export_id uuid not null references public.generator_exports (id) on delete cascade,
  chunk_index integer not null check (chunk_index >= 0),
  table_index integer not null check (table_index >= 0),
  row_start bigint not null check (row_start >= 0),
  row_end bigint not null,
  status text not null default 'pending' check (status in ('pending', 'running', 'done')),
  lease_owner text,
  lease_expires_at timestamptz,
  rows_done bigint not null default 0,
  bytes bigint,
  result_path text,
  updated_at timestamptz not null default timezone('utc', now()),
  primary key (export_id, chunk_index),
  check (row_end > row_start)
);

create index if not exists generator_export_chunks_claim_idx
  on public.generator_export_chunks (status, lease_expires_at);

alter table public.generator_export_chunks enable row level security;

revoke all on public.generator_export_chunks from anon, authenticated;
grant select, insert, update, delete on public.generator_export_chunks to service_role;

create index if not exists generator_exports_claim_idx
  on public.generator_exports (status, lease_expires_at, created_at);
