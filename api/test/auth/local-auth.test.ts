// The local Supabase Auth stand-in, driven by supabase-js itself over a real socket.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../graphql/harness.js';

let h: Harness;
let url: string;

beforeAll(async () => {
  h = await startHarness();
  url = await h.app.start();
});
afterAll(() => h?.close());

// Node 20 has no global WebSocket; supabase-js's realtime client wants one even when unused
const client = (): SupabaseClient =>
  createClient(url, 'local-anon-key', { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
const viewer = async (token: string) =>
  (
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { id email } }' }),
    })
  ).json();

describe('local auth through supabase-js', () => {
  const typed = `Carol.${Date.now()}@Example.com`;
  const email = typed.toLowerCase();
  const password = 'correct horse battery';

  it('signs up, signs in, refreshes, gets the user and signs out', async () => {
    const supabase = client();
    const signUp = await supabase.auth.signUp({ email: typed, password, options: { data: { name: 'Carol' } } });
    expect(signUp.error).toBeNull();
    const userId = signUp.data.user!.id;
    expect(signUp.data.user).toMatchObject({ email, aud: 'authenticated', role: 'authenticated', user_metadata: { name: 'Carol' } });
    expect(signUp.data.session?.access_token).toBeTruthy();
    const [row] = await h.app.db.asService((tx) =>
      tx.query<{ encrypted_password: string }>('select encrypted_password from auth.users where id = $1', [userId]),
    );
    expect(row.encrypted_password).toMatch(/^scrypt\$/);

    const signIn = await supabase.auth.signInWithPassword({ email: typed, password });
    expect(signIn.error).toBeNull();
    const session = signIn.data.session!;
    expect(session).toMatchObject({ token_type: 'bearer', expires_in: 3600, user: { id: userId } });
    expect(session.expires_at! - Math.floor(Date.now() / 1000)).toBeGreaterThan(3500);
    expect(await viewer(session.access_token)).toEqual({ data: { viewer: { id: userId, email } } });

    const claims = JSON.parse(Buffer.from(session.access_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: userId, role: 'authenticated', aud: 'authenticated', email, aal: 'aal1', is_anonymous: false, iss: h.app.auth.issuer });
    for (const claim of ['session_id', 'app_metadata', 'user_metadata', 'phone', 'exp', 'iat']) expect(claims).toHaveProperty(claim);

    const refreshed = await supabase.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session!.refresh_token).not.toBe(session.refresh_token);
    expect(refreshed.data.user!.id).toBe(userId);
    // a client that lost the answer may replay its token at once and gets the live one back (GoTrue's
    // reuse interval); any other replay ends the session (hardening.test.ts)
    const retried = await client().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(retried.error).toBeNull();
    expect(retried.data.session!.refresh_token).toBe(refreshed.data.session!.refresh_token);

    const got = await supabase.auth.getUser();
    expect(got.error).toBeNull();
    expect(got.data.user).toMatchObject({ id: userId, email });

    const jwks = await (await fetch(`${url}/auth/v1/.well-known/jwks.json`)).json();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(jwks.keys[0]).not.toHaveProperty('d');

    const accessToken = refreshed.data.session!.access_token;
    const refreshToken = refreshed.data.session!.refresh_token;
    expect((await supabase.auth.signOut()).error).toBeNull();
    const afterSignOut = await client().auth.getUser(accessToken);
    expect(afterSignOut.data.user).toBeNull();
    expect(afterSignOut.error).not.toBeNull();
    expect((await client().auth.refreshSession({ refresh_token: refreshToken })).error).not.toBeNull();
  });

  it('answers bad credentials and duplicate sign-ups with auth-js error codes', async () => {
    const supabase = client();
    const wrong = await supabase.auth.signInWithPassword({ email, password: 'wrong password' });
    expect(wrong.error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });
    const unknown = await supabase.auth.signInWithPassword({ email: 'nobody@example.com', password });
    expect(unknown.error).toMatchObject({ code: 'invalid_credentials' });
    const again = await supabase.auth.signUp({ email: email.toUpperCase(), password });
    expect(again.error).toMatchObject({ status: 422, code: 'user_already_exists' });
    const weak = await supabase.auth.signUp({ email: `weak.${Date.now()}@example.com`, password: '123' });
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password' });
    const badEmail = await supabase.auth.signUp({ email: 'not-an-email', password });
    expect(badEmail.error).toMatchObject({ status: 400, code: 'validation_failed' });
    const forged = await supabase.auth.getUser('eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln');
    expect(forged.error).toMatchObject({ status: 403, code: 'bad_jwt' });
  });
});
