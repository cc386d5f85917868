// Our own generator of strings matching a regular expression (JavaScript syntax, no flags): the
// pattern is parsed by regexpp into a small tree that knows its length bounds, draws values from
// any [0,1) source, and can carry an index injectively (for unique and composite-unique columns).
import type { Faker } from '@faker-js/faker';
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { type Key, keyOf, Rng, subKey } from './random.js';

/** Unbounded quantifiers (`*`, `+`, `{n,}`) repeat at most this many times more than their minimum. */
export const UNBOUNDED_EXTRA = 8;
/** Longest value a regex field may produce; longer patterns are refused at validation. */
export const REGEX_MAX_CHARS = 10_000;

/** A source of uniform numbers in [0, 1) (our Rng's `next`). */
export type Uniform = () => number;

type Range = readonly [lo: number, hi: number];

/** A set of UTF-16 code units as sorted, disjoint, inclusive ranges. */
class CharSet {
  readonly size: number;
  private readonly cumulative: number[];
  constructor(readonly ranges: Range[]) {
    let total = 0;
    this.cumulative = ranges.map(([lo, hi]) => (total += hi - lo + 1));
    this.size = total;
  }
  static of(ranges: Range[]): CharSet {
    const sorted = ranges.filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0]);
    const out: [number, number][] = [];
    for (const [lo, hi] of sorted) {
      const last = out[out.length - 1];
      if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
      else out.push([lo, hi]);
    }
    return new CharSet(out);
  }
  union(other: CharSet): CharSet {
    return CharSet.of([...this.ranges, ...other.ranges]);
  }
  minus(other: CharSet): CharSet {
    const out: Range[] = [];
    for (const [lo, hi] of this.ranges) {
      let from = lo;
      for (const [olo, ohi] of other.ranges) {
        if (ohi < from || olo > hi) continue;
        if (olo > from) out.push([from, olo - 1]);
        from = Math.max(from, ohi + 1);
      }
      if (from <= hi) out.push([from, hi]);
    }
    return CharSet.of(out);
  }
  intersect(other: CharSet): CharSet {
    return this.minus(this.minus(other));
  }
  /** The index-th code unit of the set. */
  at(index: number): string {
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > index) hi = mid;
      else lo = mid + 1;
    }
    const before = lo === 0 ? 0 : this.cumulative[lo - 1];
    return String.fromCharCode(this.ranges[lo][0] + index - before);
  }
}

const ALL = CharSet.of([[0, 0xffff]]);
const PRINTABLE = CharSet.of([[0x20, 0x7e]]);
const LATIN1 = CharSet.of([[0xa1, 0xff]]);
const BMP = CharSet.of([[0x20, 0xd7ff], [0xe000, 0xfffd]]);
const DIGIT = CharSet.of([[0x30, 0x39]]);
const WORD = CharSet.of([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]);
const ALNUM = CharSet.of([[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]]);
// what \s matches in JavaScript
const SPACE = CharSet.of([[0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]]);
const LINE_TERMINATORS = CharSet.of([[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]]);

/** Characters to draw from a set that matches `match`: printable ASCII when possible (plausible test data). */
function drawable(match: CharSet): CharSet {
  for (const universe of [PRINTABLE, LATIN1, BMP]) {
    const set = universe.intersect(match);
    if (set.size > 0) return set;
  }
  return match;
}

type Node =
  | { k: 'chars'; gen: CharSet }
  | { k: 'seq'; items: Node[] }
  | { k: 'alt'; options: Node[] }
  | { k: 'rep'; node: Node; min: number; max: number; unbounded: boolean }
  | { k: 'group'; index: number; node: Node }
  | { k: 'backref'; index: number }
  | { k: 'empty' };

export class RegexError extends Error {}

interface Compiled {
  root: Node;
  groups: number;
  /** Has assertions or back-references: values are checked against the pattern (and redrawn). */
  needsCheck: boolean;
  /** Lookahead/lookbehind assertions (not generated: unique/indexing is refused for them). */
  lookaround: boolean;
}

