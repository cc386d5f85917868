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
const BMP = CharSet.of([
  [0x20, 0xd7ff],
  [0xe000, 0xfffd],
]);
const DIGIT = CharSet.of([[0x30, 0x39]]);
const WORD = CharSet.of([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);
const ALNUM = CharSet.of([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x61, 0x7a],
]);
// what \s matches in JavaScript
const SPACE = CharSet.of([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
const LINE_TERMINATORS = CharSet.of([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
]);

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

/** Shortest string a node matches (back-references count their group's shortest). */
function minLength(n: Node, groupMin: Map<number, number>): number {
  switch (n.k) {
    case 'chars':
      return 1;
    case 'empty':
      return 0;
    case 'seq':
      return n.items.reduce((s, item) => s + minLength(item, groupMin), 0);
    case 'alt':
      return Math.min(...n.options.map((o) => minLength(o, groupMin)));
    case 'rep':
      return n.min === 0 ? 0 : n.min * minLength(n.node, groupMin);
    case 'group': {
      const m = minLength(n.node, groupMin);
      groupMin.set(n.index, m);
      return m;
    }
    case 'backref':
      return groupMin.get(n.index) ?? 0;
  }
}

/**
 * A copy of `n` whose values are at most `budget` long (given its shortest match fits): long
 * quantifiers repeat fewer times, sequences share the room above their items' minimums evenly,
 * alternatives that cannot fit are dropped. Untouched where the node already fits.
 */
function fit(n: Node, budget: number): Node {
  if (maxLength(n, true, new Map()) <= budget) return n;
  switch (n.k) {
    case 'chars':
    case 'empty':
    case 'backref':
      return n;
    case 'group':
      return { ...n, node: fit(n.node, budget) };
    case 'alt': {
      const room = n.options.filter((o) => minLength(o, new Map()) <= budget);
      // none fits (a budget cut for back-references): the shortest, as short as it gets
      const shortest = n.options.reduce((a, b) => (minLength(b, new Map()) < minLength(a, new Map()) ? b : a));
      return { k: 'alt', options: (room.length > 0 ? room : [shortest]).map((o) => fit(o, budget)) };
    }
    case 'seq': {
      const mins = n.items.map((item) => minLength(item, new Map()));
      const maxs = n.items.map((item) => maxLength(item, true, new Map()));
      const total = (room: number) => mins.reduce((sum, m, i) => sum + Math.min(maxs[i], m + room), 0);
      // the most room every item may take above its minimum
      let lo = 0;
      let hi = budget;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (total(mid) <= budget) lo = mid;
        else hi = mid - 1;
      }
      return { k: 'seq', items: n.items.map((item, i) => fit(item, Math.min(maxs[i], mins[i] + lo))) };
    }
    case 'rep': {
      const innerMax = maxLength(n.node, true, new Map());
      let count = Math.max(n.min, Math.min(n.max, Math.floor(budget / innerMax)));
      if (count === 0) {
        if (minLength(n.node, new Map()) > budget) return { k: 'empty' };
        count = 1;
      }
      const node = count * innerMax <= budget ? n.node : fit(n.node, Math.floor(budget / count));
      return { k: 'rep', node, min: n.min, max: count, unbounded: false };
    }
  }
}

/**
 * A copy of `n` whose values are at least `need` long (given its longest match reaches it): the
 * counterpart of fit — quantifiers repeat more, sequences give up the room below their items'
 * maximums evenly, alternatives too short are dropped. Untouched where the node already reaches it.
 */
function lengthen(n: Node, need: number): Node {
  if (minLength(n, new Map()) >= need) return n;
  switch (n.k) {
    case 'chars':
    case 'empty':
    case 'backref':
      return n;
    case 'group':
      return { ...n, node: lengthen(n.node, need) };
    case 'alt': {
      const room = n.options.filter((o) => maxLength(o, true, new Map()) >= need);
      const longest = n.options.reduce((a, b) => (maxLength(b, true, new Map()) > maxLength(a, true, new Map()) ? b : a));
      return { k: 'alt', options: (room.length > 0 ? room : [longest]).map((o) => lengthen(o, need)) };
    }
    case 'seq': {
      const mins = n.items.map((item) => minLength(item, new Map()));
      const maxs = n.items.map((item) => maxLength(item, true, new Map()));
      const total = (slack: number) => maxs.reduce((sum, m, i) => sum + Math.max(mins[i], m - slack), 0);
      // the most slack below its maximum every item may keep
      let lo = 0;
      let hi = Math.max(0, ...maxs.map((m, i) => m - mins[i]));
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (total(mid) >= need) lo = mid;
        else hi = mid - 1;
      }
      return { k: 'seq', items: n.items.map((item, i) => lengthen(item, Math.max(mins[i], maxs[i] - lo))) };
    }
    case 'rep': {
      const innerMax = maxLength(n.node, true, new Map());
      if (innerMax === 0) return n;
      const count = Math.min(n.max, Math.max(n.min, Math.ceil(need / innerMax)));
      const node = count * minLength(n.node, new Map()) >= need ? n.node : lengthen(n.node, Math.ceil(need / count));
      return { k: 'rep', node, min: count, max: Math.max(count, n.max), unbounded: n.unbounded };
    }
  }
}

