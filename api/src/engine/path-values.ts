// Values computed from other values of the row or its parents (field paths): `lookup` copies one,
// `after` / `before` order one against others (a > b, a >= b, BETWEEN, chains) by generating the
// high side as the low side plus a positive delta, never by retrying. Each row's delta comes from a
// hash of (field key, row index), so these are pure functions of the row: chunk-independent.
// `expression` computes a value with the expression language of expression.ts.
import { z } from 'zod';
import type { FieldDefinition, TableDefinition } from './definition.js';
import { coerceTo, compileExpression, ExpressionError, expressionKind, expressionPaths, type Node, parsedExpression, parseExpression } from './expression.js';
import { checkFieldPath, resolveFieldPath, type ResolvedPath } from './field-path.js';
import type { BuiltField, FieldContext, ValueFn } from './fields.js';
import { isoDate, ordered, TIME_UNIT_MS, type TimeUnit } from './options.js';
import { type Key, subKey, unit53At } from './random.js';
import type { ColumnKind, Value } from './shape.js';

const pathText = z.string().min(1).max(600).describe('field path: col, ref_col.col, ref_col.ref_col2.col');
const paths = z.union([pathText, z.array(pathText).min(1).max(16)]);
/** A bound: field path(s) (the nearest non-null one counts), a number, an ISO date, or "now" (the reference instant). */
const bound = z.union([z.number(), isoDate, z.literal('now'), paths]);
const UNITS = TIME_UNIT_MS;
type Unit = TimeUnit;

const orderedOptions = (boundName: 'atMost' | 'atLeast') =>
  ordered(
    z.strictObject({
      from: paths.describe('the other side: a field path, or a list meaning the latest (after) / earliest (before) non-null one'),
      min: z.number().min(0).optional().describe('smallest delta (default 0)'),
      max: z.number().min(0).optional().describe('largest delta (default 30; unbounded up to the bound when one is set)'),
      unit: z
        .enum(Object.keys(UNITS) as [Unit, ...Unit[]])
        .optional()
        .describe('unit of min/max for dates (default days); numbers use their own units'),
      strict: z.boolean().optional().describe('never equal to the other side (> rather than >=)'),
      skew: z.number().min(0.05).max(20).optional().describe('delta = min + u^skew·(max − min): 1 uniform (default), > 1 closer to min'),
      [boundName]: bound
        .optional()
        .describe(
          boundName === 'atMost' ? 'also at most this (BETWEEN): path(s), number, ISO date or "now"' : 'also at least this: path(s), number, ISO date or "now"',
        ),
      fromIfRoom: paths
        .optional()
        .describe(
          `more sides like from, each counting only while it is on the right side of ${boundName} (the bound wins over these): a review after its reviewer joined, unless that is after the pull request closed`,
        ),
      fallback: z
        .union([z.number(), isoDate, z.literal('now')])
        .optional()
        .describe('the other side to use when every `from` is null (default: the value is null)'),
      decimals: z.number().int().min(0).max(10).optional().describe('for decimal numbers: rounding (default 2)'),
    }),
  );

const KINDS = ['text', 'integer', 'number', 'boolean', 'timestamp', 'date'] as const;

export const pathValueOptions = {
  expression: z.strictObject({
    expr: z.string().min(1).max(10_000).describe('e.g. round(quantity * product_id.list_price * (1 - discount), 2); names are field paths'),
    kind: z.enum(KINDS).optional().describe('column kind of the result (default: inferred from the expression)'),
  }),
  lookup: z.strictObject({ path: pathText.describe("the value to copy, e.g. product_id.list_price (the parent row this row's ref picked)") }),
  after: orderedOptions('atMost'),
  before: orderedOptions('atLeast'),
};

export const pathValueInfo = {
  expression: {
    group: 'builtin',
    description:
      'A value computed from the row and its parents: arithmetic, comparisons, and/or/not, text, date arithmetic (days), if(), round, min, max, coalesce, concat...',
    kind: 'text' as ColumnKind,
    example: 'Ada Lovelace',
    exampleOptions: { expr: "first_name + ' ' + last_name" },
  },
  lookup: {
    group: 'relation',
    description: 'A copy of a value of the row or of a parent row (follow refs with dots: product_id.list_price)',
    kind: 'timestamp' as ColumnKind,
    example: '2024-06-02T10:00:00.000Z',
    exampleOptions: { path: 'created_at' },
  },
  after: {
    group: 'relation',
    description: 'A date or number after (>=, or > when strict) other fields or parent values, within a window; optionally at most a bound',
    kind: 'timestamp' as ColumnKind,
    example: '2024-06-02T10:00:00.000Z',
    exampleOptions: { from: 'created_at', max: 30, unit: 'days' },
  },
  before: {
    group: 'relation',
    description: 'A date or number before (<=, or < when strict) other fields or parent values, within a window; optionally at least a bound',
    kind: 'timestamp' as ColumnKind,
    example: '2024-05-20T10:00:00.000Z',
    exampleOptions: { from: 'created_at', max: 7, unit: 'days' },
  },
};

