// What importSchema answered, shaped for the "New schema from SQL" dialog: per table its columns
// with the generator chosen (a ref as its target) and why, the importer's notes in SQL order, the
// SQL it could not read in words at its line and column, and a name for the new schema.

export interface ImportedColumn {
  table: string;
  column: string;
  generator: string;
  options?: unknown;
  reason: string;
  pattern?: string | null;
}

export interface ImportNote {
  line: number;
  column: number;
  message: string;
}

export interface ImportedTable {
  table: string;
  columns: { column: string; generator: string; reason: string }[];
}

/** `ref` as "ref → authors.id", `after`/`before` with their other side, `lookup` with its path; every other generator as its id. */
export function generatorText(column: Pick<ImportedColumn, 'generator' | 'options'>): string {
  const options = (column.options ?? {}) as { table?: unknown; field?: unknown; from?: unknown; path?: unknown };
  if (column.generator === 'ref' && typeof options.table === 'string') return `ref → ${options.table}.${String(options.field ?? '?')}`;
  if ((column.generator === 'after' || column.generator === 'before') && options.from !== undefined)
    return `${column.generator} ${Array.isArray(options.from) ? options.from.join(' / ') : String(options.from)}`;
  if (column.generator === 'lookup' && typeof options.path === 'string') return `lookup ${options.path}`;
  return column.generator;
}

/** The columns grouped by table, tables and columns in definition order. */
export function importedTables(columns: readonly ImportedColumn[]): ImportedTable[] {
  const tables: ImportedTable[] = [];
  for (const column of columns) {
    let table = tables.at(-1);
    if (table?.table !== column.table) tables.push((table = { table: column.table, columns: [] }));
    table.columns.push({ column: column.column, generator: generatorText(column), reason: column.reason });
  }
  return tables;
}

/** Notes in the order of the SQL, each as "Line 3, column 1: …". */
export function noteLines(notes: readonly ImportNote[]): string[] {
  return [...notes].sort((a, b) => a.line - b.line || a.column - b.column).map((n) => `Line ${n.line}, column ${n.column}: ${n.message}`);
}

/** A ValidationError's problems (paths `line L, column C`) as sentences. */
export function importProblemLines(problems: readonly { path: string; message: string }[]): string[] {
  return problems.map(({ path, message }) => {
    const at = /^line (\d+), column (\d+)$/.exec(path);
    const text = message.charAt(0).toUpperCase() + message.slice(1);
    return at ? `Line ${at[1]}, column ${at[2]}: ${message}` : path ? `${path}: ${message}` : text;
  });
}

/** A name for the new schema: the uploaded file's without `.sql`, else its tables' ("authors and books"). */
export function suggestedName(fileName: string | null, tables: readonly string[]): string {
  const fromFile = fileName?.replace(/\.sql$/i, '').trim();
  if (fromFile) return fromFile.slice(0, 200);
  if (tables.length === 0) return 'Imported schema';
  const shown = tables.slice(0, 3);
  const rest = tables.length - shown.length;
  const listed = shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)!}`;
  return (rest > 0 ? `${shown.join(', ')} and ${rest} more` : listed).slice(0, 200);
}
