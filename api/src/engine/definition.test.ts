import { describe, expect, it } from 'vitest';
import { compile, DefinitionError, generateRows, parseDefinition, type Definition } from './index.js';

function issuesOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DefinitionError);
    expect((error as Error).name).toBe('DefinitionError');
    return (error as DefinitionError).issues;
  }
  throw new Error('expected a DefinitionError');
}

const issueExample = {
  version: 1,
  locale: 'en',
  tables: [
    {
      name: 'users',
      rows: 1000,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'email', type: 'internet.email', unique: true },
        { name: 'age', type: 'number.int', options: { min: 18, max: 90 }, nullRate: 0.1 },
      ],
      unique: [['first_name', 'last_name']],
    },
    { name: 'orders', rows: 5000, fields: [{ name: 'user_id', type: 'ref', options: { table: 'users', field: 'id' } }] },
  ],
};

describe('parseDefinition', () => {
  it("accepts the issue's shape once its composite unique names real fields", () => {
    const fixed = structuredClone(issueExample) as unknown as Definition;
    fixed.tables[0].fields.push({ name: 'first_name', type: 'person.firstName' }, { name: 'last_name', type: 'person.lastName' });
    const def = parseDefinition(fixed);
    expect(def.tables.map((t) => t.name)).toEqual(['users', 'orders']);
  });

  it('rejects a composite unique naming fields the table does not have, naming them', () => {
    const issues = issuesOf(() => parseDefinition(issueExample));
    expect(issues).toContainEqual(expect.objectContaining({ path: 'tables[0].unique[0]', message: expect.stringContaining('unknown field "first_name"') }));
    expect(issues).toContainEqual(expect.objectContaining({ path: 'tables[0].unique[0]', message: expect.stringContaining('unknown field "last_name"') }));
  });

  it('names the option path when max < min, with both values', () => {
    const def = structuredClone(issueExample) as Definition;
    def.tables[0].unique = undefined;
    def.tables[1].fields.push(
      { name: 'a', type: 'person.firstName' },
      { name: 'b', type: 'lorem.word' },
      { name: 'qty', type: 'number.int', options: { min: 5, max: 2 } },
    );
    const error = (() => {
      try {
        parseDefinition(def);
      } catch (e) {
        return e as DefinitionError;
      }
    })()!;
    expect(error.issues).toEqual([{ path: 'tables[1].fields[3].options.max', message: 'must be >= min (got 2 < 5)' }]);
    expect(error.message).toContain('tables[1].fields[3].options.max: must be >= min (got 2 < 5)');
  });

  it('names unknown types, options, locales and structural mistakes', () => {
    const issues = issuesOf(() =>
      parseDefinition({
        version: 1,
        locale: 'xx_YY',
        tables: [
          {
            name: 't',
            rows: -1,
            fields: [
              { name: 'a', type: 'person.fristName' },
              { name: 'b', type: 'number.int', options: { minimum: 1 } },
              { name: 'c', type: 'person.firstName', nullRate: 2 },
            ],
          },
        ],
      }),
    );
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['tables[0].rows', 'tables[0].fields[2].nullRate']));
    // structural errors stop before semantic checks; fix them and the rest is reported
    const second = issuesOf(() =>
      parseDefinition({
        version: 1,
        locale: 'xx_YY',
        tables: [
          {
            name: 't',
            rows: 1,
            fields: [
              { name: 'a', type: 'person.fristName' },
              { name: 'b', type: 'number.int', options: { minimum: 1 } },
            ],
          },
        ],
      }),
    );
    expect(second).toContainEqual({ path: 'locale', message: expect.stringContaining('unknown locale "xx_YY"') });
    expect(second).toContainEqual({ path: 'tables[0].fields[0].type', message: expect.stringContaining('did you mean "person.firstName"') });
    expect(second).toContainEqual(expect.objectContaining({ path: 'tables[0].fields[1].options' }));
  });

  it('checks references, templates, dateAfter and nesting', () => {
    const issues = issuesOf(() =>
      parseDefinition({
        version: 1,
        tables: [
          {
            name: 'a',
            fields: [
              { name: 'id', type: 'sequence' },
              { name: 'x', type: 'ref', options: { table: 'nope', field: 'id' } },
              { name: 'y', type: 'ref', options: { table: 'a', field: 'missing' } },
              { name: 't', type: 'template', options: { template: 'hi {{ghost}}' } },
              { name: 'd', type: 'dateAfter', options: { field: 'id' } },
              { name: 'j', type: 'json', options: { fields: [{ name: 'r', type: 'ref', options: { table: 'a', field: 'id' } }] } },
              { name: 'w', type: 'regex', options: { pattern: '[a-' } },
              { name: 'u', type: 'date.past', unique: true },
            ],
          },
        ],
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'tables[0].fields[1].options.table', message: expect.stringContaining('unknown table "nope"') },
        { path: 'tables[0].fields[2].options.field', message: expect.stringContaining('unknown field "missing" in table a') },
        { path: 'tables[0].fields[3].options.template', message: expect.stringContaining('unknown field "ghost"') },
        { path: 'tables[0].fields[4].options.field', message: expect.stringContaining('is not a date') },
        { path: 'tables[0].fields[5].options.fields[0].type', message: expect.stringContaining('cannot be nested') },
        { path: 'tables[0].fields[6].options.pattern', message: 'must be a valid regular expression' },
        { path: 'tables[0].fields[7].unique', message: expect.stringContaining('not supported') },
      ]),
    );
  });

  it('rejects fields that depend on each other in a cycle', () => {
    const issues = issuesOf(() =>
      parseDefinition({
        version: 1,
        tables: [
          {
            name: 'a',
            fields: [
              { name: 'p', type: 'template', options: { template: '{{q}}' } },
              { name: 'q', type: 'template', options: { template: '{{p}}' } },
            ],
          },
        ],
      }),
    );
    expect(issues).toEqual([{ path: 'tables[0].fields', message: expect.stringContaining('p -> q -> p') }]);
  });
});

