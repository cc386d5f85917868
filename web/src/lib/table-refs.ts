// References between tables: which fields point at a table (options.table), renaming a table
// with the fields that point at it, and why a table's children cannot be generated.
import type { Definition, TableDefinition } from './definition';

export interface Referrer {
  table: string;
  field: string;
}

const targetOf = (options: Record<string, unknown> | undefined) => (typeof options?.table === 'string' ? options.table : undefined);

/** Fields of other tables (and of this one) that point at `table`. */
export function referrersOf(definition: Definition, table: string): Referrer[] {
  return definition.tables.flatMap((t) => t.fields.filter((f) => targetOf(f.options) === table).map((f) => ({ table: t.name, field: f.name })));
}

/**
 * Renames the table at `index` to `name` in place, and points every field that pointed at its
 * old name at the new one. Does nothing to the refs when another table already has the old name
 * (they point at that one).
 */
export function renameTable(definition: Definition, index: number, name: string): void {
  const table = definition.tables[index];
  if (!table) return;
  const old = table.name;
  table.name = name;
  if (old === name || definition.tables.some((t, k) => k !== index && t.name === old)) return;
  for (const t of definition.tables) for (const f of t.fields) if (f.options && targetOf(f.options) === old) f.options = { ...f.options, table: name };
}

/**
 * Why the children of a table with 0 rows cannot be generated, or null when it has rows or no
 * children (a ref that is always null needs no parent row).
 */
export function emptyParentNote(definition: Definition, table: TableDefinition): string | null {
  if (table.rows !== 0) return null;
  const children = definition.tables
    .filter((t) => t.name !== table.name && t.rows !== 0)
    .flatMap((t) => t.fields.filter((f) => targetOf(f.options) === table.name && f.type === 'ref' && (f.nullRate ?? 0) < 1).map((f) => `${t.name}.${f.name}`));
  if (children.length === 0) return null;
  return `${table.name} has 0 rows, so ${children.join(', ')} ${children.length === 1 ? 'has' : 'have'} no row to point at and ${children.length === 1 ? 'its table' : 'their tables'} can't be generated. Give ${table.name} at least 1 row, or let ${children.length === 1 ? 'that field' : 'those fields'} be 100 % null.`;
}
