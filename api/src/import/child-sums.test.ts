// A parent's subtotal summed from its lines: what the importer writes, and that the rows keep it.
import { describe, expect, it } from 'vitest';
import { compile, generateRows } from '../engine/index.js';
import { importSql } from './index.js';

const REF = { referenceDate: '2025-06-01T00:00:00.000Z' };

function imported(sql: string, rows = 400) {
  return importSql(sql, { rows, ...REF }).definition;
}

function rowsOf(definition: ReturnType<typeof imported>, table: string): Record<string, unknown>[] {
  const plan = compile(definition as Parameters<typeof compile>[0], { seed: 'sums' });
  const shape = plan.tables.find((t) => t.name === table)!;
  const out: Record<string, unknown>[] = [];
  for (const batch of generateRows(plan, table, 0, shape.rows))
    for (const row of batch) out.push(Object.fromEntries(shape.columns.map((c, i) => [c.name, row[i]])));
  return out;
}

const fieldOf = (definition: ReturnType<typeof imported>, table: string, column: string) =>
  definition.tables.find((t) => t.name === table)!.fields.find((f) => f.name === column)!;

/** Sum of a child column per parent key. */
function sums(rows: Record<string, unknown>[], via: string, column: string): Map<unknown, number> {
  const out = new Map<unknown, number>();
  for (const r of rows) out.set(r[via], (out.get(r[via]) ?? 0) + Number(r[column]));
  return out;
}

const cents = (x: unknown) => Math.round(Number(x) * 100);

describe("a parent's subtotal is the sum of its lines", () => {
  const INVOICES = `
    create table customers (id bigserial primary key, name text not null);
    create table invoices (
      id uuid primary key, customer_id bigint not null references customers(id),
      subtotal numeric(12,2) not null, discount_amount numeric(12,2) not null default 0, tax_amount numeric(12,2) not null default 0,
      total numeric(12,2) not null, check (discount_amount <= subtotal));
    create table invoice_lines (
      id bigserial primary key, invoice_id uuid not null references invoices(id), description text not null,
      quantity integer not null default 1 check (quantity > 0), unit_amount numeric(12,2) not null, amount numeric(12,2) not null);
  `;
  const definition = imported(INVOICES);

  it('sums the line amounts into the subtotal, laying the lines out per invoice', () => {
    expect(fieldOf(definition, 'invoices', 'subtotal')).toMatchObject({
      type: 'aggregate',
      options: { table: 'invoice_lines', via: 'invoice_id', field: 'amount' },
    });
    expect(fieldOf(definition, 'invoice_lines', 'invoice_id').options).toMatchObject({ childrenPerParent: { min: 1 } });
    const invoices = rowsOf(definition, 'invoices');
    const lines = rowsOf(definition, 'invoice_lines');
    const perInvoice = sums(lines, 'invoice_id', 'amount');
    const wrong = invoices.filter((i) => cents(i.subtotal) !== Math.round((perInvoice.get(i.id) ?? 0) * 100));
    expect(wrong.slice(0, 3)).toEqual([]);
    // every line is quantity × unit amount, and the invoice's total follows the summed subtotal
    for (const l of lines) expect(cents(l.amount)).toBe(Math.round(Number(l.quantity) * Number(l.unit_amount) * 100));
    for (const i of invoices) {
      expect(cents(i.total)).toBe(cents(i.subtotal) - cents(i.discount_amount) + cents(i.tax_amount));
      expect(Number(i.discount_amount)).toBeLessThanOrEqual(Number(i.subtotal));
    }
  });

  it('adds whole cents to whole cents', () => {
    const def = imported(`
      create table carts (id bigserial primary key, amount_subtotal_cents bigint not null);
      create table cart_items (id bigserial primary key, cart_id bigint not null references carts(id), amount_cents integer not null check (amount_cents > 0));
    `);
    expect(fieldOf(def, 'carts', 'amount_subtotal_cents')).toMatchObject({ type: 'aggregate', options: { field: 'amount_cents' } });
    const carts = rowsOf(def, 'carts');
    const perCart = sums(rowsOf(def, 'cart_items'), 'cart_id', 'amount_cents');
    for (const c of carts) {
      expect(Number.isInteger(c.amount_subtotal_cents)).toBe(true);
      expect(c.amount_subtotal_cents).toBe(perCart.get(c.id));
    }
  });

  it('leaves the subtotal alone when the names or types do not say which lines it sums', () => {
    const plain = (sql: string, table: string, column: string) => fieldOf(imported(sql), table, column).type;
    // decimal lines cannot add up to whole cents
    expect(
      plain(
        `create table carts (id bigserial primary key, subtotal_cents bigint not null);
         create table cart_items (id bigserial primary key, cart_id bigint not null references carts(id), amount numeric(10,2) not null);`,
        'carts',
        'subtotal_cents',
      ),
    ).not.toBe('aggregate');
    // two tables of lines: which one?
    expect(
      plain(
        `create table orders (id bigserial primary key, subtotal numeric(10,2) not null);
         create table order_items (id bigserial primary key, order_id bigint not null references orders(id), line_total numeric(10,2) not null);
         create table order_lines (id bigserial primary key, order_id bigint not null references orders(id), amount numeric(10,2) not null);`,
        'orders',
        'subtotal',
      ),
    ).not.toBe('aggregate');
    // not lines of the order (a shipment has an amount too), or lines that need not belong to one
    expect(
      plain(
        `create table orders (id bigserial primary key, subtotal numeric(10,2) not null);
         create table shipments (id bigserial primary key, order_id bigint not null references orders(id), amount numeric(10,2) not null);
         create table order_items (id bigserial primary key, order_id bigint references orders(id), amount numeric(10,2) not null);`,
        'orders',
        'subtotal',
      ),
    ).not.toBe('aggregate');
  });
});
