// Worker threads that generate and format exports for a worker living in the API's process (the
// embedded default), so the API's event loop stays free while an export runs. The main thread
// keeps the database port (PGlite itself runs in a thread of its own: db/pglite-thread.ts) and the
// storage: it answers each table's "what next" (a row range to generate there, or rows read from a
// chunk file) and stores the bytes the thread sends back. A thread that dies fails its runs with GENERATOR_CRASHED and is replaced.
import type { Writable } from 'node:stream';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { RowBatch } from '../engine/shape.js';
import { isRendered, type RenderedRows } from '../formats/index.js';
import type { ReportState } from '../report/index.js';
import { moduleWorker, siblingModule } from '../threads/module-worker.js';
import type { FromThread, SourceItem, ThreadFailure, ThreadJob, ToThread } from './export-thread-worker.js';

export type { ThreadJob } from './export-thread-worker.js';

/** Rows [start, end) of a table, to be generated wherever the export is being written. */
export interface InPlaceRange {
  inPlace: { start: number; end: number };
}

/** What a table's source yields to the writer: rows, rows already rendered, or a range to generate. */
export type TablePiece = RowBatch | RenderedRows | InPlaceRange;

export const isInPlace = (piece: TablePiece): piece is InPlaceRange => !Array.isArray(piece) && 'inPlace' in piece;

export class ExportThreadError extends Error {
  override name = 'ExportThreadError';
  readonly code = 'GENERATOR_CRASHED';
}

/** An error the thread reported, with the name and code describeFailure reads. */
class ThreadReportedError extends Error {
  readonly code?: string;
  constructor(failure: ThreadFailure) {
    super(failure.message);
    this.name = failure.name;
    if (failure.code) this.code = failure.code;
  }
}

interface Thread {
  worker: Worker;
  jobs: Set<Job>;
  threadId: number;
  dead: boolean;
}

/** What a run gives back: the rows written, the thread, and the realism report of the rows it generated. */
export interface ThreadResult {
  rows: number;
  threadId: number;
  report?: ReportState;
}

/** A run that ended well: which thread made which export's bytes. */
export interface ThreadRun {
  kind: ThreadJob['kind'];
  exportId: string;
  threadId: number;
  rows: number;
}

interface Job {
  id: number;
  job: ThreadJob;
  thread: Thread;
  sources: AsyncIterator<TablePiece>[];
  out: Writable;
  onRows: (rows: number) => void;
  resolve: (result: ThreadResult) => void;
  reject: (error: unknown) => void;
  /** An error of the main thread's own source, thrown instead of the thread's report of it. */
  sourceError?: unknown;
  settled: boolean;
  /** Bytes written to `out` that the thread has not been told of; held while `out` drains. */
  unacked: number;
  draining: boolean;
}

export interface ExportThreadsOptions {
  /** Threads kept running. Default 1. */
  size?: number;
  /** Per-thread V8 heap limits: a thread over them dies alone and its runs fail. */
  resourceLimits?: ResourceLimits;
  /**
   * Nice value of the threads (Linux; 0 keeps the process's): generation takes the CPU the API's
   * thread leaves, rather than half of it. Default 10.
   */
  nice?: number;
}

export class ExportThreads {
  private readonly threads: Thread[] = [];
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private closed = false;
  /** The last runs that succeeded, newest last (at most 32). */
  readonly recent: ThreadRun[] = [];

  constructor(private readonly options: ExportThreadsOptions = {}) {
    // started now, so the first export does not wait for a thread to load the engine
    for (let i = 0; i < this.size; i++) this.spawn();
  }

  private get size(): number {
    return Math.max(1, this.options.size ?? 1);
  }

  /** Thread ids of the threads up now (the main thread is 0). */
  get threadIds(): number[] {
    return this.threads.map((t) => t.threadId);
  }

  private spawn(): Thread {
    const workerData = { nice: this.options.nice ?? 10 };
    const worker = moduleWorker(siblingModule('export-thread-worker', import.meta.url), { resourceLimits: this.options.resourceLimits, workerData });
    const thread: Thread = { worker, jobs: new Set(), threadId: worker.threadId, dead: false };
    worker.on('message', (message: FromThread) => this.receive(thread, message));
    worker.on('error', (error) => this.lose(thread, error.message));
    worker.on('exit', (code) => this.lose(thread, `exit code ${code}`));
    // an idle thread does not keep the process alive (a busy one does: see run)
    worker.unref();
    this.threads.push(thread);
    return thread;
  }

  private lose(thread: Thread, reason: string): void {
    if (thread.dead) return;
    thread.dead = true;
    this.threads.splice(this.threads.indexOf(thread), 1);
    const error = new ExportThreadError(`the export's generator thread stopped (${reason})`);
    for (const job of thread.jobs) this.settle(job, error);
  }

