// A parent's value computed from its children: an order's subtotal is the sum of its lines'
// totals, a post's comment count the number of its comments. The child table must be laid out by
// this parent (`childrenPerParent` on its ref), so the children of parent j are the contiguous rows
// [startOf(j), startOf(j) + countOf(j)) and each one's value is recomputed from its row index
// (rowValue): a pure function of (seed, table, field, row), with no child table held anywhere.
import { z } from 'zod';
import type { FieldDefinition, TableDefinition } from './definition.js';
import type { BuiltField } from './fields.js';
import type { RelationContext } from './scoped-ref.js';
import type { ColumnKind, Value } from './shape.js';
import type { TableRuntime } from './table-runtime.js';

const name = z.string().min(1).max(63);

export const aggregateOptions = z
  .strictObject({
    table: name.describe('the child table, laid out by this one (its ref to this table sets childrenPerParent)'),
    via: name.describe("the child table's ref to this table (the one with childrenPerParent), e.g. order_id"),
    fn: z.enum(['sum', 'count']).optional().describe('sum of a child column (default), or the number of children'),
    field: name.optional().describe('the child column summed, e.g. line_total (sum only)'),
    times: name.optional().describe('a second child column each row multiplies field by: the sum of unit_price × quantity (sum only)'),
  })
  .superRefine((v, ctx) => {
    if ((v.fn ?? 'sum') === 'sum' && v.field === undefined) ctx.addIssue({ code: 'custom', path: ['field'], message: 'sum needs the child column to add up' });
    if (v.fn === 'count' && v.field !== undefined) ctx.addIssue({ code: 'custom', path: ['field'], message: 'count counts children; it takes no field' });
    if (v.fn === 'count' && v.times !== undefined) ctx.addIssue({ code: 'custom', path: ['times'], message: 'count counts children; it multiplies nothing' });
  });

type AggregateOptions = z.infer<typeof aggregateOptions>;

export const aggregateInfo = {
  group: 'relation',
  description: "A parent's sum of a column of its children (an order's subtotal from its lines), or its number of children",
  kind: 'number' as ColumnKind,
  example: 42.5,
  exampleOptions: { table: 'order_items', via: 'order_id', field: 'line_total' },
};

const options = (field: { options?: Record<string, unknown> }) => (field.options ?? {}) as AggregateOptions;

/** The child columns an aggregate reads (compile makes them row-addressable), if any. */
export function aggregateRead(field: { type: string; options?: Record<string, unknown> }): { table: string; fields: string[]; via: string } | undefined {
  if (field.type !== 'aggregate') return undefined;
  const o = options(field);
  return o.field === undefined ? undefined : { table: o.table, fields: o.times === undefined ? [o.field] : [o.field, o.times], via: o.via };
}

/** count: integer; sum: the child column's kind (integer or number). */
export function aggregateKind(
  field: { options?: Record<string, unknown> },
  kindAt: (table: string, column: string) => ColumnKind | undefined,
): ColumnKind | undefined {
  const o = options(field);
  if (o.fn === 'count') return 'integer';
  return kindAt(o.table, o.field!) === 'integer' && (o.times === undefined || kindAt(o.table, o.times) === 'integer') ? 'integer' : 'number';
}

/** Table-aware checks: the child table is laid out by this one through `via`, and `field` is a number. */
export function checkAggregate(
  field: FieldDefinition,
  at: string,
  table: TableDefinition,
  tables: ReadonlyMap<string, TableDefinition>,
  kindAt: (table: string, column: string) => ColumnKind | undefined,
  add: (path: string, message: string) => void,
): void {
  const o = options(field);
  if (field.unique) add(`${at}.unique`, 'unique is not supported for aggregate fields');
  const child = tables.get(o.table);
  if (!child) return add(`${at}.options.table`, `unknown table "${o.table}" (tables: ${[...tables.keys()].join(', ')})`);
  if (child === table) return add(`${at}.options.table`, 'an aggregate reads another table (a table cannot lay itself out)');
  const via = child.fields.find((f) => f.name === o.via);
  const ref = via?.options as { table?: unknown; childrenPerParent?: unknown } | undefined;
  if (!via) add(`${at}.options.via`, `unknown field "${o.via}" in table ${child.name} (fields: ${child.fields.map((f) => f.name).join(', ')})`);
  else if (via.type !== 'ref' || ref?.table !== table.name)
    add(
      `${at}.options.via`,
      `${child.name}.${o.via} must be a ref to ${table.name} (it is ${via.type === 'ref' ? `a ref to ${String(ref?.table)}` : via.type})`,
    );
  else if (!ref.childrenPerParent)
    add(
      `${at}.options.via`,
      `${child.name}.${o.via} must set childrenPerParent: the children of a ${table.name} row are then side by side, so the aggregate reads them without a scan`,
    );
  for (const option of ['field', 'times'] as const) {
    const column = o[option];
    if (column === undefined) continue;
    const summed = child.fields.find((f) => f.name === column);
    if (!summed) {
      add(`${at}.options.${option}`, `unknown field "${column}" in table ${child.name} (fields: ${child.fields.map((f) => f.name).join(', ')})`);
      continue;
    }
    const kind = kindAt(child.name, summed.name);
    if (kind !== 'integer' && kind !== 'number') add(`${at}.options.${option}`, `${child.name}.${summed.name} is ${kind ?? 'of unknown kind'}, not a number`);
  }
}

/** The aggregate over parent i's children; undefined for other types. */
export function buildAggregate(field: FieldDefinition, ctx: RelationContext, kind: ColumnKind | undefined): BuiltField | undefined {
  if (field.type !== 'aggregate') return undefined;
  const o = options(field);
  const layout = ctx.layoutOf(o.table, o.via)!;
  if (o.fn === 'count') return { value: (i) => layout.countOf(i), rowFunction: true, deps: [] };
  let child: TableRuntime | undefined;
  let column = -1;
  let factor = -1;
  // rows come in order: the next parent's children start where the last one's ended
  let lastParent = -1;
  let lastEnd = 0;
  const integer = kind === 'integer';
  const value = (i: number): Value => {
    if (child === undefined) {
      child = ctx.runtimeOf(o.table);
      column = child.fieldIndex(o.field!);
      if (o.times !== undefined) factor = child.fieldIndex(o.times);
    }
    const start = i === lastParent + 1 && lastParent >= 0 ? lastEnd : layout.startOf(i);
    const end = start + layout.countOf(i);
    lastParent = i;
    lastEnd = end;
    let sum = 0;
    for (let r = start; r < end; r++) {
      const v = child.rowValue(column, r);
      if (typeof v !== 'number') continue; // nulls add nothing, as SQL's sum skips them
      if (factor < 0) sum += v;
      else {
        const w = child.rowValue(factor, r);
        if (typeof w === 'number') sum += v * w;
      }
    }
    // a sum of decimals picks up binary noise (0.1 + 0.2): 15 significant digits hold every cent
    return integer ? sum : Number(sum.toPrecision(15));
  };
  return { value, rowFunction: true, deps: [] };
}