/** How many index values a fixed-length node's draws can tell apart (`counts`: fixed repetitions). */
function radixOf(n: Node, counts: ReadonlyMap<Node, number>): number {
  switch (n.k) {
    case 'chars':
      return n.gen.size;
    case 'seq':
      return n.items.reduce((p, item) => p * radixOf(item, counts), 1);
    case 'group':
      return radixOf(n.node, counts);
    case 'rep':
      return radixOf(n.node, counts) ** (counts.get(n) ?? n.min);
    default:
      return 1;
  }
}

/** Which draws carry the digits of an index (see RegexGenerator.planIndex). */
interface IndexPlan {
  space: number;
  /** How many draws (in generation order) take a digit of the index. */
  planned: number;
  /** Nodes whose draws may take digits of the index. */
  indexed: Set<Node>;
  /** Quantifiers repeated a fixed number of times so their characters carry digits too. */
  counts: Map<Node, number>;
}

/** Mixed-radix digits of an index, taken by the first `planned` draws of indexed positions. */
class Digits {
  constructor(
    private rest: number,
    private planned: number,
  ) {}
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
  /** Shortest string the pattern matches. */
  readonly minLength: number;
  readonly generatedMaxLength: number;
  /** Values are a bijection of [0, indexSpace) on the fixed-length head and tail of the pattern. */
  readonly indexSpace: number;
  private readonly root: Node;
  private readonly groups: number;
  /** Set when values are checked (assertions, back-references): the anchored pattern. */
  readonly check: RegExp | undefined;
  readonly lookaround: boolean;
  /** The plan on the fixed-length head and tail of the pattern. */
  private readonly base: IndexPlan;
  /** Wider plans by the number of distinct values needed (quantifiers carry digits too). */
  private readonly wider = new Map<number, IndexPlan>();

  /**
   * `limit`: every value at most this long (long and unbounded quantifiers repeat fewer times);
   * `least`: at least this long (a char(n) column, whose padding a CHECK's regex would see).
   */
  constructor(
    readonly pattern: string,
    readonly limit?: number,
    readonly least?: number,
  ) {
    const compiled = compilePattern(pattern);
    this.groups = compiled.groups;
    this.lookaround = compiled.lookaround;
    this.check = compiled.needsCheck ? new RegExp(`^(?:${pattern})$`) : undefined;
    this.maxLength = maxLength(compiled.root, false, new Map());
    this.minLength = minLength(compiled.root, new Map());
    const fitted = limit === undefined ? compiled.root : fitRoot(compiled.root, limit, this.minLength);
    this.root = least === undefined ? fitted : lengthen(fitted, least);
    if (least !== undefined && minLength(this.root, new Map()) < least)
      throw new RegexError(`no value of this pattern${limit === undefined ? '' : ` within maxLength ${limit}`} is ${least} characters long`);
    this.generatedMaxLength = maxLength(this.root, true, new Map());
    this.base = this.planIndex(undefined);
    this.indexSpace = this.base.space;
  }

