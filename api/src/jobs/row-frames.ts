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

export async function* decodeBatches(bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, source = 'chunk'): AsyncGenerator<RowBatch> {
  let held = Buffer.alloc(0);
  for await (const piece of bytes) {
    held = held.length ? Buffer.concat([held, piece]) : Buffer.from(piece);
    let offset = 0;
    while (held.length - offset >= 4) {
      const size = held.readUInt32BE(offset);
      if (held.length - offset - 4 < size) break;
      yield deserialize(held.subarray(offset + 4, offset + 4 + size)) as RowBatch;
      offset += 4 + size;
    }
    held = held.subarray(offset);
  }
  if (held.length) throw new ChunkFileError(`${source}: truncated (${held.length} stray bytes at the end)`);
}
