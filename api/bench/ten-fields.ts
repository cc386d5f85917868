// The 10-field table every benchmark uses (engine and formats), and the same fields as a plain
// seeded-faker loop for comparison.
import type { Faker } from '@faker-js/faker';
import type { Definition } from '../src/engine/index.js';

export function tenFieldDefinition(rows: number): Definition {
  return {
    version: 1,
    locale: 'en',
    seed: 42,
    tables: [
      {
        name: 'people',
        rows,
        fields: [
          { name: 'id', type: 'string.uuid' },
          { name: 'first_name', type: 'person.firstName' },
          { name: 'last_name', type: 'person.lastName' },
          { name: 'email', type: 'internet.email' },
          { name: 'age', type: 'number.int', options: { min: 18, max: 90 } },
          { name: 'signed_up_at', type: 'date.past', options: { years: 5 } },
          { name: 'company', type: 'company.name' },
          { name: 'city', type: 'location.city' },
          { name: 'active', type: 'datatype.boolean' },
          { name: 'bio', type: 'lorem.sentence' },
        ],
      },
    ],
  };
}

/** One row of the same ten fields straight from faker (the baseline). */
export function plainFakerRow(faker: Faker): unknown[] {
  return [
    faker.string.uuid(),
    faker.person.firstName(),
    faker.person.lastName(),
    faker.internet.email(),
    faker.number.int({ min: 18, max: 90 }),
    faker.date.past({ years: 5 }),
    faker.company.name(),
    faker.location.city(),
    faker.datatype.boolean(),
    faker.lorem.sentence(),
  ];
}
