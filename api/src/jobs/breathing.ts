// Generation is CPU-bound: a run gives timers (heartbeats, progress) a turn now and then.
import type { RowBatch } from '../engine/shape.js';

/** Passes the batches on, counting rows, and lets the event loop breathe at least every ~10 ms. */
export async function* breathing(batches: AsyncIterable<RowBatch> | Iterable<RowBatch>, signal: AbortSignal, onRows: (n: number) => void) {
  let last = Date.now();
  for await (const batch of batches) {
    signal.throwIfAborted();
    onRows(batch.length);
    yield batch;
    if (Date.now() - last > 10) {
      await new Promise((resolve) => setImmediate(resolve));
      last = Date.now();
    }
  }
  signal.throwIfAborted();
}
