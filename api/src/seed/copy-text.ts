// Rows → PostgreSQL COPY text format (the default of COPY ... FROM STDIN): tab-separated
// columns, one row a line, \N for NULL, and backslash escapes for \, tab, newline and CR.
import { civilOf, generateRows, type Plan } from '../engine/index.js';
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

/**
 * What Date#toISOString gives, computed without it for years 1000–9999 (about 2.5× faster, and a
 * seed formats a timestamp or two per row); other years, and invalid dates, go to toISOString.
 */
export function isoTimestamp(d: Date): string {
  const t = d.getTime();
  if (!(t >= FAST_FROM && t < FAST_UNTIL)) return d.toISOString();
  const { year, month, day, hours, minutes, seconds, ms } = civilOf(t);
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
    // json[]: a JSON array element is one JSON text, not a nested dimension
    if (Array.isArray(v) && elementKind !== 'json') return arrayLiteral(v, elementKind);
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

/** Two ASCII digits per number 0–99. */
const DIGITS2 = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  DIGITS2[2 * i] = 48 + Math.floor(i / 10);
  DIGITS2[2 * i + 1] = 48 + (i % 10);
}
const BACKSLASH = 92;
const TAB = 9;
const NEWLINE = 10;
const CR = 13;
/** Texts this long or longer are written by longText. */
const NATIVE_TEXT = 32;
const COPY_ESCAPES = /[\\\t\n\r]/g;
/** The byte after the backslash of an escaped backslash, tab, newline or CR. */
const escapeLetter = (c: number) => (c === BACKSLASH ? BACKSLASH : c === TAB ? 116 : c === NEWLINE ? 110 : 114);

/**
 * COPY text written straight into UTF-8 bytes: the bytes of `copyField` per field, tab between
 * fields, newline after each row. Writing bytes spares joining the fields into one string and
 * encoding that string again on its way to the socket (or across a worker thread, where a byte
 * buffer is handed over without a copy); timestamps and small integers are written as digits.
 */
export class CopyWriter {
  private buf: Buffer<ArrayBuffer>;
  private pos = 0;

  constructor(capacity = 64 * 1024) {
    // not from Buffer's shared pool: the bytes are handed over whole (to a socket, a worker)
    this.buf = Buffer.allocUnsafeSlow(capacity);
  }

