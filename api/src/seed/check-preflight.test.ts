// Table checks in a real seed: rows that meet their CHECKs load with the DDL in force, and a check
// that cannot be met stops the seed before any row is written, naming table, constraint and columns.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Definition } from '../engine/index.js';
import { openPglite, serverAvailable, withServerDatabase } from '../../test/import/harness.js';
import { CheckUnmetError } from './check-preflight.js';
import { seedDatabase } from './load.js';
import { pgliteTarget } from './pglite-target.js';
import { postgresTarget } from './postgres-target.js';

const DDL = `
create table users (id int primary key);
create table transfers (id int primary key, sender_id int not null references users, recipient_id int not null references users,
  constraint transfers_check check (sender_id <> recipient_id));
create table entries (id int primary key, debit numeric not null, credit numeric not null,
  constraint entries_one_side check ((debit = 0) <> (credit = 0)));`;

const definition = (credit: { type: string; options: Record<string, unknown> }): Definition => ({
  version: 1,
  seed: 'preflight',
  tables: [
    { name: 'users', rows: 5, fields: [{ name: 'id', type: 'sequence' }] },
    {
      name: 'transfers',
      rows: 3000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'sender_id', type: 'ref', options: { table: 'users', field: 'id' } },
        { name: 'recipient_id', type: 'ref', options: { table: 'users', field: 'id' } },
      ],
      checks: [{ name: 'transfers_check', expr: 'sender_id <> recipient_id', redraw: ['recipient_id'] }],
    },
    {
      name: 'entries',
      rows: 3000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'debit', type: 'number.float', options: { min: 1, max: 500, fractionDigits: 2 } },
        { name: 'credit', ...credit },
      ],
      checks: [{ name: 'entries_one_side', expr: '(debit = 0) <> (credit = 0)', redraw: ['credit'] }],
    },
  ],
});

// credit can be 0: the redraw meets the check; credit is never 0: no redraw can
const meetable = definition({ type: 'pick', options: { values: [0, 12.5], weights: [3, 1] } });
const unmeetable = definition({ type: 'number.float', options: { min: 1, max: 500, fractionDigits: 2 } });

let server = false;
beforeAll(async () => {
  server = await serverAvailable();
});

async function expectPreflight(seed: () => Promise<unknown>, count: () => Promise<number>) {
  const error = await seed().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CheckUnmetError);
  expect(error).toMatchObject({ table: 'entries', constraint: 'entries_one_side', columns: ['debit', 'credit'], checked: 2000, failing: 2000 });
  expect((error as Error).message).toMatch(/^entries: check entries_one_side \(columns debit, credit\) still fails for 2000 of the first 2000 rows/);
  expect(await count()).toBe(0);
}

describe('table checks before and during a seed', () => {
  it('seeds rows that meet their CHECKs, and reports an unmeetable check before writing (PGlite)', async () => {
    const db = await openPglite();
    try {
      await db.exec(DDL);
      const report = await seedDatabase(meetable, pgliteTarget(db));
      expect(report.rows).toBe(6005);
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from entries where credit = 0');
      expect(rows[0]!.n).toBeGreaterThan(0);
      await db.exec('truncate entries, transfers, users');
      await expectPreflight(
        () => seedDatabase(unmeetable, pgliteTarget(db)),
        async () => (await db.query<{ n: number }>('select (select count(*) from users)::int + (select count(*) from transfers)::int as n')).rows[0]!.n,
      );
    } finally {
      await db.close();
    }
  }, 120_000);

  it('the same on the PostgreSQL server (when it answers)', async (ctx) => {
    if (!server) ctx.skip();
    await withServerDatabase(async (pg) => {
      await pg.unsafe(DDL);
      await seedDatabase(meetable, postgresTarget(pg));
      const [seeded] = await pg`select count(*)::int as n from transfers where sender_id <> recipient_id`;
      expect(seeded!.n).toBe(3000);
      await pg.unsafe('truncate entries, transfers, users');
      await expectPreflight(
        () => seedDatabase(unmeetable, postgresTarget(pg)),
        async () => (await pg`select (select count(*) from users)::int + (select count(*) from transfers)::int as n`)[0]!.n,
      );
    });
  }, 120_000);
});
