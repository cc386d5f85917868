// A small shop whose definition has every kind of rule, and the bare tables (no constraints) it
// loads into, so the report's tests and tdg check's can break rows on purpose.
import { type Definition, parseDefinition } from '../../engine/index.js';

export function shopDefinition(customers: number): Definition {
  return parseDefinition({
    version: 1,
    seed: 'report',
    tables: [
      {
        name: 'customers',
        rows: customers,
        primaryKey: ['id'],
        fields: [
          { name: 'id', type: 'string.uuid' },
          { name: 'email', type: 'internet.email', unique: true },
          { name: 'tier', type: 'pick', options: { values: ['free', 'pro', 'team'], weights: [6, 3, 1] } },
          { name: 'age', type: 'number.int', options: { min: 18, max: 90 }, nullRate: 0.2 },
          { name: 'created_at', type: 'date.past', options: { years: 3 } },
        ],
      },
      {
        name: 'addresses',
        fields: [
          { name: 'id', type: 'string.uuid', unique: true },
          { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id', childrenPerParent: { min: 1, max: 2 } } },
          { name: 'city', type: 'location.city' },
          { name: 'is_default', type: 'datatype.boolean', exactlyOne: { per: 'customer_id' } },
        ],
      },
      {
        name: 'orders',
        primaryKey: ['id'],
        fields: [
          { name: 'id', type: 'sequence', options: { start: 1 } },
          { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id', childrenPerParent: { min: 0, max: 3 } } },
          {
            name: 'ship_to',
            type: 'ref',
            options: { table: 'addresses', field: 'id', scope: { target: 'customer_id', equals: 'customer_id', ifEmpty: 'null' } },
          },
          { name: 'placed_at', type: 'after', options: { from: 'customer_id.created_at', max: 60, atMost: 'now' } },
          { name: 'paid_at', type: 'after', options: { from: 'placed_at', min: 1, max: 9, strict: true }, nullRate: 0.3 },
          { name: 'total', type: 'number.float', options: { min: 1, max: 500, fractionDigits: 2 } },
          { name: 'note', type: 'lorem.word' },
          { name: 'status', type: 'pick', options: { values: ['open', 'paid'] } },
          { name: 'refund', type: 'number.int', options: { min: 1, max: 9 } },
        ],
        profiles: { field: 'status', variants: [{ value: 'open', fields: { refund: null } }, { value: 'paid' }] },
        // fails wherever id ends in 3, whatever note is redrawn to
        checks: [{ name: 'id_not_ending_in_3', expr: 'id % 10 <> 3', redraw: ['note'] }],
      },
    ],
  }) as Definition;
}

/** Tables for the shop's rows with none of its rules as constraints. */
export const SHOP_TABLES = `
create table customers (id uuid, email text, tier text, age int, created_at timestamptz);
create table addresses (id uuid, customer_id uuid, city text, is_default boolean);
create table orders (id int, customer_id uuid, ship_to uuid, placed_at timestamptz, paid_at timestamptz, total numeric, note text, status text, refund int);`;