  /** How many distinct values atIndex gives when `needed` are wanted (more than indexSpace when quantifiers can carry them). */
  indexSpaceFor(needed: number | undefined): number {
    return this.planFor(needed).space;
  }

  private planFor(needed: number | undefined): IndexPlan {
    // the head/tail plan whenever it suffices, so definitions accepted before keep their values
    if (needed === undefined || this.base.space >= needed || this.check) return this.base;
    let plan = this.wider.get(needed);
    if (!plan) {
      plan = this.planIndex(needed);
      if (this.wider.size > 64) this.wider.clear();
      this.wider.set(needed, plan);
    }
    return plan;
  }

  /** A value drawn from `random`. */
  generate(random: Uniform): string {
    return this.run(random, undefined);
  }

  /**
   * A value determined by `index` in [0, indexSpaceFor(needed)) on its indexed positions
   * (injective), the rest from `random`.
   */
  atIndex(index: number, random: Uniform, needed?: number): string {
    return this.run(random, index, this.planFor(needed));
  }

  private run(random: Uniform, index: number | undefined, plan: IndexPlan = this.base): string {
    for (let attempt = 0; ; attempt++) {
      const captures: string[] = new Array(this.groups + 1).fill('');
      const digits = index === undefined ? undefined : new Digits(index, plan.planned);
      const value = this.emit(this.root, random, captures, digits, plan);
      if (!this.check || this.check.test(value) || attempt >= 50) return value;
    }
  }

