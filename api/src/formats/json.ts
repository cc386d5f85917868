import type { ColumnShape, Row, TableShape } from '../engine/shape.js';
import type { FormatPieces } from './pieces.js';
import { badValue, isoDate } from './values.js';

// Objects are built as text with the keys pre-encoded, one string per batch, never the whole table.
export function rowToJson(shape: TableShape, keys: string[], row: Row, rowIndex: number): string {
  const columns = shape.columns;
  let out = '{';
  for (let i = 0; i < columns.length; i++) {
    out += keys[i];
    const v = row[i];
    if (v === null) out += 'null';
    else if (typeof v === 'string') out += JSON.stringify(v);
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw badValue(shape, rowIndex, columns[i], `number is not finite (${v})`);
      out += String(v);
    } else if (typeof v === 'boolean') out += v ? 'true' : 'false';
    else if (v instanceof Date) out += '"' + dateJson(v, columns[i], shape, rowIndex) + '"';
    else if (v === undefined) throw badValue(shape, rowIndex, columns[i], 'value is missing (row shorter than columns)');
    else out += JSON.stringify(v);
  }
  return out + '}';
}

function dateJson(d: Date, column: ColumnShape, shape: TableShape, rowIndex: number): string {
  if (Number.isNaN(d.getTime())) throw badValue(shape, rowIndex, column, 'invalid date');
  return column.kind === 'date' ? isoDate(d) : d.toISOString();
}

export function objectKeys(shape: TableShape): string[] {
  return shape.columns.map((c, i) => (i === 0 ? '' : ',') + JSON.stringify(c.name) + ':');
}

/**
 * JSON: one table → `[ {...}, ... ]`; several → `{ "users": [...], "orders": [...] }`. Row 0 of a
 * table is preceded by a newline and every other row by `,\n`, so a row's text depends only on
 * its index in the table.
 */
export function jsonPieces(shapes: TableShape[]): FormatPieces {
  const wrapped = shapes.length !== 1;
  const keys = shapes.map(objectKeys);
  return {
    documentHead: '',
    tableHead: (t) => (wrapped ? (t === 0 ? '{\n' : ',\n') + JSON.stringify(shapes[t].name) + ': [' : '['),
    rows(t, firstRow, batch) {
      let text = '';
      for (let r = 0; r < batch.length; r++) {
        text += (firstRow + r === 0 ? '\n' : ',\n') + rowToJson(shapes[t], keys[t], batch[r], firstRow + r);
      }
      return text;
    },
    tableTail: (_t, rowCount) => (rowCount === 0 ? ']' : '\n]'),
    documentTail: (started) => (wrapped ? (started === 0 ? '{}\n' : '\n}\n') : started === 0 ? '[]\n' : '\n'),
  };
}

/** NDJSON: one object per line; a file holds one table. */
export function ndjsonPieces(shapes: TableShape[]): FormatPieces {
  const keys = shapes.map(objectKeys);
  return {
    documentHead: '',
    tableHead: () => '',
    rows(t, firstRow, batch) {
      let text = '';
      for (let r = 0; r < batch.length; r++) text += rowToJson(shapes[t], keys[t], batch[r], firstRow + r) + '\n';
      return text;
    },
    tableTail: () => '',
    documentTail: () => '',
  };
}
