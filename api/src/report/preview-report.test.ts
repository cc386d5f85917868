import { describe, expect, it } from 'vitest';
import { compile, generateRows, previewOf, type Row } from '../engine/index.js';
import { previewReport } from './preview-report.js';
import { ReportBuilder, reportOf } from './report.js';
import { shopDefinition } from './testing/shop.js';

const definition = shopDefinition(40);
const plan = compile(definition);
const all = (table: string): Row[] => [...generateRows(plan, table, 0, plan.tables.find((t) => t.name === table)!.rows)].flat();

describe('previewReport', () => {
  const addresses = all('addresses');
  const parentAt = plan.tables.find((t) => t.name === 'addresses')!.columns.findIndex((c) => c.name === 'customer_id');
  /** Customers whose addresses all lie in the first n rows, but for the one at the cut (row n - 1). */
  const judgedGroups = (n: number) => {
    const lastRow = new Map<unknown, number>();
    addresses.forEach((row, i) => lastRow.set(row[parentAt], i));
    const atCut = addresses[n - 1]![parentAt];
    return [...lastRow].filter(([parent, i]) => i < n && parent !== atCut).length;
  };

  it('reports the preview rows: row counts, and column statistics of exactly those rows', () => {
    const preview = previewOf(plan, 7);
    const report = previewReport(plan, definition, preview);
    for (const t of report.tables) expect(t.rows).toBe(Math.min(7, plan.tables.find((s) => s.name === t.name)!.rows));
    const total = report.tables.find((t) => t.name === 'orders')!.columns.find((c) => c.name === 'total')!;
    expect(total.histogram.reduce((n, b) => n + b.count, 0)).toBe(7 - total.nulls);
    const totals = preview.find((t) => t.table === 'orders')!.rows.map((r) => r[5] as number);
    expect(total.min).toBe(Math.min(...totals));
    expect(total.max).toBe(Math.max(...totals));
  });

  it('judges only the exactly-one groups that end inside the preview', () => {
    let naiveViolations = 0;
    for (let n = 1; n <= 30; n++) {
      const preview = previewOf(plan, n);
      const rule = previewReport(plan, definition, preview).rules.find((r) => r.kind === 'exactly-one')!;
      expect(rule, `first ${n} rows`).toMatchObject({ violations: 0, checked: judgedGroups(n) });
      // judged as a whole table, a group cut by the preview would count as broken
      const builder = new ReportBuilder(plan, definition);
      for (const t of preview) builder.add(t.table, 0, t.rows);
      naiveViolations += reportOf(builder.state(), builder.rules).rules.find((r) => r.kind === 'exactly-one')!.violations;
    }
    expect(naiveViolations).toBeGreaterThan(0);
  });

  it('is the whole report when the preview holds every row', () => {
    const builder = new ReportBuilder(plan, definition);
    for (const t of plan.tables) builder.add(t.name, 0, all(t.name));
    expect(previewReport(plan, definition, previewOf(plan, 1000))).toEqual(builder.report());
  });
});