type OrderedOptions = {
  from: string | string[];
  fromIfRoom?: string | string[];
  min?: number;
  max?: number;
  unit?: Unit;
  strict?: boolean;
  skew?: number;
  atMost?: unknown;
  atLeast?: unknown;
  fallback?: number | string;
  decimals?: number;
};

export const PATH_VALUE_TYPES = new Set(['lookup', 'after', 'before', 'expression']);

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
/** A bound given as field path(s), not a constant. */
const constantBound = (v: unknown): boolean => typeof v === 'number' || (typeof v === 'string' && (v === 'now' || /^\d/.test(v)));
/** The field paths of a bound (a list may mix paths with "now" and ISO dates: the tightest counts). */
const boundPaths = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x) => !constantBound(x)).map(String);
/** The constants of a bound. */
const boundConstants = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(constantBound);

/** The field paths a lookup / after / before reads (for fieldDependencies). */
export function pathValueDependencies(field: { type: string; options?: Record<string, unknown> }): string[] {
  const o = (field.options ?? {}) as Record<string, unknown>;
  if (field.type === 'lookup') return [String(o.path)];
  if (field.type === 'expression') {
    try {
      return expressionPaths(parsedExpression(String(o.expr))).map((p) => p.path);
    } catch {
      return [];
    }
  }
  if (field.type === 'after') return [...list(o.from), ...list(o.fromIfRoom), ...boundPaths(o.atMost)];
  if (field.type === 'before') return [...list(o.from), ...list(o.fromIfRoom), ...boundPaths(o.atLeast)];
  return [];
}

type KindOf = (path: ResolvedPath) => ColumnKind | undefined;

const numeric = (k: ColumnKind | undefined) => k === 'integer' || k === 'number';
const temporal = (k: ColumnKind | undefined) => k === 'timestamp' || k === 'date';

/** The kind of a lookup / after / before: the kind at the end of its (first) path. */
export function pathValueKind(
  field: { type: string; options?: Record<string, unknown> },
  kindAt: (text: string) => ColumnKind | undefined,
): ColumnKind | undefined {
  const o = (field.options ?? {}) as Record<string, unknown>;
  if (field.type === 'lookup') return kindAt(String(o.path));
  if (field.type === 'expression') return (o.kind as ColumnKind | undefined) ?? expressionKind(String(o.expr), kindAt);
  const kinds = list(o.from).map(kindAt);
  // only self-reference paths to this very field (unknown while it is being decided): the fallback tells
  if (kinds.every((k) => k === undefined) && o.fallback !== undefined) return typeof o.fallback === 'number' ? 'number' : 'timestamp';
  if (kinds.some((k) => k === 'timestamp')) return 'timestamp';
  if (kinds.every((k) => k === 'date')) return (o.unit ?? 'days') === 'days' || o.unit === 'weeks' ? 'date' : 'timestamp';
  if (kinds.some((k) => k === 'number')) return 'number';
  return kinds[0];
}

