// Ordered pairs (tag_relation: tag1 < tag2, friendships: user_a < user_b): every row's lower ref
// holds the smaller value, no pair repeats under a key over both, for every chunking; too few
// pairs for a key is an error naming the place.
import { describe, expect, it } from 'vitest';
import { compile, type Definition } from './index.js';
import { pairAt } from './ordered-pairs.js';
import { rowsEveryChunking } from './testing/chunked-rows.js';
import { compileIssues } from './testing/rows.js';

const pairs = (key: 'sequence' | 'string.uuid', rows: number, tags = 200): Definition => ({
  version: 1,
  seed: 'pairs',
  tables: [
    { name: 'tags', rows: tags, fields: [{ name: 'id', type: key }] },
    {
      name: 'tag_relation',
      rows,
      primaryKey: ['tag1', 'tag2'],
      fields: [
        { name: 'tag1', type: 'ref', options: { table: 'tags', field: 'id' } },
        { name: 'tag2', type: 'ref', options: { table: 'tags', field: 'id', greaterThan: 'tag1' } },
        { name: 'weight', type: 'number.int', options: { min: 1, max: 9 } },
      ],
    },
  ],
});

describe('pairAt', () => {
  it('walks every pair a < b once', () => {
    const seen = new Set<string>();
    for (let p = 0; p < 45; p++) {
      const [a, b] = pairAt(p);
      expect(a).toBeLessThan(b);
      expect(b).toBeLessThan(10);
      seen.add(`${a},${b}`);
    }
    expect(seen.size).toBe(45);
    expect(pairAt(4_999_950_000 - 1)).toEqual([99_998, 99_999]);
  });
});

describe('ordered pairs of refs', () => {
  for (const key of ['sequence', 'string.uuid'] as const) {
    it(`keeps the lower value in the lower ref, with no pair twice (${key} keys)`, () => {
      const plan = compile(pairs(key, 5000));
      const tags = new Set(rowsEveryChunking(plan, 'tags').map(([id]) => id));
      const rows = rowsEveryChunking(plan, 'tag_relation');
      const seen = new Set<string>();
      for (const [a, b] of rows) {
        expect(tags.has(a) && tags.has(b)).toBe(true);
        expect((a as number | string) < (b as number | string)).toBe(true);
        seen.add(`${a}|${b}`);
      }
      expect(seen.size).toBe(rows.length);
      // many-to-many: tags pair with several others on both sides
      const lows = new Map<unknown, number>();
      for (const [a] of rows) lows.set(a, (lows.get(a) ?? 0) + 1);
      expect(Math.max(...lows.values())).toBeGreaterThan(1);
    });
  }

  it('refuses a key over more rows than pairs, and pairs across tables', () => {
    expect(compileIssues(pairs('sequence', 50, 10)).map((i) => i.path)).toEqual(['tables[1].fields[1].options.greaterThan']);
    const across = pairs('sequence', 10);
    across.tables.unshift({ name: 'other', rows: 5, fields: [{ name: 'id', type: 'sequence' }] });
    across.tables[2]!.fields[1]!.options = { table: 'other', field: 'id', greaterThan: 'tag1' };
    expect(compileIssues(across).map((i) => i.message)).toEqual([expect.stringMatching(/an ordered pair needs both on one column/)]);
  });
});