function compilePattern(pattern: string): Compiled {
  let ast: AST.Pattern;
  try {
    ast = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(pattern, 0, pattern.length, { unicode: false });
  } catch (error) {
    throw new RegexError(`must be a valid regular expression (${(error as Error).message})`);
  }
  const groupIndex = new Map<AST.CapturingGroup, number>();
  let groups = 0;
  let needsCheck = false;
  let lookaround = false;
  const backrefs: { ref: Node; target: AST.CapturingGroup }[] = [];

  const alternatives = (alts: AST.Alternative[], top = false): Node =>
    alts.length === 1 ? sequence(alts[0], top) : { k: 'alt', options: alts.map((a) => sequence(a, top)) };
  const sequence = (alt: AST.Alternative, top: boolean): Node => {
    let elements = alt.elements;
    if (top) {
      // ^ at the start and $ at the end of a whole alternative always hold for a full match
      const edge = (e: AST.Element, kind: 'start' | 'end') => e.type === 'Assertion' && e.kind === kind;
      let from = 0;
      let to = elements.length;
      while (from < to && edge(elements[from], 'start')) from++;
      while (to > from && edge(elements[to - 1], 'end')) to--;
      elements = elements.slice(from, to);
    }
    const items = elements.map(element).filter((n) => n.k !== 'empty');
    return items.length === 1 ? items[0] : items.length === 0 ? { k: 'empty' } : { k: 'seq', items };
  };
  const element = (node: AST.Element | AST.QuantifiableElement): Node => {
    switch (node.type) {
      case 'Character':
        return { k: 'chars', gen: CharSet.of([[node.value, node.value]]) };
      case 'CharacterSet':
        if (node.kind === 'any') return { k: 'chars', gen: ALNUM };
        return { k: 'chars', gen: drawable(escapeSet(node)) };
      case 'CharacterClass': {
        const match = classSet(node);
        const gen = node.negate ? drawable(ALL.minus(match)) : classDrawable(node);
        if (gen.size === 0) throw new RegexError(`the class ${node.raw} matches no character`);
        return { k: 'chars', gen };
      }
      case 'ExpressionCharacterClass':
        throw new RegexError(`class set expressions (${node.raw}) are not supported`);
      case 'Group':
        if (node.modifiers) throw new RegexError(`group modifiers (${node.raw}) are not supported`);
        return alternatives(node.alternatives);
      case 'CapturingGroup': {
        const index = ++groups;
        groupIndex.set(node, index);
        return { k: 'group', index, node: alternatives(node.alternatives) };
      }
      case 'Quantifier': {
        const unbounded = node.max === Infinity;
        const max = unbounded ? node.min + UNBOUNDED_EXTRA : node.max;
        const inner = element(node.element);
        if (max === 0) return { k: 'empty' };
        return { k: 'rep', node: inner, min: node.min, max, unbounded };
      }
      case 'Backreference': {
        needsCheck = true;
        const target = Array.isArray(node.resolved) ? node.resolved[0] : node.resolved;
        const ref: Node = { k: 'backref', index: -1 };
        backrefs.push({ ref, target });
        return ref;
      }
      case 'Assertion':
        needsCheck = true;
        if (node.kind === 'lookahead' || node.kind === 'lookbehind') lookaround = true;
        return { k: 'empty' };
    }
  };
  const root = alternatives(ast.alternatives, true);
  // resolved once every group has its number (a reference may come before its group)
  for (const { ref, target } of backrefs) if (ref.k === 'backref') ref.index = groupIndex.get(target) ?? -1;
  return { root, groups, needsCheck, lookaround };
}

function escapeSet(node: AST.EscapeCharacterSet | AST.CharacterSet): CharSet {
  if (node.kind === 'any') return ALL.minus(LINE_TERMINATORS);
  if (node.kind === 'property') throw new RegexError(`unicode property escapes (${node.raw}) need the u flag`);
  const base = node.kind === 'digit' ? DIGIT : node.kind === 'word' ? WORD : SPACE;
  return node.negate ? ALL.minus(base) : base;
}

function classElementRanges(element: AST.CharacterClassElement): CharSet {
  switch (element.type) {
    case 'Character':
      return CharSet.of([[element.value, element.value]]);
    case 'CharacterClassRange':
      return CharSet.of([[element.min.value, element.max.value]]);
    case 'CharacterSet':
      return escapeSet(element);
    default:
      throw new RegexError(`${element.raw} is not supported in a class`);
  }
}

/** Everything the class's elements match (for negation). */
function classSet(node: AST.CharacterClass): CharSet {
  return (node.elements as AST.CharacterClassElement[]).reduce((set, e) => set.union(classElementRanges(e)), CharSet.of([]));
}

/** What a (non-negated) class draws from: its literal ranges, plus a printable subset of its escapes. */
function classDrawable(node: AST.CharacterClass): CharSet {
  return (node.elements as AST.CharacterClassElement[]).reduce(
    (set, e) => set.union(e.type === 'CharacterSet' ? drawable(escapeSet(e)) : classElementRanges(e)),
    CharSet.of([]),
  );
}

