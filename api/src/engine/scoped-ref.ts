// Scoped references: a ref limited to the parent rows that share an ancestor with the current row
// (an invoice's billing address among its customer's addresses). Exact without holding a table:
// when the target table is laid out by the ancestor (childrenPerParent refs all the way up), the
// targets of ancestor row a are the contiguous rows [startOf(a), startOf(a + 1)) of that layout.
import { z } from 'zod';
import type { ChildLayout, PerParent } from './child-layout.js';
import { perParentBounds } from './child-layout.js';
import { DEFAULT_REFERENCE_DATE, type FieldDefinition, type TableDefinition } from './definition.js';
import { compileExpression, ExpressionError, expressionPaths, parsedExpression, parseExpression } from './expression.js';
import { resolveFieldPath, type ResolvedPath } from './field-path.js';
import type { BuiltField } from './fields.js';
import { type Key, subKey, unit53At } from './random.js';
import type { Value } from './shape.js';
import type { TableRuntime } from './table-runtime.js';

const pathText = z.string().min(1).max(600);

export const scopeSchema = z.strictObject({
  target: pathText.describe('ref (or chain of refs, e.g. repo_id.org_id) of the target table, each with childrenPerParent, up to the ancestor'),
  equals: pathText.describe('field path of this row ending at a ref to the same ancestor, e.g. customer_id or project_id.tenant_id'),
  ifEmpty: z.enum(['null', 'error']).optional().describe('an ancestor without targets gives null (the column becomes nullable); default error'),
});

export const sameAsSchema = z.strictObject({
  path: pathText.describe('field path ending at a ref to the same table, e.g. thread_id.author_id'),
  rate: z.number().min(0).max(1).optional().describe('share of rows that take that row (default 1); the others choose as usual'),
  when: z
    .string()
    .min(1)
    .max(2000)
    .optional()
    .describe("an expression of the row's parents (paths through its other refs): only rows where it is true take that row; the others choose as usual"),
});

export type ScopeOptions = z.infer<typeof scopeSchema>;
export type SameAsOptions = z.infer<typeof sameAsSchema>;
type RefOptions = {
  table: string;
  field: string;
  childrenPerParent?: PerParent;
  scope?: ScopeOptions;
  sameAs?: SameAsOptions;
  distinctWithin?: string;
  unique?: boolean;
  differentFrom?: string;
  choice?: string;
};

/** What relation builders need from compile: definitions, row counts, layouts and (lazily) runtimes. */
export interface RelationContext {
  table: TableDefinition;
  tables: ReadonlyMap<string, TableDefinition>;
  key: Key;
  rows: ReadonlyMap<string, number>;
  layoutOf: (table: string, field: string) => ChildLayout | undefined;
  runtimeOf: (table: string) => TableRuntime;
  /** The ref's target value at a target row. */
  parentValue?: (j: number) => Value;
  /** The definition's reference instant (date series count from it). */
  referenceDate?: Date;
}

/** One ref followed: field `field` of table `table`. */
export interface RefStep {
  table: string;
  field: string;
}

/** The refs a path follows, its last column included (the path must end at a ref). */
export function refSteps(path: ResolvedPath): RefStep[] {
  return [...path.steps.map((s) => ({ table: s.table, field: s.field })), { table: path.table, field: path.column }];
}

/**
 * Row index in the last ref's target table reached from row i of the first step's table by
 * following the refs (-1: a ref on the way is null). Runtimes are looked up on first use.
 */
export function refChain(steps: RefStep[], runtimeOf: (table: string) => TableRuntime): (i: number) => number {
  let runtimes: TableRuntime[] | undefined;
  let fields: number[] = [];
  let nullable: boolean[] = [];
  const resolve = () => {
    runtimes = steps.map((s) => runtimeOf(s.table));
    fields = steps.map((s, h) => runtimes![h].fieldIndex(s.field));
    nullable = steps.map((_, h) => runtimes![h].fields[fields[h]].nullRate > 0);
  };
  return (i) => {
    if (runtimes === undefined) resolve();
    let r = i;
    for (let h = 0; h < steps.length && r >= 0; h++) {
      const rt = runtimes![h];
      r = nullable[h] && rt.isNull(fields[h], r) ? -1 : rt.parentRow(fields[h], r);
    }
    return r;
  };
}

