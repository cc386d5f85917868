// An export's row counts: `rowCount` for every table, or (startExport's tableRows) a count per table
// by name with `rowCount` for the tables not named. Tables whose ref has children per parent take
// their rows from their parents either way.
import type { Definition } from '../engine/index.js';

/** Rows of named tables, instead of the export's rowCount (jobPayloadSchema.tableRows). */
export type TableRows = Record<string, number>;

/** What compile is given: `{ rows }` alone, or a definition whose tables carry their own counts. */
export function rowCountsOf(definition: Definition, rowCount: number, tableRows: TableRows | undefined): { definition: Definition; rows?: number } {
  if (!tableRows) return { definition, rows: rowCount };
  return { definition: { ...definition, tables: definition.tables.map((table) => ({ ...table, rows: tableRows[table.name] ?? rowCount })) } };
}

/** `tableRows` as a map, or the problems (path, message) of the entries that name no table, repeat one or ask too many rows. */
export function tableRowsOf(
  definition: Definition,
  entries: readonly { table: string; rows: number }[],
  maxRows: number,
): { ok: true; tableRows: TableRows } | { ok: false; problems: { path: string; message: string }[] } {
  const names = new Set(definition.tables.map((table) => table.name));
  const tableRows: TableRows = {};
  const problems: { path: string; message: string }[] = [];
  entries.forEach(({ table, rows }, i) => {
    if (!names.has(table)) problems.push({ path: `tableRows[${i}].table`, message: `no table "${table}" (tables: ${[...names].join(', ')})` });
    else if (Object.hasOwn(tableRows, table)) problems.push({ path: `tableRows[${i}].table`, message: `table "${table}" is named twice` });
    else if (!Number.isInteger(rows) || rows < 0 || rows > maxRows)
      problems.push({ path: `tableRows[${i}].rows`, message: `must be a whole number from 0 to ${maxRows} (got ${rows})` });
    else tableRows[table] = rows;
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, tableRows };
}
