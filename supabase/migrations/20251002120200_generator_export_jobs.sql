-- The export job queue and its progress stream.

alter table public.generator_exports
  add column attempt integer not null default 0,
  add column lease_owner text,
  add column lease_expires_at timestamptz,
  add column rows_done bigint not null default 0
    constraint generator_exports_rows_done_check check (rows_done >= 0);

-- workers claim the oldest pending (or lease-expired running) export
create index generator_exports_queue_idx on public.generator_exports (created_at)
  where status in ('pending', 'running');

-- events replay in `seq` order (uuids do not sort by time)
alter table public.generator_export_events
  add column seq bigint generated always as identity
    constraint generator_export_events_seq_key unique;

create index generator_export_events_export_id_seq_idx on public.generator_export_events (export_id, seq);

-- LISTEN/NOTIFY feed for the local realtime adapter. Carries owner_id and schema_id so listeners
-- can route without a query; metadata is dropped when the payload would pass NOTIFY's 8000 bytes.
create function public.generator_export_events_notify() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  payload jsonb;
begin
  select to_jsonb(new) || jsonb_build_object('owner_id', e.owner_id, 'schema_id', e.schema_id)
    into payload
    from public.generator_exports e
   where e.id = new.export_id;
  if octet_length(payload::text) > 7900 then
    payload := payload - 'metadata' || jsonb_build_object('metadata', null, 'metadata_truncated', true);
  end if;
  perform pg_notify('generator_export_events', payload::text);
  return new;
end
$$;

create trigger generator_export_events_notify
  after insert on public.generator_export_events
  for each row execute function public.generator_export_events_notify();

alter publication supabase_realtime add table public.generator_export_events;
