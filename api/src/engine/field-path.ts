// Field paths: the one syntax every primitive uses to name a value reachable from the current row.
// `col` is this row's column; `ref_col.col` follows this row's ref field to the parent row it
// picked; `ref_col.ref_col2.col` goes on to the grandparent. Validation (names, refs) lives here,
// and so does the runtime reader that recomputes a parent's value from its row index.
import type { FieldDefinition, TableDefinition } from './definition.js';
import type { ColumnKind, Value } from './shape.js';
import type { TableRuntime } from './table-runtime.js';

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Longest path: a few generations up is plenty, and it bounds recursion. */
export const MAX_PATH_HOPS = 8;

export interface ParsedPath {
  text: string;
  /** Ref field names followed, in order (empty: the current row). */
  hops: string[];
  column: string;
}

/** One ref followed: the ref field `field` of table `table`, pointing into `parent`. */
export interface PathHop {
  table: string;
  field: string;
  parent: string;
}

export interface ResolvedPath extends ParsedPath {
  hops: string[];
  steps: PathHop[];
  /** The table holding `column` (the current table when there are no hops). */
  table: string;
  field: FieldDefinition;
}

/** Syntax only; an error message when the text is not a path. */
export function parseFieldPath(text: unknown): ParsedPath | string {
  if (typeof text !== 'string' || text.length === 0) return 'must be a field path such as "created_at" or "customer_id.created_at"';
  const parts = text.split('.');
  for (const part of parts) if (!SEGMENT.test(part)) return `"${text}" is not a field path (names separated by dots, e.g. customer_id.created_at)`;
  if (parts.length - 1 > MAX_PATH_HOPS) return `"${text}" follows more than ${MAX_PATH_HOPS} refs`;
  return { text, hops: parts.slice(0, -1), column: parts[parts.length - 1] };
}

/** Resolves a path from a row of `table`; an error message naming the bad segment otherwise. */
export function resolveFieldPath(text: unknown, table: TableDefinition, tables: ReadonlyMap<string, TableDefinition>): ResolvedPath | string {
  const parsed = parseFieldPath(text);
  if (typeof parsed === 'string') return parsed;
  let current = table;
  const steps: PathHop[] = [];
  let walked = '';
  for (const hop of parsed.hops) {
    const field = current.fields.find((f) => f.name === hop);
    const where = walked ? `${walked} (table ${current.name})` : `table ${current.name}`;
    if (!field) return `unknown field "${hop}" in ${where} (fields: ${names(current)})`;
    if (field.type !== 'ref') return `"${walked ? `${walked}.` : ''}${hop}" is not a ref field (it is ${field.type}), so the path cannot go through it`;
    const parentName = String((field.options as { table?: unknown } | undefined)?.table);
    const parent = tables.get(parentName);
    if (!parent) return `ref "${hop}" points to unknown table "${parentName}"`;
    steps.push({ table: current.name, field: hop, parent: parent.name });
    current = parent;
    walked = walked ? `${walked}.${hop}` : hop;
  }
  const field = current.fields.find((f) => f.name === parsed.column);
  if (!field)
    return walked
      ? `unknown parent column "${parsed.column}" in table ${current.name} (reached by ${walked}; fields: ${names(current)})`
      : `unknown field "${parsed.column}" in table ${current.name} (fields: ${names(current)})`;
  return { ...parsed, steps, table: current.name, field };
}

function names(table: TableDefinition): string {
  return table.fields.map((f) => f.name).join(', ');
}

/** Validates a path option, reporting at `at`; the resolved path when it is good. */
export function checkFieldPath(
  text: unknown,
  at: string,
  table: TableDefinition,
  tables: ReadonlyMap<string, TableDefinition>,
  add: (path: string, message: string) => void,
): ResolvedPath | undefined {
  const resolved = resolveFieldPath(text, table, tables);
  if (typeof resolved === 'string') {
    add(at, resolved);
    return undefined;
  }
  return resolved;
}

/**
 * Reads a path's value while generating row i of a table. `deps` are the same-row fields it needs
 * (the column itself, or the first ref followed); `value` and `row` take the same (i, cols, k) as
 * a field's ValueFn. `row` is the row index in `table` the path lands on (-1: a ref on the way is null).
 */
