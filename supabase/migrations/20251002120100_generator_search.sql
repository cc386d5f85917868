-- Search on schema name/description. A stored generated column keeps the query side simple:
--   where search_vector @@ websearch_to_tsquery('simple', $1)
alter table public.generator_schemas
  add column search_vector tsvector generated always as (
    to_tsvector('simple'::regconfig, coalesce(name, '') || ' ' || coalesce(description, ''))
  ) stored;

create index generator_schemas_search_idx on public.generator_schemas using gin (search_vector);
