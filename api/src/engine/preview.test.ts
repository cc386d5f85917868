import { describe, expect, it } from 'vitest';
import { compile, type Definition, generateRows, previewRows } from './index.js';
import { allRows, serialize } from './testing/rows.js';

const definition: Definition = {
  version: 1,
  seed: 3,
  tables: [
    {
      name: 'orders',
      rows: 50,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'customer', type: 'ref', options: { table: 'customers', field: 'id' } },
      ],
    },
    {
      name: 'customers',
      rows: 20,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'name', type: 'company.name' },
      ],
    },
  ],
};

describe('previewRows', () => {
  it('shows the first rows of every table, parents first, exactly as an export has them', () => {
    const preview = previewRows(definition, undefined, 5);
    expect(preview.map((p) => p.table)).toEqual(['customers', 'orders']);
    expect(preview[0].columns).toEqual(['id', 'name']);
    const plan = compile(definition);
    for (const table of preview) {
      expect(table.rows).toHaveLength(5);
      expect(serialize(table.rows)).toBe(serialize(allRows(plan, table.table, 0, 5)));
    }
    expect(serialize(previewRows(definition, 'other', 5)[0].rows)).not.toBe(serialize(preview[0].rows));
  });
});

describe('generateRows', () => {
  it('streams batches of the asked size and rejects ranges outside the table', () => {
    const plan = compile(definition);
    const sizes = [...generateRows(plan, 'orders', 3, 50, 10)].map((b) => b.length);
    expect(sizes).toEqual([10, 10, 10, 10, 7]);
    expect([...generateRows(plan, 'orders', 7, 7)]).toEqual([]);
    expect(() => [...generateRows(plan, 'orders', 0, 51)]).toThrow(/outside table orders/);
    expect(() => [...generateRows(plan, 'nope', 0, 1)]).toThrow(/no table "nope"/);
  });
});

describe('locale and reference date', () => {
  const people = (locale: string, referenceDate?: string): Definition => ({
    version: 1,
    locale,
    referenceDate,
    tables: [
      {
        name: 'p',
        rows: 200,
        fields: [
          { name: 'city', type: 'location.city' },
          { name: 'seen', type: 'date.recent', options: { days: 2 } },
          { name: 'zip', type: 'location.zipCode' },
        ],
      },
    ],
  });

  it("uses the definition's locale, falling back to English where a locale lacks data", () => {
    const en = previewRows(people('en'), 1, 200)[0].rows.map((r) => r[0]);
    const de = previewRows(people('de'), 1, 200)[0].rows.map((r) => r[0]);
    expect(de.filter((c, i) => c === en[i]).length).toBeLessThan(20);
    const deZips = previewRows(people('de'), 1, 200)[0].rows.map((r) => r[2] as string);
    expect(deZips.every((z) => /^\d{5}$/.test(z))).toBe(true);
    expect(previewRows(people('ja'), 1, 3)[0].rows).toHaveLength(3);
  });

  it('pins relative dates to referenceDate', () => {
    const ref = Date.parse('2030-06-01T00:00:00Z');
    const seen = previewRows(people('en', '2030-06-01T00:00:00Z'), 1, 200)[0].rows.map((r) => (r[1] as Date).getTime());
    expect(seen.every((t) => t <= ref && t >= ref - 2 * 86_400_000)).toBe(true);
  });
});
