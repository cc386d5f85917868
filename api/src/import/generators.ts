// Column name + type + constraints → a generator (type and options). Every choice lands in a
// plain definition the user can edit, so these are best guesses, not rules.
import type { ColumnRule } from './checks.js';
import { INT_RANGE, textLimit, type Category } from './type-category.js';
import type { ColumnModel } from './model.js';

export interface Generator {
  type: string;
  options?: Record<string, unknown>;
}

/** How many distinct values a generator can produce (Infinity when it is not bounded). */
export function capacityOf(g: Generator): number {
  const o = g.options ?? {};
  switch (g.type) {
    case 'pick':
      return new Set((o.values as unknown[]).map(String)).size;
    case 'datatype.boolean':
      return 2;
    case 'constant':
      return 1;
    case 'number.int':
      return Number(o.max) - Number(o.min) + 1;
    case 'sequence':
      return o.max === undefined ? Infinity : Math.floor((Number(o.max) - Number(o.start)) / Number(o.step ?? 1)) + 1;
    case 'string.alpha':
      return 26 ** Number(o.length ?? 8);
    case 'location.countryCode':
      return 200;
    case 'finance.currencyCode':
      return 150;
    default:
      return Infinity;
  }
}

export interface ColumnContext {
  table: string;
  column: ColumnModel;
  category: Category;
  rule: ColumnRule;
  enumValues?: string[];
  unique: boolean;
  /** Names of the other columns of the table (for updated_at → created_at). */
  siblings: string[];
}

// The longest value each text generator produces (generous bounds), to respect varchar(n).
const MAX_LENGTH: Record<string, number> = {
  'internet.email': 60, 'internet.username': 30, 'person.firstName': 15, 'person.lastName': 20,
  'person.fullName': 45, 'person.jobTitle': 60, 'person.sex': 6, 'lorem.word': 20, 'lorem.words': 60,
  'lorem.slug': 60, 'lorem.sentence': 160, 'lorem.paragraph': 700, 'lorem.paragraphs': 2200,
  'internet.url': 80, 'image.personPortrait': 120, 'image.url': 120, 'phone.number': 30,
  'location.country': 60, 'location.countryCode': 2, 'location.city': 35, 'location.streetAddress': 60,
  'location.zipCode': 10, 'location.state': 20, 'internet.ip': 39, 'color.rgb': 7,
  'finance.currencyCode': 3, 'company.name': 60, 'commerce.productName': 60, 'commerce.department': 20,
  'internet.domainName': 40, 'internet.userAgent': 400, 'internet.mac': 17, 'location.timeZone': 40,
  'string.uuid': 36, 'internet.password': 15,
};

// Shorter alternatives, tried in order when a column is too narrow for the first choice.
const NARROWER: Record<string, string[]> = {
  'lorem.paragraphs': ['lorem.paragraph', 'lorem.sentence', 'lorem.words', 'lorem.word'],
  'lorem.paragraph': ['lorem.sentence', 'lorem.words', 'lorem.word'],
  'lorem.sentence': ['lorem.words', 'lorem.word'],
  'lorem.words': ['lorem.word'],
  'person.fullName': ['person.lastName'],
  'company.name': ['lorem.word'],
  'commerce.productName': ['commerce.department', 'lorem.word'],
  'internet.userAgent': ['lorem.words'],
};

interface TextGuess {
  test: RegExp;
  type: string | ((ctx: ColumnContext) => string);
}

const PEOPLE_TABLE = /user|people|person|member|customer|author|profile|employee|contact|student|patient|account_holder|staff|owner/;
const ORG_TABLE = /org|compan|tenant|workspace|team|account|business|vendor|supplier|merchant|brand|store|shop/;
const PRODUCT_TABLE = /product|item|sku|variant|catalog|listing|plan|course|book|movie|game/;

