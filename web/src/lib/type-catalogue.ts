// The field type catalogue as a person browses it: every type the API lists, in groups named in
// the user's words, with a readable name, search by id, name, description and synonyms, and an
// example written as the type writes it (a price of two decimals reads "40.20").

/** What the catalogue needs of a type (the API's `FieldType`). */
export interface CatalogueType {
  id?: string | null;
  group?: string | null;
  description?: string | null;
  kind?: string | null;
  example?: unknown;
  exampleOptions?: unknown;
}

export interface CatalogueGroup<T extends CatalogueType> {
  label: string;
  types: T[];
}

/** The groups in the order they are shown; a type the table below does not place goes to "More". */
export const GROUP_LABELS = [
  'Person',
  'Internet',
  'Commerce',
  'Date & time',
  'Location',
  'Finance',
  'Numbers & yes/no',
  'Code & IDs',
  'Relationships',
  'Logic & formulas',
  'Lorem & words',
  'Travel & vehicles',
  'Animals & food',
  'Books, music & colours',
  'More',
] as const;

// The API's groups (the faker module of a type, or `relation` / `builtin`) in the user's words.
const GROUP_OF_API_GROUP: Record<string, string> = {
  person: 'Person',
  phone: 'Person',
  internet: 'Internet',
  image: 'Internet',
  commerce: 'Commerce',
  company: 'Commerce',
  date: 'Date & time',
  location: 'Location',
  finance: 'Finance',
  number: 'Numbers & yes/no',
  datatype: 'Numbers & yes/no',
  string: 'Code & IDs',
  database: 'Code & IDs',
  git: 'Code & IDs',
  system: 'Code & IDs',
  hacker: 'Code & IDs',
  relation: 'Relationships',
  lorem: 'Lorem & words',
  word: 'Lorem & words',
  airline: 'Travel & vehicles',
  vehicle: 'Travel & vehicles',
  animal: 'Animals & food',
  food: 'Animals & food',
  book: 'Books, music & colours',
  music: 'Books, music & colours',
  color: 'Books, music & colours',
  science: 'Books, music & colours',
  builtin: 'Logic & formulas',
};

// Types whose place is not their API group's.
const GROUP_OF_TYPE: Record<string, string> = {
  'phone.imei': 'Code & IDs',
  'date.timeZone': 'Location',
  'location.timeZone': 'Location',
  sequence: 'Code & IDs',
  regex: 'Code & IDs',
  email: 'Internet',
  slug: 'Internet',
  record: 'Location',
  dateAfter: 'Date & time',
  timeline: 'Date & time',
  'helpers.fake': 'Logic & formulas',
};

// Words people search for that the ids and descriptions do not say, per API group and per type.
const SYNONYMS_OF_API_GROUP: Record<string, string> = {
  date: 'timestamp datetime time when day created_at updated_at calendar',
  person: 'people user customer human contact',
  location: 'address geo place',
  finance: 'money bank payment',
  commerce: 'shop store product ecommerce retail',
  lorem: 'text filler placeholder dummy prose',
  word: 'text vocabulary',
  relation: 'relationship foreign key reference parent child',
  string: 'identifier code',
};

const SYNONYMS_OF_TYPE: Record<string, string> = {
  pick: 'enum choice one of select status category list options values weighted',
  ref: 'foreign key fk reference relation belongs to parent join',
  expression: 'formula computed calculated derived function math arithmetic if',
  template: 'format concat interpolation pattern combine',
  sequence: 'auto increment autoincrement serial counter identity id number',
  constant: 'fixed static literal same value default',
  regex: 'pattern regular expression format mask',
  aggregate: 'sum count total rollup children',
  share: 'split instalments installments portion',
  lookup: 'copy denormalise denormalize parent value',
  after: 'later than greater than ordered timestamp',
  before: 'earlier than less than ordered timestamp',
  dateAfter: 'timestamp updated_at later',
  timeline: 'timestamp created_at signup growth',
  json: 'object nested document',
  jsonSchema: 'object nested document settings preferences',
  array: 'list multiple tags set',
  email: 'e-mail mail',
  'internet.email': 'e-mail mail',
  'internet.exampleEmail': 'e-mail mail',
  'internet.url': 'link website web address',
  'internet.password': 'secret credential',
  'internet.username': 'login handle',
  'string.uuid': 'guid id primary key identifier',
  'string.ulid': 'id primary key identifier',
  'string.nanoid': 'id identifier token',
  'number.int': 'integer whole number count quantity amount',
  'number.float': 'decimal double real fraction',
  'datatype.boolean': 'bool flag true false yes no toggle checkbox',
  'commerce.price': 'money cost amount currency',
  'finance.amount': 'money cost price balance currency',
  'phone.number': 'telephone mobile cell',
  'location.zipCode': 'postcode postal code',
  'location.state': 'province region',
  'location.countryCode': 'iso country',
  'person.fullName': 'name',
  'company.name': 'business organisation organization employer',
  'date.birthdate': 'birthday dob date of birth age',
  'date.past': 'created_at history',
  'date.future': 'due deadline expiry',
  'helpers.fake': 'template pattern mustache',
};

