// Fresh, migrated databases for tests: PGlite in memory by default, or a new database on the
// server named by TDG_TEST_DATABASE_URL (CI: postgres://postgres@127.0.0.1:5432/postgres).
import { randomBytes, randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { migrate } from '../../src/db/migrate.js';
import { MEMORY, clonePglite, createPglite, pgliteAdmin, pgliteDatabase } from '../../src/db/pglite.js';
import type { AdminDb, Claims, Database } from '../../src/db/port.js';
import { createPostgresClient, postgresAdmin, postgresDatabase } from '../../src/db/postgres.js';
import { adminOf } from '../../src/db/admin.js';

export interface TestDatabase {
  /** The Database port (asUser / asService / listen). */
  db: Database;
  /** Raw superuser access to the same database (same PGlite instance / server database). */
  admin: AdminDb;
  /** The database's URL when it lives on a PostgreSQL server. */
  url?: string;
  /** Close and delete the database. Safe to call twice. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** false: a blank database (no shim, no migrations) — for testing migrate() itself. Default true. */
  migrate?: boolean;
}

/** The server the suite runs against, or undefined for PGlite. */
export const testServerUrl: string | undefined = process.env.TDG_TEST_DATABASE_URL || undefined;

// Migrating PGlite costs seconds; cloning a migrated one costs far less. One template per worker.
let template: Promise<PGlite> | undefined;
function migratedTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const pg = await createPglite(MEMORY);
    await migrate(pgliteAdmin(pg));
    return pg;
  })();
  return template;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const wantMigrated = options.migrate !== false;
  if (!testServerUrl) {
    const pg = wantMigrated ? await clonePglite(await migratedTemplate()) : await createPglite(MEMORY);
    const db = pgliteDatabase(pg);
    return { db, admin: adminOf(db), drop: () => db.close() };
  }

  const name = `tdg_test_${randomBytes(6).toString('hex')}`;
  const maintenance = createPostgresClient(testServerUrl, { max: 1 });
  try {
    await maintenance.unsafe(`create database ${name}`);
  } finally {
    await maintenance.end({ timeout: 5 });
  }
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  const sql = createPostgresClient(url.toString(), { max: 4 });
  const db = postgresDatabase(sql);
  const admin = postgresAdmin(sql);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await sql.end({ timeout: 5 });
    const server = createPostgresClient(testServerUrl, { max: 1 });
    try {
      await server.unsafe(`drop database if exists ${name} with (force)`);
    } finally {
      await server.end({ timeout: 5 });
    }
  };
  if (wantMigrated) {
    try {
      await migrate(admin);
    } catch (error) {
      await drop();
      throw error;
    }
  }
  return { db, admin, url: url.toString(), drop };
}

export interface TestUser {
  id: string;
  email: string;
  /** Claims as the auth layer would pass them to `db.asUser`. */
  claims: Claims;
}

/** Inserts a confirmed user into auth.users (as service_role) and returns its claims. */
export async function createTestUser(db: Database, email = `user-${randomUUID()}@example.test`): Promise<TestUser> {
  const [row] = await db.asService((tx) =>
    tx.query<{ id: string }>(
      `insert into auth.users (id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
       values (gen_random_uuid(), 'authenticated', 'authenticated', $1, now(), '{"provider":"email"}'::jsonb, '{}'::jsonb)
       returning id`,
      [email],
    ),
  );
  return { id: row.id, email, claims: { sub: row.id, role: 'authenticated', email, aud: 'authenticated' } };
}

/** Claims of a request without a signed-in user (`anon`). */
export const anonClaims: Claims = { sub: '', role: 'anon' };
