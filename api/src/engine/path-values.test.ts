// Properties of parent-relative values (lookup), inequalities (after / before) and expressions at
// 100,000+ rows: 0 violations, the same bytes under every chunking and in two processes.
import { describe, expect, it } from 'vitest';
import { compile, type Definition, type Row, type Value } from './index.js';
import { rowsEveryChunking, sameInTwoProcesses } from './testing/chunked-rows.js';

const REFERENCE = '2025-06-01T00:00:00.000Z';
const DAY = 86_400_000;

export const relatedDefinition: Definition = {
  version: 1,
  seed: 'path-values',
  referenceDate: REFERENCE,
  tables: [
    {
      name: 'customers',
      rows: 25_000,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'created_at', type: 'date.past', options: { years: 3 } },
        { name: 'currency', type: 'pick', options: { values: ['EUR', 'USD', 'GBP', 'JPY'] } },
        { name: 'name', type: 'person.fullName' },
      ],
    },
    {
      name: 'products',
      rows: 5_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'list_price', type: 'commerce.price', options: { min: 5, max: 500 } },
        // sale_price <= list_price, and at least 1 (a BETWEEN from below)
        { name: 'sale_price', type: 'before', options: { from: 'list_price', max: 50, atLeast: 1 } },
      ],
    },
    {
      name: 'invoices',
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id', childrenPerParent: { min: 1, max: 7 } } },
        { name: 'currency', type: 'lookup', options: { path: 'customer_id.currency' } },
        // child after parent, never after the reference instant
        { name: 'issued_at', type: 'after', options: { from: 'customer_id.created_at', max: 120, atMost: 'now' } },
        { name: 'due_at', type: 'expression', options: { expr: 'issued_at + days(30)' } },
        { name: 'paid_at', type: 'after', options: { from: 'issued_at', max: 40, strict: true }, nullRate: 0.3 },
        // x IS NULL OR closed_at >= x, for both: after the latest non-null of the two
        { name: 'closed_at', type: 'after', options: { from: ['paid_at', 'issued_at'], max: 5, unit: 'hours' } },
        { name: 'status', type: 'expression', options: { expr: "if(isnull(paid_at), 'open', 'paid')" } },
      ],
    },
    {
      name: 'lines',
      fields: [
        { name: 'invoice_id', type: 'ref', options: { table: 'invoices', field: 'id', childrenPerParent: { min: 1, max: 2 } } },
        { name: 'product_id', type: 'ref', options: { table: 'products', field: 'id' } },
        { name: 'unit_price', type: 'lookup', options: { path: 'product_id.sale_price' } },
        { name: 'quantity', type: 'number.int', options: { min: 1, max: 5 } },
        { name: 'total', type: 'expression', options: { expr: 'round(quantity * unit_price, 2)' } },
        { name: 'currency', type: 'lookup', options: { path: 'invoice_id.customer_id.currency' } },
        // BETWEEN two parent values
        { name: 'shipped_at', type: 'after', options: { from: 'invoice_id.issued_at', atMost: 'invoice_id.due_at' } },
        {
          name: 'label',
          type: 'expression',
          options: { expr: "upper(invoice_id.currency) + '-' + quantity + ' ' + lower(substr(invoice_id.customer_id.name, 1, 3))" },
        },
      ],
    },
  ],
};

function table(rows: Row[], plan: ReturnType<typeof compile>, name: string) {
  const columns = plan.tables.find((t) => t.name === name)!.columns.map((c) => c.name);
  return (row: Row, column: string): Value => {
    const c = columns.indexOf(column);
    if (c < 0) throw new Error(`no ${name}.${column}`);
    return row[c];
  };
}

const time = (v: Value) => (v as Date).getTime();

