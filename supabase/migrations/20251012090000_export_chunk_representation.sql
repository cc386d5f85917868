-- Export chunks: what a chunk file holds, so a coordinator never reads one as the other.
-- 'bytes': the chunk's rows formatted as they appear in the export (csv, json, ndjson, sql), piped
-- into the result as they are; 'rows': V8-serialised row batches (xlsx) that the coordinator formats.
-- Null for a chunk without a file, and for files written before this column existed (row batches).

alter table public.generator_export_chunks
  add column if not exists representation text check (representation in ('rows', 'bytes'));
