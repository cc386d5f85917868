// Rate limits of the local auth over real sockets: 429 with Retry-After and GoTrue's error shape, per
// client address (X-Forwarded-For from one trusted proxy) and per email, and no hint of which emails exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../graphql/harness.js';
import { authClient, type Answer, type AuthClient } from './auth-http.js';

let h: Harness;
let auth: AuthClient;
let n = 0;
/** a fresh client address, so each case starts with empty per-IP windows */
const ip = () => `198.51.100.${++n}`;
const email = (name: string) => `${name}.${Date.now()}.${++n}@example.com`;

beforeAll(async () => {
  h = await startHarness({
    TDG_TRUSTED_PROXIES: '1',
    TDG_AUTH_SIGN_IN_PER_IP: '5',
    TDG_AUTH_SIGN_IN_PER_EMAIL: '3',
    TDG_AUTH_SIGN_UP_PER_IP: '4',
    TDG_AUTH_SIGN_UP_PER_EMAIL: '2',
    TDG_AUTH_REFRESH_PER_IP: '3',
    TDG_AUTH_RECOVER_PER_IP: '3',
    TDG_AUTH_RECOVER_PER_EMAIL: '1',
  });
  auth = authClient(await h.app.start());
});
afterAll(() => h?.close());

function expectLimited(answer: Answer, code = 'over_request_rate_limit') {
  expect(answer.status).toBe(429);
  expect(answer.body).toMatchObject({ code, error_code: code, msg: expect.any(String) });
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  // the default window is 300 s
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(300);
}

describe('sign-in', () => {
  it('answers 429 after N wrong passwords for one email, from any address, even with the right password', async () => {
    const carol = email('carol');
    expect((await auth.signUp(carol, undefined, ip())).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      expect((await auth.signIn(carol, 'not-her-password', ip())).body).toMatchObject({ code: 'invalid_credentials' });
    }
    expectLimited(await auth.signIn(carol, undefined, ip()));
    expectLimited(await auth.signIn(carol.toUpperCase(), 'not-her-password', ip()));
    // other accounts are not held back
    const dave = email('dave');
    await auth.signUp(dave, undefined, ip());
    expect((await auth.signIn(dave, undefined, ip())).status).toBe(200);
  });

  it('answers 429 after N wrong passwords from one address, for any email, and not from another address', async () => {
    const erin = email('erin');
    await auth.signUp(erin, undefined, ip());
    const attacker = ip();
    for (let i = 0; i < 5; i++) expect((await auth.signIn(email('guess'), 'Password1!', attacker)).status).toBe(400);
    expectLimited(await auth.signIn(erin, undefined, attacker));
    expect((await auth.signIn(erin, undefined, ip())).status).toBe(200);
  });

  it('does not count successful sign-ins, so a team behind one address is not locked out', async () => {
    const frank = email('frank');
    const office = ip();
    await auth.signUp(frank, undefined, ip());
    for (let i = 0; i < 8; i++) expect((await auth.signIn(frank, undefined, office)).status).toBe(200);
  });

  it('gives a stranger the same answers for an unknown email as for a wrong password', async () => {
    const gina = email('gina');
    await auth.signUp(gina, undefined, ip());
    const unknown = email('nobody');
    const answers = { known: [] as Answer[], unknown: [] as Answer[] };
    for (let i = 0; i < 4; i++) {
      answers.known.push(await auth.signIn(gina, 'wrong-password-1', ip()));
      answers.unknown.push(await auth.signIn(unknown, 'wrong-password-1', ip()));
    }
    const shape = (answer: Answer) => [answer.status, answer.body, answer.headers.get('retry-after') !== null];
    expect(answers.known.map(shape)).toEqual(answers.unknown.map(shape));
    expect(answers.known.map((answer) => answer.status)).toEqual([400, 400, 400, 429]);
    expect(answers.known[0].body).toEqual({ code: 'invalid_credentials', error_code: 'invalid_credentials', msg: 'Invalid login credentials' });
  });
});

describe('sign-up, refresh and recovery', () => {
  it('limits sign-ups per address and per email', async () => {
    const office = ip();
    for (let i = 0; i < 4; i++) expect((await auth.signUp(email('team'), undefined, office)).status).toBe(200);
    expectLimited(await auth.signUp(email('team'), undefined, office));

    const taken = email('taken');
    expect((await auth.signUp(taken, undefined, ip())).status).toBe(200);
    expect((await auth.signUp(taken, undefined, ip())).body).toMatchObject({ code: 'user_already_exists' });
    expectLimited(await auth.signUp(taken, undefined, ip()));
  });

  it('limits token refreshes per address', async () => {
    const client = ip();
    for (let i = 0; i < 3; i++) expect((await auth.refresh('no-such-token', client)).body).toMatchObject({ code: 'refresh_token_not_found' });
    expectLimited(await auth.refresh('no-such-token', client));
    expect((await auth.refresh('no-such-token', ip())).status).toBe(400);
  });

  it('limits password recovery per email and per address, answering {} whether or not the account exists', async () => {
    const hal = email('hal');
    await auth.signUp(hal, undefined, ip());
    const known = await auth.recover(hal, ip());
    const unknown = await auth.recover(email('nobody'), ip());
    expect([known.status, known.body]).toEqual([200, {}]);
    expect([unknown.status, unknown.body]).toEqual([200, {}]);
    expectLimited(await auth.recover(hal, ip()), 'over_email_send_rate_limit');

    const client = ip();
    for (let i = 0; i < 3; i++) expect((await auth.recover(email('r'), client)).status).toBe(200);
    expectLimited(await auth.recover(email('r'), client), 'over_email_send_rate_limit');
  });
});
