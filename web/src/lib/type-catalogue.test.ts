import { describe, expect, it } from 'vitest';
import { exampleOf, formatNumber, GROUP_LABELS, groupCatalogue, groupOf, searchCatalogue, typeName, type CatalogueType } from './type-catalogue';

// A slice of the API's catalogue, as `fieldTypes` lists it.
const types: CatalogueType[] = [
  { id: 'person.firstName', group: 'person', description: 'Given name, optionally by sex', kind: 'text', example: 'Jovany' },
  { id: 'person.fullName', group: 'person', description: 'First and last name', kind: 'text', example: 'Asha Buckridge' },
  { id: 'internet.email', group: 'internet', description: 'Email address', kind: 'text', example: 'Lyda@yahoo.com' },
  { id: 'internet.ipv4', group: 'internet', description: 'IPv4 address', kind: 'text', example: '9.113.143.49' },
  { id: 'location.city', group: 'location', description: 'City name', kind: 'text', example: 'Port Matteobury' },
  { id: 'date.anytime', group: 'date', description: 'Any date-time around the reference date', kind: 'timestamp', example: '2025-12-13T05:40:33.096Z' },
  { id: 'date.past', group: 'date', description: 'Date-time within `years` before the reference date', kind: 'timestamp', example: '2024-01-16T23:23:45.306Z' },
  { id: 'date.birthdate', group: 'date', description: 'Birth date (age or year range)', kind: 'date', example: '1979-06-18T00:00:00.000Z' },
  { id: 'number.int', group: 'number', description: 'Integer in [min, max]', kind: 'integer', example: 3129 },
  { id: 'datatype.boolean', group: 'datatype', description: 'true or false with a probability of true', kind: 'boolean', example: false },
  { id: 'string.uuid', group: 'string', description: 'UUID v4', kind: 'uuid', example: '7dd95225-9e42-4ce5-ba17-cc7045068f30' },
  {
    id: 'commerce.price',
    group: 'commerce',
    description: 'Price in [min, max] with `dec` decimals',
    kind: 'number',
    example: 40.2,
    exampleOptions: { dec: 2 },
  },
  { id: 'finance.iban', group: 'finance', description: 'IBAN bank account number', kind: 'text', example: 'BG83IVNF012644850G4P68' },
  { id: 'lorem.sentence', group: 'lorem', description: 'Lorem ipsum sentence (word count range)', kind: 'text', example: 'Cinis calco\nmagnam.' },
  { id: 'animal.dog', group: 'animal', description: 'Dog breed', kind: 'text', example: 'Saarloos Wolfdog' },
  { id: 'ref', group: 'relation', description: 'Foreign key: a value of a field of another (or the same) table', kind: 'uuid', example: '0f8f' },
  { id: 'lookup', group: 'relation', description: 'A copy of a value of the row or of a parent row', kind: 'timestamp', example: '2024-06-02T10:00:00.000Z' },
  { id: 'pick', group: 'builtin', description: 'One of the given values, optionally weighted', kind: 'text', example: 'active' },
  { id: 'sequence', group: 'builtin', description: 'start, start + step, start + 2·step, ...', kind: 'integer', example: 1 },
  { id: 'expression', group: 'builtin', description: 'A value computed from the row and its parents: arithmetic, comparisons', kind: 'text', example: 'Ada' },
  { id: 'timeline', group: 'builtin', description: 'Moments in row order over a span', kind: 'timestamp', example: '2024-06-02T10:00:00.000Z' },
  { id: 'json', group: 'builtin', description: 'An object built from nested fields', kind: 'json', example: { plan: 'pro', seats: 4 } },
  { id: 'quantum.qubit', group: 'quantum', description: 'A type added to the API later', kind: 'text', example: '|0>' },
];
const ids = (list: CatalogueType[]) => list.map((type) => type.id);

describe('groupCatalogue', () => {
  it('puts every type in exactly one group, so the whole catalogue is reachable', () => {
    const groups = groupCatalogue(types);
    expect(groups.flatMap((group) => ids(group.types)).sort()).toEqual(ids(types).sort());
    expect(groups.reduce((sum, group) => sum + group.types.length, 0)).toBe(types.length);
  });

  it('names groups in the user’s words, in their fixed order, with counts', () => {
    const groups = groupCatalogue(types);
    const labels = groups.map((group) => group.label);
    expect(labels.slice(0, 4)).toEqual(['Person', 'Internet', 'Commerce', 'Date & time']);
    expect(labels).toEqual(GROUP_LABELS.filter((label) => labels.includes(label)));
    expect(groups.find((group) => group.label === 'Date & time')?.types.map((type) => type.id)).toEqual([
      'date.anytime',
      'date.past',
      'date.birthdate',
      'timeline',
    ]);
    expect(groupOf({ id: 'ref', group: 'relation' })).toBe('Relationships');
    expect(groupOf({ id: 'expression', group: 'builtin' })).toBe('Logic & formulas');
    expect(groupOf({ id: 'string.uuid', group: 'string' })).toBe('Code & IDs');
    expect(groupOf({ id: 'quantum.qubit', group: 'quantum' })).toBe('More');
  });
});

describe('searchCatalogue', () => {
  const first = (query: string) => searchCatalogue(types, query)[0]?.id;

  it('finds types by the words people use that their ids do not say', () => {
    expect(ids(searchCatalogue(types, 'timestamp')).slice(0, 3)).toEqual(['date.anytime', 'date.past', 'date.birthdate']);
    expect(first('enum')).toBe('pick');
    expect(first('foreign key')).toBe('ref');
    expect(first('formula')).toBe('expression');
    expect(first('autoincrement')).toBe('sequence');
    expect(first('guid')).toBe('string.uuid');
  });

  it('finds by id, name and description, the exact id first', () => {
    expect(first('ref')).toBe('ref');
    expect(first('first name')).toBe('person.firstName');
    expect(first('dog breed')).toBe('animal.dog');
    expect(first('number.int')).toBe('number.int');
    expect(ids(searchCatalogue(types, 'IBAN'))).toEqual(['finance.iban']);
  });

  it('needs every word to match, and gives everything for an empty query', () => {
    expect(searchCatalogue(types, 'email zebra')).toEqual([]);
    expect(searchCatalogue(types, '   ')).toHaveLength(types.length);
  });
});

describe('names and examples', () => {
  it('names a type in words', () => {
    expect(typeName('person.firstName')).toBe('First name');
    expect(typeName('internet.ipv4')).toBe('IPV4');
    expect(typeName('location.nearbyGPSCoordinate')).toBe('Nearby GPS coordinate');
    expect(typeName('ref')).toBe('Ref');
  });

  it('writes numbers with the decimals their options ask for', () => {
    expect(formatNumber(40.2, { dec: 2 })).toBe('40.20');
    expect(formatNumber(7, { fractionDigits: 3 })).toBe('7.000');
    expect(formatNumber(40.2, {})).toBe('40.2');
    expect(exampleOf(types.find((type) => type.id === 'commerce.price')!)).toBe('40.20');
  });

  it('shows an example on one short line', () => {
    expect(exampleOf(types.find((type) => type.id === 'lorem.sentence')!)).toBe('Cinis calco magnam.');
    expect(exampleOf(types.find((type) => type.id === 'json')!)).toBe('{"plan":"pro","seats":4}');
    expect(exampleOf({ example: 'x'.repeat(100) }, 20)).toHaveLength(20);
    expect(exampleOf({ example: null })).toBe('');
    expect(exampleOf({ example: false })).toBe('false');
  });
});
