// Many-to-many: a join table laid out by its left ref (childrenPerParent: k rows per left row)
// whose right ref is `distinctWithin` that left ref. The k partners of left row p are the first k
// values of a permutation of the right table keyed by p, so a pair never repeats (the composite
// key is exact) and no left row gets more partners than exist. `include` puts a row given by a
// field path (a channel's creator) first among its partners.
import type { PerParent } from './child-layout.js';
import { perParentBounds, TweakedPermutation } from './child-layout.js';
import type { FieldDefinition, TableDefinition } from './definition.js';
import { resolveFieldPath, type ResolvedPath } from './field-path.js';
import type { BuiltField } from './fields.js';
import { subKey } from './random.js';
import { TIME_UNIT_MS } from './options.js';
import { DEFAULT_REFERENCE_DATE } from './definition.js';
import type { Value } from './shape.js';
import { refChain, refSteps, type RelationContext, type ScopeOptions, scopeMinimum, scopeRange } from './scoped-ref.js';

type RefOptions = {
  table: string;
  field: string;
  childrenPerParent?: PerParent;
  distinctWithin?: string;
  include?: string;
  scope?: ScopeOptions;
  excludeSelf?: boolean;
  differentFrom?: string;
  since?: { series: string; atLeast: string };
};

const options = (field: FieldDefinition | undefined) => field?.options as RefOptions | undefined;

/** Definition checks of `distinctWithin` and `include` on a ref field (`at` is the field's path). */
export function checkManyToMany(
  field: FieldDefinition,
  at: string,
  table: TableDefinition,
  tables: ReadonlyMap<string, TableDefinition>,
  add: (path: string, message: string) => void,
): void {
  const own = options(field)!;
  if (own.include !== undefined && own.distinctWithin === undefined)
    add(`${at}.options.include`, 'include needs distinctWithin (the left ref whose partners it joins)');
  if (own.excludeSelf && own.distinctWithin === undefined) add(`${at}.options.excludeSelf`, 'excludeSelf needs distinctWithin (the left ref of a self join)');
  if (own.distinctWithin === undefined) return;
  const where = `${at}.options.distinctWithin`;
  const left = table.fields.find((f) => f.name === own.distinctWithin);
  if (!left) return add(where, `unknown field "${own.distinctWithin}" in table ${table.name}`);
  if (left === field) return add(where, 'a ref cannot be distinct within itself');
  if (left.type !== 'ref' || !options(left)?.childrenPerParent)
    return add(where, `${table.name}.${left.name} must be the ref with childrenPerParent (it lays out each left row's partners one after another)`);
  if (own.childrenPerParent) add(where, 'the right ref of a join cannot set childrenPerParent');
  if (own.table === table.name) add(where, 'the partners cannot be rows of the join table itself');
  if (field.unique) add(`${at}.unique`, 'a ref distinct within another cannot be unique on its own');
  if ((field.nullRate ?? 0) > 0) add(`${at}.nullRate`, "a join's partner cannot be null");
  if (own.excludeSelf && options(left)!.table !== own.table)
    add(`${at}.options.excludeSelf`, `a self join needs both refs on one table (${left.name} → ${options(left)!.table}, ${field.name} → ${own.table})`);
  const self = own.excludeSelf || own.differentFrom !== undefined ? 1 : 0;
  if (own.scope && options(left)!.childrenPerParent) {
    // partners inside a scope (channel members among the workspace's users): the scope must hold them all
    const most = perParentBounds(options(left)!.childrenPerParent!).max;
    const fewest = Math.max(0, scopeMinimum(own.scope, own.table, tables) - self);
    if (most > fewest)
      add(
        `${at}.options.scope`,
        `a ${options(left)!.table} row can have up to ${most} ${table.name} rows but a scope can hold as few as ${fewest} ${own.table} rows: lower the left ref's childrenPerParent max or raise the scope's min`,
      );
    const path = resolveFieldPath(own.scope.equals, table, tables);
    const nullHop =
      typeof path === 'string' ? undefined : refSteps(path).find((s) => (tables.get(s.table)!.fields.find((f) => f.name === s.field)?.nullRate ?? 0) > 0);
    if (nullHop) add(`${at}.options.scope.equals`, `${nullHop.table}.${nullHop.field} may be null, leaving no scope, but a join's partner cannot be null`);
  }
  if (own.since) checkSince(own, `${at}.options.since`, left, table, tables, add);
  if (own.include === undefined) return;
  const path = resolveFieldPath(own.include, table, tables);
  if (typeof path === 'string') return add(`${at}.options.include`, path);
  if (path.steps[0]?.field !== left.name)
    return add(`${at}.options.include`, `"${path.text}" must start at the left ref ${left.name} (e.g. ${left.name}.creator_id)`);
  if (path.field.type !== 'ref' || options(path.field)!.table !== own.table)
    add(
      `${at}.options.include`,
      `"${path.text}" must end at a ref to table ${own.table} (it ends at ${path.table}.${path.column}, a ${path.field.type} field)`,
    );
}

