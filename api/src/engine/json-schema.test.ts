import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { allRows, column } from './testing/rows.js';
import { compile, DefinitionError, type Definition } from './index.js';
import { jsonSchemaMaxLength } from './json-schema.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

const settings = {
  type: 'object',
  required: ['theme', 'language', 'timezone', 'notifications'],
  properties: {
    theme: { type: 'string' },
    language: { type: 'string' },
    timezone: { type: 'string' },
    notifications: {
      type: 'object',
      required: ['email', 'push'],
      properties: { email: { type: 'boolean' }, push: { type: 'boolean' }, digest: { type: 'string', enum: ['daily', 'weekly'] } },
      additionalProperties: false,
    },
    fontSize: { type: 'integer', minimum: 10, maximum: 24, multipleOf: 2 },
    beta: { const: true },
  },
  additionalProperties: false,
};

const SCHEMAS: Record<string, unknown>[] = [
  settings,
  {
    $defs: {
      address: {
        type: 'object',
        required: ['city', 'zip'],
        properties: { city: { type: 'string', minLength: 2 }, zip: { type: 'string', pattern: '^[0-9]{5}$' } },
      },
    },
    type: 'object',
    required: ['id', 'contact', 'addresses', 'createdAt', 'site', 'score', 'ratio', 'tags'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      contact: { type: 'string', format: 'email' },
      site: { type: 'string', format: 'uri' },
      createdAt: { type: 'string', format: 'date-time' },
      day: { type: 'string', format: 'date' },
      addresses: { type: 'array', items: { $ref: '#/$defs/address' }, minItems: 1, maxItems: 4 },
      score: { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10 },
      ratio: { type: 'number', minimum: 0.5, maximum: 0.75 },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 'b', 'c', 'd'] }, uniqueItems: true, minItems: 2, maxItems: 4 },
      code: { type: 'string', minLength: 3, maxLength: 6 },
      maybe: { type: ['string', 'null'], maxLength: 4 },
      choice: {
        oneOf: [
          { type: 'integer', minimum: 100, maximum: 200 },
          { type: 'string', pattern: '^x-[a-z]{3}$' },
        ],
      },
      both: {
        allOf: [
          { type: 'object', required: ['a'], properties: { a: { type: 'integer' } } },
          { required: ['b'], properties: { b: { type: 'boolean' } } },
        ],
      },
      shortMail: { type: 'string', format: 'email', maxLength: 24 },
      tuple: {
        type: 'array',
        prefixItems: [
          { type: 'string', format: 'ipv4' },
          { type: 'integer', minimum: 1, maximum: 65535 },
        ],
        items: false,
      },
    },
  },
  { type: 'array', items: { type: 'string', format: 'email' }, minItems: 0, maxItems: 5 },
  { type: 'array', items: { type: 'integer', minimum: -5, maximum: 5 } },
  {
    $defs: {
      node: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } } },
    },
    $ref: '#/$defs/node',
  },
  { type: 'string', pattern: '(ab)+-\\d{2}' },
  {
    type: 'object',
    properties: {
      metadata: { type: 'object' },
      counters: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 }, minProperties: 2, maxProperties: 4 },
    },
    required: ['metadata', 'counters'],
  },
];

const definition = (fields: Definition['tables'][number]['fields'], rows = 1500): Definition => ({
  version: 1,
  seed: 'json-schema',
  tables: [{ name: 't', rows, fields }],
});

