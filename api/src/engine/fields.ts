// Field generators: one closure per field producing the value of row i. Stream generators draw
// from the shared PRNG (reseeded per field per block by the table runtime); row generators are
// pure functions of the row index (sequences, uuids, permutations, refs).
import { asRange, seriesValue } from './date-series.js';
import type { Faker } from '@faker-js/faker';
import { bindFaker, fakerTypeById } from './catalog.js';
import type { FieldDefinition, NestedFieldDefinition } from './definition.js';
import { DEFAULT_REFERENCE_DATE, templatePlaceholders } from './definition.js';
import { timeline, type Timeline } from './timeline.js';
import { regexAtIndex, regexIndexSpace, regexStream } from './regex.js';
import { jsonSchemaValues } from './json-schema.js';
import { buildDerivedText } from './derived-text.js';
import { buildRecordField } from './locale-records.js';
import { Permutation, type Key, type Rng, subKey, unit53At as unit53, UuidSequence } from './random.js';
import type { ColumnKind, Value } from './shape.js';
import type { PathReader } from './field-path.js';
import { buildPathValue } from './path-values.js';

/** Produces row i's value; `cols[d][k]` holds the values of this row's dependencies. */
export type ValueFn = (i: number, cols: Value[][], k: number) => Value;

export interface BuiltField {
  value: ValueFn;
  /** Pure function of the row index: no PRNG state, cheap to compute for one row. */
  rowFunction: boolean;
  /** Field indexes this field reads from the same row. */
  deps: number[];
  /** Ref fields: the parent row index picked for row i (-1: none), the same pick as `value`. */
  parentRow?: (i: number) => number;
  /** Timeline fields: the rows' moments in row order, for refs that pick rows existing by a moment. */
  timeline?: Timeline;
}

export interface FieldContext {
  faker: Faker;
  rng: Rng;
  key: Key;
  rows: number;
  /** Whether values must never repeat within the table (declared unique, primary key, or composite). */
  injective: boolean;
  /** Set when the field is one digit of a composite-unique permutation: row i -> index in its space. */
  indexOf?: (i: number) => number;
  fieldIndex: ReadonlyMap<string, number>;
  /** Row i's value of a field in another table (or this one), for refs. */
  parentValue?: (j: number) => Value;
  parentRows?: number;
  /** Parent row of child row i when the ref sets children per parent. */
  parentOf?: (i: number) => number;
  selfReference?: boolean;
  /** Reader of a field path from this table's rows (validated before compile). */
  path?: (text: string) => PathReader;
  /** The field's declared column kind, and the definition's reference instant. */
  kind?: ColumnKind;
  referenceDate?: Date;
  /** Key and locale of a per-row record (record fields, locale-records.ts). */
  record?: (name: string) => { key: Key; locale: string };
}

const DAY_MS = 86_400_000;

