// How big one value of a field can get, known before anything is generated: the longest JSON
// text (in UTF-16 code units, as JSON.stringify counts) a value can serialize to. Validation
// refuses fields whose one value could pass MAX_VALUE_CHARS (a regex repeating a character 1e8
// times, an array of arrays of paragraphs), naming the option that makes it so; a preview's cost
// is rows × the sum of its fields' bounds, so it is known before the work is done.
import { allLocales } from '@faker-js/faker';
import { fakerTypeById } from './catalog.js';
import { declaredKind, templatePlaceholders, type Definition, type TableDefinition } from './definition.js';
import type { DefinitionIssue } from './errors.js';
import { regexGeneratedMaxLength } from './regex.js';
import type { ColumnKind } from './shape.js';

/** Longest JSON text one value may have. */
export const MAX_VALUE_CHARS = 1_000_000;
/** json/array fields nested deeper than this are refused (each level multiplies). */
export const MAX_NESTING = 8;
/** A JSON string escape is at most 6 characters (\u001f, or an unpaired surrogate \ud800). */
const ESCAPE = 6;
/** `-` + the row index in base 36 (< 1e9 rows), as unique text fields append it. */
const UNIQUE_SUFFIX = 8;
const NUMBER = 24; // -1.2345678901234567e+308
const DATE = 29; // "+275760-09-13T00:00:00.000Z"
/** Faker methods whose options cannot lengthen them draw from locale lists or fixed formats. */
const FIXED_TEXT = 2048;
const FIXED_BY_KIND: Record<ColumnKind, number> = {
  text: FIXED_TEXT,
  integer: NUMBER,
  number: NUMBER,
  boolean: 5,
  timestamp: DATE,
  date: DATE,
  uuid: 38,
  json: 4096,
  array: 4096,
};

const jsonLength = (value: unknown): number => JSON.stringify(value ?? null)?.length ?? 4;
/** Escaped length of user text put into generated text, whatever faker does to it. */
const userText = (value: unknown): number => (typeof value === 'string' ? ESCAPE * value.length : 0);

type LocaleWords = { lorem?: { word?: string[] }; word?: Record<string, string[]> };
const longest = new Map<string, number>();
/**
 * The longest word (JSON-escaped) faker can draw for lorem or word methods in a locale: faker
 * reads a list from the first locale of its chain (locale, en, base) that has it.
 */
export function longestWord(locale = 'en', lists: 'lorem' | 'word' = 'lorem'): number {
  const key = `${locale}/${lists}`;
  const known = longest.get(key);
  if (known !== undefined) return known;
  const chain = [locale, 'en'].map((name) => (allLocales as Record<string, LocaleWords>)[name]).filter(Boolean);
  const pick = (get: (l: LocaleWords) => string[] | undefined) => chain.map(get).find((list) => Array.isArray(list) && list.length > 0) ?? [];
  const words = lists === 'lorem' ? pick((l) => l.lorem?.word) : Object.keys(chain.at(-1)?.word ?? {}).flatMap((name) => pick((l) => l.word?.[name]));
  const most = words.reduce((m, word) => Math.max(m, JSON.stringify(word).length - 2), 0);
  longest.set(key, most);
  return most;
}

/** Faker's count for `{ min, max }` options (or the method's default when none is given). */
const countOf = (options: Record<string, unknown>, fallback: number) => (typeof options.max === 'number' ? options.max : fallback);
function textSizes(locale: string) {
  const word = longestWord(locale, 'lorem');
  const words = (n: number, longest = word) => n * (longest + 1);
  // a capitalised first letter may take two code units ('ß' -> 'SS'), then the full stop
  const sentence = (wordCount = 10) => words(wordCount) + 2;
  const sentences = (n: number) => n * (sentence() + 1);
  const paragraphs = (n: number) => n * (sentences(3) + 2); // joined by "\n", escaped to two characters
  return { words, sentence, sentences, paragraphs };
}