function maxLength(n: Node, capped: boolean, groupMax: Map<number, number>): number {
  switch (n.k) {
    case 'chars':
      return 1;
    case 'empty':
      return 0;
    case 'seq':
      return n.items.reduce((s, item) => s + maxLength(item, capped, groupMax), 0);
    case 'alt':
      return Math.max(...n.options.map((o) => maxLength(o, capped, groupMax)));
    case 'rep': {
      const inner = maxLength(n.node, capped, groupMax);
      if (inner === 0) return 0;
      return n.unbounded && !capped ? Infinity : inner * n.max;
    }
    case 'group': {
      const m = maxLength(n.node, capped, groupMax);
      groupMax.set(n.index, m);
      return m;
    }
    case 'backref':
      return groupMax.get(n.index) ?? 0;
  }
}

/** Mixed-radix digits of an index, taken by the first `planned` draws of indexed positions. */
class Digits {
  constructor(private rest: number, private planned: number) {}
  take(radix: number, random: Uniform): number {
    if (this.planned > 0) {
      this.planned--;
      const d = this.rest % radix;
      this.rest = Math.floor(this.rest / radix);
      return d;
    }
    return Math.floor(random() * radix);
  }
}

/** A compiled pattern: bounds, random values, index-carrying values. */
export class RegexGenerator {
  readonly maxLength: number;
  readonly generatedMaxLength: number;
  /** Values are a bijection of [0, indexSpace) on the fixed-length head and tail of the pattern. */
  readonly indexSpace: number;
  private readonly root: Node;
  private readonly groups: number;
  /** Set when values are checked (assertions, back-references): the anchored pattern. */
  readonly check: RegExp | undefined;
  readonly lookaround: boolean;
  /** Nodes whose draws may take digits of the index (fixed-length head and tail of the pattern). */
  private readonly indexed = new Set<Node>();
  /** How many draws (in generation order) take a digit of the index. */
  private planned = 0;

  constructor(readonly pattern: string) {
    const compiled = compilePattern(pattern);
    this.root = compiled.root;
    this.groups = compiled.groups;
    this.lookaround = compiled.lookaround;
    this.check = compiled.needsCheck ? new RegExp(`^(?:${pattern})$`) : undefined;
    this.maxLength = maxLength(this.root, false, new Map());
    this.generatedMaxLength = maxLength(this.root, true, new Map());
    const space = this.planIndex();
    this.indexSpace = compiled.needsCheck ? 1 : space;
  }

  /** A value drawn from `random`. */
  generate(random: Uniform): string {
    return this.run(random, undefined);
  }

  /** A value determined by `index` in [0, indexSpace) on its indexed positions (injective), the rest from `random`. */
  atIndex(index: number, random: Uniform): string {
    return this.run(random, index);
  }

  private run(random: Uniform, index: number | undefined): string {
    for (let attempt = 0; ; attempt++) {
      const captures: string[] = new Array(this.groups + 1).fill('');
      const digits = index === undefined ? undefined : new Digits(index, this.planned);
      const value = this.emit(this.root, random, captures, digits);
      if (!this.check || this.check.test(value) || attempt >= 50) return value;
    }
  }

  private emit(n: Node, random: Uniform, captures: string[], digits: Digits | undefined): string {
    switch (n.k) {
      case 'chars': {
        const size = n.gen.size;
        const d = digits && this.indexed.has(n) ? digits.take(size, random) : Math.floor(random() * size);
        return n.gen.at(d);
      }
      case 'empty':
        return '';
      case 'seq': {
        let out = '';
        for (const item of n.items) out += this.emit(item, random, captures, digits);
        return out;
      }
      case 'alt':
        return this.emit(n.options[Math.floor(random() * n.options.length)], random, captures, digits);
      case 'rep': {
        const count = n.min === n.max ? n.min : n.min + Math.floor(random() * (n.max - n.min + 1));
        let out = '';
        for (let r = 0; r < count; r++) out += this.emit(n.node, random, captures, digits);
        return out;
      }
      case 'group': {
        const text = this.emit(n.node, random, captures, digits);
        captures[n.index] = text;
        return text;
      }
      case 'backref':
        return captures[n.index] ?? '';
    }
  }

  /**
   * Marks the fixed-length elements at the head and the tail of the pattern's top-level sequence:
   * their characters sit at fixed offsets from the start (or the end), so distinct digits there
   * give distinct strings whatever the middle does. Returns the product of their radixes (≤ 2^53).
   */
  private planIndex(): number {
    let root = this.root;
    while (root.k === 'group') root = root.node;
    const items = root.k === 'seq' ? root.items : [root];
    let product = 1;
    let full = false;
    // in generation order, so the planned draws are exactly the first ones to take digits
    const mark = (n: Node): void => {
      if (full || !hasChoice(n)) return;
      if (n.k === 'chars') {
        if (product * n.gen.size > Number.MAX_SAFE_INTEGER) {
          full = true;
          return;
        }
        this.indexed.add(n);
        this.planned++;
        product *= n.gen.size;
      } else if (n.k === 'seq') n.items.forEach(mark);
      else if (n.k === 'group') mark(n.node);
      else if (n.k === 'rep') for (let r = 0; r < n.min && !full; r++) mark(n.node);
    };
    let head = 0;
    while (head < items.length && fixedLength(items[head])) head++;
    let tail = items.length;
    while (tail > head && fixedLength(items[tail - 1])) tail--;
    items.slice(0, head).forEach(mark);
    items.slice(tail).forEach(mark);
    return product;
  }
}

