import { describe, expect, it } from 'vitest';
import {
  freeName,
  generalProblems,
  newField,
  newTable,
  normaliseProblems,
  problemsAt,
  relationships,
  setReferenceDate,
  starterDefinition,
  type Definition,
} from './definition.js';

describe('names', () => {
  it('picks the first free name', () => {
    expect(freeName('table', [])).toBe('table');
    expect(freeName('table', ['table', 'table_2'])).toBe('table_3');
  });

  it('never repeats a table or field name', () => {
    const definition = starterDefinition();
    for (let i = 0; i < 5; i++) definition.tables.push(newTable(definition));
    expect(new Set(definition.tables.map((t) => t.name)).size).toBe(definition.tables.length);
    const table = definition.tables[0]!;
    for (let i = 0; i < 5; i++) table.fields.push(newField(table));
    expect(new Set(table.fields.map((f) => f.name)).size).toBe(table.fields.length);
  });
});

describe('relationships', () => {
  it('reads every ref as child → parent with its children per parent', () => {
    const definition: Definition = {
      version: 1,
      tables: [
        { name: 'users', fields: [{ name: 'id', type: 'string.uuid' }] },
        {
          name: 'orders',
          fields: [
            { name: 'id', type: 'string.uuid' },
            { name: 'user_id', type: 'ref', options: { table: 'users', field: 'id', childrenPerParent: { min: 1, max: 5 } } },
            { name: 'referrer', type: 'ref', options: { table: 'users', field: 'id' } },
          ],
        },
      ],
    };
    expect(relationships(definition)).toEqual([
      { child: 'orders', field: 'user_id', parent: 'users', parentField: 'id', childrenPerParent: { min: 1, max: 5 } },
      { child: 'orders', field: 'referrer', parent: 'users', parentField: 'id', childrenPerParent: null },
    ]);
  });
});

describe('problems', () => {
  const problems = normaliseProblems([
    { path: 'definition.tables[1].fields[3].options.max', message: 'must be ≥ min' },
    { path: 'tables[1].fields[30].name', message: 'duplicate' },
    { path: 'tables[1].name', message: 'bad name' },
    { path: 'locale', message: 'unknown locale' },
  ]);

  it('finds a problem at its field and not at a field whose index merely starts the same', () => {
    expect(problemsAt(problems, 'tables[1].fields[3]').map((p) => p.path)).toEqual(['tables[1].fields[3].options.max']);
    expect(problemsAt(problems, 'tables[1].name', true)).toHaveLength(1);
    expect(problemsAt(problems, 'tables[1]')).toHaveLength(3);
  });

  it('leaves problems outside any table for the summary', () => {
    expect(generalProblems(problems).map((p) => p.path)).toEqual(['locale']);
  });
});

describe('reference date', () => {
  it('keeps what is typed, trimmed, and removes the key when blank', () => {
    const definition: Definition = { ...starterDefinition(), referenceDate: '2026-12-04T15:00:00.000Z' };
    setReferenceDate(definition, ' 2024-06-30T00:00:00Z ');
    expect(definition.referenceDate).toBe('2024-06-30T00:00:00Z');
    setReferenceDate(definition, '  ');
    expect('referenceDate' in definition).toBe(false);
  });
});
