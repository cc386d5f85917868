import type { ColumnShape, Row, TableShape, Value } from '../../src/engine/shape.js';

// One comparable form per column kind, so rows read back from any format can be compared with the
// rows that went in: timestamps as ISO strings, dates as YYYY-MM-DD, json as parsed values.
export type Canon = string | number | boolean | null | Canon[] | { [k: string]: Canon };

export function canonOut(column: ColumnShape, value: Value): Canon {
  if (value === null) return null;
  if (value instanceof Date) return column.kind === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  return JSON.parse(JSON.stringify(value)) as Canon;
}

export function canonRows(shape: TableShape, rows: Row[]): Canon[][] {
  return rows.map((row) => row.map((v, i) => canonOut(shape.columns[i], v)));
}

/** Reads one cell as text, number, boolean or parsed JSON into the canonical form of its column. */
export function canonIn(column: ColumnShape, value: unknown): Canon {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'json':
    case 'array':
      return typeof value === 'string' ? (JSON.parse(value) as Canon) : (value as Canon);
    case 'integer':
    case 'number':
      return typeof value === 'string' ? Number(value) : Number(value as number | bigint);
    case 'boolean':
      return typeof value === 'string' ? value === 'true' || value === 't' || value === '1' : Boolean(value);
    case 'timestamp':
      return new Date(value instanceof Date ? value : mysqlToIso(String(value))).toISOString();
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
    default:
      return String(value);
  }
}

// MySQL DATETIME text has no zone; the export stores UTC wall time
function mysqlToIso(s: string): string {
  return /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(s) ? s.replace(' ', 'T') + 'Z' : s;
}

export function canonTable(shape: TableShape, rows: unknown[][]): Canon[][] {
  return rows.map((row) => row.map((v, i) => canonIn(shape.columns[i], v)));
}

/** Sorted by the first column, since databases do not keep insertion order. */
export function byFirstColumn(rows: Canon[][]): Canon[][] {
  return [...rows].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0));
}
