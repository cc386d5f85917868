import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { HeapBudget } from './heap-budget.js';

// garbage that has reached the old generation: kept across a few young collections, then dropped
function oldGarbage(megabytes: number): void {
  let kept: string[][] = [];
  for (let m = 0; m < megabytes; m++) kept.push(Array.from({ length: 16 * 1024 }, (_, i) => `${m}-${i}-${'x'.repeat(40)}`));
  kept = [];
  void kept;
}

describe('HeapBudget', () => {
  it('collects the garbage once the heap passes its live size plus the slack', () => {
    const budget = new HeapBudget(16 * 1024 * 1024);
    const settled = getHeapStatistics().used_heap_size;
    oldGarbage(40);
    const before = getHeapStatistics().used_heap_size;
    expect(before).toBeGreaterThan(settled + 16 * 1024 * 1024);
    budget.check();
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before - 16 * 1024 * 1024);
  });
});
