import { describe, expect, it } from 'vitest';
import type { TableShape } from '../engine/shape.js';
import { FormatError } from './index.js';
import { NASTY_TEXT, users, userRows } from './testing/fixtures.js';
import { readCsv } from './testing/readers.js';
import { render } from './testing/render.js';

const notes: TableShape = {
  name: 'notes',
  rows: 0,
  unique: [],
  columns: [
    { name: 'text', kind: 'text', nullable: true, unique: false },
    { name: 'n', kind: 'number', nullable: true, unique: false },
  ],
};
const noteRows = NASTY_TEXT.map((t, i) => [t, i % 2 === 0 ? -i - 0.5 : null]);
noteRows.push([null, -5]);

const csv = async (options: Parameters<typeof render>[2], rows = noteRows) => (await render('csv', [{ shape: notes, rows }], options)).toString('utf8');

describe('csv', () => {
  it('reads back with csv-parse cell for cell, guard off: quotes, delimiters, line breaks, unicode, "" apart from null', async () => {
    const [header, ...body] = readCsv(await csv({ formulaGuard: false }));
    expect(header).toEqual(['text', 'n']);
    expect(body.map((r) => r[0])).toEqual(noteRows.map((r) => r[0]));
    expect(body.map((r) => (r[1] === null ? null : Number(r[1])))).toEqual(noteRows.map((r) => r[1]));
  });

  it('guards text starting with = + - @ tab CR by a leading quote, and leaves numbers alone', async () => {
    const [, ...body] = readCsv(await csv({}));
    body.forEach((cells, i) => {
      const original = noteRows[i][0] as string | null;
      const risky = original !== null && /^[=+\-@\t\r]/.test(original);
      expect(cells[0], JSON.stringify(original)).toBe(risky ? "'" + original : original);
    });
    expect(body.at(-1)).toEqual([null, '-5']);
    expect(body[0][1]).toBe('-0.5');
  });

  it('quotes every field with quoteAll, and writes \\n lines, a BOM and no header on request', async () => {
    const text = await csv({ quoteAll: true, newline: '\n', bom: true, header: false }, [
      ['a', 1],
      ['b', null],
    ]);
    expect(text).toBe('\uFEFF"a","1"\n"b",\n');
  });

  it('defaults to RFC 4180: CRLF line ends, header, quotes only where needed', async () => {
    const text = await csv({}, [
      ['plain', 1],
      ['a "q"', 2],
      ['', 3],
    ]);
    expect(text).toBe('text,n\r\nplain,1\r\n"a ""q""",2\r\n"",3\r\n');
  });

  it('uses another delimiter and quotes fields that contain it', async () => {
    const text = await csv({ delimiter: ';' }, [
      ['a;b', 1],
      ['c,d', 2],
    ]);
    expect(text).toBe('text;n\r\n"a;b";1\r\nc,d;2\r\n');
    expect(readCsv(text, { delimiter: ';' })).toEqual([
      ['text', 'n'],
      ['a;b', '1'],
      ['c,d', '2'],
    ]);
  });

  it('writes dates as ISO 8601 and json/arrays as JSON text', async () => {
    const rows = userRows();
    const [header, first] = readCsv(await render('csv', [{ shape: users, rows }], { formulaGuard: false }));
    const at = (name: string) => first[header.indexOf(name)];
    expect(at('born')).toBe('1970-01-01');
    expect(at('created_at')).toBe('2024-05-06T07:08:09.123Z');
    expect(JSON.parse(at('prefs')!)).toEqual(rows[0][8]);
    expect(JSON.parse(at('tags')!)).toEqual(['a"b', "c'd", 'e,f', '', 'back\\slash']);
  });

  it('rejects a bad delimiter, a bad newline and non-finite numbers with the place named', async () => {
    await expect(csv({ delimiter: '"' })).rejects.toThrow(/csv\.delimiter/);
    await expect(csv({ delimiter: '' })).rejects.toBeInstanceOf(FormatError);
    await expect(csv({ newline: '\r' as '\n' })).rejects.toThrow(/csv\.newline/);
    await expect(
      csv({}, [
        ['ok', 1],
        ['bad', Number.NaN],
      ]),
    ).rejects.toThrow('notes row 1 column "n": number is not finite (NaN)');
  });
});
