import { describe, expect, it } from 'vitest';
import type { Definition } from '$lib/definition';
import { planRows, rowArgs, rowCountProblem, rowLimitText, startProblems } from './row-plan';

const shop: Definition = {
  version: 1,
  tables: [
    { name: 'users', rows: 40, fields: [{ name: 'id', type: 'string.uuid' }] },
    { name: 'products', fields: [{ name: 'id', type: 'string.uuid' }] },
    {
      name: 'orders',
      rows: 5,
      fields: [{ name: 'user_id', type: 'ref', options: { table: 'users', field: 'id', childrenPerParent: { min: 1, max: 3 } } }],
    },
    { name: 'codes', rows: 500, maxRows: 26, fields: [{ name: 'code', type: 'regex' }] },
  ],
};

describe('the rows an export will write', () => {
  it('as the schema says: each table its own count (100 when it has none), capped by maxRows; children follow their parent', () => {
    const plan = planRows(shop, { kind: 'schema', counts: {} });
    expect(plan.tables.map((t) => [t.table, t.rows, t.editable, t.exact])).toEqual([
      ['users', 40, true, true],
      ['products', 100, true, true],
      ['orders', 80, false, false],
      ['codes', 26, true, true],
    ]);
    expect(plan.total).toBe(40 + 100 + 80 + 26);
    expect(plan.exact).toBe(false);
  });

  it('an edited count replaces the schema’s, and its children follow', () => {
    const plan = planRows(shop, { kind: 'schema', counts: { users: 10, products: 7 } });
    expect(plan.tables.map((t) => t.rows)).toEqual([10, 7, 20, 26]);
  });

  it('scale every table to N: N for every table, so the total is N times the tables (children per parent aside)', () => {
    const plain: Definition = { version: 1, tables: [shop.tables[0]!, shop.tables[1]!] };
    const plan = planRows(plain, { kind: 'scale', rows: 300_000 });
    expect(plan.total).toBe(600_000);
    expect(plan.exact).toBe(true);
    expect(rowArgs(plan, { kind: 'scale', rows: 300_000 })).toEqual({ rowCount: 300_000, tableRows: null });
  });

  it('sends every table it sets by name when the schema’s counts are kept, none that follow a parent', () => {
    const mode = { kind: 'schema', counts: { users: 10 } } as const;
    expect(rowArgs(planRows(shop, mode), mode)).toEqual({
      rowCount: 100,
      tableRows: [
        { table: 'users', rows: 10 },
        { table: 'products', rows: 100 },
        { table: 'codes', rows: 26 },
      ],
    });
  });

  it('survives a ref to a missing table and a cycle of children per parent', () => {
    const odd: Definition = {
      version: 1,
      tables: [
        { name: 'a', rows: 3, fields: [{ name: 'b_id', type: 'ref', options: { table: 'b', field: 'id', childrenPerParent: { min: 2, max: 2 } } }] },
        { name: 'b', rows: 4, fields: [{ name: 'a_id', type: 'ref', options: { table: 'a', field: 'id', childrenPerParent: { min: 1, max: 1 } } }] },
        { name: 'c', rows: 5, fields: [{ name: 'x', type: 'ref', options: { table: 'gone', field: 'id', childrenPerParent: { min: 1, max: 1 } } }] },
      ],
    };
    const plan = planRows(odd, { kind: 'schema', counts: {} });
    expect(plan.tables.map((t) => t.rows)).toEqual([6, 3, 5]);
  });

  it('says what is wrong with a count, and the limit, in words with grouped digits', () => {
    expect(rowCountProblem(Number.NaN, 'Rows')).toBe('Rows: enter a number');
    expect(rowCountProblem(2.5, 'Rows')).toBe('Rows: a whole number of rows');
    expect(rowCountProblem(0, 'Rows', 1)).toBe('Rows: at least 1');
    expect(rowCountProblem(12, 'Rows', 1)).toBeNull();
    expect(rowLimitText(10_000_000, 12_000_000)).toBe(
      "An export has at most 10,000,000 rows over all tables; these counts make 12,000,000. Lower a table's count or scale to fewer rows.",
    );
  });
});

describe('problems of a start, in words at their table', () => {
  it('puts a table’s problem beside its count and the scale count’s beside it', () => {
    const args = {
      rowCount: 5,
      tableRows: [
        { table: 'users', rows: 5 },
        { table: 'orders', rows: -1 },
      ],
    };
    expect(
      startProblems(
        [
          { path: 'tableRows[1].rows', message: 'must be a whole number from 0 to 10 (got -1)' },
          { path: 'rowCount', message: 'must be at least 1 (got 0)' },
          { path: 'tables[0].fields[1].type', message: 'unknown type' },
        ],
        args,
      ),
    ).toEqual([
      { table: 'orders', message: 'Rows of orders must be a whole number from 0 to 10 (got -1)' },
      { table: null, message: 'Rows per table must be at least 1 (got 0)' },
      { table: null, message: 'unknown type' },
    ]);
  });
});
