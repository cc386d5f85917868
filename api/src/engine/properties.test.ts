import { describe, expect, it } from 'vitest';
import { compile, type Definition } from './index.js';
import { allRows, column, hasKind, rowsOf } from './testing/rows.js';

const shop: Definition = {
  version: 1,
  seed: 'shop',
  tables: [
    {
      name: 'users',
      rows: 3000,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'first_name', type: 'person.firstName' },
        { name: 'last_name', type: 'person.lastName' },
        { name: 'email', type: 'internet.email', unique: true },
        { name: 'age', type: 'number.int', options: { min: 18, max: 90 }, nullRate: 0.2 },
        { name: 'created_at', type: 'date.past', options: { years: 3 } },
        { name: 'updated_at', type: 'dateAfter', options: { field: 'created_at', minDays: 1, maxDays: 10 } },
        { name: 'display', type: 'template', options: { template: '{{first_name}} {{last_name}} <{{email}}>' } },
        { name: 'manager_id', type: 'ref', options: { table: 'users', field: 'id' } },
        { name: 'plan', type: 'pick', options: { values: ['free', 'pro', 'team'], weights: [6, 3, 1] } },
        { name: 'tags', type: 'array', options: { of: { type: 'pick', options: { values: ['a', 'b', 'c'] } }, min: 1, max: 4 } },
        {
          name: 'settings',
          type: 'json',
          options: {
            fields: [
              { name: 'theme', type: 'pick', options: { values: ['dark', 'light'] } },
              { name: 'seats', type: 'number.int', options: { min: 1, max: 5 }, nullRate: 0.5 },
            ],
          },
        },
        { name: 'code', type: 'regex', options: { pattern: '^[A-Z]{3}-[0-9]{4}$' } },
      ],
      unique: [['first_name', 'last_name']],
    },
    {
      name: 'orders',
      fields: [
        { name: 'id', type: 'sequence', options: { start: 1000, step: 10 } },
        { name: 'user_id', type: 'ref', options: { table: 'users', field: 'id', childrenPerParent: { min: 0, max: 4 } } },
        { name: 'buyer_email', type: 'ref', options: { table: 'users', field: 'email', choice: 'skewed', skew: 3 } },
        { name: 'total', type: 'commerce.price', options: { min: 1, max: 500 } },
      ],
    },
  ],
};

