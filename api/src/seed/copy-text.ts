// Rows → PostgreSQL COPY text format (the default of COPY ... FROM STDIN): tab-separated
// columns, one row a line, \N for NULL, and backslash escapes for \, tab, newline and CR.
import type { ColumnShape, Row, Value } from '../engine/shape.js';

const SPECIAL = /[\\\t\n\r]/;

/** Escapes a text value for a COPY text field. */
export function escapeCopy(text: string): string {
  if (!SPECIAL.test(text)) return text;
  let out = '';
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else out += ch;
  }
  return out;
}

function dateOnly(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A scalar as Postgres reads it (before COPY escaping). */
function scalar(value: Exclude<Value, null>, kind: ColumnShape['kind'] | undefined): string {
  if (value instanceof Date) return kind === 'date' ? dateOnly(value) : value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return String(value);
    return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  }
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A Postgres array literal: {a,"b c",NULL,{1,2}}. Elements are quoted when they need it. */
export function arrayLiteral(values: Value[], elementKind: ColumnShape['kind'] | undefined): string {
  const parts = values.map((v) => {
    if (v === null) return 'NULL';
    if (Array.isArray(v)) return arrayLiteral(v, elementKind);
    const text = scalar(v, elementKind);
    if (text === '' || /[{}",\\\s]/.test(text) || /^null$/i.test(text)) return `"${text.replace(/["\\]/g, '\\$&')}"`;
    return text;
  });
  return `{${parts.join(',')}}`;
}

/** A non-null value as the text Postgres parses for the column (also usable as a quoted SQL literal). */
export function textOf(value: Exclude<Value, null>, column: Pick<ColumnShape, 'kind' | 'elementKind'>): string {
  if (column.kind === 'json') return JSON.stringify(value instanceof Date ? value.toISOString() : value);
  if (Array.isArray(value)) return arrayLiteral(value, column.elementKind);
  return scalar(value, column.kind);
}

/** One COPY field for a value of a column. */
export function copyField(value: Value, column: Pick<ColumnShape, 'kind' | 'elementKind'>): string {
  if (value === null || value === undefined) return '\\N';
  return escapeCopy(textOf(value, column));
}

/** A batch of rows as COPY text lines. */
export function copyLines(rows: Row[], columns: Pick<ColumnShape, 'kind' | 'elementKind'>[]): string {
  const n = columns.length;
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < n; i++) {
      if (i > 0) out += '\t';
      out += copyField(row[i] ?? null, columns[i]!);
    }
    out += '\n';
  }
  return out;
}
