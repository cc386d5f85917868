import type { ColumnShape, TableShape } from '../engine/shape.js';
import { FormatError } from './errors.js';

// Shared value conventions: dates as ISO 8601 (a `date` column as YYYY-MM-DD), json and arrays as
// JSON text where a format has no structure of its own; bad values named by table, row and column.

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Names the place of a bad value: `users row 17 column "age": ...`. */
export function badValue(table: TableShape, row: number, column: ColumnShape, what: string): FormatError {
  return new FormatError(`${table.name} row ${row} column "${column.name}": ${what}`);
}

export function isStructured(column: ColumnShape): boolean {
  return column.kind === 'json' || column.kind === 'array';
}