describe('lookup, after/before and expressions at 100,000+ rows', () => {
  const plan = compile(relatedDefinition);
  const rowsOf = (name: string) => rowsEveryChunking(plan, name);
  const customers = rowsOf('customers');
  const products = rowsOf('products');
  const invoices = rowsOf('invoices');
  const lines = rowsOf('lines');
  const c = table(customers, plan, 'customers');
  const p = table(products, plan, 'products');
  const inv = table(invoices, plan, 'invoices');
  const l = table(lines, plan, 'lines');
  const customerById = new Map(customers.map((r) => [c(r, 'id') as string, r]));
  const invoiceById = new Map(invoices.map((r) => [inv(r, 'id') as string, r]));

  it('has the sizes the properties need', () => {
    expect(invoices.length).toBeGreaterThan(90_000);
    expect(lines.length).toBeGreaterThan(100_000);
  });

  it('products: sale_price within [max(1, list_price - 50), list_price]', () => {
    let violations = 0;
    for (const r of products) {
      const list = p(r, 'list_price') as number;
      const sale = p(r, 'sale_price') as number;
      if (!(sale <= list && sale >= Math.min(list, Math.max(1, list - 50)))) violations++;
    }
    expect(violations).toBe(0);
  });

  it("invoices: currency is the customer's, issued after the customer and not after the anchor, lifecycle ordered", () => {
    let violations = 0;
    let paid = 0;
    const anchor = Date.parse(REFERENCE);
    for (const r of invoices) {
      const customer = customerById.get(inv(r, 'customer_id') as string)!;
      const issued = time(inv(r, 'issued_at'));
      if (inv(r, 'currency') !== c(customer, 'currency')) violations++;
      if (!(issued >= time(c(customer, 'created_at')) && issued <= anchor && issued - time(c(customer, 'created_at')) <= 120 * DAY)) violations++;
      if (time(inv(r, 'due_at')) !== issued + 30 * DAY) violations++;
      const paidAt = inv(r, 'paid_at');
      if (paidAt !== null) {
        paid++;
        if (!(time(paidAt) > issued && time(paidAt) <= issued + 40 * DAY)) violations++;
      }
      const closed = time(inv(r, 'closed_at'));
      const low = paidAt === null ? issued : time(paidAt);
      if (!(closed >= low && closed <= low + 5 * 3_600_000)) violations++;
      if (inv(r, 'status') !== (paidAt === null ? 'open' : 'paid')) violations++;
    }
    expect(violations).toBe(0);
    expect(paid / invoices.length).toBeGreaterThan(0.65);
    expect(paid / invoices.length).toBeLessThan(0.75);
  });

  it("lines: the product's price, the customer's currency two levels up, shipped between the invoice's issue and due dates", () => {
    let violations = 0;
    let spread = 0;
    for (const r of lines) {
      const invoice = invoiceById.get(l(r, 'invoice_id') as string)!;
      const product = products[(l(r, 'product_id') as number) - 1];
      const customer = customerById.get(inv(invoice, 'customer_id') as string)!;
      if (l(r, 'unit_price') !== p(product, 'sale_price')) violations++;
      if (l(r, 'total') !== Math.round((l(r, 'quantity') as number) * (l(r, 'unit_price') as number) * 100) / 100) violations++;
      if (l(r, 'currency') !== c(customer, 'currency')) violations++;
      const shipped = time(l(r, 'shipped_at'));
      if (!(shipped >= time(inv(invoice, 'issued_at')) && shipped <= time(inv(invoice, 'due_at')))) violations++;
      if (shipped - time(inv(invoice, 'issued_at')) > 15 * DAY) spread++;
      const label = `${inv(invoice, 'currency') as string}-${l(r, 'quantity') as number} ${(c(customer, 'name') as string).slice(0, 3).toLowerCase()}`;
      if (l(r, 'label') !== label) violations++;
    }
    expect(violations).toBe(0);
    // BETWEEN spreads over the whole window (uniform delta), not only its start
    expect(spread / lines.length).toBeGreaterThan(0.4);
  });

  it('gives the same bytes when two processes generate halves of the deepest table', async () => {
    const { expected, got } = await sameInTwoProcesses(relatedDefinition, 'lines', lines);
    expect(got).toEqual(expected);
  }, 120_000);
});