/** Text length of a faker method from its options (without the JSON quotes), or undefined when fixed. */
function fakerTextLength(id: string, options: Record<string, unknown>, locale = 'en'): number | undefined {
  const { words, sentence, sentences, paragraphs } = textSizes(locale);
  const length = (fallback: number) => (typeof options.length === 'number' ? options.length : fallback);
  switch (id) {
    case 'lorem.word':
    case 'word.adjective':
    case 'word.adverb':
    case 'word.conjunction':
    case 'word.interjection':
    case 'word.noun':
    case 'word.preposition':
    case 'word.verb':
    case 'word.sample':
      return Math.max(longestWord(locale, id === 'lorem.word' ? 'lorem' : 'word'), length(0));
    case 'lorem.words':
    case 'lorem.slug':
      return words(countOf(options, 3));
    case 'word.words':
      return words(countOf(options, 3), longestWord(locale, 'word'));
    case 'lorem.sentence':
      return sentence(countOf(options, 10));
    case 'lorem.sentences':
      return sentences(countOf(options, 6));
    case 'lorem.paragraph':
      return sentences(countOf(options, 3));
    case 'lorem.paragraphs':
      return paragraphs(countOf(options, 3));
    case 'lorem.lines':
      return countOf(options, 5) * (sentence() + 2);
    case 'lorem.text':
      return paragraphs(3); // the longest of the methods it picks from, with their defaults
    case 'string.alpha':
    case 'string.alphanumeric':
    case 'string.numeric':
    case 'string.symbol':
      return length(1) * 2; // symbols include " and \
    case 'string.hexadecimal':
      return length(1) + userText(options.prefix ?? '0x');
    case 'string.binary':
    case 'string.octal':
      return length(1) + userText(options.prefix ?? '0b');
    case 'string.sample':
      return length(10) * 2;
    case 'string.nanoid':
      return length(21);
    case 'string.fromCharacters':
      return length(1) * ESCAPE;
    case 'internet.password':
      return length(15) * 2 + userText(options.prefix);
    case 'finance.accountNumber':
      return length(8);
    case 'finance.pin':
      return length(4);
    case 'git.commitSha':
      return length(40);
    case 'person.fullName':
    case 'internet.username':
    case 'internet.displayName':
    case 'internet.email':
    case 'internet.exampleEmail':
      return FIXED_TEXT + userText(options.firstName) + userText(options.lastName) + userText(options.provider);
    case 'commerce.isbn':
      return 17 + 4 * userText(options.separator);
    case 'commerce.upc':
    case 'color.rgb':
      return FIXED_TEXT + userText(options.prefix);
    case 'image.dataUri':
      return FIXED_TEXT + 2 * userText(options.color);
    case 'helpers.fake':
      return fakePatternLength(String(options.pattern ?? ''), locale);
    default:
      return undefined;
  }
}

/**
 * faker's helpers.fake: the literal text plus each {{module.method}} or {{module.method(args)}}.
 * A method's numeric arguments are counts or lengths at most, so they scale its default bound.
 */
function fakePatternLength(pattern: string, locale: string): number {
  let total = 0;
  let literal = pattern;
  for (const match of pattern.matchAll(/\{\{\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*(?:\(([\s\S]*?)\))?\s*\}\}/g)) {
    literal = literal.replace(match[0], '');
    const [, id, args = ''] = match;
    const type = fakerTypeById.get(id);
    const kind = type?.kind ?? 'text';
    const base = kind === 'text' ? (fakerTextLength(id, {}, locale) ?? FIXED_TEXT) : FIXED_BY_KIND[kind];
    const numbers = [...args.matchAll(/\d+(?:\.\d+)?(?:e\+?\d+)?/gi)].map((n) => Number(n[0]));
    const scale = numbers.reduce((most, n) => Math.max(most, n), 1);
    total += (kind === 'text' || !type ? base * scale : base) + ESCAPE * args.length;
  }
  return total + ESCAPE * literal.length;
}

export interface BoundContext {
  def: Definition;
  tables: Map<string, TableDefinition>;
  /** The table a field belongs to (for templates, refs and kinds). */
  table?: TableDefinition;
  /** Fields being sized, to stop on (already refused) cycles. */
  visiting?: Set<string>;
}

type Spec = { type: string; options?: Record<string, unknown>; unique?: boolean; name?: string };

