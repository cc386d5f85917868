import { describe, expect, it } from 'vitest';
import { coerceTo, compileExpression, ExpressionError, expressionKind, expressionPaths, parseExpression } from './expression.js';
import type { ColumnKind, Value } from './shape.js';

const REFERENCE = new Date('2025-01-01T00:00:00.000Z');

/** Evaluates with the row given as a map of path -> value. */
function run(text: string, row: Record<string, Value> = {}): Value {
  const evaluate = compileExpression(parseExpression(text), (path) => () => (Object.hasOwn(row, path) ? row[path] : null), { referenceDate: REFERENCE });
  return evaluate(0, [], 0);
}

function errorOf(text: string): { position: number; reason: string } {
  try {
    parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionError) return { position: error.position, reason: error.reason };
    throw error;
  }
  throw new Error(`"${text}" parsed`);
}

describe('expression language', () => {
  it('does arithmetic with precedence, unary minus and parentheses', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('-2 * -3 - 1')).toBe(5);
    expect(run('7 % 4 + 10 / 4')).toBe(5.5);
    expect(run('1 / 0')).toBe(null);
    expect(run('qty * price', { qty: 3, price: 2.5 })).toBe(7.5);
    expect(run('1.5e2 + .5')).toBe(150.5);
  });

  it('compares and combines with and/or/not (also && || !), null propagating through comparisons', () => {
    expect(run('1 < 2 and 2 <= 2 and 3 > 2 and 3 >= 4')).toBe(false);
    expect(run('1 = 1 && 2 != 3 && 2 <> 3 && 1 == 1')).toBe(true);
    expect(run("not (a = 'x') or !b", { a: 'x', b: false })).toBe(true);
    expect(run('a > 1', { a: null })).toBe(null);
    expect(run('isnull(a) and not isnull(b)', { a: null, b: 1 })).toBe(true);
    expect(run("'abc' < 'abd'")).toBe(true);
  });

  it('concatenates text with + and concat (null as empty there)', () => {
    expect(run("'n-' + n", { n: 7 })).toBe('n-7');
    expect(run("first + ' ' + last", { first: 'Ada', last: 'Lovelace' })).toBe('Ada Lovelace');
    expect(run("'x' + missing")).toBe(null);
    expect(run("concat('x', missing, 1, true)")).toBe('x1true');
    expect(run('\'it\'\'s\' + "\\"q\\""')).toBe('it\'s"q"');
  });

  it('does date arithmetic in days (hours/minutes/seconds as fractions) and differences', () => {
    const d = new Date('2024-02-28T12:00:00.000Z');
    expect(run('d + 2', { d })).toEqual(new Date('2024-03-01T12:00:00.000Z'));
    expect(run('d - hours(12) + minutes(30)', { d })).toEqual(new Date('2024-02-28T00:30:00.000Z'));
    expect(run('days_between(now(), d)', { d })).toBe(307.5);
    expect(run('now() - d', { d })).toBe(307.5);
    expect(run("date('2024-01-01') < d", { d })).toBe(true);
    expect(run('year(d) * 100 + month(d) + day(d)', { d })).toBe(202402 + 28);
    expect(run('d + seconds(1)', { d })).toEqual(new Date('2024-02-28T12:00:01.000Z'));
  });

  it('has if, coalesce (lazy), rounding and text functions', () => {
    expect(run("if(status = 'done', 100, 0)", { status: 'done' })).toBe(100);
    expect(run('if(null, 1, 2)')).toBe(2);
    expect(run('coalesce(a, b, 3)', { a: null, b: null })).toBe(3);
    expect(run('round(2.345, 2) + round(2.5) + floor(-1.5) + ceil(1.2) + abs(-3)')).toBe(2.35 + 3 - 2 + 2 + 3);
    expect(run('min(3, a, 1) + max(3, a, 1)', { a: null })).toBe(4);
    expect(run("lower('AbC') + upper('x') + len('four') + substr('abcdef', 2, 3) + substr('abc', 2)")).toBe('abcX4bcdbc');
    // an array's number of elements, as Postgres' cardinality(): null for null or a value that is not an array
    expect([run('cardinality(a)', { a: ['x', 'y'] }), run('cardinality(a)', { a: [] }), run('cardinality(a)', { a: null }), run("cardinality('ab')")]).toEqual([
      2,
      0,
      null,
      null,
    ]);
    expect(run('max(a, b)', { a: new Date(5), b: new Date(9) })).toEqual(new Date(9));
    // Postgres' array_length: null for an empty array and past the last dimension
    expect([run('array_length(a, 1)', { a: ['x', 'y'] }), run('array_length(a, 1)', { a: [] }), run('array_length(a, 2)', { a: [[1, 2, 3]] })]).toEqual([
      2,
      null,
      3,
    ]);
    expect(run('array_length(a, 2)', { a: ['x'] })).toBe(null);
  });

  it('compares a value with the elements of an array (SQL = ANY / <> ALL), three-valued', () => {
    expect(run("any_of('', '=', a)", { a: ['x', ''] })).toBe(true);
    expect(run("any_of('', '=', a)", { a: ['x', null] })).toBe(null);
    expect(run("any_of('', '=', a)", { a: [] })).toBe(false);
    expect(run("any_of(n, '<', a)", { n: 3, a: [1, 2] })).toBe(false);
    expect(run("all_of(n, '<>', a)", { n: 3, a: [1, 2] })).toBe(true);
    expect(run("all_of(n, '<>', a)", { n: 3, a: [] })).toBe(true);
    expect(run("all_of(n, '<>', a)", { n: 3, a: [3, null] })).toBe(false);
    expect(run("all_of(n, '<>', a)", { n: 3, a: null })).toBe(null);
    expect(errorOf("any_of(n, 'like', a)")).toMatchObject({ position: 0 });
  });

  it('matches text against a literal regular expression (SQL ~), null staying null', () => {
    const prerelease = "matches(version, '^[0-9]+[.][0-9]+[.][0-9]+-')";
    expect(run(prerelease, { version: '1.4.0-rc.2' })).toBe(true);
    expect(run(prerelease, { version: '1.4.0' })).toBe(false);
    expect(run(prerelease, { version: '1.4.0+build-7' })).toBe(false);
    expect(run(prerelease, { version: null })).toBe(null);
    expect(run("matches(code, '^[A-Z]{2}$')", { code: 42 })).toBe(false);
    // a backslash escapes in expression strings: \\d is the class \d
    expect(run("matches(v, '^\\\\d\\\\.')", { v: '7.1' })).toBe(true);
    expect(expressionKind(prerelease, () => 'text')).toBe('boolean');
    expect(errorOf('matches(a, b)')).toEqual({ position: 0, reason: 'matches() takes a text literal as its pattern' });
    expect(errorOf("x or matches(a, '(')")).toEqual({ position: 5, reason: 'matches(): invalid pattern "("' });
  });

  it('reads field paths of the row and its parents', () => {
    expect(expressionPaths(parseExpression('qty * product_id.list_price + coalesce(order_id.customer_id.discount, qty)')).map((p) => p.path)).toEqual([
      'qty',
      'product_id.list_price',
      'order_id.customer_id.discount',
    ]);
    expect(run('product_id.list_price * 2', { 'product_id.list_price': 4 })).toBe(8);
  });

  it('infers the column kind', () => {
    const kinds: Record<string, ColumnKind> = { qty: 'integer', price: 'number', name: 'text', at: 'timestamp', day: 'date' };
    const kindAt = (p: string) => kinds[p];
    expect(expressionKind('qty * 2 + 1', kindAt)).toBe('integer');
    expect(expressionKind('qty * price', kindAt)).toBe('number');
    expect(expressionKind('qty / 2', kindAt)).toBe('number');
    expect(expressionKind("name + '!'", kindAt)).toBe('text');
    expect(expressionKind('at + 3', kindAt)).toBe('timestamp');
    expect(expressionKind('at - day', kindAt)).toBe('number');
    expect(expressionKind('qty > 2', kindAt)).toBe('boolean');
    expect(expressionKind('round(price)', kindAt)).toBe('integer');
    expect(expressionKind("if(qty > 1, 'a', null)", kindAt)).toBe('text');
    expect(coerceTo('date', new Date('2024-05-05T13:00:00Z'))).toEqual(new Date('2024-05-05T00:00:00Z'));
    expect(coerceTo('integer', 2.6)).toBe(3);
  });

  it('rejects bad expressions with the position of the problem', () => {
    expect(errorOf('1 +')).toEqual({ position: 3, reason: 'the expression ends too early' });
    expect(errorOf('(1 + 2')).toEqual({ position: 6, reason: 'expected ")" but the expression ends' });
    expect(errorOf('1 + 2)')).toEqual({ position: 5, reason: 'unexpected ")" after the end of the expression' });
    expect(errorOf('a # b')).toEqual({ position: 2, reason: 'unexpected character "#"' });
    expect(errorOf("'open")).toEqual({ position: 0, reason: 'unterminated string' });
    expect(errorOf('nope(1)').reason).toMatch(/^unknown function "nope"/);
    expect(errorOf('x + if(1, 2)')).toEqual({ position: 4, reason: 'if() takes 3 arguments (got 2)' });
    expect(errorOf('a < b < c')).toEqual({ position: 6, reason: 'comparisons do not chain (write a < b and b < c)' });
    expect(errorOf('a.')).toEqual({ position: 1, reason: '"a." must be followed by a field name' });
    expect(errorOf('12abc')).toEqual({ position: 2, reason: 'unexpected "a" after the number 12' });
    expect(errorOf('a and')).toEqual({ position: 5, reason: 'the expression ends too early' });
  });

  it('cannot reach JavaScript: names are only field paths and the listed functions', () => {
    expect(errorOf('constructor.constructor("return 1")()').reason).toMatch(/not a function/);
    expect(errorOf('process.exit(1)').reason).toMatch(/not a function/);
    expect(errorOf('eval("1")').reason).toMatch(/unknown function "eval"/);
    expect(errorOf('constructor(1)').reason).toMatch(/unknown function "constructor"/);
    expect(errorOf('toString()').reason).toMatch(/unknown function "toString"/);
    expect(errorOf('__proto__(1)').reason).toMatch(/unknown function "__proto__"/);
  });
});
