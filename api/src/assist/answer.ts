// An answer's text checked as a saved schema is: JSON, the task's zod schema, the task's change
// applied to the current definition, then the engine's parse and a one-row compile.
import { compile, DefinitionError, parseDefinition, type Definition } from '../engine/index.js';
import { formatPath } from '../engine/errors.js';
import type { AnswerProblem, Task } from './tasks.js';

export type CheckedAnswer = { ok: true; answer: unknown; definition: Definition } | { ok: false; problems: AnswerProblem[] };

export function checkAnswer(task: Task<unknown>, current: Definition | null, text: string): CheckedAnswer {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not JSON: ${(error as Error).message}` }] };
  }
  const parsed = task.answer.safeParse(json);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) };
  const applied = task.apply(current, parsed.data);
  if ('problems' in applied) return { ok: false, problems: applied.problems };
  try {
    const definition = parseDefinition(applied.definition);
    compile(definition, { rows: 1 });
    return { ok: true, answer: parsed.data, definition };
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    return { ok: false, problems: error.issues.map((issue) => ({ path: issue.path ? `definition.${issue.path}` : 'definition', message: issue.message })) };
  }
}