const TEXT_GUESSES: TextGuess[] = [
  { test: /e_?mail/, type: 'internet.email' },
  { test: /^(first_?name|given_?name|fname)$/, type: 'person.firstName' },
  { test: /^(last_?name|surname|family_?name|lname)$/, type: 'person.lastName' },
  { test: /^(full_?name|display_?name|contact_?name|author_?name|customer_?name)$/, type: 'person.fullName' },
  { test: /^(user_?name|login|handle|nick_?name|screen_?name)$/, type: 'internet.username' },
  { test: /slug/, type: 'lorem.slug' },
  { test: /avatar|profile_?(pic|image|photo)/, type: 'image.personPortrait' },
  { test: /(image|photo|picture|thumbnail|logo|cover|banner)(_?url)?$/, type: 'image.url' },
  { test: /(^|_)(url|website|homepage|link|href|uri)$/, type: 'internet.url' },
  { test: /^(domain|hostname|host)$/, type: 'internet.domainName' },
  { test: /user_?agent/, type: 'internet.userAgent' },
  { test: /(^|_)ip(_?addr(ess)?)?$/, type: 'internet.ip' },
  { test: /mac_?addr/, type: 'internet.mac' },
  { test: /phone|mobile|fax|tel$/, type: 'phone.number' },
  { test: /country_?code|^iso2$/, type: 'location.countryCode' },
  { test: /country/, type: 'location.country' },
  { test: /city|town/, type: 'location.city' },
  { test: /^(state|region|province)$/, type: 'location.state' },
  { test: /zip|postal|post_?code/, type: 'location.zipCode' },
  { test: /address|street/, type: 'location.streetAddress' },
  { test: /time_?zone|^tz$/, type: 'location.timeZone' },
  { test: /colou?r/, type: 'color.rgb' },
  { test: /currency/, type: 'finance.currencyCode' },
  { test: /job_?title|position_?title|occupation/, type: 'person.jobTitle' },
  { test: /^(company|company_?name|organization|organisation|employer)$/, type: 'company.name' },
  { test: /gender|^sex$/, type: 'person.sex' },
  { test: /password(?!_?hash)/, type: 'internet.password' },
  { test: /title|headline|subject|heading/, type: 'lorem.sentence' },
  { test: /description|summary|bio|about|excerpt|caption|details|tagline/, type: 'lorem.paragraph' },
  { test: /content|body|text|message|comment|notes?$|markdown|html/, type: 'lorem.paragraphs' },
  { test: /^(tag|label|keyword|category|genre|type|kind|word)s?$/, type: 'lorem.word' },
  {
    test: /(^|_)name$/,
    type: (ctx) =>
      PEOPLE_TABLE.test(ctx.table) ? 'person.fullName' : ORG_TABLE.test(ctx.table) ? 'company.name' : PRODUCT_TABLE.test(ctx.table) ? 'commerce.productName' : 'lorem.words',
  },
];

// Small vocabularies for columns that usually hold one of a few words.
const VOCABULARIES: [RegExp, string[]][] = [
  [/status$|^state$/, ['active', 'inactive', 'pending', 'archived']],
  [/role$/, ['member', 'admin', 'owner', 'viewer']],
  [/^(plan|tier|subscription)$/, ['free', 'pro', 'enterprise']],
  [/^(locale|language|lang)$/, ['en', 'fr', 'de', 'es', 'ja']],
  [/priority|severity/, ['low', 'medium', 'high']],
  [/visibility/, ['public', 'private', 'unlisted']],
];

interface NumberGuess {
  test: RegExp;
  min: number;
  max: number;
  fractionDigits?: number;
}

const NUMBER_GUESSES: NumberGuess[] = [
  { test: /price|amount|cost|total|subtotal|balance|fee|salary|revenue|budget|tax|discount|payment/, min: 1, max: 1000, fractionDigits: 2 },
  { test: /(^|_)(count|qty|quantity|stock|inventory)$|_count$|^num_|^number_of/, min: 0, max: 100 },
  { test: /version|revision/, min: 1, max: 20 },
  { test: /^age$/, min: 18, max: 90 },
  { test: /rating|stars/, min: 1, max: 5 },
  { test: /score|percent|percentage|progress/, min: 0, max: 100 },
  { test: /position|sort_?order|^order$|rank|priority|index|seq/, min: 0, max: 100 },
  { test: /year/, min: 1990, max: 2030 },
  { test: /duration|seconds|minutes|timeout|ttl/, min: 1, max: 3600 },
  { test: /lat(itude)?$/, min: -90, max: 90, fractionDigits: 6 },
  { test: /(lng|lon|longitude)$/, min: -180, max: 180, fractionDigits: 6 },
  { test: /weight|height|width|length|size|distance/, min: 1, max: 500, fractionDigits: 2 },
];

const FUTURE = /expire|expiry|due|deadline|scheduled|starts?_|ends?_|valid_until|next_|renew|trial_end/;
const MOSTLY_NULL = /deleted|archived|cancel(l)?ed|banned|revoked|suspended|closed|refunded|disabled/;

