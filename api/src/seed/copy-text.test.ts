// COPY text encoding, checked against Postgres itself: values go in through COPY and must come
// back unchanged.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnShape, Row } from '../engine/shape.js';
import { arrayLiteral, copyField, copyLines, escapeCopy, isoTimestamp } from './copy-text.js';
import { pgliteTarget } from './pglite-target.js';

describe('escapeCopy', () => {
  it('escapes backslash, tab, newline and carriage return, and nothing else', () => {
    expect(escapeCopy('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(escapeCopy('plain, "quoted" \'text\' é 🚀')).toBe('plain, "quoted" \'text\' é 🚀');
  });

  it('writes NULL as \\N and the text "\\N" escaped', () => {
    expect(copyField(null, { kind: 'text' })).toBe('\\N');
    expect(copyField('\\N', { kind: 'text' })).toBe('\\\\N');
  });

  it('quotes array elements that need it', () => {
    expect(arrayLiteral(['a', 'b c', '', 'NULL', null, 'x,y', 'q"\\'], 'text')).toBe('{a,"b c","","NULL",NULL,"x,y","q\\"\\\\"}');
    expect(
      arrayLiteral(
        [
          [1, 2],
          [3, 4],
        ],
        'integer',
      ),
    ).toBe('{{1,2},{3,4}}');
  });

  it('writes a JSON array element of json[] as one JSON text, not a nested dimension', () => {
    expect(arrayLiteral([['read:orders', 'admin:org'], { a: 1 }], 'json')).toBe('{"[\\"read:orders\\",\\"admin:org\\"]","{\\"a\\":1}"}');
  });
});

describe('copyLines', () => {
  it('writes each field as copyField does, whatever the value and the column kind', () => {
    const kinds: ColumnShape['kind'][] = ['text', 'integer', 'number', 'boolean', 'timestamp', 'date', 'uuid', 'json', 'array'];
    const when = new Date('2024-02-29T23:59:58.123Z');
    const values = [
      'plain',
      'tab\there',
      '\\N',
      '',
      0,
      -1.5,
      1e21,
      NaN,
      Infinity,
      -Infinity,
      true,
      false,
      when,
      new Date(Date.UTC(12000, 0, 1)),
      null,
      ['a', 'b c'],
      { k: 'v\n' },
    ];
    for (const kind of kinds) {
      const columns = [{ kind, elementKind: 'text' as const }, { kind: 'text' as const }];
      const rows = values.map((v) => [v, 'x']);
      const expected = values.map((v) => `${copyField(v, columns[0]!)}\tx\n`).join('');
      expect(copyLines(rows, columns).toString('utf8'), kind).toBe(expected);
    }
    expect(copyLines([[], []], []).toString()).toBe('\n\n');
  });

  it('writes the UTF-8 bytes of copyField for any text: escapes, every plane, lone surrogates', () => {
    const pieces = ['a', '\\', '\t', '\n', '\r', 'é', 'ß', '€', '中', '🚀', '\ud800', '\udfff', '\u07ff', '\u0800', '\uffff', ' ', 'N', '\0'];
    const column = { kind: 'text' as const };
    // every string of up to three pieces, and long ones that make the writer grow
    const texts = pieces.flatMap((a) => pieces.flatMap((b) => pieces.map((c) => a + b + c)));
    texts.push(pieces.join('').repeat(5000), '🚀'.repeat(40_000));
    // long texts (written by runs between escapes): every piece next to every other, escapes first and last
    for (let k = 0; k < 400; k++) texts.push(Array.from({ length: 40 }, (_, j) => pieces[(k * 7 + j * (k % 17) + j) % pieces.length]).join(''));
    const rows = texts.map((t) => [t]);
    const expected = Buffer.from(texts.map((t) => `${copyField(t, column)}\n`).join(''), 'utf8');
    expect(copyLines(rows, [column]).equals(expected)).toBe(true);
  });

  it('writes numbers as String does and dates as isoTimestamp does', () => {
    const numbers = [
      0,
      -0,
      1,
      9,
      10,
      99,
      100,
      123456789,
      999_999_999,
      1e9,
      2 ** 31,
      2 ** 53,
      -1,
      -123,
      0.5,
      1e21,
      1e-7,
      12.3,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
    ];
    for (let k = 0; k < 2000; k++) numbers.push(Math.floor(k ** 2.7), k * 0.37);
    const n = copyLines(
      numbers.map((v) => [v, v]),
      [{ kind: 'integer' }, { kind: 'number' }],
    );
    expect(n.toString()).toBe(numbers.map((v) => `${String(v)}\t${String(v)}\n`).join(''));
    const span = Date.UTC(10000, 0, 1) - Date.UTC(1000, 0, 1);
    const dates = Array.from({ length: 5000 }, (_, k) => new Date(Date.UTC(1000, 0, 1) + Math.floor((span / 5000) * k) + ((k * 7919) % 86_400_000)));
    dates.push(new Date(Date.UTC(999, 11, 31, 23, 59, 59, 999)), new Date(Date.UTC(12000, 0, 1)), new Date(Date.UTC(1000, 0, 1)));
    const d = copyLines(
      dates.map((v) => [v, v]),
      [{ kind: 'timestamp' }, { kind: 'date' }],
    );
    expect(d.toString()).toBe(dates.map((v) => `${copyField(v, { kind: 'timestamp' })}\t${copyField(v, { kind: 'date' })}\n`).join(''));
  });
});

