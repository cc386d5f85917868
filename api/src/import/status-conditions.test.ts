// A status only some parents allow: what the importer reads from names, and that rows keep it.
import { describe, expect, it } from 'vitest';
import { compile, generateRows } from '../engine/index.js';
import { importSql } from './index.js';
import { statusCondition, statusStems } from './status-conditions.js';

describe('status conditions from names', () => {
  it('reads a status word as its stem', () => {
    expect(statusStems('trialing')).toContain('trial');
    expect(statusStems('on_trial')).toEqual(['trial']);
    expect(statusStems('refunded')).toContain('refund');
    expect(statusStems('archived')).toContain('archive');
  });

  it('finds the one parent column that grants it: a count of days, or a flag', () => {
    const plan = {
      ref: 'plan_id',
      columns: [
        { name: 'trial_days', kind: 'number' as const },
        { name: 'is_active', kind: 'boolean' as const },
      ],
    };
    expect(statusCondition('trialing', [plan])).toEqual({ when: 'plan_id.trial_days > 0', ref: 'plan_id', column: 'trial_days', days: true });
    const product = { ref: 'product_id', columns: [{ name: 'is_refundable', kind: 'boolean' as const }] };
    expect(statusCondition('refunded', [product])?.when).toBe('product_id.is_refundable = true');
    // what a parent is (is_active) does not decide what its children may be
    expect(statusCondition('active', [plan])).toBeUndefined();
    // a text column, or two candidates, say nothing
    expect(statusCondition('trialing', [{ ref: 'plan_id', columns: [{ name: 'trial_days', kind: 'other' }] }])).toBeUndefined();
    expect(statusCondition('trialing', [plan, { ref: 'other_plan_id', columns: [{ name: 'trial_period_days', kind: 'number' }] }])).toBeUndefined();
  });
});

describe('a status only some parents allow', () => {
  const { definition } = importSql(
    `
create type subscription_status as enum ('trialing', 'active', 'past_due', 'canceled');
create table plans (id serial primary key, name text not null, trial_days integer not null default 0 check (trial_days between 0 and 90), is_active boolean not null default true);
create table subscriptions (
  id uuid primary key, plan_id integer not null references plans(id), status subscription_status not null,
  trial_ends_at timestamptz, canceled_at timestamptz, created_at timestamptz not null,
  check (trial_ends_at is null or trial_ends_at > created_at));
`,
    { rows: 2000, referenceDate: '2025-06-01T00:00:00.000Z' },
  );
  const plan = compile(definition as Parameters<typeof compile>[0], { seed: 'conditions' });
  const rows = (table: string) => {
    const shape = plan.tables.find((t) => t.name === table)!;
    const out: Record<string, unknown>[] = [];
    for (const batch of generateRows(plan, table, 0, shape.rows))
      for (const row of batch) out.push(Object.fromEntries(shape.columns.map((c, i) => [c.name, row[i]])));
    return out;
  };

  it('makes trialing a variant only for plans with a trial, ending trial_days after creation', () => {
    const variants = definition.tables.find((t) => t.name === 'subscriptions')!.profiles!.variants;
    expect(variants.find((v) => v.value === 'trialing')).toMatchObject({ when: 'plan_id.trial_days > 0' });
    expect(variants.filter((v) => v.when !== undefined)).toHaveLength(1);
    const trialDays = new Map(rows('plans').map((p) => [p.id, p.trial_days as number]));
    const subscriptions = rows('subscriptions');
    const trialing = subscriptions.filter((s) => s.status === 'trialing');
    expect(trialing.length).toBeGreaterThan(50);
    for (const s of trialing) {
      expect(trialDays.get(s.plan_id)).toBeGreaterThan(0);
      expect((s.trial_ends_at as Date).getTime() - (s.created_at as Date).getTime()).toBe(trialDays.get(s.plan_id)! * 86_400_000);
    }
    // plans without a trial still have subscriptions, in the other states
    expect(subscriptions.some((s) => trialDays.get(s.plan_id) === 0)).toBe(true);
  });
});
