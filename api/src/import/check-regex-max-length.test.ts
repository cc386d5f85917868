// A CHECK regex on a varchar(n)/char(n) column: the imported regex generator carries maxLength n,
// so unbounded quantifiers never overflow the column (PGlite, and the PostgreSQL server when set).
// (char(n) ~ keeps the blank padding, so the char column's CHECK has no $ anchor.)
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { compile, generateRows, parseDefinition } from '../engine/index.js';
import { importSql } from './index.js';

const DDL = `create table tickets (
  id int primary key,
  number varchar(16) not null unique check (number ~ '^TCK-[0-9]{6,}$'),
  login varchar(39) not null unique check (login ~ '^[a-z0-9][a-z0-9-]*$'),
  code varchar(7) not null check (code ~ '^[A-Z]+-[0-9]+$'),
  tag char(6) not null check (tag ~ '^#[a-z]{2,}'),
  note text not null check (note ~ '^n[0-9]+$')
);`;
const ROWS = 2000;

function rowsOf(): { names: string[]; batches: unknown[][][] } {
  const { definition } = importSql(DDL, { rows: ROWS });
  const plan = compile(parseDefinition(definition), { seed: 'check-regex-max-length' });
  const batches: unknown[][][] = [];
  for (const batch of generateRows(plan, 'tickets', 0, ROWS)) batches.push(batch as unknown[][]);
  return { names: definition.tables[0]!.fields.map((f) => f.name), batches };
}

async function insertAll(query: (text: string, params: unknown[]) => Promise<unknown>): Promise<void> {
  const { names, batches } = rowsOf();
  for (const batch of batches) {
    const params: unknown[] = [];
    const rows = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
    await query(`insert into tickets (${names.join(', ')}) values ${rows.join(', ')}`, params);
  }
}

describe('CHECK regexes on length-limited columns', () => {
  it('get maxLength n of varchar(n)/char(n); text columns get none', () => {
    const { columns } = importSql(DDL, { rows: ROWS });
    const by = (c: string) => columns.find((x) => x.column === c)!;
    for (const [column, n] of [
      ['number', 16],
      ['login', 39],
      ['code', 7],
      ['tag', 6],
    ] as const)
      expect(by(column), column).toMatchObject({ type: 'regex', options: { maxLength: n } });
    expect(by('note')).toMatchObject({ type: 'regex' });
    expect((by('note').options as Record<string, unknown>).maxLength).toBeUndefined();
  });

  it('every value fits its column and matches its CHECK', () => {
    const { names, batches } = rowsOf();
    const limits: Record<string, [number, RegExp]> = {
      number: [16, /^TCK-[0-9]{6,}$/],
      login: [39, /^[a-z0-9][a-z0-9-]*$/],
      code: [7, /^[A-Z]+-[0-9]+$/],
      tag: [6, /^#[a-z]{2,}/],
    };
    for (const [name, [limit, pattern]] of Object.entries(limits)) {
      const at = names.indexOf(name);
      const values = batches.flat().map((row) => row[at] as string);
      expect(values).toHaveLength(ROWS);
      expect(
        values.filter((v) => v.length > limit || !pattern.test(v)),
        name,
      ).toEqual([]);
      if (name === 'number' || name === 'login') expect(new Set(values).size, name).toBe(ROWS);
    }
  });

  it('every row goes into Postgres (PGlite)', async () => {
    const db = await PGlite.create();
    try {
      await db.exec(DDL);
      await insertAll((text, params) => db.query(text, params));
      expect((await db.query<{ n: number }>('select count(*)::int as n from tickets')).rows[0]!.n).toBe(ROWS);
    } finally {
      await db.close();
    }
  });

  const server = process.env.TDG_TEST_DATABASE_URL;
  it.skipIf(!server)('every row goes into PostgreSQL (server, fresh database)', async () => {
    const admin = postgres(server!, { max: 1, onnotice: () => {} });
    const name = `tdg_regex_max_length_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await admin.unsafe(`create database ${name}`);
    const sql = postgres(server!.replace(/\/[^/]*$/, `/${name}`), { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(DDL);
      await insertAll((text, params) => sql.unsafe(text, params as never[]));
      expect((await sql`select count(*)::int as n from tickets`)[0]!.n).toBe(ROWS);
    } finally {
      await sql.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
