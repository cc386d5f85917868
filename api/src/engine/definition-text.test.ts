import { describe, expect, it } from 'vitest';
import { definitionTextIssues, MAX_DEFINITION_DEPTH, textProblem } from './definition-text.js';
import { parseDefinition } from './definition.js';
import { DefinitionError } from './errors.js';

const table = (fields: unknown[]) => ({ version: 1, tables: [{ name: 't', fields }] });

function issuesOf(input: unknown) {
  try {
    parseDefinition(input);
  } catch (error) {
    if (error instanceof DefinitionError) return error.issues;
    throw error;
  }
  return [];
}

describe('definition text', () => {
  it('accepts ordinary text, paired surrogates (emoji) and non-Latin scripts', () => {
    for (const text of ['', 'plain', 'naïve café', '日本語', 'emoji 😀 pair', '\t\n\r']) expect(textProblem(text)).toBeUndefined();
  });

  it('finds NUL and unpaired surrogates at either end of a pair', () => {
    expect(textProblem('a\u0000b')).toMatch(/NUL.*position 1/);
    expect(textProblem('x\ud800')).toMatch(/unpaired surrogate.*position 1/);
    expect(textProblem('\udc00x')).toMatch(/unpaired surrogate.*position 0/);
    expect(textProblem('\ud83d\ud83d\ude00')).toMatch(/position 0/);
  });

  it('names the path of bad values and keys anywhere in a definition, through parseDefinition', () => {
    expect(issuesOf(table([{ name: 'a', type: 'constant', options: { value: { deep: ['ok', 'bad\u0000'] } } }]))).toEqual([
      { path: 'tables[0].fields[0].options.value.deep[1]', message: expect.stringMatching(/NUL/) },
    ]);
    expect(issuesOf(table([{ name: 'a', type: 'pick', options: { values: ['x', '\ud800'] } }]))[0].path).toBe('tables[0].fields[0].options.values[1]');
    expect(issuesOf({ ...table([{ name: 'a', type: 'sequence' }]), description: 'd\udfff' })[0].path).toBe('description');
    const key = issuesOf(table([{ name: 'a', type: 'constant', options: { value: { ['k\u0000']: 1 } } }]));
    expect(key[0]).toMatchObject({ path: 'tables[0].fields[0].options.value.k\u0000', message: expect.stringMatching(/^the key/) });
  });

  it('refuses runaway nesting without recursing (a constant nested 100,000 levels)', () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = [value];
    const issues = definitionTextIssues(table([{ name: 'a', type: 'constant', options: { value } }]));
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(`nested more than ${MAX_DEFINITION_DEPTH}`);
    expect(issuesOf(table([{ name: 'a', type: 'constant', options: { value } }]))).toEqual(issues);
  });
});
