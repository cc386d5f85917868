// The worker-thread side of export-threads.ts: generation and formatting of an export (or of one
// chunk file) with the very code the main thread would run — prepareExport, writeExport,
// renderedRows/encodeRendered, encodeBatches — so the bytes are the same; only the bytes travel
// back. The main thread keeps the database and storage: it says what each table's next piece is
// (a row range to generate here, or rows read from a chunk file) and stores the bytes sent.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { Writable } from 'node:stream';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { untilAborted } from './abort.js';
import type { RowBatch } from '../engine/shape.js';
import { renderedRows, writeExport, type RenderedRows } from '../formats/index.js';
import type { ReportBuilder, ReportState } from '../report/index.js';
import { prepareExport, type PreparedExport, reported } from './plan.js';
import { encodeRendered } from './rendered-frames.js';
import { encodeBatches } from './row-frames.js';

export interface ThreadJob {
  kind: 'export' | 'chunk';
  exportId: string;
  payload: unknown;
  seed: string;
  format: string;
  batchSize: number;
  /** kind 'chunk': the rows [rowStart, rowEnd) of table tableIndex. */
  tableIndex?: number;
  rowStart?: number;
  rowEnd?: number;
}

/** The next piece of a table, as the main thread sees it. */
export type SourceItem =
  | { generate: { start: number; end: number } }
  | { rendered: Uint8Array; rows: number }
  | { batch: RowBatch }
  | { end: true }
  /** The main thread's source threw: it keeps the error and throws it itself. */
  | { failed: true };

export type ToThread =
  | { t: 'start'; id: number; job: ThreadJob }
  | { t: 'piece'; id: number; table: number; item: SourceItem }
  | { t: 'ack'; id: number; bytes: number }
  | { t: 'abort'; id: number };

export interface ThreadFailure {
  name: string;
  message: string;
  code?: string;
}

export type FromThread =
  | { t: 'ready'; threadId: number }
  | { t: 'next'; id: number; table: number }
  | { t: 'out'; id: number; bytes: Uint8Array }
  | { t: 'rows'; id: number; rows: number }
  | { t: 'done'; id: number; rows: number; threadId: number; report: ReportState }
  | { t: 'error'; id: number; error: ThreadFailure };

/** Bytes sent but not yet taken by the main thread before this thread waits: bounds memory. */
const WINDOW_BYTES = 8 << 20;

class SourceFailed extends Error {
  override name = 'SourceFailed';
}

interface Running {
  abort: AbortController;
  /** The reply awaited for each table's next piece. */
  replies: Map<number, (item: SourceItem) => void>;
  inflight: number;
  drained?: () => void;
  lastProgress: number;
}

/**
 * Background work yields the CPU to the API's thread: on Linux a thread has a nice value of its own,
 * set through its task id. Best effort (elsewhere, or when refused, the thread keeps its priority).
 */
function lowerPriority(nice: number): void {
  if (!(nice > 0)) return;
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), nice);
  } catch {
    // not Linux, or not allowed: generation runs at the process's priority
  }
}
lowerPriority(Number((workerData as { nice?: number } | undefined)?.nice ?? 0));

