import { describe, expect, it } from 'vitest';
import type { TableShape } from '../engine/shape.js';
import { FormatError, type SqlDialect } from './index.js';
import { answers, loadMysql, loadPglite, loadSqlite, type Loaded } from './testing/sql-engines.js';
import { fixtureTables, users } from './testing/fixtures.js';
import { render } from './testing/render.js';

const tables = fixtureTables();
const script = async (options: Parameters<typeof render>[2], input = tables, batchSize = 7) =>
  (await render('sql', input, options, batchSize)).toString('utf8');
const mysqlUp = await answers(3306);

const existingUser = tables[1].rows[1];
const duplicateEmail = (q: (s: string) => string) =>
  `INSERT INTO ${q('users')} (${q('id')}, ${q('email')}) VALUES ('00000000-0000-4000-8000-0000000000ff', '${existingUser[2]}')`;
const danglingManager = (q: (s: string) => string) =>
  `INSERT INTO ${q('users')} (${q('id')}, ${q('email')}, ${q('manager_id')}) VALUES ('00000000-0000-4000-8000-0000000000fe', 'new@example.com', '00000000-0000-4000-8000-0000000000fd')`;
const duplicateTeam = (q: (s: string) => string) => `INSERT INTO ${q('teams')} (${q('id')}, ${q('name')}, ${q('region')}) VALUES (9, 'Core', 'eu')`;
const missingEmail = (q: (s: string) => string) => `INSERT INTO ${q('users')} (${q('id')}) VALUES ('00000000-0000-4000-8000-0000000000fc')`;

async function expectConstraintsEnforced(db: Loaded, dialect: SqlDialect): Promise<void> {
  const q = (s: string) => (dialect === 'mysql' ? '`' + s + '`' : '"' + s + '"');
  try {
    expect(await db.failure(duplicateEmail(q))).toMatch(/unique|duplicate/i);
    expect(await db.failure(duplicateTeam(q))).toMatch(/unique|duplicate/i);
    expect(await db.failure(danglingManager(q))).toMatch(/foreign key/i);
    expect(await db.failure(missingEmail(q))).toMatch(/null|default value/i);
  } finally {
    await db.close();
  }
}

describe('sql', () => {
  it('postgres: loads into PGlite with zero errors despite a cycle and forward self-references, then enforces every key', async () => {
    await expectConstraintsEnforced(await loadPglite(await script({})), 'postgres');
  });

  it('sqlite: loads into sql.js with foreign keys on, then enforces every key', async () => {
    const db = await loadSqlite(await script({ dialect: 'sqlite' }));
    expect(db.foreignKeyViolations()).toBe(0);
    await expectConstraintsEnforced(db, 'sqlite');
  });

  it.runIf(mysqlUp)('mysql: loads into the server, then enforces every key', async () => {
    await expectConstraintsEnforced(await loadMysql(await script({ dialect: 'mysql' })), 'mysql');
  });

  it('splits INSERTs by batchSize whatever the incoming batches', async () => {
    for (const [batchSize, incoming] of [
      [5, 7],
      [1000, 3],
      [1, 2],
      [24, 24],
    ]) {
      const text = await script({ batchSize }, tables, incoming);
      const statements = [...text.matchAll(/^INSERT INTO "(\w+)"/gm)].map((m) => m[1]);
      const expected = tables.flatMap((t) => Array(Math.ceil(t.rows.length / batchSize)).fill(t.shape.name));
      expect(statements, `batchSize ${batchSize}`).toEqual(expected);
      if (batchSize === 5) {
        const db = await loadPglite(text);
        for (const t of tables) expect(await db.rows(t.shape)).toHaveLength(t.rows.length);
      }
    }
  });

  it.each(['postgres', 'sqlite', ...(mysqlUp ? ['mysql'] : [])] as SqlDialect[])(
    '%s: createTable=false loads the rows into tables made earlier, deferring the cyclic keys',
    async (dialect) => {
      const empty = tables.map((t) => ({ shape: t.shape, rows: [] }));
      const ddl = await script({ dialect }, empty);
      const data = await script({ dialect, createTable: false });
      expect(data).not.toMatch(/CREATE TABLE/);
      const load = dialect === 'postgres' ? loadPglite : dialect === 'sqlite' ? loadSqlite : loadMysql;
      const db = await load(ddl + data);
      try {
        for (const t of tables) expect(await db.rows(t.shape)).toHaveLength(t.rows.length);
      } finally {
        await db.close();
      }
    },
  );

  it('transaction=false leaves out BEGIN/COMMIT; the default wraps everything in one', async () => {
    const plain = await script({ transaction: false });
    expect(plain).not.toMatch(/^(BEGIN|COMMIT);$/m);
    const wrapped = await script({});
    expect(wrapped.match(/^BEGIN;$/gm)).toHaveLength(1);
    expect(wrapped.trimEnd().endsWith('COMMIT;')).toBe(true);
  });

  it('maps kinds to column types with NOT NULL and keys', async () => {
    const text = await script({}, [tables[1]]);
    expect(text).toContain('"tags" text[]');
    expect(text).toContain('"prefs" jsonb');
    expect(text).toContain('"created_at" timestamptz');
    expect(text).toContain('"email" text NOT NULL');
    expect(text).toContain('PRIMARY KEY ("id")');
    expect(text).toContain('UNIQUE ("email")');
    // users.team_id points at a table not in this export: reported, not emitted
    expect(text).toContain('-- no foreign key for users.team_id -> teams.id: table not in this export');
    const db = await loadPglite(text);
    expect(await db.foreignKeyCount()).toBe(1);
    await db.close();
  });

  it('skips a foreign key to a column that is not unique, so the script still loads', async () => {
    const parent: TableShape = { name: 'p', rows: 0, unique: [], columns: [{ name: 'code', kind: 'text', nullable: true, unique: false }] };
    const child: TableShape = {
      name: 'c',
      rows: 0,
      unique: [],
      columns: [{ name: 'code', kind: 'text', nullable: true, unique: false, references: { table: 'p', column: 'code' } }],
    };
    const text = await script({}, [
      { shape: parent, rows: [['x'], ['x']] },
      { shape: child, rows: [['x']] },
    ]);
    expect(text).toContain('-- no foreign key for c.code -> p.code: parent column is not unique');
    const db = await loadPglite(text);
    expect(await db.rows(child)).toEqual([['x']]);
    await db.close();
  });

  it('rejects an unknown dialect, a bad batchSize and bad values with the place named', async () => {
    await expect(script({ dialect: 'oracle' as SqlDialect })).rejects.toThrow('sql.dialect: unknown dialect "oracle" (valid: postgres, mysql, sqlite)');
    await expect(script({ batchSize: 0 })).rejects.toThrow(/sql\.batchSize/);
    const bad = [{ shape: users, rows: [tables[1].rows[0].map((v, i) => (i === 4 ? Number.POSITIVE_INFINITY : v))] }];
    await expect(script({}, bad)).rejects.toBeInstanceOf(FormatError);
    await expect(script({}, bad)).rejects.toThrow('users row 0 column "score": number is not finite (Infinity)');
  });
});
