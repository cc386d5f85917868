// No Latin in imported schemas: every fixture imported and generated at 1,000 rows has no column
// filled with lorem words (free prose included: it is English).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, generateRows, parseDefinition } from '../../src/engine/index.js';
import { importSql } from '../../src/import/index.js';
import { fixture } from './harness.js';
import { isLatinFilled, isLatinValue } from './latin.js';

const ROWS = 1000;
/** Patterns of free prose (where a little Latin would at least be prose). */
const PROSE = new Set(['description', 'bio', 'body', 'comment', 'headline', 'title', 'subject']);
const fixtures = readdirSync(new URL('./fixtures/', import.meta.url))
  .filter((f) => f.endsWith('.sql'))
  .map((f) => f.replace(/\.sql$/, ''));

describe('the Latin detector', () => {
  it('flags lorem columns and passes English ones', () => {
    const plan = compile(
      parseDefinition({
        version: 1,
        locale: 'en',
        tables: [
          {
            name: 't',
            rows: 200,
            fields: [
              { name: 'lorem', type: 'lorem.words', options: { min: 1, max: 3 } },
              { name: 'lorem_text', type: 'lorem.paragraph' },
              { name: 'english', type: 'helpers.fake', options: { pattern: '{{hacker.phrase}}' } },
              { name: 'words', type: 'word.words', options: { min: 1, max: 3 } },
              { name: 'names', type: 'person.fullName' },
            ],
          },
        ],
      }),
      { seed: 'latin' },
    );
    const columns: unknown[][] = [[], [], [], [], []];
    for (const batch of generateRows(plan, 't', 0, 200)) for (const row of batch) row.forEach((v, i) => columns[i]!.push(v));
    expect(columns.map(isLatinFilled)).toEqual([true, true, false, false, false]);
    expect(isLatinValue('Use the back-end SMS feed, then you can compress the virtual bandwidth!')).toBe(false);
    expect(isLatinValue('voluptas dolorem accusantium')).toBe(true);
  });
});

describe.each(fixtures)('fixture %s at %i rows a table', (name) => {
  it('has no Latin-filled column', () => {
    const { definition, columns } = importSql(fixture(name), { rows: ROWS });
    const plan = compile(parseDefinition(definition), { seed: `no-latin-${name}` });
    const latin: string[] = [];
    for (const table of definition.tables) {
      const rows = Math.min(ROWS, plan.tables.find((t) => t.name === table.name)!.rows);
      const values: unknown[][] = table.fields.map(() => []);
      for (const batch of generateRows(plan, table.name, 0, rows)) for (const row of batch) row.forEach((v, i) => values[i]!.push(v));
      table.fields.forEach((field, i) => {
        if (!isLatinFilled(values[i]!)) return;
        const choice = columns.find((c) => c.table === table.name && c.column === field.name);
        latin.push(`${table.name}.${field.name} (${choice?.pattern && PROSE.has(choice.pattern) ? 'prose' : 'not prose'}: ${choice?.reason})`);
      });
    }
    expect(latin).toEqual([]);
  });
});
