// Per-parent exactly-one: a value (true, 'owner') held by exactly one child of each parent that has
// children (a default card per account, one owner per workspace); the other children take the
// field's other values. The table must be laid out by that parent (childrenPerParent), so the
// chosen child is a rank inside the parent's contiguous rows: pure functions of (key, parent, row).
import { z } from 'zod';
import type { FieldDefinition, TableDefinition } from './definition.js';
import type { BuiltField } from './fields.js';
import { subKey, unit53At, unitAt } from './random.js';
import type { RelationContext } from './scoped-ref.js';
import type { Value } from './shape.js';

/** A field's `exactlyOne`: on a `datatype.boolean` (true once) or a `pick` (one of its values once). */
export const exactlyOneSchema = z.strictObject({
  per: z.string().min(1).max(63).describe('the ref with childrenPerParent whose every parent gets exactly one'),
  value: z.json().optional().describe('the value held exactly once (booleans: default true; picks: required, one of values)'),
  first: z.boolean().optional().describe("the first child of each parent holds it (e.g. with a join's include) instead of a random one"),
});

type ExactlyOne = z.infer<typeof exactlyOneSchema>;
type PickOptions = { values: Value[]; weights?: number[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The other values and their weights: a pick's remaining values, a boolean's opposite. */
function othersOf(field: FieldDefinition, value: Value): { others: Value[]; weights: number[] } {
  if (field.type === 'datatype.boolean') return { others: [!value], weights: [1] };
  const { values, weights } = field.options as PickOptions;
  const others: Value[] = [];
  const kept: number[] = [];
  values.forEach((v, k) => {
    if (same(v, value)) return;
    others.push(v);
    kept.push(weights?.[k] ?? 1);
  });
  return { others, weights: kept };
}

function valueOf(field: FieldDefinition): Value {
  return ((field.exactlyOne as ExactlyOne).value ?? (field.type === 'datatype.boolean' ? true : null)) as Value;
}

/** Definition checks of a field's `exactlyOne` (`at` is the field's path). */
export function checkExactlyOne(field: FieldDefinition, at: string, table: TableDefinition, add: (path: string, message: string) => void): void {
  const o = field.exactlyOne as ExactlyOne;
  const where = `${at}.exactlyOne`;
  const per = table.fields.find((f) => f.name === o.per);
  if (!per) add(`${where}.per`, `unknown field "${o.per}" in table ${table.name}`);
  else if (per.type !== 'ref' || !(per.options as { childrenPerParent?: unknown } | undefined)?.childrenPerParent)
    add(
      `${where}.per`,
      `${table.name}.${per.name} must be the ref with childrenPerParent (set options.childrenPerParent on it: exactly one child per parent needs the children of a parent side by side)`,
    );
  if ((field.nullRate ?? 0) > 0) add(`${at}.nullRate`, 'a field with exactlyOne cannot have a nullRate (the chosen child could lose its value)');
  if (field.unique) add(`${at}.unique`, 'a field with exactlyOne cannot be unique');
  if (field.type === 'datatype.boolean') {
    if (o.value !== undefined && typeof o.value !== 'boolean') add(`${where}.value`, 'must be true or false on a boolean field');
    return;
  }
  if (field.type !== 'pick') return add(`${where}`, `exactlyOne applies to datatype.boolean and pick fields (${field.name} is ${field.type})`);
  const values = (field.options as PickOptions).values;
  if (o.value === undefined) return add(`${where}.value`, `required on a pick: the value held once (one of ${JSON.stringify(values)})`);
  if (!values.some((v) => same(v, o.value)))
    return add(`${where}.value`, `${JSON.stringify(o.value)} is not one of the pick's values ${JSON.stringify(values)}`);
  const { weights } = othersOf(field, o.value as Value);
  if (!(weights.reduce((a, b) => a + b, 0) > 0)) add(`${where}.value`, 'the pick has no other value (with a weight) for the remaining children');
}

export function buildExactlyOne(field: FieldDefinition, ctx: RelationContext): BuiltField {
  const o = field.exactlyOne as ExactlyOne;
  const layout = ctx.layoutOf(ctx.table.name, o.per)!;
  const value = valueOf(field);
  const { others, weights } = othersOf(field, value);
  const chooseChild = subKey(ctx.key, 19);
  const chooseOther = subKey(ctx.key, 23);
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, k) => (cumulative[k] = total += w));
  const other = (i: number): Value => {
    if (others.length === 1) return others[0];
    const u = unit53At(chooseOther, i) * total;
    let k = 0;
    while (cumulative[k] <= u && k < cumulative.length - 1) k++;
    return others[k];
  };
  const first = o.first === true;
  return {
    value: (i) => {
      const parent = layout.parentOf(i);
      const start = layout.startOf(parent);
      const chosen = first ? start : start + Math.floor(unitAt(chooseChild, parent) * layout.countOf(parent));
      return i === chosen ? value : other(i);
    },
    rowFunction: true,
    deps: [],
  };
}
