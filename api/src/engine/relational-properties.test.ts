// Issue 13's test contract in one definition: parent-relative values, inequalities (within a row,
// against a parent, numbers, dates and timestamps, nullable sides, lifecycle chains), scoped refs
// (a tenant key carried down), many-to-many with weighted spread and include, exactly-one flags and
// row profiles, on tables of 100,000+ rows. Each table is generated under every chunking (chunks
// last-first, odd cuts and batch sizes: rowsEveryChunking) and in two child processes, all
// byte-identical; every property is then checked on the one full pass with 0 violations.
import { describe, expect, it } from 'vitest';
import { compile, type Definition, type Row, type Value } from './index.js';
import { rowsEveryChunking, sameInTwoProcesses } from './testing/chunked-rows.js';

const REFERENCE = '2026-01-01T00:00:00.000Z';
const DAY = 86_400_000;
const HOUR = 3_600_000;

const definition: Definition = {
  version: 1,
  seed: 'relational-properties',
  referenceDate: REFERENCE,
  tables: [
    { name: 'tenants', rows: 1000, fields: [{ name: 'id', type: 'string.uuid' }] },
    {
      name: 'agents',
      fields: [
        { name: 'id', type: 'sequence' },
        // some tenants have no agents: their invoices get a null assignee
        { name: 'tenant_id', type: 'ref', options: { table: 'tenants', field: 'id', childrenPerParent: { min: 0, max: 6 } } },
      ],
    },
    {
      name: 'customers',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'tenant_id', type: 'ref', options: { table: 'tenants', field: 'id', childrenPerParent: { min: 55, max: 150 } } },
        { name: 'currency', type: 'pick', options: { values: ['EUR', 'USD', 'GBP', 'JPY'] } },
        { name: 'created_at', type: 'date.past', options: { years: 3 } },
        { name: 'born_on', type: 'date.birthdate' },
        // date columns: whole days, 1..3 weeks after
        { name: 'registered_on', type: 'after', options: { from: 'born_on', min: 1, max: 3, unit: 'weeks' } },
      ],
    },
    {
      name: 'addresses',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id', childrenPerParent: { min: 0, max: 2 } } },
        { name: 'is_default', type: 'datatype.boolean', exactlyOne: { per: 'customer_id' } },
      ],
    },
    {
      name: 'products',
      rows: 500,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'list_price', type: 'commerce.price', options: { min: 5, max: 500 } },
      ],
    },
    {
      name: 'invoices',
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id', childrenPerParent: { min: 0, max: 2 } } },
        { name: 'currency', type: 'lookup', options: { path: 'customer_id.currency' } },
        {
          name: 'billing_address_id',
          type: 'ref',
          options: { table: 'addresses', field: 'id', scope: { target: 'customer_id', equals: 'customer_id', ifEmpty: 'null' } },
        },
        {
          name: 'assignee_id',
          type: 'ref',
          options: { table: 'agents', field: 'id', scope: { target: 'tenant_id', equals: 'customer_id.tenant_id', ifEmpty: 'null' } },
        },
        {
          name: 'reviewer_id',
          type: 'ref',
          options: {
            table: 'agents',
            field: 'id',
            scope: { target: 'tenant_id', equals: 'customer_id.tenant_id', ifEmpty: 'null' },
            sameAs: { path: 'assignee_id', rate: 0.5 },
          },
        },
        { name: 'featured_product_id', type: 'ref', options: { table: 'products', field: 'id' } },
        { name: 'status', type: 'pick', options: { values: ['draft', 'submitted', 'approved', 'paid', 'void'] } },
        // child after parent, never after the reference instant
        { name: 'created_at', type: 'after', options: { from: 'customer_id.created_at', max: 120, atMost: 'now' } },
        // submitted <= approved < paid; each null side nulls the next (x IS NULL OR y > x)
        { name: 'submitted_at', type: 'after', options: { from: 'created_at', max: 3, unit: 'days' } },
        { name: 'approved_at', type: 'after', options: { from: 'submitted_at', max: 48, unit: 'hours' } },
        { name: 'paid_at', type: 'after', options: { from: 'approved_at', min: 1, max: 30, strict: true } },
        // created <= updated <= deleted: updated after the latest non-null of the chain
        { name: 'updated_at', type: 'after', options: { from: ['paid_at', 'approved_at', 'submitted_at', 'created_at'], max: 12, unit: 'hours' } },
        { name: 'deleted_at', type: 'after', options: { from: 'updated_at', min: 1, max: 90 }, nullRate: 0.8 },
        { name: 'amount', type: 'number.float', options: { min: 10, max: 900, fractionDigits: 2 } },
        // 0 <= discount <= amount, at most 50 below it (BETWEEN on numbers)
        { name: 'discount', type: 'before', options: { from: 'amount', max: 50, atLeast: 0 } },
        { name: 'due', type: 'expression', options: { expr: 'if(isnull(paid_at), round(amount - discount, 2), 0)' } },
        { name: 'void_reason', type: 'pick', options: { values: ['duplicate', 'fraud', 'customer request'] } },
      ],
      profiles: {
        field: 'status',
        variants: [
          { value: 'draft', weight: 2, fields: { submitted_at: null, void_reason: null } },
          { value: 'submitted', weight: 2, fields: { approved_at: null, void_reason: null } },
          { value: 'approved', weight: 2, fields: { paid_at: null, void_reason: null } },
          { value: 'paid', weight: 3, fields: { void_reason: null } },
          { value: 'void', weight: 1, fields: { paid_at: null, discount: { type: 'constant', options: { value: 0 } } } },
        ],
      },
    },
    {
      name: 'lines',
      primaryKey: ['invoice_id', 'product_id'],
      fields: [
        {
          name: 'invoice_id',
          type: 'ref',
          options: {
            table: 'invoices',
            field: 'id',
            childrenPerParent: {
              min: 1,
              max: 4,
              ranges: [
                { min: 1, max: 1, weight: 3 },
                { min: 2, max: 4, weight: 1 },
              ],
            },
          },
        },
        {
          name: 'product_id',
          type: 'ref',
          options: { table: 'products', field: 'id', distinctWithin: 'invoice_id', include: 'invoice_id.featured_product_id' },
        },
        { name: 'is_primary', type: 'datatype.boolean', exactlyOne: { per: 'invoice_id' } },
        { name: 'unit_price', type: 'lookup', options: { path: 'product_id.list_price' } },
        { name: 'currency', type: 'lookup', options: { path: 'invoice_id.customer_id.currency' } },
        { name: 'quantity', type: 'number.int', options: { min: 1, max: 5 } },
        // integers: max_quantity >= quantity
        { name: 'max_quantity', type: 'after', options: { from: 'quantity', max: 10 } },
        // BETWEEN two parent values
        { name: 'shipped_at', type: 'after', options: { from: 'invoice_id.created_at', atMost: 'invoice_id.updated_at' } },
      ],
    },
  ],
};

