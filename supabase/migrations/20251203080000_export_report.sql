-- The realism report of an export (issue #16): per table its rows, per column its statistics, per
-- rule of the definition the rows checked and the violations. Written with the export's success.
-- A chunk made by another worker keeps its part of the report (mergeable counts and sketches) until
-- the coordinator merges it; chunk rows are dropped when the export ends. Policies are unchanged:
-- who can read an export can read its report.

alter table public.generator_exports
  add column if not exists report jsonb;

alter table public.generator_export_chunks
  add column if not exists report jsonb;
