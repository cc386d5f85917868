// The translation means what Postgres means: for each CHECK and many rows (nulls included), the
// engine's evaluation of the translated expression agrees with Postgres' own (a CHECK passes
// unless it is false).
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileExpression, parseExpression } from '../engine/expression.js';
import type { Value } from '../engine/shape.js';
import { Rng } from '../engine/random.js';
import { parseDdl } from './parse-ddl.js';
import { checkFixes, intervalDays, translateCheck } from './check-expression.js';

const TABLE = `create table t (
  a int, b int, price numeric, sale numeric, debit numeric, credit numeric,
  started timestamptz, finished timestamptz, born date, hired date,
  x text, y text, status text)`;

const CHECKS = [
  'a <> b',
  'a is null or b > a',
  '(debit = 0) <> (credit = 0)',
  'sale <= price',
  'sale is null or sale <= price',
  'finished is null or started is not null and finished >= started',
  "hired >= born + interval '16 years'",
  "status in ('open', 'closed') and (status <> 'closed' or finished is not null)",
  'a between 1 and 5',
  'a not between 1 and 5',
  'length(x) <= 3',
  'x <> y',
  "status not in ('void')",
  'a + b < 10',
  'a * 2 >= b - 1',
  'coalesce(a, 0) >= 0',
  'not (a > b)',
  'a is distinct from b',
  '(b is null and a = any (array[2, 5, 6])) or a <> all (array[2, 5, 6]) or a is null',
  "status = any ('{open,closed}'::text[])",
  "x <> all (array['p', 'q']) and a >= any ('{3, 4}'::int[])",
  '(x is null and (a > b) is false) or x is not null',
  '(a > b) is true or (a < b) is not false or (a = b) is unknown or (a = 1) is not unknown or (a = 2) is not true',
  "((x is null) = (y is null)) and ((x is null) or (x ~ '^[A-Za-z0-9.~_-]{2,4}$'::text))",
  "x !~ '^[a-c]' or y is null",
  // exactly one of three set, as pg_dump writes it and as num_nonnulls says it
  '((case when (a is null) then 0 else 1 end + case when (b is null) then 0 else 1 end) + case when (x is null) then 0 else 1 end) = 1',
  'num_nonnulls(a, b, y) = 1',
  'num_nulls(started, finished) <= 1',
  "case status when 'open' then finished is null when 'closed' then finished >= started else a > b end",
  // LIKE and ILIKE, as written and as pg_dump writes them (~~, ~~*)
  "x like 'a_%' or y not like 'z%'",
  "x ilike 'AB%' and status not ilike '%OSE_'",
  "(x ~~ 'ab'::text) or (y !~~* 'Z_'::text)",
];

let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create();
  await pg.exec(TABLE);
});
afterAll(() => pg?.close());

function pick<T>(rng: Rng, values: T[]): T {
  return values[Math.floor(rng.next() * values.length)]!;
}

