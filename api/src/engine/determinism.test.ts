import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compile, type Definition, type FieldDefinition } from './index.js';
import { allRows, column, serialize } from './testing/rows.js';

const here = dirname(fileURLToPath(import.meta.url));

const fields: FieldDefinition[] = [
  { name: 'id', type: 'string.uuid' },
  { name: 'name', type: 'person.fullName' },
  { name: 'email', type: 'internet.email', unique: true },
  { name: 'score', type: 'number.float', options: { min: 0, max: 1, fractionDigits: 3 }, nullRate: 0.3 },
  { name: 'joined', type: 'date.past' },
  { name: 'left', type: 'dateAfter', options: { field: 'joined' } },
  { name: 'tier', type: 'pick', options: { values: ['a', 'b', 'c'], weights: [1, 2, 3] } },
  { name: 'bio', type: 'lorem.sentence', options: { min: 3, max: 12 } },
  { name: 'tags', type: 'array', options: { of: { type: 'word.noun' }, min: 0, max: 3 } },
];

const definition = (tableFields: FieldDefinition[] = fields, rows = 2600): Definition => ({
  version: 1,
  seed: 'determinism',
  tables: [
    {
      name: 'accounts',
      rows: 40,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'owner', type: 'company.name' },
      ],
    },
    { name: 'people', rows, fields: [...tableFields, { name: 'account', type: 'ref', options: { table: 'accounts', field: 'owner' } }] },
  ],
});

describe('determinism', () => {
  const plan = compile(definition());
  const whole = serialize(allRows(plan, 'people'));

  it('the same rows whatever the chunking, chunk order and batch size', () => {
    for (const cut of [1, 1023, 1024, 1025, 2047, 2500]) {
      const later = allRows(plan, 'people', cut, 2600, 77); // later chunk first
      const earlier = allRows(plan, 'people', 0, cut, 1000);
      expect(serialize([...earlier, ...later])).toBe(whole);
    }
    const many: ReturnType<typeof allRows> = [];
    for (let s = 0; s < 2600; s += 333) many.push(...allRows(plan, 'people', s, Math.min(2600, s + 333), 5));
    expect(serialize(many)).toBe(whole);
  });

  it('the same rows from a fresh plan, and different rows from another seed', () => {
    expect(serialize(allRows(compile(definition()), 'people'))).toBe(whole);
    const other = allRows(compile(definition(), { seed: 'another' }), 'people');
    const names = column(plan, allRows(plan, 'people'), 'people', 'name');
    const otherNames = column(plan, other, 'people', 'name');
    expect(names.filter((n, i) => n === otherNames[i]).length).toBeLessThan(100);
  });

  it('the same rows in another process', async () => {
    const def = definition();
    const expected = createHash('sha256');
    for (const row of allRows(plan, 'people', 1000, 2500)) expected.update(`${JSON.stringify(row)}\n`);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(here, 'testing', 'hash-rows.ts'), JSON.stringify(def), 'people', '1000', '2500'],
      {
        cwd: join(here, '..', '..'),
      },
    );
    expect(stdout).toBe(expected.digest('hex'));
  });

  it('adding, removing or reordering a field changes no other field', () => {
    const base = allRows(plan, 'people');
    const variants: FieldDefinition[][] = [
      [...fields.slice(0, 3), { name: 'extra', type: 'lorem.paragraph' }, ...fields.slice(3)],
      fields.filter((f) => f.name !== 'bio'),
      [...fields].reverse(),
    ];
    for (const variant of variants) {
      const other = compile(definition(variant));
      const rows = allRows(other, 'people');
      for (const field of [...fields.map((f) => f.name), 'account'].filter((n) => variant.some((f) => f.name === n) || n === 'account'))
        expect(column(other, rows, 'people', field), field).toEqual(column(plan, base, 'people', field));
    }
  });

  it('--rows override keeps the values of the rows both plans share', () => {
    const small = compile(definition(), { rows: 1500 });
    const smallRows = allRows(small, 'people');
    expect(smallRows).toHaveLength(1500);
    // refs pick among the (now 1500-row) parent table, so compare the non-ref columns
    const bigRows = allRows(plan, 'people', 0, 1500);
    for (const f of fields) expect(column(small, smallRows, 'people', f.name)).toEqual(column(plan, bigRows, 'people', f.name));
  });
});
