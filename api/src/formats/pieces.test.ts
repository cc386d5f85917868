// Exports cut into pieces (exportPieces): head + the bodies of consecutive row ranges + tail must
// be the bytes writeExport makes in one pass, for every text format and any cut — ranges that
// split batches and SQL statements, 1-row ranges, empty tables, several tables; and rows rendered
// beforehand must go through writeExport (files, zip entries) unchanged.
import { Open } from 'unzipper';
import { describe, expect, it } from 'vitest';
import type { Row, RowBatch, TableShape } from '../engine/shape.js';
import { exportPieces, FormatError, renderedRows, writeExport, type ExportFormat, type ExportPieces, type FormatOptions, type RenderedRows } from './index.js';
import { batchesOf, teamRows, teams, userRows, users } from './testing/fixtures.js';
import { MemoryWritable, render } from './testing/render.js';

type Table = { shape: TableShape; rows: Row[] };

const archived: TableShape = { ...teams, name: 'archived_teams' };
const tableSets: Record<string, Table[]> = {
  'one table': [{ shape: users, rows: userRows(40) }],
  'one empty table': [{ shape: users, rows: [] }],
  'three tables, one empty': [
    { shape: teams, rows: teamRows() },
    { shape: archived, rows: [] },
    { shape: users, rows: userRows(23) },
  ],
};

const variants: [ExportFormat, FormatOptions | undefined][] = [
  ['csv', undefined],
  ['csv', { bom: true, newline: '\n', delimiter: ';', quoteAll: true }],
  ['csv', { header: false, formulaGuard: false }],
  ['ndjson', undefined],
  ['json', undefined],
  ['sql', undefined],
  ['sql', { batchSize: 3 }],
  ['sql', { dialect: 'mysql', batchSize: 7 }],
  ['sql', { dialect: 'sqlite', createTable: false, transaction: false, batchSize: 1 }],
];

/** Row ranges [start, end) covering `count` rows, of the given sizes in turn (the last one cut short). */
function ranges(count: number, sizes: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0, i = 0; start < count; i++) {
    const end = Math.min(count, start + sizes[i % sizes.length]);
    out.push([start, end]);
    start = end;
  }
  return out;
}

const cuts: Record<string, number[]> = {
  'one range': [1_000_000],
  '1-row ranges': [1],
  'a 1-row range, then 5': [1, 5],
  'ranges of 3 and 11 (across batches of 4 and SQL statements)': [3, 11],
  'ranges of 8': [8],
};

async function collect(pieces: AsyncIterable<RenderedRows>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const piece of pieces) parts.push(Buffer.from(piece.rendered));
  return Buffer.concat(parts);
}

/** The body of each range of table `t`, rendered on its own from batches of 4 rows. */
async function bodies(pieces: ExportPieces, t: number, rows: Row[], sizes: number[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const [start, end] of ranges(rows.length, sizes)) out.push(await collect(renderedRows(pieces, t, start, batchesOf(rows.slice(start, end), 4))));
  return out;
}

/** Each range as one rendered piece, for a writeExport source; every other range left as row batches when `mixed`. */
async function* chunkedSource(pieces: ExportPieces, t: number, rows: Row[], sizes: number[], mixed: boolean): AsyncGenerator<RowBatch | RenderedRows> {
  let i = 0;
  for (const [start, end] of ranges(rows.length, sizes)) {
    const range = rows.slice(start, end);
    if (mixed && i++ % 2 === 1) yield* batchesOf(range, 5);
    else yield { rendered: await collect(renderedRows(pieces, t, start, batchesOf(range, 4))), rows: range.length };
  }
}

const oneFile = (format: ExportFormat) => format === 'json' || format === 'sql';