describe('generated data has the properties the definition asks for', () => {
  const plan = compile(shop);
  const users = allRows(plan, 'users');
  const orders = allRows(plan, 'orders');
  const u = (name: string) => column(plan, users, 'users', name);
  const o = (name: string) => column(plan, orders, 'orders', name);

  it('orders parents first and sets the children-per-parent row count', () => {
    expect(plan.tables.map((t) => t.name)).toEqual(['users', 'orders']);
    const perUser = new Map<unknown, number>();
    for (const id of o('user_id')) perUser.set(id, (perUser.get(id) ?? 0) + 1);
    expect([...perUser.values()].every((n) => n >= 1 && n <= 4)).toBe(true);
    // about 3000 * (0+1+2+3+4)/5 children; every parent with 0 children is simply absent
    expect(orders.length).toBeGreaterThan(3000 * 2 * 0.9);
    expect(orders.length).toBeLessThan(3000 * 2 * 1.1);
    expect(perUser.size).toBeGreaterThan(3000 * 0.75);
  });

  it('emails are valid and unique', () => {
    const emails = u('email') as string[];
    expect(emails.filter((e) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e))).toEqual([]);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('ints stay in range and the null rate is within tolerance', () => {
    const ages = u('age');
    const nulls = ages.filter((a) => a === null).length;
    expect(nulls / ages.length).toBeGreaterThan(0.2 - 0.03);
    expect(nulls / ages.length).toBeLessThan(0.2 + 0.03);
    expect(ages.filter((a) => a !== null && !(Number.isInteger(a) && (a as number) >= 18 && (a as number) <= 90))).toEqual([]);
  });

  it('dateAfter comes after its base by the asked number of days, before the reference date for past', () => {
    const created = u('created_at') as Date[];
    const updated = u('updated_at') as Date[];
    const ref = new Date('2025-01-01T00:00:00Z').getTime();
    const bad = created.filter((c, i) => {
      const gap = updated[i].getTime() - c.getTime();
      return !(c.getTime() < ref && c.getTime() > ref - 3 * 366 * 86_400_000 && gap >= 86_400_000 && gap <= 10 * 86_400_000);
    });
    expect(bad).toEqual([]);
  });

  it('templates read the same row; composite unique holds', () => {
    const first = u('first_name');
    const last = u('last_name');
    const display = u('display');
    const email = u('email');
    expect(display).toEqual(first.map((f, i) => `${f} ${last[i]} <${email[i]}>`));
    expect(new Set(first.map((f, i) => `${f}\u0000${last[i]}`)).size).toBe(users.length);
  });

  it('every foreign key is found in its parent, self-references point to earlier rows', () => {
    const ids = u('id');
    const position = new Map(ids.map((id, i) => [id, i]));
    expect(position.size).toBe(ids.length);
    expect(o('user_id').filter((id) => !position.has(id))).toEqual([]);
    const emails = new Set(u('email'));
    expect(o('buyer_email').filter((e) => !emails.has(e))).toEqual([]);
    const managers = u('manager_id');
    expect(managers[0]).toBeNull();
    expect(managers.slice(1).filter((m, i) => !(position.get(m)! < i + 1))).toEqual([]);
  });

  it('skewed choice favours early parents', () => {
    const position = new Map(u('email').map((e, i) => [e, i]));
    const early = o('buyer_email').filter((e) => position.get(e)! < users.length / 2).length;
    expect(early / orders.length).toBeGreaterThan(0.7); // u^3 < 1/2 for u < 0.79
  });

  it('every column holds values of its declared kind (or null where nullable)', () => {
    const wrong: string[] = [];
    for (const [table, rows] of [
      ['users', users],
      ['orders', orders],
    ] as const) {
      const shape = plan.tables.find((t) => t.name === table)!;
      for (const row of rows)
        shape.columns.forEach((c, i) => {
          if (row[i] === null ? !c.nullable : !hasKind(row[i], c.kind)) wrong.push(`${table}.${c.name}=${JSON.stringify(row[i])} is not ${c.kind}`);
        });
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(u('code').every((c) => /^[A-Z]{3}-[0-9]{4}$/.test(c as string))).toBe(true);
    expect(o('id').slice(0, 3)).toEqual([1000, 1010, 1020]);
    const plans = u('plan');
    const free = plans.filter((p) => p === 'free').length / plans.length;
    expect(free).toBeGreaterThan(0.55);
    expect(free).toBeLessThan(0.65);
  });

  it('shapes describe keys, references and nullability', () => {
    const usersShape = plan.tables[0];
    expect(usersShape.primaryKey).toEqual(['id']);
    expect(usersShape.unique).toEqual([['first_name', 'last_name']]);
    const byName = Object.fromEntries(usersShape.columns.map((c) => [c.name, c]));
    expect(byName.id.kind).toBe('uuid');
    expect(byName.manager_id).toMatchObject({ kind: 'uuid', nullable: true, references: { table: 'users', column: 'id' } });
    expect(byName.email.unique).toBe(true);
    expect(byName.tags).toMatchObject({ kind: 'array', elementKind: 'text' });
    expect(plan.tables[1].columns[2]).toMatchObject({ kind: 'text', references: { table: 'users', column: 'email' } });
  });
});

describe('uniqueness by construction', () => {
  it('unique ints, picks, booleans and refs are permutations of their space', () => {
    const { plan, rows } = rowsOf(
      {
        version: 1,
        tables: [
          { name: 'p', rows: 50, fields: [{ name: 'id', type: 'sequence' }] },
          {
            name: 't',
            rows: 50,
            fields: [
              { name: 'n', type: 'number.int', options: { min: -20, max: 29 }, unique: true },
              { name: 'm', type: 'number.int', options: { min: 0, max: 1000, multipleOf: 7 }, unique: true },
              { name: 's', type: 'pick', options: { values: Array.from({ length: 50 }, (_, i) => `v${i}`) }, unique: true },
              { name: 'r', type: 'ref', options: { table: 'p', field: 'id' }, unique: true },
            ],
          },
        ],
      },
      't',
    );
    expect([...column(plan, rows, 't', 'n')].sort((a, b) => (a as number) - (b as number))).toEqual(Array.from({ length: 50 }, (_, i) => i - 20));
    const m = column(plan, rows, 't', 'm') as number[];
    expect(new Set(m).size).toBe(50);
    expect(m.every((v) => v % 7 === 0 && v >= 0 && v <= 1000)).toBe(true);
    expect(new Set(column(plan, rows, 't', 's')).size).toBe(50);
    expect(new Set(column(plan, rows, 't', 'r')).size).toBe(50);
    const bools = rowsOf({ version: 1, tables: [{ name: 'b', rows: 2, fields: [{ name: 'on', type: 'datatype.boolean', unique: true }] }] }, 'b');
    expect(new Set(column(bools.plan, bools.rows, 'b', 'on')).size).toBe(2);
  });

  it('a composite key over two refs walks the product of the parents (join tables)', () => {
    const { plan, rows } = rowsOf(
      {
        version: 1,
        tables: [
          { name: 'orders', rows: 60, fields: [{ name: 'id', type: 'string.uuid' }] },
          { name: 'products', rows: 40, fields: [{ name: 'sku', type: 'sequence', options: { start: 100 } }] },
          {
            name: 'order_items',
            rows: 2000,
            primaryKey: ['order_id', 'product_id'],
            fields: [
              { name: 'order_id', type: 'ref', options: { table: 'orders', field: 'id' } },
              { name: 'product_id', type: 'ref', options: { table: 'products', field: 'sku' } },
              { name: 'quantity', type: 'number.int', options: { min: 1, max: 5 } },
            ],
          },
        ],
      },
      'order_items',
    );
    const pairs = rows.map((r) => `${r[0]}/${r[1]}`);
    expect(new Set(pairs).size).toBe(2000);
    const skus = column(plan, rows, 'order_items', 'product_id') as number[];
    expect(skus.every((s) => s >= 100 && s < 140)).toBe(true);
    expect(new Set(column(plan, rows, 'order_items', 'order_id')).size).toBe(60);
  });

  it('uuids, sequences and wide int ranges are unique at 1M rows', () => {
    const plan = compile({
      version: 1,
      tables: [
        {
          name: 'big',
          rows: 1_000_000,
          fields: [
            { name: 'id', type: 'string.uuid' },
            { name: 'n', type: 'sequence', options: { step: 3 } },
            { name: 'k', type: 'number.int', options: { min: 0, max: 2_000_000 }, unique: true },
          ],
        },
      ],
    });
    const ids = new Set<unknown>();
    const ks = new Set<unknown>();
    let last = -Infinity;
    let increasing = true;
    for (const row of allRows(plan, 'big', 0, 1_000_000, 65_536)) {
      ids.add(row[0]);
      ks.add(row[2]);
      increasing &&= (row[1] as number) > last;
      last = row[1] as number;
    }
    expect(increasing).toBe(true);
    expect(ids.size).toBe(1_000_000);
    expect(ks.size).toBe(1_000_000);
  }, 300_000);

  it.runIf(process.env.TDG_SLOW === '1')(
    'unique emails and composite names hold at 1M rows (slow)',
    () => {
      const plan = compile({
        version: 1,
        tables: [
          {
            name: 'people',
            rows: 1_000_000,
            fields: [
              { name: 'email', type: 'internet.email', unique: true },
              { name: 'first_name', type: 'person.firstName' },
              { name: 'last_name', type: 'person.lastName' },
            ],
            unique: [['first_name', 'last_name']],
          },
        ],
      });
      const emails = new Set<unknown>();
      const names = new Set<string>();
      for (const row of allRows(plan, 'people', 0, 1_000_000, 65_536)) {
        emails.add(row[0]);
        names.add(`${row[1]}\u0000${row[2]}`);
      }
      expect(emails.size).toBe(1_000_000);
      expect(names.size).toBe(1_000_000);
    },
    1_800_000,
  );
});
