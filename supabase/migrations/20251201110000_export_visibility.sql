-- Who sees an export (docs/access.md): the person who started it, always; and, for an export of a
-- saved schema, everyone who can read that schema now — its owner, editors and viewers — read-only
-- (seed 000: "sharing extends read-only access when schema is shared"). Before this, the schema's
-- owner did not see exports an editor started of it, while every member did.
-- Events stay the starter's ("export owners read events"); writes stay as they were.

drop policy "owners and schema members read exports" on public.generator_exports;

create policy "starters and readers of the schema read exports" on public.generator_exports
  for select to authenticated
  using (
    owner_id = auth.uid()
    or (schema_id is not null and public.generator_schema_role(schema_id) is not null)
  );