/** The right table's date series a `since` counts on: its rows are in the order of their instants. */
function seriesOf(field: FieldDefinition | undefined): { from: string; start: number; step: number; unit: keyof typeof TIME_UNIT_MS } | undefined {
  const o = (field?.type === 'sequence' ? field.options : undefined) as Record<string, unknown> | undefined;
  if (!o?.unit || o.per !== undefined || (o.from !== undefined && (typeof o.from !== 'string' || (o.from !== 'now' && !/^[0-9+-]/.test(o.from)))))
    return undefined;
  const step = (o.step as number | undefined) ?? 1;
  if (step === 0) return undefined;
  return { from: (o.from as string | undefined) ?? 'now', start: (o.start as number | undefined) ?? 1, step, unit: o.unit as keyof typeof TIME_UNIT_MS };
}

function checkSince(
  own: RefOptions,
  where: string,
  left: FieldDefinition,
  table: TableDefinition,
  tables: ReadonlyMap<string, TableDefinition>,
  add: (path: string, message: string) => void,
): void {
  if (own.scope || own.include !== undefined || own.differentFrom !== undefined || own.excludeSelf)
    add(where, 'since picks partners by date: it cannot be combined with scope, include, differentFrom or excludeSelf');
  const right = tables.get(own.table);
  const field = right?.fields.find((f) => f.name === own.since!.series);
  if (!field) add(`${where}.series`, `unknown field "${own.since!.series}" in table ${own.table}`);
  else if (!seriesOf(field))
    add(`${where}.series`, `${own.table}.${field.name} must be a date series (a sequence with unit, a non-zero step, a constant from and no per)`);
  const path = resolveFieldPath(own.since!.atLeast, table, tables);
  if (typeof path === 'string') add(`${where}.atLeast`, path);
  else if (path.steps[0]?.field !== left.name) add(`${where}.atLeast`, `"${path.text}" must start at the left ref ${left.name} (e.g. ${left.name}.hire_date)`);
}

/**
 * The rows of a date series whose instant is at least the value a left row reads: [lo, lo + size)
 * (the series runs forwards or backwards). A left row needing more partners than that gets the
 * rows nearest the range too, so its partners stay distinct.
 */
function sinceRange(own: RefOptions, ctx: RelationContext, rightRows: number): (left: number, needed: number, out: Float64Array) => void {
  const series = seriesOf(ctx.tables.get(own.table)!.fields.find((f) => f.name === own.since!.series))!;
  const path = resolveFieldPath(own.since!.atLeast, ctx.table, ctx.tables) as ResolvedPath;
  const rowOf = path.steps.length <= 1 ? (left: number) => left : refChain(path.steps.slice(1), ctx.runtimeOf);
  let runtime: ReturnType<RelationContext['runtimeOf']> | undefined;
  let column = -1;
  const anchor = series.from === 'now' ? (ctx.referenceDate ?? new Date(DEFAULT_REFERENCE_DATE)).getTime() : Date.parse(series.from);
  const ms = TIME_UNIT_MS[series.unit];
  return (left, needed, out) => {
    const r = rowOf(left);
    if (!runtime) {
      runtime = ctx.runtimeOf(path.table);
      column = runtime.fieldIndex(path.column);
    }
    const value: Value = r < 0 ? null : runtime.rowValue(column, r);
    let lo = 0;
    let hi = rightRows;
    if (value instanceof Date) {
      // instant of row n: anchor + (start + n * step) units; the rows at or past the value
      const n = ((value.getTime() - anchor) / ms - series.start) / series.step;
      if (series.step > 0) lo = Math.min(rightRows, Math.max(0, Math.ceil(n - 1e-9)));
      else hi = Math.max(0, Math.min(rightRows, Math.floor(n + 1e-9) + 1));
    }
    const size = Math.min(rightRows, Math.max(hi - lo, needed));
    // too few: widen towards the earlier instants
    if (series.step > 0) lo = Math.min(lo, rightRows - size);
    out[0] = lo;
    out[1] = size;
  };
}

/** Checks that need row counts: never more partners per left row than the right table has rows. */
export function manyToManyIssues(def: { tables: TableDefinition[] }, rows: ReadonlyMap<string, number>, add: (path: string, message: string) => void): void {
  def.tables.forEach((table, t) =>
    table.fields.forEach((field, f) => {
      const own = field.type === 'ref' ? options(field) : undefined;
      if (!own?.distinctWithin) return;
      const left = table.fields.find((x) => x.name === own.distinctWithin);
      const perParent = options(left)?.childrenPerParent;
      if (!perParent) return;
      const most = perParentBounds(perParent).max;
      const avoids = own.excludeSelf || own.differentFrom !== undefined;
      const available = Math.max(0, (rows.get(own.table) ?? 0) - (avoids ? 1 : 0));
      if (most > available)
        add(
          `tables[${t}].fields[${f}].options.distinctWithin`,
          `a ${options(left)!.table} row can have up to ${most} ${table.name} rows (childrenPerParent of ${left!.name}) but ${own.table} has only ${available} ${avoids ? 'other ' : ''}rows to pair it with`,
        );
    }),
  );
}