describe('definitions that do not use paths keep their values', () => {
  it('a ref target read through a path changes only when a path reads it', () => {
    const base: Definition = {
      version: 1,
      tables: [
        {
          name: 'a',
          rows: 3000,
          fields: [
            { name: 'id', type: 'string.uuid' },
            { name: 'when', type: 'date.past' },
            { name: 'n', type: 'number.int', options: { max: 9 }, nullRate: 0.5 },
          ],
        },
        {
          name: 'b',
          rows: 3000,
          fields: [
            { name: 'a_id', type: 'ref', options: { table: 'a', field: 'id' } },
            { name: 'x', type: 'number.int' },
          ],
        },
      ],
    };
    const plain = compile(base);
    const withLookup = compile({
      ...base,
      tables: [base.tables[0], { ...base.tables[1], fields: [...base.tables[1].fields, { name: 'a_when', type: 'lookup', options: { path: 'a_id.when' } }] }],
    });
    const [pa, pb, la, lb] = [
      rowsEveryChunking(plain, 'a'),
      rowsEveryChunking(plain, 'b'),
      rowsEveryChunking(withLookup, 'a'),
      rowsEveryChunking(withLookup, 'b'),
    ];
    // a.id and a.n are not read through a path: unchanged; b keeps its columns
    expect(la.map((r) => [r[0], r[2]])).toEqual(pa.map((r) => [r[0], r[2]]));
    expect(lb.map((r) => r.slice(0, 2))).toEqual(pb);
    // the lookup equals the parent's (now row-seeded) value
    const whenById = new Map(la.map((r) => [r[0], r[1]]));
    expect(lb.every((r) => (r[2] as Date).getTime() === (whenById.get(r[0]) as Date).getTime())).toBe(true);
  });
});

describe('after / before on numbers', () => {
  it('keeps the order when the base has more decimals than the rounding, and integers stay whole', () => {
    const def: Definition = {
      version: 1,
      tables: [
        {
          name: 't',
          rows: 20_000,
          fields: [
            { name: 'a', type: 'number.float', options: { min: 0, max: 10, fractionDigits: 4 } },
            { name: 'b', type: 'after', options: { from: 'a', max: 0.02, strict: true } },
            { name: 'c', type: 'before', options: { from: 'a', max: 1, atLeast: 'b' } },
            { name: 'n', type: 'number.int', options: { min: 0, max: 100 } },
            { name: 'm', type: 'after', options: { from: 'n', min: 1, max: 5 } },
          ],
        },
      ],
    };
    const plan = compile(def);
    expect(plan.tables[0].columns.map((c) => c.kind)).toEqual(['number', 'number', 'number', 'integer', 'integer']);
    let violations = 0;
    for (const [a, b, c, n, m] of rowsEveryChunking(plan, 't') as number[][]) {
      if (!(b > a && b <= a + 0.02 + 1e-9)) violations++;
      // the bound (b) is on the wrong side of a: the base wins
      if (c !== a) violations++;
      if (!(Number.isInteger(m) && m - n >= 1 && m - n <= 5)) violations++;
    }
    expect(violations).toBe(0);
  });
});

describe('fromIfRoom: sides the bound wins over', () => {
  // a review of a pull request: after it was opened and, while that leaves room before it closed,
  // after the reviewer joined; never after it closed
  const def = (soft: boolean): Definition => ({
    version: 1,
    seed: 'if-room',
    tables: [
      {
        name: 'reviews',
        rows: 20_000,
        fields: [
          { name: 'opened', type: 'date.past', options: { years: 1 } },
          { name: 'closed', type: 'after', options: { from: 'opened', max: 10 }, nullRate: 0.2 },
          { name: 'joined', type: 'date.past', options: { years: 1 } },
          {
            name: 'submitted',
            type: 'after',
            options: soft ? { from: 'opened', fromIfRoom: 'joined', max: 5, atMost: 'closed' } : { from: ['opened', 'joined'], max: 5, atMost: 'closed' },
          },
        ],
      },
    ],
  });

  it('keeps the value within the bound, and after the soft side whenever the bound leaves room for it', () => {
    const rows = rowsEveryChunking(compile(def(true)), 'reviews') as (Date | null)[][];
    const t = (d: Date | null) => d!.getTime();
    expect(rows.filter(([o, c, , s]) => t(s) < t(o) || (c !== null && t(s) > t(c)))).toEqual([]);
    expect(rows.filter(([, c, j, s]) => (c === null || t(j) <= t(c)) && t(s) < t(j))).toEqual([]);
    // both sides plain: the bound loses whenever the reviewer joined after the close
    const plain = rowsEveryChunking(compile(def(false)), 'reviews') as (Date | null)[][];
    expect(plain.filter(([, c, , s]) => c !== null && t(s) > t(c)).length).toBeGreaterThan(1000);
  });

  it('names a soft side of another kind', () => {
    const bad = def(true);
    (bad.tables[0].fields[3].options as Record<string, unknown>).fromIfRoom = 'nope';
    expect(() => compile(bad)).toThrow(/tables\[0\]\.fields\[3\]\.options\.fromIfRoom: unknown field "nope"/);
  });
});

