// With a Supabase project configured the API verifies that project's tokens and serves no auth.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildApp, type App } from '../../src/server/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const SUPABASE_URL = 'https://project-ref.supabase.co';
const SECRET = 'legacy-jwt-secret-with-at-least-32-characters';
let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ PORT: '0', TDG_IN_PROCESS_WORKERS: '0', SUPABASE_URL, SUPABASE_JWT_SECRET: SECRET, SUPABASE_ANON_KEY: 'anon' });
  app = await buildApp(config, { db: database.db });
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

const token = (secret: string, issuer = `${SUPABASE_URL}/auth/v1`) =>
  new SignJWT({ role: 'authenticated', email: 'dana@example.com' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('0b5a4c1e-8d4e-4f8e-9b7a-3c2d1e0f9a8b')
    .setIssuer(issuer)
    .setAudience('authenticated')
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(secret));

const viewer = async (jwt: string) => {
  const response = await app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
    body: JSON.stringify({ query: '{ viewer { id email } }' }),
  });
  return { status: response.status, body: await response.json() };
};

describe('Supabase mode (legacy HS256 secret)', () => {
  it("accepts the project's tokens and rejects others", async () => {
    expect((await viewer(await token(SECRET))).body.data.viewer).toEqual({ id: '0b5a4c1e-8d4e-4f8e-9b7a-3c2d1e0f9a8b', email: 'dana@example.com' });
    expect((await viewer(await token(`${SECRET}-other`))).status).toBe(401);
    expect((await viewer(await token(SECRET, 'https://other-ref.supabase.co/auth/v1'))).status).toBe(401);
  });

  it('does not serve the local auth', async () => {
    expect(app.auth.local).toBeUndefined();
    const response = await app.yoga.fetch('http://localhost/auth/v1/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x@example.com', password: 'secret123' }),
    });
    expect(response.status).toBe(404);
  });
});