export interface PathReader {
  readonly path: ResolvedPath;
  /** The column kind at the end of the path (when known). */
  kind?: ColumnKind;
  readonly deps: number[];
  value(i: number, cols: Value[][], k: number): Value;
  row(i: number, cols: Value[][], k: number): number;
}

/**
 * Builds a reader. `runtimeOf` is called lazily (on first read), so readers can be built while
 * the plan's runtimes are still being made.
 */
export function pathReader(path: ResolvedPath, fieldIndex: ReadonlyMap<string, number>, runtimeOf: (table: string) => TableRuntime): PathReader {
  if (path.steps.length === 0) {
    const f = fieldIndex.get(path.column)!;
    return {
      path,
      deps: [f],
      value: (_i, cols, k) => cols[f][k],
      row: (i) => i,
    };
  }
  const first = fieldIndex.get(path.steps[0].field)!;
  const hops = path.steps.length;
  // resolved on first use: [runtime, field index] per step, then the target
  let own: TableRuntime | undefined;
  const hopRuntimes: TableRuntime[] = [];
  const hopFields: number[] = [];
  let target: TableRuntime | undefined;
  let targetField = -1;
  const resolve = () => {
    own = runtimeOf(path.steps[0].table);
    for (let h = 1; h < hops; h++) {
      const rt = runtimeOf(path.steps[h].table);
      hopRuntimes.push(rt);
      hopFields.push(rt.fieldIndex(path.steps[h].field));
    }
    target = runtimeOf(path.table);
    targetField = target.fieldIndex(path.column);
  };
  const row = (i: number, cols: Value[][], k: number): number => {
    if (cols[first][k] === null) return -1;
    if (own === undefined) resolve();
    let r = own!.parentRow(first, i);
    for (let h = 0; h < hops - 1 && r >= 0; h++) {
      const rt = hopRuntimes[h];
      const f = hopFields[h];
      r = rt.isNull(f, r) ? -1 : rt.parentRow(f, r);
    }
    return r;
  };
  return {
    path,
    deps: [first],
    row,
    value: (i, cols, k) => {
      const r = row(i, cols, k);
      return r < 0 ? null : target!.rowValue(targetField, r);
    },
  };
}

const MAY_BE_NULL_THROUGH = new Set(['lookup', 'dateAfter', 'after', 'before', 'expression', 'share']);

/**
 * Whether a path can read null: a nullable ref on the way, a self-reference (row 0 has no parent),
 * or a nullable target (followed through copies). Conservative: used for column nullability.
 */
export function pathMayBeNull(text: unknown, table: TableDefinition, tables: ReadonlyMap<string, TableDefinition>, depth = 0): boolean {
  const path = resolveFieldPath(text, table, tables);
  if (typeof path === 'string' || depth > MAX_PATH_HOPS) return true;
  for (const step of path.steps) {
    if (step.table === step.parent) return true;
    const ref = tables.get(step.table)!.fields.find((f) => f.name === step.field)!;
    if ((ref.nullRate ?? 0) > 0) return true;
  }
  const target = path.field;
  if ((target.nullRate ?? 0) > 0) return true;
  if (target.type === 'constant') return (target.options as { value?: unknown } | undefined)?.value === null;
  if (target.type === 'pick') return ((target.options as { values?: unknown[] } | undefined)?.values ?? []).includes(null);
  if (!MAY_BE_NULL_THROUGH.has(target.type)) return false;
  const options = (target.options ?? {}) as Record<string, unknown>;
  const owner = tables.get(path.table)!;
  if (target.type === 'lookup') return pathMayBeNull(options.path, owner, tables, depth + 1);
  if (target.type === 'share') return pathMayBeNull(options.of, owner, tables, depth + 1);
  if (target.type === 'dateAfter') return pathMayBeNull(options.field, owner, tables, depth + 1);
  if (target.type === 'expression') return true;
  if (options.fallback !== undefined) return false;
  const froms = Array.isArray(options.from) ? options.from : [options.from];
  return froms.every((f) => pathMayBeNull(f, owner, tables, depth + 1));
}
