// A worker: slots that each take the next piece of work — a chunk of someone's running export
// first (so big exports spread over every worker), else a pending export (or one whose lease
// expired) to coordinate. Idle slots wake on the export events notification (startExport writes
// a `pending` event) and otherwise poll, which also picks up exports left by dead workers.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/port.js';
import type { ExportStorage } from '../storage/port.js';
import { ExportThreads } from './export-threads.js';
import { recoverDeadWorkers } from './export-files.js';
import { claimChunk, claimExport, EXPORT_EVENTS_CHANNEL } from '../exports/store.js';
import type { JobContext, JobSettings } from './job-context.js';
import { PreparedExports } from './plan.js';
import { runChunk } from './run-chunk.js';
import { runExport } from './run-export.js';

export interface WorkerOptions {
  db: Database;
  storage: ExportStorage;
  /** Name in lease_owner and events; default `<host>:<pid>:<random>`. */
  workerId?: string;
  /** Pieces of work run at once in this process (I/O overlaps; generation shares one CPU). Default 1. */
  concurrency?: number;
  /** How long a claim holds without a heartbeat (ms). Default 10 000; tests use ~2 000. */
  leaseMs?: number;
  /** Heartbeat: lease renewal and cancel check (ms). Default min(500, leaseMs / 4). */
  heartbeatMs?: number;
  /** Progress events while running, clamped to 250..5 000 ms. Default 1 000. */
  progressMs?: number;
  /** Rows per chunk; exports with more rows are split. Default 100 000. */
  chunkRows?: number;
  /** Rows per engine batch. Default 1 000. */
  batchSize?: number;
  /** Idle poll interval (ms). Default 1 000. */
  idlePollMs?: number;
  /** Wait between looks at a chunk another worker is making (ms). Default 50. */
  chunkPollMs?: number;
  /** Logs one line per export start/end; default console.log-like no-op. */
  log?: (line: string) => void;
  /**
   * Generate and format in a worker thread, so this process's event loop stays free for other work
   * (the API, when the worker runs inside it: the embedded default). Default false: a worker process
   * of its own generates in its main thread.
   */
  generateInThread?: boolean;
}

export interface RunningWorker {
  readonly workerId: string;
  /** The generation threads, when generateInThread is set. */
  readonly threads?: ExportThreads;
  /** Stops taking work, hands running exports back (lease released) and resolves when idle. */
  stop(): Promise<void>;
}

export function workerSettings(options: Omit<WorkerOptions, 'db' | 'storage'> = {}): JobSettings {
  const leaseMs = options.leaseMs ?? 10_000;
  return {
    workerId: options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    leaseMs,
    heartbeatMs: options.heartbeatMs ?? Math.min(500, Math.floor(leaseMs / 4)),
    progressMs: Math.min(5_000, Math.max(250, options.progressMs ?? 1_000)),
    chunkRows: options.chunkRows ?? 100_000,
    batchSize: options.batchSize ?? 1_000,
    pollMs: options.chunkPollMs ?? 50,
  };
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const settings = workerSettings(options);
  const log = options.log ?? (() => undefined);
  // a worker of this host killed mid-export: its leases and half-written files, before any claim
  await recoverDeadWorkers(options.db, options.storage, settings.workerId).catch((error) =>
    console.error('tdg worker: recovering after a dead worker failed', error),
  );
  const stopping = new AbortController();
  const watchers = new Map<string, Set<() => void>>();
  let wake: (() => void)[] = [];
  // counts notices, so one that comes while a slot is looking for work (not yet idle) is not lost
  let notices = 0;
  const wakeAll = () => {
    notices++;
    const waiting = wake;
    wake = [];
    waiting.forEach((resolve) => resolve());
  };

  // one notification stream per worker: new exports wake idle slots, and so do a running export's
  // events (its chunks are open for sharing from then on); cancels reach runs at once
  const unlisten = await options.db.listen(EXPORT_EVENTS_CHANNEL, (payload) => {
    let event: { export_id?: string; status?: string } = {};
    try {
      event = JSON.parse(payload);
    } catch {
      return;
    }
    if (event.status === 'pending' || event.status === 'running') wakeAll();
    if (event.status === 'cancelled' && event.export_id) watchers.get(event.export_id)?.forEach((check) => check());
  });

  // one thread per slot: each slot's generation has a core of its own when there is one
  const threads = options.generateInThread ? new ExportThreads({ size: Math.max(1, options.concurrency ?? 1) }) : undefined;
  const ctx: JobContext = {
    ...settings,
    threads,
    plans: new PreparedExports(),
    db: options.db,
    storage: options.storage,
    stopping: stopping.signal,
    log,
    watch(exportId, check) {
      const set = watchers.get(exportId) ?? new Set();
      set.add(check);
      watchers.set(exportId, set);
      return () => {
        set.delete(check);
        if (set.size === 0) watchers.delete(exportId);
      };
    },
  };

  async function idle(noticesSeen: number) {
    if (notices !== noticesSeen) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.idlePollMs ?? 1_000);
      wake.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async function slot() {
    while (!stopping.signal.aborted) {
      const noticesSeen = notices;
      try {
        // from an export's last chunk back: its coordinator streams from the first one in place, so
        // only chunks made here go through a chunk file, and it reaches them when they are done
        const chunk = await options.db.asService((tx) => claimChunk(tx, settings.workerId, settings.leaseMs, { lastFirst: true }));
        if (chunk) {
          await runChunk(ctx, chunk);
          continue;
        }
        if (stopping.signal.aborted) break;
        const job = await options.db.asService((tx) => claimExport(tx, settings.workerId, settings.leaseMs));
        if (job) {
          log(`export ${job.id}: ${job.previousStatus === 'running' ? 'taken over' : 'started'} by ${settings.workerId}`);
          await runExport(ctx, job);
          log(`export ${job.id}: run ended on ${settings.workerId}`);
          continue;
        }
      } catch (error) {
        if (stopping.signal.aborted) break;
        console.error(`tdg worker ${settings.workerId}:`, error);
      }
      await idle(noticesSeen);
    }
  }

  const slots = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, () => slot());
  return {
    workerId: settings.workerId,
    threads,
    async stop() {
      stopping.abort();
      wakeAll();
      await Promise.allSettled(slots);
      await unlisten();
      await threads?.close();
    },
  };
}