  private settle(job: Job, error: unknown, result?: ThreadResult): void {
    if (job.settled) return;
    job.settled = true;
    this.jobs.delete(job.id);
    job.thread.jobs.delete(job);
    if (job.thread.jobs.size === 0 && !job.thread.dead) job.thread.worker.unref();
    for (const source of job.sources) void source.return?.(undefined)?.catch?.(() => undefined);
    if (error !== undefined) {
      if (!job.out.destroyed) job.out.destroy(error as Error);
      job.reject(error);
    } else {
      this.recent.push({ kind: job.job.kind, exportId: job.job.exportId, threadId: result!.threadId, rows: result!.rows });
      if (this.recent.length > 32) this.recent.shift();
      job.out.end();
      job.resolve(result!);
    }
  }

  private post(thread: Thread, message: ToThread, transfer: ArrayBuffer[] = []): void {
    if (!thread.dead) thread.worker.postMessage(message, transfer);
  }

  private receive(thread: Thread, message: FromThread): void {
    if (message.t === 'ready') return;
    const job = this.jobs.get(message.id);
    if (!job || job.settled) return;
    switch (message.t) {
      case 'out': {
        const bytes = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
        if (job.out.destroyed) return;
        // taken once written, or (all bytes held back so far) once the store drains
        job.unacked += bytes.length;
        if (job.out.write(bytes) && !job.draining) this.ack(thread, job);
        else if (!job.draining) {
          job.draining = true;
          job.out.once('drain', () => {
            job.draining = false;
            this.ack(thread, job);
          });
        }
        return;
      }
      case 'rows':
        job.onRows(message.rows);
        return;
      case 'next':
        void this.answer(thread, job, message.table);
        return;
      case 'done':
        this.settle(job, undefined, { rows: message.rows, threadId: message.threadId, ...(message.report ? { report: message.report } : {}) });
        return;
      case 'error':
        this.settle(job, job.sourceError ?? new ThreadReportedError(message.error));
        return;
    }
  }

  private ack(thread: Thread, job: Job): void {
    this.post(thread, { t: 'ack', id: job.id, bytes: job.unacked });
    job.unacked = 0;
  }

  /** The next piece of a table for the thread, from the main thread's source. */
  private async answer(thread: Thread, job: Job, table: number): Promise<void> {
    let item: SourceItem;
    const transfer: ArrayBuffer[] = [];
    try {
      const next = await job.sources[table].next();
      if (next.done) item = { end: true };
      else if (isInPlace(next.value)) item = { generate: next.value.inPlace };
      else if (isRendered(next.value)) {
        const copy = new Uint8Array(next.value.rendered); // a file read's buffer may hold other bytes too
        transfer.push(copy.buffer);
        item = { rendered: copy, rows: next.value.rows };
      } else item = { batch: next.value };
    } catch (error) {
      job.sourceError ??= error;
      item = { failed: true };
    }
    if (!job.settled) this.post(thread, { t: 'piece', id: job.id, table, item }, transfer);
  }

  /**
   * Runs a job on a thread: `export` writes the whole export (tables from `sources`, in order) to
   * `out`; `chunk` writes one chunk file to `out`. `out` is ended on success and destroyed on
   * failure. Resolves with the rows written, the thread that wrote them and the report of the rows it generated.
   */
  run(
    job: ThreadJob,
    out: Writable,
    options: { sources?: AsyncIterable<TablePiece>[]; onRows?: (rows: number) => void; signal?: AbortSignal } = {},
  ): Promise<ThreadResult> {
    if (this.closed) return Promise.reject(new ExportThreadError('export threads are closed'));
    const thread = this.threads.reduce<Thread | undefined>((best, t) => (!best || t.jobs.size < best.jobs.size ? t : best), undefined) ?? this.spawn();
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const abort = () => this.post(thread, { t: 'abort', id });
      const unlisten = () => options.signal?.removeEventListener('abort', abort);
      const entry: Job = {
        id,
        job,
        thread,
        sources: (options.sources ?? []).map((source) => source[Symbol.asyncIterator]()),
        out,
        onRows: options.onRows ?? (() => undefined),
        resolve: (result) => {
          unlisten();
          resolve(result);
        },
        reject: (error) => {
          unlisten();
          reject(error);
        },
        settled: false,
        unacked: 0,
        draining: false,
      };
      this.jobs.set(id, entry);
      thread.jobs.add(entry);
      thread.worker.ref();
      // a store that fails (or a caller that gives up) ends the thread's work too
      out.once('close', () => {
        if (!entry.settled) abort();
      });
      if (options.signal?.aborted) abort();
      else options.signal?.addEventListener('abort', abort, { once: true });
      this.post(thread, { t: 'start', id: entry.id, job });
    });
  }

  /** Stops every thread now (their runs fail as after a crash; the next run starts a new one). */
  async terminate(): Promise<void> {
    await Promise.all([...this.threads].map((t) => t.worker.terminate()));
  }

  async close(): Promise<void> {
    this.closed = true;
    const threads = [...this.threads];
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}