describe('translateCheck', () => {
  it('reads intervals as days', () => {
    expect(intervalDays('16 years')).toBeCloseTo(16 * 365.25);
    expect(intervalDays('2 days 12 hours')).toBeCloseTo(2.5);
    expect(intervalDays('soon')).toBeUndefined();
  });

  it('agrees with Postgres on every row, nulls included', async () => {
    const rng = new Rng();
    rng.reseed([1, 2], 0);
    for (const check of CHECKS) {
      const model = parseDdl(`${TABLE.slice(0, -1)}, check (${check}))`);
      const constraint = model.tables[0]!.constraints.find((c) => c.kind === 'check')!;
      const translated = translateCheck(constraint.expr!);
      expect(translated, check).toBeDefined();
      const read = (path: string) => (_i: number, cols: Value[][]) => cols[0]![COLUMNS.indexOf(path)]!;
      const evaluate = compileExpression(parseExpression(translated!.expr), read, { referenceDate: new Date('2025-01-01T00:00:00Z') });
      for (let n = 0; n < 60; n++) {
        const row: Value[] = [
          pick(rng, [null, 0, 1, 3, 7]),
          pick(rng, [null, 0, 1, 3, 7]),
          pick(rng, [null, 0, 10, 25.5]),
          pick(rng, [null, 0, 9.99, 30]),
          pick(rng, [0, 5]),
          pick(rng, [0, 5]),
          pick(rng, [null, new Date('2024-01-01T00:00:00Z'), new Date('2024-06-01T00:00:00Z')]),
          pick(rng, [null, new Date('2024-01-01T00:00:00Z'), new Date('2024-06-01T00:00:00Z')]),
          pick(rng, [new Date('1990-05-01T00:00:00Z'), new Date('2000-05-01T00:00:00Z')]),
          pick(rng, [new Date('2005-05-01T00:00:00Z'), new Date('2020-05-01T00:00:00Z')]),
          pick(rng, [null, '', 'ab', 'abcd']),
          pick(rng, [null, 'ab', 'zz']),
          pick(rng, [null, 'open', 'closed', 'void']),
        ];
        const params = row.map((v) => (v instanceof Date ? v.toISOString() : v));
        const types = ['int', 'int', 'numeric', 'numeric', 'numeric', 'numeric', 'timestamptz', 'timestamptz', 'date', 'date', 'text', 'text', 'text'];
        const values = params.map((_, i) => `$${i + 1}::${types[i]}`).join(', ');
        const sql = `select (${check}) is not false as ok from (values (${values})) as t(${COLUMNS.join(', ')})`;
        const [{ ok }] = (await pg.query<{ ok: boolean }>(sql, params)).rows as [{ ok: boolean }];
        const got = evaluate(0, [row], 0);
        expect(got === true, `${check} on ${JSON.stringify(params)}: ${translated!.expr} gave ${String(got)}`).toBe(ok);
      }
    }
  });

  it('agrees with Postgres on CHECKs over array columns (= ANY / <> ALL of a column, array_length, cardinality)', async () => {
    const table = 'create table arrays (ips text[], paths text[], nums int[], n int)';
    const checks = [
      "ips is null or (array_length(ips, 1) = array_length(paths, 1) and not (''::text = any (ips)))",
      'n = any (nums) or n is null',
      "'x' <> all (paths)",
      'n < all (nums)',
      'cardinality(paths) <= 2 and array_upper(ips, 1) >= 1',
      'array_lower(nums, 1) = 1',
      'array_length(nums, 2) is null',
    ];
    const rng = new Rng();
    rng.reseed([3, 4], 0);
    const columns = ['ips', 'paths', 'nums', 'n'];
    const texts: Value[] = [null, [], [''], ['x'], ['a', 'b'], ['a', null], ['a', 'x', 'c']];
    const numbers: Value[] = [null, [], [1], [2, 5], [3, null], [7, 8, 9]];
    for (const check of checks) {
      const model = parseDdl(`${table.slice(0, -1)}, check (${check}))`);
      const translated = translateCheck(model.tables[0]!.constraints.find((c) => c.kind === 'check')!.expr!);
      expect(translated, check).toBeDefined();
      const read = (path: string) => (_i: number, cols: Value[][]) => cols[0]![columns.indexOf(path)]!;
      const evaluate = compileExpression(parseExpression(translated!.expr), read, { referenceDate: new Date(0) });
      for (let n = 0; n < 80; n++) {
        const row: Value[] = [pick(rng, texts), pick(rng, texts), pick(rng, numbers), pick(rng, [null, 2, 7])];
        const sql = `select (${check}) is not false as ok from (values ($1::text[], $2::text[], $3::int[], $4::int)) as t(${columns.join(', ')})`;
        const [{ ok }] = (await pg.query<{ ok: boolean }>(sql, row)).rows as [{ ok: boolean }];
        const got = evaluate(0, [row], 0);
        expect(got === true, `${check} on ${JSON.stringify(row)}: ${translated!.expr} gave ${String(got)}`).toBe(ok);
      }
    }
  });

  it('gives up on what it cannot mean the same way', () => {
    for (const check of ["x ~ '^[[:alpha:]]+$'", "x ~* '^[a-z]+$'", "x like 'a!%' escape '!'", 'a = any(b_array_of(x))', 'x = any (\'{"a,b"}\'::text[])']) {
      const model = parseDdl(`${TABLE.slice(0, -1)}, check (${check}))`);
      expect(translateCheck(model.tables[0]!.constraints.find((c) => c.kind === 'check')!.expr!), check).toBeUndefined();
    }
  });
});

const COLUMNS = ['a', 'b', 'price', 'sale', 'debit', 'credit', 'started', 'finished', 'born', 'hired', 'x', 'y', 'status'];

describe('checkFixes', () => {
  const fixesOf = (check: string) => {
    const model = parseDdl(`${TABLE.slice(0, -1)}, check (${check}))`);
    return checkFixes(model.tables[0]!.constraints.find((c) => c.kind === 'check')!.expr!);
  };

  it("reads each branch's IS NULL and = constant parts, in either order, casts and all", () => {
    expect(fixesOf('(a is null and b = 0 and price = 1.00) or (a is not null and b >= 1)')).toEqual([{ a: null, b: 0, price: 1 }]);
    expect(fixesOf("(status = 'open' and finished is null) or ('closed' = status::text and x = 'done')")).toEqual([
      { status: 'open', finished: null },
      { status: 'closed', x: 'done' },
    ]);
    expect(fixesOf('a = 5')).toEqual([{ a: 5 }]);
    expect(fixesOf('(b is null and a = any (array[2, 5, 6])) or a is null')).toEqual([{ b: null, a: 2 }, { a: null }]);
    expect(fixesOf('(x is null and status::boolean is false) or x is not null')).toEqual([{ x: null, status: false }]);
    // exactly one of two set: either one emptied
    expect(fixesOf('(a is not null) <> (b is not null)')).toEqual([{ a: null }, { b: null }]);
    expect(fixesOf('(a is null) != (b is null)')).toEqual([{ a: null }, { b: null }]);
  });

  it('pins nothing where no branch says a constant', () => {
    expect(fixesOf('a <> b')).toEqual([]);
    expect(fixesOf('a is not null or b > 3')).toEqual([]);
  });
});