describe('after / before on date columns', () => {
  it('stays on whole days, within the window, null only when every side is null', () => {
    const def: Definition = {
      version: 1,
      tables: [
        {
          name: 't',
          rows: 20_000,
          fields: [
            { name: 'born', type: 'date.birthdate' },
            { name: 'maybe', type: 'date.birthdate', nullRate: 0.5 },
            { name: 'registered', type: 'after', options: { from: 'born', min: 1, max: 3, unit: 'weeks' } },
            { name: 'either', type: 'before', options: { from: ['maybe'], max: 2, fallback: '2000-01-01' } },
          ],
        },
      ],
    };
    const plan = compile(def);
    expect(plan.tables[0].columns.map((c) => `${c.kind}${c.nullable ? '?' : ''}`)).toEqual(['date', 'date?', 'date', 'date']);
    let violations = 0;
    for (const [born, maybe, registered, either] of rowsEveryChunking(plan, 't') as (Date | null)[][]) {
      const days = (registered!.getTime() - born!.getTime()) / DAY;
      if (!(Number.isInteger(days) && days >= 7 && days <= 21 && registered!.getTime() % DAY === 0)) violations++;
      const base = maybe === null ? Date.parse('2000-01-01') : maybe.getTime();
      const back = (base - either!.getTime()) / DAY;
      if (!(Number.isInteger(back) && back >= 0 && back <= 2)) violations++;
    }
    expect(violations).toBe(0);
  });
});

describe('a bound mixing paths and constants', () => {
  // a report is hired after their manager and before the manager left, never after "now"
  const staff: Definition = {
    version: 1,
    seed: 'staff',
    referenceDate: REFERENCE,
    tables: [
      {
        name: 'employees',
        rows: 20_000,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'manager_id', type: 'ref', options: { table: 'employees', field: 'id' } },
          {
            name: 'hire_date',
            type: 'after',
            options: { from: 'manager_id.hire_date', max: 365, atMost: ['now', 'manager_id.left_on'], fallback: '2015-01-01T00:00:00.000Z' },
          },
          { name: 'left_on', type: 'after', options: { from: 'hire_date', min: 30, max: 2000, atMost: 'now' }, nullRate: 0.5 },
        ],
      },
    ],
  };

  it('keeps the tightest of "now" and the paths that are not null', () => {
    const rows = rowsEveryChunking(compile(staff), 'employees');
    const byId = new Map(rows.map((r) => [r[0], r]));
    const time = (v: Value) => (v as Date).getTime();
    expect(rows.filter((r) => time(r[2]) > Date.parse(REFERENCE))).toEqual([]);
    const bad = rows.filter((r) => {
      const m = r[1] === null ? undefined : byId.get(r[1]);
      return m && m[3] !== null && time(r[2]) > time(m[3]);
    });
    expect(bad).toEqual([]);
  });

  it('names a constant of the wrong kind inside the list', () => {
    const wrong = structuredClone(staff);
    wrong.tables[0].fields.push(
      { name: 'score', type: 'number.int', options: { min: 0, max: 10 } },
      { name: 'bonus', type: 'after', options: { from: 'score', atMost: ['manager_id.score', 'now'] } },
    );
    expect(() => compile(wrong)).toThrow(/tables\[0\]\.fields\[5\]\.options\.atMost\[1\]: must be a number or field path/);
  });
});
