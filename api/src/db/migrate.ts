import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'pgsql-parser';
import type { AdminDb, AdminTx } from './port.js';

/** A migration that cannot be read, does not fit the database's history, or fails to apply. */
export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(
    message: string,
    readonly file?: string,
    readonly statement?: string,
  ) {
    super(message);
  }
}

export interface MigrationFile {
  /** The timestamp prefix, e.g. `20251002120000` (Supabase CLI's version). */
  version: string;
  /** The rest of the file name, e.g. `generator_tables`. */
  name: string;
  file: string;
  path: string;
  checksum: string;
  statements: Statement[];
}

export interface Statement {
  sql: string;
  /** 1-based line of the statement's first line in its file. */
  line: number;
}

export interface MigrateOptions {
  /** Folder of `<version>_<name>.sql` files (default: the repo's `supabase/migrations`). */
  migrationsDir?: string;
  /** The local Supabase shim, applied when the `auth` schema is missing (default: `supabase/shim/local-supabase.sql`). */
  shimFile?: string;
  log?: (line: string) => void;
}

export interface MigrateResult {
  /** Whether the local Supabase shim was applied in this run. */
  shim: boolean;
  /** Versions applied in this run, in order (empty when the database was up to date). */
  applied: string[];
  /** The newest applied version after the run. */
  current: string | null;
}

// One lock for every migrator of a database (the serve process, the worker, the CLI).
const LOCK_KEY = 7_316_512_001;
const FILE_NAME = /^(\d+)_(.+)\.sql$/;

/** The repo's `supabase/` folder, found from this module, not from the working directory. */
export function findSupabaseDir(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'supabase', 'migrations'))) return join(dir, 'supabase');
    if (dirname(dir) === dir) throw new MigrationError(`no supabase/migrations folder above ${from}`);
  }
}

/** Reads, checks and splits the migration files (no database needed): bad names, duplicate versions and syntax errors fail here. */
export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  let names: string[];
  try {
    names = readdirSync(migrationsDir).filter((name) => name.endsWith('.sql'));
  } catch (error) {
    throw new MigrationError(`cannot read migrations folder ${migrationsDir} (${(error as NodeJS.ErrnoException).code})`);
  }
  const files: MigrationFile[] = [];
  for (const file of names.sort()) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new MigrationError(`${file}: migration files are named <timestamp>_<name>.sql`, file);
    const path = join(migrationsDir, file);
    const text = readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
    files.push({
      version: match[1],
      name: match[2],
      file,
      path,
      checksum: createHash('sha256').update(text).digest('hex'),
      statements: await splitStatements(text, file),
    });
  }
  files.sort((a, b) => compareVersions(a.version, b.version));
  for (let i = 1; i < files.length; i++) {
    if (files[i].version === files[i - 1].version) {
      throw new MigrationError(`${files[i - 1].file} and ${files[i].file} share version ${files[i].version}`, files[i].file);
    }
  }
  return files;
}

