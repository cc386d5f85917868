import { describe, expect, it } from 'vitest';
import { ChildLayout } from './child-layout.js';
import { keyOf, Permutation, Rng, UuidSequence } from './random.js';

describe('Permutation', () => {
  it('is a bijection of [0, size) for every small size and a few awkward ones', () => {
    const sizes = [...Array.from({ length: 70 }, (_, i) => i + 1), 1000, 1023, 1024, 1025, 65_537, 300_001];
    for (const size of sizes) {
      const perm = new Permutation(size, keyOf('perm', String(size)));
      const seen = new Uint8Array(size);
      for (let i = 0; i < size; i++) {
        const v = perm.at(i);
        if (!(v >= 0 && v < size && seen[v] === 0)) throw new Error(`size ${size}: ${i} -> ${v}`);
        seen[v] = 1;
      }
    }
  });

  it('differs by key and stays inside huge ranges', () => {
    const a = new Permutation(1000, keyOf('a'));
    const b = new Permutation(1000, keyOf('b'));
    expect(Array.from({ length: 20 }, (_, i) => a.at(i))).not.toEqual(Array.from({ length: 20 }, (_, i) => b.at(i)));
    const huge = new Permutation(Number.MAX_SAFE_INTEGER, keyOf('huge'));
    const values = Array.from({ length: 1000 }, (_, i) => huge.at(i));
    expect(values.every((v) => Number.isSafeInteger(v) && v >= 0)).toBe(true);
    expect(new Set(values).size).toBe(1000);
  });
});

describe('Rng', () => {
  it('is uniform enough and reproducible from (key, n)', () => {
    const rng = new Rng();
    rng.reseed(keyOf('x'), 5);
    const first = Array.from({ length: 10_000 }, () => rng.next());
    rng.reseed(keyOf('x'), 5);
    expect(Array.from({ length: 10_000 }, () => rng.next())).toEqual(first);
    const buckets = new Array(10).fill(0);
    for (const u of first) buckets[Math.floor(u * 10)]++;
    for (const n of buckets) expect(Math.abs(n - 1000)).toBeLessThan(150);
    expect(first.every((u) => u >= 0 && u < 1)).toBe(true);
  });

  it('pick draws as next() does, one draw a character', () => {
    const codes = [...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c) => c.charCodeAt(0));
    for (const size of [1, 2, 16, 22, 62]) {
      const a = new Rng();
      const b = new Rng();
      a.reseed(keyOf('pick'), size);
      b.reseed(keyOf('pick'), size);
      const out = new Uint8Array(300);
      a.pick(codes.slice(0, size), out, 7, 250);
      const expected = Array.from({ length: 250 }, () => codes[Math.floor(b.next() * size)]);
      expect([...out.subarray(7, 257)]).toEqual(expected);
      expect(a.uint32()).toBe(b.uint32());
    }
  });

  it('is sfc32 (checked against the algorithm in BigInt arithmetic), and resumes from a saved state', () => {
    const M = 0xffffffffn;
    // sfc32 as published, on unsigned 32-bit BigInts, started from the state Rng reads after reseed
    const reference = (start: bigint[]) => {
      let [a, b, c, d] = start as [bigint, bigint, bigint, bigint];
      return () => {
        const t = (a + b + d) & M;
        d = (d + 1n) & M;
        a = b ^ (b >> 9n);
        b = (c + (c << 3n)) & M;
        c = (((c << 21n) | (c >> 11n)) + t) & M;
        return Number(t);
      };
    };
    for (const [name, n] of [
      ['x', 0],
      ['y', 2 ** 40 + 17],
    ] as const) {
      const rng = new Rng();
      rng.reseed(keyOf(name), n);
      const state = new Float64Array(4);
      rng.save(state, 0);
      const ref = reference([...state].map((v) => BigInt(v >>> 0)));
      for (let i = 0; i < 1000; i++) {
        if (i % 2) expect(rng.uint32()).toBe(ref());
        else expect(rng.next()).toBe(((ref() >>> 5) * 67108864 + (ref() >>> 6)) / 9007199254740992);
      }
      rng.save(state, 0);
      const later = Array.from({ length: 50 }, () => rng.next());
      rng.load(state, 0);
      expect(Array.from({ length: 50 }, () => rng.next())).toEqual(later);
    }
  });
});

describe('UuidSequence', () => {
  it('makes v4-shaped uuids', () => {
    const uuids = new UuidSequence(keyOf('u'));
    for (let i = 0; i < 1000; i++) expect(uuids.at(i)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('ChildLayout', () => {
  it('maps child rows to parents in order, each parent getting its count', () => {
    for (const [parents, min, max] of [
      [5000, 0, 3],
      [3000, 2, 2],
      [10, 0, 0],
      [2500, 0, 1],
    ]) {
      const layout = new ChildLayout(parents, min, max, keyOf('layout', String(parents)));
      const counts = new Array(parents).fill(0);
      let previous = 0;
      for (let child = 0; child < layout.total; child++) {
        const parent = layout.parentOf(child);
        if (parent < previous) throw new Error('parents out of order');
        previous = parent;
        counts[parent]++;
      }
      for (let j = 0; j < parents; j++) if (counts[j] !== layout.countOf(j)) throw new Error(`parent ${j}: ${counts[j]} != ${layout.countOf(j)}`);
      if (min === max) expect(layout.total).toBe(parents * min);
      // random access agrees with the sequential walk
      if (layout.total > 0) expect(layout.parentOf(layout.total - 1)).toBe(previous);
    }
  });
});
