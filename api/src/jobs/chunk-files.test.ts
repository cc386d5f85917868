// Chunk files: rendered rows and row batches read back as written, however the store cuts the
// bytes, and each kind refused (ChunkFileError, before anything is read) when it is the other.
import { describe, expect, it } from 'vitest';
import type { RowBatch } from '../engine/shape.js';
import type { RenderedRows } from '../formats/index.js';
import { decodeRendered, encodeRendered } from './rendered-frames.js';
import { ChunkFileError, decodeBatches, encodeBatches } from './row-frames.js';

async function bytesOf(parts: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const part of parts) out.push(Buffer.from(part));
  return Buffer.concat(out);
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The file as a store might hand it back: in pieces of `size` bytes. */
function* piecesOf(file: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < file.length; i += size) yield file.subarray(i, i + size);
}

const rendered: RenderedRows[] = [
  { rendered: Buffer.from('a,1\r\nb,2\r\n'), rows: 2 },
  { rendered: Buffer.from('ü 日本 🎉,3\r\n'), rows: 1 },
  { rendered: Buffer.alloc(70_000, 'x'), rows: 1000 },
];
const batches: RowBatch[] = [[['a', 1, new Date('2024-01-02T03:04:05.678Z'), null]], [[{ nested: [1, 'x'] }, -0, Number.NaN, true]]];

describe('chunk files', () => {
  it('rendered rows read back byte for byte with their row counts, in pieces of any size', async () => {
    const file = await bytesOf(encodeRendered(rendered, 1)); // a frame per piece
    for (const size of [1, 7, 8, 29, 4096, file.length]) {
      const back = await all(decodeRendered(piecesOf(file, size), 'x.bytes'));
      expect(
        back.map((p) => p.rows),
        `pieces of ${size}`,
      ).toEqual([2, 1, 1000]);
      expect(Buffer.concat(back.map((p) => Buffer.from(p.rendered))).equals(Buffer.concat(rendered.map((p) => Buffer.from(p.rendered))))).toBe(true);
    }
  });

  it('small pieces are joined into frames of about the frame size, rows counted', async () => {
    const small = Array.from({ length: 10 }, (_, i) => ({ rendered: Buffer.alloc(100, 97 + i), rows: i + 1 }));
    const back = await all(decodeRendered([await bytesOf(encodeRendered(small, 250))]));
    expect(back.map((p) => [p.rows, p.rendered.length])).toEqual([
      [6, 300],
      [15, 300],
      [24, 300],
      [10, 100],
    ]);
    expect(Buffer.concat(back.map((p) => Buffer.from(p.rendered))).equals(Buffer.concat(small.map((p) => p.rendered)))).toBe(true);
  });

  it('row batches read back as written', async () => {
    const file = await bytesOf(encodeBatches(batches));
    const back = await all(decodeBatches(piecesOf(file, 3), 'x.rows'));
    expect(back).toEqual(batches);
    expect(Object.is(back[1][0][1], -0)).toBe(true);
  });

  it('a file of row batches is not read as rendered rows, nor the other way round', async () => {
    const rowsFile = await bytesOf(encodeBatches(batches));
    const bytesFile = await bytesOf(encodeRendered(rendered));
    const firstOf = async <T>(items: AsyncIterable<T>) => {
      for await (const item of items) return item;
    };
    await expect(firstOf(decodeRendered([rowsFile], '000003.bytes'))).rejects.toThrow(
      new ChunkFileError('000003.bytes: not a chunk file of rendered rows (it holds row batches or something else)'),
    );
    await expect(firstOf(decodeBatches([bytesFile], '000003.rows'))).rejects.toThrow(new ChunkFileError('000003.rows: holds rendered rows, not row batches'));
    await expect(firstOf(decodeRendered([Buffer.from('tdg')], 'short.bytes'))).rejects.toThrow(ChunkFileError);
  });

  it('a truncated file is an error, not fewer rows', async () => {
    const bytesFile = await bytesOf(encodeRendered(rendered));
    await expect(all(decodeRendered([bytesFile.subarray(0, bytesFile.length - 1)], 'cut.bytes'))).rejects.toThrow(/cut\.bytes: truncated/);
    const rowsFile = await bytesOf(encodeBatches(batches));
    await expect(all(decodeBatches([rowsFile.subarray(0, rowsFile.length - 2)], 'cut.rows'))).rejects.toThrow(/cut\.rows: truncated/);
  });
});
