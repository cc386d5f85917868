// Shortcuts through faker's slowest paths that give exactly faker's values: the lorem methods,
// drawing the numbers faker draws without its per-word copy of the word list, and helpers.mustache
// with its patterns kept. Lorem text and full names are the bulk of many tables.
import { type Faker, FakerError } from '@faker-js/faker';

type Count = number | { min: number; max: number };

/**
 * The text as one flat string: appended word by word it is a rope of two nodes per word, which
 * lives on in the rows of a block and costs the garbage collector several times the text itself
 * (V8 flattens a rope in place when a character is read).
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/**
 * Text written as the bytes of a fixed set of pieces, encoded once (Latin-1 when every piece
 * allows it, else UTF-16), and read out as one flat string: appending words to a string makes a
 * rope of two nodes a word, which flat() then copies into a string of its own.
 */
class PieceText {
  private readonly encoding: 'latin1' | 'utf16le';
  /** The pieces' bytes, one after another, and 3 more: pieces are copied 4 bytes at a time. */
  private readonly bytes: DataView;
  /** Where each piece's bytes start (and, last, where they end). */
  private readonly starts: Int32Array;
  private readonly longest: number;
  private out = new DataView(new ArrayBuffer(1 << 12));
  private text = Buffer.from(this.out.buffer);
  private at = 0;
  constructor(pieces: string[]) {
    this.encoding = pieces.every((p) => /^[\0-\xff]*$/.test(p)) ? 'latin1' : 'utf16le';
    const width = this.encoding === 'latin1' ? 1 : 2;
    const bytes = Buffer.from(pieces.join(''), this.encoding);
    this.bytes = new DataView(new ArrayBuffer(bytes.length + 3));
    bytes.copy(new Uint8Array(this.bytes.buffer));
    this.starts = new Int32Array(pieces.length + 1);
    for (let k = 0; k < pieces.length; k++) this.starts[k + 1] = this.starts[k]! + width * pieces[k]!.length;
    this.longest = Math.max(...pieces.map((p) => width * p.length));
  }
  /** Room for `count` more pieces (and the 3 bytes the last copy may write past its end). */
  reserve(count: number): void {
    const need = this.at + count * this.longest + 3;
    if (need <= this.out.byteLength) return;
    const out = new DataView(new ArrayBuffer(Math.max(need, 2 * this.out.byteLength)));
    new Uint8Array(out.buffer).set(new Uint8Array(this.out.buffer, 0, this.at));
    this.out = out;
    this.text = Buffer.from(out.buffer);
  }
  put(piece: number): void {
    const { bytes, out } = this;
    const start = this.starts[piece]!;
    const end = this.starts[piece + 1]!;
    // the bytes past the piece's end that the last step writes are overwritten by the next piece
    for (let i = start, at = this.at; i < end; i += 4, at += 4) out.setInt32(at, bytes.getInt32(i));
    this.at += end - start;
  }
  /** The text written since the last read, which it clears. */
  read(): string {
    const text = this.text.toString(this.encoding, 0, this.at);
    this.at = 0;
    return text;
  }
}

