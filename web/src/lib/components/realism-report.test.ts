import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render, screen, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportView, RuleView } from '$lib/realism-report';
import RealismReport from './realism-report.svelte';

// A real report: the API's report module on the rows of its test shop. Its modules are loaded by
// path, so that svelte-check does not type-check the API's sources under the web's tsconfig.
type Report = Omit<ReportView, 'rules'> & { rules: (RuleView & { kind: string })[] };
interface Builder {
  rules: unknown[];
  add(table: string, start: number, rows: unknown[][]): void;
  report(): Report;
}
interface Modules {
  engine: {
    compile(definition: unknown): { tables: { name: string; rows: number }[] };
    generateRows(plan: unknown, table: string, start: number, end: number): Iterable<unknown[][]>;
  };
  report: { ReportBuilder: new (plan: unknown, definition: unknown) => Builder; reportSummary(report: Report): string };
  shop: { shopDefinition(customers: number): unknown };
}
const apiSource = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../api/src');
const apiModule = (path: string) => import(/* @vite-ignore */ join(apiSource, path));

async function shopReport(customers: number): Promise<{ report: Report; summary: string }> {
  const [engine, reportModule, shop] = (await Promise.all([
    apiModule('engine/index.ts'),
    apiModule('report/index.ts'),
    apiModule('report/testing/shop.ts'),
  ])) as [Modules['engine'], Modules['report'], Modules['shop']];
  const definition = shop.shopDefinition(customers);
  const plan = engine.compile(definition);
  const builder = new reportModule.ReportBuilder(plan, definition);
  for (const table of plan.tables) {
    let at = 0;
    for (const batch of engine.generateRows(plan, table.name, 0, table.rows)) {
      builder.add(table.name, at, batch);
      at += batch.length;
    }
  }
  const report = builder.report();
  return { report, summary: reportModule.reportSummary(report) };
}

describe('RealismReport', () => {
  let report: Report;
  let summary: string;
  beforeAll(async () => {
    ({ report, summary } = await shopReport(300));
  });

  it('says the rules in the words of tdg generate, and names the broken ones', () => {
    render(RealismReport, { report, label: 'Realism report' });
    const view = screen.getByRole('region', { name: 'Realism report' });
    expect(summary).toMatch(/^\d+ rules, [1-9]\d* violations/);
    expect(within(view).getByText(summary)).toBeTruthy();
    // the shop's CHECK fails wherever an order's id ends in 3
    const broken = report.rules.filter((r) => r.violations > 0);
    expect(broken.map((r) => r.kind)).toContain('check');
    for (const rule of broken) expect(within(view).getAllByText(rule.name).length).toBeGreaterThan(0);
    const rows = within(screen.getByRole('table', { name: 'Rules of the realism report' })).getAllByRole('row');
    expect(rows).toHaveLength(report.rules.length + 1);
  });

  it('draws one chart per column that has a histogram or a repeated value, its bars as tall as their counts', () => {
    render(RealismReport, { report, label: 'Realism report' });
    let charts = 0;
    for (const table of report.tables) {
      const section = screen.getByRole('region', { name: `Columns of ${table.name}` });
      expect(within(section).getByText(`${table.rows.toLocaleString('en-US')} rows`)).toBeTruthy();
      for (const column of table.columns) {
        const name = `${table.name}.${column.name}`;
        const histogram = screen.queryByRole('img', { name: `histogram of ${name}` });
        const top = screen.queryByRole('list', { name: `top values of ${name}` });
        if (column.histogram.length > 0) {
          charts++;
          const bars = [...histogram!.querySelectorAll('rect')];
          expect(bars.map((bar) => Number(bar.dataset.count))).toEqual(column.histogram.map((b) => b.count));
          const tallest = Math.max(...column.histogram.map((b) => b.count));
          bars.forEach((bar, k) => {
            const expected = (column.histogram[k]!.count / tallest) * 40;
            expect(Number(bar.getAttribute('height'))).toBeCloseTo(Math.max(1, expected), 6);
          });
          expect(top).toBeNull();
        } else if ((column.topValues[0]?.count ?? 0) > 1) {
          charts++;
          const items = within(top!).getAllByRole('listitem');
          expect(items.map((item) => item.textContent)).toEqual(column.topValues.slice(0, 5).map((v) => expect.stringContaining(v.value) as unknown as string));
          expect(histogram).toBeNull();
        } else expect([histogram, top]).toEqual([null, null]);
      }
    }
    // dates, numbers and the few-valued columns of the shop all have a chart
    expect(charts).toBeGreaterThanOrEqual(8);
    expect(screen.getAllByRole('img', { name: /^histogram of / }).length + screen.getAllByRole('list', { name: /^top values of / }).length).toBe(charts);
  });

  it('leaves a gap for each empty bucket: a few rows of a declared range', async () => {
    const few = (await shopReport(3)).report;
    render(RealismReport, { report: few, label: 'Realism report' });
    // orders.total is declared 1..500: 20 buckets of 24.95, of which a few orders fill some
    const total = few.tables.find((t) => t.name === 'orders')!.columns.find((c) => c.name === 'total')!;
    const bucketOf = (from: number | string) => Math.round((Number(from) - 1) / 24.95);
    const first = bucketOf(total.histogram[0]!.from);
    const bars = [...screen.getByRole('img', { name: 'histogram of orders.total' }).querySelectorAll('rect')];
    expect(bars.map((bar) => Math.floor(Number(bar.getAttribute('x')) / 10))).toEqual(total.histogram.map((b) => bucketOf(b.from) - first));
    expect(bucketOf(total.histogram.at(-1)!.from) - first + 1).toBeGreaterThan(total.histogram.length);
  });

  it('gives each column its figures in words beside the chart', () => {
    render(RealismReport, { report, label: 'Realism report' });
    const age = report.tables[0]!.columns.find((c) => c.name === 'age')!;
    const figure = screen.getByRole('img', { name: 'histogram of customers.age' }).closest('figure')!;
    const caption = figure.querySelector('figcaption')!.textContent!;
    expect(caption).toContain(`${Math.round(age.nullRate * 1000) / 10} % null`);
    expect(caption).toContain(`${age.min} – ${age.max}`);
    // unique text: no chart, its figures only
    const email = report.tables[0]!.columns.find((c) => c.name === 'email')!;
    expect(email.topValues).toEqual([]);
    const emailFigure = screen.getByText('email').closest('figure')!;
    expect(emailFigure.querySelector('svg, ul')).toBeNull();
    expect(emailFigure.querySelector('figcaption')!.textContent).toBe(
      `0 % null · ${email.distinct} distinct · length ${email.length!.min}–${email.length!.max}`,
    );
  });
});
