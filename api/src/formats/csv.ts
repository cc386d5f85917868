import Papa from 'papaparse';
import type { RowBatch, TableShape } from '../engine/shape.js';
import { resolveCsvOptions, type CsvOptions, type ResolvedCsvOptions } from './options.js';
import type { FormatPieces } from './pieces.js';
import { badValue, isoDate, isStructured } from './values.js';

const APOSTROPHE = 39;

type Cell = string | number | boolean | null;

// = + - @ tab CR: a spreadsheet reads the cell as a formula (OWASP CSV injection)
function startsFormula(s: string): boolean {
  const c = s.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/** CSV in pieces: a file holds exactly one table; its head is the BOM and the header row. */
export function csvPieces(shapes: TableShape[], options?: CsvOptions): FormatPieces {
  const o = resolveCsvOptions(options);
  const unparseConfig: Papa.UnparseConfig = {
    header: false,
    delimiter: o.delimiter,
    newline: o.newline,
    // empty strings are quoted so they read back apart from null (an empty field); a guarded cell
    // begins with the apostrophe we added and is quoted as OWASP recommends
    quotes: (value: unknown) => o.quoteAll || value === '' || (o.formulaGuard && typeof value === 'string' && value.charCodeAt(0) === APOSTROPHE),
  };
  const renderers = shapes.map((shape) => {
    let render: ((firstRow: number, batch: RowBatch) => string) | undefined;
    return (firstRow: number, batch: RowBatch) => (render ??= rowsRenderer(shape, o, unparseConfig))(firstRow, batch);
  });

  return {
    documentHead: '',
    tableHead(t) {
      let head = o.bom ? '\uFEFF' : '';
      if (o.header) {
        const names = shapes[t].columns.map((c) => (o.formulaGuard && startsFormula(c.name) ? "'" + c.name : c.name));
        head += Papa.unparse([names], unparseConfig) + o.newline;
      }
      return head;
    },
    rows: (t, firstRow, batch) => (batch.length === 0 ? '' : renderers[t](firstRow, batch)),
    tableTail: () => '',
    documentTail: () => '',
  };
}

function rowsRenderer(shape: TableShape, o: ResolvedCsvOptions, unparseConfig: Papa.UnparseConfig) {
  const columns = shape.columns;
  const guarded = columns.map((c) => o.formulaGuard && !isStructured(c));
  const dateOnly = columns.map((c) => c.kind === 'date');
  const structured = columns.map(isStructured);

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

  // papaparse puts a newline between rows, so a batch's text is its rows' lines, each ended
  return (firstRow: number, batch: RowBatch): string => {
    const cells = new Array<Cell[]>(batch.length);
    for (let r = 0; r < batch.length; r++) cells[r] = toCells(batch[r], firstRow + r);
    return Papa.unparse(cells, unparseConfig) + o.newline;
  };
}
