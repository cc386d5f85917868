// Fresh, migrated databases for tests: PGlite in memory by default, or a new database on the
// server named by TDG_TEST_DATABASE_URL (CI: postgres://postgres@127.0.0.1:5432/postgres).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSupabaseDir, migrate } from '../../src/db/migrate.js';
import { MEMORY, createPglite, loadPglite, pgliteAdmin, pgliteDatabase } from '../../src/db/pglite.js';
import { pgliteThreadDatabase } from '../../src/db/pglite-thread.js';
import type { AdminDb, Claims, Database } from '../../src/db/port.js';
import { createPostgresClient, postgresAdmin, postgresDatabase, redactUrl } from '../../src/db/postgres.js';
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
  /** PGlite in a worker thread of its own (pglite-thread.ts), as `tdg serve` opens it. Default false. */
  thread?: boolean;
}

/** The server the suite runs against, or undefined for PGlite. */
export const testServerUrl: string | undefined = process.env.TDG_TEST_DATABASE_URL || undefined;

// A new PGlite runs initdb (10–20 s on a busy machine) and migrations; loading a dump takes a few
// seconds. Dumps of a blank and of a migrated database are cached on disk, keyed by the SQL and
// PGlite's version, so every test file and worker after the first starts from them.
const templates = new Map<'blank' | 'migrated', Promise<Blob>>();
function pgliteTemplate(kind: 'blank' | 'migrated'): Promise<Blob> {
  let dump = templates.get(kind);
  if (!dump) {
    dump = buildTemplate(kind);
    templates.set(kind, dump);
  }
  return dump;
}

async function buildTemplate(kind: 'blank' | 'migrated'): Promise<Blob> {
  const dir = join(tmpdir(), 'tdg-test-pglite');
  const path = join(dir, `${kind}-${await templateKey(kind)}.tar`);
  try {
    return new Blob([await readFile(path)], { type: 'application/x-tar' });
  } catch {
    // not built yet
  }
  const pg = kind === 'blank' ? await createPglite(MEMORY) : await loadPglite(await pgliteTemplate('blank'));
  try {
    if (kind === 'migrated') await migrate(pgliteAdmin(pg));
    const dump = await pg.dumpDataDir('none');
    await mkdir(dir, { recursive: true });
    const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, path); // atomic: concurrent workers never read half a file
    // stale templates (older migrations) are 40 MB each
    for (const old of await readdir(dir)) {
      if (old.startsWith(`${kind}-`) && old.endsWith('.tar') && join(dir, old) !== path) await rm(join(dir, old), { force: true });
    }
    return dump;
  } finally {
    await pg.close();
  }
}

async function templateKey(kind: 'blank' | 'migrated'): Promise<string> {
  const hash = createHash('sha256');
  // the package does not export its package.json; its entry file changes with every release
  hash.update(await readFile(createRequire(import.meta.url).resolve('@electric-sql/pglite')));
  if (kind === 'migrated') {
    const supabase = findSupabaseDir();
    const migrations = join(supabase, 'migrations');
    for (const file of (await readdir(migrations)).sort()) hash.update(file).update(await readFile(join(migrations, file)));
    hash.update(await readFile(join(supabase, 'shim', 'local-supabase.sql')));
  }
  return hash.digest('hex').slice(0, 16);
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const wantMigrated = options.migrate !== false;
  if (!testServerUrl) {
    const dump = await pgliteTemplate(wantMigrated ? 'migrated' : 'blank');
    const db = options.thread ? await pgliteThreadDatabase({ dump }) : pgliteDatabase(await loadPglite(dump));
    return { db, admin: adminOf(db), drop: () => db.close() };
  }

  const name = `tdg_test_${randomBytes(6).toString('hex')}`;
  const maintenance = createPostgresClient(testServerUrl, { max: 1 });
  try {
    await maintenance.unsafe(`create database ${name}`);
  } catch (error) {
    throw new Error(`TDG_TEST_DATABASE_URL ${redactUrl(testServerUrl)}: cannot create a test database (${(error as Error).message})`);
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
