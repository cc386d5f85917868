import Papa from 'papaparse';
import type { RowBatch, TableShape } from '../engine/shape.js';
import type { ByteSink } from './byte-sink.js';
import { FormatError } from './errors.js';
import { resolveCsvOptions, type CsvOptions } from './options.js';
import { badValue, isoDate, isStructured } from './values.js';
import type { ExportDocument, TableWriter } from './writer.js';

const APOSTROPHE = 39;

type Cell = string | number | boolean | null;

// = + - @ tab CR: a spreadsheet reads the cell as a formula (OWASP CSV injection)
function startsFormula(s: string): boolean {
  const c = s.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/** A CSV file holds exactly one table. */
export function csvDocument(sink: ByteSink, options?: CsvOptions): ExportDocument {
  const o = resolveCsvOptions(options);
  let started = false;
  let bomPending = o.bom;
  const unparseConfig: Papa.UnparseConfig = {
    header: false,
    delimiter: o.delimiter,
    newline: o.newline,
    // empty strings are quoted so they read back apart from null (an empty field); a guarded cell
    // begins with the apostrophe we added and is quoted as OWASP recommends
    quotes: (value: unknown) =>
      o.quoteAll || value === '' || (o.formulaGuard && typeof value === 'string' && value.charCodeAt(0) === APOSTROPHE),
  };

  return {
    get bytesWritten() {
      return sink.bytesWritten;
    },
    async startTable(shape: TableShape): Promise<TableWriter> {
      if (started) throw new FormatError(`csv: one file holds one table (got a second table "${shape.name}")`);
      started = true;
      const columns = shape.columns;
      const guarded = columns.map((c) => o.formulaGuard && !isStructured(c));
      const dateOnly = columns.map((c) => c.kind === 'date');
      const structured = columns.map(isStructured);
      let rowsWritten = 0;
      let prefix = bomPending ? '\uFEFF' : '';
      bomPending = false;

      const toCells = (row: RowBatch[number], rowIndex: number): Cell[] => {
        const cells: Cell[] = new Array(columns.length);
        for (let i = 0; i < columns.length; i++) {
          const v = row[i];
          if (v === null) cells[i] = null;
          else if (structured[i]) cells[i] = JSON.stringify(v);
          else if (typeof v === 'string') cells[i] = guarded[i] && startsFormula(v) ? "'" + v : v;
          else if (typeof v === 'number') {
            if (!Number.isFinite(v)) throw badValue(shape, rowIndex, columns[i], `number is not finite (${v})`);
            cells[i] = v;
          } else if (typeof v === 'boolean') cells[i] = v;
          else if (v instanceof Date) {
            if (Number.isNaN(v.getTime())) throw badValue(shape, rowIndex, columns[i], 'invalid date');
            cells[i] = dateOnly[i] ? isoDate(v) : v.toISOString();
          } else if (v === undefined) throw badValue(shape, rowIndex, columns[i], 'value is missing (row shorter than columns)');
          else cells[i] = JSON.stringify(v);
        }
        return cells;
      };

      if (o.header) {
        const names = columns.map((c) => (o.formulaGuard && startsFormula(c.name) ? "'" + c.name : c.name));
        prefix += Papa.unparse([names], unparseConfig) + o.newline;
      }
      if (prefix) await sink.write(prefix);

      return {
        get rowsWritten() {
          return rowsWritten;
        },
        get bytesWritten() {
          return sink.bytesWritten;
        },
        async writeBatch(batch: RowBatch): Promise<void> {
          if (batch.length === 0) return;
          const cells = new Array<Cell[]>(batch.length);
          for (let r = 0; r < batch.length; r++) cells[r] = toCells(batch[r], rowsWritten + r);
          await sink.write(Papa.unparse(cells, unparseConfig) + o.newline);
          rowsWritten += batch.length;
        },
        async end(): Promise<void> {},
      };
    },
    async end(): Promise<void> {
      await sink.end();
    },
  };
}