/** The `childrenPerParent` of a ref field, when it has one. */
function perParentOf(field: FieldDefinition | undefined): PerParent | undefined {
  return field?.type === 'ref' ? (field.options as RefOptions | undefined)?.childrenPerParent : undefined;
}

function refTable(field: FieldDefinition): string {
  return String((field.options as RefOptions | undefined)?.table);
}

/** Whether the column may hold null because of its scope. */
export function scopeNullable(field: FieldDefinition): boolean {
  return field.type === 'ref' && (field.options as RefOptions | undefined)?.scope?.ifEmpty === 'null';
}

/** Definition checks of `scope` and `sameAs` on a ref field (`at` is the field's path). */
export function checkScopedRef(
  field: FieldDefinition,
  at: string,
  table: TableDefinition,
  tables: ReadonlyMap<string, TableDefinition>,
  add: (path: string, message: string) => void,
): void {
  const options = field.options as RefOptions;
  const target = tables.get(options.table);
  if (!target) return;
  if (options.scope) {
    const where = `${at}.options.scope`;
    if (options.childrenPerParent) add(where, 'a ref cannot both set childrenPerParent and a scope');
    if (field.unique) add(`${at}.unique`, 'a scoped ref cannot be unique');
    // a scoped self-reference picks among the earlier rows of its scope (the first one gets null)
    const self = target === table;
    const down = resolveFieldPath(options.scope.target, target, tables);
    const up = resolveFieldPath(options.scope.equals, table, tables);
    if (typeof down === 'string') add(`${where}.target`, `${down} (a path in table ${target.name})`);
    if (typeof up === 'string') add(`${where}.equals`, up);
    if (typeof down === 'string' || typeof up === 'string') return;
    // every step of the target path must lay its table out by its parent
    let emptyPossible = false;
    for (const step of refSteps(down)) {
      const stepField = tables.get(step.table)!.fields.find((f) => f.name === step.field);
      const perParent = perParentOf(stepField);
      if (!perParent) {
        add(
          `${where}.target`,
          `${step.table}.${step.field} must be a ref with childrenPerParent (the targets of one ancestor are then a contiguous range of rows); scope targets laid out by their ancestor only`,
        );
        return;
      }
      if (perParentBounds(perParent).min === 0) emptyPossible = true;
    }
    if (options.distinctWithin) return; // a join's partners: many-to-many checks the scope's size
    const ancestor = refTable(down.field);
    const upField = up.field;
    if (upField.type !== 'ref') {
      add(`${where}.equals`, `"${up.text}" must end at a ref to ${ancestor} (it ends at ${up.table}.${up.column}, a ${upField.type} field)`);
      return;
    }
    if (refTable(upField) !== ancestor) {
      add(
        `${where}.equals`,
        `"${up.text}" reaches table ${refTable(upField)}, but target ${target.name}.${down.text} reaches ${ancestor}: both sides must reach the same table`,
      );
      return;
    }
    const nullable = self || (field.nullRate ?? 0) > 0 || options.scope.ifEmpty === 'null';
    if (emptyPossible && !nullable)
      add(
        where,
        `a ${ancestor} row can have no ${target.name} (childrenPerParent allows 0 along ${target.name}.${down.text}), so ${table.name}.${field.name} could have nothing to choose: set min ≥ 1 there, or let the column be null (scope.ifEmpty "null" or a nullRate)`,
      );
    const nullHop = refSteps(up).find((s) => (tables.get(s.table)!.fields.find((f) => f.name === s.field)?.nullRate ?? 0) > 0);
    if (nullHop && !nullable)
      add(
        `${where}.equals`,
        `${nullHop.table}.${nullHop.field} may be null, leaving no scope: let ${table.name}.${field.name} be null too (scope.ifEmpty "null" or a nullRate)`,
      );
  }
  if (options.differentFrom !== undefined) checkDifferentFrom(field, `${at}.options.differentFrom`, table, tables, target.name, add);
  if (options.sameAs) {
    const where = `${at}.options.sameAs`;
    if (options.childrenPerParent) add(where, 'a ref cannot both set childrenPerParent and sameAs');
    if (field.unique) add(`${at}.unique`, 'a ref with sameAs cannot be unique');
    if (options.distinctWithin) add(where, 'sameAs and distinctWithin cannot be combined');
    const path = resolveFieldPath(options.sameAs.path, table, tables);
    if (typeof path === 'string') add(`${where}.path`, path);
    else if (path.field.type !== 'ref' || refTable(path.field) !== target.name)
      add(`${where}.path`, `"${path.text}" must end at a ref to table ${target.name} (it ends at ${path.table}.${path.column}, a ${path.field.type} field)`);
    else if (path.steps.length === 0 && path.column === field.name) add(`${where}.path`, 'a ref cannot be the same as itself');
    if (options.sameAs.when !== undefined) checkSameAsWhen(options.sameAs.when, `${where}.when`, field, table, tables, add);
  }
}

