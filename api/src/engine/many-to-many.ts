// Many-to-many: a join table laid out by its left ref (childrenPerParent: k rows per left row)
// whose right ref is `distinctWithin` that left ref. The k partners of left row p are the first k
// values of a permutation of the right table keyed by p, so a pair never repeats (the composite
// key is exact) and no left row gets more partners than exist. `include` puts a row given by a
// field path (a channel's creator) first among its partners.
import type { PerParent } from './child-layout.js';
import { perParentBounds } from './child-layout.js';
import type { FieldDefinition, TableDefinition } from './definition.js';
import { resolveFieldPath, type ResolvedPath } from './field-path.js';
import type { BuiltField } from './fields.js';
import { hashIndex, type Key, mix32, subKey } from './random.js';
import { refChain, refSteps, type RelationContext, type ScopeOptions, scopeMinimum, scopeRange } from './scoped-ref.js';

type RefOptions = { table: string; field: string; childrenPerParent?: PerParent; distinctWithin?: string; include?: string; scope?: ScopeOptions };

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
  if (own.include !== undefined && own.distinctWithin === undefined) add(`${at}.options.include`, 'include needs distinctWithin (the left ref whose partners it joins)');
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
  if ((field.nullRate ?? 0) > 0) add(`${at}.nullRate`, 'a join\'s partner cannot be null');
  if (own.scope && options(left)!.childrenPerParent) {
    // partners inside a scope (channel members among the workspace's users): the scope must hold them all
    const most = perParentBounds(options(left)!.childrenPerParent!).max;
    const fewest = scopeMinimum(own.scope, own.table, tables);
    if (most > fewest)
      add(`${at}.options.scope`, `a ${options(left)!.table} row can have up to ${most} ${table.name} rows but a scope can hold as few as ${fewest} ${own.table} rows: lower the left ref's childrenPerParent max or raise the scope's min`);
    const path = resolveFieldPath(own.scope.equals, table, tables);
    const nullHop = typeof path === 'string' ? undefined : refSteps(path).find((s) => (tables.get(s.table)!.fields.find((f) => f.name === s.field)?.nullRate ?? 0) > 0);
    if (nullHop) add(`${at}.options.scope.equals`, `${nullHop.table}.${nullHop.field} may be null, leaving no scope, but a join's partner cannot be null`);
  }
  if (own.include === undefined) return;
  const path = resolveFieldPath(own.include, table, tables);
  if (typeof path === 'string') return add(`${at}.options.include`, path);
  if (path.steps[0]?.field !== left.name)
    return add(`${at}.options.include`, `"${path.text}" must start at the left ref ${left.name} (e.g. ${left.name}.creator_id)`);
  if (path.field.type !== 'ref' || options(path.field)!.table !== own.table)
    add(`${at}.options.include`, `"${path.text}" must end at a ref to table ${own.table} (it ends at ${path.table}.${path.column}, a ${path.field.type} field)`);
}

/** Checks that need row counts: never more partners per left row than the right table has rows. */
export function manyToManyIssues(
  def: { tables: TableDefinition[] },
  rows: ReadonlyMap<string, number>,
  add: (path: string, message: string) => void,
): void {
  def.tables.forEach((table, t) =>
    table.fields.forEach((field, f) => {
      const own = field.type === 'ref' ? options(field) : undefined;
      if (!own?.distinctWithin) return;
      const left = table.fields.find((x) => x.name === own.distinctWithin);
      const perParent = options(left)?.childrenPerParent;
      if (!perParent) return;
      const most = perParentBounds(perParent).max;
      const available = rows.get(own.table) ?? 0;
      if (most > available)
        add(
          `tables[${t}].fields[${f}].options.distinctWithin`,
          `a ${options(left)!.table} row can have up to ${most} ${table.name} rows (childrenPerParent of ${left!.name}) but ${own.table} has only ${available} rows to pair it with`,
        );
    }),
  );
}

/** Whether composite uniqueness over `columns` holds by construction (left ref + a ref distinct within it). */
export function joinKeyCovered(table: TableDefinition, columns: string[]): boolean {
  return table.fields.some((f) => f.type === 'ref' && columns.includes(f.name) && options(f)!.distinctWithin !== undefined && columns.includes(options(f)!.distinctWithin!));
}

/**
 * A keyed bijection of [0, size) per tweak (the left row): a balanced Feistel network with the
 * tweak hashed into every round, cycle-walking into range. No allocation per call.
 */
class TweakedPermutation {
  private readonly roundKeys: Int32Array;

  constructor(
    readonly size: number,
    private readonly key: Key,
  ) {
    this.roundKeys = Int32Array.from([0, 1, 2, 3, 4, 5], (r) => mix32(key[r & 1] ^ Math.imul(r + 1, 0x9e3779b1)));
  }

  at(index: number, tweak: number): number {
    return this.within(index, tweak, this.size);
  }

  /** The same for a permutation of [0, size) (size < 2^32), e.g. the rows of one scope. */
  within(index: number, tweak: number, size: number): number {
    if (size <= 1) return 0;
    const halfSize = 2 ** Math.ceil((32 - Math.clz32(size - 1)) / 2);
    const mask = halfSize - 1;
    const t = hashIndex(this.key, tweak);
    let x = index;
    do {
      let left = Math.floor(x / halfSize);
      let right = x % halfSize;
      for (let r = 0; r < 6; r++) {
        const next = (left ^ (mix32(right ^ this.roundKeys[r] ^ t) & mask)) & mask;
        left = right;
        right = next;
      }
      x = left * halfSize + right;
    } while (x >= size);
    return x;
  }
}

/** The generator of a ref with `distinctWithin`; undefined for other refs. */
export function buildManyToMany(field: FieldDefinition, ctx: RelationContext): BuiltField | undefined {
  const own = options(field)!;
  if (own.distinctWithin === undefined) return undefined;
  const layout = ctx.layoutOf(ctx.table.name, own.distinctWithin)!;
  const parentValue = ctx.parentValue!;
  const partners = new TweakedPermutation(ctx.rows.get(own.table)!, subKey(ctx.key, 17));
  let included: ((left: number) => number) | undefined;
  if (own.include !== undefined) {
    const path = resolveFieldPath(own.include, ctx.table, ctx.tables) as ResolvedPath;
    // the path starts at the left ref, whose row is known from the layout: follow the rest
    included = refChain(refSteps(path).slice(1), ctx.runtimeOf);
  }
  // the rows partners come from: the whole right table, or the scope of the row (as [lo, hi))
  const range = own.scope ? scopeRange(own.scope, own.table, ctx) : undefined;
  const bounds = new Float64Array(2);
  const partnerRow = (i: number): number => {
    const left = layout.parentOf(i);
    const rank = i - layout.startOf(left);
    let lo = 0;
    let size = partners.size;
    if (range) {
      if (!range(i, bounds)) return -1; // validation keeps scopes non-null and large enough
      lo = bounds[0];
      size = bounds[1] - bounds[0];
    }
    const first = included ? included(left) : -1;
    if (first < lo || first >= lo + size) return lo + partners.within(rank, left, size);
    if (rank === 0) return first;
    // ranks 1.. take the permutation's values 1..; the included row, if met there, is swapped for value 0
    const v = lo + partners.within(rank, left, size);
    return v === first ? lo + partners.within(0, left, size) : v;
  };
  return { value: (i) => parentValue(partnerRow(i)), rowFunction: true, deps: [], parentRow: partnerRow };
}
