import { describe, expect, it } from 'vitest';
import { compile, type Definition, DefinitionError } from './index.js';
import { rowsEveryChunking, sameInTwoProcesses } from './testing/chunked-rows.js';

// invoices paid in installments: each payment an equal share of the invoice's total, in cents;
// credits split a whole number of points
const billing: Definition = {
  version: 1,
  seed: 'shares',
  tables: [
    {
      name: 'invoices',
      rows: 40_000,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'total', type: 'number.float', options: { min: 0, max: 900, fractionDigits: 2 }, nullRate: 0.05 },
        { name: 'points', type: 'number.int', options: { min: 0, max: 1000 } },
        { name: 'fee', type: 'number.float', options: { min: 0, max: 50, fractionDigits: 3 } },
      ],
    },
    {
      name: 'payments',
      fields: [
        { name: 'invoice_id', type: 'ref', options: { table: 'invoices', field: 'id', childrenPerParent: { min: 0, max: 5 } } },
        { name: 'amount', type: 'share', options: { of: 'invoice_id.total', per: 'invoice_id' } },
        { name: 'points', type: 'share', options: { of: 'invoice_id.points', per: 'invoice_id' } },
        { name: 'fee', type: 'share', options: { of: 'invoice_id.fee', per: 'invoice_id' } },
      ],
    },
  ],
};

const cents = (x: unknown) => Math.round((x as number) * 100);

describe('share: an amount split among siblings', () => {
  const plan = compile(billing);
  const invoices = rowsEveryChunking(plan, 'invoices');
  const payments = rowsEveryChunking(plan, 'payments');

  it("adds up to the parent's amount exactly, in equal shares a step apart at most, in every chunking", () => {
    const byInvoice = new Map<unknown, { amounts: number[]; points: number[]; nulls: number }>();
    for (const [invoice, amount, points] of payments) {
      const s = byInvoice.get(invoice) ?? { amounts: [], points: [], nulls: 0 };
      if (amount === null) s.nulls++;
      else s.amounts.push(amount as number);
      s.points.push(points as number);
      byInvoice.set(invoice, s);
    }
    const wrong: string[] = [];
    let split = 0;
    for (const [id, total, points] of invoices) {
      const s = byInvoice.get(id);
      if (!s) continue;
      if (s.points.length > 1) split++;
      if (total === null) {
        if (s.amounts.length > 0) wrong.push(`${String(id)}: shares of a null total`);
        continue;
      }
      const sum = s.amounts.reduce((a, b) => a + cents(b), 0);
      if (sum !== cents(total)) wrong.push(`${String(id)}: ${sum} cents for ${cents(total)}`);
      if (Math.max(...s.amounts.map(cents)) - Math.min(...s.amounts.map(cents)) > s.amounts.length)
        wrong.push(`${String(id)}: unequal ${s.amounts.join(', ')}`);
      if (s.amounts.some((a) => cents(a) / 100 !== a)) wrong.push(`${String(id)}: not cents ${s.amounts.join(', ')}`);
      if (s.points.reduce((a, b) => a + b, 0) !== points || s.points.some((p) => !Number.isInteger(p)))
        wrong.push(`${String(id)}: points ${s.points.join(', ')}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(split).toBeGreaterThan(20_000);
  });

  it('cuts an amount with finer digits down to cents: never more than the amount, less by under a cent', () => {
    const fees = new Map(invoices.map((row) => [row[0], row[3] as number]));
    const paid = new Map<(typeof payments)[number][number], number>();
    for (const row of payments) paid.set(row[0], (paid.get(row[0]) ?? 0) + cents(row[3]));
    const wrong = [...paid].filter(([id, sum]) => sum > fees.get(id)! * 100 + 1e-6 || fees.get(id)! * 100 - sum >= 1);
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('types the columns: a decimal amount gives decimals, an integer one integers; null amounts give null shares', () => {
    const columns = plan.tables.find((t) => t.name === 'payments')!.columns;
    expect(columns.map((c) => [c.name, c.kind, c.nullable])).toEqual([
      ['invoice_id', 'uuid', false],
      ['amount', 'number', true],
      ['points', 'integer', false],
      ['fee', 'number', false],
    ]);
  });

  it('gives the same rows in two processes', async () => {
    const { expected, got } = await sameInTwoProcesses(billing, 'payments', payments);
    expect(got).toEqual(expected);
  }, 240_000);
});

describe('share validation', () => {
  const def = (share: Record<string, unknown>): Definition => ({
    version: 1,
    tables: [
      {
        name: 'invoices',
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'total', type: 'number.float' },
          { name: 'note', type: 'lorem.word' },
        ],
      },
      {
        name: 'payments',
        fields: [
          { name: 'invoice_id', type: 'ref', options: { table: 'invoices', field: 'id', childrenPerParent: { min: 1, max: 3 } } },
          { name: 'other_id', type: 'ref', options: { table: 'invoices', field: 'id' } },
          { name: 'amount', type: 'share', options: share },
        ],
      },
    ],
  });
  const issues = (d: Definition) => {
    try {
      compile(d);
      return [];
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error;
      return error.issues.map((i) => `${i.path}: ${i.message}`);
    }
  };

  it('names the option that is wrong', () => {
    expect(issues(def({ of: 'invoice_id.total', per: 'invoice_id' }))).toEqual([]);
    expect(issues(def({ of: 'invoice_id.total', per: 'other_id' }))).toEqual([
      expect.stringMatching(/^tables\[1\]\.fields\[2\]\.options\.per: payments\.other_id must be the ref with childrenPerParent/),
    ]);
    expect(issues(def({ of: 'invoice_id.note', per: 'invoice_id' }))).toEqual(['tables[1].fields[2].options.of: "invoice_id.note" is text, not a number']);
    expect(issues(def({ of: 'invoice_id.nope', per: 'invoice_id' }))[0]).toMatch(/^tables\[1\]\.fields\[2\]\.options\.of: unknown parent column "nope"/);
    expect(issues(def({ of: 'amount', per: 'invoice_id' }))[0]).toMatch(/^tables\[1\]\.fields\[2\]\.options\.of: a share cannot split its own field/);
  });
});
