// Rows → PostgreSQL COPY text format (the default of COPY ... FROM STDIN): tab-separated
// columns, one row a line, \N for NULL, and backslash escapes for \, tab, newline and CR.
import { generateRows, type Plan } from '../engine/index.js';
import type { ColumnShape, Row, Value } from '../engine/shape.js';

const SPECIAL = /[\\\t\n\r]/;

/** Escapes a text value for a COPY text field. */
export function escapeCopy(text: string): string {
  if (!SPECIAL.test(text)) return text;
  // one replace gives a flat string; appending char by char left a rope of a node per character
  return text.replace(SPECIALS, (ch) => ESCAPES[ch]!);
}

const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const FAST_FROM = Date.UTC(1000, 0, 1);
const FAST_UNTIL = Date.UTC(10000, 0, 1);
const DAY = 86_400_000;

/**
 * What Date#toISOString gives, computed without it for years 1000–9999 (about 2.5× faster, and a
 * seed formats a timestamp or two per row); other years, and invalid dates, go to toISOString.
 */
export function isoTimestamp(d: Date): string {
  const t = d.getTime();
  if (!(t >= FAST_FROM && t < FAST_UNTIL)) return d.toISOString();
  const days = Math.floor(t / DAY);
  // days since 1970-01-01 → year, month, day (H. Hinnant's civil_from_days)
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const m = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * m + 2) / 5) + 1;
  const month = m < 10 ? m + 3 : m - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  let rest = t - days * DAY;
  const ms = rest % 1000;
  rest = (rest - ms) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  return `${year}-${PAD2[month]}-${PAD2[day]}T${PAD2[hours]}:${PAD2[minutes]}:${PAD2[seconds]}.${PAD3[ms]}Z`;
}

function dateOnly(d: Date): string {
  return isoTimestamp(d).slice(0, 10);
}

/** A scalar as Postgres reads it (before COPY escaping). */
function scalar(value: Exclude<Value, null>, kind: ColumnShape['kind'] | undefined): string {
  if (value instanceof Date) return kind === 'date' ? dateOnly(value) : isoTimestamp(value);
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

type Column = Pick<ColumnShape, 'kind' | 'elementKind'>;
type FieldEncoder = (value: Value | undefined) => string;

/**
 * The encoder of one column: the value kinds the engine gives for the column's kind take a short
 * path that yields what copyField does; anything else goes through copyField.
 */
function fieldEncoder(column: Column): FieldEncoder {
  const general: FieldEncoder = (v) => copyField(v ?? null, column);
  switch (column.kind) {
    case 'integer':
    case 'number':
      // a finite number prints as digits, sign, '.', 'e': nothing to escape
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : general(v));
    case 'text':
    case 'uuid':
      return (v) => (typeof v === 'string' ? (SPECIAL.test(v) ? escapeCopy(v) : v) : general(v));
    case 'timestamp':
      return (v) => (v instanceof Date ? isoTimestamp(v) : general(v));
    case 'date':
      return (v) => (v instanceof Date ? dateOnly(v) : general(v));
    case 'boolean':
      return (v) => (v === true ? 't' : v === false ? 'f' : general(v));
    default:
      return general;
  }
}

const encoders = new WeakMap<readonly Column[], FieldEncoder[]>();

/** The encoders of a table's columns (made once per columns array). */
function encodersOf(columns: readonly Column[]): FieldEncoder[] {
  let encode = encoders.get(columns);
  if (!encode) {
    encode = columns.map(fieldEncoder);
    encoders.set(columns, encode);
  }
  return encode;
}

/**
 * Appends the fields and separators of rows to `parts`, to be joined once: one flat string,
 * where appending to a string would leave a rope of a few nodes per field that lives (and is
 * copied by every scavenge) until the chunk is sent.
 */
function pushLines(parts: string[], rows: Row[], encode: FieldEncoder[]): void {
  const n = encode.length;
  const first = encode[0]!;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    parts.push(first(row[0]));
    for (let i = 1; i < n; i++) parts.push('\t', encode[i]!(row[i]));
    parts.push('\n');
  }
}

/** A batch of rows as COPY text lines. */
export function copyLines(rows: Row[], columns: readonly Column[]): string {
  const encode = encodersOf(columns);
  if (encode.length === 0) return '\n'.repeat(rows.length);
  const parts: string[] = [];
  pushLines(parts, rows, encode);
  return parts.join('');
}

/** Rows [start, end) of a plan's table as COPY text: what this thread and the generator workers send. */
export function copyTextOf(plan: Plan, table: string, start: number, end: number, onRows?: (start: number, batch: Row[]) => void): string {
  const shape = plan.tables.find((t) => t.name === table);
  if (!shape) throw new Error(`the plan has no table "${table}"`);
  const encode = encodersOf(shape.columns);
  if (encode.length === 0) return '\n'.repeat(end - start);
  // the whole chunk joined once, not per batch and then again
  const parts: string[] = [];
  let at = start;
  for (const batch of generateRows(plan, table, start, end, 1024)) {
    onRows?.(at, batch);
    at += batch.length;
    pushLines(parts, batch, encode);
  }
  return parts.join('');
}