const port = parentPort!;
const post = (message: FromThread, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const running = new Map<number, Running>();

// plans by export: a coordinator's run and its chunk runs compile the definition once
const plans = new Map<string, PreparedExport>();
function planOf(job: ThreadJob): PreparedExport {
  let prepared = plans.get(job.exportId);
  if (!prepared) {
    prepared = prepareExport(job.payload, { seed: job.seed, format: job.format });
    plans.set(job.exportId, prepared);
    if (plans.size > 8) plans.delete(plans.keys().next().value!);
  }
  return prepared;
}

/** Sends bytes to the main thread (a copy this thread owns, transferred); waits while too much is unread. */
async function send(id: number, run: Running, bytes: Uint8Array): Promise<void> {
  if (bytes.length === 0) return;
  const copy = new Uint8Array(bytes); // stream buffers may share a pooled ArrayBuffer
  run.inflight += copy.length;
  post({ t: 'out', id, bytes: copy }, [copy.buffer as ArrayBuffer]);
  if (run.inflight > WINDOW_BYTES) {
    await untilAborted(new Promise<void>((resolve) => (run.drained = resolve)), run.abort.signal);
  }
}

function progress(id: number, run: Running, rows: number, force = false) {
  const now = Date.now();
  if (!force && now - run.lastProgress < 100) return;
  run.lastProgress = now;
  post({ t: 'rows', id, rows });
}

/** Lets messages in (abort, replies, acks) during long stretches of generation. */
async function* breathing(batches: Iterable<RowBatch> | AsyncIterable<RowBatch>, signal: AbortSignal, onRows?: (n: number) => void) {
  let last = Date.now();
  for await (const batch of batches) {
    signal.throwIfAborted();
    onRows?.(batch.length);
    yield batch;
    if (Date.now() - last > 20) {
      await new Promise((resolve) => setImmediate(resolve));
      last = Date.now();
    }
  }
  signal.throwIfAborted();
}

async function* tableSource(
  id: number,
  run: Running,
  prepared: PreparedExport,
  table: number,
  batchSize: number,
  report: ReportBuilder,
): AsyncGenerator<RowBatch | RenderedRows> {
  for (;;) {
    const reply = new Promise<SourceItem>((resolve) => run.replies.set(table, resolve));
    post({ t: 'next', id, table });
    const item = await untilAborted(reply, run.abort.signal);
    if ('end' in item) return;
    if ('failed' in item) throw new SourceFailed('the main thread could not read this table');
    if ('generate' in item) {
      const { start, end } = item.generate;
      // the rows generated here are reported here; rows read from chunk files come with their part
      yield* breathing(reported(report, prepared.tables[table].name, start, prepared.rows(table, start, end, batchSize)), run.abort.signal);
    } else if ('rendered' in item) yield { rows: item.rows, rendered: Buffer.from(item.rendered.buffer, item.rendered.byteOffset, item.rendered.byteLength) };
    else yield item.batch;
  }
}

interface Ran {
  rows: number;
  report: ReportState;
}

async function runExport(id: number, run: Running, job: ThreadJob): Promise<Ran> {
  const prepared = planOf(job);
  const report = prepared.newReport();
  const sink = new Writable({
    highWaterMark: 1 << 20,
    write(chunk: Buffer, _encoding, done) {
      send(id, run, chunk).then(() => done(), done);
    },
  });
  const written = await writeExport(
    {
      format: prepared.format,
      options: prepared.options,
      tables: prepared.tables.map((shape, t) => ({ shape, batches: tableSource(id, run, prepared, t, job.batchSize, report) })),
    },
    { kind: 'stream', stream: sink },
    (p) => progress(id, run, p.rowsDone),
    run.abort.signal,
  );
  return { rows: written.rows, report: report.state() };
}

async function runChunk(id: number, run: Running, job: ThreadJob): Promise<Ran> {
  const prepared = planOf(job);
  const pieces = prepared.pieces();
  const report = prepared.newReport(job.tableIndex!);
  let rowsDone = 0;
  const generated = reported(
    report,
    prepared.tables[job.tableIndex!].name,
    job.rowStart!,
    prepared.rows(job.tableIndex!, job.rowStart!, job.rowEnd!, job.batchSize),
  );
  const rows = breathing(generated, run.abort.signal, (n) => progress(id, run, (rowsDone += n)));
  // the same file the main thread would write: formatted bytes wherever the format allows, else row batches
  const body = pieces ? encodeRendered(renderedRows(pieces, job.tableIndex!, job.rowStart!, rows)) : encodeBatches(rows);
  for await (const part of body) await send(id, run, part);
  return { rows: rowsDone, report: report.state() };
}

function failureOf(error: unknown): ThreadFailure {
  const e = error as { name?: unknown; message?: unknown; code?: unknown };
  return {
    name: typeof e?.name === 'string' ? e.name : 'Error',
    message: String(e?.message ?? error),
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
  };
}

port.on('message', (message: ToThread) => {
  const run = running.get(message.id);
  if (message.t === 'start') {
    const job: Running = { abort: new AbortController(), replies: new Map(), inflight: 0, lastProgress: 0 };
    running.set(message.id, job);
    (message.job.kind === 'export' ? runExport(message.id, job, message.job) : runChunk(message.id, job, message.job))
      .then(({ rows, report }) => {
        progress(message.id, job, rows, true);
        post({ t: 'done', id: message.id, rows, threadId, report });
      })
      .catch((error: unknown) => post({ t: 'error', id: message.id, error: failureOf(error) }))
      .finally(() => running.delete(message.id));
  } else if (!run) {
    return; // a job that has ended meanwhile
  } else if (message.t === 'piece') {
    const resolve = run.replies.get(message.table);
    run.replies.delete(message.table);
    resolve?.(message.item);
  } else if (message.t === 'ack') {
    run.inflight -= message.bytes;
    if (run.inflight <= WINDOW_BYTES / 2 && run.drained) {
      const resolve = run.drained;
      run.drained = undefined;
      resolve();
    }
  } else if (message.t === 'abort') {
    run.abort.abort(new Error('export run aborted'));
  }
});

post({ t: 'ready', threadId });
