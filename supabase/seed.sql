-- Demo data for `supabase db reset` (the Supabase CLI runs this after the migrations).
-- A confirmed demo user and one schema, so a fresh local stack has something to open.
-- Password login for this user is set up by whichever auth server runs; this file only needs auth.users.

insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
values (
  '00000000-0000-0000-0000-000000000000',
  '5eed0000-0000-4000-8000-000000000001',
  'authenticated',
  'authenticated',
  'demo@tdg.local',
  timezone('utc', now()),
  '{"provider":"email","providers":["email"]}',
  '{"name":"Demo"}',
  timezone('utc', now()),
  timezone('utc', now())
)
on conflict (id) do nothing;

insert into public.generator_schemas (id, owner_id, name, description, schema_definition, seed)
values (
  '5eed0000-0000-4000-8000-0000000000a1',
  '5eed0000-0000-4000-8000-000000000001',
  'Customers',
  'A starter schema: customers with a name and an email',
  '{"version":1,"tables":[{"name":"customers","rows":100,"fields":[{"name":"id","type":"string.uuid"},{"name":"name","type":"person.fullName"},{"name":"email","type":"internet.email"}]}]}',
  'demo'
)
on conflict (id) do nothing;
