import { describe, expect, it } from 'vitest';
import type { Definition } from './definition';
import { emptyParentNote, referrersOf, renameTable } from './table-refs';

const shop = (): Definition => ({
  version: 1,
  tables: [
    { name: 'users', rows: 10, fields: [{ name: 'id', type: 'string.uuid' }] },
    {
      name: 'orders',
      rows: 20,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'user_id', type: 'ref', options: { table: 'users', field: 'id' } },
        { name: 'reviewer_id', type: 'ref', options: { table: 'users', field: 'id' }, nullRate: 1 },
      ],
    },
    { name: 'notes', rows: 5, fields: [{ name: 'order_id', type: 'ref', options: { table: 'orders', field: 'id' } }] },
  ],
});

describe('renameTable', () => {
  it('points every ref at the new name and leaves refs to other tables alone', () => {
    const definition = shop();
    renameTable(definition, 0, 'customers');
    expect(definition.tables[0]!.name).toBe('customers');
    expect(referrersOf(definition, 'customers')).toEqual([
      { table: 'orders', field: 'user_id' },
      { table: 'orders', field: 'reviewer_id' },
    ]);
    expect(referrersOf(definition, 'users')).toEqual([]);
    expect(definition.tables[2]!.fields[0]!.options).toEqual({ table: 'orders', field: 'id' });
  });

  it('follows a rename typed letter by letter, through an empty name', () => {
    const definition = shop();
    for (const name of ['user', '', 'p', 'people']) renameTable(definition, 0, name);
    expect(referrersOf(definition, 'people')).toHaveLength(2);
  });

  it('keeps refs on the old name while another table still has it', () => {
    const definition = shop();
    definition.tables.push({ name: 'users', rows: 1, fields: [] });
    renameTable(definition, 0, 'customers');
    expect(referrersOf(definition, 'users')).toHaveLength(2);
  });
});

describe('emptyParentNote', () => {
  it('explains why the children of a table with 0 rows cannot be generated', () => {
    const definition = shop();
    definition.tables[0]!.rows = 0;
    expect(emptyParentNote(definition, definition.tables[0]!)).toBe(
      "users has 0 rows, so orders.user_id has no row to point at and its table can't be generated. Give users at least 1 row, or let that field be 100 % null.",
    );
  });

  it('says nothing when the table has rows or its children are empty too', () => {
    const definition = shop();
    expect(emptyParentNote(definition, definition.tables[0]!)).toBeNull();
    definition.tables[1]!.rows = 0;
    expect(emptyParentNote(definition, definition.tables[1]!)).toMatch(/^orders has 0 rows, so notes.order_id has/);
    definition.tables[2]!.rows = 0;
    expect(emptyParentNote(definition, definition.tables[1]!)).toBeNull();
  });
});
