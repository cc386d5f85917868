// migrate(): shim, ordering, bookkeeping, and the refusals (changed file, gap, failing statement).
// Runs on PGlite, or on PostgreSQL when TDG_TEST_DATABASE_URL is set.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MigrationError, migrate, readMigrations } from './migrate.js';
import type { AdminDb } from './port.js';
import { runCli } from '../cli/run.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function migrationsDir(files: Record<string, string>): { dir: string; write(name: string, sql: string): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tdg-migrations-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, sql: string) => writeFileSync(join(dir, name), sql);
  for (const [name, sql] of Object.entries(files)) write(name, sql);
  return { dir, write };
}

async function blankDatabase(): Promise<TestDatabase> {
  const t = await createTestDatabase({ migrate: false });
  cleanups.push(() => t.drop());
  return t;
}

const tableExists = async (admin: AdminDb, name: string) =>
  (await admin.query<{ present: boolean }>(`select to_regclass($1) is not null as present`, [name]))[0].present;

const recorded = async (admin: AdminDb) =>
  (await admin.query<{ version: string }>(`select version from supabase_migrations.schema_migrations order by version`)).map((r) => r.version);

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as MigrationError,
  );

describe('migrate', () => {
  it('applies the shim and the migrations once, records them like the Supabase CLI, then is a no-op', async () => {
    const { admin } = await blankDatabase();
    const { dir } = migrationsDir({
      '20250101000000_first.sql': `-- a comment\ncreate table public.a (id int primary key);\ninsert into public.a values (1);`,
      '20250102000000_second.sql': `create function public.two() returns int language plpgsql as $$ begin return 2; end $$;`,
    });
    const first = await migrate(admin, { migrationsDir: dir });
    expect(first).toEqual({ shim: true, applied: ['20250101000000', '20250102000000'], current: '20250102000000' });

    const rows = await admin.query<{ version: string; name: string; statements: string[] }>(
      `select version, name, statements from supabase_migrations.schema_migrations order by version`,
    );
    expect(rows).toEqual([
      { version: '20250101000000', name: 'first', statements: ['create table public.a (id int primary key)', 'insert into public.a values (1)'] },
      { version: '20250102000000', name: 'second', statements: ['create function public.two() returns int language plpgsql as $$ begin return 2; end $$'] },
    ]);
    // the shim gave us Supabase's auth surface
    const [auth] = await admin.query<{ uid: string | null; roles: number }>(
      `select auth.uid() as uid, (select count(*) from pg_roles where rolname in ('anon', 'authenticated', 'service_role', 'authenticator')) as roles`,
    );
    expect(auth).toEqual({ uid: null, roles: 4 });

    const second = await migrate(admin, { migrationsDir: dir });
    expect(second).toEqual({ shim: false, applied: [], current: '20250102000000' });
    expect((await admin.query(`select * from public.a`)).length).toBe(1);
  });

  it('runs concurrent migrators without applying anything twice', async () => {
    const { admin } = await blankDatabase();
    const { dir } = migrationsDir({ '20250101000000_only.sql': `create table public.once (id int);` });
    const results = await Promise.all([migrate(admin, { migrationsDir: dir }), migrate(admin, { migrationsDir: dir })]);
    expect(results.flatMap((r) => r.applied)).toEqual(['20250101000000']);
    expect(await recorded(admin)).toEqual(['20250101000000']);
  });

  it('refuses a changed file that was applied, a gap, and an applied version without a file — applying nothing', async () => {
    const { admin } = await blankDatabase();
    const m = migrationsDir({
      '20250101000000_a.sql': `create table public.a (id int);`,
      '20250103000000_c.sql': `create table public.c (id int);`,
    });
    await migrate(admin, { migrationsDir: m.dir });

    // gap: b is older than the newest applied (c) and was never applied
    m.write('20250102000000_b.sql', `create table public.b (id int);`);
    m.write('20250104000000_d.sql', `create table public.d (id int);`);
    const gap = await rejection(migrate(admin, { migrationsDir: m.dir }));
    expect(gap).toBeInstanceOf(MigrationError);
    expect(gap.message).toMatch(/20250102000000_b\.sql.*gap/);
    expect(gap.file).toBe('20250102000000_b.sql');
    rmSync(join(m.dir, '20250102000000_b.sql'));

    // changed after it was applied
    m.write('20250101000000_a.sql', `create table public.a (id bigint);`);
    const changed = await rejection(migrate(admin, { migrationsDir: m.dir }));
    expect(changed.message).toMatch(/20250101000000_a\.sql changed after it was applied \(checksum mismatch\)/);
    m.write('20250101000000_a.sql', `create table public.a (id int);`);

    // applied, but the file is gone
    rmSync(join(m.dir, '20250103000000_c.sql'));
    const missing = await rejection(migrate(admin, { migrationsDir: m.dir }));
    expect(missing.message).toMatch(/migration 20250103000000 applied but .* has no file/);

    // none of the refusals applied the pending d
    expect(await tableExists(admin, 'public.d')).toBe(false);
    expect(await recorded(admin)).toEqual(['20250101000000', '20250103000000']);
  });

  it('rolls a failing migration back and names its file and statement', async () => {
    const { admin } = await blankDatabase();
    const { dir } = migrationsDir({
      '20250101000000_good.sql': `create table public.good (id int);`,
      '20250102000000_bad.sql': `create table public.half (id int);\n\ninsert into public.missing_table values (1);\n`,
      '20250103000000_after.sql': `create table public.after (id int);`,
    });
    const error = await rejection(migrate(admin, { migrationsDir: dir }));
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.file).toBe('20250102000000_bad.sql');
    expect(error.statement).toBe('insert into public.missing_table values (1)');
    expect(error.message).toMatch(
      /^20250102000000_bad\.sql: statement 2 at line 3 failed, rolled back: .*missing_table.* in: insert into public\.missing_table values \(1\)$/,
    );
    expect(error.message).not.toContain('\n');
    expect(await tableExists(admin, 'public.good')).toBe(true);
    expect(await tableExists(admin, 'public.half')).toBe(false);
    expect(await tableExists(admin, 'public.after')).toBe(false);
    expect(await recorded(admin)).toEqual(['20250101000000']);
  });

  it('leaves the auth schema alone where it exists (a real Supabase database)', async () => {
    const { admin } = await blankDatabase();
    await admin.exec(`create schema auth; create table auth.users (id uuid primary key);`);
    const { dir } = migrationsDir({ '20250101000000_x.sql': `create table public.x (id int);` });
    const result = await migrate(admin, { migrationsDir: dir });
    expect(result.shim).toBe(false);
    const [fn] = await admin.query<{ present: boolean }>(`select to_regprocedure('auth.uid()') is not null as present`);
    expect(fn.present).toBe(false);
  });

  it('applies the repository migrations to a blank database, then finds nothing to do', async () => {
    const { admin } = await blankDatabase();
    const files = await readMigrations(join(import.meta.dirname, '../../../supabase/migrations'));
    const first = await migrate(admin);
    expect(first.applied).toEqual(files.map((f) => f.version));
    expect(await migrate(admin)).toEqual({ shim: false, applied: [], current: files.at(-1)!.version });
    for (const table of ['generator_schemas', 'generator_schema_members', 'generator_exports', 'generator_export_events']) {
      expect(await tableExists(admin, `public.${table}`)).toBe(true);
    }
  });
});

