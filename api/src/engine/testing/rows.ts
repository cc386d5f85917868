// Helpers of the engine's unit tests: a table's rows, one column of them, value kinds, a stable text form.
import { compile, DefinitionError, type DefinitionIssue, generateRows, type Definition, type Plan, type Row } from '../index.js';
import type { ColumnKind, Value } from '../shape.js';

export function allRows(plan: Plan, table: string, start = 0, end?: number, batchSize?: number): Row[] {
  const shape = plan.tables.find((t) => t.name === table)!;
  const out: Row[] = [];
  for (const batch of generateRows(plan, table, start, end ?? shape.rows, batchSize)) out.push(...batch);
  return out;
}

export function column(plan: Plan, rows: Row[], table: string, name: string): Value[] {
  const index = plan.tables.find((t) => t.name === table)!.columns.findIndex((c) => c.name === name);
  if (index < 0) throw new Error(`no column ${table}.${name}`);
  return rows.map((r) => r[index]);
}

export function rowsOf(definition: Definition, table: string, options: Parameters<typeof compile>[1] = {}): { plan: Plan; rows: Row[] } {
  const plan = compile(definition, options);
  return { plan, rows: allRows(plan, table) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function hasKind(value: Value, kind: ColumnKind): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'timestamp':
    case 'date':
      return value instanceof Date && !Number.isNaN(value.getTime());
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'json':
      return value !== null && typeof value === 'object' && !(value instanceof Date);
    case 'array':
      return Array.isArray(value);
  }
}

/** A stable text form of rows (dates as ISO) for comparing and hashing. */
export function serialize(rows: Row[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n');
}

/** The issues compile reports for a definition (none when it compiles); other errors are thrown. */
export function compileIssues(definition: Definition): DefinitionIssue[] {
  try {
    compile(definition);
    return [];
  } catch (e) {
    if (e instanceof DefinitionError) return e.issues;
    throw e;
  }
}
