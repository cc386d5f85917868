// The bytes of a chunk file that holds its rows formatted (csv, json, ndjson, sql): a magic line,
// then frames of a 4-byte big-endian row count, a 4-byte big-endian length and that many bytes of
// the format's text. The coordinator pipes the text into the result as it is; the row counts keep
// its progress moving meanwhile. The magic line tells such a file from one of row batches.
import type { RenderedRows } from '../formats/index.js';
import { ChunkFileError, RENDERED_MAGIC } from './row-frames.js';

/** Frames of about `frameBytes` (pieces are joined up to it): fewer, larger writes for the coordinator to pipe. */
export async function* encodeRendered(pieces: AsyncIterable<RenderedRows> | Iterable<RenderedRows>, frameBytes = 1 << 20): AsyncGenerator<Uint8Array> {
  yield RENDERED_MAGIC;
  let held: Uint8Array[] = [];
  let rows = 0;
  let length = 0;
  const frame = () => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(rows, 0);
    head.writeUInt32BE(length, 4);
    const out = [head, ...held];
    held = [];
    rows = length = 0;
    return out;
  };
  for await (const piece of pieces) {
    held.push(piece.rendered);
    rows += piece.rows;
    length += piece.rendered.length;
    if (length >= frameBytes) yield* frame();
  }
  if (held.length) yield* frame();
}

/** Reads the frames back; throws ChunkFileError before yielding anything when the file is not of this kind. */
export async function* decodeRendered(bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, source = 'chunk'): AsyncGenerator<RenderedRows> {
  let held: Buffer[] = [];
  let first = 0; // held[first] is the oldest unread piece
  let heldBytes = 0;
  // the next `n` held bytes as one buffer (a copy only when they span several reads)
  const take = (n: number): Buffer => {
    let out: Buffer;
    if (held[first].length >= n) {
      out = held[first].subarray(0, n);
      held[first] = held[first].subarray(n);
      if (held[first].length === 0) first++;
    } else {
      out = Buffer.allocUnsafe(n);
      for (let filled = 0; filled < n;) {
        const part = held[first];
        const used = Math.min(part.length, n - filled);
        part.copy(out, filled, 0, used);
        filled += used;
        if (used === part.length) first++;
        else held[first] = part.subarray(used);
      }
    }
    heldBytes -= n;
    // drop the pieces read, so a long file is never held whole
    if (first === held.length || first > 64) {
      held = held.slice(first);
      first = 0;
    }
    return out;
  };
  let magicChecked = false;
  let frame: { rows: number; length: number } | undefined;
  for await (const piece of bytes) {
    if (piece.length === 0) continue;
    held.push(Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    heldBytes += piece.length;
    for (;;) {
      if (!magicChecked) {
        if (heldBytes < RENDERED_MAGIC.length) break;
        if (!take(RENDERED_MAGIC.length).equals(RENDERED_MAGIC))
          throw new ChunkFileError(`${source}: not a chunk file of rendered rows (it holds row batches or something else)`);
        magicChecked = true;
      }
      if (!frame) {
        if (heldBytes < 8) break;
        const head = take(8);
        frame = { rows: head.readUInt32BE(0), length: head.readUInt32BE(4) };
      }
      if (heldBytes < frame.length) break;
      yield { rows: frame.rows, rendered: frame.length ? take(frame.length) : Buffer.alloc(0) };
      frame = undefined;
    }
  }
  if (!magicChecked) throw new ChunkFileError(`${source}: not a chunk file of rendered rows (${heldBytes} bytes, too short for its magic line)`);
  if (frame || heldBytes) throw new ChunkFileError(`${source}: truncated (${heldBytes} stray bytes at the end)`);
}
