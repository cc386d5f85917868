// Expected failures of the engine are data: each issue names the place in the definition.

export interface DefinitionIssue {
  /** Where, e.g. `tables[1].fields[3].options.max`. */
  path: string;
  message: string;
}

export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
  constructor(readonly issues: DefinitionIssue[]) {
    super(
      issues.length === 1
        ? `invalid definition: ${formatIssue(issues[0])}`
        : `invalid definition (${issues.length} problems):\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`,
    );
  }
}

function formatIssue(issue: DefinitionIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** `['tables', 1, 'fields', 3, 'options', 'max']` -> `tables[1].fields[3].options.max` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
