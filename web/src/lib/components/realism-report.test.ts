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

  it('draws one chart per column that has a histogram or top values, its bars as tall as their counts', () => {
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
        } else if (column.topValues.length > 0) {
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
