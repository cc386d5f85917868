// The rows an export will write, table by table, as the export dialog shows them before it starts:
// "as the schema says" (each table's own count, editable) or "scale every table to N". A table
// whose ref has children per parent takes its rows from its parent (about the average per parent),
// as the engine does; the API counts the exact total when the export starts.
import { DEFAULT_ROWS, relationships, type Definition } from '$lib/definition';

export type RowMode = { kind: 'schema'; counts: Record<string, number> } | { kind: 'scale'; rows: number };

export interface PlannedTable {
  table: string;
  rows: number;
  /** False for a table whose rows follow its parent's (children per parent). */
  editable: boolean;
  /** False when the count is an average (children per parent between a min and a max). */
  exact: boolean;
  /** The parent whose rows this table's follow, with how many children each. */
  perParent?: { parent: string; min: number; max: number };
}

export interface RowPlan {
  tables: PlannedTable[];
  total: number;
  exact: boolean;
}

/** startExport's rowCount and tableRows for a mode. */
export interface RowArgs {
  rowCount: number;
  tableRows: { table: string; rows: number }[] | null;
}

/** The rows of each table a mode gives, parents before the tables that follow them. */
export function planRows(definition: Definition, mode: RowMode): RowPlan {
  const byName = new Map(definition.tables.map((table) => [table.name, table]));
  const perParent = new Map(relationships(definition).flatMap((link) => (link.childrenPerParent ? [[link.child, link] as const] : [])));
  const planned = new Map<string, PlannedTable>();
  const resolving = new Set<string>();
  const plan = (name: string): PlannedTable => {
    const known = planned.get(name);
    if (known) return known;
    const table = byName.get(name)!;
    const cap = typeof table.maxRows === 'number' ? table.maxRows : Infinity;
    const own = mode.kind === 'scale' ? mode.rows : (mode.counts[name] ?? table.rows ?? DEFAULT_ROWS);
    let entry: PlannedTable = { table: name, rows: Math.min(own, cap), editable: true, exact: true };
    const link = perParent.get(name);
    if (link && byName.has(link.parent) && !resolving.has(name)) {
      resolving.add(name);
      const parent = plan(link.parent);
      resolving.delete(name);
      const { min, max } = link.childrenPerParent!;
      entry = {
        table: name,
        rows: Math.round((parent.rows * (min + max)) / 2),
        editable: false,
        exact: parent.exact && min === max,
        perParent: { parent: link.parent, min, max },
      };
    }
    planned.set(name, entry);
    return entry;
  };
  const tables = definition.tables.map((table) => plan(table.name));
  return { tables, total: tables.reduce((sum, t) => sum + t.rows, 0), exact: tables.every((t) => t.exact) };
}

/** What startExport is sent: `scale` is rowCount alone; `schema` names every table it may set. */
export function rowArgs(plan: RowPlan, mode: RowMode): RowArgs {
  if (mode.kind === 'scale') return { rowCount: mode.rows, tableRows: null };
  const tableRows = plan.tables.filter((t) => t.editable).map((t) => ({ table: t.table, rows: t.rows }));
  return { rowCount: Math.max(1, ...tableRows.map((t) => t.rows)), tableRows };
}

/** What is wrong with a row count typed in the dialog, in words; null when it is fine. */
export function rowCountProblem(value: number, what: string, min = 0): string | null {
  if (!Number.isFinite(value)) return `${what}: enter a number`;
  if (!Number.isInteger(value)) return `${what}: a whole number of rows`;
  if (value < min) return `${what}: at least ${formatRows(min)}`;
  return null;
}

const counts = new Intl.NumberFormat('en-US');

/** 300000 → "300,000". */
export const formatRows = (n: number): string => counts.format(n);

/** The API's limit of rows per export, in words. */
export function rowLimitText(limit: number, requested: number | null | undefined): string {
  const over = requested != null ? `; these counts make ${formatRows(requested)}` : '';
  return `An export has at most ${formatRows(limit)} rows over all tables${over}. Lower a table's count or scale to fewer rows.`;
}

export interface StartProblem {
  /** The table a problem is about (its count input), or null for the dialog as a whole. */
  table: string | null;
  message: string;
}

/**
 * startExport's ValidationError problems in words, at their table: `tableRows[1].rows` is the
 * second table sent, `rowCount` the scale input (table null). Paths the dialog has no place for
 * keep their message, without the path.
 */
export function startProblems(problems: readonly { path: string; message: string }[], args: RowArgs): StartProblem[] {
  return problems.map(({ path, message }) => {
    const sent = /^tableRows\[(\d+)\]/.exec(path);
    const table = sent ? (args.tableRows?.[Number(sent[1])]?.table ?? null) : null;
    return { table, message: table ? `Rows of ${table} ${message}` : path === 'rowCount' ? `Rows per table ${message}` : message };
  });
}