describe('jsonSchema fields', () => {
  it('every value validates against its schema (ajv), for many schemas and rows', () => {
    const fields = SCHEMAS.map((schema, k) => ({ name: `s${k}`, type: 'jsonSchema', options: { schema } }));
    const plan = compile(definition(fields));
    const rows = allRows(plan, 't');
    SCHEMAS.forEach((schema, k) => {
      const validate = ajv.compile(schema);
      for (const value of column(plan, rows, 't', `s${k}`)) {
        const ok = validate(value);
        expect(ok, `${JSON.stringify(value)} ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    });
    // no value is longer than the bound a cost model reads
    SCHEMAS.forEach((schema, k) => {
      const bound = jsonSchemaMaxLength(schema);
      for (const value of column(plan, rows, 't', `s${k}`)) expect(JSON.stringify(value).length).toBeLessThanOrEqual(bound);
    });
    // arrays are array columns with their element kind; objects json; scalars their own kind
    const shape = plan.tables[0].columns;
    expect(shape.map((c) => [c.kind, c.elementKind])).toEqual([
      ['json', undefined],
      ['json', undefined],
      ['array', 'text'],
      ['array', 'integer'],
      ['json', undefined],
      ['text', undefined],
      ['json', undefined],
    ]);
  });

  it('common property names get plausible values', () => {
    const plan = compile(definition([{ name: 'settings', type: 'jsonSchema', options: { schema: settings } }], 400));
    const values = column(plan, allRows(plan, 't'), 't', 'settings') as { theme: string; language: string; timezone: string }[];
    for (const v of values) {
      expect(['light', 'dark', 'system']).toContain(v.theme);
      expect(v.language).toMatch(/^[a-z]{2}$/);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: v.timezone })).not.toThrow();
    }
    expect(new Set(values.map((v) => v.theme)).size).toBe(3);
    // open objects (metadata) get a few plausible keys
    const open = compile(definition([{ name: 'metadata', type: 'jsonSchema', options: { schema: { type: 'object' } } }], 200));
    for (const m of column(open, allRows(open, 't'), 't', 'metadata') as Record<string, string>[]) {
      expect(Object.keys(m).length).toBeGreaterThanOrEqual(1);
      expect(Object.keys(m).length).toBeLessThanOrEqual(3);
      for (const v of Object.values(m)) expect(typeof v).toBe('string');
    }
  });

  it('each value is seeded by its path: adding or removing a property changes no other', () => {
    const base = {
      type: 'object',
      required: ['a', 'b', 'list'],
      properties: {
        a: { type: 'string' },
        b: { type: 'integer' },
        list: { type: 'array', items: { type: 'object', required: ['x'], properties: { x: { type: 'number' } } } },
      },
    };
    const more = {
      ...base,
      required: ['a', 'new', 'b', 'list'],
      properties: {
        new: { type: 'string', format: 'email' },
        ...base.properties,
        list: {
          ...base.properties.list,
          items: { ...base.properties.list.items, properties: { y: { type: 'boolean' }, x: { type: 'number' } }, required: ['y', 'x'] },
        },
      },
    };
    const one = compile(definition([{ name: 'j', type: 'jsonSchema', options: { schema: base } }], 300));
    const two = compile(definition([{ name: 'j', type: 'jsonSchema', options: { schema: more } }], 300));
    const a = column(one, allRows(one, 't'), 't', 'j') as { a: string; b: number; list: { x: number }[] }[];
    const b = column(two, allRows(two, 't'), 't', 'j') as { a: string; b: number; list: { x: number }[] }[];
    for (let i = 0; i < a.length; i++) {
      expect(b[i].a).toBe(a[i].a);
      expect(b[i].b).toBe(a[i].b);
      expect(b[i].list.map((e) => e.x)).toEqual(a[i].list.map((e) => e.x));
    }
    // and the same rows whatever the chunking
    expect(JSON.stringify([...allRows(one, 't', 0, 137), ...allRows(one, 't', 137, 300)])).toBe(JSON.stringify(allRows(one, 't')));
  });

  it('refuses schemas it cannot generate, naming the place', () => {
    const issues = (schema: unknown) => {
      try {
        compile(
          definition([
            { name: 'id', type: 'sequence' },
            { name: 'j', type: 'jsonSchema', options: { schema } },
          ]),
        );
      } catch (error) {
        if (error instanceof DefinitionError) return error.issues;
        throw error;
      }
      return [];
    };
    expect(issues({ type: 'object', properties: { a: { not: { type: 'string' } } } })).toEqual([
      { path: 'tables[0].fields[1].options.schema.properties.a.not', message: expect.stringContaining('not supported') },
    ]);
    expect(issues({ type: 'integer', minimum: 5, maximum: 1 })).toEqual([
      { path: 'tables[0].fields[1].options.schema.maximum', message: 'must be >= minimum (5)' },
    ]);
    expect(issues({ type: 'string', format: 'credit-card' })).toEqual([
      { path: 'tables[0].fields[1].options.schema.format', message: expect.stringContaining('not supported') },
    ]);
    expect(issues({ type: 'object', required: ['ghost'] })).toEqual([
      { path: 'tables[0].fields[1].options.schema.required[0]', message: expect.stringContaining('"ghost"') },
    ]);
    expect(issues({ $ref: '#/$defs/missing' })).toEqual([
      { path: 'tables[0].fields[1].options.schema.$ref', message: expect.stringContaining('cannot resolve') },
    ]);
    expect(issues({ type: 'string', pattern: 'a{100000}' })).toEqual([
      { path: 'tables[0].fields[1].options.schema.pattern', message: expect.stringContaining('at most 10000') },
    ]);
  });
});

describe("jsonSchema nested in the engine's own json and array fields", () => {
  it('validates, and array elements differ from each other', () => {
    const schema = {
      type: 'object',
      required: ['id', 'score'],
      properties: { id: { type: 'string', format: 'uuid' }, score: { type: 'integer', minimum: 0, maximum: 1_000_000 } },
    };
    const plan = compile(
      definition(
        [
          { name: 'list', type: 'array', options: { of: { type: 'jsonSchema', options: { schema } }, min: 3, max: 3 } },
          { name: 'obj', type: 'json', options: { fields: [{ name: 'inner', type: 'jsonSchema', options: { schema } }] } },
        ],
        300,
      ),
    );
    const rows = allRows(plan, 't');
    const validate = ajv.compile(schema);
    for (const list of column(plan, rows, 't', 'list') as { id: string }[][]) {
      for (const v of list) expect(validate(v)).toBe(true);
      expect(new Set(list.map((v) => v.id)).size).toBe(3);
    }
    for (const obj of column(plan, rows, 't', 'obj') as { inner: unknown }[]) expect(validate(obj.inner)).toBe(true);
  });
});
