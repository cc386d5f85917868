// Values a database cannot store are refused when the definition is checked, with the place to fix,
// not when a load fails hours later: dates outside years 1..9999, integers outside int8 (or outside
// a sequence's declared min/max, e.g. an int4 column), integers past 2^53 (JSON numbers lose them).
import type { Definition, FieldDefinition, TableDefinition } from './definition.js';
import { TIME_UNIT_MS } from './options.js';
import { timelineBounds } from './timeline.js';

// int8's bounds as the nearest doubles (±2^63), the numbers the engine compares with
const INT8_MIN = -(2 ** 63);
const INT8_MAX = 2 ** 63;
const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;
/** The units of `after`/`before` windows (path-values.ts). */
const UNIT_MS: Record<string, number> = TIME_UNIT_MS;
/** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: what PostgreSQL and ISO 8601 text both hold. */
export const EARLIEST_MS = Date.parse('0001-01-01T00:00:00.000Z');
export const LATEST_MS = Date.parse('9999-12-31T23:59:59.999Z');

/** Epoch ms of Jan 1 (or Dec 31, end of day) of a year; Date.UTC would read years 0..99 as 19xx. */
function yearStart(year: number, end = false): number {
  const d = new Date(0);
  if (end) d.setUTCFullYear(year, 11, 31);
  else d.setUTCFullYear(year, 0, 1);
  return d.getTime() + (end ? DAY_MS - 1 : 0);
}

type Add = (path: string, message: string) => void;

/** An integer's problem for storage, or undefined. */
function integerProblem(value: number): string | undefined {
  if (value < INT8_MIN || value > INT8_MAX) return `${value} is outside the int8 range (-9223372036854775808..9223372036854775807)`;
  if (!Number.isSafeInteger(value)) return `${value} is past 2^53, where numbers lose digits`;
  return undefined;
}

/** Literal integers of pick and constant fields. */
export function literalRangeIssues(def: Definition, add: Add): void {
  def.tables.forEach((table, t) =>
    table.fields.forEach((field, f) => {
      const options = (field.options ?? {}) as Record<string, unknown>;
      const at = `tables[${t}].fields[${f}].options`;
      if (field.type === 'pick' && Array.isArray(options.values))
        options.values.forEach((v, k) => {
          const problem = typeof v === 'number' && Number.isInteger(v) ? integerProblem(v) : undefined;
          if (problem) add(`${at}.values[${k}]`, problem);
        });
      if (field.type === 'constant' && typeof options.value === 'number' && Number.isInteger(options.value)) {
        const problem = integerProblem(options.value);
        if (problem) add(`${at}.value`, problem);
      }
    }),
  );
}

/** Sequences reach start + (rows - 1)·step: within int8, 2^53 and the field's own min/max. */
export function sequenceRangeIssues(def: Definition, rowsOf: (table: TableDefinition) => number | undefined, add: Add): void {
  def.tables.forEach((table, t) => {
    const rows = rowsOf(table);
    if (rows === undefined || rows === 0) return;
    table.fields.forEach((field, f) => {
      if (field.type !== 'sequence') return;
      const options = (field.options ?? {}) as { start?: number; step?: number; min?: number; max?: number };
      const start = options.start ?? 1;
      const step = options.step ?? 1;
      const last = start + (rows - 1) * step;
      const at = `tables[${t}].fields[${f}].options`;
      const where = step === 0 || !options.step ? (options.start === undefined ? at : `${at}.start`) : `${at}.step`;
      if (Number.isInteger(start) && Number.isInteger(step)) {
        const problem = integerProblem(last) ?? integerProblem(start);
        if (problem) return add(where, `the last of ${rows} values is ${last}: ${problem}`);
      }
      const lo = Math.min(start, last);
      const hi = Math.max(start, last);
      if (options.max !== undefined && hi > options.max) add(where, `the last of ${rows} values is ${hi}, above max ${options.max}`);
      if (options.min !== undefined && lo < options.min) add(where, `values go down to ${lo}, below min ${options.min}`);
    });
  });
}

/** Date fields whose values can fall outside years 1..9999. */
export function dateRangeIssues(def: Definition, referenceDate: string, add: Add): void {
  const ref = Date.parse(referenceDate);
  def.tables.forEach((table, t) => {
    const memo = new Map<string, [number, number] | undefined>();
    const boundsOf = (field: FieldDefinition, depth = 0): [number, number] | undefined => {
      if (memo.has(field.name)) return memo.get(field.name);
      const bounds = depth > 50 ? undefined : dateBounds(field, table, ref, (f) => boundsOf(f, depth + 1));
      memo.set(field.name, bounds);
      return bounds;
    };
    table.fields.forEach((field, f) => {
      const bounds = boundsOf(field);
      if (!bounds) return;
      const [lo, hi] = bounds;
      const at = `tables[${t}].fields[${f}]`;
      if (hi > LATEST_MS) add(`${at}.options`, `values can reach ${yearOf(hi)}, past the year 9999 (${rangeHint(field)})`);
      else if (lo < EARLIEST_MS) add(`${at}.options`, `values can go back to ${yearOf(lo)}, before the year 1 (${rangeHint(field)})`);
    });
  });
}