export function buildField(field: FieldDefinition, ctx: FieldContext): BuiltField {
  const options = (field.options ?? {}) as Record<string, unknown>;
  if (ctx.indexOf) {
    const indexOf = ctx.indexOf;
    const at = valueAtIndex(field, options, ctx);
    const built = row((i) => at(indexOf(i)));
    if (field.type === 'ref') built.parentRow = indexOf;
    return built;
  }
  switch (field.type) {
    case 'slug':
    case 'email':
      return buildDerivedText(field.type, options, ctx);
    case 'jsonSchema': {
      // a pure function of the row (each leaf seeded by its schema path)
      const values = jsonSchemaValues(options.schema, ctx.key, ctx.faker);
      return row((i) => values(i));
    }
    case 'record': {
      const record = ctx.record!((options.record as string | undefined) ?? 'address');
      return buildRecordField(options, record.key, record.locale);
    }
    case 'sequence': {
      const start = (options.start as number | undefined) ?? 1;
      const step = (options.step as number | undefined) ?? 1;
      if (options.unit) {
        // a series of instants (one rate per day): value n is `from` + n units
        const series = seriesValue(options, ctx, (i) => start + i * step);
        return { value: asRange(options, series.value), rowFunction: true, deps: series.deps };
      }
      return row((i) => start + i * step);
    }
    case 'constant': {
      const value = options.value as Value;
      return row(() => value);
    }
    case 'timeline': {
      const line = timeline(options, ctx.rows, ctx.key, ctx.referenceDate ?? new Date(DEFAULT_REFERENCE_DATE));
      return { value: (i) => new Date(line.at(i)), rowFunction: true, deps: [], timeline: line };
    }
    case 'pick':
      return pick(options.values as Value[], options.weights as number[] | undefined, ctx);
    case 'template': {
      const text = options.template as string;
      const names = templatePlaceholders(text);
      const deps = names.map((n) => ctx.fieldIndex.get(n)!);
      const parts = text.split(/\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/);
      const value: ValueFn = (i, cols, k) => {
        let out = parts[0];
        for (let d = 0; d < deps.length; d++) {
          const v = cols[deps[d]][k];
          out += (v === null ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v)) + parts[d + 1];
        }
        return ctx.injective ? `${out}-${i.toString(36)}` : out;
      };
      return { value, rowFunction: false, deps };
    }
    case 'dateAfter': {
      const reader = ctx.path!(options.field as string);
      const min = ((options.minDays as number | undefined) ?? 0) * DAY_MS;
      const max = ((options.maxDays as number | undefined) ?? Math.max(30, (options.minDays as number | undefined) ?? 0)) * DAY_MS;
      const rng = ctx.rng;
      const value: ValueFn = (i, cols, k) => {
        const offset = min + Math.floor(rng.next() * (max - min));
        const from = reader.value(i, cols, k);
        return from instanceof Date ? new Date(from.getTime() + offset) : null;
      };
      return { value, rowFunction: false, deps: reader.deps };
    }
    case 'ref':
      return ref(options, ctx);
    case 'lookup':
    case 'after':
    case 'before':
    case 'expression':
      return buildPathValue(field, ctx)!;
    case 'string.uuid': {
      // always a function of the row index: unique by construction, and cheap for refs
      const uuids = new UuidSequence(ctx.key);
      return row((i) => uuids.at(i));
    }
    default: {
      const base = buildNested(field, ctx).value;
      return ctx.injective ? unique(field, options, base, ctx) : stream(base);
    }
  }
}

function row(value: (i: number) => Value): BuiltField {
  return { value, rowFunction: true, deps: [] };
}

function stream(value: (i: number) => Value): BuiltField {
  return { value, rowFunction: false, deps: [] };
}

const HEX_TAIL_DIGITS = 8;
const HEX_TAIL_SPACE = 16 ** HEX_TAIL_DIGITS;

/** Makes a field row-index-injective: permutations for finite spaces, a row suffix for text. */
function unique(field: FieldDefinition, options: Record<string, unknown>, base: (i: number) => Value, ctx: FieldContext): BuiltField {
  switch (field.type) {
    case 'number.int': {
      const { min, multipleOf, size } = intSpace(options);
      const perm = new Permutation(size, ctx.key);
      return row((i) => min + perm.at(i) * multipleOf);
    }
    case 'datatype.boolean': {
      const perm = new Permutation(2, ctx.key);
      return row((i) => perm.at(i) === 1);
    }
    case 'regex': {
      const pattern = options.pattern as string;
      const maxLength = options.maxLength as number | undefined;
      const minLength = options.minLength as number | undefined;
      // the space compile checked against the rows (the head/tail one when that holds them)
      const perm = new Permutation(regexIndexSpace(pattern, maxLength, ctx.rows, minLength), ctx.key);
      const at = regexAtIndex(pattern, ctx.key, maxLength, ctx.rows, minLength);
      return row((i) => at(perm.at(i)));
    }
  }
  const how = fakerTypeById.get(field.type)?.unique;
  if (how === 'email')
    return stream((i) => {
      const email = base(i) as string;
      const at = email.lastIndexOf('@');
      return `${email.slice(0, at)}.${i.toString(36)}${email.slice(at)}`;
    });
  if (how === 'hexTail') {
    // a digest keeps its length and alphabet (a char(40) sha): its last 8 hex digits are the row
    // index permuted, so distinct rows differ there; shorter values take the suffix
    const perm = new Permutation(HEX_TAIL_SPACE, ctx.key);
    return stream((i) => {
      const value = base(i) as string;
      if (value.length < HEX_TAIL_DIGITS + 4 || i >= HEX_TAIL_SPACE) return `${value}-${i.toString(36)}`;
      const tail = perm.at(i).toString(16).padStart(HEX_TAIL_DIGITS, '0');
      return value.slice(0, -HEX_TAIL_DIGITS) + (/[A-F]/.test(value) ? tail.toUpperCase() : tail);
    });
  }
  // the suffix after the last '-' is the row index in base 36: distinct rows, distinct values
  return stream((i) => `${base(i) as string}-${i.toString(36)}`);
}

