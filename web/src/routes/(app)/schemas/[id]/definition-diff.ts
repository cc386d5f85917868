// What a proposed change does to a definition, line by line, for the assistant panel: tables and
// fields added, removed or changed (and how), settings and profiles changed.
import type { Definition, FieldDefinition, TableDefinition } from '$lib/definition';

export interface DiffLine {
  kind: 'added' | 'removed' | 'changed';
  /** Where: `orders`, `orders.product_name`, `locale`. */
  path: string;
  /** What, in words: `pick (5 values)`, `type lorem.words → pick`. */
  detail: string;
}

const text = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function describeField(field: FieldDefinition): string {
  const values = field.type === 'pick' && Array.isArray(field.options?.values) ? ` (${field.options.values.length} values)` : '';
  return `${field.type}${values}${field.description ? ` — ${field.description}` : ''}`;
}

function fieldChanges(before: FieldDefinition, after: FieldDefinition): string[] {
  const out: string[] = [];
  if (before.type !== after.type) out.push(`type ${before.type} → ${describeField({ ...after, description: undefined })}`);
  else if (!same(before.options, after.options)) out.push(`options ${text(before.options)} → ${text(after.options)}`);
  if (before.description !== after.description) out.push(`description ${text(before.description)} → ${text(after.description)}`);
  for (const key of ['nullRate', 'unique'] as const) if (!same(before[key], after[key])) out.push(`${key} ${text(before[key])} → ${text(after[key])}`);
  const known = new Set(['name', 'type', 'options', 'description', 'nullRate', 'unique']);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((key) => !known.has(key)));
  for (const key of keys) {
    const a = (before as unknown as Record<string, unknown>)[key];
    const b = (after as unknown as Record<string, unknown>)[key];
    if (!same(a, b)) out.push(`${key} ${text(a)} → ${text(b)}`);
  }
  return out;
}

function tableChanges(before: TableDefinition, after: TableDefinition, lines: DiffLine[]): void {
  const fieldsBefore = new Map(before.fields.map((field) => [field.name, field]));
  const fieldsAfter = new Map(after.fields.map((field) => [field.name, field]));
  for (const field of after.fields) {
    const old = fieldsBefore.get(field.name);
    const path = `${after.name}.${field.name}`;
    if (!old) lines.push({ kind: 'added', path, detail: describeField(field) });
    else for (const detail of fieldChanges(old, field)) lines.push({ kind: 'changed', path, detail });
  }
  for (const field of before.fields)
    if (!fieldsAfter.has(field.name)) lines.push({ kind: 'removed', path: `${before.name}.${field.name}`, detail: describeField(field) });
  const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((key) => key !== 'fields' && key !== 'name'));
  for (const key of keys) {
    if (!same(before[key], after[key])) lines.push({ kind: 'changed', path: `${after.name}`, detail: `${key} ${text(before[key])} → ${text(after[key])}` });
  }
}

/** The lines that take `before` to `after` (null before: everything is added). */
export function definitionDiff(before: Definition | null, after: Definition): DiffLine[] {
  const lines: DiffLine[] = [];
  const tablesBefore = new Map((before?.tables ?? []).map((table) => [table.name, table]));
  const tablesAfter = new Map(after.tables.map((table) => [table.name, table]));
  for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(after)])) {
    if (key === 'tables' || key === 'version') continue;
    const a = before?.[key];
    const b = after[key];
    if (!same(a, b)) lines.push({ kind: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed', path: key, detail: `${text(a)} → ${text(b)}` });
  }
  for (const table of after.tables) {
    const old = tablesBefore.get(table.name);
    if (!old) {
      lines.push({ kind: 'added', path: table.name, detail: `table of ${table.fields.length} fields${table.rows ? `, ${table.rows} rows` : ''}` });
      for (const field of table.fields) lines.push({ kind: 'added', path: `${table.name}.${field.name}`, detail: describeField(field) });
    } else tableChanges(old, table, lines);
  }
  for (const table of before?.tables ?? []) if (!tablesAfter.has(table.name)) lines.push({ kind: 'removed', path: table.name, detail: 'table' });
  return lines;
}