function yearOf(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? `year ${new Date(ms).getUTCFullYear()}` : 'an unbounded date';
}

function rangeHint(field: FieldDefinition): string {
  switch (field.type) {
    case 'dateAfter':
      return 'lower maxDays, or move the base date earlier';
    case 'after':
    case 'before':
      return 'lower max, or set atMost / atLeast';
    case 'date.birthdate':
      return 'use years between 1 and 9999 and ages below the reference year';
    default:
      return 'shorten the span or move refDate / referenceDate';
  }
}

/** [earliest, latest] epoch ms a date field produces, or undefined when it is not a date we can bound. */
function dateBounds(
  field: FieldDefinition,
  table: TableDefinition,
  ref: number,
  base: (f: FieldDefinition) => [number, number] | undefined,
): [number, number] | undefined {
  const options = (field.options ?? {}) as Record<string, unknown>;
  const refOf = () => (typeof options.refDate === 'string' ? Date.parse(options.refDate) : ref);
  const years = (options.years as number | undefined) ?? 1;
  const days = (options.days as number | undefined) ?? 1;
  switch (field.type) {
    case 'date.past':
      return [refOf() - years * YEAR_MS, refOf()];
    case 'timeline':
      return timelineBounds(options, ref);
    case 'date.future':
      return [refOf(), refOf() + years * YEAR_MS];
    case 'date.recent':
      return [refOf() - days * DAY_MS, refOf()];
    case 'date.soon':
      return [refOf(), refOf() + days * DAY_MS];
    case 'date.anytime':
      // faker's anytime: within about a thousand days either side of the reference
      return [refOf() - 1000 * DAY_MS, refOf() + 1000 * DAY_MS];
    case 'date.birthdate': {
      if (options.mode === 'year') return [yearStart(options.min as number), yearStart(Math.min(options.max as number, 275_000), true)];
      if (options.mode === 'age') return [refOf() - ((options.max as number) + 1) * YEAR_MS, refOf() - (options.min as number) * YEAR_MS];
      return [refOf() - 81 * YEAR_MS, refOf() - 18 * YEAR_MS];
    }
    case 'after':
    case 'before': {
      // same-row sources only (paths into parents are bounded where those parents are checked)
      const sources = (Array.isArray(options.from) ? options.from : [options.from]).map((name) => table.fields.find((f) => f.name === name));
      if (sources.some((f) => !f || f === field)) return undefined;
      const bounds = sources.map((f) => base(f!));
      if (bounds.some((b) => !b)) return undefined;
      const unit = UNIT_MS[(options.unit as string | undefined) ?? 'days'] ?? DAY_MS;
      const limit = options[field.type === 'after' ? 'atMost' : 'atLeast'];
      const fixed = limit === 'now' ? ref : typeof limit === 'string' ? Date.parse(limit) : undefined;
      if (limit !== undefined && (fixed === undefined || Number.isNaN(fixed))) return undefined; // a path bound: not known here
      const min = ((options.min as number | undefined) ?? 0) * unit;
      const lo = Math.min(...bounds.map((b) => b![0]));
      const hi = Math.max(...bounds.map((b) => b![1]));
      if (field.type === 'after') {
        const max = options.max === undefined && fixed !== undefined ? Infinity : ((options.max as number | undefined) ?? 30) * unit;
        return [lo + min, fixed === undefined ? hi + max : Math.min(hi + max, Math.max(fixed, lo + min))];
      }
      const max = options.max === undefined && fixed !== undefined ? Infinity : ((options.max as number | undefined) ?? 30) * unit;
      return [fixed === undefined ? lo - max : Math.max(lo - max, Math.min(fixed, hi - min)), hi - min];
    }
    case 'dateAfter': {
      const from = table.fields.find((f) => f.name === options.field);
      const b = from && from !== field ? base(from) : undefined;
      if (!b) return undefined;
      const minDays = (options.minDays as number | undefined) ?? 0;
      const maxDays = (options.maxDays as number | undefined) ?? Math.max(30, minDays);
      return [b[0] + minDays * DAY_MS, b[1] + maxDays * DAY_MS];
    }
    default:
      return undefined;
  }
}
