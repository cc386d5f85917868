import type { ColumnShape, TableShape, Value } from '../engine/shape.js';
import { FormatError } from './errors.js';

// Shared value conventions: dates as ISO 8601 (a `date` column as YYYY-MM-DD), json and arrays as
// JSON text where a format has no structure of its own.

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function isoTimestamp(d: Date): string {
  return d.toISOString();
}

export function dateText(d: Date, column: ColumnShape): string {
  return column.kind === 'date' ? isoDate(d) : isoTimestamp(d);
}

/** Names the place of a bad value: `users row 17 column "age": ...`. */
export function badValue(table: TableShape, row: number, column: ColumnShape, what: string): FormatError {
  return new FormatError(`${table.name} row ${row} column "${column.name}": ${what}`);
}

/** Throws for values no format can write faithfully (NaN, ±Infinity, invalid dates, undefined). */
export function checkScalar(value: Value | undefined, table: TableShape, row: number, column: ColumnShape): void {
  if (value === undefined) throw badValue(table, row, column, 'value is missing (row shorter than columns)');
  if (typeof value === 'number' && !Number.isFinite(value)) throw badValue(table, row, column, `number is not finite (${value})`);
  if (value instanceof Date && Number.isNaN(value.getTime())) throw badValue(table, row, column, 'invalid date');
}

export function isStructured(column: ColumnShape): boolean {
  return column.kind === 'json' || column.kind === 'array';
}
