-- Row level security for the four generator tables.
--
-- Membership checks go through security definer helpers with a fixed search_path, so a policy on
-- one table never evaluates the policies of another (no recursion between policies).
-- Grants are explicit: Supabase no longer grants new tables to the API roles by default, and
-- older projects grant everything, so we revoke first and grant exactly what the policies need.

-- helpers --------------------------------------------------------------------------------------

create function public.generator_schema_role(p_schema_id uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select case
    when s.owner_id = auth.uid() then 'owner'
    else (select m.role from public.generator_schema_members m
           where m.schema_id = s.id and m.member_id = auth.uid())
  end
  from public.generator_schemas s
  where s.id = p_schema_id
$$;

comment on function public.generator_schema_role(uuid) is
  'The caller''s role on a schema: owner, editor, viewer, or null (no access).';

create function public.is_generator_schema_owner(p_schema_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.generator_schemas s where s.id = p_schema_id and s.owner_id = auth.uid()
  )
$$;

create function public.is_generator_schema_member(p_schema_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.generator_schema_members m
    where m.schema_id = p_schema_id and m.member_id = auth.uid()
  )
$$;

create function public.is_generator_export_owner(p_export_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.generator_exports e where e.id = p_export_id and e.owner_id = auth.uid()
  )
$$;

revoke all on function public.generator_schema_role(uuid) from public, anon;
revoke all on function public.is_generator_schema_owner(uuid) from public, anon;
revoke all on function public.is_generator_schema_member(uuid) from public, anon;
revoke all on function public.is_generator_export_owner(uuid) from public, anon;
grant execute on function public.generator_schema_role(uuid) to authenticated, service_role;
grant execute on function public.is_generator_schema_owner(uuid) to authenticated, service_role;
grant execute on function public.is_generator_schema_member(uuid) to authenticated, service_role;
grant execute on function public.is_generator_export_owner(uuid) to authenticated, service_role;

-- generator_schemas ----------------------------------------------------------------------------

alter table public.generator_schemas enable row level security;

create policy "owners and members read schemas" on public.generator_schemas
  for select to authenticated
  using (owner_id = auth.uid() or public.is_generator_schema_member(id));

create policy "users create their own schemas" on public.generator_schemas
  for insert to authenticated
  with check (owner_id = auth.uid());

create policy "owners and editors update schemas" on public.generator_schemas
  for update to authenticated
  using (owner_id = auth.uid() or public.generator_schema_role(id) = 'editor')
  with check (owner_id = auth.uid() or public.generator_schema_role(id) = 'editor');

create policy "owners delete schemas" on public.generator_schemas
  for delete to authenticated
  using (owner_id = auth.uid());

-- generator_schema_members ---------------------------------------------------------------------

alter table public.generator_schema_members enable row level security;

create policy "owners and the member read memberships" on public.generator_schema_members
  for select to authenticated
  using (member_id = auth.uid() or public.is_generator_schema_owner(schema_id));

create policy "owners add members" on public.generator_schema_members
  for insert to authenticated
  with check (public.is_generator_schema_owner(schema_id) and member_id <> auth.uid());

create policy "owners change member roles" on public.generator_schema_members
  for update to authenticated
  using (public.is_generator_schema_owner(schema_id))
  with check (public.is_generator_schema_owner(schema_id));

create policy "owners remove members" on public.generator_schema_members
  for delete to authenticated
  using (public.is_generator_schema_owner(schema_id));

-- generator_exports ----------------------------------------------------------------------------

alter table public.generator_exports enable row level security;

create policy "owners and schema members read exports" on public.generator_exports
  for select to authenticated
  using (
    owner_id = auth.uid()
    or (schema_id is not null and public.is_generator_schema_member(schema_id))
  );

-- a pending export of an ad-hoc definition or of a schema the user can read
create policy "users queue their own exports" on public.generator_exports
  for insert to authenticated
  with check (
    owner_id = auth.uid()
    and status = 'pending'
    and (schema_id is null or public.generator_schema_role(schema_id) is not null)
  );

-- no update/delete policies: status changes come from service_role (workers) and from
-- public.cancel_generator_export below

-- generator_export_events ----------------------------------------------------------------------

alter table public.generator_export_events enable row level security;

create policy "export owners read events" on public.generator_export_events
  for select to authenticated
  using (public.is_generator_export_owner(export_id));

-- writes: service_role only (it bypasses RLS; no policy for authenticated)

-- grants ---------------------------------------------------------------------------------------

revoke all on table public.generator_schemas, public.generator_schema_members,
  public.generator_exports, public.generator_export_events from anon, authenticated;

-- owner_id, version and created_at stay out of reach (the update trigger sets version and updated_at)
grant select, delete on table public.generator_schemas to authenticated;
grant insert (id, owner_id, name, description, schema_definition, engine, seed, is_shared)
  on table public.generator_schemas to authenticated;
grant update (name, description, schema_definition, engine, seed, is_shared, updated_at)
  on table public.generator_schemas to authenticated;

grant select, insert, delete on table public.generator_schema_members to authenticated;
grant update (role) on table public.generator_schema_members to authenticated;

grant select on table public.generator_exports to authenticated;
grant insert (id, schema_id, owner_id, format, row_count, status, seed, job_payload, expires_at)
  on table public.generator_exports to authenticated;

grant select on table public.generator_export_events to authenticated;

grant all on table public.generator_schemas, public.generator_schema_members,
  public.generator_exports, public.generator_export_events to service_role;

-- functions callable from the API ----------------------------------------------------------------

-- The owner cancels a pending or running export; a finished export is returned unchanged.
-- Raises no_data_found (P0002) when the export does not exist or is not the caller's.
create function public.cancel_generator_export(export_id uuid) returns public.generator_exports
language plpgsql
security definer
set search_path = ''
as $$
declare
  target public.generator_exports;
begin
  select * into target from public.generator_exports e
   where e.id = cancel_generator_export.export_id and e.owner_id = auth.uid()
   for update;
  if not found then
    raise exception 'export % not found', cancel_generator_export.export_id using errcode = 'P0002';
  end if;
  if target.status in ('pending', 'running') then
    update public.generator_exports e
       set status = 'cancelled', lease_owner = null, lease_expires_at = null
     where e.id = target.id
    returning * into target;
    insert into public.generator_export_events (export_id, status, message, metadata)
    values (target.id, 'cancelled', 'cancelled by owner', jsonb_build_object('rows_done', target.rows_done));
  end if;
  return target;
end
$$;

revoke all on function public.cancel_generator_export(uuid) from public, anon;
grant execute on function public.cancel_generator_export(uuid) to authenticated, service_role;

-- Sharing: resolve a collaborator's email to a user id without exposing auth.users.
create function public.find_user_id_by_email(email text) returns uuid
language sql stable
security definer
set search_path = ''
as $$
  select u.id from auth.users u
   where lower(u.email) = lower(btrim(find_user_id_by_email.email))
   order by u.created_at
   limit 1
$$;

revoke all on function public.find_user_id_by_email(text) from public, anon;
grant execute on function public.find_user_id_by_email(text) to authenticated, service_role;
