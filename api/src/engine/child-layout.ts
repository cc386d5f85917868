// Children per parent without holding the child table: parent j has count(j) children, a pure
// function of (key, j); checkpoints every 1024 parents let child row i find its parent fast.
// Children are laid out parent by parent, so the children of parent j are the contiguous rows
// [startOf(j), startOf(j) + countOf(j)): scoped refs, many-to-many and exactly-one build on that.
import { z } from 'zod';
import { hashIndex, type Key, mix32, unitAt } from './random.js';

const STRIDE = 1024;
/** startOf's finer index: one offset per 32 parents, built on first use (4 bytes per 32 parents). */
const FINE = 32;
/**
 * Blocks whose children's starts are kept (direct-mapped, 8 KB each): reads of random rows of a
 * laid-out table (a path through a ref to it) would otherwise recount a block per read.
 */
const KEPT_BLOCKS = 64;

/** Children per parent: uniform in [min, max], or weighted ranges (e.g. 1–3 mostly, 4–10 rarely). */
export type PerParent = { min?: number; max?: number; ranges?: { min: number; max: number; weight: number }[] };

const count = z.number().int().min(0).max(100_000);

/** `childrenPerParent` of a ref: `{ min, max }`, optionally with weighted `ranges` inside min..max. */
export const perParentSchema = z
  .strictObject({
    min: count.describe('fewest children of a parent'),
    max: count.describe('most children of a parent'),
    ranges: z
      .array(z.strictObject({ min: count, max: count, weight: z.number().min(0).max(1e9) }))
      .min(1)
      .max(100)
      .optional()
      .describe('weighted ranges within min..max, e.g. [{min:1,max:3,weight:6},{min:4,max:10,weight:1}]'),
  })
  .superRefine((v, ctx) => {
    if (v.max < v.min) ctx.addIssue({ code: 'custom', path: ['max'], message: `must be >= min (got ${v.max} < ${v.min})` });
    if (!v.ranges) return;
    v.ranges.forEach((r, k) => {
      if (r.max < r.min) ctx.addIssue({ code: 'custom', path: ['ranges', k, 'max'], message: `must be >= min (got ${r.max} < ${r.min})` });
      // min/max stay the overall bounds (forms and validation read them); the ranges weigh counts inside them
      else if (r.min < v.min || r.max > v.max)
        ctx.addIssue({ code: 'custom', path: ['ranges', k], message: `must lie within min..max (${v.min}..${v.max}; got ${r.min}..${r.max})` });
    });
    if (!(v.ranges.reduce((a, r) => a + r.weight, 0) > 0)) ctx.addIssue({ code: 'custom', path: ['ranges'], message: 'weights must not all be 0' });
  });

/** Fewest and most children a `childrenPerParent` allows. */
export function perParentBounds(perParent: PerParent): { min: number; max: number } {
  const used = perParent.ranges?.filter((r) => r.weight > 0) ?? [{ min: perParent.min ?? 0, max: perParent.max ?? 0 }];
  return { min: Math.min(...used.map((r) => r.min)), max: Math.max(...used.map((r) => r.max)) };
}

export class ChildLayout {
  readonly total: number;
  private readonly checkpoints: Float64Array;
  /** Block held in each slot (-1: none), and per slot the start of each of its parents and the end. */
  private readonly keptBlock: Int32Array;
  private readonly kept: Float64Array;
  private fine: Uint32Array | undefined;
  private lastParent = -1;
  private lastStart = 0;
  // several fields of one row ask for the same child's parent: remember the last answer
  private lastChild = -1;
  private lastChildParent = 0;
  // weighted ranges, flattened: cumulative weight, min and width of each range (empty: plain min..max)
  private readonly cumulative: Float64Array;
  private readonly rangeMin: Float64Array;
  private readonly rangeWidth: Float64Array;
  private readonly totalWeight: number;

  /** The layout a ref's `childrenPerParent` asks for; parents `eligible` rejects get no children. */
  static of(parentRows: number, perParent: PerParent, key: Key, eligible?: (parent: number) => boolean): ChildLayout {
    const { min, max } = perParentBounds(perParent);
    return new ChildLayout(parentRows, min, max, key, perParent.ranges, eligible);
  }

  /** Every parent gets min..max children, uniformly; or by `ranges` (weighted), min/max then being their bounds. */
  constructor(
    private readonly parentRows: number,
    /** Fewest and most children any parent can have. */
    readonly min: number,
    readonly max: number,
    private readonly key: Key,
    weighted?: { min: number; max: number; weight: number }[],
    /** Parents that may have children (a ref's `where` on the parent's profile selector); others get 0. */
    private readonly eligible?: (parent: number) => boolean,
  ) {
    const ranges = weighted?.filter((r) => r.weight > 0) ?? [{ min, max, weight: 1 }];
    this.cumulative = new Float64Array(ranges.length);
    this.rangeMin = new Float64Array(ranges.length);
    this.rangeWidth = new Float64Array(ranges.length);
    let weight = 0;
    ranges.forEach((r, k) => {
      this.cumulative[k] = weight += r.weight;
      this.rangeMin[k] = r.min;
      this.rangeWidth[k] = r.max - r.min + 1;
    });
    this.totalWeight = weight;
    const blocks = Math.ceil(parentRows / STRIDE);
    this.checkpoints = new Float64Array(blocks + 1);
    let total = 0;
    for (let b = 0; b < blocks; b++) {
      this.checkpoints[b] = total;
      const end = Math.min(parentRows, (b + 1) * STRIDE);
      for (let j = b * STRIDE; j < end; j++) total += this.countOf(j);
    }
    this.checkpoints[blocks] = total;
    this.total = total;
    const slots = Math.min(KEPT_BLOCKS, Math.max(1, blocks));
    this.keptBlock = new Int32Array(slots).fill(-1);
    this.kept = new Float64Array(slots * (STRIDE + 1));
  }

