import { describe, expect, it } from 'vitest';
import { planChunks, progressFigures } from './chunks.js';
import { decodeBatches, encodeBatches } from './row-frames.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('planChunks', () => {
  it.each([
    [[{ rows: 10 }], 3],
    [[{ rows: 0 }, { rows: 7 }, { rows: 1 }], 2],
    [[{ rows: 1000 }, { rows: 999 }], 1000],
  ])('covers every row of every table once, in order (%j by %i)', (tables, size) => {
    const chunks = planChunks(tables, size);
    tables.forEach((table, t) => {
      const mine = chunks.filter((c) => c.tableIndex === t);
      expect(mine.reduce((sum, c) => sum + c.rowEnd - c.rowStart, 0)).toBe(table.rows);
      mine.forEach((c, i) => {
        expect(c.rowEnd - c.rowStart).toBeGreaterThan(0);
        expect(c.rowEnd - c.rowStart).toBeLessThanOrEqual(size);
        expect(c.rowStart).toBe(i === 0 ? 0 : mine[i - 1].rowEnd);
      });
    });
    expect(chunks.map((c) => c.chunkIndex)).toEqual(chunks.map((_, i) => i));
    expect(chunks.map((c) => c.tableIndex)).toEqual([...chunks.map((c) => c.tableIndex)].sort((a, b) => a - b));
  });

  it('refuses a chunk size below one', () => {
    expect(() => planChunks([{ rows: 5 }], 0)).toThrow(/chunkRows/);
  });
});

describe('row frames', () => {
  it('reads back exactly the rows written, however the bytes are split', async () => {
    const batches = [
      [['a', 1, -0, new Date('2024-02-29T12:00:00Z'), null, { nested: [1, 'x', true] }]],
      [
        [Number.NaN, 'é😀', [1.5, null]],
        ['', 0, false],
      ],
    ];
    const bytes = Buffer.concat(await collect(encodeBatches(batches)));
    async function* dribble() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    }
    const back = await collect(decodeBatches(dribble()));
    expect(back).toEqual(batches);
    expect(Object.is(back[0][0][2], -0)).toBe(true);
    expect(back[0][0][3]).toBeInstanceOf(Date);
  });

  it('rejects a truncated file', async () => {
    const bytes = Buffer.concat(await collect(encodeBatches([[['a']]])));
    await expect(collect(decodeBatches([bytes.subarray(0, bytes.length - 1)], 'c/1.rows'))).rejects.toThrow(/c\/1.rows: truncated/);
  });
});

describe('progressFigures', () => {
  it('gives rate and remaining time', () => {
    expect(progressFigures(500, 2000, 0, 1000)).toEqual({ rowsDone: 500, rowsTotal: 2000, rowsPerSecond: 500, etaSeconds: 3 });
    expect(progressFigures(0, 2000, 0, 1000).etaSeconds).toBeNull();
  });
});
