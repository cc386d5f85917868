-- Structure of the generator tables (supabase/migrations), checked with pgTAP.
begin;
-- `supabase test db` needs this; scripts/pgtap.sh has already created it
create extension if not exists pgtap with schema extensions;
select plan(46);

select has_table('public', t, t || ' exists')
  from unnest(array['generator_schemas', 'generator_schema_members', 'generator_exports', 'generator_export_events']) as t;

select columns_are('public', 'generator_schemas',
  array['id', 'owner_id', 'name', 'description', 'schema_definition', 'engine', 'seed', 'is_shared', 'version',
        'created_at', 'updated_at', 'search_vector'], 'generator_schemas columns');
select col_type_is('public', 'generator_schemas', 'schema_definition', 'jsonb', 'schema_definition is jsonb');
select col_type_is('public', 'generator_schemas', 'version', 'integer', 'version is integer');
select col_default_is('public', 'generator_schemas', 'created_at', 'timezone(''utc''::text, now())', 'created_at defaults to utc now');
select col_default_is('public', 'generator_schemas', 'is_shared', 'false', 'is_shared defaults to false');

select columns_are('public', 'generator_schema_members', array['schema_id', 'member_id', 'role', 'added_at'], 'members columns');
select col_is_pk('public', 'generator_schema_members', array['schema_id', 'member_id'], 'composite primary key');

select columns_are('public', 'generator_exports',
  array['id', 'schema_id', 'owner_id', 'format', 'row_count', 'status', 'seed', 'job_payload', 'result_path', 'error_details',
        'created_at', 'updated_at', 'completed_at', 'expires_at', 'attempt', 'lease_owner', 'lease_expires_at', 'rows_done']
  || (select coalesce(array_agg(attname::text), '{}') from pg_attribute
       where attrelid = 'public.generator_exports'::regclass and attnum > 0 and not attisdropped
         and attname::text not in ('id', 'schema_id', 'owner_id', 'format', 'row_count', 'status', 'seed', 'job_payload', 'result_path',
           'error_details', 'created_at', 'updated_at', 'completed_at', 'expires_at', 'attempt', 'lease_owner', 'lease_expires_at', 'rows_done')),
  'exports columns (later migrations may add more)');
select col_type_is('public', 'generator_exports', 'row_count', 'integer', 'row_count is integer');
select col_type_is('public', 'generator_exports', 'rows_done', 'bigint', 'rows_done is bigint');
select col_is_null('public', 'generator_exports', 'schema_id', 'schema_id is nullable (ad-hoc exports)');
select col_type_is('public', 'generator_exports', 'report', 'jsonb', 'report is jsonb (the realism report)');
select col_type_is('public', 'generator_export_chunks', 'report', 'jsonb', 'a chunk''s part of the report is jsonb');

select columns_are('public', 'generator_export_events',
  array['id', 'export_id', 'status', 'message', 'metadata', 'created_at', 'seq'], 'events columns');
select col_type_is('public', 'generator_export_events', 'seq', 'bigint', 'seq is bigint');

select has_index('public', 'generator_schemas', 'generator_schemas_owner_id_idx', 'btree on owner_id');
select has_index('public', 'generator_schemas', 'generator_schemas_schema_definition_idx', 'gin on schema_definition');
select index_is_type('public', 'generator_schemas', 'generator_schemas_schema_definition_idx', 'gin', 'schema_definition index is gin');
select has_index('public', 'generator_schemas', 'generator_schemas_search_idx', 'search index on name/description');
select has_index('public', 'generator_exports', 'generator_exports_owner_id_created_at_idx', 'owner_id, created_at desc');
select has_index('public', 'generator_exports', 'generator_exports_status_idx', 'status index');

select has_trigger('public', 'generator_schemas', 'generator_schemas_before_update', 'schemas update trigger');
select has_trigger('public', 'generator_exports', 'generator_exports_before_update', 'exports update trigger');
select has_trigger('public', 'generator_export_events', 'generator_export_events_notify', 'events notify trigger');

select ok(relrowsecurity, relname || ' has row level security')
  from pg_class
 where oid in ('public.generator_schemas'::regclass, 'public.generator_schema_members'::regclass,
               'public.generator_exports'::regclass, 'public.generator_export_events'::regclass);

select ok(exists (select 1 from pg_publication_tables where pubname = 'supabase_realtime' and tablename = 'generator_export_events'),
  'events are in the supabase_realtime publication');

select ok(prosecdef, proname || ' is security definer')
  from pg_proc
 where pronamespace = 'public'::regnamespace
   and proname in ('cancel_generator_export', 'find_user_id_by_email', 'generator_schema_role',
                   'is_generator_schema_owner', 'is_generator_schema_member', 'is_generator_export_owner');

-- constraints, by behaviour
insert into auth.users (id, email) values ('00000000-0000-0000-0000-0000000000a1', 'structure@example.test');
insert into public.generator_schemas (id, owner_id, name)
values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', 'S');

select throws_ok($$insert into public.generator_schema_members (schema_id, member_id, role)
  values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', 'admin')$$,
  '23514', null, 'role must be viewer or editor');
select throws_ok($$insert into public.generator_exports (owner_id, format, row_count)
  values ('00000000-0000-0000-0000-0000000000a1', 'parquet', 10)$$, '23514', null, 'format is one of csv/json/ndjson/sql/xlsx');
select throws_ok($$insert into public.generator_exports (owner_id, format, row_count)
  values ('00000000-0000-0000-0000-0000000000a1', 'csv', 0)$$, '23514', null, 'row_count must be positive');
select throws_ok($$insert into public.generator_exports (owner_id, format, row_count, status)
  values ('00000000-0000-0000-0000-0000000000a1', 'csv', 1, 'paused')$$, '23514', null, 'status is one of the five');

insert into public.generator_exports (id, schema_id, owner_id, format, row_count)
values ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', 'xlsx', 10);

select is((select expires_at - created_at > interval '6 days 23 hours' and expires_at - created_at < interval '7 days 1 hour'
             from public.generator_exports where id = '00000000-0000-0000-0000-0000000000c1'),
  true, 'exports expire after 7 days by default');

update public.generator_schemas set name = 'S2' where id = '00000000-0000-0000-0000-0000000000b1';
select is((select version from public.generator_schemas where id = '00000000-0000-0000-0000-0000000000b1'), 2, 'an update bumps version');

delete from public.generator_schemas where id = '00000000-0000-0000-0000-0000000000b1';
select is((select schema_id from public.generator_exports where id = '00000000-0000-0000-0000-0000000000c1'), null,
  'deleting a schema keeps its exports (schema_id set null)');

select * from finish();
rollback;