/** Nullable columns named like a soft delete are usually NULL. */
export function usualNullRate(column: ColumnModel): number | undefined {
  return MOSTLY_NULL.test(column.name.toLowerCase()) ? 0.8 : undefined;
}

// Count ranges the lorem generators need (and that bound their length in MAX_LENGTH).
const COUNTS: Record<string, { min: number; max: number }> = {
  'lorem.words': { min: 2, max: 4 },
  'lorem.sentence': { min: 4, max: 10 },
  'lorem.slug': { min: 2, max: 4 },
  'lorem.paragraph': { min: 2, max: 4 },
  'lorem.paragraphs': { min: 1, max: 3 },
};

function withDefaults(type: string): Generator {
  const counts = COUNTS[type];
  return counts ? { type, options: { ...counts } } : { type };
}

function fitText(type: string, min: number, max: number | undefined): Generator {
  const candidates = [type, ...(NARROWER[type] ?? [])];
  for (const c of candidates) {
    if (max === undefined || (MAX_LENGTH[c] ?? 40) <= max) {
      if (min <= 1 || c !== 'lorem.word') return withDefaults(c);
    }
  }
  return alpha(min, max ?? 12);
}

/** Random lower-case letters of one length between min and max (8 when the range allows). */
function alpha(min: number, max: number): Generator {
  const length = Math.max(1, min, Math.min(max, 8));
  return { type: 'string.alpha', options: { length, casing: 'lower' } };
}

export function chooseGenerator(ctx: ColumnContext): Generator {
  const { column, category, rule } = ctx;
  const name = column.name.toLowerCase();
  if (rule.values) return { type: 'pick', options: { values: rule.values } };
  if (category === 'enum') return { type: 'pick', options: { values: ctx.enumValues ?? [] } };
  if (category === 'bool') return { type: 'datatype.boolean' };
  if (category === 'uuid') return { type: 'string.uuid' };
  if (category === 'int' || category === 'decimal' || category === 'float') return numeric(ctx, name);
  if (category === 'date' || category === 'timestamp') return temporal(ctx, name);
  if (category === 'json') {
    const d = column.default;
    if (d?.kind === 'literal' && typeof d.value === 'string') {
      try {
        return { type: 'constant', options: { value: JSON.parse(d.value) } };
      } catch {
        // fall through to generated JSON
      }
    }
    return { type: 'json', options: { fields: [{ name: 'key', type: 'lorem.word' }, { name: 'value', type: 'number.int', options: { min: 0, max: 100 } }] } };
  }
  if (category === 'inet') return { type: 'internet.ip' };
  if (category === 'macaddr') return { type: 'internet.mac' };
  // faker's fromRegExp knows classes and counts, not groups or alternatives
  if (category === 'time') return { type: 'regex', options: { pattern: '[01][0-9]:[0-5][0-9]:[0-5][0-9]' } };
  if (category === 'interval') return { type: 'regex', options: { pattern: '[1-9][0-9]? days' } };
  // bytea's escape input format takes plain ASCII as bytes
  if (category === 'bytea') return { type: 'string.alphanumeric', options: { length: 32 } };
  return text(ctx, name);
}

function text(ctx: ColumnContext, name: string): Generator {
  const limit = Math.min(textLimit(ctx.column.type) ?? Infinity, ctx.rule.maxLength ?? Infinity);
  const max = Number.isFinite(limit) ? limit : undefined;
  const min = ctx.rule.minLength ?? 0;
  if (ctx.column.type.name === 'bpchar' && max !== undefined && max <= 3) {
    if (max === 2 && /country|iso|lang/.test(name)) return { type: 'location.countryCode' };
    if (max === 3 && /currency/.test(name)) return { type: 'finance.currencyCode' };
    return alpha(max, max);
  }
  if (ctx.unique && (!/e_?mail|user_?name|login|handle|slug/.test(name) || (max !== undefined && max < 24))) {
    // unique free text: uuids do not collide; narrower columns get a counter (short and unique)
    if (max === undefined || max >= 36) return { type: 'string.uuid' };
    return { type: 'sequence', options: { start: 10 ** Math.max(0, min - 1), step: 1, max: 10 ** max - 1 } };
  }
  for (const [test, values] of VOCABULARIES) {
    if (!test.test(name)) continue;
    const d = ctx.column.default;
    const all = d?.kind === 'literal' ? [String(d.value), ...values.filter((v) => v !== String(d.value))] : values;
    const fits = all.filter((v) => v.length >= min && (max === undefined || v.length <= max));
    if (fits.length) return { type: 'pick', options: { values: fits } };
  }
  const guess = TEXT_GUESSES.find((g) => g.test.test(name));
  // unique values get a row suffix from the engine: leave room for it
  const room = max !== undefined && ctx.unique ? max - 10 : max;
  if (guess) return fitText(typeof guess.type === 'string' ? guess.type : guess.type(ctx), min, room);
  const d = ctx.column.default;
  if (d?.kind === 'literal' && typeof d.value === 'string' && d.value.length >= min) return { type: 'constant', options: { value: d.value } };
  return fitText('lorem.words', min, max);
}

