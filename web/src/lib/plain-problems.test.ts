import { describe, expect, it } from 'vitest';
import { starterDefinition } from './definition';
import { localProblems, mergeProblems, plainProblem } from './plain-problems';

describe('plainProblem', () => {
  it('says an empty name plainly, at the place it names, never "patch.name"', () => {
    expect(plainProblem({ path: 'patch.name', message: 'must not be empty' })).toEqual({ path: 'name', message: "name can't be empty" });
    expect(plainProblem({ path: 'tables[0].fields[1].name', message: 'String must contain at least 1 character(s)' })).toEqual({
      path: 'tables[0].fields[1].name',
      message: "name can't be empty",
    });
  });

  it('keeps other messages as the API wrote them', () => {
    expect(plainProblem({ path: 'tables[0].rows', message: 'must be ≥ 0' })).toEqual({ path: 'tables[0].rows', message: 'must be ≥ 0' });
  });
});

describe('localProblems', () => {
  it('finds nothing wrong with the starter definition', () => {
    expect(localProblems('Shop', starterDefinition())).toEqual([]);
  });

  it('names empty and repeated names at their place', () => {
    const definition = starterDefinition();
    definition.tables[0]!.fields[1]!.name = '';
    definition.tables.push({
      name: 'users',
      rows: 1,
      fields: [
        { name: 'a', type: 'string.uuid' },
        { name: 'a', type: 'string.uuid' },
      ],
    });
    expect(localProblems(' ', definition)).toEqual([
      { path: 'name', message: "name can't be empty" },
      { path: 'tables[0].fields[1].name', message: "field name can't be empty" },
      { path: 'tables[1].name', message: 'another table is already called users' },
      { path: 'tables[1].fields[1].name', message: 'users already has a field called a' },
    ]);
  });
});

describe('mergeProblems', () => {
  it('shows one message per place, the builder’s own first', () => {
    const merged = mergeProblems(
      [{ path: 'name', message: "name can't be empty" }],
      [
        { path: 'patch.name', message: 'must not be empty' },
        { path: 'tables[0].rows', message: 'too many' },
      ],
    );
    expect(merged).toEqual([
      { path: 'name', message: "name can't be empty" },
      { path: 'tables[0].rows', message: 'too many' },
    ]);
  });
});