/** `sameAs.when` reads the row's parents only: each path goes through another ref of the row. */
function checkSameAsWhen(
  text: string,
  where: string,
  field: FieldDefinition,
  table: TableDefinition,
  tables: ReadonlyMap<string, TableDefinition>,
  add: (path: string, message: string) => void,
): void {
  try {
    for (const { path: p, position } of expressionPaths(parseExpression(text))) {
      const path = resolveFieldPath(p, table, tables);
      if (typeof path === 'string') add(where, `at position ${position}: ${path}`);
      else if (path.steps.length === 0)
        add(where, `at position ${position}: "${p}" is a column of this row; when reads parents (a path through a ref, e.g. list_id.is_shared)`);
      else if (path.steps[0].field === field.name) add(where, `at position ${position}: "${p}" goes through ${field.name} itself, which picks by it`);
    }
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    add(where, error.message);
  }
}

/** The paths `sameAs.when` reads (compile reads them one row at a time), when the ref has one. */
export function sameAsWhenPaths(field: FieldDefinition): string[] {
  const when = field.type === 'ref' ? (field.options as RefOptions | undefined)?.sameAs?.when : undefined;
  if (when === undefined) return [];
  try {
    return expressionPaths(parsedExpression(when)).map((p) => p.path);
  } catch {
    return [];
  }
}

/** The value at a path of row i (through its refs; null when a ref on the way is null), one row at a time. */
export function pathValueAt(path: ResolvedPath, ctx: Pick<RelationContext, 'runtimeOf'>): (i: number) => Value {
  const rowOf = path.steps.length === 0 ? (i: number) => i : refChain(path.steps, ctx.runtimeOf);
  let runtime: TableRuntime | undefined;
  let column = -1;
  return (i) => {
    const r = rowOf(i);
    if (r < 0) return null;
    if (!runtime) {
      runtime = ctx.runtimeOf(path.table);
      column = runtime.fieldIndex(path.column);
    }
    return runtime.rowValue(column, r);
  };
}

/**
 * `differentFrom`: another ref of this row to the target table, or a path ending at one
 * (version_id.package_id). With distinctWithin the path must start at the left ref, so the avoided
 * row is the same for all of a left row's partners and they stay distinct.
 */
