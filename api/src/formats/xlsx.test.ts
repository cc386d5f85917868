import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Row, RowBatch, TableShape } from '../engine/shape.js';
import { ByteSink } from './byte-sink.js';
import { writeExport, XLSX_ROWS_PER_SHEET } from './index.js';
import { sanitizeSheetName, SheetNames } from './sheet-names.js';
import { xlsxDocument } from './xlsx.js';
import { fixtureTables, users } from './testing/fixtures.js';
import { readWorkbook, sheetValues } from './testing/readers.js';
import { MemoryWritable, render } from './testing/render.js';

const counter: TableShape = {
  name: 'counter',
  rows: 0,
  unique: [],
  columns: [
    { name: 'n', kind: 'integer', nullable: false, unique: true },
    { name: 'label', kind: 'text', nullable: true, unique: false },
  ],
};

describe('xlsx', () => {
  it('keeps cell types: numbers, dates, booleans stay typed; json and arrays become JSON text', async () => {
    const rows = fixtureTables()[1].rows;
    const workbook = await readWorkbook(await render('xlsx', [{ shape: users, rows }]));
    const sheet = workbook.getWorksheet('users')!;
    const first = sheet.getRow(2);
    const cell = (name: string) => first.getCell(users.columns.findIndex((c) => c.name === name) + 1);
    expect(cell('age').type).toBe(ExcelJS.ValueType.Number);
    expect(cell('score').type).toBe(ExcelJS.ValueType.Number);
    expect(cell('active').type).toBe(ExcelJS.ValueType.Boolean);
    expect(cell('born').type).toBe(ExcelJS.ValueType.Date);
    expect(cell('born').value).toEqual(new Date('1970-01-01T00:00:00.000Z'));
    expect(cell('born').numFmt).toBe('yyyy-mm-dd');
    expect(cell('created_at').value).toEqual(new Date('2024-05-06T07:08:09.123Z'));
    expect(cell('id').type).toBe(ExcelJS.ValueType.String);
    expect(cell('prefs').type).toBe(ExcelJS.ValueType.String);
    expect(JSON.parse(cell('tags').value as string)).toEqual(rows[0][9]);
    // a text cell that looks like a formula stays text: no guard needed in a typed format
    const formulaRow = rows.findIndex((r) => r[1] === '=SUM(A1:A2)');
    expect(sheet.getRow(formulaRow + 2).getCell(2).type).toBe(ExcelJS.ValueType.String);
  });

  it('styles the header bold and freezes it', async () => {
    const workbook = await readWorkbook(await render('xlsx', fixtureTables()));
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
  });

  it('continues a table past the sheet limit on "name (2)" with its own header', async () => {
    const out = new MemoryWritable();
    const document = xlsxDocument(new ByteSink(out), 4);
    const rows: Row[] = Array.from({ length: 10 }, (_, i) => [i, `r${i}`]);
    const writer = await document.startTable(counter);
    await writer.writeBatch(rows.slice(0, 3));
    await writer.writeBatch(rows.slice(3));
    await writer.end();
    await document.end();
    const workbook = await readWorkbook(out.buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['counter', 'counter (2)', 'counter (3)']);
    const all = workbook.worksheets.map((s) => sheetValues(s, 2));
    all.forEach((values) => expect(values[0]).toEqual(['n', 'label']));
    expect(all.flatMap((values) => values.slice(1))).toEqual(rows);
  });

  it.runIf(process.env.TDG_SLOW === '1')(
    'splits a 1,048,577-row table into two sheets',
    async () => {
      const total = XLSX_ROWS_PER_SHEET + 2;
      function* batches(): Generator<RowBatch> {
        for (let start = 0; start < total; start += 10_000) {
          const batch: RowBatch = [];
          for (let n = start; n < Math.min(total, start + 10_000); n++) batch.push([n, null]);
          yield batch;
        }
      }
      const out = new MemoryWritable();
      const result = await writeExport({ format: 'xlsx', tables: [{ shape: counter, batches: batches() }] }, { kind: 'stream', stream: out });
      expect(result.rows).toBe(total);
      const sheets: { name: string; rows: number; last: unknown }[] = [];
      // the streaming reader: loading a million-row workbook whole would take gigabytes
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([out.buffer]), {});
      for await (const sheet of reader) {
        let rows = 0;
        let last: unknown;
        for await (const row of sheet) {
          rows++;
          last = (row as ExcelJS.Row).getCell(1).value;
        }
        sheets.push({ name: (sheet as unknown as { name: string }).name, rows, last });
      }
      expect(sheets.map((s) => s.rows)).toEqual([XLSX_ROWS_PER_SHEET + 1, 3]);
      expect(sheets.map((s) => s.last)).toEqual([XLSX_ROWS_PER_SHEET - 1, total - 1]);
    },
    900_000,
  );
});

describe('sheet names', () => {
  it('removes []:*?/\\, cuts to 31 UTF-16 units without splitting an emoji, and never returns empty', () => {
    expect(sanitizeSheetName('a[b]c:d*e?f/g\\h')).toBe('a_b_c_d_e_f_g_h');
    expect(sanitizeSheetName('x'.repeat(40))).toHaveLength(31);
    const emoji = sanitizeSheetName('y'.repeat(30) + '🎉');
    expect(emoji).toBe('y'.repeat(30));
    expect(sanitizeSheetName("'quoted'")).toBe('quoted');
    expect(sanitizeSheetName('')).toBe('Sheet');
    expect(sanitizeSheetName('History')).toBe('History_');
  });

  it('dedupes without regard to case and keeps the suffix within 31 units', () => {
    const names = new SheetNames();
    const long = 'z'.repeat(35);
    const got = [names.next('Users'), names.next('users'), names.next('USERS'), names.next(long), names.next(long)];
    expect(got.slice(0, 3)).toEqual(['Users', 'users (2)', 'USERS (3)']);
    expect(got[4]).toBe('z'.repeat(27) + ' (2)');
    expect(new Set(got.map((n) => n.toLowerCase())).size).toBe(got.length);
    got.forEach((n) => expect(n.length).toBeLessThanOrEqual(31));
  });
});
