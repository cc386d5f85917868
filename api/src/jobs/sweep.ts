// The sweeper: expired exports (expires_at in the past) are deleted with their files, then files no
// row accounts for go (export-files.ts). Files go first: a crash between the two leaves a row whose
// file is gone (the next sweep finishes it), never an orphan file.
import type { Database } from '../db/port.js';
import { deleteExport, expiredExports } from '../exports/store.js';
import type { ExportStorage } from '../storage/port.js';
import { sweepOrphanFiles, type OrphanSweepOptions, type OrphanSweepResult } from './export-files.js';
import { folderOf } from './export-paths.js';

export interface SweepResult {
  deleted: string[];
}

export async function sweepExpired(db: Database, storage: ExportStorage, options: { now?: Date; limit?: number } = {}): Promise<SweepResult> {
  const expired = await db.asService((tx) => expiredExports(tx, options.now ?? new Date(), options.limit ?? 500));
  const deleted: string[] = [];
  for (const row of expired) {
    await storage.remove(folderOf(row.ownerId, row.id));
    await db.asService((tx) => deleteExport(tx, row.id));
    deleted.push(row.id);
  }
  return { deleted };
}

/** One full sweep: expired exports, then orphan and stale files. */
export async function sweep(db: Database, storage: ExportStorage, options: OrphanSweepOptions = {}): Promise<SweepResult & { orphans: OrphanSweepResult }> {
  const { deleted } = await sweepExpired(db, storage, { now: options.now });
  return { deleted, orphans: await sweepOrphanFiles(db, storage, options) };
}

/** Runs the sweep now and every `everyMs` (default hourly) until stopped; stop waits for a sweep under way. */
export function startSweeper(db: Database, storage: ExportStorage, everyMs = 3_600_000): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = () => {
    if (stopped) return;
    running = running.then(() => (stopped ? undefined : sweep(db, storage))).catch((error) => console.error('tdg: export sweep failed', error));
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  run();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
