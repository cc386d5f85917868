import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, loadSigningKey, type SigningKey } from './signing-key.js';
import { createTokenVerifier, localJwks, remoteJwks } from './token-verifier.js';

const issuer = 'http://localhost:4000/auth/v1';
const sub = '6f1c8f8e-7a4e-4a57-9a53-2d0f6d1f6a11';

function token(key: SigningKey, overrides: { iss?: string; aud?: string; exp?: number; role?: string | null } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { role: 'authenticated', email: 'a@example.com' };
  if (overrides.role === null) delete claims.role;
  else if (overrides.role) claims.role = overrides.role;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setSubject(sub)
    .setIssuer(overrides.iss ?? issuer)
    .setAudience(overrides.aud ?? 'authenticated')
    .setIssuedAt(now - 10)
    .setExpirationTime(overrides.exp ?? now + 60)
    .sign(key.privateKey);
}

describe('token verifier (ES256 / JWKS)', () => {
  let key: SigningKey;
  let other: SigningKey;
  beforeAll(async () => {
    key = await generateSigningKey();
    other = await generateSigningKey();
  });
  const verify = () => createTokenVerifier({ issuer, jwks: localJwks([key.publicJwk]) });

  it('accepts a token signed by the key and returns its claims', async () => {
    const claims = await verify()(await token(key));
    expect(claims).toMatchObject({ sub, role: 'authenticated', aud: 'authenticated', email: 'a@example.com', iss: issuer });
  });

  it('rejects an expired token as token_expired', async () => {
    const expired = await token(key, { exp: Math.floor(Date.now() / 1000) - 5 });
    await expect(verify()(expired)).rejects.toMatchObject({ name: 'AuthenticationError', code: 'token_expired' });
  });

  it('rejects a token signed by another key (forged), even with the same kid', async () => {
    const forged = await new SignJWT({ role: 'authenticated' })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setSubject(sub)
      .setIssuer(issuer)
      .setAudience('authenticated')
      .setExpirationTime('1m')
      .sign(other.privateKey);
    await expect(verify()(forged)).rejects.toMatchObject({ code: 'bad_jwt' });
  });

  it('rejects a tampered payload', async () => {
    const [header, , signature] = (await token(key)).split('.');
    const payload = Buffer.from(JSON.stringify({ sub, role: 'service_role', aud: 'authenticated', iss: issuer, exp: 9999999999 })).toString('base64url');
    await expect(verify()(`${header}.${payload}.${signature}`)).rejects.toMatchObject({ code: 'bad_jwt' });
  });

  it('rejects wrong audience, wrong issuer, missing role, alg none and garbage', async () => {
    await expect(verify()(await token(key, { aud: 'anon' }))).rejects.toMatchObject({ code: 'bad_jwt' });
    await expect(verify()(await token(key, { iss: 'https://evil.example/auth/v1' }))).rejects.toMatchObject({ code: 'bad_jwt' });
    await expect(verify()(await token(key, { role: null }))).rejects.toMatchObject({ code: 'bad_jwt' });
    const unsigned = new UnsecuredJWT({ role: 'authenticated' })
      .setSubject(sub)
      .setIssuer(issuer)
      .setAudience('authenticated')
      .setExpirationTime('1m')
      .encode();
    await expect(verify()(unsigned)).rejects.toMatchObject({ code: 'bad_jwt' });
    await expect(verify()('not.a.jwt')).rejects.toMatchObject({ code: 'bad_jwt' });
  });

  it('rejects an HS256 token when only the JWKS is configured', async () => {
    const hs = await new SignJWT({ role: 'authenticated' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setIssuer(issuer)
      .setAudience('authenticated')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    await expect(verify()(hs)).rejects.toMatchObject({ code: 'bad_jwt' });
  });
});

describe('token verifier cache', () => {
  let key: SigningKey;
  beforeAll(async () => {
    key = await generateSigningKey();
  });
  // a JWKS that counts how often a signature is checked (once per verify that misses the cache)
  const counting = () => {
    const local = localJwks([key.publicJwk]);
    const jwks = Object.assign((...args: Parameters<typeof local>) => (jwks.lookups++, local(...args)), { lookups: 0 });
    return jwks;
  };

  it('checks a token once while it is remembered, and again after cacheMs', async () => {
    const jwks = counting();
    let clock = Date.now();
    const verify = createTokenVerifier({ issuer, jwks, cacheMs: 30_000, now: () => clock });
    const signed = await token(key);
    await expect(verify(signed)).resolves.toMatchObject({ sub });
    await expect(verify(signed)).resolves.toMatchObject({ sub });
    expect(jwks.lookups).toBe(1);
    clock += 30_001;
    await expect(verify(signed)).resolves.toMatchObject({ sub });
    expect(jwks.lookups).toBe(2);
  });

  it('never serves a token from the cache past its exp', async () => {
    const jwks = counting();
    let clock = Date.now();
    const verify = createTokenVerifier({ issuer, jwks, cacheMs: 3_600_000, now: () => clock });
    const exp = Math.floor(clock / 1000) + 60;
    const signed = await token(key, { exp });
    await verify(signed);
    clock = exp * 1000 - 1;
    await verify(signed);
    expect(jwks.lookups).toBe(1);
    clock = exp * 1000;
    await verify(signed);
    expect(jwks.lookups).toBe(2);
  });

  it('refuses a tampered or forged token while the genuine one is cached', async () => {
    const verify = createTokenVerifier({ issuer, jwks: localJwks([key.publicJwk]) });
    const signed = await token(key);
    await verify(signed);
    const [header, , signature] = signed.split('.');
    const payload = Buffer.from(JSON.stringify({ sub, role: 'service_role', aud: 'authenticated', iss: issuer, exp: 9999999999 })).toString('base64url');
    await expect(verify(`${header}.${payload}.${signature}`)).rejects.toMatchObject({ code: 'bad_jwt' });
    await expect(verify(`${signed.slice(0, -2)}AA`)).rejects.toMatchObject({ code: 'bad_jwt' });
  });

  it('remembers at most cacheEntries tokens, forgetting the least recently used', async () => {
    const jwks = counting();
    const verify = createTokenVerifier({ issuer, jwks, cacheEntries: 2 });
    const [a, b, c] = await Promise.all([
      token(key, { exp: Math.floor(Date.now() / 1000) + 61 }),
      token(key, { exp: Math.floor(Date.now() / 1000) + 62 }),
      token(key, { exp: Math.floor(Date.now() / 1000) + 63 }),
    ]);
    await verify(a);
    await verify(b);
    await verify(a); // a is now the most recently used
    await verify(c); // b goes
    expect(jwks.lookups).toBe(3);
    await verify(a);
    expect(jwks.lookups).toBe(3);
    await verify(b);
    expect(jwks.lookups).toBe(4);
  });

  it("hands out one frozen object per token: a caller cannot change the next caller's claims", async () => {
    const verify = createTokenVerifier({ issuer, jwks: localJwks([key.publicJwk]) });
    const signed = await token(key);
    const first = await verify(signed);
    expect(() => {
      first.role = 'service_role';
    }).toThrow(TypeError);
    const second = await verify(signed);
    expect(second).toBe(first);
    expect(second).toMatchObject({ role: 'authenticated' });
  });
});

describe('token verifier (legacy HS256 secret)', () => {
  const secret = 'super-secret-jwt-token-with-at-least-32-characters-long';
  const sign = (withSecret: string) =>
    new SignJWT({ role: 'authenticated' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setIssuer(issuer)
      .setAudience('authenticated')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(withSecret));

  it('accepts tokens signed with the secret and rejects others', async () => {
    const verify = createTokenVerifier({ issuer, hs256Secret: secret });
    await expect(verify(await sign(secret))).resolves.toMatchObject({ sub });
    await expect(verify(await sign(`${secret}!`))).rejects.toMatchObject({ code: 'bad_jwt' });
  });
});

describe('token verifier (remote JWKS over HTTP)', () => {
  let key: SigningKey;
  let url: string;
  const server = createServer((req, res) => {
    if (req.url === '/auth/v1/.well-known/jwks.json') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [key.publicJwk] }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  beforeAll(async () => {
    key = await generateSigningKey();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches the project JWKS and verifies with it', async () => {
    const verify = createTokenVerifier({ issuer: `${url}/auth/v1`, jwks: remoteJwks(url) });
    const signed = await token(key, { iss: `${url}/auth/v1` });
    await expect(verify(signed)).resolves.toMatchObject({ sub });
    const foreign = await token(await generateSigningKey(), { iss: `${url}/auth/v1` });
    await expect(verify(foreign)).rejects.toMatchObject({ code: 'bad_jwt' });
  });
});

describe('signing key persistence', () => {
  it('creates the key once in the data dir and reloads the same key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tdg-key-'));
    try {
      const first = await loadSigningKey(dir);
      const second = await loadSigningKey(dir);
      expect(second.kid).toBe(first.kid);
      expect(second.publicJwk).toEqual(first.publicJwk);
      expect(first.publicJwk).not.toHaveProperty('d');
      // a token from before the "restart" verifies with the reloaded key
      const verify = createTokenVerifier({ issuer, jwks: localJwks([second.publicJwk]) });
      await expect(verify(await token(first))).resolves.toMatchObject({ sub });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