function numeric(ctx: ColumnContext, name: string): Generator {
  const { category, column, rule } = ctx;
  const type = column.type;
  const scale = category === 'decimal' ? (type.mods[1] ?? (type.name === 'money' ? 2 : undefined)) : undefined;
  const guess = NUMBER_GUESSES.find((g) => g.test.test(name));
  const digits = category === 'int' ? 0 : Math.min(scale ?? guess?.fractionDigits ?? 2, guess?.fractionDigits ?? scale ?? 2);
  const step = category === 'int' ? 1 : 10 ** -digits;
  // what the type accepts
  let lo: number;
  let hi: number;
  if (category === 'int') [lo, hi] = INT_RANGE[type.name] ?? INT_RANGE.int4!;
  else if (category === 'decimal' && type.mods[0]) {
    hi = 10 ** (type.mods[0] - (type.mods[1] ?? 0)) - 10 ** -(type.mods[1] ?? 0);
    lo = -hi;
  } else [lo, hi] = [-1e12, 1e12];
  // what the CHECKs accept
  if (rule.min !== undefined) lo = Math.max(lo, rule.minExclusive ? rule.min + step : rule.min);
  if (rule.max !== undefined) hi = Math.min(hi, rule.maxExclusive ? rule.max - step : rule.max);
  if (category === 'int') [lo, hi] = [Math.ceil(lo), Math.floor(hi)];
  else [lo, hi] = [roundUp(lo, digits), roundDown(hi, digits)];
  // `max` is not a sequence option: capacityOf reads it, toDefinition removes it
  if (ctx.unique && category === 'int') return { type: 'sequence', options: { start: Math.max(lo, Math.min(1, hi)), step: 1, max: hi } };
  const d = column.default;
  if (!guess && d?.kind === 'sequence') return { type: 'sequence', options: { start: Math.max(lo, 1), step: 1, max: hi } };
  // what is realistic, kept inside what is accepted
  const [wantLo, wantHi] = guess ? [guess.min, guess.max] : [category === 'int' ? 1 : 0, 1000];
  let min = Math.max(lo, wantLo);
  let max = Math.min(hi, wantHi);
  const span = wantHi - wantLo;
  if (min > max) {
    if (lo > wantHi) [min, max] = [lo, Math.min(hi, lo + span)];
    else [min, max] = [Math.max(lo, hi - span), hi];
  }
  if (category === 'int') return { type: 'number.int', options: { min, max } };
  return { type: 'number.float', options: { min, max, fractionDigits: digits } };
}

const roundUp = (v: number, d: number) => Math.ceil(v * 10 ** d - 1e-9) / 10 ** d;
const roundDown = (v: number, d: number) => Math.floor(v * 10 ** d + 1e-9) / 10 ** d;

function temporal(ctx: ColumnContext, name: string): Generator {
  const after = ctx.rule.after?.column ?? (/^(updated|modified|last_modified|edited)_?(at|on|date)?$/.test(name) ? findCreated(ctx.siblings) : undefined);
  // strictly after: at least a minute later
  // dates keep only the day, so a strict order between dates needs a whole day
  if (after) return { type: 'dateAfter', options: ctx.rule.after?.strict ? { field: after, minDays: ctx.category === 'date' ? 1 : 0.001 } : { field: after } };
  if (/birth|dob|^born/.test(name)) return { type: 'date.birthdate' };
  if (FUTURE.test(name)) return { type: 'date.future' };
  if (ctx.category === 'date' && !/created|inserted|updated/.test(name)) return { type: 'date.past', options: { years: 5 } };
  return { type: 'date.past' };
}

function findCreated(siblings: string[]): string | undefined {
  return siblings.find((s) => /^(created|inserted)_?(at|on|date)?$/.test(s.toLowerCase()));
}
