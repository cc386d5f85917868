// What the local auth refuses before it stores anything: weak, short and over-long passwords, oversized
// user metadata and request bodies (413 before the body is read), over real sockets.
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../graphql/harness.js';
import { authClient, STRONG_PASSWORD, type AuthClient } from './auth-http.js';

let h: Harness;
let url: string;
let auth: AuthClient;
let n = 0;
const email = (name: string) => `${name}.${Date.now()}.${++n}@example.com`;

beforeAll(async () => {
  // a proxy in front, so each sign-up comes from its own address and no rate limit gets in the way
  h = await startHarness({ TDG_TRUSTED_PROXIES: '1' });
  url = await h.app.start();
  auth = authClient(url);
});
afterAll(() => h?.close());

const ip = () => `192.0.2.${++n % 250}`;
const usersNamed = async (address: string) => (await h.app.db.asService((tx) => tx.query(`select 1 from auth.users where email = $1`, [address]))).length;

describe('new passwords', () => {
  it("refuses '123456' and other common passwords with GoTrue's weak_password answer", async () => {
    for (const password of ['123456', '12345678', 'password', 'password1', 'qwertyuiop', 'iloveyou']) {
      const address = email('weak');
      const answer = await auth.signUp(address, password, ip());
      expect(answer.status, password).toBe(422);
      expect(answer.body).toMatchObject({ code: 'weak_password', weak_password: { reasons: expect.arrayContaining(['pwned']) } });
      expect(await usersNamed(address)).toBe(0);
    }
  });

  it('refuses passwords shorter than 8 characters, also through supabase-js', async () => {
    const short = await auth.signUp(email('short'), 'k#9Lq!z', ip());
    expect(short.status).toBe(422);
    expect(short.body).toMatchObject({ code: 'weak_password', msg: 'Password should be at least 8 characters.', weak_password: { reasons: ['length'] } });
    const supabase = createClient(url, 'local-anon-key', {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never },
      global: { headers: { 'x-forwarded-for': ip() } },
    });
    const { error } = await supabase.auth.signUp({ email: email('js'), password: 'secret' });
    expect(error).toMatchObject({ status: 422, code: 'weak_password', reasons: expect.arrayContaining(['length']) });
  });

  it('refuses passwords over 72 bytes on sign-up, and answers sign-in with one as a wrong password', async () => {
    const address = email('long');
    const answer = await auth.signUp(address, `${STRONG_PASSWORD}-${'x7Q!'.repeat(12)}`, ip());
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'validation_failed', msg: 'Password cannot be longer than 72 characters' });
    expect(await usersNamed(address)).toBe(0);
    const signIn = await auth.signIn(address, 'p'.repeat(60_000), ip());
    expect(signIn.body).toMatchObject({ code: 'invalid_credentials' });
  });
});

describe('request and metadata size', () => {
  it('accepts user metadata up to 16 KB and refuses more', async () => {
    const fits = await auth.signUp(email('meta'), STRONG_PASSWORD, ip(), { bio: 'b'.repeat(16 * 1024 - 20) });
    expect(fits.status).toBe(200);
    const address = email('meta');
    const tooBig = await auth.signUp(address, STRONG_PASSWORD, ip(), { bio: 'b'.repeat(16 * 1024) });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body).toMatchObject({ code: 'validation_failed' });
    expect(tooBig.body.msg).toMatch(/^data: user metadata must be at most 16384 bytes/);
    expect(await usersNamed(address)).toBe(0);
  });

  it('refuses metadata over 16 KB in PUT /user too, keeping what was stored', async () => {
    const signedUp = await auth.signUp(email('put'), STRONG_PASSWORD, ip(), { name: 'Ida' });
    const token = signedUp.body.access_token;
    const tooBig = await auth.updateUser(token, { data: { bio: 'b'.repeat(16 * 1024) } });
    expect(tooBig.status).toBe(400);
    const merged = await auth.updateUser(token, { data: { team: 'blue' } });
    expect(merged.body.user_metadata).toEqual({ name: 'Ida', team: 'blue' });
  });

  it('answers a 5 MB body with 413 from its Content-Length, and a chunked one once it passes the cap', async () => {
    const address = email('huge');
    const huge = await auth.signUp(address, STRONG_PASSWORD, ip(), { blob: 'x'.repeat(5 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'request_entity_too_large', msg: 'Request body too large (max 65536 bytes)' });
    expect(await usersNamed(address)).toBe(0);

    // no Content-Length: a stream that would go on for 60 MB
    let sent = 0;
    const chunk = new TextEncoder().encode(`{"email":"${email('stream')}","password":"${'p'.repeat(64 * 1024)}`);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 60 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const chunked = await auth.call('POST', '/token?grant_type=password', { raw: stream, ip: ip() });
    expect(chunked.status).toBe(413);
    expect(sent).toBeLessThan(60 * 1024 * 1024);
  });

  it('answers a body that is not a JSON object with bad_json', async () => {
    const answer = await auth.call('POST', '/signup', { raw: '["not", "an", "object"]', ip: ip() });
    expect(answer).toMatchObject({ status: 400, body: { code: 'bad_json' } });
  });
});
