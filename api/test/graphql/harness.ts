// An app over a fresh migrated database, driven in-process through yoga.fetch, with users made by
// the local auth (the same code path supabase-js takes).
import { generateSigningKey, type SigningKey } from '../../src/auth/signing-key.js';
import { createTestDatabase } from '../support/database.js';
import { loadConfig, type Config } from '../../src/config.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App, type AppDeps } from '../../src/server/app.js';
import { createLocalStorage } from '../../src/storage/local.js';

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

export interface Harness {
  app: App;
  /** The key the app's local auth signs with, to make expired or odd tokens. */
  signingKey: SigningKey;
  config: Config;
  /** POST /graphql as `user` (anonymous when undefined); returns the parsed body. */
  gql<T = any>(user: TestUser | undefined, query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }>;
  signUp(name: string): Promise<TestUser>;
  rowCount(table: string): Promise<number>;
  close(): Promise<void>;
}

/** Workers are the tests' business: the harness starts none unless TDG_IN_PROCESS_WORKERS says so. */
export async function startHarness(env: Record<string, string> = {}, deps: Pick<AppDeps, 'storage'> = {}): Promise<Harness> {
  const { db, drop } = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'tdg-harness-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', TDG_DATA_DIR: dataDir, TDG_IN_PROCESS_WORKERS: '0', ...env });
  const signingKey = await generateSigningKey();
  const storage = deps.storage ?? (await createLocalStorage({ dataDir }));
  const app = await buildApp(config, { db, signingKey, storage });
  let counter = 0;
  return {
    app,
    signingKey,
    config,
    async gql(user, query, variables) {
      const response = await app.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(user ? { authorization: `Bearer ${user.token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    async signUp(name) {
      const email = `${name}-${++counter}-${Date.now()}@example.com`;
      const response = await app.yoga.fetch('http://localhost/auth/v1/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json', apikey: 'local-anon-key' },
        body: JSON.stringify({ email, password: 'password-123' }),
      });
      const session = (await response.json()) as { access_token: string; user: { id: string } };
      if (!response.ok) throw new Error(`sign-up failed: ${JSON.stringify(session)}`);
      return { id: session.user.id, email, token: session.access_token };
    },
    async rowCount(table) {
      const [row] = await db.asService((tx) => tx.query<{ n: string | number }>(`select count(*) as n from ${table}`));
      return Number(row.n);
    },
    async close() {
      await app.stop();
      await drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
