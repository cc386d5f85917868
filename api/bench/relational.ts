// The engine bench's second definition: three related tables using the relational primitives of
// issue 13 (parent lookups, inequalities against parents and within rows, a scoped ref, many-to-many,
// exactly-one per parent, row profiles), and the same columns as a plain seeded-faker loop for comparison.
import type { Faker } from '@faker-js/faker';
import type { Definition } from '../src/engine/index.js';

/** Children per customer: addresses 1..3 (2 on average), orders 0..8 (4): 7 rows per customer. */
export const ROWS_PER_CUSTOMER = 7;

export function relationalDefinition(totalRows: number): Definition {
  const customers = Math.max(1, Math.round(totalRows / ROWS_PER_CUSTOMER));
  return {
    version: 1,
    locale: 'en',
    seed: 42,
    referenceDate: '2025-01-01T00:00:00.000Z',
    tables: [
      {
        name: 'customers',
        rows: customers,
        fields: [
          { name: 'id', type: 'string.uuid' },
          { name: 'name', type: 'person.fullName' },
          { name: 'email', type: 'internet.email' },
          { name: 'created_at', type: 'date.past', options: { years: 5 } },
          { name: 'currency', type: 'pick', options: { values: ['EUR', 'USD', 'GBP'], weights: [3, 2, 1] } },
        ],
      },
      {
        name: 'addresses',
        fields: [
          { name: 'id', type: 'string.uuid' },
          { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id', childrenPerParent: { min: 1, max: 3 } } },
          { name: 'street', type: 'location.streetAddress' },
          { name: 'city', type: 'location.city' },
          // item 4: one default address per customer
          { name: 'is_default', type: 'datatype.boolean', exactlyOne: { per: 'customer_id' } },
          // items 1-2: after the customer's creation, never after the reference instant
          { name: 'created_at', type: 'after', options: { from: 'customer_id.created_at', max: 30, atMost: 'now' } },
        ],
      },
      {
        name: 'orders',
        fields: [
          { name: 'id', type: 'string.uuid' },
          { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id', childrenPerParent: { min: 0, max: 8 } } },
          // item 3: billed to one of the customer's own addresses
          { name: 'billing_address_id', type: 'ref', options: { table: 'addresses', field: 'id', scope: { target: 'customer_id', equals: 'customer_id' } } },
          // item 4: many-to-many — each customer's orders name distinct referring customers, never the customer
          { name: 'referrer_id', type: 'ref', options: { table: 'customers', field: 'id', distinctWithin: 'customer_id', excludeSelf: true } },
          // item 1: the customer's currency
          { name: 'currency', type: 'lookup', options: { path: 'customer_id.currency' } },
          { name: 'status', type: 'pick', options: { values: ['placed', 'shipped', 'cancelled'] } },
          // item 2: child after parent, lifecycle within the row, sale price below the list price
          { name: 'placed_at', type: 'after', options: { from: 'customer_id.created_at', max: 365, atMost: 'now' } },
          { name: 'shipped_at', type: 'after', options: { from: 'placed_at', max: 5, unit: 'days' } },
          { name: 'list_total', type: 'commerce.price', options: { min: 5, max: 900 } },
          { name: 'paid_total', type: 'before', options: { from: 'list_total', max: 20 } },
        ],
        // item 5: status decides which timestamps exist
        profiles: {
          field: 'status',
          variants: [
            { value: 'placed', weight: 2, fields: { shipped_at: null } },
            { value: 'shipped', weight: 7 },
            { value: 'cancelled', weight: 1, fields: { shipped_at: null, paid_total: 0 } },
          ],
        },
      },
    ],
  };
}

const CURRENCIES = ['EUR', 'USD', 'GBP'];
const STATUSES = ['placed', 'shipped', 'cancelled'];

/** The same columns straight from faker, no relations kept: rows per customer as in the definition. */
export function plainRelationalRows(faker: Faker, customers: number, sink: (row: unknown[]) => void): number {
  let rows = 0;
  for (let c = 0; c < customers; c++) {
    sink([faker.string.uuid(), faker.person.fullName(), faker.internet.email(), faker.date.past({ years: 5 }), faker.helpers.arrayElement(CURRENCIES)]);
    const addresses = faker.number.int({ min: 1, max: 3 });
    for (let a = 0; a < addresses; a++)
      sink([
        faker.string.uuid(),
        faker.string.uuid(),
        faker.location.streetAddress(),
        faker.location.city(),
        faker.datatype.boolean(),
        faker.date.past({ years: 5 }),
      ]);
    const orders = faker.number.int({ min: 0, max: 8 });
    for (let o = 0; o < orders; o++)
      sink([
        faker.string.uuid(),
        faker.string.uuid(),
        faker.string.uuid(),
        faker.string.uuid(),
        faker.helpers.arrayElement(CURRENCIES),
        faker.helpers.arrayElement(STATUSES),
        faker.date.past({ years: 5 }),
        faker.date.soon({ days: 5 }),
        faker.commerce.price({ min: 5, max: 900 }),
        faker.number.float({ min: 0, max: 900, fractionDigits: 2 }),
      ]);
    rows += 1 + addresses + orders;
  }
  return rows;
}
