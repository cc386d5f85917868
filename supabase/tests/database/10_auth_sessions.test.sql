-- public.tdg_auth_session_is_live: the API's one question to auth.sessions (Supabase mode), and who may ask it.
begin;
create extension if not exists pgtap with schema extensions;
select plan(9);

select has_function('public', 'tdg_auth_session_is_live', array['uuid', 'uuid'], 'the session check exists');
select is_definer('public', 'tdg_auth_session_is_live', array['uuid', 'uuid'], 'it is security definer');
select ok(has_function_privilege('service_role', 'public.tdg_auth_session_is_live(uuid, uuid)', 'execute'), 'service_role may ask');
select ok(not has_function_privilege('authenticated', 'public.tdg_auth_session_is_live(uuid, uuid)', 'execute'), 'authenticated may not');
select ok(not has_function_privilege('anon', 'public.tdg_auth_session_is_live(uuid, uuid)', 'execute'), 'anon may not');

insert into auth.users (id, email) values
  ('11111111-1111-4111-8111-111111111111', 'pgtap-sessions-a@example.com'),
  ('22222222-2222-4222-8222-222222222222', 'pgtap-sessions-b@example.com');
insert into auth.sessions (id, user_id, not_after) values
  ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', '11111111-1111-4111-8111-111111111111', null),
  ('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', '11111111-1111-4111-8111-111111111111', now() - interval '1 minute');

set local role service_role;
select ok(public.tdg_auth_session_is_live('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', '11111111-1111-4111-8111-111111111111'), 'a live session of its user');
select ok(not public.tdg_auth_session_is_live('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', '22222222-2222-4222-8222-222222222222'), 'not for another user');
select ok(not public.tdg_auth_session_is_live('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', '11111111-1111-4111-8111-111111111111'), 'not past not_after');
select ok(not public.tdg_auth_session_is_live('cccccccc-cccc-4ccc-8ccc-cccccccccccc', '11111111-1111-4111-8111-111111111111'), 'not an ended (deleted) session');
reset role;

select * from finish();
rollback;
