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

const USER = '0b5a4c1e-8d4e-4f8e-9b7a-3c2d1e0f9a8b';
const OTHER = '5d6c7b8a-1e2f-4a3b-8c4d-9e0f1a2b3c4d';
let session: string;

/** A GoTrue session row, as Supabase Auth writes it on sign-in. */
async function newSession(userId: string, notAfter: string | null = null): Promise<string> {
  const [row] = await database.db.asService((tx) =>
    tx.query<{ id: string }>(`insert into auth.sessions (user_id, not_after) values ($1, $2) returning id::text as id`, [userId, notAfter]),
  );
  return row.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  // no cache: sessions here are ended by "GoTrue" (this test's SQL), which this process does not hear of
  const config = loadConfig({
    PORT: '0',
    TDG_IN_PROCESS_WORKERS: '0',
    SUPABASE_URL,
    SUPABASE_JWT_SECRET: SECRET,
    SUPABASE_ANON_KEY: 'anon',
    TDG_AUTH_SESSION_CACHE_SECONDS: '0',
  });
  app = await buildApp(config, { db: database.db });
  await database.db.asService(async (tx) => {
    for (const [id, email] of [
      [USER, 'dana@example.com'],
      [OTHER, 'erin@example.com'],
    ]) {
      await tx.query(`insert into auth.users (id, aud, role, email) values ($1, 'authenticated', 'authenticated', $2)`, [id, email]);
    }
  });
  session = await newSession(USER);
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

const token = (secret: string, issuer = `${SUPABASE_URL}/auth/v1`, sessionId: string | null = session) =>
  new SignJWT({ role: 'authenticated', email: 'dana@example.com', ...(sessionId ? { session_id: sessionId } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(USER)
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
    expect((await viewer(await token(SECRET))).body.data.viewer).toEqual({ id: USER, email: 'dana@example.com' });
    expect((await viewer(await token(`${SECRET}-other`))).status).toBe(401);
    expect((await viewer(await token(SECRET, 'https://other-ref.supabase.co/auth/v1'))).status).toBe(401);
  });

  it('refuses a token whose GoTrue session ended, expired, belongs to someone else or is not named', async () => {
    const ended = await newSession(USER);
    expect((await viewer(await token(SECRET, undefined, ended))).body.data.viewer.id).toBe(USER);
    // GoTrue's logout deletes the row
    await database.db.asService((tx) => tx.query(`delete from auth.sessions where id = $1`, [ended]));
    const refused = await viewer(await token(SECRET, undefined, ended));
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'session_not_found' });

    const timedOut = await newSession(USER, new Date(Date.now() - 1000).toISOString());
    expect((await viewer(await token(SECRET, undefined, timedOut))).status).toBe(401);
    const someoneElses = await newSession(OTHER);
    expect((await viewer(await token(SECRET, undefined, someoneElses))).status).toBe(401);
    const unnamed = await viewer(await token(SECRET, undefined, null));
    expect(unnamed.status).toBe(401);
    expect(unnamed.body.errors[0].extensions.reason).toBe('bad_jwt');
    expect((await viewer(await token(SECRET, undefined, 'not-a-uuid'))).status).toBe(401);
    // and the live one still works
    expect((await viewer(await token(SECRET))).status).toBe(200);
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