const TABLES = ['tenants', 'agents', 'customers', 'addresses', 'products', 'invoices', 'lines'] as const;

describe('issue 13 primitives together at 100,000+ rows: every chunking, two processes, 0 violations', () => {
  const plan = compile(definition);
  const rows = Object.fromEntries(TABLES.map((t) => [t, rowsEveryChunking(plan, t)])) as Record<(typeof TABLES)[number], Row[]>;
  const reader = (table: string) => {
    const columns = plan.tables.find((t) => t.name === table)!.columns.map((c) => c.name);
    return (row: Row, column: string): Value => {
      const c = columns.indexOf(column);
      if (c < 0) throw new Error(`no ${table}.${column}`);
      return row[c];
    };
  };
  const [ag, cu, ad, pr, inv, li] = ['agents', 'customers', 'addresses', 'products', 'invoices', 'lines'].map(reader);
  const customerById = new Map(rows.customers.map((r) => [cu(r, 'id'), r]));
  const invoiceById = new Map(rows.invoices.map((r) => [inv(r, 'id'), r]));
  const priceOf = new Map(rows.products.map((r) => [pr(r, 'id'), pr(r, 'list_price')]));
  const time = (v: Value) => (v as Date).getTime();
  const groups = (table: Row[], key: (r: Row) => Value) => {
    const out = new Map<Value, Row[]>();
    for (const r of table) {
      const k = key(r);
      const list = out.get(k);
      if (list) list.push(r);
      else out.set(k, [r]);
    }
    return out;
  };

  it('has 100,000+ rows in the tables the properties are checked on', () => {
    for (const t of ['customers', 'addresses', 'invoices', 'lines'] as const) expect(rows[t].length, t).toBeGreaterThanOrEqual(100_000);
  });

  it('child after parent, parent values copied (one and two levels up), dates and timestamps ordered', () => {
    let violations = 0;
    const anchor = Date.parse(REFERENCE);
    for (const r of rows.customers) {
      const days = (time(cu(r, 'registered_on')) - time(cu(r, 'born_on'))) / DAY;
      if (!(Number.isInteger(days) && days >= 7 && days <= 21)) violations++;
    }
    for (const r of rows.invoices) {
      const customer = customerById.get(inv(r, 'customer_id'))!;
      const created = time(inv(r, 'created_at'));
      if (inv(r, 'currency') !== cu(customer, 'currency')) violations++;
      if (!(created >= time(cu(customer, 'created_at')) && created <= anchor && created - time(cu(customer, 'created_at')) <= 120 * DAY)) violations++;
    }
    for (const r of rows.lines) {
      const invoice = invoiceById.get(li(r, 'invoice_id'))!;
      const customer = customerById.get(inv(invoice, 'customer_id'))!;
      if (li(r, 'unit_price') !== priceOf.get(li(r, 'product_id'))) violations++;
      if (li(r, 'currency') !== cu(customer, 'currency')) violations++;
      const shipped = time(li(r, 'shipped_at'));
      if (!(shipped >= time(inv(invoice, 'created_at')) && shipped <= time(inv(invoice, 'updated_at')))) violations++;
    }
    expect(violations).toBe(0);
  });

  it('inequalities: chains with nullable sides, numbers and integers, windows', () => {
    let violations = 0;
    const nullable = (v: Value) => (v === null ? null : time(v));
    for (const r of rows.invoices) {
      const created = time(inv(r, 'created_at'));
      const [submitted, approved, paid, deleted] = ['submitted_at', 'approved_at', 'paid_at', 'deleted_at'].map((c) => nullable(inv(r, c)));
      const updated = time(inv(r, 'updated_at'));
      // a null side nulls every later step of the chain
      if (submitted === null ? approved !== null || paid !== null : !(submitted >= created && submitted <= created + 3 * DAY)) violations++;
      if (approved !== null && !(approved >= submitted! && approved <= submitted! + 48 * HOUR)) violations++;
      if (approved === null && paid !== null) violations++;
      if (paid !== null && !(paid > approved! && paid - approved! >= DAY && paid - approved! <= 30 * DAY)) violations++;
      const latest = Math.max(...[created, submitted, approved, paid].filter((v): v is number => v !== null));
      if (!(updated >= latest && updated <= latest + 12 * HOUR)) violations++;
      if (deleted !== null && !(deleted >= updated + DAY && deleted <= updated + 90 * DAY)) violations++;
      const amount = inv(r, 'amount') as number;
      const discount = inv(r, 'discount') as number;
      if (!(discount >= 0 && discount <= amount && (inv(r, 'status') === 'void' || amount - discount <= 50 + 1e-9))) violations++;
      if (inv(r, 'due') !== (paid === null ? Math.round((amount - discount) * 100) / 100 : 0)) violations++;
    }
    for (const r of rows.lines) {
      const q = li(r, 'quantity') as number;
      const m = li(r, 'max_quantity') as number;
      if (!(Number.isInteger(m) && m >= q && m <= q + 10)) violations++;
    }
    expect(violations).toBe(0);
  });

  it('profiles: every row agrees with its status, and statuses follow their weights', () => {
    let violations = 0;
    const counts = new Map<Value, number>();
    for (const r of rows.invoices) {
      const status = inv(r, 'status');
      counts.set(status, (counts.get(status) ?? 0) + 1);
      const set = (c: string) => inv(r, c) !== null;
      const ok =
        status === 'draft'
          ? !set('submitted_at') && !set('approved_at') && !set('paid_at') && !set('void_reason')
          : status === 'submitted'
            ? set('submitted_at') && !set('approved_at') && !set('paid_at') && !set('void_reason')
            : status === 'approved'
              ? set('approved_at') && !set('paid_at') && !set('void_reason')
              : status === 'paid'
                ? set('paid_at') && !set('void_reason')
                : status === 'void' && !set('paid_at') && set('void_reason') && inv(r, 'discount') === 0;
      if (!ok) violations++;
    }
    expect(violations).toBe(0);
    const weights: Record<string, number> = { draft: 0.2, submitted: 0.2, approved: 0.2, paid: 0.3, void: 0.1 };
    for (const [status, share] of Object.entries(weights)) expect(Math.abs(counts.get(status)! / rows.invoices.length - share), status).toBeLessThan(0.01);
  });

  it('scoped refs: billing address of the own customer, assignee and reviewer inside the tenant carried down', () => {
    let violations = 0;
    const addressesOf = groups(rows.addresses, (r) => ad(r, 'customer_id'));
    const tenantOfAgent = new Map(rows.agents.map((r) => [ag(r, 'id'), ag(r, 'tenant_id')]));
    const agentsPerTenant = groups(rows.agents, (r) => ag(r, 'tenant_id'));
    let same = 0;
    let nullAddress = 0;
    for (const r of rows.invoices) {
      const customerId = inv(r, 'customer_id');
      const own = new Set((addressesOf.get(customerId) ?? []).map((a) => ad(a, 'id')));
      const address = inv(r, 'billing_address_id');
      if (address === null) {
        nullAddress++;
        if (own.size > 0) violations++;
      } else if (!own.has(address)) violations++;
      const tenant = cu(customerById.get(customerId)!, 'tenant_id');
      for (const c of ['assignee_id', 'reviewer_id']) {
        const agent = inv(r, c);
        if (agent === null ? agentsPerTenant.has(tenant) : tenantOfAgent.get(agent) !== tenant) violations++;
      }
      if (inv(r, 'reviewer_id') === inv(r, 'assignee_id')) same++;
    }
    expect(violations).toBe(0);
    // customers with no address (a third of them) exist, so the null branch was taken
    expect(nullAddress).toBeGreaterThan(rows.invoices.length * 0.2);
    // sameAs rate 0.5, plus chance agreements inside small scopes
    expect(same / rows.invoices.length).toBeGreaterThan(0.5);
  });

  it('many-to-many: (invoice, product) pairs exact, the featured product included, partners spread by weight', () => {
    let violations = 0;
    const pairs = new Set(rows.lines.map((r) => `${String(li(r, 'invoice_id'))}|${String(li(r, 'product_id'))}`));
    expect(pairs.size).toBe(rows.lines.length);
    const perInvoice = groups(rows.lines, (r) => li(r, 'invoice_id'));
    expect(perInvoice.size).toBe(rows.invoices.length);
    const sizes = [0, 0, 0, 0, 0];
    for (const [id, lines] of perInvoice) {
      if (lines.length < 1 || lines.length > 4) violations++;
      else sizes[lines.length]++;
      const featured = inv(invoiceById.get(id)!, 'featured_product_id');
      if (!lines.some((l) => li(l, 'product_id') === featured)) violations++;
    }
    expect(violations).toBe(0);
    // 1 line in 3/4 of invoices, 2..4 evenly in the other quarter
    const n = perInvoice.size;
    expect(Math.abs(sizes[1] / n - 0.75)).toBeLessThan(0.01);
    for (const k of [2, 3, 4]) expect(Math.abs(sizes[k] / n - 0.25 / 3), `${k} lines`).toBeLessThan(0.01);
  });

  it('exactly one per parent: one default address per customer with addresses, one primary line per invoice', () => {
    const flags = (table: Row[], parent: (r: Row) => Value, flag: (r: Row) => Value) => {
      const trues = new Map<Value, number>();
      for (const r of table) {
        trues.set(parent(r), (trues.get(parent(r)) ?? 0) + (flag(r) === true ? 1 : 0));
        if (typeof flag(r) !== 'boolean') return -1;
      }
      return [...trues.values()].filter((t) => t !== 1).length;
    };
    expect(
      flags(
        rows.addresses,
        (r) => ad(r, 'customer_id'),
        (r) => ad(r, 'is_default'),
      ),
    ).toBe(0);
    expect(
      flags(
        rows.lines,
        (r) => li(r, 'invoice_id'),
        (r) => li(r, 'is_primary'),
      ),
    ).toBe(0);
  });

  it('gives the same bytes in two worker processes, each generating half of every table', async () => {
    const { expected, got } = await sameInTwoProcesses(definition, rows);
    expect(got).toEqual(expected);
  }, 300_000);
});
