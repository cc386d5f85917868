-- The schema assistant's tables (issue #18): conversations, messages and proposed changes follow the
-- schema's roles (owner and editors write, viewers read, strangers see nothing); assist_secrets is
-- service_role's alone.
begin;
-- `supabase test db` needs this; scripts/pgtap.sh has already created it
create extension if not exists pgtap with schema extensions;
select plan(30);

select has_table('public', t, t || ' exists')
  from unnest(array['assist_conversations', 'assist_messages', 'assist_changes', 'assist_secrets']) as t;
select ok(relrowsecurity, relname || ' has row level security')
  from pg_class
 where oid in ('public.assist_conversations'::regclass, 'public.assist_messages'::regclass,
               'public.assist_changes'::regclass, 'public.assist_secrets'::regclass);

-- owner a1, editor a2, viewer a3, stranger a4; schema b1 with one conversation d1, message e1, change f1
insert into auth.users (id, email) values
  ('00000000-0000-0000-0000-0000000000a1', 'owner@example.test'),
  ('00000000-0000-0000-0000-0000000000a2', 'editor@example.test'),
  ('00000000-0000-0000-0000-0000000000a3', 'viewer@example.test'),
  ('00000000-0000-0000-0000-0000000000a4', 'stranger@example.test');
insert into public.generator_schemas (id, owner_id, name)
values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', 'Shop'),
       ('00000000-0000-0000-0000-0000000000b2', '00000000-0000-0000-0000-0000000000a4', 'Elsewhere');
insert into public.generator_schema_members (schema_id, member_id, role) values
  ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a2', 'editor'),
  ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a3', 'viewer');
insert into public.assist_conversations (id, schema_id, user_id, title)
values ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', 'pools');
insert into public.assist_messages (id, conversation_id, schema_id, user_id, role, content, task, input_tokens, output_tokens)
values ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000b1',
        '00000000-0000-0000-0000-0000000000a1', 'assistant', 'here you are', 'columns', 100, 50);
insert into public.assist_changes (id, conversation_id, schema_id, message_id, user_id, task, explanation, answer, definition, base_version)
values ('00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000b1',
        '00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000a1', 'columns', 'pools', '{}', '{}', 1);
insert into public.assist_secrets (user_id, provider, model, api_key_ciphertext)
values ('00000000-0000-0000-0000-0000000000a1', 'openai', 'gpt-x', 'c2VjcmV0');

create function pg_temp.become(who uuid) returns void language plpgsql as $$
begin
  perform set_config('request.jwt.claims',
    case when who is null then '{"role":"anon"}' else json_build_object('sub', who, 'role', 'authenticated')::text end, true);
  perform set_config('request.jwt.claim.sub', coalesce(who::text, ''), true);
  perform set_config('role', case when who is null then 'anon' else 'authenticated' end, true);
end
$$;
grant execute on function pg_temp.become(uuid) to public;

-- a message must sit in its conversation's schema
select throws_ok($$insert into public.assist_messages (conversation_id, schema_id, user_id, role, content, task)
  values ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000b2', '00000000-0000-0000-0000-0000000000a1',
          'user', 'x', 'rules')$$, '23503', null, 'a message cannot name another schema than its conversation''s');

-- ── owner ──
select pg_temp.become('00000000-0000-0000-0000-0000000000a1');
select results_eq($$select count(*)::int from public.assist_changes$$, array[1], 'owner reads the proposed change');
select results_eq($$select input_tokens, output_tokens from public.assist_usage_today()$$, $$values (100::bigint, 50::bigint)$$,
  'owner''s tokens today');
select throws_like($$select 1 from public.assist_secrets$$, 'permission denied%', 'owner cannot read even their own stored key');
reset role;

-- ── editor ──
select pg_temp.become('00000000-0000-0000-0000-0000000000a2');
select results_eq($$select count(*)::int from public.assist_messages$$, array[1], 'editor reads the messages');
select lives_ok($$insert into public.assist_conversations (schema_id, user_id, title)
  values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a2', 'rules')$$, 'editor starts a conversation');
select lives_ok($$insert into public.assist_messages (conversation_id, schema_id, user_id, role, content, task)
  values ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a2',
          'user', 'add rules', 'rules')$$, 'editor writes a message');
select throws_like($$insert into public.assist_messages (conversation_id, schema_id, user_id, role, content, task)
  values ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1',
          'user', 'forged', 'rules')$$, '%row-level security%', 'editor cannot write as someone else');
select throws_like($$insert into public.assist_changes (conversation_id, schema_id, message_id, user_id, task, explanation, answer, definition, base_version, status)
  values ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000e1',
          '00000000-0000-0000-0000-0000000000a2', 'rules', 'x', '{}', '{}', 1, 'applied')$$,
  'permission denied%', 'nobody inserts a change already applied');
with decided as (update public.assist_changes set status = 'rejected', decided_by = '00000000-0000-0000-0000-0000000000a2', decided_at = now() returning 1)
select is(count(*)::int, 1, 'editor decides a proposed change') from decided;
with again as (update public.assist_changes set status = 'applied', decided_by = '00000000-0000-0000-0000-0000000000a2' returning 1)
select is(count(*)::int, 0, 'a decided change stays decided') from again;
select throws_like($$update public.assist_changes set definition = '{"tables":[]}'$$, 'permission denied%', 'the proposed definition cannot be edited');
select throws_like($$delete from public.assist_messages$$, 'permission denied%', 'history is not deleted through the API');
reset role;
update public.assist_changes set status = 'proposed', decided_by = null, decided_at = null;

-- ── viewer ──
select pg_temp.become('00000000-0000-0000-0000-0000000000a3');
select results_eq($$select count(*)::int from public.assist_conversations$$, array[2], 'viewer reads the conversations');
select results_eq($$select count(*)::int from public.assist_changes$$, array[1], 'viewer reads the changes');
select throws_like($$insert into public.assist_conversations (schema_id, user_id, title)
  values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a3', 'mine')$$,
  '%row-level security%', 'viewer cannot start a conversation');
select throws_like($$insert into public.assist_messages (conversation_id, schema_id, user_id, role, content, task)
  values ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a3',
          'user', 'hello', 'rules')$$, '%row-level security%', 'viewer cannot write a message');
with decided as (update public.assist_changes set status = 'applied', decided_by = '00000000-0000-0000-0000-0000000000a3' returning 1)
select is(count(*)::int, 0, 'viewer cannot accept a change') from decided;
reset role;

-- ── stranger ──
select pg_temp.become('00000000-0000-0000-0000-0000000000a4');
select is_empty($$select 1 from public.assist_conversations$$, 'stranger sees no conversations');
select is_empty($$select 1 from public.assist_changes$$, 'stranger sees no changes');
reset role;

-- ── anon ──
select pg_temp.become(null);
select throws_like($$select 1 from public.assist_messages$$, 'permission denied%', 'anon cannot read messages');
reset role;

-- ── service_role ──
set local role service_role;
select results_eq($$select provider from public.assist_secrets$$, array['openai'], 'service_role reads stored keys');
reset role;

select * from finish();
rollback;
