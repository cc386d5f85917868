// Before `tdg seed` writes a row: the table checks of the definition (CHECKs the importer
// translated into expressions with a bounded redraw) are run on the first rows of each table, and
// a check that some rows still fail after every redraw stops the seed, naming table, constraint
// and columns, instead of a database error halfway through the load.
import { type CheckFailure, checkFailures, type Plan } from '../engine/index.js';

/** Rows per table checked before the load. */
export const PREFLIGHT_ROWS = 2000;

/** A table check that generated rows still fail after every redraw attempt. */
export class CheckUnmetError extends Error {
  override name = 'CheckUnmetError';
  constructor(
    /** The definition table. */
    readonly table: string,
    /** The check's name (the SQL constraint's). */
    readonly constraint: string,
    /** The columns the check reads. */
    readonly columns: string[],
    /** Rows checked and rows failing among them. */
    readonly checked: number,
    readonly failing: number,
    readonly examples: CheckFailure['examples'],
    /** Who found it: the engine's redraw, or the target database evaluating its own CHECK on the rows. */
    readonly by: 'redraw' | 'database' = 'redraw',
  ) {
    const example = examples[0] ? `; e.g. row ${examples[0].row}: ${JSON.stringify(examples[0].values)}` : '';
    const what = `${by === 'redraw' ? 'check' : "the database's check"} ${constraint} (columns ${columns.join(', ')})`;
    const after = by === 'redraw' ? 'after every redraw' : '(no table check of the definition redraws for it)';
    super(`${table}: ${what} ${by === 'redraw' ? 'still fails' : 'fails'} for ${failing} of the first ${checked} rows ${after}; nothing was written${example}`);
  }
}

/** Throws CheckUnmetError for the first table check that any of the first rows of its table fail. */
export function preflightChecks(plan: Plan, rows = PREFLIGHT_ROWS, columnName: (table: string, field: string) => string = (_t, f) => f): void {
  for (const table of plan.tables) {
    if (table.rows === 0) continue;
    for (const failure of checkFailures(plan, table.name, Math.min(rows, table.rows)))
      if (failure.failing > 0)
        throw new CheckUnmetError(
          table.name,
          failure.name,
          failure.columns.map((c) => columnName(table.name, c)),
          failure.checked,
          failure.failing,
          failure.examples,
        );
  }
}
