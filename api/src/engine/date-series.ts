// Date series: a `sequence` with `unit` gives instants, value n = anchor + n units. The anchor is
// `from`: "now" (the definition's reference date, the default), an ISO instant, or a field path of
// the row or its parents (readings of a sensor from the moment its device was installed: each
// parent's children then count from their parent's own instant).
import { checkFieldPath } from './field-path.js';
import { DEFAULT_REFERENCE_DATE, type FieldDefinition, type TableDefinition } from './definition.js';
import { TIME_UNIT_MS } from './options.js';
import type { ColumnKind, Value } from './shape.js';
import type { FieldContext } from './fields.js';

/** The units a series counts in (the builtin schema lists the same four). */
export type SeriesUnit = 'days' | 'hours' | 'minutes' | 'seconds';

/** The field path `from` names, when it is one (not "now" and not an ISO date). */
export function seriesFromPath(options: Record<string, unknown> | undefined): string | undefined {
  const from = options?.from;
  return typeof from === 'string' && from !== 'now' && !/^[0-9+-]/.test(from) ? from : undefined;
}

/** Definition checks of a sequence's `unit`/`from` (`at` is the field's path). */
export function checkDateSeries(
  field: FieldDefinition,
  at: string,
  table: TableDefinition,
  tables: ReadonlyMap<string, TableDefinition>,
  kindOf: (field: FieldDefinition, table: TableDefinition | undefined) => ColumnKind | undefined,
  add: (path: string, message: string) => void,
): void {
  const options = (field.options ?? {}) as Record<string, unknown>;
  if (options.range !== undefined && options.unit === undefined) add(`${at}.options.range`, 'a range needs a unit (days, hours, minutes or seconds)');
  if (options.from === undefined) return;
  if (options.unit === undefined) return add(`${at}.options.from`, 'from needs a unit (days, hours, minutes or seconds): without one a sequence gives numbers');
  const text = seriesFromPath(options);
  if (text === undefined) {
    if (options.from !== 'now' && Number.isNaN(Date.parse(String(options.from))))
      add(`${at}.options.from`, `"${String(options.from)}" is not "now", an ISO date or a field path`);
    return;
  }
  const path = checkFieldPath(text, `${at}.options.from`, table, tables, add);
  if (!path) return;
  if (path.field === field) return add(`${at}.options.from`, 'a series cannot count from its own field');
  const kind = kindOf(path.field, tables.get(path.table));
  if (kind !== 'timestamp' && kind !== 'date') add(`${at}.options.from`, `field "${text}" is not a date (it is ${kind})`);
}

/** A series' instant as a range [instant, instant + length units), written as PostgreSQL writes a daterange or tstzrange. */
export function asRange(
  options: Record<string, unknown>,
  value: (i: number, cols: Value[][], k: number) => Value,
): (i: number, cols: Value[][], k: number) => Value {
  const range = options.range as { length: number; format?: 'date' | 'timestamp' } | undefined;
  if (!range) return value;
  const ms = range.length * TIME_UNIT_MS[options.unit as SeriesUnit];
  const text = range.format === 'timestamp' ? (t: number) => `"${new Date(t).toISOString()}"` : (t: number) => new Date(t).toISOString().slice(0, 10);
  return (i, cols, k) => {
    const v = value(i, cols, k);
    return v instanceof Date ? `[${text(v.getTime())},${text(v.getTime() + ms)})` : null;
  };
}

/**
 * The instant of row i given its offset in units: from a constant anchor, or from the value `from`
 * reads for the row (null when that is null).
 */
export function seriesValue(
  options: Record<string, unknown>,
  ctx: Pick<FieldContext, 'path' | 'referenceDate'>,
  offset: (i: number) => number,
): { value: (i: number, cols: Value[][], k: number) => Value; deps: number[] } {
  const ms = TIME_UNIT_MS[options.unit as SeriesUnit];
  const text = seriesFromPath(options);
  if (text === undefined) {
    const from =
      options.from === undefined || options.from === 'now'
        ? (ctx.referenceDate ?? new Date(DEFAULT_REFERENCE_DATE)).getTime()
        : Date.parse(options.from as string);
    return { value: (i) => new Date(from + offset(i) * ms), deps: [] };
  }
  const reader = ctx.path!(text);
  return {
    value: (i, cols, k) => {
      const base = reader.value(i, cols, k);
      const t = base instanceof Date ? base.getTime() : typeof base === 'number' ? base : NaN;
      return t === t ? new Date(t + offset(i) * ms) : null;
    },
    deps: reader.deps,
  };
}
