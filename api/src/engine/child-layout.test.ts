import { describe, expect, it } from 'vitest';
import { ChildLayout } from './child-layout.js';
import { keyOf, unitAt } from './random.js';

describe('ChildLayout ranges', () => {
  it('puts the children of parent j at [startOf(j), startOf(j) + countOf(j)), in any order of asking', () => {
    for (const [parents, min, max] of [
      [5000, 0, 3],
      [2049, 1, 1],
      [70, 0, 9],
    ]) {
      const sequential = new ChildLayout(parents, min, max, keyOf('starts', String(parents)));
      const random = new ChildLayout(parents, min, max, keyOf('starts', String(parents)));
      const starts = new Float64Array(parents + 1);
      for (let j = 0; j < parents; j++) starts[j + 1] = starts[j] + sequential.countOf(j);
      expect(starts[parents]).toBe(sequential.total);
      // a fresh layout asked out of order (fine index), then one asked after parentOf (cached block)
      for (let k = 0; k < parents; k++) {
        const j = (k * 7919) % (parents + 1);
        if (random.startOf(j) !== starts[j]) throw new Error(`startOf(${j}) = ${random.startOf(j)}, expected ${starts[j]}`);
      }
      for (let child = 0; child < sequential.total; child += 3) {
        const j = sequential.parentOf(child);
        expect(child >= sequential.startOf(j) && child < sequential.startOf(j) + sequential.countOf(j)).toBe(true);
      }
    }
  });

  it('draws counts from weighted ranges, each range its weight and each count in it equally often', () => {
    const layout = ChildLayout.of(
      200_000,
      {
        ranges: [
          { min: 1, max: 2, weight: 3 },
          { min: 5, max: 5, weight: 0 },
          { min: 6, max: 9, weight: 1 },
        ],
      },
      keyOf('weighted'),
    );
    expect([layout.min, layout.max]).toEqual([1, 9]);
    const histogram = new Array(10).fill(0);
    for (let j = 0; j < 200_000; j++) histogram[layout.countOf(j)]++;
    expect([0, 3, 4, 5].map((k) => histogram[k])).toEqual([0, 0, 0, 0]);
    for (const k of [1, 2]) expect(Math.abs(histogram[k] / 200_000 - 0.75 / 2)).toBeLessThan(0.005);
    for (const k of [6, 7, 8, 9]) expect(Math.abs(histogram[k] / 200_000 - 0.25 / 4)).toBeLessThan(0.005);
  });

  it('keeps plain min/max layouts as they were: count = min + floor(unitAt(key, j) · width)', () => {
    const key = keyOf('same');
    const layout = ChildLayout.of(1000, { min: 2, max: 6 }, key);
    let total = 0;
    for (let j = 0; j < 1000; j++) {
      const count = 2 + Math.floor(unitAt(key, j) * 5);
      expect(layout.countOf(j)).toBe(count);
      total += count;
    }
    expect(layout.total).toBe(total);
  });
});
