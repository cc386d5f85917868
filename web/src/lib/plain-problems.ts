// Problems in plain words, beside the control they name: the builder's own checks (empty or
// repeated names) before the API is asked, and the API's terse messages reworded ("name can't be
// empty", not "patch.name: must not be empty").
import type { Definition, Problem } from './definition';

/** What the last part of a path is called, in words: `tables[0].fields[2].name` → "name". */
function subject(path: string): string {
  const last =
    path
      .split('.')
      .at(-1)
      ?.replace(/\[\d+\]$/, '') ?? '';
  return last === 'nullRate' ? 'null %' : last === 'rows' ? 'row count' : last || 'this value';
}

const EMPTY = /^(must not be empty|string must contain at least 1 character\(s\)|too small: expected string to have >=1 characters?|required)$/i;

/** One problem reworded in plain words; its path is kept (it says where it goes). */
export function plainProblem(problem: Problem): Problem {
  const path = problem.path.replace(/^patch\./, '');
  const message = problem.message.trim();
  if (EMPTY.test(message)) return { path, message: `${subject(path)} can't be empty` };
  return { path, message };
}

/** The builder's own checks, which need no round trip: names that are empty or taken twice. */
export function localProblems(name: string, definition: Definition): Problem[] {
  const problems: Problem[] = [];
  if (!name.trim()) problems.push({ path: 'name', message: "name can't be empty" });
  const tables = new Set<string>();
  definition.tables.forEach((table, t) => {
    if (!table.name.trim()) problems.push({ path: `tables[${t}].name`, message: "table name can't be empty" });
    else if (tables.has(table.name)) problems.push({ path: `tables[${t}].name`, message: `another table is already called ${table.name}` });
    tables.add(table.name);
    const fields = new Set<string>();
    table.fields.forEach((field, f) => {
      const at = `tables[${t}].fields[${f}].name`;
      if (!field.name.trim()) problems.push({ path: at, message: "field name can't be empty" });
      else if (fields.has(field.name)) problems.push({ path: at, message: `${table.name || 'this table'} already has a field called ${field.name}` });
      fields.add(field.name);
    });
  });
  return problems;
}

/** The builder's own problems first; the API's after them, reworded, except where one of its own already speaks. */
export function mergeProblems(local: readonly Problem[], remote: readonly Problem[]): Problem[] {
  const spoken = new Set(local.map((p) => p.path));
  return [...local, ...remote.map(plainProblem).filter((p) => !spoken.has(p.path))];
}