describe('compile errors, before any row', () => {
  it('rejects a unique space smaller than the rows asked', () => {
    const def: Definition = { version: 1, tables: [{ name: 'flags', rows: 3, fields: [{ name: 'on', type: 'datatype.boolean', unique: true }] }] };
    const issues = issuesOf(() => compile(def));
    expect(issues).toEqual([{ path: 'tables[0].fields[0].unique', message: 'only 2 distinct values of on for 3 rows' }]);
    expect(() => compile(def, { rows: 2 })).not.toThrow();
  });

  it('rejects a composite unique that cannot hold the rows', () => {
    const def: Definition = {
      version: 1,
      tables: [
        {
          name: 't',
          rows: 10,
          fields: [
            { name: 'a', type: 'pick', options: { values: [1, 2, 3] } },
            { name: 'b', type: 'datatype.boolean' },
          ],
          unique: [['a', 'b']],
        },
      ],
    };
    expect(issuesOf(() => compile(def))).toEqual([
      { path: 'tables[0].unique[0]', message: expect.stringContaining('cannot guarantee (a, b) unique for 10 rows') },
    ]);
  });

  it('rejects a reference cycle unless one ref may be null or points at a sequence, and orders parents first', () => {
    const cyclic = (nullRate?: number, key = 'string.uuid'): Definition => ({
      version: 1,
      tables: [
        {
          name: 'employees',
          rows: 5,
          fields: [
            { name: 'id', type: key },
            { name: 'dept', type: 'ref', options: { table: 'departments', field: 'id' } },
          ],
        },
        {
          name: 'departments',
          rows: 2,
          fields: [
            { name: 'id', type: key },
            { name: 'head', type: 'ref', options: { table: 'employees', field: 'id' }, nullRate },
          ],
        },
      ],
    });
    expect(issuesOf(() => compile(cyclic()))).toEqual([{ path: 'tables', message: expect.stringContaining('cycle') }]);
    expect(compile(cyclic(0.5)).tables.map((t) => t.name)).toEqual(['departments', 'employees']);
    // NOT NULL both ways (staff → store → staff): a sequence's keys are known before its table is written
    const plan = compile(cyclic(undefined, 'sequence'));
    const rows = (table: string) => [...generateRows(plan, table, 0, plan.tables.find((t) => t.name === table)!.rows)].flat();
    const [employees, departments] = [rows('employees'), rows('departments')];
    expect(employees.every((r) => departments.some((d) => d[0] === r[1]))).toBe(true);
    expect(departments.every((d) => employees.some((e) => e[0] === d[1]))).toBe(true);
  });

  it('names an unknown --table and a bad rows override', () => {
    const def: Definition = { version: 1, tables: [{ name: 't', fields: [{ name: 'a', type: 'sequence' }] }] };
    expect(issuesOf(() => compile(def, { table: 'nope' }))).toEqual([{ path: 'table', message: expect.stringContaining('unknown table "nope"') }]);
    expect(issuesOf(() => compile(def, { rows: -1 }))).toEqual([{ path: 'rows', message: expect.stringContaining('must be an integer') }]);
  });
});
