import { describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { seedDatabase } from '../seed/load.js';
import { pgliteTarget } from '../seed/pglite-target.js';
import { postgresTarget } from '../seed/postgres-target.js';
import type { SeedTarget } from '../seed/target.js';
import { openPglite, serverAvailable, withServerDatabase } from '../../test/import/harness.js';
import { checkDatabase, type RunQuery } from './rule-sql.js';
import { SHOP_TABLES, shopDefinition } from './testing/shop.js';

const definition = shopDefinition(400);
// tdg seed refuses a CHECK the rows cannot meet; the database rows are seeded without it, checked with it
const seedable = { ...definition, tables: definition.tables.map(({ checks: _checks, ...t }) => t) };

/** Seeds the shop, checks it with SQL beside the report made while seeding, breaks rows and checks again. */
async function seededAndBroken(target: SeedTarget, exec: (sql: string) => Promise<unknown>, run: RunQuery) {
  await exec(SHOP_TABLES);
  const seeded = await seedDatabase(seedable, target, { report: true, constraints: 'during' });
  const before = await checkDatabase(definition, run);
  await exec(`
    update orders set paid_at = placed_at - interval '1 day' where id in (5, 9);
    update orders set id = 3 where id = 4;
    delete from customers where id = (select customer_id from orders where id = 20);
    update addresses set is_default = true where customer_id = (select customer_id from addresses where not is_default limit 1);`);
  return { realism: seeded.realism!, before, after: await checkDatabase(definition, run) };
}

function expectations({ realism, before, after }: Awaited<ReturnType<typeof seededAndBroken>>) {
  // the same rules, the same counts as the report made while generating (CHECKs are the database's)
  const sameRules = realism.rules.filter((r) => r.kind !== 'check');
  expect(before.filter((r) => r.kind !== 'check').map(({ id, checked, violations }) => ({ id, checked, violations }))).toEqual(
    sameRules.map(({ id, checked, violations }) => ({ id, checked, violations })),
  );
  expect(sameRules.every((r) => r.violations === 0)).toBe(true);
  expect(before.find((r) => r.kind === 'check')!.skipped).toMatch(/database enforces/);

  const rule = (name: string) => after.find((r) => r.name === name)!;
  expect(rule('orders.paid_at > orders.placed_at')).toMatchObject({ violations: 2, exampleKeys: ['id=5', 'id=9'] });
  expect(rule('orders (id) unique')).toMatchObject({ violations: 1, exampleKeys: ['id=3'] });
  const orphans = rule('orders.customer_id -> customers.id');
  expect(orphans.violations).toBeGreaterThanOrEqual(1);
  expect(orphans.exampleKeys).toContain('id=20');
  expect(rule('orders.placed_at >= orders.customer_id.created_at').checked).toBe(
    before.find((r) => r.name === 'orders.placed_at >= orders.customer_id.created_at')!.checked - orphans.violations,
  );
  expect(after.find((r) => r.kind === 'exactly-one')!.violations).toBe(1);
  expect(after.find((r) => r.kind === 'exactly-one')!.exampleKeys![0]).toMatch(/^customer_id=[0-9a-f-]{36}$/);
}

describe('tdg check: the rules with SQL', () => {
  it('agrees with the report made while seeding, and finds rows broken afterwards with their keys (PGlite)', async () => {
    const db: PGlite = await openPglite();
    try {
      const result = await seededAndBroken(
        pgliteTarget(db),
        (sql) => db.exec(sql),
        async (sql) => (await db.query<Record<string, unknown>>(sql)).rows,
      );
      expectations(result);
    } finally {
      await db.close();
    }
  }, 300_000);

  it('does the same on the PostgreSQL server (when it answers)', async (ctx) => {
    if (!(await serverAvailable())) ctx.skip();
    await withServerDatabase(async (sql) => {
      const result = await seededAndBroken(
        postgresTarget(sql),
        (text) => sql.unsafe(text),
        async (text) => (await sql.unsafe(text)) as unknown as Record<string, unknown>[],
      );
      expectations(result);
    });
  }, 300_000);
});