describe('readMigrations', () => {
  it('rejects a file name without a version, and a syntax error with its line, before touching a database', async () => {
    const named = migrationsDir({ 'init.sql': 'select 1;' });
    await expect(readMigrations(named.dir)).rejects.toThrow('init.sql: migration files are named <timestamp>_<name>.sql');
    const broken = migrationsDir({ '20250101000000_typo.sql': `create table ok (id int);\n\ncreate tabel oops (id int);` });
    await expect(readMigrations(broken.dir)).rejects.toThrow(/^20250101000000_typo\.sql: syntax error at line 3: .*tabel/);
  });

  it('rejects two files with one version', async () => {
    const { dir } = migrationsDir({ '20250101000000_a.sql': 'select 1;', '20250101000000_b.sql': 'select 2;' });
    await expect(readMigrations(dir)).rejects.toThrow('share version 20250101000000');
  });
});

describe('tdg migrate (CLI)', () => {
  async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
    try {
      return { code: await runCli(['migrate', ...args]), out, err };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  }

  it('says in one line that a DATABASE_URL does not answer', async () => {
    const result = await cli(['--database-url', 'postgres://postgres:secret@127.0.0.1:1/nowhere']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^tdg migrate: DATABASE_URL postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/nowhere does not answer \(.*ECONNREFUSED.*\)\n$/);
  });

  it('says in one line that the data directory is not writable', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tdg-datadir-')), 'a-file');
    writeFileSync(file, '');
    cleanups.push(() => rmSync(join(file, '..'), { recursive: true, force: true }));
    const result = await cli(['--data-dir', join(file, 'data')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^tdg migrate: data directory .*a-file\/data\/pglite is not writable \(ENOTDIR\)\n$/);
  });

  it('rejects unknown options', async () => {
    const result = await cli(['--frobnicate']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^tdg migrate: .*frobnicate/);
  });
});
