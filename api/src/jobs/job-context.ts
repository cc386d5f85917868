// What every run of an export or a chunk gets from its worker (worker.ts builds it).
import type { Database } from '../db/port.js';
import type { ExportStorage } from '../storage/port.js';
import type { ExportThreads } from './export-threads.js';
import type { PreparedExports } from './plan.js';

export interface JobSettings {
  workerId: string;
  leaseMs: number;
  heartbeatMs: number;
  progressMs: number;
  chunkRows: number;
  batchSize: number;
  pollMs: number;
}

export interface JobContext extends JobSettings {
  db: Database;
  storage: ExportStorage;
  /** Aborted when the worker stops: the lease is handed back for another worker to take over. */
  stopping: AbortSignal;
  log(line: string): void;
  /** Called with a check function for each running export, so a cancel notice can run it at once. */
  watch(exportId: string, check: () => void): () => void;
  /** Generate and format in these worker threads (a worker in the API's process); unset: in this thread. */
  threads?: ExportThreads;
  /** The plans of exports this worker helps with, so each chunk does not compile the definition again. */
  plans: PreparedExports;
}