/** Longest JSON text of one value of a field (or of a nested json/array element). */
export function valueBound(field: Spec, ctx: BoundContext, depth = 0): number {
  const options = (field.options ?? {}) as Record<string, unknown>;
  const suffix = field.unique ? UNIQUE_SUFFIX : 0;
  switch (field.type) {
    case 'constant':
      return jsonLength(options.value);
    case 'pick':
      return ((options.values as unknown[] | undefined) ?? []).reduce((most: number, value) => Math.max(most, jsonLength(value)), 4);
    case 'sequence':
      return options.unit === undefined ? NUMBER : DATE;
    case 'regex':
      return 2 + ESCAPE * safeRegexLength(String(options.pattern ?? ''), typeof options.maxLength === 'number' ? options.maxLength : undefined) + suffix;
    case 'template':
      return (
        2 +
        ESCAPE * String(options.template ?? '').length +
        templatePlaceholders(String(options.template ?? '')).reduce((sum, name) => sum + 2 * sameRowBound(name, ctx), 0) +
        suffix
      );
    case 'json': {
      if (depth >= MAX_NESTING) return Infinity;
      const children = (options.fields as Spec[] | undefined) ?? [];
      return 2 + children.reduce((sum, child) => sum + jsonLength(child.name) + 2 + valueBound(child, ctx, depth + 1), 0);
    }
    case 'array': {
      if (depth >= MAX_NESTING) return Infinity;
      const min = typeof options.min === 'number' ? options.min : 1;
      const max = typeof options.max === 'number' ? options.max : Math.max(3, min);
      return 2 + max * (valueBound((options.of as Spec | undefined) ?? { type: 'constant' }, ctx, depth + 1) + 1);
    }
    case 'ref': {
      const parent = ctx.tables.get(String(options.table));
      const target = parent?.fields.find((f) => f.name === options.field);
      return target && target.type !== 'ref' ? fieldBound(target, { ...ctx, table: parent }) : FIXED_BY_KIND.text;
    }
    case 'dateAfter':
      return DATE;
  }
  const faker = fakerTypeById.get(field.type);
  if (faker?.kind === 'text') {
    const text = fakerTextLength(field.type, options, ctx.def.locale);
    return 2 + (text ?? FIXED_TEXT) + suffix;
  }
  // other faker types and the engine's newer built-ins: fixed by the kind they produce
  const kind = faker?.kind ?? declaredKind(field, ctx.tables, ctx.table as never) ?? 'text';
  return FIXED_BY_KIND[kind] + suffix;
}

function safeRegexLength(pattern: string, maxLength: number | undefined): number {
  try {
    return regexGeneratedMaxLength(pattern, maxLength);
  } catch {
    return Infinity; // validation refuses the pattern itself
  }
}

/** A top-level field's bound, including the values its table's profiles may put there. */
function fieldBound(field: Spec & { name: string }, ctx: BoundContext): number {
  const key = `${ctx.table?.name}.${field.name}`;
  const visiting = ctx.visiting ?? new Set<string>();
  if (visiting.has(key)) return FIXED_TEXT;
  visiting.add(key);
  try {
    let bound = valueBound(field, { ...ctx, visiting });
    const profiles = (ctx.table as { profiles?: { field?: string; variants?: { value?: unknown; fields?: Record<string, unknown> }[] } } | undefined)?.profiles;
    for (const variant of profiles?.variants ?? []) {
      if (profiles?.field === field.name) bound = Math.max(bound, jsonLength(variant.value));
      const setting = variant.fields?.[field.name];
      if (setting && typeof setting === 'object' && !Array.isArray(setting) && typeof (setting as Spec).type === 'string')
        bound = Math.max(bound, valueBound({ ...(setting as Spec), name: field.name }, { ...ctx, visiting }));
      else if (setting !== undefined) bound = Math.max(bound, jsonLength(setting));
    }
    return bound;
  } finally {
    visiting.delete(key);
  }
}

function sameRowBound(name: string, ctx: BoundContext): number {
  const field = ctx.table?.fields.find((f) => f.name === name);
  return field ? fieldBound(field, ctx) : FIXED_TEXT;
}

/** Bounds of every field of every table, in definition order. */
export function tableBounds(def: Definition): number[][] {
  const tables = new Map(def.tables.map((t) => [t.name, t]));
  return def.tables.map((table) => table.fields.map((field) => fieldBound(field, { def, tables, table })));
}

