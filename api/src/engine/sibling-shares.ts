// An amount split among siblings: the payments of an invoice each pay a share of its total, and
// together exactly the total (never more). The table must be laid out by that parent
// (`childrenPerParent`), so a row knows its rank and how many siblings it has from its index alone:
// child k of n gets floor(T / n) units of the smallest step, the last one the remainder.
import { z } from 'zod';
import type { FieldDefinition, TableDefinition } from './definition.js';
import { checkFieldPath } from './field-path.js';
import type { BuiltField, FieldContext } from './fields.js';
import type { RelationContext } from './scoped-ref.js';
import type { ColumnKind } from './shape.js';
import { layoutRef } from './sibling-values.js';

export const shareOptions = z.strictObject({
  of: z.string().min(1).max(600).describe("the amount split, a field path (usually the parent's: invoice_id.total)"),
  per: z.string().min(1).max(63).describe('the ref with childrenPerParent whose children share the amount, e.g. invoice_id'),
  decimals: z.number().int().min(0).max(10).optional().describe('smallest step of a share: 2 for cents (default; 0 when the amount is an integer)'),
  atLeast: z
    .number()
    .optional()
    .describe('smallest share (a CHECK amount > 0: 0.01); only an amount below siblings × atLeast then gives shares adding up to more'),
});

type ShareOptions = z.infer<typeof shareOptions>;

export const shareInfo = {
  group: 'relation',
  description: "An equal share of an amount among a parent's children, adding up to it exactly (an invoice's total paid in installments)",
  kind: 'number' as ColumnKind,
  example: 40.34,
  exampleOptions: { of: 'invoice_id.total', per: 'invoice_id' },
};

const optionsOf = (field: { options?: Record<string, unknown> }) => (field.options ?? {}) as ShareOptions;

/** The kind of a share: an integer amount split in whole units stays integer. */
export function shareKind(field: { options?: Record<string, unknown> }, kindAt: (text: string) => ColumnKind | undefined): ColumnKind {
  const o = optionsOf(field);
  return kindAt(o.of) === 'integer' && (o.decimals ?? 0) === 0 ? 'integer' : 'number';
}

/** Table-aware checks: `per` lays the table out, `of` is a number. */
export function checkShare(
  field: FieldDefinition,
  at: string,
  table: TableDefinition,
  tables: ReadonlyMap<string, TableDefinition>,
  kindAt: (text: string) => ColumnKind | undefined,
  add: (path: string, message: string) => void,
): void {
  const o = optionsOf(field);
  if (field.unique) add(`${at}.unique`, 'unique is not supported for share fields (siblings share equal amounts)');
  const per = table.fields.find((f) => f.name === o.per);
  if (!per) add(`${at}.options.per`, `unknown field "${o.per}" in table ${table.name}`);
  else if (per !== layoutRef(table))
    add(
      `${at}.options.per`,
      `${table.name}.${o.per} must be the ref with childrenPerParent (set options.childrenPerParent on it: the siblings sharing an amount sit side by side)`,
    );
  const path = checkFieldPath(o.of, `${at}.options.of`, table, tables, add);
  if (!path) return;
  if (path.steps.length === 0 && path.column === field.name) return add(`${at}.options.of`, 'a share cannot split its own field');
  const kind = kindAt(o.of);
  if (kind !== 'integer' && kind !== 'number') add(`${at}.options.of`, `"${o.of}" is ${kind ?? 'of unknown kind'}, not a number`);
}

/** The share of row i; undefined for other types. */
export function buildShare(field: FieldDefinition, ctx: RelationContext, path: FieldContext['path']): BuiltField | undefined {
  if (field.type !== 'share') return undefined;
  const o = optionsOf(field);
  const layout = ctx.layoutOf(ctx.table.name, o.per)!;
  const reader = path!(o.of);
  const decimals = o.decimals ?? (reader.kind === 'integer' ? 0 : 2);
  const scale = 10 ** decimals;
  const least = o.atLeast ?? -Infinity;
  return {
    value: (i, cols, k) => {
      const amount = reader.value(i, cols, k);
      if (typeof amount !== 'number') return null;
      const parent = layout.parentOf(i);
      const start = layout.startOf(parent);
      const n = layout.countOf(parent);
      // in whole steps (cents), so the shares add up to the amount exactly; an amount with finer
      // digits is cut down to a step (never rounded up past it), the 1e-6 absorbing binary noise
      const units = Math.floor(amount * scale + 1e-6);
      const each = Math.floor(units / n);
      const share = (i - start === n - 1 ? units - each * (n - 1) : each) / scale;
      return share < least ? least : share;
    },
    rowFunction: true,
    deps: reader.deps,
  };
}
