// Refs to parents in certain states: a shipment only for an order that shipped, a return only for
// an item of a delivered order. `where` {path, in} names a field path of the TARGET table (its
// status, or `order_id.status` further up) and the values it may hold; the ref draws a parent as
// usual and, while the parent's value at that path is not in the set, draws again from a hash of
// (row, attempt) — a bounded number of times, then walks forward from the last draw. The parent's
// value is computed from its row index (nothing is held), so the pick is a pure function of i.
import { z } from 'zod';
import type { FieldDefinition, TableDefinition } from './definition.js';
import { resolveFieldPath, type ResolvedPath } from './field-path.js';
import type { BuiltField } from './fields.js';
import { subKey, unit53At } from './random.js';
import { pathValueAt, type RelationContext } from './scoped-ref.js';
import type { Value } from './shape.js';

export const whereSchema = z.strictObject({
  path: z.string().min(1).max(600).describe("field path in the target table, e.g. status or order_id.status (the parent's parent's status)"),
  in: z.array(z.json()).min(1).max(1000).describe('the values a picked row may hold there'),
});

export type WhereOptions = z.infer<typeof whereSchema>;
type RefOptions = {
  table: string;
  where?: WhereOptions;
  scope?: unknown;
  sameAs?: unknown;
  distinctWithin?: string;
  differentFrom?: string;
  childrenPerParent?: unknown;
};

/** Hashed redraws before walking forward: with half the parents eligible, all miss once in 2^32. */
const REDRAWS = 32;

/** Definition checks of `where` on a ref field (`at` is the field's path). */
export function checkWhere(
  field: FieldDefinition,
  at: string,
  table: TableDefinition,
  tables: ReadonlyMap<string, TableDefinition>,
  add: (path: string, message: string) => void,
): void {
  const options = field.options as RefOptions;
  if (!options.where) return;
  const where = `${at}.options.where`;
  const target = tables.get(options.table);
  if (!target) return;
  if (target === table) add(where, 'a self-reference cannot filter its parents (it picks an earlier row)');
  if (options.scope || options.sameAs || options.distinctWithin || options.differentFrom || field.unique)
    add(where, 'where draws among all parents: it cannot be combined with scope, sameAs, distinctWithin, differentFrom or unique');
  const path = resolveFieldPath(options.where.path, target, tables);
  if (typeof path === 'string') add(`${where}.path`, `${path} (a path in table ${target.name})`);
  // laid out by the ref, only parents in the states get children: their number is needed before any
  // row is made, so the state must be the parent's profile selector, a hash of its row alone
  else if (options.childrenPerParent && !layoutFilterable(options.where, target))
    add(
      `${where}.path`,
      `with childrenPerParent, where must name ${target.name}'s profile selector (${target.profiles?.field ?? 'it has none'}), with no variant that has a when`,
    );
}

/** Whether a laid-out ref can filter its parents by `where`: the path is the target's profile selector, chosen by a hash of the row alone. */
function layoutFilterable(where: WhereOptions, target: TableDefinition): boolean {
  const profiles = target.profiles;
  return !!profiles?.field && where.path === profiles.field && profiles.variants.every((v) => v.when === undefined);
}

/**
 * The parents a laid-out ref with `where` gives children to (the others get none), from the
 * target's profile selector; undefined for other refs.
 */
export function layoutEligible(field: FieldDefinition, target: TableDefinition, selectorValueOf: (j: number) => Value): ((j: number) => boolean) | undefined {
  const options = field.options as RefOptions;
  if (!options.where || !options.childrenPerParent || !layoutFilterable(options.where, target)) return undefined;
  const allowed = new Set<unknown>(options.where.in.map((v) => (v === null || typeof v !== 'object' ? v : JSON.stringify(v))));
  return (j) => allowed.has(selectorValueOf(j));
}

/** The target-table paths a `where` reads (compile makes them row-addressable): [table, path]. */
export function whereReads(field: FieldDefinition): { table: string; path: string } | undefined {
  const options = field.type === 'ref' ? (field.options as RefOptions) : undefined;
  // a layout filtered by the parent's selector reads its hash, not its values
  return options?.where && !options.childrenPerParent ? { table: options.table, path: options.where.path } : undefined;
}

/** The generator of a ref with `where`; undefined for other refs. */
export function buildWhereRef(field: FieldDefinition, ctx: RelationContext): BuiltField | undefined {
  const options = field.options as RefOptions;
  // a laid-out ref is filtered by its layout, which gives no children to the other parents
  if (!options.where || options.childrenPerParent) return undefined;
  const parentValue = ctx.parentValue!;
  const parentRows = ctx.rows.get(options.table)!;
  const path = resolveFieldPath(options.where.path, ctx.tables.get(options.table)!, ctx.tables) as ResolvedPath;
  // text, numbers and booleans are compared as they are; other JSON values by their text
  const primitive = (v: unknown) => v === null || typeof v !== 'object';
  const allowed = new Set<unknown>(options.where.in.map((v) => (primitive(v) ? v : JSON.stringify(v))));
  // the value at the path for a target row: follow its refs, then read the column there
  const valueAt = pathValueAt(path, ctx);
  const ok = (j: number) => {
    const v = valueAt(j);
    return allowed.has(primitive(v) ? v : JSON.stringify(v));
  };
  const keys = Array.from({ length: REDRAWS }, (_, a) => subKey(ctx.key, a === 0 ? 7 : 0x77680000 + a));
  const pickRow = (i: number): number => {
    let j = 0;
    for (let a = 0; a < REDRAWS; a++) {
      j = Math.floor(unit53At(keys[a], i) * parentRows);
      if (ok(j)) return j;
    }
    for (let s = 1; s < parentRows; s++) {
      const k = (j + s) % parentRows;
      if (ok(k)) return k;
    }
    throw new Error(
      `${ctx.table.name}.${field.name}: no ${options.table} row has ${path.text} in (${options.where!.in.map((v) => JSON.stringify(v)).join(', ')})`,
    );
  };
  return { value: (i) => parentValue(pickRow(i)), rowFunction: true, deps: [], parentRow: pickRow };
}