/** Table-aware checks: paths resolve, sides are all dates or all numbers, bounds fit. */
export function checkPathValue(
  field: FieldDefinition,
  at: string,
  table: TableDefinition,
  tables: ReadonlyMap<string, TableDefinition>,
  kindOf: KindOf,
  add: (path: string, message: string) => void,
): void {
  const o = (field.options ?? {}) as OrderedOptions & { path?: string; expr?: string };
  if (field.type === 'expression') {
    let node: Node;
    try {
      node = parseExpression(String(o.expr));
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      add(`${at}.options.expr`, error.message);
      return;
    }
    for (const { path, position } of expressionPaths(node)) {
      const resolved = resolveFieldPath(path, table, tables);
      if (typeof resolved === 'string') add(`${at}.options.expr`, `at position ${position}: ${resolved}`);
      else if (resolved.steps.length === 0 && resolved.column === field.name)
        add(`${at}.options.expr`, `at position ${position}: an expression cannot read its own field`);
    }
    if (field.unique) add(`${at}.unique`, 'unique is not supported for expression fields');
    return;
  }
  if (field.type === 'lookup') {
    const path = checkFieldPath(o.path, `${at}.options.path`, table, tables, add);
    if (path && path.steps.length === 0 && path.column === field.name) add(`${at}.options.path`, 'a lookup cannot copy its own field');
    if (field.unique) add(`${at}.unique`, 'unique is not supported for lookup fields');
    return;
  }
  const fromAt = `${at}.options.from`;
  const sideKinds = (option: unknown, optionAt: string) =>
    list(option).map((text, n) => {
      const path = checkFieldPath(text, Array.isArray(option) ? `${optionAt}[${n}]` : optionAt, table, tables, add);
      if (!path) return undefined;
      const kind = kindOf(path);
      if (!numeric(kind) && !temporal(kind))
        add(Array.isArray(option) ? `${optionAt}[${n}]` : optionAt, `"${text}" is ${kind ?? 'of unknown kind'}, not a number or date`);
      return kind;
    });
  const kinds = sideKinds(o.from, fromAt);
  const dates = kinds.some(temporal);
  if (dates && kinds.some(numeric)) add(fromAt, 'mixes dates and numbers');
  const softKinds = sideKinds(o.fromIfRoom, `${at}.options.fromIfRoom`);
  if (softKinds.some((k) => (dates ? numeric(k) : temporal(k)))) add(`${at}.options.fromIfRoom`, `must be ${dates ? 'dates' : 'numbers'} like the other side`);
  if (o.unit !== undefined && !dates) add(`${at}.options.unit`, 'unit is for dates; numbers use their own units');
  if (o.fallback !== undefined && (typeof o.fallback === 'number') === dates)
    add(`${at}.options.fallback`, dates ? 'must be an ISO date or "now" (the sides are dates)' : 'must be a number (the sides are numbers)');
  const boundName = field.type === 'after' ? 'atMost' : 'atLeast';
  const b = o[boundName];
  const bAt = `${at}.options.${boundName}`;
  (Array.isArray(b) ? b : [b]).forEach((entry, n) => {
    const where = Array.isArray(b) ? `${bAt}[${n}]` : bAt;
    if (typeof entry === 'number' && dates) add(where, 'must be a date, "now" or field path (the sides are dates)');
    if (typeof entry === 'string' && constantBound(entry) && !dates) add(where, 'must be a number or field path (the sides are numbers)');
  });
  (Array.isArray(b) ? b : b === undefined ? [] : [b]).forEach((entry, n) => {
    if (constantBound(entry)) return;
    const text = String(entry);
    const where = Array.isArray(b) ? `${bAt}[${n}]` : bAt;
    const path = checkFieldPath(text, where, table, tables, add);
    const kind = path ? kindOf(path) : undefined;
    if (path && (dates ? !temporal(kind) : !numeric(kind)))
      add(where, `"${text}" is ${kind ?? 'of unknown kind'}, not a ${dates ? 'date' : 'number'} like the other side`);
  });
  if (field.unique) add(`${at}.unique`, `unique is not supported for ${field.type} fields`);
}

/** Whether the value can be null although its own nullRate is 0 (a side or a ref on the way may be null). */
export function pathValueNullable(field: FieldDefinition, nullableAt: (text: string) => boolean): boolean {
  const o = (field.options ?? {}) as OrderedOptions & { path?: string };
  if (field.type === 'lookup') return nullableAt(String(o.path));
  if (field.type === 'expression') return true; // null in, null out: not worth proving otherwise
  if (o.fallback !== undefined) return false;
  return list(o.from).every(nullableAt);
}

const DATE_STEP = 864e5;