function compareVersions(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Splits SQL text into statements with the real Postgres parser (dollar quotes, comments and all). */
export async function splitStatements(text: string, file = '<sql>'): Promise<Statement[]> {
  let tree: { stmts?: { stmt_location?: number; stmt_len?: number }[] };
  try {
    tree = await parse(text);
  } catch (error) {
    const e = error as Error & { sqlDetails?: { cursorPosition?: number } };
    const at = e.sqlDetails?.cursorPosition;
    const where = at === undefined ? '' : ` at line ${lineAt(text, Buffer.from(text).subarray(0, at).toString().length)}`;
    throw new MigrationError(`${file}: syntax error${where}: ${e.message}`, file);
  }
  // libpg_query reports byte offsets
  const bytes = Buffer.from(text);
  const statements: Statement[] = [];
  for (const { stmt_location = 0, stmt_len = 0 } of tree.stmts ?? []) {
    const raw = bytes.subarray(stmt_location, stmt_len ? stmt_location + stmt_len : undefined).toString();
    const start = bytes.subarray(0, stmt_location).toString().length;
    const sql = stripLeadingComments(raw);
    if (!sql) continue;
    statements.push({ sql, line: lineAt(text, start + raw.indexOf(sql)) });
  }
  return statements;
}

function stripLeadingComments(sql: string): string {
  let rest = sql.trim();
  for (;;) {
    if (rest.startsWith('--')) {
      const end = rest.indexOf('\n');
      rest = end < 0 ? '' : rest.slice(end + 1).trim();
    } else if (rest.startsWith('/*')) {
      const end = rest.indexOf('*/');
      rest = end < 0 ? '' : rest.slice(end + 2).trim();
    } else return rest;
  }
}

function lineAt(text: string, index: number): number {
  return text.slice(0, Math.max(0, index)).split('\n').length;
}

function excerpt(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ');
  return flat.length > 100 ? `${flat.slice(0, 97)}...` : flat;
}

const BOOKKEEPING = `
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
alter table supabase_migrations.schema_migrations add column if not exists statements text[];
alter table supabase_migrations.schema_migrations add column if not exists name text;
create table if not exists supabase_migrations.tdg_migration_checksums (
  version text primary key,
  checksum text not null,
  applied_at timestamptz not null default now()
);`;

/**
 * Applies the local Supabase shim where needed, then every pending migration in version order,
 * each in its own transaction, recorded in `supabase_migrations.schema_migrations` like the
 * Supabase CLI does (plus a checksum in `supabase_migrations.tdg_migration_checksums`).
 * Before applying anything it refuses: a changed file that was applied, a gap (an unapplied
 * version older than the newest applied one), or an applied version with no file.
 */
export async function migrate(admin: AdminDb, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrationsDir = resolve(options.migrationsDir ?? join(findSupabaseDir(), 'migrations'));
  const shimFile = options.shimFile ?? join(findSupabaseDir(), 'shim', 'local-supabase.sql');
  const log = options.log ?? (() => {});
  const files = await readMigrations(migrationsDir);

  const shim = await admin.transaction(async (tx) => {
    await lock(tx);
    const [{ present }] = await tx.query<{ present: boolean }>(`select to_regnamespace('auth') is not null as present`);
    if (!present) {
      await runStatements(tx, await splitStatements(readFileSync(shimFile, 'utf8'), shimFile), shimFile);
      log(`applied the local Supabase shim (${shimFile})`);
    }
    await tx.exec(BOOKKEEPING);
    return !present;
  });

  const applied = await appliedVersions(admin);
  const pending = checkHistory(files, applied, migrationsDir);

  const done: string[] = [];
  for (const migration of pending) {
    const ran = await admin.transaction(async (tx) => {
      await lock(tx);
      // another process may have applied it while we waited for the lock
      const [again] = await tx.query(`select 1 from supabase_migrations.schema_migrations where version = $1`, [migration.version]);
      if (again) return false;
      await runStatements(tx, migration.statements, migration.file);
      await tx.query(`insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3::text[])`, [
        migration.version,
        migration.name,
        migration.statements.map((s) => s.sql),
      ]);
      await tx.query(
        `insert into supabase_migrations.tdg_migration_checksums (version, checksum) values ($1, $2)
         on conflict (version) do update set checksum = excluded.checksum, applied_at = now()`,
        [migration.version, migration.checksum],
      );
      return true;
    });
    if (ran) {
      done.push(migration.version);
      log(`applied ${migration.file}`);
    }
  }
  const versions = [...applied.keys(), ...done].sort(compareVersions);
  return { shim, applied: done, current: versions.at(-1) ?? null };
}

async function lock(tx: AdminTx): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock($1::bigint)`, [LOCK_KEY]);
}

async function appliedVersions(admin: AdminDb): Promise<Map<string, string | null>> {
  const rows = await admin.query<{ version: string; checksum: string | null }>(
    `select m.version, c.checksum
       from supabase_migrations.schema_migrations m
       left join supabase_migrations.tdg_migration_checksums c using (version)`,
  );
  return new Map(rows.map((row) => [row.version, row.checksum]));
}

function checkHistory(files: MigrationFile[], applied: Map<string, string | null>, dir: string): MigrationFile[] {
  const known = new Set(files.map((f) => f.version));
  for (const version of applied.keys()) {
    if (!known.has(version)) {
      throw new MigrationError(`the database has migration ${version} applied but ${dir} has no file for it`);
    }
  }
  for (const file of files) {
    const checksum = applied.get(file.version);
    // a version applied by the Supabase CLI has no checksum row: nothing to compare against
    if (checksum && checksum !== file.checksum) {
      throw new MigrationError(`${file.file} changed after it was applied (checksum mismatch); add a new migration instead`, file.file);
    }
  }
  const newest = [...applied.keys()].sort(compareVersions).at(-1);
  const pending = files.filter((f) => !applied.has(f.version));
  const gap = newest === undefined ? undefined : pending.find((f) => compareVersions(f.version, newest) < 0);
  if (gap) {
    throw new MigrationError(`${gap.file} is older than the newest applied migration ${newest} but was never applied (gap in history)`, gap.file);
  }
  return pending;
}

async function runStatements(tx: AdminTx, statements: Statement[], file: string): Promise<void> {
  for (const [index, statement] of statements.entries()) {
    try {
      await tx.exec(statement.sql);
    } catch (error) {
      throw new MigrationError(
        `${file}: statement ${index + 1} at line ${statement.line} failed, rolled back: ${(error as Error).message} — in: ${excerpt(statement.sql)}`,
        file,
        statement.sql,
      );
    }
  }
}
