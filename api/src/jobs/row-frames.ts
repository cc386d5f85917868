// The bytes of a chunk file: row batches, each as a 4-byte big-endian length and the batch in
// the V8 serialisation format (keeps Dates, nested objects, -0 and NaN exactly), so rows read
// back are the rows generated and the assembled export is byte-identical to a single-worker run.
import { deserialize, serialize } from 'node:v8';
import type { RowBatch } from '../engine/shape.js';

export class ChunkFileError extends Error {
  override name = 'ChunkFileError';
}

export async function* encodeBatches(batches: AsyncIterable<RowBatch> | Iterable<RowBatch>): AsyncGenerator<Uint8Array> {
  for await (const batch of batches) {
    const body = serialize(batch);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    yield Buffer.concat([head, body]);
  }
}

/** How a chunk file of rendered rows (rendered-frames.ts) begins: never the length of a row batch. */
export const RENDERED_MAGIC = Buffer.from('tdg chunk: rendered rows v1\n');
// any version of it
const RENDERED_PREFIX = RENDERED_MAGIC.subarray(0, RENDERED_MAGIC.indexOf(':') + 1);

/** Reads the batches back; throws ChunkFileError before yielding anything when the file is not of this kind. */
export async function* decodeBatches(bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, source = 'chunk'): AsyncGenerator<RowBatch> {
  let held = Buffer.alloc(0);
  let first = true;
  for await (const piece of bytes) {
    held = held.length ? Buffer.concat([held, piece]) : Buffer.from(piece);
    if (first && held.length >= RENDERED_PREFIX.length) {
      if (held.subarray(0, RENDERED_PREFIX.length).equals(RENDERED_PREFIX)) throw new ChunkFileError(`${source}: holds rendered rows, not row batches`);
      first = false;
    }
    let offset = 0;
    while (!first && held.length - offset >= 4) {
      const size = held.readUInt32BE(offset);
      if (held.length - offset - 4 < size) break;
      let batch: unknown;
      try {
        batch = deserialize(held.subarray(offset + 4, offset + 4 + size));
      } catch (error) {
        throw new ChunkFileError(`${source}: not a row batch at byte ${offset} (${(error as Error).message})`);
      }
      if (!Array.isArray(batch)) throw new ChunkFileError(`${source}: not a row batch at byte ${offset}`);
      yield batch as RowBatch;
      offset += 4 + size;
    }
    held = held.subarray(offset);
  }
  if (held.length) throw new ChunkFileError(`${source}: truncated (${held.length} stray bytes at the end)`);
}
