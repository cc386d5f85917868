// What a plan's table checks still cannot meet: rows among the first n failing after every redraw
// attempt, per check (row-checks.ts). `tdg seed` calls it before writing any row.
import { type Plan, tableRuntime } from './compile.js';
import { type CheckFailure, checkFailuresOf } from './row-checks.js';

export type { CheckFailure } from './row-checks.js';

/** Per check of `table`: rows among its first `rows` that still fail (empty when it has no checks). */
export function checkFailures(plan: Plan, table: string, rows: number): CheckFailure[] {
  return checkFailuresOf(tableRuntime(plan, table), rows);
}