/** The values of a finite space by index (for composite-unique permutations). */
function valueAtIndex(field: FieldDefinition, options: Record<string, unknown>, ctx: FieldContext): (index: number) => Value {
  switch (field.type) {
    case 'pick': {
      const distinct = distinctValues(options.values as Value[]);
      return (index) => distinct[index];
    }
    case 'datatype.boolean':
      return (index) => index === 1;
    case 'number.int': {
      const { min, multipleOf } = intSpace(options);
      return (index) => min + index * multipleOf;
    }
    case 'constant':
      return () => options.value as Value;
    case 'ref':
      return ctx.parentValue!;
    case 'regex':
      return regexAtIndex(options.pattern as string, ctx.key, options.maxLength as number | undefined, undefined, options.minLength as number | undefined);
    default:
      throw new Error(`${field.type} has no finite index space`);
  }
}

export function distinctValues(values: Value[]): Value[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** number.int's value space with faker's defaults: [0, MAX_SAFE_INTEGER], aligned to multipleOf. */
export function intSpace(options: Record<string, unknown>): { min: number; multipleOf: number; size: number } {
  const multipleOf = (options.multipleOf as number | undefined) ?? 1;
  const lo = (options.min as number | undefined) ?? 0;
  const hi = (options.max as number | undefined) ?? Number.MAX_SAFE_INTEGER;
  const min = Math.ceil(lo / multipleOf) * multipleOf;
  const size = hi < min ? 0 : Math.floor((hi - min) / multipleOf) + 1;
  return { min, multipleOf, size };
}

function pick(values: Value[], weights: number[] | undefined, ctx: FieldContext): BuiltField {
  if (ctx.injective) {
    const distinct = distinctValues(values);
    const perm = new Permutation(distinct.length, ctx.key);
    return row((i) => distinct[perm.at(i)]);
  }
  const rng = ctx.rng;
  if (!weights) {
    const n = values.length;
    return stream(() => values[Math.floor(rng.next() * n)]);
  }
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return stream(() => {
    const u = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return values[lo];
  });
}

function withParentRow(built: BuiltField, parentRow: (i: number) => number): BuiltField {
  built.parentRow = parentRow;
  return built;
}

function ref(options: Record<string, unknown>, ctx: FieldContext): BuiltField {
  const parentValue = ctx.parentValue!;
  if (ctx.parentOf) {
    const parentOf = ctx.parentOf;
    return withParentRow(
      row((i) => parentValue(parentOf(i))),
      parentOf,
    );
  }
  const parentRows = ctx.parentRows!;
  const skew = options.choice === 'skewed' ? ((options.skew as number | undefined) ?? 2) : 1;
  const choose = subKey(ctx.key, 7);
  const unit = (i: number) => {
    const u = unit53(choose, i);
    return skew === 1 ? u : u ** skew;
  };
  if (ctx.selfReference) {
    // a row's parent comes before it, so rows can be inserted in order; row 0 has none (or, with
    // selfRoot, itself: the root of a NOT NULL tree — its derived values still see no parent)
    const pickSelf = (i: number) => (i === 0 ? -1 : Math.floor(unit(i) * i));
    const first = options.selfRoot === true ? () => parentValue(0) : () => null;
    return withParentRow(
      row((i) => (i === 0 ? first() : parentValue(pickSelf(i)))),
      pickSelf,
    );
  }
  if (ctx.injective && parentRows < ctx.rows) {
    // unique and nullable, with fewer parents than rows: rows walk a permutation of the rows, and
    // those whose place is past the last parent are null (each parent is taken exactly once)
    const perm = new Permutation(ctx.rows, ctx.key);
    return withParentRow(
      row((i) => {
        const p = perm.at(i);
        return p < parentRows ? parentValue(p) : null;
      }),
      (i) => {
        const p = perm.at(i);
        return p < parentRows ? p : -1;
      },
    );
  }
  if (ctx.injective) {
    const perm = new Permutation(parentRows, ctx.key);
    return withParentRow(
      row((i) => parentValue(perm.at(i))),
      (i) => perm.at(i),
    );
  }
  const pickRow = (i: number) => Math.floor(unit(i) * parentRows);
  return withParentRow(
    row((i) => parentValue(pickRow(i))),
    pickRow,
  );
}

/**
 * Generators that need no other field of the row: faker methods, regex, json, array, pick...
 * Also used for the fields nested inside json and array.
 */
export function buildNested(field: NestedFieldDefinition | FieldDefinition, ctx: FieldContext): { value: (i: number) => Value } {
  const options = (field.options ?? {}) as Record<string, unknown>;
  const rng = ctx.rng;
  const withNulls = (value: (i: number) => Value, nullRate: number | undefined) =>
    nullRate ? (i: number) => (rng.next() < nullRate ? null : value(i)) : value;
  switch (field.type) {
    case 'regex':
      return {
        value: regexStream(
          options.pattern as string,
          ctx.faker,
          ctx.rng,
          options.maxLength as number | undefined,
          options.draw === 'compiled',
          options.minLength as number | undefined,
        ),
      };
    case 'jsonSchema': {
      // nested (json fields, array elements): a draw of the stream tells elements apart
      const values = jsonSchemaValues(options.schema, ctx.key, ctx.faker);
      return { value: (i) => values(i, Math.floor(rng.next() * 4294967296)) };
    }
    case 'json': {
      const nested = (options.fields as NestedFieldDefinition[]).map((child) => ({
        name: child.name,
        value: withNulls(buildNested(child, { ...ctx, injective: false }).value, child.nullRate),
      }));
      return {
        value: (i) => {
          const out: { [key: string]: Value } = {};
          for (const child of nested) out[child.name] = child.value(i);
          return out;
        },
      };
    }
    case 'array': {
      const of = options.of as NestedFieldDefinition;
      const element = buildNested(of, { ...ctx, injective: false }).value;
      const min = (options.min as number | undefined) ?? 1;
      const max = (options.max as number | undefined) ?? Math.max(3, min);
      if (options.distinct) {
        // a subset of the pick's values: a partial shuffle, as long as the values allow
        const values = ((of.options as { values?: Value[] } | undefined)?.values ?? []).slice();
        const longest = Math.min(max, values.length);
        const shortest = Math.min(min, longest);
        return {
          value: () => {
            const length = shortest + Math.floor(rng.next() * (longest - shortest + 1));
            const pool = values.slice();
            for (let e = 0; e < length; e++) {
              const k = e + Math.floor(rng.next() * (pool.length - e));
              [pool[e], pool[k]] = [pool[k]!, pool[e]!];
            }
            return pool.slice(0, length);
          },
        };
      }
      return {
        value: (i) => {
          const length = min + Math.floor(rng.next() * (max - min + 1));
          const out: Value[] = new Array(length);
          for (let e = 0; e < length; e++) out[e] = element(i);
          return out;
        },
      };
    }
    case 'string.uuid': {
      // nested uuids (several per row, e.g. in arrays) are drawn from the stream
      const uuids = new UuidSequence(ctx.key);
      return { value: () => uuids.at(Math.floor(rng.next() * 2 ** 53)) };
    }
    case 'sequence':
    case 'constant':
    case 'pick': {
      const built = buildField(field as FieldDefinition, { ...ctx, injective: false });
      return { value: (i) => built.value(i, [], 0) };
    }
    default: {
      const type = fakerTypeById.get(field.type);
      if (!type) throw new Error(`unknown field type ${field.type}`);
      return { value: bindFaker(ctx.faker, type, options) };
    }
  }
}
