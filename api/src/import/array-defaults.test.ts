// An array column's DEFAULT ('{}', '{read}') names elements: the values are lists of such elements,
// never the literal text of the default as one element.
import { describe, expect, it } from 'vitest';
import { compile, generateRows, parseDefinition } from '../engine/index.js';
import { importSql } from './index.js';
import { arrayLiteralElements } from './to-definition.js';

describe('array column defaults', () => {
  it('reads the elements of a Postgres array literal', () => {
    expect(arrayLiteralElements('{}')).toEqual([]);
    expect(arrayLiteralElements('{read}')).toEqual(['read']);
    expect(arrayLiteralElements('{read, "write all","a\\"b",NULL}')).toEqual(['read', 'write all', 'a"b']);
    expect(arrayLiteralElements('read')).toBeUndefined();
    expect(arrayLiteralElements(['read'])).toBeUndefined();
  });

  it('generates lists of the default’s elements, or of words for an empty default', () => {
    const { definition } = importSql(
      `create table t (id serial primary key, qux_modes text[] not null default '{fast,"slow mode"}', zork_items text[] not null default '{}');`,
      { rows: 200, referenceDate: '2025-01-01T00:00:00.000Z' },
    );
    const plan = compile(parseDefinition(definition), { seed: 'arrays' });
    const shape = plan.tables[0]!;
    const [modes, items] = ['qux_modes', 'zork_items'].map((c) => shape.columns.findIndex((x) => x.name === c));
    const rows = [...generateRows(plan, 't', 0, 200)].flat();
    const elements = (i: number) => rows.flatMap((r) => r[i!] as string[]);
    expect(rows.every((r) => Array.isArray(r[modes!]) && Array.isArray(r[items!]))).toBe(true);
    expect(new Set(elements(modes!))).toEqual(new Set(['fast', 'slow mode']));
    expect(elements(items!).length).toBeGreaterThan(0);
    expect(elements(items!).filter((e) => /[{}]/.test(e))).toEqual([]);
  });
});
