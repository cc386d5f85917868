import { describe, expect, it } from 'vitest';
import { compile, generateRows, parseDefinition, type Row } from '../engine/index.js';
import { shopDefinition } from './testing/shop.js';
import { yearOf } from './column-stats.js';
import { mergeReports, ReportBuilder, reportOf, type ReportState } from './report.js';

const definition = shopDefinition(3000);

const plan = compile(definition);

function reportRows(builder: ReportBuilder, table: string, start: number, end: number): void {
  let at = start;
  for (const batch of generateRows(plan, table, start, end, 700)) {
    builder.add(table, at, batch);
    at += batch.length;
  }
}

function whole(): ReportState {
  const builder = new ReportBuilder(plan, definition);
  for (const t of plan.tables) reportRows(builder, t.name, 0, t.rows);
  return builder.state();
}

/** Each table cut at `cuts` (fractions), each part reported by its own builder, the parts shuffled. */
function sharded(cuts: number[]): ReportState[] {
  const parts: ReportState[] = [];
  for (const t of plan.tables) {
    const bounds = [0, ...cuts.map((c) => Math.floor(c * t.rows)), t.rows];
    for (let p = 0; p + 1 < bounds.length; p++) {
      const builder = new ReportBuilder(plan, definition);
      reportRows(builder, t.name, bounds[p], bounds[p + 1]);
      parts.push(builder.state());
    }
  }
  return parts.reverse();
}