/** Whether composite uniqueness over `columns` holds by construction (left ref + a ref distinct within it). */
export function joinKeyCovered(table: TableDefinition, columns: string[]): boolean {
  return table.fields.some(
    (f) => f.type === 'ref' && columns.includes(f.name) && options(f)!.distinctWithin !== undefined && columns.includes(options(f)!.distinctWithin!),
  );
}

/**
 * Whether composite uniqueness over `columns` holds because each row takes a different row of a
 * parent (a ref whose childrenPerParent max is at most 1) and the columns copy a unique key of that
 * parent: reviews(student_id, course_id) as one review per enrolment, student_id a ref to
 * enrolments.student_id and course_id a lookup of student_id.course_id.
 */
export function parentKeyCovered(table: TableDefinition, columns: string[], tables: ReadonlyMap<string, TableDefinition>): boolean {
  return table.fields.some((ref) => {
    const own = ref.type === 'ref' ? options(ref) : undefined;
    const parent = own && tables.get(own.table);
    if (!own || !parent || parent === table || !own.childrenPerParent || perParentBounds(own.childrenPerParent).max > 1) return false;
    // the parent's columns these columns hold, each read from the row this ref picked
    const copied = new Set<string>();
    for (const column of columns) {
      const field = table.fields.find((f) => f.name === column);
      const path = field?.type === 'lookup' ? String((field.options as { path?: unknown } | undefined)?.path ?? '') : undefined;
      if (field === ref) copied.add(own.field);
      else if (path?.startsWith(`${ref.name}.`) && !path.slice(ref.name.length + 1).includes('.')) copied.add(path.slice(ref.name.length + 1));
    }
    const keys = [...(parent.primaryKey ? [parent.primaryKey] : []), ...(parent.unique ?? []), ...parent.fields.filter((f) => f.unique).map((f) => [f.name])];
    return keys.some((key) => key.every((c) => copied.has(c)));
  });
}

/** The generator of a ref with `distinctWithin`; undefined for other refs. */
export function buildManyToMany(field: FieldDefinition, ctx: RelationContext): BuiltField | undefined {
  const own = options(field)!;
  if (own.distinctWithin === undefined) return undefined;
  const layout = ctx.layoutOf(ctx.table.name, own.distinctWithin)!;
  const parentValue = ctx.parentValue!;
  const excludeSelf = own.excludeSelf === true;
  const partners = new TweakedPermutation(ctx.rows.get(own.table)!, subKey(ctx.key, 17));
  let included: ((left: number) => number) | undefined;
  if (own.include !== undefined) {
    const path = resolveFieldPath(own.include, ctx.table, ctx.tables) as ResolvedPath;
    // the path starts at the left ref, whose row is known from the layout: follow the rest
    included = refChain(refSteps(path).slice(1), ctx.runtimeOf);
  }
  // differentFrom (a path from the left ref, version_id.package_id): one row each left row never pairs with
  const avoided =
    own.differentFrom === undefined
      ? undefined
      : refChain(refSteps(resolveFieldPath(own.differentFrom, ctx.table, ctx.tables) as ResolvedPath).slice(1), ctx.runtimeOf);
  // the rows partners come from: the whole right table, or the scope of the row (as [lo, hi)), or
  // the rows of a date series since the left row's moment (as lo, size; the same for all its partners)
  const range = own.scope ? scopeRange(own.scope, own.table, ctx) : undefined;
  const since = own.since ? sinceRange(own, ctx, partners.size) : undefined;
  const bounds = new Float64Array(2);
  let sinceLeft = -1;
  const partnerRow = (i: number): number => {
    const left = layout.parentOf(i);
    const rank = i - layout.startOf(left);
    let lo = 0;
    let size = partners.size;
    if (range) {
      if (!range(i, bounds)) return -1; // validation keeps scopes non-null and large enough
      lo = bounds[0];
      size = bounds[1] - bounds[0];
    } else if (since) {
      if (left !== sinceLeft) since(left, layout.countOf(left), bounds);
      sinceLeft = left;
      lo = bounds[0];
      size = bounds[1];
    }
    // a self join skips the left row's own row (differentFrom the row its path reaches): permute one row fewer and step over it
    const skipped = excludeSelf ? left : avoided ? avoided(left) : -1;
    const self = skipped >= lo && skipped < lo + size ? skipped : -1;
    const first = included ? included(left) : -1;
    const hasFirst = first >= lo && first < lo + size && first !== self;
    if (self >= 0) size--;
    if (!hasFirst) return partnerAt(rank, left, lo, size, self);
    if (rank === 0) return first;
    // ranks 1.. take the permutation's values 1..; the included row, if met there, is swapped for value 0
    const v = partnerAt(rank, left, lo, size, self);
    return v === first ? partnerAt(0, left, lo, size, self) : v;
  };
  const partnerAt = (rank: number, left: number, lo: number, size: number, self: number): number => {
    const v = lo + partners.within(rank, left, size);
    return self >= 0 && v >= self ? v + 1 : v;
  };
  return { value: (i) => parentValue(partnerRow(i)), rowFunction: true, deps: [], parentRow: partnerRow };
}
