// Values that depend on a child's rank among its siblings (the rows of one parent in a table laid
// out by that parent): a position 1..n per parent (`sequence` with `per`), and composite keys
// (parent_ref, col) whose col only has to be distinct within each parent (rooms(hotel_id,
// room_number)): col walks a per-parent keyed permutation of its finite space at the child's rank.
import { asRange, seriesValue } from './date-series.js';
import type { FieldContext } from './fields.js';
import { type ChildLayout, TweakedPermutation, type PerParent } from './child-layout.js';
import { perParentBounds } from './child-layout.js';
import type { FieldDefinition, TableDefinition } from './definition.js';
import type { BuiltField } from './fields.js';
import type { Key } from './random.js';
import type { RelationContext } from './scoped-ref.js';

type RefOptions = { table: string; childrenPerParent?: PerParent };
type SequenceOptions = { start?: number; step?: number; per?: string; unit?: 'days' | 'hours' | 'minutes' | 'seconds'; from?: string };

/** The table's ref with childrenPerParent (at most one per table). */
export function layoutRef(table: TableDefinition): FieldDefinition | undefined {
  return table.fields.find((f) => f.type === 'ref' && (f.options as RefOptions | undefined)?.childrenPerParent);
}

/** Definition checks of `sequence` with `per` (`at` is the field's path). */
export function checkChildIndex(field: FieldDefinition, at: string, table: TableDefinition, add: (path: string, message: string) => void): void {
  const per = (field.options as SequenceOptions | undefined)?.per;
  if (per === undefined) return;
  const ref = table.fields.find((f) => f.name === per);
  if (!ref) add(`${at}.options.per`, `unknown field "${per}" in table ${table.name}`);
  else if (ref !== layoutRef(table))
    add(
      `${at}.options.per`,
      `${table.name}.${per} must be the ref with childrenPerParent (set options.childrenPerParent on it: positions count the children of a parent, which must sit side by side)`,
    );
  if (field.unique) add(`${at}.unique`, `positions repeat across parents: make (${per}, ${field.name}) unique instead`);
}

/** A position among siblings: start + rank · step, rank 0 for the first child of each parent. */
export function buildChildIndex(field: FieldDefinition, ctx: RelationContext, path?: FieldContext['path']): BuiltField | undefined {
  const options = (field.options ?? {}) as SequenceOptions;
  if (field.type !== 'sequence' || options.per === undefined) return undefined;
  const layout = ctx.layoutOf(ctx.table.name, options.per)!;
  const start = options.start ?? 1;
  const step = options.step ?? 1;
  const rank = (i: number) => start + (i - layout.startOf(layout.parentOf(i))) * step;
  if (options.unit) {
    // a time series per parent (a device's readings, one a minute): distinct instants among siblings
    const series = seriesValue(options, { path, referenceDate: ctx.referenceDate }, rank);
    return { value: asRange(options as Record<string, unknown>, series.value), rowFunction: true, deps: series.deps };
  }
  return { value: rank, rowFunction: true, deps: [] };
}

/** Whether (per ref, position) in `columns` is unique by construction (the ref's values name its parent rows). */
export function childIndexKeyCovered(table: TableDefinition, columns: string[], repeats: (ref: FieldDefinition) => boolean = () => false): boolean {
  return table.fields.some((f) => {
    const per = f.type === 'sequence' ? (f.options as SequenceOptions | undefined)?.per : undefined;
    const ref = per === undefined ? undefined : table.fields.find((x) => x.name === per);
    return per !== undefined && (f.options as SequenceOptions).step !== 0 && columns.includes(f.name) && columns.includes(per) && !(ref && repeats(ref));
  });
}

/** Whether a ref takes a column whose values repeat across the parent's rows (a join row's ref or lookup). */
export function refRepeats(ref: FieldDefinition, tables: ReadonlyMap<string, TableDefinition>): boolean {
  const { table, field } = (ref.options ?? {}) as { table?: string; field?: string };
  const target = tables.get(table ?? '')?.fields.find((f) => f.name === field);
  return target?.type === 'ref' || target?.type === 'lookup';
}

/**
 * A text column of a composite that nothing else can keep unique (categories(site_id, slug)): made
 * row-injective with the usual row-index suffix, as `unique` text fields are. Faker text types only
 * (a suffix would break a regex, a pick or a constant).
 */
export function textCarrier(
  columns: FieldDefinition[],
  isFakerText: (field: FieldDefinition) => boolean,
  taken: (field: FieldDefinition) => boolean,
): FieldDefinition | undefined {
  // a null leaves its tuple distinct as it is (NULLs are never equal in a key): nullable text carries too
  return [...columns].reverse().find((f) => !taken(f) && isFakerText(f));
}

/**
 * For a composite that holds the table's childrenPerParent ref and a column of finite space at
 * least the most children a parent has: that column's index for row i, distinct among siblings.
 * Otherwise a hint for the error message (why it cannot).
 */
export function siblingDistinct(
  table: TableDefinition,
  columns: FieldDefinition[],
  layoutOf: (field: string) => ChildLayout | undefined,
  space: (field: FieldDefinition) => number,
  taken: (field: FieldDefinition) => boolean,
  key: Key,
  repeats: (ref: FieldDefinition) => boolean = () => false,
): { field: string; indexOf: (i: number) => number } | { hint: string } {
  const ref = layoutRef(table);
  if (!ref || !columns.includes(ref)) return { hint: '' };
  // a ref to a join row's column (boarding_passes.flight_id from a ticket's flight row) repeats its
  // value across parents: distinct within each parent row is not distinct within each value
  if (repeats(ref))
    return {
      hint: `; ${ref.name} takes ${(ref.options as { table: string; field: string }).table}.${(ref.options as { field: string }).field}, whose values repeat`,
    };
  const layout = layoutOf(ref.name)!;
  const most = perParentBounds((ref.options as RefOptions).childrenPerParent!).max;
  const candidates = columns.filter((f) => f !== ref && !taken(f) && space(f) > 0).reverse();
  const column = candidates.find((f) => space(f) >= most);
  if (!column) {
    const best = candidates[0];
    return { hint: best ? `; within one ${(ref.options as RefOptions).table} row ${best.name} has only ${space(best)} values for up to ${most} rows` : '' };
  }
  // 2^31 evenly spaced values of a larger space suffice: a parent has at most 100,000 children
  const size = Math.min(space(column), 2 ** 31);
  const stride = space(column) / size;
  const permutation = new TweakedPermutation(size, key);
  return {
    field: column.name,
    indexOf: (i) => {
      const parent = layout.parentOf(i);
      return Math.floor(permutation.within(i - layout.startOf(parent), parent, size) * stride);
    },
  };
}