/** A faster twin of the faker method `id` called with `args`, or undefined when there is none. */
export function fastLorem(faker: Faker, id: string, args: unknown[]): (() => string) | undefined {
  if (!id.startsWith('lorem.')) return undefined;
  const list = faker.definitions.lorem?.word;
  if (!Array.isArray(list) || list.length === 0 || !list.every((w) => typeof w === 'string')) return undefined;
  const last = list.length - 1;
  const number = faker.number;
  const next = (faker as unknown as { fakerCore?: { randomizer?: { next?: () => number } } }).fakerCore?.randomizer?.next;
  if (typeof next !== 'function') return undefined;
  // number.int({ min, max }) for integers: no draw when min = max, else floor(next() * size + min)
  const int = (min: number, max: number) => (min === max ? min : Math.floor(next() * (max - min + 1) + min));
  // helpers.arrayElement(list): one draw, none for a one-word list (the word, or its index)
  const word = last > 0 ? () => list[Math.floor(next() * (last + 1))] as string : () => list[0] as string;
  const pick = last > 0 ? () => Math.floor(next() * (last + 1)) : () => 0;
  // helpers.multiple's count: helpers.rangeToNumber (faker words its own errors for a bad range)
  const count = (c: Count) =>
    typeof c === 'number' ? c : Number.isSafeInteger(c.min) && Number.isSafeInteger(c.max) && c.min <= c.max ? int(c.min, c.max) : number.int(c);
  const words = (c: Count) => {
    const n = count(c);
    if (n <= 0) return '';
    let text = word();
    for (let i = 1; i < n; i++) text += ' ' + word();
    return text;
  };
  // a sentence's first letter upper-cased is its first word's (an empty first word leaves the
  // space after it as it is): its pieces are its first word capitalised, the others after a space
  const size = list.length;
  const [CAPITALISED, PERIOD, SPACE, LINE_BREAK] = [size, 2 * size, 2 * size + 1, 2 * size + 2];
  const text = new PieceText([...list.map((w: string) => ' ' + w), ...list.map((w: string) => w.charAt(0).toUpperCase() + w.substring(1)), '.', ' ', '\n']);
  // `before`: the piece that separates it from the text before it, if any
  const writeSentence = (c: Count, before = -1) => {
    const n = count(c);
    text.reserve(n + 2);
    if (before >= 0) text.put(before);
    if (n > 0) {
      text.put(CAPITALISED + pick());
      for (let i = 1; i < n; i++) text.put(pick());
    }
    text.put(PERIOD);
  };
  // lorem.sentences: helpers.multiple of sentence() (3 to 10 words), joined by the separator
  const writeSentences = (c: Count, separator: number, before = -1) => {
    const n = count(c);
    for (let i = 0; i < n; i++) writeSentence({ min: 3, max: 10 }, i > 0 ? separator : before);
  };
  const sentence = (c: Count) => {
    writeSentence(c);
    return text.read();
  };
  const sentences = (c: Count, separator = SPACE) => {
    writeSentences(c, separator);
    return text.read();
  };
  // paragraphs: helpers.multiple of paragraph() (three sentences), joined by a line break
  const paragraphs = (c: Count) => {
    const n = count(c);
    for (let i = 0; i < n; i++) writeSentences(3, SPACE, i > 0 ? LINE_BREAK : -1);
    return text.read();
  };
  const lines = (c: Count) => sentences(c, LINE_BREAK);
  // lorem.text: one of five methods, drawn as helpers.arrayElement draws it, with their defaults
  const texts = [
    () => sentence({ min: 3, max: 10 }),
    () => sentences({ min: 2, max: 6 }),
    () => sentences(3),
    () => paragraphs(3),
    () => lines({ min: 1, max: 5 }),
  ];
  const arg = args[0] as Count | Record<string, unknown> | undefined;
  const isCount = (a: unknown): a is Count =>
    typeof a === 'number' ||
    (typeof a === 'object' && a !== null && typeof (a as { min?: unknown }).min === 'number' && typeof (a as { max?: unknown }).max === 'number');
  if (id === 'lorem.word')
    // options (length, strategy) filter the list: left to faker
    return args.length === 0 || (args.length === 1 && typeof arg === 'object' && arg !== null && Object.keys(arg).length === 0) ? word : undefined;
  if (id === 'lorem.text') return args.length === 0 ? () => texts[Math.floor(next() * 5)]!() : undefined;
  // the methods of a count: faker's default count, and the count given as a number or range
  const counted: Record<string, [Count, (c: Count) => string]> = {
    'lorem.words': [3, words],
    'lorem.sentence': [{ min: 3, max: 10 }, sentence],
    'lorem.sentences': [{ min: 2, max: 6 }, (c) => sentences(c)],
    'lorem.paragraph': [3, (c) => sentences(c)],
    'lorem.paragraphs': [3, paragraphs],
    'lorem.lines': [{ min: 1, max: 5 }, lines],
  };
  if (!Object.hasOwn(counted, id)) return undefined;
  const [fallback, make] = counted[id]!;
  if (args.length === 0) return () => make(fallback);
  return args.length === 1 && isCount(arg) ? () => make(arg) : undefined;
}

