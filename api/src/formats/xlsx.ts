import { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { RowBatch, TableShape } from '../engine/shape.js';
import { drained, type ByteSink } from './byte-sink.js';
import { FormatError } from './errors.js';
import { SheetNames } from './sheet-names.js';
import { badValue, isoDate, isStructured } from './values.js';
import type { ExportDocument, TableWriter } from './writer.js';

/** Data rows per sheet: Excel's 1,048,576 rows less the header. */
export const XLSX_ROWS_PER_SHEET = 1_048_575;

type Cell = string | number | boolean | Date | null;

const FIXED_DATE = new Date('2000-01-01T00:00:00Z');

type Archive = { append(source: unknown, data: object): unknown };

/**
 * exceljs appends its zip entries without a date (so: now), starting in its constructor; this
 * writer gives every entry a fixed date, so the same rows make the same workbook on any day.
 */
class FixedDateWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  // exceljs' constructor calls addThemes() right after creating its archiver: the earliest hook
  override addThemes(): Promise<void> {
    const archive = (this as unknown as { zip: Archive }).zip;
    const append = archive.append.bind(archive);
    archive.append = (source, data) => append(source, { ...data, date: FIXED_DATE });
    return (ExcelJS.stream.xlsx.WorkbookWriter.prototype as unknown as { addThemes(): Promise<void> }).addThemes.call(this);
  }
}

/**
 * A workbook with one sheet per table, written with exceljs' streaming WorkbookWriter: bold frozen
 * header, typed cells, rows committed as they come; a table past the sheet limit continues on
 * `name (2)`. `rowsPerSheet` is lowered only by tests.
 */
export function xlsxDocument(sink: ByteSink, rowsPerSheet = XLSX_ROWS_PER_SHEET): ExportDocument {
  const out = new Writable({
    // exceljs pipes its zip here; waiting on the sink carries the target's backpressure back
    write(chunk: Buffer, _encoding, callback) {
      sink.writeBytes(chunk).then(() => callback(), callback);
    },
    final(callback) {
      sink.end().then(() => callback(), callback);
    },
  });
  const workbook = new FixedDateWorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.created = workbook.modified = FIXED_DATE;
  const names = new SheetNames();
  let open: { ended: boolean } | undefined;

  return {
    get bytesWritten() {
      return sink.bytesWritten;
    },
    async startTable(shape: TableShape): Promise<TableWriter> {
      if (open && !open.ended) throw new FormatError(`xlsx: table "${shape.name}" started before the previous table ended`);
      const state = { ended: false };
      open = state;
      return sheetWriter(workbook, names, shape, sink, out, rowsPerSheet, state);
    },
    async end(): Promise<void> {
      if (open && !open.ended) throw new FormatError('xlsx: document ended before its last table');
      await workbook.commit();
      if (sink.failed) throw sink.failed;
    },
  };
}

function sheetWriter(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  names: SheetNames,
  shape: TableShape,
  sink: ByteSink,
  out: Writable,
  rowsPerSheet: number,
  state: { ended: boolean },
): TableWriter {
  const columns = shape.columns;
  const dateOnly = columns.map((c) => c.kind === 'date');
  const structured = columns.map(isStructured);
  let rowsWritten = 0;
  let sheet: ExcelJS.Worksheet | undefined;
  let rowsInSheet = 0;

  const openSheet = () => {
    sheet?.commit();
    sheet = workbook.addWorksheet(names.next(shape.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({
      width: c.kind === 'timestamp' ? 22 : c.kind === 'uuid' ? 38 : Math.min(Math.max(c.name.length + 2, 12), 40),
      style: c.kind === 'timestamp' ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    }));
    const header = sheet.addRow(columns.map((c) => c.name));
    header.font = { bold: true };
    header.commit();
    rowsInSheet = 0;
  };
  openSheet();

  return {
    get rowsWritten() {
      return rowsWritten;
    },
    get bytesWritten() {
      return sink.bytesWritten;
    },
    async writeBatch(batch: RowBatch): Promise<void> {
      for (let r = 0; r < batch.length; r++) {
        if (rowsInSheet === rowsPerSheet) openSheet();
        const row = batch[r];
        const cells: Cell[] = new Array(columns.length);
        for (let i = 0; i < columns.length; i++) {
          const v = row[i];
          if (v === null) cells[i] = null;
          else if (structured[i]) cells[i] = JSON.stringify(v);
          else if (typeof v === 'string' || typeof v === 'boolean') cells[i] = v;
          else if (typeof v === 'number') {
            if (!Number.isFinite(v)) throw badValue(shape, rowsWritten, columns[i], `number is not finite (${v})`);
            cells[i] = v;
          } else if (v instanceof Date) {
            if (Number.isNaN(v.getTime())) throw badValue(shape, rowsWritten, columns[i], 'invalid date');
            // a date column holds midnight UTC; exceljs writes Dates as UTC serials
            cells[i] = dateOnly[i] ? new Date(isoDate(v)) : v;
          } else if (v === undefined) throw badValue(shape, rowsWritten, columns[i], 'value is missing (row shorter than columns)');
          else cells[i] = JSON.stringify(v);
        }
        sheet!.addRow(cells).commit();
        rowsInSheet++;
        rowsWritten++;
      }
      // exceljs pushes rows into the zip without backpressure: wait until the zip's output has
      // reached the target, so at most about one batch of XML waits in memory
      do {
        await nextTurn();
        if (out.writableNeedDrain) await drained(out);
      } while (out.writableNeedDrain);
      if (sink.failed) throw sink.failed;
    },
    async end(): Promise<void> {
      if (state.ended) return;
      state.ended = true;
      sheet?.commit();
    },
  };
}