const ACRONYMS = new Set(
  'id ip ipv4 ipv6 url http mac jwt uuid ulid iban bic cvv pin upc isbn imei vin vrm gps rgb cmyk hsl hwb lab lch css sha mongodb json iana iso'.split(' '),
);

/** The group a type is shown in. */
export function groupOf(type: CatalogueType): string {
  const id = type.id ?? '';
  return GROUP_OF_TYPE[id] ?? GROUP_OF_API_GROUP[type.group ?? ''] ?? 'More';
}

/** A type's name in words: `person.firstName` → "First name", `internet.ipv4` → "IPv4"-ish "IPV4". */
export function typeName(id: string): string {
  const method = id.includes('.') ? id.slice(id.indexOf('.') + 1) : id;
  const words = method
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function synonymsOf(type: CatalogueType): string {
  return [SYNONYMS_OF_API_GROUP[type.group ?? ''] ?? '', SYNONYMS_OF_TYPE[type.id ?? ''] ?? ''].join(' ').trim();
}

/** Every type in its group, groups in the order of GROUP_LABELS, empty groups left out. */
export function groupCatalogue<T extends CatalogueType>(types: readonly T[]): CatalogueGroup<T>[] {
  const byLabel = new Map<string, T[]>(GROUP_LABELS.map((label) => [label, []]));
  for (const type of types) byLabel.get(groupOf(type))!.push(type);
  return [...byLabel].filter(([, members]) => members.length > 0).map(([label, members]) => ({ label, types: members }));
}

function score(type: CatalogueType, word: string): number {
  const id = (type.id ?? '').toLowerCase();
  const parts = id.split('.');
  const name = typeName(type.id ?? '').toLowerCase();
  const synonyms = synonymsOf(type);
  if (id === word) return 100;
  if (parts.includes(word)) return 40;
  if (id.startsWith(word) || parts.some((part) => part.startsWith(word))) return 30;
  if (` ${synonyms} `.includes(` ${word} `)) return 25;
  if (name.split(' ').some((part) => part.startsWith(word))) return 20;
  if (id.includes(word) || name.includes(word)) return 10;
  if (synonyms.includes(word)) return 8;
  if (groupOf(type).toLowerCase().includes(word)) return 5;
  if ((type.description ?? '').toLowerCase().includes(word)) return 3;
  if ((type.kind ?? '').toLowerCase() === word) return 2;
  return 0;
}

/**
 * Types matching every word of `query` in their id, name, description, group, kind or synonyms,
 * best first; an empty query gives all of them in catalogue order.
 */
export function searchCatalogue<T extends CatalogueType>(types: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return types.slice();
  const scored: { type: T; score: number; order: number }[] = [];
  types.forEach((type, order) => {
    let total = 0;
    for (const word of words) {
      const points = score(type, word);
      if (points === 0) return;
      total += points;
    }
    scored.push({ type, score: total, order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((entry) => entry.type);
}

const DECIMAL_OPTIONS = ['dec', 'fractionDigits', 'decimals', 'precision'];

/** A number as the type writes it: with the decimals its options ask for (`dec: 2` → "40.20"). */
export function formatNumber(value: number, options: unknown): string {
  const settings = (options ?? {}) as Record<string, unknown>;
  const decimals = DECIMAL_OPTIONS.map((key) => settings[key]).find((n): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 20);
  return decimals === undefined ? String(value) : value.toFixed(decimals);
}

/** The example value in one short line. */
export function exampleOf(type: CatalogueType, maxLength = 60): string {
  const value = type.example;
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? formatNumber(value, type.exampleOptions) : typeof value === 'string' ? value : JSON.stringify(value);
  const line = text.replace(/\s+/g, ' ');
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