// per key: its RegExp, and the literal text every match of it ends with (the key after its last
// RegExp metacharacter, and '}}'; none for a key with a '|', whose RegExp may match either side),
// so a key absent from the text costs one includes()
const mustachePatterns = new Map<string, { pattern: RegExp; literal: string }>();

function mustachePattern(key: string): { pattern: RegExp; literal: string } {
  let known = mustachePatterns.get(key);
  if (!known) {
    known = { pattern: new RegExp(`{{${key}}}`, 'g'), literal: key.includes('|') ? '' : `${key.split(/[.^$*+?()[\]{}|\\]/).pop()}}}` };
    mustachePatterns.set(key, known);
  }
  return known;
}

/** faker's mustache from the key at `from` on: each key's RegExp replaced through the text as it is then. */
function mustacheFrom(text: string, data: Record<string, unknown>, keys: readonly string[], from: number): string {
  for (let k = from; k < keys.length; k++) {
    const key = keys[k]!;
    const known = mustachePattern(key);
    if (!text.includes(known.literal)) continue;
    let value = data[key];
    if (typeof value === 'string') value = value.replaceAll('$', '$$$$');
    text = text.replace(known.pattern, value as string);
  }
  return text;
}

/**
 * A text's `{{key}}`s, when mustache can fill them in one pass: each key's matches are the
 * literal `{{key}}` (a key of letters, digits, '_' and '.'; so none overlaps another), and the text
 * around them holds no '{'. With no '{' in a value either, a key's RegExp then meets in the text
 * as it is at its turn exactly these `{{key}}`s: every '{{' starts one, and a key's '.' can match
 * past one's closing '}}' only where it stands just after a shorter key's length (refused here).
 */
interface MustachePlan {
  /** data's keys, in the order `for...in` gives them, and their `{{key}}`s. */
  keys: string[];
  matches: string[];
  /** Each `{{key}}` in text order: where it starts and its key's index. */
  starts: number[];
  keyOf: number[];
  /** Per key, its `{{key}}`s. */
  byKey: number[][];
  /** The text before each `{{key}}`, and after the last. */
  literals: string[];
}

function mustachePlan(text: string, keys: string[]): MustachePlan | null {
  if (!keys.every((key) => /^[\w.]+$/.test(key))) return null;
  const matches = keys.map((key) => `{{${key}}}`);
  const found: { start: number; key: number }[] = [];
  for (let k = 0; k < keys.length; k++)
    for (const m of text.matchAll(mustachePattern(keys[k]!).pattern)) {
      if (m[0] !== matches[k]) return null;
      found.push({ start: m.index, key: k });
    }
  found.sort((x, y) => x.start - y.start);
  const plan: MustachePlan = { keys, matches, starts: [], keyOf: [], byKey: keys.map(() => []), literals: [] };
  let end = 0;
  for (const { start, key } of found) {
    plan.literals.push(text.substring(end, start));
    plan.byKey[key]!.push(plan.starts.length);
    plan.starts.push(start);
    plan.keyOf.push(key);
    end = start + matches[key]!.length;
  }
  plan.literals.push(text.substring(end));
  if (plan.literals.some((literal) => literal.includes('{'))) return null;
  for (const met of new Set(plan.keyOf.map((k) => keys[k]!))) if (keys.some((key) => key.length > met.length && key[met.length] === '.')) return null;
  return plan;
}

const MUSTACHE_PLANS_KEPT = 10_000;