  countOf(parent: number): number {
    if (this.eligible && !this.eligible(parent)) return 0;
    const u = unitAt(this.key, parent);
    if (this.cumulative.length === 1) return this.rangeMin[0] + Math.floor(u * this.rangeWidth[0]);
    // one draw picks the range by weight, then its remainder picks the count inside it
    const x = u * this.totalWeight;
    let r = 0;
    while (this.cumulative[r] <= x && r < this.cumulative.length - 1) r++;
    const below = r === 0 ? 0 : this.cumulative[r - 1];
    const v = (x - below) / (this.cumulative[r] - below);
    return this.rangeMin[r] + Math.min(this.rangeWidth[r] - 1, Math.floor(v * this.rangeWidth[r]));
  }

  /** The parent row of child row i (children are laid out parent by parent, in parent order). */
  parentOf(child: number): number {
    if (child === this.lastChild) return this.lastChildParent;
    const c = this.checkpoints;
    let lo = 0;
    let hi = c.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (c[mid] <= child) lo = mid;
      else hi = mid - 1;
    }
    const block = lo;
    const base = block * STRIDE;
    const count = Math.min(STRIDE, this.parentRows - base);
    const at = this.cacheBlock(block);
    const prefix = this.kept;
    // last k with prefix[k] <= child < prefix[k + 1]
    let a = 0;
    let b = count - 1;
    while (a < b) {
      const mid = (a + b + 1) >>> 1;
      if (prefix[at + mid] <= child) a = mid;
      else b = mid - 1;
    }
    this.lastChild = child;
    this.lastChildParent = base + a;
    return base + a;
  }

  /** The first child row of parent j (j = parentRows gives the total): O(1) after parentOf, else ≤ 31 hashes. */
  startOf(parent: number): number {
    if (parent === this.lastParent) return this.lastStart;
    let start: number;
    const block = Math.floor(parent / STRIDE);
    if (parent >= this.parentRows) start = this.total;
    else if (this.keptBlock[block % this.keptBlock.length] === block)
      start = this.kept[(block % this.keptBlock.length) * (STRIDE + 1) + parent - block * STRIDE];
    else {
      const fine = this.fine ?? this.buildFine();
      const f = Math.floor(parent / FINE);
      start = this.checkpoints[block] + fine[f];
      for (let j = f * FINE; j < parent; j++) start += this.countOf(j);
    }
    this.lastParent = parent;
    this.lastStart = start;
    return start;
  }

  /** The offset in `kept` of the block's starts, counted into its slot unless they are there. */
  private cacheBlock(block: number): number {
    const slot = block % this.keptBlock.length;
    const at = slot * (STRIDE + 1);
    if (this.keptBlock[slot] === block) return at;
    const base = block * STRIDE;
    const count = Math.min(STRIDE, this.parentRows - base);
    const prefix = this.kept;
    prefix[at] = this.checkpoints[block];
    for (let k = 0; k < count; k++) prefix[at + k + 1] = prefix[at + k] + this.countOf(base + k);
    this.keptBlock[slot] = block;
    return at;
  }

  private buildFine(): Uint32Array {
    // offsets from each block's checkpoint, so 32 bits suffice (1024 parents × 100,000 children)
    const fine = new Uint32Array(Math.ceil(this.parentRows / FINE));
    let offset = 0;
    for (let j = 0; j < this.parentRows; j++) {
      if (j % STRIDE === 0) offset = 0;
      if (j % FINE === 0) fine[j / FINE] = offset;
      offset += this.countOf(j);
    }
    this.fine = fine;
    return fine;
  }
}

/**
 * A keyed bijection of [0, size) per tweak (the left row): a balanced Feistel network with the
 * tweak hashed into every round, cycle-walking into range. No allocation per call.
 */
export class TweakedPermutation {
  private readonly roundKeys: Int32Array;

  constructor(
    readonly size: number,
    private readonly key: Key,
  ) {
    this.roundKeys = Int32Array.from([0, 1, 2, 3, 4, 5], (r) => mix32(key[r & 1] ^ Math.imul(r + 1, 0x9e3779b1)));
  }

  at(index: number, tweak: number): number {
    return this.within(index, tweak, this.size);
  }

  /** The same for a permutation of [0, size) (size < 2^32), e.g. the rows of one scope. */
  within(index: number, tweak: number, size: number): number {
    if (size <= 1) return 0;
    const halfSize = 2 ** Math.ceil((32 - Math.clz32(size - 1)) / 2);
    const mask = halfSize - 1;
    const t = hashIndex(this.key, tweak);
    let x = index;
    do {
      let left = Math.floor(x / halfSize);
      let right = x % halfSize;
      for (let r = 0; r < 6; r++) {
        const next = (left ^ (mix32(right ^ this.roundKeys[r] ^ t) & mask)) & mask;
        left = right;
        right = next;
      }
      x = left * halfSize + right;
    } while (x >= size);
    return x;
  }
}
