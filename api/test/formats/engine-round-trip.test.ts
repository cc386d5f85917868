import { compile, generateRows, type Definition } from '../../src/engine/index.js';
import { roundTripSuite, type TableRows } from './round-trip-suite.js';

// Engine output through every format: what the CLI and the jobs will really write.
const definition: Definition = {
  version: 1,
  seed: 'formats',
  tables: [
    {
      name: 'users',
      rows: 60,
      primaryKey: ['id'],
      fields: [
        { name: 'id', type: 'string.uuid', unique: true },
        { name: 'email', type: 'internet.email', unique: true },
        { name: 'name', type: 'person.fullName' },
        { name: 'age', type: 'number.int', options: { min: -50, max: 90 }, nullRate: 0.2 },
        { name: 'active', type: 'datatype.boolean' },
        { name: 'signed_up_at', type: 'date.past', options: { years: 3 } },
        { name: 'bio', type: 'lorem.paragraph', nullRate: 0.3 },
        {
          name: 'prefs',
          type: 'json',
          options: {
            fields: [
              { name: 'plan', type: 'pick', options: { values: ['free', 'pro', 'it\'s "x"'] } },
              { name: 'seats', type: 'number.int', options: { min: 1, max: 10 } },
            ],
          },
        },
        { name: 'tags', type: 'array', options: { of: { type: 'lorem.word' }, min: 0, max: 3 } },
        { name: 'manager_id', type: 'ref', options: { table: 'users', field: 'id' } },
      ],
    },
    {
      name: 'orders',
      rows: 10,
      primaryKey: ['id'],
      fields: [
        { name: 'id', type: 'sequence', unique: true },
        { name: 'user_id', type: 'ref', options: { table: 'users', field: 'id', childrenPerParent: { min: 0, max: 3 } } },
        { name: 'note', type: 'regex', options: { pattern: '[=+@-][A-Za-z,"\']{3,8}' } },
      ],
    },
  ],
};

const plan = compile(definition);
const tables: TableRows[] = plan.tables.map((shape) => ({ shape, rows: [...generateRows(plan, shape.name, 0, shape.rows, 25)].flat() }));

roundTripSuite('engine output', tables, 2);
