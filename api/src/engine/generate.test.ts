import { describe, expect, it } from 'vitest';
import { compile, cutText } from './compile.js';
import { parseDefinition } from './definition.js';
import { generateRows, previewRows } from './generate.js';

// stream fields (one PRNG run per block), row fields, nulls from their own stream, same-row deps
const definition = parseDefinition({
  version: 1,
  seed: 'upto',
  tables: [
    {
      name: 't',
      rows: 5000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'name', type: 'person.firstName', nullRate: 0.3 },
        { name: 'text', type: 'lorem.sentence' },
        { name: 'tags', type: 'array', options: { of: { type: 'word.noun' }, max: 4 } },
        { name: 'label', type: 'template', options: { template: '{{name}}/{{id}}' } },
      ],
    },
  ],
});

describe('rows short of a block', () => {
  it('are the same whether a block is filled whole or only up to the rows asked for (previews make only what they show)', () => {
    const plan = compile(definition);
    const whole = [...generateRows(plan, 't', 0, 2048, 2048)][0];
    for (const [start, end] of [
      [0, 1],
      [0, 10],
      [5, 700],
      [1000, 1030],
      [1030, 2048],
    ]) {
      const part = [...generateRows(plan, 't', start, end, 10_000)].flat();
      expect(part).toEqual(whole.slice(start, end));
    }
    expect(previewRows(definition, undefined, 10)[0].rows).toEqual(whole.slice(0, 10));
  });
});

describe('arrays of distinct picks', () => {
  it('hold a subset of the values, each once, between min and the number of values, in any chunking', () => {
    const values = ['read', 'write', 'admin'];
    const plan = compile(
      parseDefinition({
        version: 1,
        seed: 'subsets',
        tables: [
          {
            name: 't',
            rows: 3000,
            fields: [{ name: 'scopes', type: 'array', options: { of: { type: 'pick', options: { values } }, min: 1, max: 5, distinct: true } }],
          },
        ],
      }),
    );
    const rows = [...generateRows(plan, 't', 0, 3000)].flat();
    const lengths = new Set<number>();
    for (const [scopes] of rows) {
      const list = scopes as string[];
      lengths.add(list.length);
      expect(new Set(list).size).toBe(list.length);
      expect(list.every((s) => values.includes(s))).toBe(true);
    }
    expect(lengths).toEqual(new Set([1, 2, 3]));
    expect([...generateRows(plan, 't', 1000, 2000)].flat()).toEqual(rows.slice(1000, 2000));
  });

  it('refuses distinct on an element that is not a pick, naming the option', () => {
    expect(() =>
      parseDefinition({ version: 1, tables: [{ name: 't', fields: [{ name: 'a', type: 'array', options: { of: { type: 'word.noun' }, distinct: true } }] }] }),
    ).toThrow(/fields\[0\]\.options\.distinct/);
  });
});

describe('a field case', () => {
  it('lower- or upper-cases text values, row checks included, and leaves other values alone', () => {
    const plan = compile(
      parseDefinition({
        version: 1,
        seed: 'case',
        tables: [
          {
            name: 't',
            rows: 500,
            fields: [
              { name: 'code', type: 'string.alphanumeric', options: { length: 8, casing: 'upper' }, case: 'lower' },
              { name: 'name', type: 'person.lastName', case: 'upper', nullRate: 0.2 },
              { name: 'n', type: 'number.int', case: 'lower' },
            ],
          },
        ],
      }),
    );
    const rows = [...generateRows(plan, 't', 0, 500)].flat();
    expect(rows.every(([code]) => code === (code as string).toLowerCase() && /[a-z]/.test(code as string) !== false)).toBe(true);
    expect(rows.every(([, name]) => name === null || name === (name as string).toUpperCase())).toBe(true);
    expect(rows.every(([, , n]) => typeof n === 'number')).toBe(true);
    expect(() => parseDefinition({ version: 1, tables: [{ name: 't', fields: [{ name: 'a', type: 'word.noun', case: 'title' }] }] })).toThrow(
      /fields\[0\]\.case/,
    );
  });
});

describe('a field maxLength', () => {
  it('keeps text within the length, cut at a word when it can be, and leaves shorter values and other types as they are', () => {
    const definition = (maxLength?: number) => ({
      version: 1,
      seed: 'cut',
      tables: [
        {
          name: 't',
          rows: 400,
          fields: [
            { name: 'city', type: 'location.city', ...(maxLength ? { maxLength } : {}) },
            { name: 'n', type: 'number.int', ...(maxLength ? { maxLength: 1 } : {}) },
          ],
        },
      ],
    });
    const rows = (maxLength?: number) => [...generateRows(compile(parseDefinition(definition(maxLength))), 't', 0, 400)].flat();
    const cut = rows(9);
    const full = rows();
    expect(cut.every(([city]) => (city as string).length <= 9 && (city as string).length > 0)).toBe(true);
    expect(full.some(([city]) => (city as string).length > 9)).toBe(true);
    // values that fit are the same values; longer ones are their own start
    cut.forEach(([city], i) => {
      const whole = full[i]![0] as string;
      if (whole.length <= 9) expect(city).toBe(whole);
      else expect(whole.startsWith(city as string)).toBe(true);
    });
    expect(cut.map(([, n]) => n)).toEqual(full.map(([, n]) => n));
  });

  it('cuts at the last space within the length, dropping trailing punctuation, else exactly at it', () => {
    expect(cutText('North Las Vegas', 12)).toBe('North Las');
    expect(cutText('Saint-Jean-sur-Richelieu', 10)).toBe('Saint-Jean');
    expect(cutText('Wolff, Schimmelpfennig', 8)).toBe('Wolff');
    expect(cutText('Ab', 5)).toBe('Ab');
  });

  it('is refused on a unique or key field, where a cut could make two values one', () => {
    const table = (extra: object) => ({ version: 1, tables: [{ name: 't', fields: [{ name: 'a', type: 'word.noun', maxLength: 3 }], ...extra }] });
    expect(() => parseDefinition(table({ primaryKey: ['a'] }))).toThrow(/fields\[0\]\.maxLength/);
    expect(() => parseDefinition({ version: 1, tables: [{ name: 't', fields: [{ name: 'a', type: 'word.noun', unique: true, maxLength: 3 }] }] })).toThrow(
      /maxLength/,
    );
    expect(() => parseDefinition(table({}))).not.toThrow();
  });
});

describe('unique digests', () => {
  it('keep their length and hex alphabet, distinct in every row, alone or as a column of a composite key', () => {
    const plan = compile(
      parseDefinition({
        version: 1,
        tables: [
          {
            name: 'commits',
            rows: 3000,
            fields: [
              { name: 'repo', type: 'number.int', options: { min: 1, max: 3 } },
              { name: 'sha', type: 'git.commitSha' },
              { name: 'digest', type: 'string.hexadecimal', options: { length: 64, casing: 'upper' }, unique: true },
              { name: 'short', type: 'string.hexadecimal', options: { length: 6 }, unique: true },
            ],
            unique: [['repo', 'sha']],
          },
        ],
      }),
      { seed: 'digests' },
    );
    const rows = [...generateRows(plan, 'commits', 0, 3000)].flat();
    expect(rows.every((r) => /^[0-9a-f]{40}$/.test(r[1] as string))).toBe(true);
    expect(rows.every((r) => /^0x[0-9A-F]{64}$|^[0-9A-F]{64}$/.test(r[2] as string))).toBe(true);
    for (const column of [1, 2, 3]) expect(new Set(rows.map((r) => r[column])).size).toBe(3000);
  });
});
