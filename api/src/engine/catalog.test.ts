import { describe, expect, it } from 'vitest';
import { catalog, compile, type Definition, type FieldDefinition, searchCatalog } from './index.js';
import { allRows, hasKind } from './testing/rows.js';

describe('catalog', () => {
  it('has at least 150 distinct, described, JSON-Schema-typed entries with JSON-able examples', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(150);
    expect(new Set(catalog.map((c) => c.id)).size).toBe(catalog.length);
    for (const entry of catalog) {
      expect(entry.description.length, entry.id).toBeGreaterThan(3);
      expect(entry.options.type, entry.id).toBe('object');
      expect(JSON.parse(JSON.stringify(entry.example)), entry.id).toEqual(entry.example);
      expect(entry.example, entry.id).not.toBeUndefined();
    }
  });

  it('says a unique email is supported, as compile makes it (the builder offered the box as "not supported")', () => {
    expect(catalog.find((c) => c.id === 'email')?.uniqueSupported).toBe(true);
    const plan = compile({ version: 1, tables: [{ name: 'people', rows: 500, fields: [{ name: 'email', type: 'email', unique: true }] }] });
    const emails = allRows(plan, 'people').map((r) => r[0]);
    expect(new Set(emails).size).toBe(500);
  });

  it('every faker entry generates 100 values of its declared kind', () => {
    const fakerEntries = catalog.filter((c) => c.id.includes('.'));
    const definition: Definition = {
      version: 1,
      tables: [
        {
          name: 'everything',
          rows: 100,
          fields: fakerEntries.map((entry, i): FieldDefinition => ({ name: `f${i}`, type: entry.id, options: entry.exampleOptions })),
        },
      ],
    };
    const plan = compile(definition);
    const shape = plan.tables[0];
    const rows = allRows(plan, 'everything');
    const wrong: string[] = [];
    fakerEntries.forEach((entry, i) => {
      if (shape.columns[i].kind !== entry.kind) wrong.push(`${entry.id}: shape kind ${shape.columns[i].kind}`);
      if (entry.elementKind && shape.columns[i].elementKind !== entry.elementKind) wrong.push(`${entry.id}: element kind`);
      for (const row of rows) {
        const value = row[i];
        if (!hasKind(value, entry.kind)) wrong.push(`${entry.id}: ${JSON.stringify(value)} is not ${entry.kind}`);
        else if (entry.elementKind && !(value as unknown[]).every((v) => hasKind(v as never, entry.elementKind!))) wrong.push(`${entry.id}: elements`);
      }
    });
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('every built-in entry generates 100 values of its column kind', () => {
    const builtins = catalog.filter((c) => !c.id.includes('.'));
    expect(builtins.map((b) => b.id).sort()).toEqual([
      'after',
      'aggregate',
      'array',
      'before',
      'constant',
      'dateAfter',
      'email',
      'expression',
      'json',
      'jsonSchema',
      'lookup',
      'pick',
      'record',
      'ref',
      'regex',
      'sequence',
      'share',
      'slug',
      'template',
      'timeline',
    ]);
    const definition: Definition = {
      version: 1,
      tables: [
        { name: 'users', rows: 10, fields: [{ name: 'id', type: 'string.uuid' }] },
        {
          name: 'rows',
          rows: 100,
          fields: [
            { name: 'first_name', type: 'person.firstName' },
            { name: 'last_name', type: 'person.lastName' },
            { name: 'created_at', type: 'date.past' },
            ...builtins
              .filter((entry) => entry.id !== 'share')
              .map((entry): FieldDefinition => ({ name: `b_${entry.id}`, type: entry.id, options: entry.exampleOptions })),
          ],
        },
        // the share's example splits a parent's total among the rows laid out by it
        {
          name: 'invoices',
          rows: 10,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'total', type: 'number.float', options: { min: 1, max: 500, fractionDigits: 2 } },
          ],
        },
        {
          name: 'payments',
          fields: [
            { name: 'invoice_id', type: 'ref', options: { table: 'invoices', field: 'id', childrenPerParent: { min: 1, max: 3 } } },
            ...builtins
              .filter((entry) => entry.id === 'share')
              .map((entry): FieldDefinition => ({ name: `b_${entry.id}`, type: entry.id, options: entry.exampleOptions })),
          ],
        },
        // the child table the aggregate's example sums
        {
          name: 'order_items',
          fields: [
            { name: 'order_id', type: 'ref', options: { table: 'rows', field: 'first_name', childrenPerParent: { min: 0, max: 3 } } },
            { name: 'line_total', type: 'number.float', options: { min: 1, max: 99, fractionDigits: 2 } },
          ],
        },
      ],
    };
    const plan = compile(definition);
    const shape = plan.tables.find((t) => t.name === 'rows')!;
    const rows = allRows(plan, 'rows');
    const wrong: string[] = [];
    shape.columns.forEach((column, i) => {
      for (const row of rows) if (!hasKind(row[i], column.kind)) wrong.push(`${column.name}: ${JSON.stringify(row[i])} is not ${column.kind}`);
    });
    expect(wrong.slice(0, 10)).toEqual([]);
    const payments = plan.tables.find((t) => t.name === 'payments')!;
    expect(payments.columns[1].kind).toBe('number');
    expect(allRows(plan, 'payments').filter((row) => !hasKind(row[1], 'number'))).toEqual([]);
    expect(Object.fromEntries(shape.columns.map((c) => [c.name, c.kind]))).toMatchObject({
      b_ref: 'uuid',
      b_sequence: 'integer',
      b_json: 'json',
      b_array: 'array',
      b_dateAfter: 'timestamp',
      b_pick: 'text',
      b_aggregate: 'number',
    });
  });

  it('is searchable by id, group and description words', () => {
    // the built-in `email` (derived from name fields) matches the word exactly, faker's right after it
    expect(
      searchCatalog('email')
        .slice(0, 2)
        .map((c) => c.id),
    ).toEqual(['email', 'internet.email']);
    expect(searchCatalog('first name').map((c) => c.id)).toContain('person.firstName');
    expect(searchCatalog('foreign key').map((c) => c.id)).toEqual(['ref']);
    expect(searchCatalog('').length).toBe(catalog.length);
    expect(searchCatalog('zzzz-nothing')).toEqual([]);
  });
});
