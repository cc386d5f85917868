// An expression of the expression language evaluated on a generated row, its parents read through
// the plan (a parent's value recomputed from its row index, as the fields' own paths do). The
// realism report checks a definition's rules with it after the rows are made.
import { compileExpression, parsedExpression } from './expression.js';
import { type Plan, tableRuntime } from './compile.js';
import type { Definition } from './definition.js';
import { pathReader, resolveFieldPath } from './field-path.js';
import type { Row, Value } from './shape.js';

/** The value of an expression at row i of its table, given that row's values (in `columns` order). */
export type RowExpression = (row: Row, i: number) => Value;

/**
 * Compiles `expr` for rows of `table`. Parent columns it reads must be row-addressable: the paths a
 * definition already reads are. Throws on an unknown path; evaluation throws a RangeError on a
 * parent column that is not addressable.
 */
export function rowExpression(plan: Plan, definition: Definition, table: string, expr: string): RowExpression {
  const tables = new Map(definition.tables.map((t) => [t.name, t]));
  const own = tables.get(table);
  if (!own) throw new RangeError(`the definition has no table "${table}"`);
  const fieldIndex = new Map(own.fields.map((f, i) => [f.name, i]));
  const evaluate = compileExpression(
    parsedExpression(expr),
    (text) => {
      const path = resolveFieldPath(text, own, tables);
      if (typeof path === 'string') throw new RangeError(`${table}: ${path}`);
      return pathReader(path, fieldIndex, (name) => tableRuntime(plan, name)).value;
    },
    { referenceDate: new Date(plan.referenceDate) },
  );
  // the evaluator reads column f of row k as cols[f][k]: one row, k = 0
  const cols: Value[][] = own.fields.map(() => [null]);
  return (row, i) => {
    for (let f = 0; f < cols.length; f++) cols[f][0] = row[f];
    return evaluate(i, cols, 0);
  };
}
