// A seed's heap kept within a budget above its live data. Nothing a seed keeps grows with the rows
// (peak RSS of the 8-table helpdesk schema: 311 MB at 1.65M rows, 308 MB at 9.9M), but the text of
// every row lives for a block of 1024 rows, long enough for V8 to move much of it to the old
// generation, where it lies dead until a full collection: V8 lets the old generation grow to
// about four times the live data first (~180 MB of heap for ~50 MB live). Collecting when the heap
// passes its last live size plus a fixed slack keeps the peak flat and lower.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap allowed above the live data of the last collection before the budget collects. */
export const HEAP_SLACK_BYTES = 64 * 1024 * 1024;

export class HeapBudget {
  private readonly collect: (() => void) | undefined = exposedGc();
  private live = getHeapStatistics().used_heap_size;

  constructor(private readonly slack = HEAP_SLACK_BYTES) {}

  /** Between chunks: a full collection when the heap has grown past the budget (a few a million rows). */
  check(): void {
    if (!this.collect || getHeapStatistics().used_heap_size < this.live + this.slack) return;
    this.collect();
    this.live = getHeapStatistics().used_heap_size;
  }
}

// V8's gc() (as `node --expose-gc` gives it): the flag set now applies to contexts made after it
function exposedGc(): (() => void) | undefined {
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return own as () => void;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
