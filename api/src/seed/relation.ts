// Where a definition table loads: the importer writes `postgres: <schema>.<table>[ mark]` on the
// first line of a table's description (a COMMENT ON TABLE follows on the next lines), and
// `postgres: <column>` on a renamed field's.
import { EXTERNAL_MARK, TRIGGER_MARK_PATTERN } from '../import/table-marks.js';
import type { Relation } from './target.js';

const PREFIX = 'postgres: ';

type Described = { name: string; description?: string | undefined };

const relationLine = (table: Described) => (table.description?.startsWith(PREFIX) ? table.description.slice(PREFIX.length).split('\n')[0]! : undefined);

/** The relation a definition table loads into: its description names it when it is not public.<name>. */
export function relationOf(table: Described): Relation {
  const text = relationLine(table)?.replace(/ \((external|trigger):.*$/, '');
  const dot = text?.indexOf('.') ?? -1;
  return text && dot > 0 ? { schema: text.slice(0, dot), name: text.slice(dot + 1) } : { schema: 'public', name: table.name };
}

/** Whether the table is defined outside the imported SQL (its columns may differ in the target). */
export function isExternal(table: Described): boolean {
  return relationLine(table)?.endsWith(EXTERNAL_MARK) ?? false;
}

/** A table whose rows a trigger makes: the trigger, its table, and the columns that match a row. */
export function triggerMade(table: Described): { trigger: string; source: string; match: string[] } | undefined {
  const m = TRIGGER_MARK_PATTERN.exec(relationLine(table) ?? '');
  return m ? { trigger: m[1]!, source: m[2]!, match: m[3]!.split(', ') } : undefined;
}

/** The column a field loads into: its name, or the first line of a `postgres: ` description. */
export function columnOf(field: Described): string {
  return field.description?.startsWith(PREFIX) ? field.description.slice(PREFIX.length).split('\n')[0]! : field.name;
}
