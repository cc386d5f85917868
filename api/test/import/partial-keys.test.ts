// What the importer makes of a usage-billing schema's partial unique indexes, exclusive parents and
// jsonb lists (fixtures/billing.sql), checked on the rows PGlite holds after a seed with the DDL in force.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { importSql } from '../../src/import/index.js';
import { seedDatabase } from '../../src/seed/load.js';
import { pgliteTarget } from '../../src/seed/pglite-target.js';
import { fixture, openPglite } from './harness.js';

const sql = fixture('billing');
const imported = importSql(sql, { rows: 600 });
const table = (name: string) => imported.definition.tables.find((t) => t.name === name)!;
const field = (t: string, f: string) => table(t).fields.find((x) => x.name === f)!;
let db: PGlite;

beforeAll(async () => {
  db = await openPglite();
  await db.exec(sql);
  await seedDatabase(imported.definition, pgliteTarget(db), { seed: 'partial-keys' });
}, 300_000);
afterAll(() => db?.close());

const one = async (query: string) => (await db.query<Record<string, number>>(query)).rows[0]!;

describe('partial unique indexes and exclusive parents', () => {
  it('keeps both sides of an exclusive pair of parents apart: one parent per row, in every row', async () => {
    expect(await one(`select count(*)::int as n from usage_thresholds where (plan_id is null) = (subscription_id is null)`)).toEqual({ n: 0 });
    const alerts = await one(`select count(subscription_id)::int as s, count(wallet_id)::int as w, count(*)::int as n from triggered_alerts`);
    // both kinds of alert exist, and each has exactly one
    expect(alerts.s).toBeGreaterThan(0);
    expect(alerts.w).toBeGreaterThan(0);
    expect(alerts.s + alerts.w).toBe(alerts.n);
  });

  it('reads a flag among other conditions of a partial index: one recurring threshold per plan', async () => {
    expect(field('usage_thresholds', 'recurring').exactlyOne).toEqual({ per: 'plan_id' });
    expect(await one(`select count(*)::int as n from (select plan_id from usage_thresholds where recurring group by plan_id having count(*) > 1) x`)).toEqual({
      n: 0,
    });
  });

  it('keeps a one-label enum in a key with its parent: at most one row per parent', async () => {
    const ref = field('activation_rules', 'subscription_id').options as { childrenPerParent?: { max: number } };
    expect(ref.childrenPerParent?.max).toBe(1);
    expect(await one(`select max(n)::int as most from (select count(*) as n from activation_rules group by subscription_id) x`)).toEqual({ most: 1 });
  });

  it('never marks the row a table-wide partial index allows once, and writes jsonb lists as JSON arrays of distinct words', async () => {
    expect(field('roles', 'admin')).toMatchObject({ type: 'constant', options: { value: false } });
    const roles = await one(
      `select count(*)::int as n, count(*) filter (where jsonb_typeof(permissions) = 'array')::int as arrays,
              count(*) filter (where (select count(distinct e) from jsonb_array_elements_text(permissions) e) <> jsonb_array_length(permissions))::int as repeats
       from roles`,
    );
    expect(roles.arrays).toBe(roles.n);
    expect(roles.repeats).toBe(0);
  });

  it('fills a nullable unique ref with fewer parents than rows: every parent once, the other rows null', async () => {
    const phases = await one(
      `select count(*)::int as n, count(rate_override_id)::int as set, count(distinct rate_override_id)::int as distinct_set, (select count(*)::int from rate_overrides) as overrides from rate_phases`,
    );
    expect(phases.n).toBeGreaterThan(phases.overrides);
    expect(phases.distinct_set).toBe(phases.set);
    expect(phases.set).toBeLessThanOrEqual(phases.overrides);
    expect(phases.set).toBeGreaterThan(phases.overrides / 2);
    // (a unique ref walks its own permutation of the parents, which no tenant scope can narrow)
    expect(imported.notes.some((n) => /rate_phases: rate_override_id should stay within the organizations of .*, but it is unique/.test(n.message))).toBe(true);
  });

  it('never holds the value a partial index over (parent, value) allows once where rows cannot be laid out per parent', async () => {
    const reasons = (field('invoice_subscriptions', 'invoicing_reason').options as { values: string[] }).values;
    expect(reasons).toEqual(['periodic', 'in_advance']);
    expect(await one(`select count(*)::int as n from invoice_subscriptions where invoicing_reason in ('starting', 'terminating')`)).toEqual({ n: 0 });
  });

  it('leaves a nullable column of a key nothing else can keep empty, with a note', async () => {
    expect(field('rate_phases', 'subscription_id').nullRate).toBe(1);
    expect(
      imported.notes.some((n) => /rate_phases\.subscription_id is left null: nothing else keeps \(subscription_id, position\) unique/.test(n.message)),
    ).toBe(true);
    expect(await one(`select count(subscription_id)::int as n from rate_phases`)).toEqual({ n: 0 });
  });

  it('evaluates a CHECK against an enum label cast to its type', async () => {
    expect(table('plans').checks?.map((c) => c.name)).toEqual(['plans_legacy_fields']);
    expect(
      await one(`select count(*)::int as n from plans where pricing_type = 'legacy' and (interval is null or amount_cents is null or pay_in_advance is null)`),
    ).toEqual({ n: 0 });
  });
});
