// Two refs of a row to one table that a CHECK orders (tag_relation: tag1 < tag2; friendships:
// user_a < user_b): the row takes an unordered pair of distinct parent rows, the one with the
// smaller value in the lower ref (`greaterThan` on the higher one). Pairs come from a keyed
// permutation of the n·(n−1)/2 pairs, so a key over both refs never repeats while rows ≤ pairs.
import type { FieldDefinition, TableDefinition } from './definition.js';
import { Permutation, type Key } from './random.js';
import type { Value } from './shape.js';

type RefOptions = { table: string; field: string; greaterThan?: string } & Record<string, unknown>;

const refOptions = (f: FieldDefinition | undefined) => (f?.type === 'ref' ? (f.options as RefOptions) : undefined);

/** Options a ref with `greaterThan` cannot be combined with (the pair decides both rows). */
export const PAIR_EXCLUSIVE_OPTIONS = [
  'childrenPerParent',
  'scope',
  'sameAs',
  'distinctWithin',
  'excludeSelf',
  'differentFrom',
  'include',
  'since',
  'where',
  'until',
  'selfRoot',
];

/** Definition checks of `greaterThan` (`at` is the field's path). */
export function checkOrderedPair(field: FieldDefinition, at: string, table: TableDefinition, add: (path: string, message: string) => void): void {
  const own = refOptions(field);
  if (own?.greaterThan === undefined) return;
  const where = `${at}.options.greaterThan`;
  const lower = table.fields.find((f) => f.name === own.greaterThan);
  const other = refOptions(lower);
  if (!lower || !other) return add(where, `${table.name}.${own.greaterThan} must be a ref field of the same table`);
  if (lower === field) return add(where, 'a ref cannot be greater than itself');
  if (other.table !== own.table || other.field !== own.field)
    return add(
      where,
      `${own.greaterThan} points at ${other.table}.${other.field}, this ref at ${own.table}.${own.field}: an ordered pair needs both on one column`,
    );
  if (other.greaterThan !== undefined) add(where, `${own.greaterThan} is itself greater than another ref`);
  for (const [name, options] of [
    [field.name, own],
    [lower.name, other],
  ] as const)
    for (const option of PAIR_EXCLUSIVE_OPTIONS)
      if (options[option] !== undefined) add(where, `${name} sets ${option}, which an ordered pair cannot combine with`);
  if (field.unique || lower.unique) add(where, 'the refs of an ordered pair cannot be unique on their own');
}

/** [lower ref, higher ref] of the table's ordered pairs. */
export function orderedPairs(table: TableDefinition): [FieldDefinition, FieldDefinition][] {
  return table.fields.flatMap((f) => {
    const lower = refOptions(f)?.greaterThan;
    const low = lower === undefined ? undefined : table.fields.find((x) => x.name === lower);
    return low ? [[low, f] as [FieldDefinition, FieldDefinition]] : [];
  });
}

/** The pair at p of [0, n·(n−1)/2): rows a < b, ordered by b then a. */
export function pairAt(p: number): [number, number] {
  let b = Math.floor((1 + Math.sqrt(1 + 8 * p)) / 2);
  while ((b * (b - 1)) / 2 > p) b--;
  while (((b + 1) * b) / 2 <= p) b++;
  return [p - (b * (b - 1)) / 2, b];
}

/**
 * Parent rows of the lower and the higher ref at row i: a keyed permutation of the pairs of
 * `parentRows` rows (taken again from the start past the last pair), ordered by the parent's value.
 */
export function orderedPairRows(parentRows: number, key: Key, valueOf: (row: number) => Value): { low: (i: number) => number; high: (i: number) => number } {
  const total = (parentRows * (parentRows - 1)) / 2;
  const permutation = total >= 1 ? new Permutation(total, key) : undefined;
  let last = -1;
  let low = -1;
  let high = -1;
  const at = (i: number) => {
    if (i === last) return;
    last = i;
    if (!permutation) {
      low = high = -1;
      return;
    }
    const [a, b] = pairAt(permutation.at(i % total));
    const va = valueOf(a);
    const vb = valueOf(b);
    [low, high] = va !== null && vb !== null && va > vb ? [b, a] : [a, b];
  };
  return {
    low: (i) => (at(i), low),
    high: (i) => (at(i), high),
  };
}
