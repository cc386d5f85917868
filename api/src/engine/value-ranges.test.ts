import { describe, expect, it } from 'vitest';
import { allRows } from './testing/rows.js';
import { compile, DefinitionError, parseDefinition, type Definition, type FieldDefinition } from './index.js';

const one = (fields: FieldDefinition[], rows = 100, extra: Partial<Definition> = {}): Definition => ({
  version: 1,
  ...extra,
  tables: [{ name: 't', rows, fields }],
});

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof DefinitionError) return error.issues;
    throw error;
  }
  return [];
}

describe('values a database cannot hold are refused at validation', () => {
  it('dates past 9999 or before year 1', () => {
    expect(
      issuesOf(() => parseDefinition(one([{ name: 'd', type: 'date.soon', options: { days: 100_000 } }], 10, { referenceDate: '9900-01-01T00:00:00Z' }))),
    ).toEqual([{ path: 'tables[0].fields[0].options', message: expect.stringContaining('past the year 9999') }]);
    expect(
      issuesOf(() =>
        parseDefinition(
          one([
            { name: 'a', type: 'date.past' },
            { name: 'b', type: 'dateAfter', options: { field: 'a', maxDays: 4_000_000 } },
          ]),
        ),
      ),
    ).toEqual([{ path: 'tables[0].fields[1].options', message: expect.stringMatching(/year \d+, past the year 9999.*maxDays/) }]);
    expect(issuesOf(() => parseDefinition(one([{ name: 'b', type: 'date.birthdate', options: { mode: 'year', min: 0, max: 1990 } }])))).toEqual([
      { path: 'tables[0].fields[0].options', message: expect.stringContaining('before the year 1') },
    ]);
    expect(issuesOf(() => parseDefinition(one([{ name: 'd', type: 'date.future', options: { years: 1000 } }])))).toEqual([]);
    // inequalities of the same row (E1's after/before): the window, unless a bound caps it
    const after = (options: Record<string, unknown>) =>
      one([
        { name: 'a', type: 'date.past' },
        { name: 'b', type: 'after', options: { from: 'a', ...options } },
      ]);
    expect(issuesOf(() => parseDefinition(after({ max: 3_000_000 })))).toEqual([
      { path: 'tables[0].fields[1].options', message: expect.stringMatching(/past the year 9999.*lower max/) },
    ]);
    expect(issuesOf(() => parseDefinition(after({ max: 3_000_000, atMost: '2030-01-01T00:00:00Z' })))).toEqual([]);
    expect(issuesOf(() => parseDefinition(after({ max: 30, unit: 'weeks' })))).toEqual([]);
  });

  it("integers past int8, past 2^53, or past a sequence's declared max (an int4 column)", () => {
    expect(issuesOf(() => parseDefinition(one([{ name: 's', type: 'sequence', options: { step: 1e17 } }], 1000)))).toEqual([
      { path: 'tables[0].fields[0].options.step', message: expect.stringContaining('outside the int8 range') },
    ]);
    expect(issuesOf(() => parseDefinition(one([{ name: 's', type: 'sequence', options: { start: 2 ** 53 } }], 10)))).toEqual([
      { path: 'tables[0].fields[0].options.start', message: expect.stringContaining('2^53') },
    ]);
    expect(issuesOf(() => parseDefinition(one([{ name: 'p', type: 'pick', options: { values: [1, 1e19] } }])))).toEqual([
      { path: 'tables[0].fields[0].options.values[1]', message: expect.stringContaining('int8') },
    ]);
    const int4 = one([{ name: 'id', type: 'sequence', options: { start: 2_147_483_000, max: 2_147_483_647 } }], 100);
    expect(issuesOf(() => parseDefinition(int4))).toEqual([]);
    // the same definition with more rows (the --rows override) crosses int4's max: refused before any row
    expect(issuesOf(() => compile(int4, { rows: 1000 }))).toEqual([
      { path: 'tables[0].fields[0].options.start', message: 'the last of 1000 values is 2147483999, above max 2147483647' },
    ]);
    const plan = compile(int4);
    expect(allRows(plan, 't').at(-1)).toEqual([2_147_483_099]);
  });
});
