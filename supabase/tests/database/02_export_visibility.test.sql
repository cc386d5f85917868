-- Export visibility (docs/access.md), role by role: the starter always; for an export of a schema,
-- whoever can read the schema now (owner, editor, viewer), read-only; events only the starter.
begin;
create extension if not exists pgtap with schema extensions;
select plan(16);

-- owner a1, editor a2, viewer a3, stranger a4; schema b1 of a1 shared with a2 and a3;
-- c1: export of b1 started by the editor; c2: ad-hoc export of the editor; c3: export of b1 by the owner
insert into auth.users (id, email) values
  ('00000000-0000-0000-0000-0000000000a1', 'owner@example.test'),
  ('00000000-0000-0000-0000-0000000000a2', 'editor@example.test'),
  ('00000000-0000-0000-0000-0000000000a3', 'viewer@example.test'),
  ('00000000-0000-0000-0000-0000000000a4', 'stranger@example.test');
insert into public.generator_schemas (id, owner_id, name)
values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', 'Customers');
insert into public.generator_schema_members (schema_id, member_id, role) values
  ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a2', 'editor'),
  ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a3', 'viewer');
insert into public.generator_exports (id, schema_id, owner_id, format, row_count) values
  ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a2', 'csv', 10),
  ('00000000-0000-0000-0000-0000000000c2', null, '00000000-0000-0000-0000-0000000000a2', 'csv', 10),
  ('00000000-0000-0000-0000-0000000000c3', '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', 'csv', 10);
insert into public.generator_export_events (export_id, status, message)
values ('00000000-0000-0000-0000-0000000000c1', 'pending', 'queued');

create function pg_temp.become(who uuid) returns void language plpgsql as $$
begin
  perform set_config('request.jwt.claims', json_build_object('sub', who, 'role', 'authenticated')::text, true);
  perform set_config('request.jwt.claim.sub', who::text, true);
  perform set_config('role', 'authenticated', true);
end
$$;
grant execute on function pg_temp.become(uuid) to public;

create function pg_temp.seen() returns text[] language sql as $$
  select coalesce(array_agg(right(id::text, 2) order by id), '{}') from public.generator_exports
$$;
grant execute on function pg_temp.seen() to public;

select pg_temp.become('00000000-0000-0000-0000-0000000000a1');
select is(pg_temp.seen(), array['c1', 'c3'], 'schema owner sees every export of the schema, also the editor''s, not the editor''s ad-hoc one');
select is_empty($$select 1 from public.generator_export_events$$, 'schema owner does not read the events of an export someone else started');
reset role;

select pg_temp.become('00000000-0000-0000-0000-0000000000a2');
select is(pg_temp.seen(), array['c1', 'c2', 'c3'], 'editor sees the schema''s exports and their own ad-hoc one');
select results_eq($$select count(*)::int from public.generator_export_events$$, array[1], 'the starter reads the events of their export');
reset role;

select pg_temp.become('00000000-0000-0000-0000-0000000000a3');
select is(pg_temp.seen(), array['c1', 'c3'], 'viewer sees the schema''s exports, read-only');
select throws_like($$update public.generator_exports set status = 'cancelled'$$, 'permission denied%', 'viewer cannot change an export');
select throws_ok($$select public.cancel_generator_export('00000000-0000-0000-0000-0000000000c1')$$, 'P0002', null, 'viewer cannot cancel');
reset role;

select pg_temp.become('00000000-0000-0000-0000-0000000000a4');
select is(pg_temp.seen(), '{}'::text[], 'stranger sees no export');
reset role;

-- access is decided now: a member removed sees nothing of the schema's exports at once,
-- except those they started themselves
delete from public.generator_schema_members where member_id in ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000a3');
select pg_temp.become('00000000-0000-0000-0000-0000000000a3');
select is(pg_temp.seen(), '{}'::text[], 'removed viewer sees none of the schema''s exports');
reset role;
select pg_temp.become('00000000-0000-0000-0000-0000000000a2');
select is(pg_temp.seen(), array['c1', 'c2'], 'removed editor keeps only the exports they started');
select throws_like($$insert into public.generator_exports (owner_id, schema_id, format, row_count)
  values ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000b1', 'csv', 5)$$,
  '%row-level security%', 'removed editor cannot export the schema again');
reset role;
select pg_temp.become('00000000-0000-0000-0000-0000000000a1');
select is(pg_temp.seen(), array['c1', 'c3'], 'the owner still sees the removed editor''s export of the schema');
reset role;

-- a deleted schema leaves its exports ad-hoc: the starter's alone
delete from public.generator_schemas where id = '00000000-0000-0000-0000-0000000000b1';
select pg_temp.become('00000000-0000-0000-0000-0000000000a1');
select is(pg_temp.seen(), array['c3'], 'after the schema is deleted the owner sees only what they started');
reset role;
select pg_temp.become('00000000-0000-0000-0000-0000000000a2');
select is(pg_temp.seen(), array['c1', 'c2'], 'after the schema is deleted the editor keeps what they started');
reset role;

select policies_are('public', 'generator_exports', array['starters and readers of the schema read exports', 'users queue their own exports'],
  'generator_exports has exactly the read and queue policies');
select policies_are('public', 'generator_export_events', array['export owners read events'], 'events are read by the export''s starter only');

select * from finish();
rollback;
