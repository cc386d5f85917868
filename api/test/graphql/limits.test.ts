import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, type SigningKey } from '../../src/auth/signing-key.js';
import { buildApp, type App } from '../../src/server/app.js';
import { startHarness, type Harness, type TestUser } from './harness.js';

let h: Harness;
let alice: TestUser;

beforeAll(async () => {
  h = await startHarness({ TDG_MAX_QUERY_DEPTH: '8', TDG_MAX_ALIASES: '5', TDG_MAX_QUERY_COST: '220', TDG_MAX_BODY_BYTES: '4096' });
  alice = await h.signUp('alice');
});
afterAll(() => h?.close());

function post(body: string, headers: Record<string, string> = {}) {
  return h.app.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

function sign(key: SigningKey, claims: { exp: number; iss?: string; aud?: string }) {
  // the session of alice's real token: the API refuses tokens whose session is not live
  const { session_id } = JSON.parse(Buffer.from(alice.token.split('.')[1], 'base64url').toString());
  return new SignJWT({ role: 'authenticated', email: alice.email, session_id })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setSubject(alice.id)
    .setIssuer(claims.iss ?? h.app.auth.issuer)
    .setAudience(claims.aud ?? 'authenticated')
    .setIssuedAt(claims.exp - 3600)
    .setExpirationTime(claims.exp)
    .sign(key.privateKey);
}

describe('tokens', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts a token from the app key and rejects expired, forged and foreign-issuer tokens with 401', async () => {
    const query = JSON.stringify({ query: '{ viewer { id } }' });
    const ok = await post(query, { authorization: `Bearer ${await sign(h.signingKey, { exp: now() + 60 })}` });
    expect(await ok.json()).toEqual({ data: { viewer: { id: alice.id } } });

    const cases: [string, string][] = [
      [await sign(h.signingKey, { exp: now() - 1 }), 'token_expired'],
      [await sign(await generateSigningKey(), { exp: now() + 60 }), 'bad_jwt'],
      [await sign(h.signingKey, { exp: now() + 60, iss: 'https://elsewhere.example/auth/v1' }), 'bad_jwt'],
      [await sign(h.signingKey, { exp: now() + 60, aud: 'anon' }), 'bad_jwt'],
      ['garbage', 'bad_jwt'],
    ];
    for (const [token, reason] of cases) {
      const response = await post(query, { authorization: `Bearer ${token}` });
      expect(response.status).toBe(401);
      const body = await response.json();
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
    }
    const basic = await post(query, { authorization: 'Basic YTpi' });
    expect(basic.status).toBe(401);
  });
});

describe('query limits', () => {
  it('rejects a query deeper than the limit before running it', async () => {
    const deep = '{ schemas { edges { node { members { schema { members { schema { members { schema { id } } } } } } } } } }';
    const body = await (await post(JSON.stringify({ query: deep }), { authorization: `Bearer ${alice.token}` })).json();
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(/depth/i);
  });

  it('rejects too many aliases', async () => {
    const wide = `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`;
    const body = await (await post(JSON.stringify({ query: wide }), { authorization: `Bearer ${alice.token}` })).json();
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(/alias/i);
  });

  // graphql-armor's cost model: the cheap query costs about 16, the costly one about 253 (limit 220)
  it('rejects a query costlier than the limit, and runs a cheaper one', async () => {
    const fields = 'id name description version isShared myRole canEdit createdAt updatedAt';
    const cheap = `{ schemas { edges { node { id name } } } }`;
    const costly = `{ schemas { edges { node { ${fields} owner { id email } members { role addedAt user { id email } schema { ${fields} owner { id email } members { role addedAt } } } } } } }`;
    const ok = await (await post(JSON.stringify({ query: cheap }), { authorization: `Bearer ${alice.token}` })).json();
    expect(ok.errors).toBeUndefined();
    const body = await (await post(JSON.stringify({ query: costly }), { authorization: `Bearer ${alice.token}` })).json();
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(/cost/i);
  });

  it('rejects an oversized body with 413', async () => {
    const response = await post(JSON.stringify({ query: `{ viewer { id } } # ${'x'.repeat(5000)}` }));
    expect(response.status).toBe(413);
  });

  it('answers 413 from a declared Content-Length past the cap, and stops a body streamed without one once it passes the cap', async () => {
    const small = JSON.stringify({ query: '{ viewer { id } }' });
    const declared = await post(small, { 'content-length': '5000' });
    expect(declared.status).toBe(413);
    const invalid = await post(small, { 'content-length': '12, 12' });
    expect(invalid.status).toBe(400);

    let sent = 0;
    const chunk = new TextEncoder().encode(`{"query":"{ viewer { id } } # ${'x'.repeat(1000)}`);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const chunked = await h.app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      // a stream body needs it
      duplex: 'half',
    });
    expect(chunked.status).toBe(413);
    expect(sent).toBeLessThan(1024 * 1024);

    // a small body streamed without a length still runs
    const fine = await h.app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${alice.token}` },
      body: new Blob([small]).stream(),
      duplex: 'half',
    });
    expect(await fine.json()).toEqual({ data: { viewer: { id: alice.id } } });
  });
});

describe('unexpected errors', () => {
  let app: App;
  beforeAll(async () => {
    const failing = {
      ...h.app.db,
      asUser: async () => {
        throw new Error('connection to secret-host:5432 refused');
      },
    };
    app = await buildApp(h.config, { db: failing, signingKey: h.signingKey });
  });
  afterAll(() => app?.stop());

  it('are masked, with an id that is logged', async () => {
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${alice.token}` },
      body: JSON.stringify({ query: '{ schemas { edges { node { id } } } }' }),
    });
    const body = await response.json();
    const [error] = body.errors;
    expect(JSON.stringify(body)).not.toContain('secret-host');
    expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.extensions.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toContain(error.extensions.errorId);
  });
});