  /** The bytes written so far (a view on the writer's buffer). */
  bytes(): Buffer<ArrayBuffer> {
    return this.buf.subarray(0, this.pos);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.pos++] = c;
  }

  /** Text as a COPY field: UTF-8, with backslash, tab, newline and CR escaped (as escapeCopy). */
  text(s: string): void {
    const n = s.length;
    // at most 3 bytes per UTF-16 unit, escapes included (2 bytes for 1 unit)
    this.room(3 * n);
    if (n >= NATIVE_TEXT) return this.longText(s);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c === BACKSLASH || c === TAB || c === NEWLINE || c === CR) {
          b[p++] = BACKSLASH;
          b[p++] = escapeLetter(c);
        } else b[p++] = c;
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
      } else if (c >= 0xd800 && c < 0xe000) {
        const d = c < 0xdc00 && i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d < 0xe000) {
          i++;
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          b[p++] = 0xf0 | (c >> 18);
          b[p++] = 0x80 | ((c >> 12) & 63);
          b[p++] = 0x80 | ((c >> 6) & 63);
          b[p++] = 0x80 | (c & 63);
        } else {
          // a lone surrogate: U+FFFD, as Buffer.from and TextEncoder write it
          b[p++] = 0xef;
          b[p++] = 0xbf;
          b[p++] = 0xbd;
        }
      } else {
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 63);
        b[p++] = 0x80 | (c & 63);
      }
    }
    this.pos = p;
  }

  /**
   * Long text (prose, bodies): the runs between escapes encoded by Buffer's own UTF-8 writer, a
   * third faster than a character at a time; the same bytes (lone surrogates as U+FFFD too).
   */
  private longText(s: string): void {
    const b = this.buf;
    let p = this.pos;
    let from = 0;
    COPY_ESCAPES.lastIndex = 0;
    for (let m = COPY_ESCAPES.exec(s); m !== null; m = COPY_ESCAPES.exec(s)) {
      const at = m.index;
      if (at > from) p += b.write(s.slice(from, at), p, 'utf8');
      b[p++] = BACKSLASH;
      b[p++] = escapeLetter(s.charCodeAt(at));
      from = at + 1;
    }
    if (from === 0) p += b.write(s, p, 'utf8');
    else if (from < s.length) p += b.write(s.slice(from), p, 'utf8');
    this.pos = p;
  }

  /** ASCII text that needs no escaping (digits, signs, NULL's \N). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** A number as String(n) writes it; integers of up to 9 digits without making the string. */
  number(v: number): void {
    if (!(v >= 0 && v < 1e9 && v === Math.floor(v))) return this.ascii(String(v));
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    this.room(digits);
    let p = this.pos + digits;
    this.pos = p;
    const b = this.buf;
    let x = v;
    do {
      const q = Math.floor(x / 10);
      b[--p] = 48 + x - 10 * q;
      x = q;
    } while (x > 0);
  }

  private two(v: number): void {
    this.buf[this.pos++] = DIGITS2[2 * v]!;
    this.buf[this.pos++] = DIGITS2[2 * v + 1]!;
  }

  /** A date as isoTimestamp writes it (the first 10 characters when not withTime). */
  date(d: Date, withTime: boolean): void {
    const t = d.getTime();
    if (!(t >= FAST_FROM && t < FAST_UNTIL)) {
      const iso = d.toISOString();
      return this.ascii(withTime ? iso : iso.slice(0, 10));
    }
    this.room(24);
    const { year, month, day, hours, minutes, seconds, ms } = civilOf(t);
    this.two(Math.floor(year / 100));
    this.two(year % 100);
    this.buf[this.pos++] = 45; // -
    this.two(month);
    this.buf[this.pos++] = 45;
    this.two(day);
    if (!withTime) return;
    this.buf[this.pos++] = 84; // T
    this.two(hours);
    this.buf[this.pos++] = 58; // :
    this.two(minutes);
    this.buf[this.pos++] = 58;
    this.two(seconds);
    this.buf[this.pos++] = 46; // .
    this.buf[this.pos++] = 48 + Math.floor(ms / 100);
    this.two(ms % 100);
    this.buf[this.pos++] = 90; // Z
  }

  /** One field: what copyField gives for the value, as UTF-8. */
  field(value: Value | undefined, column: Column): void {
    if (value === null || value === undefined) return this.ascii('\\N');
    switch (column.kind) {
      case 'text':
      case 'uuid':
        if (typeof value === 'string') return this.text(value);
        break;
      case 'integer':
      case 'number':
        // a finite number prints as digits, sign, '.', 'e': nothing to escape
        if (typeof value === 'number' && Number.isFinite(value)) return this.number(value);
        break;
      case 'timestamp':
      case 'date':
        if (value instanceof Date) return this.date(value, column.kind === 'timestamp');
        break;
      case 'boolean':
        if (typeof value === 'boolean') return this.byte(value ? 116 : 102);
        break;
    }
    this.text(textOf(value, column));
  }

  /** Rows as COPY lines. */
  rows(rows: Row[], columns: readonly Column[]): void {
    const n = columns.length;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      for (let i = 0; i < n; i++) {
        if (i > 0) this.byte(TAB);
        this.field(row[i], columns[i]!);
      }
      this.byte(NEWLINE);
    }
  }
}

/** A batch of rows as COPY text lines (UTF-8). */
export function copyLines(rows: Row[], columns: readonly Column[]): Buffer<ArrayBuffer> {
  const writer = new CopyWriter(Math.max(1024, rows.length * 16 * (columns.length + 1)));
  writer.rows(rows, columns);
  return writer.bytes();
}

/** Bytes each table's last chunk took: the next chunk's writer starts that big. */
const chunkBytes = new Map<string, number>();

/** Rows [start, end) of a plan's table as COPY text (UTF-8): what this thread and the generator workers send. `onRows` sees each batch (the realism report). */
export function copyTextOf(plan: Plan, table: string, start: number, end: number, onRows?: (start: number, batch: Row[]) => void): Buffer<ArrayBuffer> {
  const shape = plan.tables.find((t) => t.name === table);
  if (!shape) throw new Error(`the plan has no table "${table}"`);
  const writer = new CopyWriter(chunkBytes.get(table) ?? 64 * 1024);
  let at = start;
  for (const batch of generateRows(plan, table, start, end, 1024)) {
    onRows?.(at, batch);
    at += batch.length;
    writer.rows(batch, shape.columns);
  }
  const bytes = writer.bytes();
  chunkBytes.set(table, Math.ceil(bytes.length * 1.1) + 64);
  return bytes;
}