describe('realism report', () => {
  const single = whole();
  const rules = new ReportBuilder(plan, definition).rules;
  const report = reportOf(single, rules);

  it('is the same for a sharded computation as for one pass, however the rows are split', () => {
    for (const cuts of [[0.5], [0.1, 0.33, 0.34, 0.9], [0.001, 0.999]]) expect(reportOf(mergeReports(plan, definition, sharded(cuts)), rules)).toEqual(report);
  });

  it('counts rows, nulls, distinct values and top values per column', () => {
    const customers = report.tables.find((t) => t.name === 'customers')!;
    expect(customers.rows).toBe(3000);
    const col = (name: string) => customers.columns.find((c) => c.name === name)!;
    expect(col('age').nullRate).toBeGreaterThan(0.15);
    expect(col('age').nullRate).toBeLessThan(0.25);
    expect(col('tier')).toMatchObject({ distinct: 3, distinctExact: true });
    expect(col('tier').topValues.map((v) => v.value)).toEqual(['free', 'pro', 'team']);
    expect(col('tier').topValues.reduce((s, v) => s + v.share, 0)).toBeCloseTo(1, 10);
    // past the exact threshold: a HyperLogLog estimate within a few percent
    expect(col('email').distinctExact).toBe(false);
    expect(Math.abs(col('email').distinct - 3000) / 3000).toBeLessThan(0.06);
    for (const t of report.tables) for (const c of t.columns) expect(c.distinct, `${t.name}.${c.name}`).toBeLessThanOrEqual(t.rows - c.nulls);
    expect(col('email').length!.min).toBeGreaterThan(5);
  });

  it('buckets dates by their UTC year, around every new year and leap day', () => {
    for (const iso of [
      '1899-12-31T23:59:59.999Z',
      '1900-01-01T00:00:00Z',
      '1970-01-01T00:00:00Z',
      '1969-12-31T23:59:59.999Z',
      '2000-02-29T12:00:00Z',
      '2024-12-31T23:59:59.999Z',
      '2025-01-01T00:00:00Z',
      '2400-03-01T00:00:00Z',
    ])
      expect(yearOf(Date.parse(iso))).toBe(new Date(iso).getUTCFullYear());
    for (let ms = -5e12; ms < 1e13; ms += 7_777_777_777) expect(yearOf(ms)).toBe(new Date(ms).getUTCFullYear());
  });

  it('keeps min/max and fixed-bucket histograms for numbers and dates', () => {
    const customers = report.tables.find((t) => t.name === 'customers')!;
    const age = customers.columns.find((c) => c.name === 'age')!;
    expect(age.min).toBeGreaterThanOrEqual(18);
    expect(age.max).toBeLessThanOrEqual(90);
    expect(age.histogram.length).toBeGreaterThan(10);
    expect(age.histogram[0].from).toBe(18);
    expect(age.histogram.reduce((s, b) => s + b.count, 0)).toBe(3000 - age.nulls);
    const created = customers.columns.find((c) => c.name === 'created_at')!;
    expect(typeof created.min).toBe('string');
    expect(created.histogram.map((b) => String(b.from).slice(0, 4))).toEqual(expect.arrayContaining(['2023', '2024']));
  });

  it('finds no violation of the rules the engine keeps, and checks every row', () => {
    const orders = plan.tables.find((t) => t.name === 'orders')!.rows;
    const held = report.rules.filter((r) => r.kind !== 'check');
    expect(held.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['unique', 'foreign-key', 'scope', 'child-after-parent', 'inequality', 'exactly-one', 'profile']),
    );
    for (const rule of held)
      expect({ rule: rule.name, violations: rule.violations, skipped: rule.skipped }).toEqual({ rule: rule.name, violations: 0, skipped: undefined });
    // rows with a null on either side say nothing: orders of customers without addresses have no ship_to
    const scope = report.rules.find((r) => r.kind === 'scope')!;
    const shipTo = report.tables.find((t) => t.name === 'orders')!.columns.find((c) => c.name === 'ship_to')!;
    expect(scope.checked).toBe(orders - shipTo.nulls);
    // one group per customer (every customer has addresses)
    expect(report.rules.find((r) => r.kind === 'exactly-one')!.checked).toBe(3000);
    expect(report.rules.find((r) => r.kind === 'profile')!.checked).toBeGreaterThan(orders / 3);
  });

  it('shows a violated CHECK with its count and first row numbers', () => {
    const check = report.rules.find((r) => r.kind === 'check')!;
    const orders = plan.tables.find((t) => t.name === 'orders')!.rows;
    expect(check.checked).toBe(orders);
    expect(check.violations).toBe(Math.floor((orders + 7) / 10));
    expect(check.examples).toEqual([2, 12, 22, 32, 42]); // ids 3, 13, 23, ... (id = row + 1)
    expect(report.summary.violations).toBe(check.violations);
  });

  it('finds duplicate keys and broken inequalities in rows given to it, the same split or not', () => {
    const broken = (rows: Row[]) => {
      const shape = plan.tables.find((t) => t.name === 'orders')!;
      return rows.map((r) => shape.columns.map((c) => r[shape.columns.findIndex((x) => x.name === c.name)]));
    };
    const rows: Row[] = [];
    for (const batch of generateRows(plan, 'orders', 0, 40)) rows.push(...batch);
    const id = 0;
    const placed = 3;
    const paid = 4;
    const bad = broken(rows).map((r, i) => {
      const out = [...r];
      if (i % 9 === 4) out[id] = 1; // a repeated id: rows 4, 13, 22, 31 (row 0 holds 1 first)
      if (i === 7 || i === 30) out[paid] = new Date((out[placed] as Date).getTime() - 1000);
      return out;
    });
    const one = new ReportBuilder(plan, definition);
    one.add('orders', 0, bad);
    const a = new ReportBuilder(plan, definition);
    a.add('orders', 20, bad.slice(20));
    const b = new ReportBuilder(plan, definition);
    b.add('orders', 0, bad.slice(0, 20));
    const result = one.report();
    expect(reportOf(mergeReports(plan, definition, [a.state(), b.state()]), rules)).toEqual(result);
    const pk = result.rules.find((r) => r.kind === 'unique' && r.table === 'orders')!;
    expect(pk).toMatchObject({ violations: 4, examples: [4, 13, 22, 31] });
    const after = result.rules.find((r) => r.name === 'orders.paid_at > orders.placed_at')!;
    expect(after).toMatchObject({ violations: 2, examples: [7, 30] });
  });

  it('finds a parent with no default or two, split or not', () => {
    const shape = plan.tables.find((t) => t.name === 'addresses')!;
    const [parent, flag] = ['customer_id', 'is_default'].map((n) => shape.columns.findIndex((c) => c.name === n));
    const rows: Row[] = [];
    for (const batch of generateRows(plan, 'addresses', 0, 60)) rows.push(...batch);
    // every row of the first groups holds the flag; the rest as generated
    const groups = [...new Set(rows.map((r) => r[parent]))];
    const bad = rows.map((r) => (r[parent] === groups[1] || r[parent] === groups[5] ? r.map((v, c) => (c === flag ? true : v)) : r));
    const withTwo = [groups[1], groups[5]].filter((g) => bad.filter((r) => r[parent] === g).length > 1);
    const firstRows = withTwo.map((g) => bad.findIndex((r) => r[parent] === g));
    const one = new ReportBuilder(plan, definition);
    one.add('addresses', 0, bad);
    const parts = [0, 7, 8, 31, 60].slice(0, -1).map((from, p, all) => {
      const builder = new ReportBuilder(plan, definition);
      builder.add('addresses', from, bad.slice(from, [...all, 60][p + 1]));
      return builder.state();
    });
    const rule = (state: ReportState) => reportOf(state, rules).rules.find((r) => r.kind === 'exactly-one')!;
    expect(withTwo.length).toBeGreaterThan(0);
    expect(rule(one.state())).toMatchObject({ violations: withTwo.length, examples: firstRows, checked: groups.length });
    expect(rule(mergeReports(plan, definition, parts.reverse()))).toEqual(rule(one.state()));
  });

  it('checks a fixed share of the keys of a large table: bounded memory, found duplicates real, the same split or not', () => {
    const big = parseDefinition({
      version: 1,
      tables: [{ name: 'events', rows: 200_000, primaryKey: ['code'], fields: [{ name: 'code', type: 'string.uuid' }] }],
    });
    const bigPlan = compile(big);
    // every 1000th row repeats the key of the row 500 before it
    const rowsOf = (from: number, to: number): Row[] =>
      Array.from({ length: to - from }, (_, k) => {
        const i = from + k;
        return [`event-key-${i % 1000 === 999 ? i - 500 : i}-of-the-big-table`];
      });
    const one = new ReportBuilder(bigPlan, big);
    one.add('events', 0, rowsOf(0, 200_000));
    const state = one.state();
    const rule = one.report().rules[0]!;
    expect(rule.sampled).toBe(0.25);
    expect(state.rules[0]!.keys!.length).toBeLessThan(55_000);
    expect(rule.violations).toBeGreaterThan(20); // about a quarter of the 200 duplicates
    expect(rule.violations).toBeLessThan(90);
    for (const row of rule.examples) expect(row % 1000).toBe(999);
    const parts = [0, 70_000, 70_001, 200_000].slice(0, -1).map((from, p, all) => {
      const part = new ReportBuilder(bigPlan, big);
      part.add('events', from, rowsOf(from, [...all, 200_000][p + 1]!));
      return part.state();
    });
    expect(reportOf(mergeReports(bigPlan, big, parts), one.rules)).toEqual(one.report());
  });
});

