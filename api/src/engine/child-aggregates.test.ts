import { describe, expect, it } from 'vitest';
import { compile, type Definition, DefinitionError } from './index.js';
import { rowsEveryChunking, sameInTwoProcesses } from './testing/chunked-rows.js';

// orders whose subtotal is the sum of their lines, a count of lines, totals from the subtotal, and
// payments reading the order's total through a path (a grandchild of the aggregate)
const shop: Definition = {
  version: 1,
  seed: 'aggregates',
  tables: [
    {
      name: 'products',
      rows: 500,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'price', type: 'number.float', options: { min: 1, max: 300, fractionDigits: 2 } },
      ],
    },
    {
      name: 'orders',
      rows: 30_000,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'subtotal', type: 'aggregate', options: { table: 'order_items', via: 'order_id', field: 'line_total' } },
        { name: 'items', type: 'aggregate', options: { table: 'order_items', via: 'order_id', fn: 'count' } },
        { name: 'units', type: 'aggregate', options: { table: 'order_items', via: 'order_id', field: 'quantity' } },
        { name: 'refunded', type: 'aggregate', options: { table: 'order_items', via: 'order_id', field: 'refund' } },
        { name: 'discount', type: 'expression', options: { expr: 'round(subtotal * 0.05 * floor(subtotal * 13 % 3), 2)' } },
        { name: 'total', type: 'expression', options: { expr: 'round(subtotal - discount + round(subtotal * 0.08, 2), 2)' } },
        // the lines' unit prices times their quantities, with no line total of their own (Chinook's Invoice.Total)
        { name: 'gross', type: 'aggregate', options: { table: 'order_items', via: 'order_id', field: 'unit_price', times: 'quantity' } },
      ],
    },
    {
      name: 'order_items',
      fields: [
        { name: 'order_id', type: 'ref', options: { table: 'orders', field: 'id', childrenPerParent: { min: 0, max: 6 } } },
        { name: 'product_id', type: 'ref', options: { table: 'products', field: 'id' } },
        { name: 'quantity', type: 'number.int', options: { min: 1, max: 9 } },
        { name: 'unit_price', type: 'lookup', options: { path: 'product_id.price' } },
        { name: 'line_total', type: 'expression', options: { expr: 'round(quantity * unit_price, 2)' } },
        { name: 'refund', type: 'number.float', options: { min: 0, max: 20, fractionDigits: 2 }, nullRate: 0.7 },
      ],
    },
    {
      name: 'payments',
      rows: 20_000,
      fields: [
        { name: 'order_id', type: 'ref', options: { table: 'orders', field: 'id' } },
        { name: 'amount', type: 'lookup', options: { path: 'order_id.total' } },
      ],
    },
  ],
};

const close = (a: unknown, b: number) => typeof a === 'number' && Math.abs(a - b) < 1e-6;