describe('isoTimestamp', () => {
  it('gives what toISOString gives, across the fast range, at its edges and outside it', () => {
    const edges = [
      Date.UTC(1000, 0, 1),
      Date.UTC(1000, 0, 1) - 1,
      Date.UTC(10000, 0, 1),
      Date.UTC(10000, 0, 1) - 1,
      0,
      -1,
      Date.UTC(1600, 1, 29),
      Date.UTC(1900, 1, 28, 23, 59, 59, 999),
      Date.UTC(2000, 1, 29),
      Date.UTC(2000, 2, 1),
      Date.UTC(2024, 11, 31, 23, 59, 59, 999),
      Date.UTC(-50, 5, 6),
      Date.UTC(12000, 0, 1),
    ];
    const span = Date.UTC(10000, 0, 1) - Date.UTC(1000, 0, 1);
    // 20,000 points spread evenly over the range, each moved to a different time of day
    const spread = Array.from({ length: 20_000 }, (_, k) => Date.UTC(1000, 0, 1) + Math.floor((span / 20_000) * k) + ((k * 7919) % 86_400_000));
    for (const t of [...edges, ...spread]) expect(isoTimestamp(new Date(t))).toBe(new Date(t).toISOString());
    expect(() => isoTimestamp(new Date(NaN))).toThrow(RangeError);
  });
});

describe('round trip through COPY', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
    await db.exec(`create table t (
      t text, n numeric, i int, b boolean, ts timestamptz, d date, j jsonb, a text[], ai int[])`);
  });
  afterAll(async () => db.close());

  const columns: Pick<ColumnShape, 'name' | 'kind' | 'elementKind'>[] = [
    { name: 't', kind: 'text' },
    { name: 'n', kind: 'number' },
    { name: 'i', kind: 'integer' },
    { name: 'b', kind: 'boolean' },
    { name: 'ts', kind: 'timestamp' },
    { name: 'd', kind: 'date' },
    { name: 'j', kind: 'json' },
    { name: 'a', kind: 'array', elementKind: 'text' },
    { name: 'ai', kind: 'array', elementKind: 'integer' },
  ];
  const tricky = ['tab\there', 'line\nbreak', 'cr\rlf', 'back\\slash', '\\N', 'NULL', '', 'comma, "quotes" {braces}', 'é ü 🚀'];

  it('stores every tricky value exactly', async () => {
    const when = new Date('2024-02-29T23:59:58.123Z');
    const rows: Row[] = tricky.map((text, k) => [
      text,
      k + 0.25,
      k * 10,
      k % 2 === 0,
      when,
      new Date('2024-02-29T00:00:00.000Z'),
      { text, list: [1, null, 'x\ty'], nested: { k } },
      [text, null, 'plain'],
      [k, k + 1],
    ]);
    rows.push([null, null, null, null, null, null, null, null, null]);
    await pgliteTarget(db).transaction(async (session) => {
      async function* data() {
        yield copyLines(rows, columns);
      }
      await session.copy(
        { schema: 'public', name: 't' },
        columns.map((c) => c.name),
        data(),
      );
    });
    const back = await db.query<Record<string, unknown>>(
      `select t, n::float8 as n, i, b, ts, to_char(d, 'YYYY-MM-DD') as d, j, a, ai from t order by i nulls last`,
    );
    expect(back.rows).toHaveLength(rows.length);
    back.rows.slice(0, tricky.length).forEach((r, k) => {
      expect(r).toEqual({
        t: tricky[k],
        n: k + 0.25,
        i: k * 10,
        b: k % 2 === 0,
        ts: when,
        d: '2024-02-29',
        j: { text: tricky[k], list: [1, null, 'x\ty'], nested: { k } },
        a: [tricky[k], null, 'plain'],
        ai: [k, k + 1],
      });
    });
    expect(Object.values(back.rows[tricky.length]!).every((v) => v === null)).toBe(true);
  });
});