/** Builds lookup / after / before; undefined for other types. */
export function buildPathValue(field: FieldDefinition, ctx: FieldContext): BuiltField | undefined {
  if (!PATH_VALUE_TYPES.has(field.type)) return undefined;
  const o = (field.options ?? {}) as OrderedOptions & { path?: string; expr?: string };
  if (field.type === 'lookup') {
    const reader = ctx.path!(String(o.path));
    return { value: reader.value, rowFunction: true, deps: reader.deps };
  }
  if (field.type === 'expression') {
    const deps = new Set<number>();
    const evaluate = compileExpression(
      parsedExpression(String(o.expr)),
      (text) => {
        const reader = ctx.path!(text);
        for (const d of reader.deps) deps.add(d);
        return reader.value;
      },
      { referenceDate: ctx.referenceDate ?? new Date('2025-01-01T00:00:00.000Z') },
    );
    const kind = ctx.kind;
    const value: ValueFn = kind ? (i, cols, k) => coerceTo(kind, evaluate(i, cols, k)) : evaluate;
    return { value, rowFunction: true, deps: [...deps] };
  }
  const after = field.type === 'after';
  const dir = after ? 1 : -1;
  const readers = list(o.from).map((text) => ctx.path!(text));
  const softReaders = list(o.fromIfRoom).map((text) => ctx.path!(text));
  const kind = ctx.kind ?? readers[0].kind;
  const dates = temporal(kind) || readers.some((r) => temporal(r.kind));
  const wholeDays = kind === 'date';
  const referenceMs = ctx.referenceDate?.getTime() ?? Date.parse('2025-01-01T00:00:00.000Z');
  const constant = (v: unknown): number => (v === 'now' ? referenceMs : typeof v === 'string' ? Date.parse(v) : (v as number));
  const boundOption = after ? o.atMost : o.atLeast;
  const boundReaders = boundPaths(boundOption).map((text) => ctx.path!(text));
  // the tightest constant of the bound ("now", an ISO date, a number); paths are read per row
  const boundConstant = boundConstants(boundOption).reduce((tight: number, v) => {
    const c = constant(v);
    return tight !== tight || dir * (c - tight) < 0 ? c : tight;
  }, NaN);
  const hasBound = boundOption !== undefined;
  const fallback = o.fallback === undefined ? NaN : constant(o.fallback);
  const unitMs = dates ? UNITS[o.unit ?? 'days'] : 1;
  const decimals = o.decimals ?? 2;
  // the delta is whole steps: 1 ms, 1 day for dates, 1 for integers, 10^-decimals for decimals
  const step = wholeDays ? DATE_STEP : dates ? 1 : kind === 'integer' ? 1 : 10 ** -decimals;
  const scale = kind === 'number' ? 10 ** decimals : 1;
  const minSteps = Math.max(o.strict ? 1 : 0, Math.ceil(((o.min ?? 0) * unitMs) / step - 1e-9));
  // without max, a bound alone limits the window (BETWEEN); rows whose bound is null get 30 units
  const defaultSteps = Math.floor((Math.max(30, o.min ?? 0) * unitMs) / step + 1e-9);
  const maxSteps = o.max !== undefined ? Math.floor((o.max * unitMs) / step + 1e-9) : hasBound ? Infinity : defaultSteps;
  const skew = o.skew ?? 1;
  const key: Key = subKey(ctx.key, 0x0a17e5);
  const deps = [...new Set([...readers, ...softReaders, ...boundReaders].flatMap((r) => r.deps))];
  const n = readers.length;
  const nb = boundReaders.length;
  const ns = softReaders.length;

  const value: ValueFn = (i, cols, k) => {
    // the other side: the latest (after) / earliest (before) non-null of the paths
    let base = NaN;
    for (let r = 0; r < n; r++) {
      const x = numberOf(readers[r].value(i, cols, k));
      if (x === x && (base !== base || dir * (x - base) > 0)) base = x;
    }
    // the bound: the nearest non-null one; room = how far from base it lets the value go
    let limit = boundConstant;
    for (let r = 0; r < nb; r++) {
      const x = numberOf(boundReaders[r].value(i, cols, k));
      if (x === x && (limit !== limit || dir * (x - limit) < 0)) limit = x;
    }
    // the sides that count only while the bound leaves room for them
    for (let r = 0; r < ns; r++) {
      const x = numberOf(softReaders[r].value(i, cols, k));
      if (x === x && (limit !== limit || dir * (limit - x) >= 0) && (base !== base || dir * (x - base) > 0)) base = x;
    }
    if (base !== base) {
      if (fallback !== fallback) return null;
      base = fallback;
    }
    let top = maxSteps;
    if (limit === limit) {
      const room = Math.floor((dir * (limit - base)) / step + 1e-9);
      if (room < top) top = room;
    }
    let delta: number;
    if (top >= minSteps) {
      let u = unit53At(key, i);
      if (skew !== 1) u **= skew;
      if (top === Infinity) top = defaultSteps;
      delta = minSteps + Math.floor(u * (top - minSteps + 1));
      if (delta > top) delta = top;
    } else delta = top >= 0 ? top : minSteps; // no room: the bound wins if it is on the right side, else the base
    const out = base + dir * delta * step;
    if (dates) return new Date(out);
    if (scale === 1) return out;
    // rounding must not leave the window, the order or the bound (a base with more decimals than
    // `decimals`): keep the exact value then
    const rounded = Math.round(out * scale) / scale;
    const d = dir * (rounded - base);
    const ok =
      (delta > 0 ? d > 0 : d >= 0) &&
      d >= minSteps * step - 1e-9 &&
      d <= Math.max(delta, top) * step + 1e-9 &&
      !(limit === limit && dir * (rounded - limit) > 0);
    return ok ? rounded : out;
  };
  return { value, rowFunction: true, deps };
}

function numberOf(v: Value): number {
  if (typeof v === 'number') return v;
  if (v instanceof Date) return v.getTime();
  return NaN;
}
