-- The schema assistant (issue #18): conversations per schema, the messages of each, the changes the
-- assistant proposed (accepted or rejected by a user, never applied by themselves), and users' own
-- provider keys, encrypted by the API (AES-GCM) and readable by service_role only, as seed 002's
-- api_secrets. Schema access goes through public.generator_schema_role (the RLS migration's helper):
-- owner and editors write, viewers read.

create table public.assist_conversations (
  id uuid primary key default gen_random_uuid(),
  schema_id uuid not null references public.generator_schemas (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  title text not null constraint assist_conversations_title_check check (char_length(title) between 1 and 200),
  created_at timestamptz not null default timezone('utc', now()),
  updated_at timestamptz not null default timezone('utc', now()),
  -- messages and changes name (id, schema_id) together, so they always sit in their conversation's schema
  constraint assist_conversations_id_schema_key unique (id, schema_id)
);

create index assist_conversations_schema_id_idx on public.assist_conversations (schema_id, updated_at desc);

create table public.assist_messages (
  id uuid primary key default gen_random_uuid(),
  conversation_id uuid not null,
  schema_id uuid not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null constraint assist_messages_role_check check (role in ('user', 'assistant')),
  content text not null constraint assist_messages_content_check check (char_length(content) <= 20000),
  -- describe / columns / rules, and the prompt file's version that asked (describe@1)
  task text not null constraint assist_messages_task_check check (task in ('describe', 'columns', 'rules')),
  prompt_version text,
  input_tokens integer not null default 0 constraint assist_messages_input_tokens_check check (input_tokens >= 0),
  output_tokens integer not null default 0 constraint assist_messages_output_tokens_check check (output_tokens >= 0),
  created_at timestamptz not null default timezone('utc', now()),
  foreign key (conversation_id, schema_id) references public.assist_conversations (id, schema_id) on delete cascade
);

create index assist_messages_conversation_id_idx on public.assist_messages (conversation_id, created_at);
-- tokens a user spent today (the daily limit)
create index assist_messages_user_id_created_at_idx on public.assist_messages (user_id, created_at);

create table public.assist_changes (
  id uuid primary key default gen_random_uuid(),
  conversation_id uuid not null,
  schema_id uuid not null,
  message_id uuid not null references public.assist_messages (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  task text not null constraint assist_changes_task_check check (task in ('describe', 'columns', 'rules')),
  explanation text not null,
  -- the assistant's answer as validated (rules with their reasons, column pools) …
  answer jsonb not null,
  -- … and the whole definition it makes of the schema at base_version
  definition jsonb not null,
  base_version integer not null,
  status text not null default 'proposed'
    constraint assist_changes_status_check check (status in ('proposed', 'applied', 'rejected')),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default timezone('utc', now()),
  foreign key (conversation_id, schema_id) references public.assist_conversations (id, schema_id) on delete cascade
);

create index assist_changes_conversation_id_idx on public.assist_changes (conversation_id, created_at);

-- users' own provider settings; api_key_ciphertext is base64(iv ‖ ciphertext ‖ tag)
create table public.assist_secrets (
  user_id uuid primary key references auth.users (id) on delete cascade,
  provider text not null constraint assist_secrets_provider_check check (provider in ('openai', 'anthropic')),
  base_url text,
  model text not null,
  api_key_ciphertext text not null,
  created_at timestamptz not null default timezone('utc', now()),
  updated_at timestamptz not null default timezone('utc', now())
);

-- row level security -------------------------------------------------------------------------------

alter table public.assist_conversations enable row level security;
alter table public.assist_messages enable row level security;
alter table public.assist_changes enable row level security;
alter table public.assist_secrets enable row level security;

create policy "schema readers read conversations" on public.assist_conversations
  for select to authenticated using (public.generator_schema_role(schema_id) is not null);
create policy "owners and editors start conversations" on public.assist_conversations
  for insert to authenticated
  with check (user_id = auth.uid() and public.generator_schema_role(schema_id) in ('owner', 'editor'));
create policy "owners and editors touch conversations" on public.assist_conversations
  for update to authenticated
  using (public.generator_schema_role(schema_id) in ('owner', 'editor'))
  with check (public.generator_schema_role(schema_id) in ('owner', 'editor'));

create policy "schema readers read messages" on public.assist_messages
  for select to authenticated using (public.generator_schema_role(schema_id) is not null);
create policy "owners and editors write messages" on public.assist_messages
  for insert to authenticated
  with check (user_id = auth.uid() and public.generator_schema_role(schema_id) in ('owner', 'editor'));

create policy "schema readers read changes" on public.assist_changes
  for select to authenticated using (public.generator_schema_role(schema_id) is not null);
create policy "owners and editors propose changes" on public.assist_changes
  for insert to authenticated
  with check (user_id = auth.uid() and status = 'proposed' and public.generator_schema_role(schema_id) in ('owner', 'editor'));
create policy "owners and editors decide changes" on public.assist_changes
  for update to authenticated
  using (status = 'proposed' and public.generator_schema_role(schema_id) in ('owner', 'editor'))
  with check (decided_by = auth.uid() and public.generator_schema_role(schema_id) in ('owner', 'editor'));

-- assist_secrets: no policy for authenticated or anon; service_role bypasses RLS

revoke all on table public.assist_conversations, public.assist_messages, public.assist_changes, public.assist_secrets
  from anon, authenticated;

grant select on table public.assist_conversations, public.assist_messages, public.assist_changes to authenticated;
grant insert (id, schema_id, user_id, title) on table public.assist_conversations to authenticated;
grant update (title, updated_at) on table public.assist_conversations to authenticated;
grant insert (id, conversation_id, schema_id, user_id, role, content, task, prompt_version, input_tokens, output_tokens)
  on table public.assist_messages to authenticated;
grant insert (id, conversation_id, schema_id, message_id, user_id, task, explanation, answer, definition, base_version)
  on table public.assist_changes to authenticated;
grant update (status, decided_by, decided_at) on table public.assist_changes to authenticated;

grant all on table public.assist_conversations, public.assist_messages, public.assist_changes, public.assist_secrets
  to service_role;

-- tokens the caller spent since the start of the UTC day, over every schema (the daily limits count
-- messages the caller may no longer read, e.g. of a schema no longer shared with them)
create function public.assist_usage_today(out input_tokens bigint, out output_tokens bigint)
language sql stable security definer
set search_path = ''
as $$
  select coalesce(sum(m.input_tokens), 0)::bigint, coalesce(sum(m.output_tokens), 0)::bigint
    from public.assist_messages m
   where m.user_id = auth.uid()
     and m.created_at >= date_trunc('day', timezone('utc', now())) at time zone 'utc'
$$;

revoke all on function public.assist_usage_today() from public, anon;
grant execute on function public.assist_usage_today() to authenticated, service_role;
