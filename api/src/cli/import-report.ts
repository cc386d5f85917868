// What `tdg import-sql` and `tdg introspect` print beside the definition: a table of column →
// generator → reason, and the notes. `--json` gives the same as data on stdout.
import type { ColumnChoice, Definition, ImportNote } from '../import/index.js';

export interface ImportReport {
  definition: Definition;
  columns: ColumnChoice[];
  notes: ImportNote[];
}

/** Fixed-width text table; long reasons wrap at the terminal's edge on their own. */
export function columnTable(columns: ColumnChoice[]): string {
  const rows = columns.map((c) => [`${c.table}.${c.column}`, generatorText(c), c.reason]);
  const header = ['column', 'generator', 'reason'];
  const widths = [0, 1].map((i) => Math.min(48, Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) => `${cells[0]!.padEnd(widths[0]!)}  ${cells[1]!.padEnd(widths[1]!)}  ${cells[2]}`.trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w)).concat('------')), ...rows.map(line)].join('\n') + '\n';
}

function generatorText(c: ColumnChoice): string {
  const o = c.options ?? {};
  switch (c.type) {
    case 'ref':
      return `ref ${String(o.table)}.${String(o.field)}`;
    case 'pick':
      return `pick ${(o.values as unknown[]).slice(0, 4).map(String).join('|')}${(o.values as unknown[]).length > 4 ? '|…' : ''}`;
    case 'regex':
      return `regex ${String(o.pattern)}`;
    case 'lookup':
      return `lookup ${String(o.path)}`;
    case 'after':
    case 'before':
      return `${c.type} ${[o.from].flat().join('/')}`;
    default:
      return c.type;
  }
}

/** Writes the report: the table and notes to stderr (stdout may carry the definition), or JSON to stdout. */
export function writeImportReport(report: ImportReport, options: { json: boolean; quiet: boolean; place: (n: ImportNote) => string }): void {
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ definition: report.definition, columns: report.columns, notes: report.notes.map((n) => ({ ...n, place: options.place(n) })) }, null, 2)}\n`,
    );
    return;
  }
  if (options.quiet) return;
  process.stderr.write(columnTable(report.columns));
  for (const n of report.notes) process.stderr.write(`${options.place(n)}note: ${n.message}\n`);
}
