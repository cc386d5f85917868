-- Row level security on the generator tables, as owner / editor / viewer / stranger / anon / service_role.
-- Each block switches identity the way PostgREST does (role + request.jwt.claims, transaction-local).
begin;
-- `supabase test db` needs this; scripts/pgtap.sh has already created it
create extension if not exists pgtap with schema extensions;
select plan(53);

-- owner a1, editor a2, viewer a3, stranger a4; schema b1 shared with a2 (editor) and a3 (viewer);
-- export c1 of b1 and ad-hoc export c2, both by the owner; one event on c1
insert into auth.users (id, email) values
  ('00000000-0000-0000-0000-0000000000a1', 'owner@example.test'),
  ('00000000-0000-0000-0000-0000000000a2', 'editor@example.test'),
  ('00000000-0000-0000-0000-0000000000a3', 'viewer@example.test'),
  ('00000000-0000-0000-0000-0000000000a4', 'stranger@example.test');
insert into public.generator_schemas (id, owner_id, name, description)
values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', 'Customers', 'people who buy');
insert into public.generator_schema_members (schema_id, member_id, role) values
  ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a2', 'editor'),
  ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a3', 'viewer');
insert into public.generator_exports (id, schema_id, owner_id, format, row_count) values
  ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', 'csv', 100),
  ('00000000-0000-0000-0000-0000000000c2', null, '00000000-0000-0000-0000-0000000000a1', 'json', 10);
insert into public.generator_export_events (export_id, status, message)
values ('00000000-0000-0000-0000-0000000000c1', 'pending', 'queued');

-- who = a user id, or null for anon; called as the superuser (after `reset role`)
create function pg_temp.become(who uuid) returns void language plpgsql as $$
begin
  perform set_config('request.jwt.claims',
    case when who is null then '{"role":"anon"}' else json_build_object('sub', who, 'role', 'authenticated')::text end, true);
  perform set_config('request.jwt.claim.sub', coalesce(who::text, ''), true);
  perform set_config('role', case when who is null then 'anon' else 'authenticated' end, true);
end
$$;
grant execute on function pg_temp.become(uuid) to public;

-- ── owner ──────────────────────────────────────────────────────────────────────────────────────
select pg_temp.become('00000000-0000-0000-0000-0000000000a1');
select results_eq($$select count(*)::int from public.generator_schemas$$, array[1], 'owner sees the schema');
select results_eq($$select count(*)::int from public.generator_schema_members$$, array[2], 'owner sees both memberships');
select results_eq($$select count(*)::int from public.generator_exports$$, array[2], 'owner sees both exports');
select results_eq($$select count(*)::int from public.generator_export_events$$, array[1], 'owner sees the event');
select lives_ok($$insert into public.generator_schemas (owner_id, name) values ('00000000-0000-0000-0000-0000000000a1', 'Mine')$$,
  'owner creates a schema');
select throws_like($$insert into public.generator_schemas (owner_id, name) values ('00000000-0000-0000-0000-0000000000a4', 'Forged')$$,
  '%row-level security%', 'nobody creates a schema for someone else');
