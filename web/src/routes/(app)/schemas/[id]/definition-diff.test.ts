import { describe, expect, it } from 'vitest';
import type { Definition } from '$lib/definition';
import { definitionDiff } from './definition-diff';

const before: Definition = {
  version: 1,
  tables: [
    {
      name: 'customers',
      rows: 10,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'email', type: 'internet.email' },
      ],
    },
    {
      name: 'orders',
      fields: [
        { name: 'product_name', type: 'lorem.words' },
        { name: 'note', type: 'lorem.sentence' },
      ],
    },
    { name: 'old', fields: [{ name: 'x', type: 'number.int' }] },
  ],
};

describe('definitionDiff', () => {
  it('is empty for the same definition', () => {
    expect(definitionDiff(before, structuredClone(before))).toEqual([]);
  });

  it('names every table and field added, removed or changed, and how', () => {
    const after = structuredClone(before);
    after.locale = 'de';
    after.tables[0]!.fields[1]!.description = 'Contact email';
    after.tables[1]!.fields[0] = { name: 'product_name', type: 'pick', options: { values: ['Beans', 'Milk'] } };
    after.tables[1]!.fields.pop();
    after.tables[1]!.profiles = { field: 'status', variants: [{ value: 'open' }] };
    after.tables.pop();
    after.tables.push({ name: 'payments', rows: 5, fields: [{ name: 'amount', type: 'finance.amount' }] });
    expect(definitionDiff(before, after)).toEqual([
      { kind: 'added', path: 'locale', detail: '— → "de"' },
      { kind: 'changed', path: 'customers.email', detail: 'description — → "Contact email"' },
      { kind: 'changed', path: 'orders.product_name', detail: 'type lorem.words → pick (2 values)' },
      { kind: 'removed', path: 'orders.note', detail: 'lorem.sentence' },
      { kind: 'changed', path: 'orders', detail: 'profiles — → {"field":"status","variants":[{"value":"open"}]}' },
      { kind: 'added', path: 'payments', detail: 'table of 1 fields, 5 rows' },
      { kind: 'added', path: 'payments.amount', detail: 'finance.amount' },
      { kind: 'removed', path: 'old', detail: 'table' },
    ]);
  });

  it('adds everything when there was nothing before', () => {
    expect(definitionDiff(null, before).filter((line) => line.kind !== 'added')).toEqual([]);
    expect(definitionDiff(null, before)).toHaveLength(3 + 5);
  });
});