describe('aggregate: a parent field from its children', () => {
  const plan = compile(shop);
  const orders = rowsEveryChunking(plan, 'orders');
  const items = rowsEveryChunking(plan, 'order_items');

  it("sums and counts every order's lines, in every chunking", () => {
    const sums = new Map<unknown, { total: number; count: number; units: number; refunded: number; gross: number }>();
    for (const [order, , quantity, unitPrice, lineTotal, refund] of items) {
      expect(lineTotal).toBe(Math.round((quantity as number) * (unitPrice as number) * 100) / 100);
      const s = sums.get(order) ?? { total: 0, count: 0, units: 0, refunded: 0, gross: 0 };
      s.total += lineTotal as number;
      s.gross += (quantity as number) * (unitPrice as number);
      s.count++;
      s.units += quantity as number;
      s.refunded += (refund as number | null) ?? 0;
      sums.set(order, s);
    }
    const wrong: string[] = [];
    let empty = 0;
    let someRefund = 0;
    for (const [id, subtotal, count, units, refunded, discount, total, gross] of orders) {
      const s = sums.get(id) ?? { total: 0, count: 0, units: 0, refunded: 0, gross: 0 };
      if (!close(gross, s.gross) || Math.round((gross as number) * 100) / 100 !== gross) wrong.push(`gross ${String(gross)} vs ${s.gross}`);
      if (s.count === 0) empty++;
      if (s.refunded > 0) someRefund++;
      if (!close(subtotal, s.total) || count !== s.count || units !== s.units || !close(refunded, s.refunded))
        wrong.push(`${String(id)}: ${String(subtotal)} vs ${s.total}, ${String(count)} vs ${s.count}`);
      if (!close(total, Math.round(((subtotal as number) - (discount as number) + Math.round((subtotal as number) * 8) / 100) * 100) / 100))
        wrong.push(`total ${String(total)}`);
      // cents stay cents: no binary noise in the sum
      if (Math.round((subtotal as number) * 100) / 100 !== subtotal) wrong.push(`noise ${String(subtotal)}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(Number.isInteger(orders[0][2]) && Number.isInteger(orders[0][3])).toBe(true);
    // orders without lines (min 0) sum to 0; null refunds add nothing but others do
    expect(empty).toBeGreaterThan(30_000 / 7 / 2);
    expect(someRefund).toBeGreaterThan(1000);
  });

  it('is what other tables read through paths', () => {
    const totals = new Map(orders.map((o) => [o[0], o[6]]));
    const payments = rowsEveryChunking(plan, 'payments');
    expect(payments.filter(([order, amount]) => totals.get(order) !== amount)).toEqual([]);
  });

  it('gives the same rows in two processes', async () => {
    const { expected, got } = await sameInTwoProcesses(shop, { orders, order_items: items });
    expect(got).toEqual(expected);
  }, 240_000);

  it('types the column: count and integer sums are integers, decimal sums numbers', () => {
    const columns = Object.fromEntries(plan.tables.find((t) => t.name === 'orders')!.columns.map((c) => [c.name, c.kind]));
    expect(columns).toMatchObject({ subtotal: 'number', items: 'integer', units: 'integer' });
  });
});

describe('aggregate validation', () => {
  const def = (aggregate: Record<string, unknown>, child: Partial<Definition['tables'][number]['fields'][number]>[] = []): Definition => ({
    version: 1,
    tables: [
      {
        name: 'orders',
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'subtotal', type: 'aggregate', options: aggregate },
        ],
      },
      {
        name: 'lines',
        fields: [
          { name: 'order_id', type: 'ref', options: { table: 'orders', field: 'id', childrenPerParent: { min: 1, max: 3 } } },
          { name: 'other_id', type: 'ref', options: { table: 'orders', field: 'id' } },
          { name: 'amount', type: 'number.float' },
          { name: 'label', type: 'lorem.word' },
          ...(child as Definition['tables'][number]['fields']),
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

  it('accepts a sum and a count over a laid-out child table', () => {
    expect(issues(def({ table: 'lines', via: 'order_id', field: 'amount' }))).toEqual([]);
    expect(issues(def({ table: 'lines', via: 'order_id', fn: 'count' }))).toEqual([]);
  });

  it('names the option that is wrong', () => {
    expect(issues(def({ table: 'lines', via: 'other_id', field: 'amount' }))).toEqual([
      expect.stringMatching(/^tables\[0\]\.fields\[1\]\.options\.via: lines\.other_id must set childrenPerParent/),
    ]);
    expect(issues(def({ table: 'lines', via: 'amount', field: 'amount' }))).toEqual([
      expect.stringMatching(/^tables\[0\]\.fields\[1\]\.options\.via: lines\.amount must be a ref to orders/),
    ]);
    expect(issues(def({ table: 'lines', via: 'order_id', field: 'label' }))).toEqual(['tables[0].fields[1].options.field: lines.label is text, not a number']);
    expect(issues(def({ table: 'nope', via: 'order_id', field: 'amount' }))[0]).toMatch(/^tables\[0\]\.fields\[1\]\.options\.table: unknown table "nope"/);
    expect(issues(def({ table: 'lines', via: 'order_id' }))).toEqual(['tables[0].fields[1].options.field: sum needs the child column to add up']);
    expect(issues(def({ table: 'lines', via: 'order_id', fn: 'count', field: 'amount' }))).toEqual([
      'tables[0].fields[1].options.field: count counts children; it takes no field',
    ]);
    expect(issues(def({ table: 'lines', via: 'order_id', field: 'amount', times: 'label' }))).toEqual([
      'tables[0].fields[1].options.times: lines.label is text, not a number',
    ]);
    expect(issues(def({ table: 'lines', via: 'order_id', field: 'amount', times: 'nope' }))[0]).toMatch(
      /^tables\[0\]\.fields\[1\]\.options\.times: unknown field "nope"/,
    );
    expect(issues(def({ table: 'lines', via: 'order_id', fn: 'count', times: 'amount' }))).toEqual([
      'tables[0].fields[1].options.times: count counts children; it multiplies nothing',
    ]);
  });

  it('refuses a child whose factor reads the sum it is part of', () => {
    const cyclic = def({ table: 'lines', via: 'order_id', field: 'amount', times: 'share' }, [
      { name: 'share', type: 'expression', options: { expr: 'amount / order_id.subtotal' } },
    ]);
    expect(issues(cyclic)).toEqual([expect.stringMatching(/cycle through field paths: orders\.subtotal -> lines\.share/)]);
  });

  it('refuses a child that reads the sum it is part of', () => {
    const cyclic = def({ table: 'lines', via: 'order_id', field: 'share' }, [
      { name: 'share', type: 'expression', options: { expr: 'amount / order_id.subtotal' } },
    ]);
    expect(issues(cyclic)).toEqual([
      expect.stringMatching(/cycle through field paths: orders\.subtotal -> lines\.share \(via lines\.order_id\) -> orders\.subtotal/),
    ]);
  });
});
