// Text no database or file format can hold, and nesting deep enough to overflow a recursive
// check, are refused before anything else reads a definition: Postgres rejects NUL (\u0000) and
// unpaired surrogates in jsonb and text, and would fail the save half-way with a server error.
import { formatPath, type DefinitionIssue } from './errors.js';

/** Deepest nesting of arrays and objects a definition may have (real ones stay far below). */
export const MAX_DEFINITION_DEPTH = 64;
const MAX_ISSUES = 20;
// code units, not code points (no u flag): a high half not followed by a low one, or a low one alone
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a string (NUL or an unpaired surrogate), or undefined. */
export function textProblem(text: string): string | undefined {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return `contains a NUL character (\\u0000) at position ${nul}`;
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return `contains an unpaired surrogate (invalid UTF-16) at position ${lone.index}`;
  return undefined;
}

/**
 * Every place in a JSON value whose text (values or keys) has NUL or an unpaired surrogate, and
 * any nesting past MAX_DEFINITION_DEPTH. Iterative, so no input can overflow the stack here.
 */
export function definitionTextIssues(input: unknown): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) issues.push({ path: formatPath(path), message: problem });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEFINITION_DEPTH) {
      issues.push({ path: formatPath(path), message: `nested more than ${MAX_DEFINITION_DEPTH} levels deep` });
      continue;
    }
    const entries: [PropertyKey, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (let e = entries.length - 1; e >= 0; e--) {
      const [key, child] = entries[e];
      if (typeof key === 'string') {
        const problem = textProblem(key);
        if (problem) issues.push({ path: formatPath([...path, key]), message: `the key ${problem}` });
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return issues;
}
