// The target's own CHECKs before a seed writes a row: one the definition has no table check for
// (the importer could not translate it) is evaluated by the database on the first generated rows,
// and rows breaking it stop the seed before anything is written, naming table, constraint and
// columns. Checks the rows meet, checks over columns not loaded and tables whose BEFORE INSERT
// trigger may change the rows are no obstacle.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Definition } from '../engine/index.js';
import { openPglite, serverAvailable, withServerDatabase } from '../../test/import/harness.js';
import { CheckUnmetError } from './check-preflight.js';
import { seedDatabase, type TableLoaded } from './load.js';
import { pgliteTarget } from './pglite-target.js';
import { postgresTarget } from './postgres-target.js';
import type { SeedTarget } from './target.js';
import { checkExpressionOf, copyRecords, TARGET_PROBE_ROWS } from './target-checks.js';

const DDL = `
create table hosts (id int primary key, name text not null, tenant int default 7,
  constraint hosts_tenant check (tenant is not null and tenant = 7));
create table grants (id int primary key, host_id int not null references hosts,
  paths text[], ips text[],
  constraint grants_ips check (ips is null or (array_length(ips, 1) = array_length(paths, 1) and not ('' = any (ips)))));
create table audited (id int primary key, code text not null, constraint audited_code check (code like 'A%'));
create table notes (id int primary key, meta jsonb not null, body text, tags text[],
  constraint notes_meta check (jsonb_typeof(meta) = 'object'), constraint notes_body check (body is null or position(E'\\n' in body) > 0));
create function audited_fix() returns trigger language plpgsql as $$ begin new.code := 'A' || new.code; return new; end $$;
create trigger audited_fix before insert on audited for each row execute function audited_fix();`;

const definition = (ips: { type: string; options: Record<string, unknown> }): Definition => ({
  version: 1,
  seed: 'target-checks',
  tables: [
    {
      name: 'hosts',
      rows: 20,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'name', type: 'lorem.word' },
      ],
    },
    {
      name: 'grants',
      rows: 300,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'host_id', type: 'ref', options: { table: 'hosts', field: 'id' } },
        { name: 'paths', type: 'array', options: { min: 2, max: 2, of: { type: 'lorem.word' } } },
        { name: 'ips', ...ips },
      ],
    },
    // a JSON object (read as one, not as a JSON string) and prose with newlines (escaped in COPY text)
    {
      name: 'notes',
      rows: 15,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'meta', type: 'json', options: { fields: [{ name: 'theme', type: 'pick', options: { values: ['dark', 'light'] } }] } },
        { name: 'body', type: 'lorem.paragraphs' },
        { name: 'tags', type: 'array', options: { min: 1, max: 2, of: { type: 'lorem.word' } } },
      ],
    },
    // the trigger makes every code pass: the probe leaves the table to the load
    {
      name: 'audited',
      rows: 10,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'code', type: 'pick', options: { values: ['x', 'y'] } },
      ],
    },
  ],
});

// two addresses for two paths: the CHECK holds; one or three: it fails for most rows
const meetable = definition({ type: 'array', options: { min: 2, max: 2, of: { type: 'internet.ipv4' } } });
const unmeetable = definition({ type: 'array', options: { min: 1, max: 3, of: { type: 'internet.ipv4' } } });

let server = false;
beforeAll(async () => {
  server = await serverAvailable();
});

async function expectStop(target: () => SeedTarget, count: () => Promise<number>) {
  const loaded: TableLoaded[] = [];
  const error = await seedDatabase(unmeetable, target(), { onTable: (t) => loaded.push(t) }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CheckUnmetError);
  expect(error).toMatchObject({
    table: 'grants',
    constraint: 'grants_ips',
    columns: ['paths', 'ips'],
    checked: Math.min(300, TARGET_PROBE_ROWS),
    by: 'database',
  });
  expect((error as CheckUnmetError).failing).toBeGreaterThan(Math.min(300, TARGET_PROBE_ROWS) / 3);
  const first = Math.min(300, TARGET_PROBE_ROWS);
  expect((error as Error).message).toMatch(
    new RegExp(
      `^grants: the database's check grants_ips \\(columns paths, ips\\) fails for \\d+ of the first ${first} rows .*nothing was written; e\\.g\\. row \\d+: \\{"paths":`,
    ),
  );
  // before any table was loaded
  expect(loaded).toEqual([]);
  expect(await count()).toBe(0);
  await seedDatabase(meetable, target());
  expect(await count()).toBe(325);
}

describe("the target's CHECKs on the first rows, before the load", () => {
  it('reads COPY text back as records: escapes, NULLs, and json columns as their JSON value', () => {
    const text = Buffer.from('1\ta\\tb\\nc\\\\d\t\\N\t{"x":1}\n2\t\t{a,b}\t[]\n');
    expect(copyRecords(text, ['id', 'body', 'tags', 'meta'], new Set(['meta']))).toEqual([
      { id: '1', body: 'a\tb\nc\\d', tags: null, meta: { x: 1 } },
      { id: '2', body: '', tags: '{a,b}', meta: [] },
    ]);
  });

  it('reads the expression of a constraint definition', () => {
    expect(checkExpressionOf('CHECK ((a > 0)) NOT VALID')).toBe('(a > 0)');
    expect(checkExpressionOf('CHECK ((x IS NULL)) NO INHERIT')).toBe('(x IS NULL)');
    expect(checkExpressionOf('UNIQUE (a)')).toBeUndefined();
  });

  const COUNT = 'select (select count(*) from grants)::int + (select count(*) from audited)::int + (select count(*) from notes)::int as n';
  const targets: Record<string, (fn: (target: () => SeedTarget, count: () => Promise<number>) => Promise<void>) => Promise<void>> = {
    PGlite: async (fn) => {
      const db = await openPglite();
      try {
        await db.exec(DDL);
        await fn(
          () => pgliteTarget(db),
          async () => (await db.query<{ n: number }>(COUNT)).rows[0]!.n,
        );
      } finally {
        await db.close();
      }
    },
    'the PostgreSQL server': (fn) =>
      withServerDatabase(async (pg) => {
        await pg.unsafe(DDL);
        await fn(
          () => postgresTarget(pg),
          async () => (await pg.unsafe<{ n: number }[]>(COUNT))[0]!.n,
        );
      }),
  };

  it.each(Object.keys(targets))(
    'stops on a CHECK no table check redraws for, before writing, and loads rows that meet it (%s)',
    async (name) => {
      if (name !== 'PGlite' && !server) return;
      await targets[name]!(expectStop);
    },
    120_000,
  );
});
