-- The API refuses access tokens whose session ended (logout, password change, refresh token
-- reuse, user deleted). It asks auth.sessions by the token's session_id claim; auth is GoTrue's
-- schema on Supabase (service_role has no rights there), so the question goes through this one
-- function, which answers a yes or no and shows nothing else of the table.
create or replace function public.tdg_auth_session_is_live(p_session_id uuid, p_user_id uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from auth.sessions s
     where s.id = p_session_id
       and s.user_id = p_user_id
       and (s.not_after is null or s.not_after > now())
  )
$$;

revoke all on function public.tdg_auth_session_is_live(uuid, uuid) from public, anon, authenticated;
grant execute on function public.tdg_auth_session_is_live(uuid, uuid) to service_role;
