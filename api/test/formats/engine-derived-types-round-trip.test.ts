import { compile, generateRows, type Definition } from '../../src/engine/index.js';
import { roundTripSuite, type TableRows } from './round-trip-suite.js';

// The engine's derived text, records, JSON Schema and unique regex values through every format and
// into real databases: their column kinds (json, arrays of text/integers/objects) must load as declared.
const countries = ['US', 'DE', 'JP', 'BR'];
const definition: Definition = {
  version: 1,
  seed: 'formats-derived',
  tables: [
    {
      name: 'customers',
      rows: 40,
      primaryKey: ['code'],
      fields: [
        { name: 'code', type: 'regex', options: { pattern: 'C-[A-Z]{2}[0-9]{3}' }, unique: true },
        { name: 'first_name', type: 'record', options: { part: 'firstName', countries } },
        { name: 'last_name', type: 'record', options: { part: 'lastName', countries } },
        { name: 'city', type: 'record', options: { part: 'city', countries } },
        { name: 'postcode', type: 'record', options: { part: 'postcode', countries } },
        { name: 'phone', type: 'record', options: { part: 'phone', countries, phoneMaxLength: 16 } },
        { name: 'currency', type: 'record', options: { part: 'currency', countries } },
        { name: 'email', type: 'email', options: { firstName: 'first_name', lastName: 'last_name' }, unique: true },
        { name: 'handle', type: 'slug', options: { field: 'last_name' }, unique: true },
        {
          name: 'settings',
          type: 'jsonSchema',
          options: {
            schema: {
              type: 'object',
              required: ['theme', 'notifications'],
              properties: {
                theme: { type: 'string' },
                notifications: { type: 'object', properties: { email: { type: 'boolean' } } },
                note: { type: 'string', pattern: '^[\'"\\\\]{2}x$' },
              },
            },
          },
        },
        { name: 'tags', type: 'jsonSchema', options: { schema: { type: 'array', items: { type: 'string', enum: ['a"b', "c'd", 'e,f'] }, maxItems: 3 } } },
        { name: 'scores', type: 'jsonSchema', options: { schema: { type: 'array', items: { type: 'integer', minimum: -5, maximum: 5 } } } },
        {
          name: 'contacts',
          type: 'jsonSchema',
          options: {
            schema: { type: 'array', items: { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } }, maxItems: 2 },
          },
        },
      ],
    },
    {
      name: 'orders',
      rows: 30,
      primaryKey: ['number'],
      fields: [
        { name: 'number', type: 'regex', options: { pattern: 'ORD-[0-9]{5}' }, unique: true },
        { name: 'customer_code', type: 'ref', options: { table: 'customers', field: 'code' } },
        { name: 'ship_to', type: 'slug', options: { field: 'customer_code.city' } },
        { name: 'payer', type: 'email', options: { firstName: 'customer_code.first_name', lastName: 'customer_code.last_name', domain: 'pay.example' } },
      ],
    },
  ],
};

const plan = compile(definition);
const tables: TableRows[] = plan.tables.map((shape) => ({ shape, rows: [...generateRows(plan, shape.name, 0, shape.rows, 25)].flat() }));

roundTripSuite('derived types', tables, 1);
