// openDatabase / connectAdmin / `tdg migrate` end to end, on a PGlite data directory and (with
// TDG_TEST_DATABASE_URL) on a fresh PostgreSQL database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { adminOf } from './admin.js';
import { databaseConfigFromEnv, openDatabase, pgliteLocation } from './open.js';
import { runCli } from '../cli/run.js';
import { createTestDatabase, createTestUser, testServerUrl } from '../../test/support/database.js';

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

const dataDir = mkdtempSync(join(tmpdir(), 'tdg-data-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('configuration', () => {
  it('reads DATABASE_URL and TDG_DATA_DIR, defaulting to .data/pglite under the working directory', () => {
    expect(databaseConfigFromEnv({})).toEqual({ databaseUrl: undefined, dataDir: '.data' });
    expect(databaseConfigFromEnv({ DATABASE_URL: 'postgres://x/y', TDG_DATA_DIR: '/srv/tdg' })).toEqual({ databaseUrl: 'postgres://x/y', dataDir: '/srv/tdg' });
    expect(pgliteLocation({})).toBe(join(process.cwd(), '.data', 'pglite'));
    expect(pgliteLocation({ dataDir: 'memory://' })).toBe('memory://');
  });
});

describe('a PGlite data directory', () => {
  it('is migrated by `tdg migrate` once, then reported up to date, and opens without migrating again', async () => {
    const first = await cli(['--data-dir', dataDir]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/applied the local Supabase shim/);
    expect(first.out).toMatch(/pglite .*\/pglite: applied \d+ migration\(s\), now at \d+\n$/);

    const second = await cli(['--data-dir', dataDir]);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/^pglite .*: up to date at \d+\n$/);

    const db = await openDatabase({ dataDir });
    try {
      expect(db.kind).toBe('pglite');
      const user = await createTestUser(db);
      const rows = await db.asUser(user.claims, (tx) => tx.query(`select * from generator_schemas`));
      expect(rows).toEqual([]);
    } finally {
      await db.close();
    }
  }, 180_000);
});

describe.runIf(testServerUrl)('a PostgreSQL database', () => {
  it('is migrated by openDatabase and then `tdg migrate` finds nothing to do', async () => {
    const blank = await createTestDatabase({ migrate: false });
    try {
      const db = await openDatabase({ databaseUrl: blank.url, poolSize: 2 });
      try {
        expect(db.kind).toBe('postgres');
        const [row] = await adminOf(db).query<{ n: number }>(`select count(*) as n from supabase_migrations.schema_migrations`);
        expect(row.n).toBeGreaterThan(0);
      } finally {
        await db.close();
      }
      const again = await cli(['--database-url', blank.url!]);
      expect(again.code).toBe(0);
      expect(again.out).toMatch(/^postgres .*: up to date at \d+\n$/);
    } finally {
      await blank.drop();
    }
  });
});