function checkDifferentFrom(
  field: FieldDefinition,
  where: string,
  table: TableDefinition,
  tables: ReadonlyMap<string, TableDefinition>,
  target: string,
  add: (path: string, message: string) => void,
): void {
  const options = field.options as RefOptions;
  const text = options.differentFrom!;
  if (!text.includes('.')) {
    const other = table.fields.find((f) => f.name === text);
    if (!other) add(where, `unknown field "${text}" in table ${table.name}`);
    else if (other === field) add(where, 'a ref cannot differ from itself');
    else if (other.type !== 'ref' || refTable(other) !== target) add(where, `${table.name}.${other.name} must be a ref to table ${target}`);
  } else {
    const path = resolveFieldPath(text, table, tables);
    if (typeof path === 'string') add(where, path);
    else if (path.field.type !== 'ref' || refTable(path.field) !== target)
      add(where, `"${path.text}" must end at a ref to table ${target} (it ends at ${path.table}.${path.column}, a ${path.field.type} field)`);
    else if (options.distinctWithin !== undefined && path.steps[0]?.field !== options.distinctWithin)
      add(where, `with distinctWithin, "${path.text}" must start at the left ref ${options.distinctWithin} (e.g. ${options.distinctWithin}.${path.column})`);
  }
  if (options.distinctWithin !== undefined && !text.includes('.'))
    add(where, `with distinctWithin, differentFrom must be a path from the left ref (e.g. ${options.distinctWithin}.${text})`);
  if (options.childrenPerParent || options.sameAs || field.unique)
    add(where, 'differentFrom picks a parent freely: it cannot be combined with childrenPerParent, sameAs or unique');
  if (options.choice === 'skewed') add(where, 'differentFrom chooses uniformly: drop choice "skewed"');
}

/**
 * The target rows in scope for row i: writes [lo, hi) into `out` (hi = lo when the ancestor has no
 * targets); false when a ref on the way to the ancestor is null.
 */
export function scopeRange(scope: ScopeOptions, targetTable: string, ctx: RelationContext): (i: number, out: Float64Array) => boolean {
  const target = ctx.tables.get(targetTable)!;
  const down = resolveFieldPath(scope.target, target, ctx.tables) as ResolvedPath;
  const up = resolveFieldPath(scope.equals, ctx.table, ctx.tables) as ResolvedPath;
  const ancestorOf = refChain(refSteps(up), ctx.runtimeOf);
  // layouts from the ancestor down to the target table
  const layouts = refSteps(down)
    .reverse()
    .map((s) => ctx.layoutOf(s.table, s.field)!);
  return (i, out) => {
    const a = ancestorOf(i);
    if (a < 0) return false;
    let lo = layouts[0].startOf(a);
    let hi = lo + layouts[0].countOf(a);
    for (let l = 1; l < layouts.length && hi > lo; l++) {
      const next = layouts[l].startOf(lo);
      hi = hi === lo + 1 ? next + layouts[l].countOf(lo) : layouts[l].startOf(hi);
      lo = next;
    }
    out[0] = lo;
    out[1] = hi;
    return true;
  };
}

/** Fewest targets any ancestor has in a scope (the product of the layouts' minimums). */
export function scopeMinimum(scope: ScopeOptions, targetTable: string, tables: ReadonlyMap<string, TableDefinition>): number {
  const target = tables.get(targetTable);
  const down = target && resolveFieldPath(scope.target, target, tables);
  if (!down || typeof down === 'string') return 0;
  let min = 1;
  for (const step of refSteps(down)) {
    const perParent = perParentOf(tables.get(step.table)!.fields.find((f) => f.name === step.field));
    min *= perParent ? perParentBounds(perParent).min : 0;
  }
  return min;
}

/** Whether two values of one column are the same (dates by their instant). */
function sameValue(a: Value, b: Value): boolean {
  return a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());
}

