// A field type's options in plain words: the label a person reads ("Decimal places"), the unit
// beside the input ("days") and the range allowed ("0 to 10"), read from the option's key, the
// type it belongs to and its JSON Schema. The raw key is still shown beside the label, in code.

export interface OptionSchema {
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

export interface OptionWords {
  label: string;
  unit?: string;
  /** "0 to 10", "at least 1", "more than 0"; absent when the schema sets no useful bound. */
  range?: string;
}

type Words = { label: string; unit?: string };

// Per type and option path first, then per option path, then per key.
const BY_TYPE: Record<string, Record<string, Words>> = {
  'lorem.words': { min: { label: 'Fewest words' }, max: { label: 'Most words' } },
  'lorem.sentence': { min: { label: 'Fewest words' }, max: { label: 'Most words' } },
  'lorem.slug': { min: { label: 'Fewest words' }, max: { label: 'Most words' } },
  'word.words': { min: { label: 'Fewest words' }, max: { label: 'Most words' } },
  'lorem.sentences': { min: { label: 'Fewest sentences' }, max: { label: 'Most sentences' } },
  'lorem.paragraph': { min: { label: 'Fewest sentences' }, max: { label: 'Most sentences' } },
  'lorem.paragraphs': { min: { label: 'Fewest paragraphs' }, max: { label: 'Most paragraphs' } },
  'lorem.lines': { min: { label: 'Fewest lines' }, max: { label: 'Most lines' } },
  'location.latitude': {
    min: { label: 'Southernmost', unit: 'degrees' },
    max: { label: 'Northernmost', unit: 'degrees' },
    precision: { label: 'Decimal places' },
  },
  'location.longitude': {
    min: { label: 'Westernmost', unit: 'degrees' },
    max: { label: 'Easternmost', unit: 'degrees' },
    precision: { label: 'Decimal places' },
  },
  'date.birthdate': { min: { label: 'Youngest age or earliest year' }, max: { label: 'Oldest age or latest year' }, mode: { label: 'Read min and max as' } },
  'date.past': { years: { label: 'Within the last', unit: 'years' } },
  'date.future': { years: { label: 'Within the next', unit: 'years' } },
  'date.recent': { days: { label: 'Within the last', unit: 'days' } },
  'date.soon': { days: { label: 'Within the next', unit: 'days' } },
  'date.between': { from: { label: 'Earliest date' }, to: { label: 'Latest date' } },
  array: { min: { label: 'Fewest elements' }, max: { label: 'Most elements' }, of: { label: 'Element type' } },
  after: { min: { label: 'Shortest gap' }, max: { label: 'Longest gap' }, from: { label: 'After the value of' } },
  before: { min: { label: 'Shortest gap' }, max: { label: 'Longest gap' }, from: { label: 'Before the value of' } },
  sequence: { min: { label: 'Smallest value' }, max: { label: 'Largest value' }, from: { label: 'Counting from' } },
  share: { of: { label: 'Amount to share' }, per: { label: 'Shared among the children of' } },
  aggregate: { table: { label: 'Child table' }, field: { label: 'Child column' }, fn: { label: 'Sum or count' } },
  ref: { table: { label: 'Parent table' }, field: { label: 'Parent field' } },
  slug: { field: { label: 'Slug of the field' } },
  dateAfter: { field: { label: 'After the date field' } },
  'datatype.boolean': { probability: { label: 'Chance of true', unit: '0 to 1' } },
  'image.personPortrait': { size: { label: 'Size', unit: 'pixels' } },
  'location.nearbyGPSCoordinate': { origin: { label: 'Near the point [lat, long]' }, radius: { label: 'Within', unit: 'km (miles unless metric)' } },
};

const BY_PATH: Record<string, Words> = {
  'childrenPerParent.min': { label: 'Fewest children per parent' },
  'childrenPerParent.max': { label: 'Most children per parent' },
  'childrenPerParent.ranges': { label: 'Weighted ranges' },
  'sameAs.rate': { label: 'Share of rows', unit: '0 to 1' },
  'sameAs.when': { label: 'Only where the parent matches' },
};

const BY_KEY: Record<string, Words> = {
  min: { label: 'Smallest value' },
  max: { label: 'Largest value' },
  dec: { label: 'Decimal places' },
  fractionDigits: { label: 'Decimal places' },
  decimals: { label: 'Decimal places' },
  precision: { label: 'Decimal places' },
  multipleOf: { label: 'Multiple of' },
  length: { label: 'Length', unit: 'characters' },
  maxLength: { label: 'Longest', unit: 'characters' },
  minLength: { label: 'Shortest', unit: 'characters' },
  width: { label: 'Width', unit: 'pixels' },
  height: { label: 'Height', unit: 'pixels' },
  years: { label: 'Years', unit: 'years' },
  days: { label: 'Days', unit: 'days' },
  minDays: { label: 'At least', unit: 'days later' },
  maxDays: { label: 'At most', unit: 'days later' },
  span: { label: 'Spread over', unit: 'units (days by default)' },
  growth: { label: 'Times busier at the end' },
  refDate: { label: 'Reference date' },
  skew: { label: 'Skew' },
  choice: { label: 'How parents are picked' },
  childrenPerParent: { label: 'Children per parent' },
  start: { label: 'First value' },
  step: { label: 'Step' },
  values: { label: 'Values' },
  weights: { label: 'Weights' },
  pattern: { label: 'Pattern' },
  expr: { label: 'Formula' },
  template: { label: 'Template' },
  value: { label: 'Value' },
  path: { label: 'Copy the value of' },
  probability: { label: 'Chance', unit: '0 to 1' },
  rate: { label: 'Share', unit: '0 to 1' },
  strict: { label: 'Never equal' },
  fromIfRoom: { label: 'Also after, while there is room' },
  unit: { label: 'Unit' },
  sex: { label: 'Sex' },
};

const SAFE = Number.MAX_SAFE_INTEGER;

function words(key: string): string {
  const text = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plain(value: number): string {
  return Math.abs(value) >= 10_000 ? value.toLocaleString('en') : String(value);
}

/** "0 to 10", "at least 1", "more than 0", "at most 20"; nothing for bounds as wide as JavaScript's integers. */
export function rangeWords(schema: OptionSchema): string | undefined {
  const low = schema.minimum !== undefined && Math.abs(schema.minimum) < SAFE ? schema.minimum : undefined;
  const high = schema.maximum !== undefined && Math.abs(schema.maximum) < SAFE ? schema.maximum : undefined;
  const above = schema.exclusiveMinimum !== undefined && Math.abs(schema.exclusiveMinimum) < SAFE ? schema.exclusiveMinimum : undefined;
  if (low !== undefined && high !== undefined) return `${plain(low)} to ${plain(high)}`;
  if (above !== undefined && high !== undefined) return `more than ${plain(above)}, at most ${plain(high)}`;
  if (low !== undefined) return `at least ${plain(low)}`;
  if (above !== undefined) return `more than ${plain(above)}`;
  if (high !== undefined) return `at most ${plain(high)}`;
  return undefined;
}

/** The words for option `path` (`max`, `childrenPerParent.min`) of a field of type `typeId`. */
export function optionWords(typeId: string, path: string, schema: OptionSchema = {}): OptionWords {
  const key = path.slice(path.lastIndexOf('.') + 1);
  const known = BY_TYPE[typeId]?.[path] ?? BY_PATH[path] ?? BY_KEY[key];
  const range = rangeWords(schema);
  const described = schema.description && schema.description.length <= 40 ? words(schema.description) : undefined;
  const base: Words = known ?? { label: described ?? words(key) };
  // a unit that states the range itself ("0 to 1") is not repeated as the range
  return { ...base, ...(range && range !== base.unit ? { range } : {}) };
}

/**
 * The text an option's number input shows: what the person typed while it still reads as the
 * value (so "40.20" stays "40.20", not "40.2"), else the value itself.
 */
export function numberText(typed: string, value: unknown): string {
  if (typeof value !== 'number') return typed.trim() !== '' && Number.isFinite(Number(typed)) ? '' : typed;
  return typed.trim() !== '' && Number(typed) === value ? typed : String(value);
}