function hasChoice(n: Node): boolean {
  switch (n.k) {
    case 'chars':
      return n.gen.size > 1;
    case 'seq':
      return n.items.some(hasChoice);
    case 'group':
    case 'rep':
      return hasChoice(n.node);
    default:
      return false;
  }
}

/** Fixed length and every draw a plain character choice (so the text is injective in the digits). */
function fixedLength(n: Node): boolean {
  switch (n.k) {
    case 'chars':
    case 'empty':
      return true;
    case 'seq':
      return n.items.every(fixedLength);
    case 'group':
      return fixedLength(n.node);
    case 'rep':
      return n.min === n.max && fixedLength(n.node);
    default:
      return false;
  }
}

const cache = new Map<string, RegexGenerator>();

/** The compiled generator of a pattern (cached; throws RegexError for patterns we cannot generate). */
export function regexGenerator(pattern: string): RegexGenerator {
  let generator = cache.get(pattern);
  if (!generator) {
    generator = new RegexGenerator(pattern);
    if (cache.size > 1000) cache.clear();
    cache.set(pattern, generator);
  }
  return generator;
}

/** Longest string the pattern can match (Infinity when a quantifier is unbounded). */
export function regexMaxLength(pattern: string): number {
  return regexGenerator(pattern).maxLength;
}

/** Longest value the generator produces for the pattern (unbounded quantifiers capped). */
export function regexGeneratedMaxLength(pattern: string): number {
  return regexGenerator(pattern).generatedMaxLength;
}

/** How many distinct values a unique regex column can take (see RegexGenerator.indexSpace). */
export function regexIndexSpace(pattern: string): number {
  return regexGenerator(pattern).indexSpace;
}

/** Why a pattern cannot be used for a regex field, or undefined when it can. */
export function regexProblem(pattern: string): string | undefined {
  let generator: RegexGenerator;
  try {
    generator = regexGenerator(pattern);
  } catch (error) {
    return (error as Error).message;
  }
  if (generator.generatedMaxLength > REGEX_MAX_CHARS)
    return `values of this pattern can be ${generator.generatedMaxLength} characters long (at most ${REGEX_MAX_CHARS}; unbounded quantifiers repeat at most ${UNBOUNDED_EXTRA} extra times)`;
  if (generator.lookaround) return 'lookahead and lookbehind assertions are not supported';
  if (generator.check) {
    // assertions are met by redrawing: refuse patterns where redrawing does not get there (a\bb)
    const rng = new Rng();
    rng.reseed(keyOf('regex-check', pattern), 0);
    for (let t = 0; t < 32; t++)
      if (!generator.check.test(generator.generate(rng.next))) return 'no value found that meets the pattern\'s assertions or back-references';
  }
  return undefined;
}

/**
 * Row values of a (non-unique) regex field from the shared stream. Patterns that faker's own
 * fromRegExp handles keep faker's values (the bytes of existing definitions); each value is still
 * checked against the pattern and bound, and our generator draws one in its place when it fails.
 * Patterns faker mishandles (a trial of 64 values fails) use our generator only.
 */
export function regexStream(pattern: string, faker: Faker, rng: Rng): () => string {
  const generator = regexGenerator(pattern);
  const full = new RegExp(`^(?:${pattern})$`);
  const source = new RegExp(pattern); // a RegExp (not its source) so faker honours ^ and $ anchors
  const max = generator.generatedMaxLength;
  const fromFaker = (): string | undefined => {
    try {
      const value = faker.helpers.fromRegExp(source);
      return value.length <= max && full.test(value) ? value : undefined;
    } catch {
      return undefined;
    }
  };
  let fakerHandles = true;
  rng.reseed(keyOf('regex-trial', pattern), 0);
  for (let t = 0; t < 64 && fakerHandles; t++) fakerHandles = fromFaker() !== undefined;
  const next = rng.next;
  if (!fakerHandles) return () => generator.generate(next);
  return () => fromFaker() ?? generator.generate(next);
}

/** Values of a regex field by index in [0, indexSpace): distinct indexes, distinct values. */
export function regexAtIndex(pattern: string, key: Key): (index: number) => string {
  const generator = regexGenerator(pattern);
  const rng = new Rng();
  const rest = subKey(key, 0x72657374);
  return (index) => {
    rng.reseed(rest, index);
    return generator.atIndex(index, rng.next);
  };
}