/** The generator of a ref with `scope` and/or `sameAs`; undefined for other refs. */
export function buildScopedRef(field: FieldDefinition, ctx: RelationContext): BuiltField | undefined {
  const options = field.options as RefOptions;
  if (!options.scope && !options.sameAs && options.differentFrom === undefined) return undefined;
  const avoidedPath = options.differentFrom === undefined ? undefined : (resolveFieldPath(options.differentFrom, ctx.table, ctx.tables) as ResolvedPath);
  const parentValue = ctx.parentValue!;
  const parentRows = ctx.rows.get(options.table)!;
  const choose = subKey(ctx.key, 7);
  // differentFrom: the row another ref of this row took is left out of the choice
  const avoided = avoidedPath && refChain(refSteps(avoidedPath), ctx.runtimeOf);
  const orNone = options.scope?.ifEmpty === 'null' || (field.nullRate ?? 0) > 0;
  const self = options.table === ctx.table.name;
  const other = (i: number, lo: number, hi: number, avoid: number) => {
    const r = lo + Math.floor(unit53At(choose, i) * (hi - lo - 1));
    return r >= avoid ? r + 1 : r;
  };
  // a target column whose values repeat across rows (a join's member column: one person in several
  // groups) can hold the avoided value in other rows too: those rows are avoided as well
  const target = ctx.tables.get(options.table);
  const distinctValues =
    target?.fields.find((f) => f.name === options.field)?.unique === true || (target?.primaryKey?.length === 1 && target.primaryKey[0] === options.field);
  /**
   * A uniform row of [lo, hi) other than the avoided one (and, for repeating values, holding another
   * value: the next such row after the draw); -1 when there is none.
   */
  const apart = (i: number, lo: number, hi: number, avoid: number) => {
    const inside = avoid >= lo && avoid < hi;
    if (inside && hi - lo < 2) return -1;
    let r = inside ? other(i, lo, hi, avoid) : lo + Math.floor(unit53At(choose, i) * (hi - lo));
    if (distinctValues) return r;
    const avoidedValue = parentValue(avoid);
    for (let k = 0; k < hi - lo; k++, r = r + 1 >= hi ? lo : r + 1) if (r !== avoid && !sameValue(parentValue(r), avoidedValue)) return r;
    return -1;
  };
  /**
   * A uniform row of [lo, hi) other than the avoided one. When that one is all the scope holds: null
   * if the column may be null, else another row of the whole table (earlier ones for a self-reference).
   */
  const within = (i: number, lo: number, hi: number) => {
    if (hi <= lo) return -1;
    const avoid = avoided ? avoided(i) : -1;
    if (avoid < 0) return lo + Math.floor(unit53At(choose, i) * (hi - lo));
    const r = apart(i, lo, hi, avoid);
    if (r >= 0 || orNone) return r;
    const end = self ? Math.min(i, parentRows) : parentRows;
    if (end < 2 || avoid >= end) return avoid;
    const wide = apart(i, 0, end, avoid);
    return wide >= 0 ? wide : avoid;
  };
  let pickRow = (i: number) => within(i, 0, parentRows);

  if (options.scope) {
    const range = scopeRange(options.scope, options.table, ctx);
    const bounds = new Float64Array(2);
    // a self-reference: only the rows of the scope before this one (so its parent is always earlier)
    pickRow = (i) => {
      if (!range(i, bounds)) return -1;
      const lo = bounds[0];
      const hi = self && bounds[1] > i ? i : bounds[1];
      return within(i, lo, hi);
    };
  }

  if (options.sameAs) {
    const path = resolveFieldPath(options.sameAs.path, ctx.table, ctx.tables) as ResolvedPath;
    const sameRow = refChain(refSteps(path), ctx.runtimeOf);
    const rate = options.sameAs.rate ?? 1;
    const same = subKey(ctx.key, 13);
    const otherwise = pickRow;
    // only the rows whose parents say so take that row (a list nobody else may edit: its owner)
    const when =
      options.sameAs.when === undefined
        ? undefined
        : compileExpression(parsedExpression(options.sameAs.when), (text) => pathValueAt(resolveFieldPath(text, ctx.table, ctx.tables) as ResolvedPath, ctx), {
            referenceDate: ctx.referenceDate ?? new Date(DEFAULT_REFERENCE_DATE),
          });
    pickRow = (i) => {
      if (when && when(i, [], 0) !== true) return otherwise(i);
      if (rate < 1 && unit53At(same, i) >= rate) return otherwise(i);
      const r = sameRow(i);
      return r >= 0 ? r : otherwise(i);
    };
  }

  const finalPick = pickRow;
  return {
    value: (i) => {
      const r = finalPick(i);
      return r < 0 ? null : parentValue(r);
    },
    rowFunction: true,
    deps: [],
    parentRow: finalPick,
  };
}