/**
 * faker's helpers.mustache (used by person.fullName) builds a RegExp per key on every call and
 * replaces through the whole text once per key. This one keeps the RegExps and, for a text it can
 * plan (see MustachePlan), fills its `{{key}}`s in place: the same values called in the same order
 * (key by key, then left to right, each with the match, its offset and the text as it is then),
 * the same text. A value holding a '{' hands the rest of the keys to the RegExps, as does a text
 * or a data object it has no plan for.
 */
export function keepMustachePatterns(faker: Faker): void {
  const helpers = faker.helpers as unknown as { mustache: (text: string | undefined, data: Record<string, unknown>) => string };
  const plans = new Map<string, MustachePlan | null>();
  const keysOf = (data: Record<string, unknown>) => {
    const keys: string[] = [];
    for (const key in data) keys.push(key);
    return keys;
  };
  const sameKeys = (keys: readonly string[], data: Record<string, unknown>) => {
    let k = 0;
    for (const key in data) if (keys[k++] !== key) return false;
    return k === keys.length;
  };
  const fill = (plan: MustachePlan, text: string, data: Record<string, unknown>): string => {
    const { keys, matches, starts, keyOf, byKey, literals } = plan;
    const values: (string | undefined)[] = [];
    for (let r = 0; r < starts.length; r++) values.push(undefined);
    let current = text;
    for (let k = 0; k < keys.length; k++) {
      const own = byKey[k]!;
      if (own.length === 0) continue;
      const value = data[keys[k]!];
      if (typeof value !== 'string' && typeof value !== 'function') return mustacheFrom(current, data, keys, k);
      const match = matches[k]!;
      let brace = false;
      for (const r of own) {
        let v = value;
        if (typeof v !== 'string') {
          // its offset in the text as it is now: the earlier keys' `{{key}}`s before it are replaced
          let offset = starts[r]!;
          for (let q = 0; q < r; q++) if (values[q] !== undefined && keyOf[q] !== k) offset += values[q]!.length - matches[keyOf[q]!]!.length;
          v = String((v as (...args: unknown[]) => unknown)(match, offset, current));
        }
        brace ||= v.includes('{');
        values[r] = v;
      }
      current = literals[0]!;
      for (let r = 0; r < starts.length; r++) current += (values[r] ?? matches[keyOf[r]!]!) + literals[r + 1]!;
      if (brace) return mustacheFrom(current, data, keys, k + 1);
    }
    return flat(current);
  };
  helpers.mustache = (text, data) => {
    if (text == null) return '';
    if (typeof text === 'string') {
      let plan = plans.get(text);
      if (plan === undefined) {
        if (plans.size >= MUSTACHE_PLANS_KEPT) plans.clear();
        plans.set(text, (plan = mustachePlan(text, keysOf(data))));
      }
      if (plan !== null && sameKeys(plan.keys, data)) return fill(plan, text, data);
    }
    return mustacheFrom(text, data, keysOf(data), 0);
  };
}

/** One step of a faker expression (`hacker.phrase`, `string.alpha(5)`): a property, or a call with JSON arguments. */
type ExpressionStep = { name: string; args?: undefined } | { name?: undefined; args: string };

/**
 * The steps faker's expression evaluator takes through `text`, parsed as it parses them (a name up
 * to the next '.' or '(', arguments up to the first ')' that closes valid JSON); undefined where
 * faker would throw, so faker itself runs and throws its own error.
 */