  private emit(n: Node, random: Uniform, captures: string[], digits: Digits | undefined, plan: IndexPlan): string {
    switch (n.k) {
      case 'chars': {
        const size = n.gen.size;
        const d = digits && plan.indexed.has(n) ? digits.take(size, random) : Math.floor(random() * size);
        return n.gen.at(d);
      }
      case 'empty':
        return '';
      case 'seq': {
        let out = '';
        for (const item of n.items) out += this.emit(item, random, captures, digits, plan);
        return out;
      }
      case 'alt':
        return this.emit(n.options[Math.floor(random() * n.options.length)], random, captures, digits, plan);
      case 'rep': {
        const fixed = digits ? plan.counts.get(n) : undefined;
        const count = fixed ?? (n.min === n.max ? n.min : n.min + Math.floor(random() * (n.max - n.min + 1)));
        let out = '';
        for (let r = 0; r < count; r++) out += this.emit(n.node, random, captures, digits, plan);
        return out;
      }
      case 'group': {
        const text = this.emit(n.node, random, captures, digits, plan);
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
   * give distinct strings whatever the middle does. When that space holds fewer than `needed`
   * values, the quantifiers next to the head (then the tail) whose element has a fixed length
   * (`[a-z0-9-]*`, `[0-9]{6,}`) repeat a fixed number of times and carry digits as well: enough
   * for `needed`, and at least half-way between their bounds (plausible lengths). Space ≤ 2^53.
   */
  private planIndex(needed: number | undefined): IndexPlan {
    const plan: IndexPlan = { space: 1, planned: 0, indexed: new Set(), counts: new Map() };
    let root = this.root;
    while (root.k === 'group') root = root.node;
    const items = root.k === 'seq' ? root.items : [root];
    let full = false;
    // in generation order, so the planned draws are exactly the first ones to take digits
    const mark = (n: Node): void => {
      if (full || !hasChoice(n)) return;
      if (n.k === 'chars') {
        if (plan.space * n.gen.size > Number.MAX_SAFE_INTEGER) {
          full = true;
          return;
        }
        plan.indexed.add(n);
        plan.planned++;
        plan.space *= n.gen.size;
      } else if (n.k === 'seq') n.items.forEach(mark);
      else if (n.k === 'group') mark(n.node);
      else if (n.k === 'rep') for (let r = 0, count = plan.counts.get(n) ?? n.min; r < count && !full; r++) mark(n.node);
    };
    let head = 0;
    while (head < items.length && fixedLength(items[head])) head++;
    let tail = items.length;
    while (tail > head && fixedLength(items[tail - 1])) tail--;
    if (needed !== undefined) {
      let product = [...items.slice(0, head), ...items.slice(tail)].reduce((p, item) => p * radixOf(item, plan.counts), 1);
      const carrier = (item: Node): Extract<Node, { k: 'rep' }> | undefined => {
        while (item.k === 'group') item = item.node;
        return item.k === 'rep' && fixedLength(item.node) ? item : undefined;
      };
      const choose = (rep: Extract<Node, { k: 'rep' }>) => {
        const radix = radixOf(rep.node, plan.counts);
        let count = rep.min;
        if (radix > 1) {
          while (count < rep.max && product * radix ** count < needed) count++;
          const middle = Math.round((rep.min + rep.max) / 2);
          while (count < middle && product * radix ** (count + 1) <= Number.MAX_SAFE_INTEGER) count++;
        }
        plan.counts.set(rep, count);
        product *= radix ** count;
      };
      // fixed counts make the quantifier fixed-length, so the fixed-length items past it join in
      while (product < needed && head < tail) {
        const rep = carrier(items[head]);
        if (!rep) break;
        choose(rep);
        for (head++; head < tail && fixedLength(items[head]); head++) product *= radixOf(items[head], plan.counts);
      }
      while (product < needed && tail > head) {
        const rep = carrier(items[tail - 1]);
        if (!rep) break;
        choose(rep);
        for (tail--; tail > head && fixedLength(items[tail - 1]); tail--) product *= radixOf(items[tail - 1], plan.counts);
      }
    }
    items.slice(0, head).forEach(mark);
    items.slice(tail).forEach(mark);
    // values are redrawn until they match (assertions, back-references): nothing can carry an index
    if (this.check) plan.space = 1;
    return plan;
  }
}

/** The pattern's tree cut down to values of at most `limit` characters (back-references may need a smaller budget). */
function fitRoot(root: Node, limit: number, shortest: number): Node {
  if (shortest > limit) throw new RegexError(`the pattern's shortest value is ${shortest} characters, longer than maxLength ${limit}`);
  let budget = limit;
  for (;;) {
    const fitted = fit(root, budget);
    const most = maxLength(fitted, true, new Map());
    if (most <= limit) return fitted;
    // a back-reference repeats its group: give the rest less room until the whole fits
    if (budget <= 0) throw new RegexError(`no values of this pattern fit in maxLength ${limit}`);
    budget = Math.max(0, budget - (most - limit));
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

/**
 * The compiled generator of a pattern (cached; throws RegexError for patterns we cannot generate).
 * `maxLength` (the regex field option): every value at most this long.
 */
export function regexGenerator(pattern: string, maxLength?: number, minLength?: number): RegexGenerator {
  const id = maxLength === undefined && minLength === undefined ? pattern : `${maxLength ?? ''}\u0000${minLength ?? ''}\u0000${pattern}`;
  let generator = cache.get(id);
  if (!generator) {
    generator = new RegexGenerator(pattern, maxLength, minLength);
    if (cache.size > 1000) cache.clear();
    cache.set(id, generator);
  }
  return generator;
}

/** Longest string the pattern can match (Infinity when a quantifier is unbounded). */
export function regexMaxLength(pattern: string): number {
  return regexGenerator(pattern).maxLength;
}

/** Longest value the generator produces for the pattern (unbounded quantifiers capped, and at most maxLength). */
export function regexGeneratedMaxLength(pattern: string, maxLength?: number): number {
  return regexGenerator(pattern, maxLength).generatedMaxLength;
}

/**
 * How many distinct values a unique regex column can take (see RegexGenerator.indexSpace);
 * with `needed` (the table's rows), quantifiers carry values too when the head and tail are too few.
 */
export function regexIndexSpace(pattern: string, maxLength?: number, needed?: number, minLength?: number): number {
  return regexGenerator(pattern, maxLength, minLength).indexSpaceFor(needed);
}

/** Why a pattern (with the maxLength option, when given) cannot be used for a regex field, or undefined when it can. */
export function regexProblem(pattern: string, maxLength?: number, minLength?: number): string | undefined {
  let generator: RegexGenerator;
  try {
    generator = regexGenerator(pattern, maxLength, minLength);
  } catch (error) {
    return (error as Error).message;
  }
  if (generator.generatedMaxLength > REGEX_MAX_CHARS)
    return `values of this pattern can be ${generator.generatedMaxLength} characters long (at most ${REGEX_MAX_CHARS}; unbounded quantifiers repeat at most ${UNBOUNDED_EXTRA} extra times)`;
  if (generator.check) {
    // assertions (lookarounds too: `[-.](?=[a-z0-9])`) are met by redrawing: refuse patterns
    // where redrawing does not get there (a\bb, a(?=b))
    const rng = new Rng();
    rng.reseed(keyOf('regex-check', pattern), 0);
    for (let t = 0; t < 32; t++)
      if (!generator.check.test(generator.generate(rng.next)))
        return generator.lookaround
          ? 'no value found that meets its lookahead and lookbehind assertions'
          : "no value found that meets the pattern's assertions or back-references";
  }
  return undefined;
}

/** A piece of a pattern as faker's fromRegExp fills it: literal text, or a class drawn a count of times. */
type FakerPiece = string | { chars: string[]; quantifier: '' | '?' | '*' | '+'; min: number; max: number };

/** The most elements of an array: faker's helpers.multiple throws past it, before drawing any. */
const MAX_ARRAY = 2 ** 32 - 1;

/**
 * The code points faker's fromRegExp draws a class's characters from (`[A-HJ-NP-Z2-9]`, `[^a-z]`),
 * in its order and with its repeats, for classes of letters, digits and '_' (ranges within one of
 * 0-9, A-Z, a-z) whose every such character the class matches; undefined for others.
 */
function fakerClassChars(body: string): string[] | undefined {
  const negate = body.startsWith('^');
  const items = negate ? body.substring(1) : body;
  if (!/^(?:[0-9]-[0-9]|[A-Z]-[A-Z]|[a-z]-[a-z]|\w)+$/.test(items)) return undefined;
  const codes: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const from = items.charCodeAt(i);
    const to = items[i + 1] === '-' ? items.charCodeAt((i += 2)) : from;
    if (to < from) return undefined;
    for (let c = from; c <= to; c++) codes.push(c);
  }
  // faker's negation: each digit and ASCII letter taken out of the list when in it (once), else added
  if (negate)
    for (const [from, to] of [
      [48, 57],
      [65, 90],
      [97, 122],
    ] as const)
      for (let c = from; c <= to; c++) {
        const at = codes.indexOf(c);
        if (at > -1) codes.splice(at, 1);
        else codes.push(c);
      }
  const chars = codes.map((c) => String.fromCharCode(c));
  const matches = new RegExp(`^[${body}]$`);
  return chars.length > 0 && chars.every((c) => matches.test(c)) ? chars : undefined;
}

/**
 * faker's fromRegExp compiled once, for patterns of literal characters and classes of letters and
 * digits (`[A-Z]{3}-[0-9]{4}`, `ID-[a-f0-9]+`): faker rewrites the pattern's text on each call, a
 * pass per kind of quantifier. For these its passes meet the classes left to right, each drawing
 * its count (`{n,m}`, or `?`, `*`, `+` by coin flips, as faker draws them), then a character per
 * repeat from faker's list of the class's code points: the same draws, the same text, which
 * matches the pattern. The text, or undefined when longer than `max` (or faker would throw);
 * undefined for other patterns (`source`: the RegExp's source, as faker reads it).
 */
export function fakerRegExp(source: string, next: Uniform, max: number): (() => string | undefined) | undefined {
  const text = source.replace(/^\^+/, '').replace(/\$+$/, '');
  const pieces: FakerPiece[] = [];
  let literal = '';
  for (let i = 0; i < text.length;) {
    if (text[i] !== '[') {
      if ('\\^$.|?*+()[]{}'.includes(text[i]!)) return undefined;
      literal += text[i++];
      continue;
    }
    const close = text.indexOf(']', i + 1);
    const chars = close === -1 ? undefined : fakerClassChars(text.substring(i + 1, close));
    if (!chars) return undefined;
    const q = /^(?:\{(\d+)(?:,(\d+))?\}|([?*+]))?/.exec(text.substring(close + 1))!;
    const min = q[1] === undefined ? 1 : Number.parseInt(q[1]);
    const most = q[2] === undefined ? min : Number.parseInt(q[2]);
    if (literal) pieces.push(literal);
    literal = '';
    pieces.push({ chars, quantifier: (q[3] ?? '') as '' | '?' | '*' | '+', min, max: most });
    i = close + 1 + q[0].length;
  }
  if (literal) pieces.push(literal);
  // datatype.boolean(): number.float() < 0.5; number.int({ min, max }): floor(next() * size + min)
  const count = (piece: Exclude<FakerPiece, string>): number => {
    if (piece.quantifier === '') return piece.min === piece.max ? piece.min : Math.floor(next() * (piece.max - piece.min + 1) + piece.min);
    if (piece.quantifier === '?') return next() < 0.5 ? 0 : 1;
    let most = 1;
    while (next() < 0.5) most *= 2;
    if (piece.quantifier === '*') return Math.floor(next() * (most + 1));
    return most === 1 ? 1 : Math.floor(next() * most + 1);
  };
  return () => {
    let value = '';
    let length = 0;
    for (let p = 0; p < pieces.length; p++) {
      const piece = pieces[p]!;
      if (typeof piece === 'string') {
        length += piece.length;
        if (length <= max) value += piece;
        continue;
      }
      const n = count(piece);
      if (n > MAX_ARRAY) return undefined;
      // helpers.arrayElement per character: one draw, none for a one-character list
      const { chars } = piece;
      const size = chars.length;
      for (let r = 0; r < n; r++) {
        const c = size > 1 ? chars[Math.floor(next() * size)]! : chars[0]!;
        if (++length <= max) value += c;
      }
    }
    return length <= max ? value : undefined;
  };
}

/**
 * Row values of a (non-unique) regex field from the shared stream. Patterns that faker's own
 * fromRegExp handles keep faker's values (the bytes of existing definitions; for the simple ones,
 * fakerRegExp makes them); each value is still checked against the pattern and bound, and our
 * generator draws one in its place when it fails.
 * Patterns faker mishandles (a trial of 64 values fails) use our generator only, as does `compiled`
 * (the regex option `draw: 'compiled'`, which the importer writes).
 */
export function regexStream(pattern: string, faker: Faker, rng: Rng, maxLength?: number, compiled = false, minLength?: number): () => string {
  const generator = regexGenerator(pattern, maxLength, minLength);
  // `draw: 'compiled'`: the pattern compiled once, never re-parsed per value as fromRegExp does
  if (compiled || minLength !== undefined) {
    const next = rng.next;
    return () => generator.generate(next);
  }
  const full = new RegExp(`^(?:${pattern})$`);
  const source = new RegExp(pattern); // a RegExp (not its source) so faker honours ^ and $ anchors
  const max = generator.generatedMaxLength;
  const fakerNext = (faker as unknown as { fakerCore?: { randomizer?: { next?: Uniform } } }).fakerCore?.randomizer?.next;
  const twin = typeof fakerNext === 'function' ? fakerRegExp(source.source, fakerNext, max) : undefined;
  const fromFaker =
    twin ??
    ((): string | undefined => {
      try {
        const value = faker.helpers.fromRegExp(source);
        return value.length <= max && full.test(value) ? value : undefined;
      } catch {
        return undefined;
      }
    });
  let fakerHandles = true;
  rng.reseed(keyOf('regex-trial', pattern), 0);
  for (let t = 0; t < 64 && fakerHandles; t++) fakerHandles = fromFaker() !== undefined;
  const next = rng.next;
  if (!fakerHandles) return () => generator.generate(next);
  return () => fromFaker() ?? generator.generate(next);
}

/** Values of a regex field by index in [0, regexIndexSpace(pattern, maxLength, needed)): distinct indexes, distinct values. */
export function regexAtIndex(pattern: string, key: Key, maxLength?: number, needed?: number, minLength?: number): (index: number) => string {
  const generator = regexGenerator(pattern, maxLength, minLength);
  const rng = new Rng();
  const rest = subKey(key, 0x72657374);
  return (index) => {
    rng.reseed(rest, index);
    return generator.atIndex(index, rng.next, needed);
  };
}
