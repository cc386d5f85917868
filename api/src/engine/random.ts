// Hashing, a fast seedable PRNG behind faker's `randomizer` option, and keyed permutations.
// Everything here is 32-bit integer arithmetic (Math.imul), so results are identical on every
// machine and Node version.

/** murmur3's finaliser: a cheap full-avalanche mix of a 32-bit integer. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** 32-bit hash of a string (FNV-1a over UTF-16 code units, then mixed). */
export function hashString(text: string, salt = 0): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** A key of two independent 32-bit halves, derived from a list of names. */
export type Key = readonly [number, number];

export function keyOf(...parts: string[]): Key {
  const text = parts.join('\u0000');
  return [hashString(text, 0x5bd1e995), hashString(text, 0x27d4eb2f)];
}

/** The purpose of a field's null draws: subKey(field key, NULL_PURPOSE). */
export const NULL_PURPOSE = 0x6e756c6c;

/** A derived key: same parent, another purpose (e.g. the null decisions of a field). */
export function subKey(key: Key, purpose: number): Key {
  return [mix32(key[0] ^ Math.imul(purpose, 0x9e3779b1)), mix32(key[1] + Math.imul(purpose, 0x85ebca77))];
}

/** Uniform float in [0, 1) from (key, n) without any state: 32 bits of resolution. */
export function unitAt(key: Key, n: number): number {
  return hashIndex(key, n) / 4294967296;
}

/** 32-bit hash of (key, n) for an integer n in [0, 2^53). */
export function hashIndex(key: Key, n: number): number {
  const lo = n >>> 0;
  const hi = Math.floor(n / 4294967296) >>> 0;
  return mix32(mix32(key[0] ^ lo) + Math.imul(key[1] ^ hi, 0x9e3779b1));
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): passes PractRand, about 10x
 * cheaper than faker's Mersenne Twister. It implements faker's `Randomizer` interface.
 */
export class Rng {
  // the state as 32-bit integers in a typed array: as object fields, values past V8's small-integer
  // range were boxed on every store (14 ns a draw against 6).
  // The sfc32 step is written out three times (uint32, next, pick) on purpose: a shared helper
  // would be a call and the state's loads and stores per step on the hottest path of generation.
  // random.test.ts checks uint32 and next against sfc32 in BigInt arithmetic, and pick against next.
  private readonly s = new Int32Array(4);

  /** Reseed from a key and a counter (a block or a row index). */
  reseed(key: Key, n: number): void {
    const s = this.s;
    s[0] = key[0] ^ mix32(n >>> 0);
    s[1] = key[1] ^ mix32(Math.floor(n / 4294967296) + 0x6a09e667);
    s[2] = mix32(key[0] + key[1] + (n >>> 0));
    s[3] = 1;
    for (let i = 0; i < 8; i++) this.uint32();
  }

  uint32(): number {
    const s = this.s;
    const a = s[0]!,
      b = s[1]!,
      c = s[2]!,
      d = s[3]!;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1) with 53 bits of resolution (faker maps it onto integer ranges). */
  // an arrow property: faker keeps `randomizer.next` detached from the object; two steps of
  // uint32 written out, the state read and written once
  readonly next = (): number => {
    const s = this.s;
    let a = s[0]!,
      b = s[1]!,
      c = s[2]!,
      d = s[3]!;
    const t1 = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t1) | 0;
    const t2 = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t2) | 0;
    return ((t1 >>> 5) * 67108864 + (t2 >>> 6)) / 9007199254740992;
  };

  /**
   * out[at..at+count) = codes[floor(next() · codes.length)], one draw each, in order: the same
   * numbers as `count` calls of next(), without a call and the state's loads and stores per draw.
   */
  pick(codes: readonly number[], out: Uint8Array, at: number, count: number): void {
    const s = this.s;
    const size = codes.length;
    let a = s[0]!,
      b = s[1]!,
      c = s[2]!,
      d = s[3]!;
    for (let i = 0; i < count; i++) {
      const t1 = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t1) | 0;
      const t2 = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t2) | 0;
      out[at + i] = codes[Math.floor((((t1 >>> 5) * 67108864 + (t2 >>> 6)) / 9007199254740992) * size)]!;
    }
    s[0] = a;
    s[1] = b;
    s[2] = c;
    s[3] = d;
  }

  /** Copies the generator's state into buf[at..at+4) (to read another row mid-stream). */
  save(buf: Float64Array, at: number): void {
    const s = this.s;
    buf[at] = s[0]!;
    buf[at + 1] = s[1]!;
    buf[at + 2] = s[2]!;
    buf[at + 3] = s[3]!;
  }

  /** Restores a state saved by `save`. */
  load(buf: Float64Array, at: number): void {
    const s = this.s;
    s[0] = buf[at]!;
    s[1] = buf[at + 1]!;
    s[2] = buf[at + 2]!;
    s[3] = buf[at + 3]!;
  }

  /** Faker's `Randomizer.seed`: only used when someone calls `faker.seed()` on our instance. */
  readonly seed = (seed: number | number[]): void => {
    const parts = Array.isArray(seed) ? seed : [seed];
    let h = 0x3c6ef372;
    for (const p of parts) h = mix32(h ^ hashString(String(p)));
    this.reseed([h, mix32(h ^ 0xa54ff53a)], 0);
  };
}