describe('realism report of refs to rows that existed by a moment', () => {
  const market = parseDefinition({
    version: 1,
    seed: 'until',
    tables: [
      {
        name: 'users',
        rows: 500,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'created', type: 'timeline', options: { span: 365, growth: 2 } },
        ],
      },
      {
        name: 'bids',
        rows: 2000,
        fields: [
          { name: 'placed', type: 'date.recent', options: { days: 200 } },
          { name: 'bidder_id', type: 'ref', options: { table: 'users', field: 'id', until: { series: 'created', atMost: 'placed' } } },
        ],
      },
    ],
  });
  const marketPlan = compile(market);
  const rowsOf = (table: string) => [...generateRows(marketPlan, table, 0, marketPlan.tables.find((t) => t.name === table)!.rows)].flat();

  it("checks that the row picked was there by the row's moment, and finds the rows where it was not", () => {
    const builder = new ReportBuilder(marketPlan, market);
    builder.add('users', 0, rowsOf('users'));
    const bids = rowsOf('bids');
    // rows 3 and 17 take the last user to sign up, after the bid
    builder.add(
      'bids',
      0,
      bids.map((row, i) => (i === 3 || i === 17 ? [new Date(Date.parse('2024-01-02T00:00:00Z')), 500] : row)),
    );
    const rule = builder.report().rules.find((r) => r.name === 'bids.bidder_id.created <= bids.placed')!;
    expect(rule).toMatchObject({ kind: 'child-after-parent', checked: 2000, violations: 2, examples: [3, 17] });
  });
});