function expressionSteps(text: string): ExpressionStep[] | undefined {
  if (text.length === 0) return undefined;
  const steps: ExpressionStep[] = [];
  let rest = text;
  while (rest.length > 0) {
    if (rest.startsWith('(')) {
      let close = rest.indexOf(')', 1);
      let args: string | undefined;
      while (close !== -1) {
        args = callArguments(rest.substring(1, close));
        if (args !== undefined) break;
        close = rest.indexOf(')', close + 1);
      }
      if (close === -1 || args === undefined) return undefined; // faker's own fallbacks: left to it
      const after = rest[close + 1];
      if (after !== '.' && after !== '(' && after !== undefined) return undefined;
      steps.push({ args });
      rest = rest.substring(close + (after === '.' ? 2 : 1));
    } else {
      const match = /\.|\(/.exec(rest);
      const dot = match?.[0] === '.';
      const end = match?.index ?? rest.length;
      const name = rest.substring(0, end);
      const next = rest[end + 1];
      if (name.length === 0 || (dot && (next === undefined || next === '.' || next === '('))) return undefined;
      steps.push({ name });
      rest = rest.substring(end + (dot ? 1 : 0));
    }
  }
  return steps;
}

/** Arguments as faker reads them: JSON values, else one unquoted string; undefined when neither parses. */
function callArguments(inner: string): string | undefined {
  try {
    JSON.parse(`[${inner}]`);
    return `[${inner}]`;
  } catch {
    if (inner.includes("'") || inner.includes('"')) return undefined;
    try {
      return JSON.stringify(JSON.parse(`["${inner}"]`));
    } catch {
      return undefined;
    }
  }
}

/** faker's property read in an expression: a function met on the way is called first. */
function readProperty(entry: unknown, name: string): unknown {
  for (;;) {
    if (typeof entry === 'function') {
      try {
        entry = (entry as () => unknown)();
      } catch {
        return undefined;
      }
      continue;
    }
    return typeof entry === 'object' ? (entry as Record<string, unknown> | null)?.[name] : undefined;
  }
}

interface FakeExpression {
  text: string;
  steps: ExpressionStep[];
  /** Steps whose outcome is fixed (set at the first evaluation), the entries after them, and the fixed reads of the next step when its picks are not. */
  fixedSteps?: number;
  fixedEntries?: unknown[];
  fixedRead?: unknown[];
  /** When the method read last is faker's own `arrayElement(definitions.a.b)` or `fake(...)`: that call, on the list itself. */
  direct?: () => unknown;
}

// faker's one-line list methods (hacker.noun, hacker.phrase, ...), as its build prints them
const LIST_METHOD = /^(\w+)\(\)\{return this\.faker\.helpers\.(arrayElement|fake)\(this\.faker\.definitions\.(\w+)\.(\w+)\)\}$/;

/**
 * The body of a faker method that only draws from (or fills a pattern of) a list of the locale's
 * definitions, without its proxies: `helpers.arrayElement(list)` or `helpers.fake(list)`. Only for
 * faker's own bound method of that name whose source is exactly that line; else undefined.
 */
function listMethod(
  faker: Faker,
  module: unknown,
  name: string,
  method: unknown,
  helpers: { arrayElement: (list: readonly unknown[]) => unknown; fake: (list: string | readonly string[]) => string },
): (() => unknown) | undefined {
  if (typeof method !== 'function' || method.name !== `bound ${name}` || typeof module !== 'object' || module === null) return undefined;
  const own = (Object.getPrototypeOf(module) as Record<string, unknown> | null)?.[name];
  if (typeof own !== 'function') return undefined;
  const m = LIST_METHOD.exec(Function.prototype.toString.call(own));
  if (!m || m[1] !== name) return undefined;
  let list: unknown;
  try {
    list = (faker.definitions as unknown as Record<string, Record<string, unknown>>)[m[3]!]![m[4]!];
  } catch {
    return undefined; // missing in this locale: faker's own call throws its own error
  }
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const fixed = list as string[];
  return m[2] === 'arrayElement' ? () => helpers.arrayElement(fixed) : () => helpers.fake(fixed);
}

/** A pattern as faker's helpers.fake meets it, each expression read into a part. */
export interface ScannedPattern<Part> {
  /** Text before each part, and after the last (literals[k] precedes parts[k]). */
  literals: string[];
  parts: Part[];
  /** The pattern from just after each part, for faker to finish from when a value holds a '{'. */
  tails: string[];
}

/**
 * A pattern split as faker's helpers.fake fills it — the first `{{[a-z]`, up to the first `}}`
 * after it, the expression's text with its first `}}` and first `{{` taken out, substituted, and
 * the whole text scanned again —, for a pattern whose literal text has no '{' before its last
 * expression: faker then meets the expressions in order, once each, as long as no value brings a
 * '{' in. Each expression's text is read into a part by `read`; undefined when one is not, or
 * the literal text has a '{'. The one scanner of the twins of helpers.fake (faker-*-shortcuts.ts).
 */
export function scanFakePattern<Part>(pattern: string, read: (text: string) => Part | undefined): ScannedPattern<Part> | undefined {
  const literals: string[] = [];
  const parts: Part[] = [];
  const tails: string[] = [];
  let rest = pattern;
  for (;;) {
    const start = rest.search(/{{[a-z]/);
    const end = rest.indexOf('}}', start);
    if (start === -1 || end === -1) {
      literals.push(rest);
      return { literals, parts, tails };
    }
    const literal = rest.substring(0, start);
    if (literal.includes('{')) return undefined;
    const part = read(
      rest
        .substring(start + 2, end + 2)
        .replace('}}', '')
        .replace('{{', ''),
    );
    if (part === undefined) return undefined;
    literals.push(literal);
    parts.push(part);
    rest = rest.substring(end + 2);
    tails.push(rest);
  }
}

type FakePattern = ScannedPattern<FakeExpression>;

function fakePattern(pattern: string): FakePattern | undefined {
  return scanFakePattern(pattern, (text) => {
    const steps = expressionSteps(text);
    return steps ? { text, steps } : undefined;
  });
}

const FAKE_PATTERNS_KEPT = 10_000;

/**
 * faker's helpers.fake (helpers of prose, addresses, product names, URLs...) re-scans its whole
 * text after each `{{...}}` it fills and parses each expression anew; this one parses a pattern
 * once and fills it left to right. Same expressions evaluated in the same order, the same draws
 * (faker also draws from the locale's raw list of the name, e.g. hacker.noun, and drops it), the
 * same text; a value holding a '{' hands the rest back to faker, which would scan it again.
 * The property reads an expression starts with (`hacker` on faker and on the raw definitions)
 * read fixed objects, so they are read once.
 */
export function keepFakePatterns(faker: Faker): void {
  const helpers = faker.helpers as unknown as {
    fake: (pattern: string | readonly string[]) => string;
    arrayElement: <T>(array: readonly T[]) => T;
  };
  const original = helpers.fake;
  // helpers as they are when called (directDraws may replace arrayElement after this)
  const callHelpers = {
    arrayElement: (list: readonly unknown[]) => helpers.arrayElement(list),
    fake: (list: string | readonly string[]) => helpers.fake(list),
  };
  const roots: unknown[] = [faker, (faker as unknown as { definitions: { raw: unknown } }).definitions.raw];
  const patterns = new Map<string, FakePattern | null>();
  // entries before the draws of a list, in order, as faker filters and picks them after each step
  const pick = (read: unknown[]): unknown[] => {
    const out: unknown[] = [];
    for (const e of read) if (e != null) out.push(Array.isArray(e) ? helpers.arrayElement(e) : e);
    return out;
  };
  const evaluate = (expression: FakeExpression): unknown => {
    const { text, steps } = expression;
    // the leading steps that read properties of plain objects, with no list among them: fixed
    if (expression.fixedSteps === undefined) {
      let entries = roots;
      let k = 0;
      for (; k < steps.length; k++) {
        const name = steps[k]!.name;
        if (name === undefined || entries.some((e) => typeof e !== 'object' || e === null)) break;
        const read = entries.map((e) => readProperty(e, name));
        if (read.some((e) => Array.isArray(e))) {
          // this step's reads are fixed, its picks are not
          expression.fixedRead = read;
          if (k === steps.length - 1) expression.direct = listMethod(faker, entries[0], name, read[0], callHelpers);
          k++;
          break;
        }
        entries = read.filter((e) => e != null);
        if (entries.length === 0) {
          k++;
          break;
        }
      }
      expression.fixedSteps = k;
      expression.fixedEntries = entries;
    }
    const fixedRead = expression.fixedRead;
    if (fixedRead && expression.fixedSteps === steps.length) {
      // the common `module.method`: the picks of the last read, in order (each list drawn from),
      // and the first of them is the value — no arrays made
      let first: unknown;
      let found = false;
      for (const e of fixedRead) {
        if (e == null) continue;
        const entry = Array.isArray(e) ? helpers.arrayElement(e) : e;
        if (!found) {
          first = entry;
          found = true;
        }
      }
      if (!found) throw new FakerError(`Cannot resolve expression '${text}'`);
      if (typeof first !== 'function') return first;
      return first === fixedRead[0] && expression.direct ? expression.direct() : (first as () => unknown)();
    }
    let entries = fixedRead ? pick(fixedRead) : expression.fixedEntries!;
    for (let k = expression.fixedSteps; k < steps.length && entries.length > 0; k++) {
      const step = steps[k]!;
      let read: unknown[];
      if (step.name !== undefined) read = entries.map((e) => readProperty(e, step.name));
      else {
        const args = JSON.parse(step.args) as unknown[];
        read = entries.map((e) => (typeof e === 'function' ? (e as (...a: unknown[]) => unknown)(...args) : undefined));
      }
      entries = pick(read);
    }
    if (entries.length === 0) throw new FakerError(`Cannot resolve expression '${text}'`);
    const value = entries[0];
    return typeof value === 'function' ? (value as () => unknown)() : value;
  };
  helpers.fake = (input) => {
    const pattern = typeof input === 'string' ? input : helpers.arrayElement(input);
    let known = patterns.get(pattern);
    if (known === undefined) {
      if (patterns.size >= FAKE_PATTERNS_KEPT) patterns.clear();
      known = fakePattern(pattern) ?? null;
      patterns.set(pattern, known);
    }
    if (known === null) return original(pattern);
    const { literals, parts: expressions, tails } = known;
    if (expressions.length === 0) return literals[0]!;
    // one expression and nothing around it (a name list behind a name pattern): its value as it is
    if (expressions.length === 1 && literals[0] === '' && literals[1] === '') {
      const value = String(evaluate(expressions[0]!));
      return value.includes('{') ? original(value + tails[0]!) : value;
    }
    // joined, not appended: one flat string (faker's re-scans leave it flat too), not a rope of
    // two nodes per expression that lives on in the rows of a block
    const parts = new Array<string>(2 * expressions.length + 1);
    parts[0] = literals[0]!;
    for (let k = 0; k < expressions.length; k++) {
      const value = String(evaluate(expressions[k]!));
      if (value.includes('{')) return original(parts.slice(0, 2 * k + 1).join('') + value + tails[k]!);
      parts[2 * k + 1] = value;
      parts[2 * k + 2] = literals[k + 1]!;
    }
    return parts.join('');
  };
}

/**
 * faker's number.int and helpers.arrayElement without their per-call option objects and default
 * distributor: the same single draw (floor(next() · size) + min, none for a one-value range), the
 * same value. Every faker method that picks from a list goes through them. Anything unusual (a
 * distributor, a bad multipleOf or range) goes to faker itself, errors included.
 */
export function directDraws(faker: Faker): void {
  const next = (faker as unknown as { fakerCore?: { randomizer?: { next?: () => number } } }).fakerCore?.randomizer?.next;
  if (typeof next !== 'function') return;
  type IntOptions = number | { min?: number; max?: number; multipleOf?: number; distributor?: unknown } | undefined;
  const number = faker.number as unknown as { int: (options?: IntOptions) => number };
  const helpers = faker.helpers as unknown as { arrayElement: <T>(array: readonly T[]) => T };
  const int = number.int;
  number.int = (options = {}) => {
    const o = typeof options === 'number' ? { max: options } : options;
    if (o.distributor !== undefined) return int(options);
    const min = o.min === undefined ? 0 : o.min;
    const max = o.max === undefined ? 2 ** 53 - 1 : o.max;
    const step = o.multipleOf === undefined ? 1 : o.multipleOf;
    if (!Number.isSafeInteger(step) || step <= 0) return int(options);
    const low = Math.ceil(min / step);
    const high = Math.floor(max / step);
    if (low === high) return low * step;
    if (!(high > low)) return int(options);
    return Math.floor(next() * (high - low + 1) + low) * step;
  };
  const arrayElement = helpers.arrayElement;
  helpers.arrayElement = <T>(array: readonly T[]): T => {
    const n = array.length;
    if (n > 1) return array[Math.floor(next() * n)]!;
    return n === 1 ? array[0]! : arrayElement(array);
  };
  // helpers.weightedArrayElement: faker's checks (its errors from faker itself), the weights summed
  // in order, number.float({ max: total }) (one draw times the total), the first value whose
  // running sum passes it — without reduce's closure and the option object
  const weighted = faker.helpers as unknown as { weightedArrayElement: <T>(list: readonly { weight: number; value: T }[]) => T };
  const weightedArrayElement = weighted.weightedArrayElement;
  weighted.weightedArrayElement = <T>(list: readonly { weight: number; value: T }[]): T => {
    let total = 0;
    for (let i = 0; i < list.length; i++) {
      const weight = list[i]!.weight;
      if (weight <= 0) return weightedArrayElement(list);
      total += weight;
    }
    if (list.length === 0) return weightedArrayElement(list);
    const drawn = next() * total;
    let sum = 0;
    for (let i = 0; i < list.length; i++) {
      sum += list[i]!.weight;
      if (drawn < sum) return list[i]!.value;
    }
    return list[list.length - 1]!.value;
  };
  // string.fromCharacters (hexadecimal, alphanumeric, commit SHAs...): helpers.multiple of
  // arrayElement, joined — the same draws, without the array of closures' results
  const string = faker.string as unknown as {
    fromCharacters: (characters: string | readonly string[], length?: number | { min: number; max: number }) => string;
  };
  const fromCharacters = string.fromCharacters;
  string.fromCharacters = (characters, length = 1) => {
    const n = typeof length === 'number' ? length : number.int(length);
    if (!(n > 0)) return n <= 0 ? '' : fromCharacters(characters, n);
    const chars = typeof characters === 'string' ? [...characters] : characters;
    const size = chars.length;
    if (size === 0) return fromCharacters(characters, n);
    if (size === 1 || !Number.isSafeInteger(n)) return fromCharacters(chars, n);
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = chars[Math.floor(next() * size)]!;
    return out.join('');
  };
}

/**
 * faker's system.fileExt() (file names, paths) and system.fileType() gather the extensions (the
 * types) of every MIME type into a new Set on each call; these gather them once (the locale's
 * definitions do not change) and draw from the same list in the same order. With a MIME type
 * given, faker's own fileExt.
 */
export function keepFileExtensions(faker: Faker): void {
  const system = faker.system as unknown as { fileExt: (mimeType?: string) => string; fileType: () => string };
  const helpers = faker.helpers as unknown as { arrayElement: <T>(array: readonly T[]) => T };
  const fileExt = system.fileExt;
  let extensions: string[] | undefined;
  let fileTypes: string[] | undefined;
  system.fileType = () => {
    fileTypes ??= [...new Set(Object.keys(faker.definitions.system.mime_type).map((type) => type.split('/', 1)[0]!))];
    return helpers.arrayElement(fileTypes);
  };
  system.fileExt = (mimeType) => {
    if (typeof mimeType === 'string') return fileExt(mimeType);
    if (!extensions) {
      const types = (faker.definitions.system as unknown as { mime_type: Record<string, { extensions: string[] }> }).mime_type;
      extensions = [...new Set(Object.values(types).flatMap(({ extensions: e }) => e))];
    }
    return helpers.arrayElement(extensions);
  };
}