/**
 * A keyed bijection of [0, size): a balanced Feistel network on the next even power of two,
 * cycle-walking until the value falls inside the range (expected < 4 steps). Gives unique
 * values from a row index with no shared state, so chunks can be generated anywhere.
 */
export class Permutation {
  private readonly half: number;
  private readonly halfSize: number;
  private readonly mask: number;
  private readonly roundKeys: number[];

  constructor(
    readonly size: number,
    key: Key,
  ) {
    if (!(size >= 1 && size <= Number.MAX_SAFE_INTEGER)) throw new RangeError(`permutation size ${size} out of range`);
    let bits = 1;
    while (2 ** bits < size) bits++;
    this.half = Math.ceil(bits / 2);
    this.halfSize = 2 ** this.half;
    this.mask = this.halfSize - 1;
    this.roundKeys = [0, 1, 2, 3, 4, 5].map((r) => mix32(key[r & 1] ^ Math.imul(r + 1, 0x9e3779b1)));
  }

  at(index: number): number {
    if (this.size === 1) return 0;
    let x = index;
    do x = this.encrypt(x);
    while (x >= this.size);
    return x;
  }

  private encrypt(x: number): number {
    let left = Math.floor(x / this.halfSize);
    let right = x % this.halfSize;
    for (const k of this.roundKeys) {
      const f = mix32(right ^ k) & this.mask;
      const next = (left ^ f) & this.mask;
      left = right;
      right = next;
    }
    return left * this.halfSize + right;
  }
}

/** Uniform float in [0, 1) from (key, n) with 53 bits of resolution. */
export function unit53At(key: Key, n: number): number {
  const hi = hashIndex(key, n) >>> 5;
  const lo = hashIndex([key[1], key[0]], n) >>> 6;
  return (hi * 67108864 + lo) / 9007199254740992;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const HEX1 = '0123456789abcdef';
const hex8 = (x: number) => HEX[x >>> 24] + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255];
const hex4 = (x: number) => HEX[(x >>> 8) & 255] + HEX[x & 255];

/**
 * UUIDs (v4 layout) for row indexes: the first 32 bits are a keyed permutation of the index, so
 * two rows below 2^32 never share one; the other 90 random bits come from a keyed hash.
 */
export class UuidSequence {
  private readonly permutation: Permutation;
  private readonly k1: Key;
  private readonly k2: Key;
  private readonly k3: Key;

  constructor(key: Key) {
    this.permutation = new Permutation(2 ** 32, key);
    this.k1 = subKey(key, 1);
    this.k2 = subKey(key, 2);
    this.k3 = subKey(key, 3);
  }

  at(index: number): string {
    const p = this.permutation.at(index % 2 ** 32);
    const a = hashIndex(this.k1, index);
    const b = hashIndex(this.k2, index);
    const c = hashIndex(this.k3, index);
    return `${hex8(p)}-${hex4(a >>> 16)}-4${HEX1[(a >>> 8) & 15]}${HEX[a & 255]}-${HEX[0x80 | ((b >>> 24) & 0x3f)]}${HEX[(b >>> 16) & 255]}-${hex4(b)}${hex8(c)}`;
  }
}
