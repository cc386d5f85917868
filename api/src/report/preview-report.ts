// The realism report of a preview: the first rows of every table, as the schema builder shows
// them. In a table cut short by the preview, the exactly-one group holding the last row is left
// unjudged: the rest of it may lie past the cut (judged, it would count a violation the export has not).
import type { Definition, Plan, PreviewTable } from '../engine/index.js';
import { type Report, ReportBuilder, reportOf } from './report.js';
import { keyText } from './rule-state.js';

/** `tables`: the first rows of each table of `plan` (rows 0, 1, ...), as previewOf makes them. */
export function previewReport(plan: Plan, definition: Definition, tables: PreviewTable[]): Report {
  const builder = new ReportBuilder(plan, definition);
  for (const t of tables) builder.add(t.table, 0, t.rows);
  const state = builder.state();
  const cutGroups = new Map<string, string>();
  for (const rule of builder.rules) {
    if (rule.kind !== 'exactly-one') continue;
    const shape = plan.tables.find((s) => s.name === rule.table)!;
    const rows = tables.find((t) => t.table === rule.table)?.rows ?? [];
    const last = rows.at(-1);
    if (!last || rows.length >= shape.rows) continue;
    const parent = last[shape.columns.findIndex((c) => c.name === rule.exactlyOne!.per)];
    if (parent !== null && parent !== undefined) cutGroups.set(rule.id, keyText(parent));
  }
  state.rules = state.rules.map((r) => {
    const cut = cutGroups.get(r.id);
    return cut === undefined ? r : { ...r, open: r.open?.filter(([key]) => key !== cut) };
  });
  return reportOf(state, builder.rules);
}
