// Worker threads generating the bytes of row ranges (COPY text, a format's rows: chunk-bytes.ts); chunks come back in row order.
import type { Worker } from 'node:worker_threads';
import type { CompileOptions } from '../engine/index.js';
import type { ReportState } from '../report/index.js';
import type { ChunkKind } from './chunk-bytes.js';
import type { ChunkReply, ChunkRequest } from './generate-worker.js';
import { HeapBudget } from './heap-budget.js';
import { moduleWorker, siblingModule } from '../threads/module-worker.js';

/** Jobs a worker holds at most: the one it makes and the next. */
const IN_HAND = 2;

interface Pending {
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
}

export class GeneratorPool {
  /** Jobs each worker holds: the one it makes and those waiting in its port. */
  private readonly inHand = new Map<Worker, number>();
  private readonly queue: { job: ChunkRequest; pending: Pending }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;
  /** Workers that have compiled their plan and take chunks at once. */
  ready = 0;
  private allReady!: () => void;
  /** Resolves once every worker is up. */
  readonly untilReady = new Promise<void>((resolve) => (this.allReady = resolve));

  /** With `onReport`, each chunk's part of the realism report is made beside its bytes and handed to it. `kind`: what a chunk holds. */
  constructor(
    definition: unknown,
    options: CompileOptions,
    readonly size: number,
    private readonly onReport?: (part: ReportState) => void,
    kind: ChunkKind = 'copy',
  ) {
    const url = siblingModule('generate-worker', import.meta.url);
    const workerData = { definition, options, report: onReport !== undefined, kind };
    for (let i = 0; i < size; i++) {
      const worker = moduleWorker(url, { workerData });
      worker.on('message', (reply: ChunkReply) => {
        if ('ready' in reply) {
          if (++this.ready === this.size) this.allReady();
          return;
        }
        const p = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if ('error' in reply) p?.reject(new Error(reply.error));
        else {
          if (reply.report) this.onReport?.(reply.report);
          p?.resolve(reply.bytes);
        }
        this.release(worker);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => code !== 0 && this.fail(new Error(`a generator worker exited with code ${code}`)));
      this.inHand.set(worker, 0);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    for (const { pending } of this.queue.splice(0)) pending.reject(error);
  }

  private release(worker: Worker): void {
    this.inHand.set(worker, this.inHand.get(worker)! - 1);
    const next = this.queue.shift();
    if (next) this.send(worker, next.job, next.pending);
  }

  private send(worker: Worker, job: ChunkRequest, pending: Pending): void {
    this.pending.set(job.id, pending);
    this.inHand.set(worker, this.inHand.get(worker)! + 1);
    worker.postMessage(job);
  }

  // A worker is handed its next job while it makes one, so the job waits in its port rather than
  // here: a job kept here is only sent once this thread reads the reply, and a thread busy making a
  // chunk of its own (tdg generate) reads it up to a chunk's time late — the worker sat idle for a
  // third of its time. The least busy worker takes a job while it holds fewer than IN_HAND.
  private freeWorker(): Worker | undefined {
    let best: Worker | undefined;
    for (const [worker, held] of this.inHand) if (held < IN_HAND && (!best || held < this.inHand.get(best)!)) best = worker;
    return best;
  }

  /** The chunk of rows [start, end) of a table. */
  chunk(table: string, start: number, end: number): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<Uint8Array>((resolve, reject) => {
      const job = { id: this.nextId++, table, start, end };
      const worker = this.freeWorker();
      if (worker) this.send(worker, job, { resolve, reject });
      else this.queue.push({ job, pending: { resolve, reject } });
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.inHand.keys()].map((w) => w.terminate()));
  }
}

/** Makes the chunk of rows [start, end) of a table in this thread. */
export type GenerateHere = (table: string, start: number, end: number) => Uint8Array;

/**
 * The chunks of several tables in turn, in row order. Chunks are handed to the
 * workers (when there is a pool) ahead of the reader, across table borders, so they go on while
 * the database rebuilds a loaded table's keys; whenever the reader would wait for a worker — or no
 * worker is up yet — this thread generates the next chunk nobody has taken. At most `ahead`
 * chunks are made before they are read.
 */
export class ChunkFeed {
  private readonly jobs: { table: string; start: number; end: number }[] = [];
  private readonly chunks = new Map<number, Promise<Uint8Array>>();
  private readonly settled = new Set<number>();
  /** Chunks a worker is on. */
  private busy = 0;
  /** The first chunk not read yet, and the first nobody has taken. */
  private consumed = 0;
  private next = 0;
  /** The rows' garbage collected as the chunks go by, so the peak stays flat (heap-budget.ts). */
  private readonly heap = new HeapBudget();

  constructor(
    private readonly pool: Pick<GeneratorPool, 'ready' | 'size' | 'chunk'> | undefined,
    tables: { name: string; rows: number }[],
    chunkRows: number,
    private readonly here: GenerateHere,
    // in this thread chunks are one 1024-row block: 32 of them look as far ahead as 8 of 4096 did
    private readonly ahead = pool ? Math.max(8, pool.size * 4) : 32,
    /** Chunks each worker that is up has in hand, so one is always ready for it. */
    private readonly perWorker = 2,
  ) {
    for (const t of tables)
      for (let start = 0; start < t.rows; start += chunkRows) this.jobs.push({ table: t.name, start, end: Math.min(t.rows, start + chunkRows) });
  }

  private room(): boolean {
    return this.next < this.jobs.length && this.next - this.consumed < this.ahead;
  }

  private fill(): void {
    const pool = this.pool;
    while (pool && this.room() && this.busy < pool.ready * this.perWorker) {
      const k = this.next++;
      const job = this.jobs[k]!;
      this.busy++;
      const p = pool.chunk(job.table, job.start, job.end);
      const done = () => {
        this.busy--;
        this.settled.add(k);
      };
      p.then(done, done);
      this.chunks.set(k, p);
    }
  }

  private async generateHere(): Promise<void> {
    const k = this.next++;
    const job = this.jobs[k]!;
    this.chunks.set(k, Promise.resolve(this.here(job.table, job.start, job.end)));
    this.settled.add(k);
    // let the workers' messages in before going on: this thread just held the event loop
    await new Promise(setImmediate);
  }

  /**
   * Resolves as `pending` does; meanwhile this thread makes the chunks to come (within `ahead`),
   * so a key rebuild in the database and the generation of the next table overlap.
   */
  async meanwhile<T>(pending: Promise<T>): Promise<T> {
    let settled = false;
    const done = pending.finally(() => (settled = true));
    done.catch(() => {}); // awaited below
    await new Promise(setImmediate);
    while (!settled && this.room()) {
      this.fill();
      if (!settled && this.room()) await this.generateHere();
    }
    return done;
  }

  /** The chunks of one table; tables must be read in the order they were given. */
  async *table(name: string): AsyncGenerator<Uint8Array> {
    while (this.consumed < this.jobs.length && this.jobs[this.consumed]!.table === name) {
      const k = this.consumed;
      this.fill();
      if (!this.chunks.has(k)) await this.generateHere();
      // a worker is on chunk k: make the next free one meanwhile rather than wait
      while (!this.settled.has(k) && this.room()) {
        await this.generateHere();
        this.fill();
      }
      const bytes = await this.chunks.get(k)!;
      this.chunks.delete(k);
      this.settled.delete(k);
      this.consumed++;
      this.heap.check();
      yield bytes;
    }
  }
}
