// The rules the report checks are the ones the engine keeps: a bound (atMost now) gives way where
// the side the value follows is already past it (the engine keeps the order then), and a field a
// profile sets its own way (drafts hold amount_paid 0) is checked only on the other rows. Broken
// rows are still found, in process and with SQL.
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { compile, generateRows, parseDefinition, type Row } from '../engine/index.js';
import { ReportBuilder } from './report.js';
import { checkDatabase } from './rule-sql.js';

const definition = parseDefinition({
  version: 1,
  seed: 'exceptions',
  referenceDate: '2025-01-01T00:00:00.000Z',
  tables: [
    {
      name: 'invoices',
      rows: 600,
      primaryKey: ['id'],
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'status', type: 'pick', options: { values: ['draft', 'open', 'paid'] } },
        { name: 'started', type: 'date.between', options: { from: '2024-06-01T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z' } },
        { name: 'period_start', type: 'after', options: { from: 'started', unit: 'days', max: 30, atMost: 'now' } },
        { name: 'total', type: 'number.int', options: { min: 10, max: 100 } },
        { name: 'amount_paid', type: 'before', options: { from: 'total', atLeast: 1, decimals: 0 } },
      ],
      profiles: {
        field: 'status',
        variants: [
          { value: 'draft', weight: 1, fields: { amount_paid: 0 } },
          { value: 'open', weight: 1, fields: { amount_paid: 0 } },
          { value: 'paid', weight: 2, fields: {} },
        ],
      },
    },
  ],
});
const plan = compile(definition);
const generated = [...generateRows(plan, 'invoices', 0, 600)].flat();
const NOW = Date.parse('2025-01-01T00:00:00.000Z');
// a row that started before now but whose period starts after it; a paid row that paid nothing
const pastStart = generated.findIndex((r) => (r[2] as Date).getTime() < NOW - 40 * 86_400_000);
const paid = generated.findIndex((r, i) => r[1] === 'paid' && i !== pastStart);
const broken: Row[] = generated.map((r, i) =>
  i === pastStart ? [r[0], r[1], r[2], new Date(NOW + 86_400_000), r[4], r[5]] : i === paid ? [r[0], r[1], r[2], r[3], r[4], 0] : r,
);

function report(rows: Row[]) {
  const builder = new ReportBuilder(plan, definition);
  builder.add('invoices', 0, rows);
  const rules = builder.report().rules;
  return (name: string) => rules.find((r) => r.name === name)!;
}

describe('rules the engine keeps, with their exceptions', () => {
  it('no violation on generated rows; the rows that gave way or that a profile sets are not checked', () => {
    const rule = report(generated);
    const future = generated.filter((r) => (r[2] as Date).getTime() > NOW).length;
    expect(future).toBeGreaterThan(0);
    expect(rule('invoices.period_start <= now')).toMatchObject({ violations: 0, checked: 600 - future });
    expect(rule('invoices.amount_paid >= 1')).toMatchObject({ violations: 0, checked: generated.filter((r) => r[1] === 'paid').length });
  });

  it('finds broken rows in process and with SQL alike', async () => {
    const rule = report(broken);
    expect(rule('invoices.period_start <= now')).toMatchObject({ violations: 1, examples: [pastStart] });
    expect(rule('invoices.amount_paid >= 1')).toMatchObject({ violations: 1, examples: [paid] });
    const db = await PGlite.create();
    try {
      await db.exec(
        `set time zone 'UTC'; create table invoices (id int primary key, status text, started timestamptz, period_start timestamptz, total int, amount_paid numeric)`,
      );
      for (const r of broken)
        await db.query(
          'insert into invoices values ($1, $2, $3, $4, $5, $6)',
          r.map((v) => (v instanceof Date ? v.toISOString() : v)),
        );
      const sql = await checkDatabase(definition, async (text) => (await db.query<Record<string, unknown>>(text)).rows);
      const byName = (name: string) => sql.find((r) => r.name === name)!;
      expect(byName('invoices.period_start <= now')).toMatchObject({ violations: 1, checked: rule('invoices.period_start <= now').checked });
      expect(byName('invoices.amount_paid >= 1')).toMatchObject({ violations: 1, checked: rule('invoices.amount_paid >= 1').checked });
    } finally {
      await db.close();
    }
  });
});
