import { join, resolve } from 'node:path';
import { adminOf } from './admin.js';
import { migrate, type MigrateOptions } from './migrate.js';
import { MEMORY, createPglite, pgliteAdmin, pgliteDatabase } from './pglite.js';
import { pgliteThreadDatabase } from './pglite-thread.js';
import type { AdminDb, Database } from './port.js';
import { checkReachable, createPostgresClient, postgresAdmin, postgresDatabase } from './postgres.js';

export interface DatabaseConfig {
  /** A postgres:// URL: use the PostgreSQL adapter. When absent, the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite's root folder (default `.data`, relative to cwd); the database lives in `<dataDir>/pglite`. `memory://` keeps it in memory. */
  dataDir?: string;
  /** Run `migrate()` after opening (default true; a no-op when up to date). */
  migrate?: boolean;
  /** Passed to `migrate()`. */
  migrations?: MigrateOptions;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /** PGlite in a worker thread of its own (default true), so the event loop spends no time inside Postgres; false: in this thread. */
  pgliteThread?: boolean;
}

/** `DATABASE_URL` and `TDG_DATA_DIR` from the environment. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.TDG_DATA_DIR || '.data' };
}

/** Where the PGlite files of a config live, or `memory://`. */
export function pgliteLocation(config: DatabaseConfig): string {
  const dataDir = config.dataDir ?? '.data';
  return dataDir === MEMORY ? MEMORY : join(resolve(dataDir), 'pglite');
}

/** A human description of the target, e.g. for `tdg migrate` output (password hidden). */
export function describeTarget(config: DatabaseConfig): string {
  if (config.databaseUrl) {
    try {
      const url = new URL(config.databaseUrl);
      return `postgres ${url.hostname}:${url.port || 5432}${url.pathname}`;
    } catch {
      return 'postgres <unparseable DATABASE_URL>';
    }
  }
  return `pglite ${pgliteLocation(config)}`;
}

/** Opens the Database port: PostgreSQL when `databaseUrl` is set, else PGlite; migrates unless `migrate: false`. */
export async function openDatabase(config: DatabaseConfig = databaseConfigFromEnv()): Promise<Database> {
  let db: Database;
  if (config.databaseUrl) {
    const sql = createPostgresClient(config.databaseUrl, { max: config.poolSize });
    try {
      await checkReachable(sql, config.databaseUrl);
    } catch (error) {
      await sql.end({ timeout: 1 });
      throw error;
    }
    db = postgresDatabase(sql);
  } else {
    const location = pgliteLocation(config);
    db = config.pgliteThread === false ? pgliteDatabase(await createPglite(location)) : await pgliteThreadDatabase({ dir: location });
  }
  if (config.migrate !== false) {
    try {
      await migrate(adminOf(db), config.migrations);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}

/** Raw superuser access to the configured database (no migrations run). Close it when done. */
export async function connectAdmin(config: DatabaseConfig = databaseConfigFromEnv()): Promise<AdminDb> {
  if (config.databaseUrl) {
    const sql = createPostgresClient(config.databaseUrl, { max: 1 });
    try {
      await checkReachable(sql, config.databaseUrl);
    } catch (error) {
      await sql.end({ timeout: 1 });
      throw error;
    }
    return postgresAdmin(sql);
  }
  return pgliteAdmin(await createPglite(pgliteLocation(config)));
}