describe('exportPieces: head + bodies of any row ranges + tail = writeExport', () => {
  for (const [format, options] of variants) {
    for (const [setName, tables] of Object.entries(tableSets)) {
      it(`${format} ${JSON.stringify(options ?? {})}, ${setName}`, async () => {
        const shapes = tables.map((t) => t.shape);
        const pieces = exportPieces(format, shapes, options)!;
        for (const [cutName, sizes] of Object.entries(cuts)) {
          if (oneFile(format) || tables.length === 1) {
            const expected = await render(format, tables, options);
            const parts: Buffer[] = [];
            for (let t = 0; t < tables.length; t++) {
              parts.push(Buffer.from(pieces.head(t)), ...(await bodies(pieces, t, tables[t].rows, sizes)), Buffer.from(pieces.tail(t, tables[t].rows.length)));
            }
            expect(Buffer.concat(parts).toString('utf8'), cutName).toBe(expected.toString('utf8'));
          } else {
            // csv, ndjson: one file per table, each with its own head and tail
            for (let t = 0; t < tables.length; t++) {
              const expected = await render(format, [tables[t]], options);
              const parts = [
                Buffer.from(pieces.head(t)),
                ...(await bodies(pieces, t, tables[t].rows, sizes)),
                Buffer.from(pieces.tail(t, tables[t].rows.length)),
              ];
              expect(Buffer.concat(parts).toString('utf8'), `${cutName}, ${tables[t].shape.name}`).toBe(expected.toString('utf8'));
            }
          }
        }
      });
    }
  }

  it('a body does not depend on the batches it was rendered from', async () => {
    const rows = userRows(30);
    for (const [format, options] of variants) {
      const pieces = exportPieces(format, [users], options)!;
      const whole = await collect(renderedRows(pieces, 0, 7, [rows.slice(7, 30)]));
      const split = await collect(renderedRows(pieces, 0, 7, batchesOf(rows.slice(7, 30), 3)));
      expect(split.equals(whole), `${format} ${JSON.stringify(options ?? {})}`).toBe(true);
    }
  });

  it('a bad value in a range is named by its row in the table, not in the range', () => {
    const bad = userRows(3);
    bad[2][4] = Number.NaN;
    for (const format of ['csv', 'ndjson', 'json', 'sql'] as const) {
      expect(() => exportPieces(format, [users])!.rows(0, 30, bad), format).toThrow(/users row 32 column "score"/);
    }
  });

  it('xlsx has no pieces, and rows rendered beforehand are refused there', async () => {
    expect(exportPieces('xlsx', [users])).toBeUndefined();
    const rendered = { rendered: Buffer.from('x'), rows: 1 };
    await expect(
      writeExport({ format: 'xlsx', tables: [{ shape: users, batches: [rendered] }] }, { kind: 'stream', stream: new MemoryWritable() }),
    ).rejects.toThrow(FormatError);
  });
});

describe('writeExport with rows rendered beforehand', () => {
  const tables = tableSets['three tables, one empty'];
  const shapes = tables.map((t) => t.shape);

  for (const [format, options] of variants) {
    for (const mixed of [false, true]) {
      it(`${format} ${JSON.stringify(options ?? {})}: ${mixed ? 'rendered ranges between row batches' : 'every range rendered'} → the same ${oneFile(format) ? 'file' : 'zip'}`, async () => {
        const pieces = exportPieces(format, shapes, options)!;
        const expected = await render(format, tables, options);
        for (const sizes of [[1, 5], [3, 11], [1_000_000]]) {
          const out = new MemoryWritable();
          const result = await writeExport(
            { format, options, tables: tables.map((t, i) => ({ shape: t.shape, batches: chunkedSource(pieces, i, t.rows, sizes, mixed) })) },
            { kind: 'stream', stream: out },
          );
          expect(result.rows).toBe(tables.reduce((sum, t) => sum + t.rows.length, 0));
          expect(out.buffer.equals(expected), `ranges of ${sizes.join(', ')}`).toBe(true);
        }
        if (!oneFile(format)) {
          // and the zip holds each table's own file
          const zip = await Open.buffer(expected);
          expect(zip.files.map((f) => f.path)).toEqual(shapes.map((s) => `${s.name}.${format}`));
          for (let t = 0; t < tables.length; t++) expect((await zip.files[t].buffer()).equals(await render(format, [tables[t]], options))).toBe(true);
        }
      });
    }
  }

  it('progress counts the rows of rendered pieces', async () => {
    const pieces = exportPieces('csv', [users])!;
    const rows = userRows(20);
    const seen: number[] = [];
    await writeExport(
      { format: 'csv', tables: [{ shape: users, batches: chunkedSource(pieces, 0, rows, [6], false) }] },
      { kind: 'stream', stream: new MemoryWritable() },
      (p) => seen.push(p.rowsDone),
    );
    expect(seen).toEqual([6, 12, 18, 20]);
  });
});