select lives_ok($$insert into public.generator_exports (owner_id, schema_id, format, row_count)
  values ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000b1', 'ndjson', 5)$$, 'owner queues an export');
select throws_like($$insert into public.generator_exports (owner_id, format, row_count, status)
  values ('00000000-0000-0000-0000-0000000000a1', 'csv', 5, 'succeeded')$$, '%row-level security%', 'exports are queued as pending only');
select throws_like($$update public.generator_exports set status = 'succeeded'$$, 'permission denied%', 'owner cannot set export status');
select throws_like($$delete from public.generator_exports$$, 'permission denied%', 'owner cannot delete export history');
select throws_like($$insert into public.generator_export_events (export_id, status) values ('00000000-0000-0000-0000-0000000000c1', 'running')$$,
  'permission denied%', 'owner cannot write events');
select throws_like($$update public.generator_schemas set owner_id = '00000000-0000-0000-0000-0000000000a4'$$,
  'permission denied%', 'owner_id cannot be changed through the API');
select is((select status from public.cancel_generator_export('00000000-0000-0000-0000-0000000000c2')), 'cancelled',
  'owner cancels an export through cancel_generator_export');
select results_eq($$select count(*)::int from public.generator_export_events where export_id = '00000000-0000-0000-0000-0000000000c2'$$,
  array[1], 'cancelling records an event');
with changed as (update public.generator_schema_members set role = 'editor'
                  where member_id = '00000000-0000-0000-0000-0000000000a3' returning 1)
select is(count(*)::int, 1, 'owner changes a member role') from changed;
reset role;
update public.generator_schema_members set role = 'viewer' where member_id = '00000000-0000-0000-0000-0000000000a3';

-- ── editor ─────────────────────────────────────────────────────────────────────────────────────
select pg_temp.become('00000000-0000-0000-0000-0000000000a2');
select results_eq($$select count(*)::int from public.generator_schemas where id = '00000000-0000-0000-0000-0000000000b1'$$,
  array[1], 'editor sees the shared schema');
select results_eq($$select member_id from public.generator_schema_members$$,
  array['00000000-0000-0000-0000-0000000000a2'::uuid], 'editor sees only their own membership');
select results_eq($$select count(*)::int from public.generator_exports where schema_id = '00000000-0000-0000-0000-0000000000b1'$$,
  array[2], 'editor reads the exports of the shared schema');
select is_empty($$select 1 from public.generator_exports where schema_id is null$$, 'editor does not read the owner''s ad-hoc exports');
select is_empty($$select 1 from public.generator_export_events$$, 'editor does not see export events');
with changed as (update public.generator_schemas set description = 'edited by editor' returning 1)
select is(count(*)::int, 1, 'editor updates the shared schema') from changed;
with gone as (delete from public.generator_schemas returning 1)
select is(count(*)::int, 0, 'editor cannot delete the schema') from gone;
select throws_like($$insert into public.generator_schema_members (schema_id, member_id)
  values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a4')$$,
  '%row-level security%', 'editor cannot add members');
with gone as (delete from public.generator_schema_members returning 1)
select is(count(*)::int, 0, 'editor cannot remove members') from gone;
select throws_ok($$select public.cancel_generator_export('00000000-0000-0000-0000-0000000000c1')$$, 'P0002', null,
  'editor cannot cancel the owner''s export');
reset role;

-- ── viewer ─────────────────────────────────────────────────────────────────────────────────────
select pg_temp.become('00000000-0000-0000-0000-0000000000a3');
select results_eq($$select count(*)::int from public.generator_schemas$$, array[1], 'viewer sees the shared schema');
select results_eq($$select count(*)::int from public.generator_exports$$, array[2], 'viewer reads exports of the shared schema, nothing else');
with changed as (update public.generator_schemas set name = 'viewer was here' returning 1)
select is(count(*)::int, 0, 'viewer cannot update the schema') from changed;
with changed as (update public.generator_schema_members set role = 'editor' returning 1)
select is(count(*)::int, 0, 'viewer cannot promote themselves') from changed;
select is_empty($$select 1 from public.generator_export_events$$, 'viewer does not see export events');
reset role;

-- ── stranger ───────────────────────────────────────────────────────────────────────────────────
select pg_temp.become('00000000-0000-0000-0000-0000000000a4');
select is_empty($$select 1 from public.generator_schemas where owner_id <> '00000000-0000-0000-0000-0000000000a4'$$, 'stranger sees no schemas');
select is_empty($$select 1 from public.generator_schema_members$$, 'stranger sees no memberships');
select is_empty($$select 1 from public.generator_exports$$, 'stranger sees no exports');
select is_empty($$select 1 from public.generator_export_events$$, 'stranger sees no events');
with changed as (update public.generator_schemas set name = 'stolen' returning 1)
select is(count(*)::int, 0, 'stranger cannot update the schema') from changed;
with gone as (delete from public.generator_schemas returning 1)
select is(count(*)::int, 0, 'stranger cannot delete the schema') from gone;
select throws_like($$insert into public.generator_schema_members (schema_id, member_id)
  values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a4')$$,
  '%row-level security%', 'stranger cannot add themselves as a member');
select throws_like($$insert into public.generator_exports (owner_id, schema_id, format, row_count)
  values ('00000000-0000-0000-0000-0000000000a4', '00000000-0000-0000-0000-0000000000b1', 'csv', 5)$$,
  '%row-level security%', 'stranger cannot export a schema they cannot read');
select lives_ok($$insert into public.generator_exports (owner_id, format, row_count) values ('00000000-0000-0000-0000-0000000000a4', 'sql', 5)$$,
  'stranger queues an ad-hoc export of their own');
select throws_ok($$select public.cancel_generator_export('00000000-0000-0000-0000-0000000000c1')$$, 'P0002', null,
  'stranger cannot cancel someone else''s export');
select is(public.find_user_id_by_email('Viewer@Example.test'), '00000000-0000-0000-0000-0000000000a3'::uuid,
  'a signed-in user finds a collaborator by email');
reset role;

-- ── anon ───────────────────────────────────────────────────────────────────────────────────────
select pg_temp.become(null);
select throws_like($$select 1 from public.generator_schemas$$, 'permission denied%', 'anon cannot read schemas');
select throws_like($$select 1 from public.generator_schema_members$$, 'permission denied%', 'anon cannot read memberships');
select throws_like($$select 1 from public.generator_exports$$, 'permission denied%', 'anon cannot read exports');
select throws_like($$select 1 from public.generator_export_events$$, 'permission denied%', 'anon cannot read events');
select throws_like($$insert into public.generator_schemas (owner_id, name) values ('00000000-0000-0000-0000-0000000000a1', 'x')$$,
  'permission denied%', 'anon cannot create schemas');
select throws_like($$select public.find_user_id_by_email('owner@example.test')$$, 'permission denied%', 'anon cannot look up users');
select throws_like($$select public.cancel_generator_export('00000000-0000-0000-0000-0000000000c1')$$, 'permission denied%',
  'anon cannot cancel exports');
reset role;

-- ── service_role ───────────────────────────────────────────────────────────────────────────────
set local role service_role;
select results_eq($$select count(*)::int from public.generator_export_events where export_id = '00000000-0000-0000-0000-0000000000c1'$$,
  array[1], 'service_role reads every event');
select lives_ok($$insert into public.generator_export_events (export_id, status, message)
  values ('00000000-0000-0000-0000-0000000000c1', 'running', 'half way')$$, 'service_role writes events');
with changed as (update public.generator_exports set status = 'running', rows_done = 50
                  where id = '00000000-0000-0000-0000-0000000000c1' returning 1)
select is(count(*)::int, 1, 'service_role updates export status') from changed;
reset role;

-- ── owner removes a member, who then loses access ─────────────────────────────────────────────
select pg_temp.become('00000000-0000-0000-0000-0000000000a1');
with gone as (delete from public.generator_schema_members where member_id = '00000000-0000-0000-0000-0000000000a3' returning 1)
select is(count(*)::int, 1, 'owner removes a member') from gone;
reset role;
select pg_temp.become('00000000-0000-0000-0000-0000000000a3');
select is_empty($$select 1 from public.generator_schemas$$, 'a removed member no longer sees the schema');
reset role;

select * from finish();
rollback;
