// Each task's answer checked as a saved schema is: the task's zod schema, its change applied, the
// engine's validation; problems name their place in the answer.
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../engine/index.js';
import { checkAnswer } from './answer.js';
import { answerJsonSchema, TASKS } from './tasks.js';

const current = parseDefinition({
  version: 1,
  referenceDate: '2026-06-01T00:00:00.000Z',
  tables: [
    {
      name: 'customers',
      rows: 5,
      primaryKey: ['id'],
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'created_at', type: 'date.past' },
        { name: 'email', type: 'internet.email' },
      ],
    },
    {
      name: 'orders',
      rows: 10,
      fields: [
        { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id' } },
        { name: 'product_name', type: 'lorem.words' },
        { name: 'created_at', type: 'date.past' },
      ],
    },
  ],
});
const check = (task: keyof typeof TASKS, answer: unknown) => checkAnswer(TASKS[task], current, typeof answer === 'string' ? answer : JSON.stringify(answer));

describe('checkAnswer', () => {
  it('turns a column answer into descriptions and a pick pool, leaving the rest', () => {
    const checked = check('columns', {
      explanation: 'x',
      columns: [{ table: 'orders', field: 'product_name', description: 'What was bought', values: ['Beans', 'Milk', 'Beans'] }],
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.definition.tables[1].fields[1]).toEqual({
      name: 'product_name',
      type: 'pick',
      options: { values: ['Beans', 'Milk'] },
      description: 'What was bought',
    });
    expect(checked.definition.tables[0]).toEqual(current.tables[0]);
  });

  it('refuses pools past 50, for columns a catalogue type models, and for fields that do not exist', () => {
    const many = Array.from({ length: 51 }, (_, i) => `v${i}`);
    expect(check('columns', { explanation: 'x', columns: [{ table: 'orders', field: 'product_name', description: 'd', values: many }] })).toMatchObject({
      ok: false,
      problems: [{ path: 'columns[0].values' }],
    });
    expect(check('columns', { explanation: 'x', columns: [{ table: 'customers', field: 'email', description: 'd', values: ['a@b.c'] }] })).toMatchObject({
      ok: false,
      problems: [{ path: 'columns[0].values', message: expect.stringContaining('internet.email') }],
    });
    expect(check('columns', { explanation: 'x', columns: [{ table: 'orders', field: 'nope', description: 'd' }] })).toMatchObject({
      ok: false,
      problems: [{ path: 'columns[0]', message: 'no field orders.nope in the schema' }],
    });
  });

  it("applies a rule's field and passes the engine's own problems back with their place", () => {
    const rule = (options: object) => ({
      explanation: 'x',
      rules: [{ table: 'orders', reason: 'after sign-up', field: { name: 'created_at', type: 'after', options } }],
    });
    const good = check('rules', rule({ from: 'customer_id.created_at', max: 30 }));
    expect(good.ok && good.definition.tables[1].fields[2].type).toBe('after');
    const bad = check('rules', rule({ from: 'customer_id.signed_up' }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0].path).toMatch(/^definition\.tables\[1\]\.fields\[2\]\.options/);
    expect(check('rules', { explanation: 'x', rules: [{ table: 'orders', reason: 'two\nlines', profiles: { variants: [{}] } }] })).toMatchObject({
      ok: false,
      problems: [{ path: 'rules[0].reason', message: 'must be one line' }],
    });
  });

  it('keeps the schema reference date under a whole new definition, and refuses text that is not JSON', () => {
    const described = check('describe', {
      explanation: 'x',
      definition: { version: 1, tables: [{ name: 'books', fields: [{ name: 'title', type: 'book.title' }] }] },
    });
    expect(described.ok && described.definition.referenceDate).toBe('2026-06-01T00:00:00.000Z');
    expect(check('describe', '{"explanation": "cut off')).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringMatching(/^not JSON/) }] });
  });

  it('asks the provider for JSON whose first property is the explanation', () => {
    for (const task of Object.values(TASKS)) {
      const schema = answerJsonSchema(task) as { type: string; properties: Record<string, unknown>; required: string[] };
      expect(schema.type).toBe('object');
      expect(Object.keys(schema.properties)[0]).toBe('explanation');
      expect(schema.required).toContain('explanation');
    }
  });
});