/** Fields one of whose values could pass MAX_VALUE_CHARS, at the option that makes it so. */
export function outputBoundIssues(def: Definition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const tables = new Map(def.tables.map((t) => [t.name, t]));
  def.tables.forEach((table, t) => {
    table.fields.forEach((field, f) => {
      const ctx: BoundContext = { def, tables, table };
      if (fieldBound(field, ctx) > MAX_VALUE_CHARS) issues.push(refusal(field, `tables[${t}].fields[${f}]`, ctx, 0));
    });
  });
  return issues;
}

/** The deepest place that is too big on its own (an element, else the count that multiplies it). */
function refusal(field: Spec, at: string, ctx: BoundContext, depth: number): DefinitionIssue {
  const options = (field.options ?? {}) as Record<string, unknown>;
  if (depth >= MAX_NESTING && (field.type === 'json' || field.type === 'array'))
    return { path: at, message: `json and array fields nest at most ${MAX_NESTING} levels deep` };
  if (field.type === 'array' && options.of && valueBound(options.of as Spec, ctx, depth + 1) > MAX_VALUE_CHARS)
    return refusal(options.of as Spec, `${at}.options.of`, ctx, depth + 1);
  if (field.type === 'json') {
    const children = (options.fields as Spec[] | undefined) ?? [];
    const big = children.findIndex((child) => valueBound(child, ctx, depth + 1) > MAX_VALUE_CHARS);
    if (big >= 0) return refusal(children[big], `${at}.options.fields[${big}]`, ctx, depth + 1);
  }
  const option = DRIVING_OPTION[field.type] ?? (['length', 'max', 'pattern'].find((o) => options[o] !== undefined) || undefined);
  const size = valueBound(field, ctx, depth);
  const what = Number.isFinite(size) ? `up to ${size.toLocaleString('en-US')} characters` : 'unbounded';
  return {
    path: option ? `${at}.options.${option}` : at,
    message: `one value could be ${what}; at most ${MAX_VALUE_CHARS.toLocaleString('en-US')} are allowed`,
  };
}

const DRIVING_OPTION: Record<string, string> = {
  regex: 'pattern',
  template: 'template',
  array: 'max',
  json: 'fields',
  'helpers.fake': 'pattern',
  constant: 'value',
  pick: 'values',
};

/** What a preview of `rows` rows costs before it runs: its output and the parents it must lay out. */
export interface PreviewCost {
  /** Upper bound of the JSON text of all preview rows. */
  chars: number;
  /** Parent rows the children-per-parent layouts walk when the plan is compiled. */
  layoutParents: number;
}

export function previewCost(def: Definition, rows: number): PreviewCost {
  const bounds = tableBounds(def);
  let chars = 0;
  def.tables.forEach((table, t) => {
    const width = bounds[t].reduce((sum, bound) => sum + bound + 1, 2);
    const header = table.fields.reduce((sum, field) => sum + jsonLength(field.name) + 1, 40 + jsonLength(table.name));
    chars += header + rows * width; // children-per-parent tables can have more rows than they declare
  });
  return { chars, layoutParents: layoutParents(def) };
}

/** Parent rows walked by children-per-parent layouts, with each table's largest possible row count. */
function layoutParents(def: Definition): number {
  const tables = new Map(def.tables.map((t) => [t.name, t]));
  const known = new Map<string, number>();
  const perParentRef = (table: TableDefinition) =>
    table.fields
      .map((f) => f.options as { table?: string; childrenPerParent?: { max?: number; ranges?: { max?: number }[] } } | undefined)
      .find((o) => o?.childrenPerParent);
  const rowsOf = (table: TableDefinition, seen: Set<string>): number => {
    const cached = known.get(table.name);
    if (cached !== undefined) return cached;
    const ref = perParentRef(table);
    let rows = table.rows ?? 100;
    if (ref) {
      const parent = tables.get(String(ref.table));
      const cpp = ref.childrenPerParent!;
      const most = Math.max(cpp.max ?? 0, ...(cpp.ranges ?? []).map((r) => r.max ?? 0));
      rows = parent && !seen.has(parent.name) ? rowsOf(parent, new Set([...seen, table.name])) * most : 0;
    }
    known.set(table.name, rows);
    return rows;
  };
  let total = 0;
  for (const table of def.tables) {
    const ref = perParentRef(table);
    const parent = ref && tables.get(String(ref.table));
    if (parent) total += rowsOf(parent, new Set([table.name]));
  }
  return total;
}
