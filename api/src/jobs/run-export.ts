// Running one export as its coordinator, who holds the export's lease: engine → format → storage in
// chunk order. The parts: the lease (lease.ts), the progress events (progress-reporter.ts), where
// each chunk's rows come from (chunk-source.ts), the result's upload (upload.ts); chunks other
// workers make are run-chunk.ts.
import type { ClaimedExport } from '../exports/model.js';
import { completeExport, ensureChunks, exportStatus, failExport, releaseExportLease, renewExportLease, settleCancelled } from '../exports/store.js';
import { writeExport } from '../formats/index.js';
import { ChunkSource } from './chunk-source.js';
import { planChunks } from './chunks.js';
import { folderOf } from './export-paths.js';
import { describeFailure } from './failure.js';
import type { JobContext } from './job-context.js';
import { Interrupted, withLease } from './lease.js';
import { prepareExport } from './plan.js';
import { ProgressReporter } from './progress-reporter.js';
import { upload } from './upload.js';
import type { Report, ReportState } from '../report/index.js';

// where an export's files are, for those who import it from here
export { folderOf } from './export-paths.js';

interface StoredResult {
  path: string;
  bytes: number;
  rows: number;
  /** The realism report: the parts of every chunk merged (none when a chunk file came without its part). */
  report?: Report;
}

/** Runs a claimed export to its end: succeeded, failed, cancelled, or handed over. */
export async function runExport(ctx: JobContext, job: ClaimedExport): Promise<void> {
  const progress = new ProgressReporter(ctx, job.id, job.rowCount);
  try {
    const renew = () => ctx.db.asService((tx) => renewExportLease(tx, job.id, ctx.workerId, ctx.leaseMs));
    const result = await withLease(ctx, job.id, renew, (signal) => writeResult(ctx, job, progress, signal));
    progress.stop();
    await finish(ctx, job, result, progress);
  } catch (error) {
    progress.stop();
    await stopped(ctx, job, error, progress.rowsDone);
  }
}

/** Plans the chunks and writes the result file from them. */
async function writeResult(ctx: JobContext, job: ClaimedExport, progress: ProgressReporter, signal: AbortSignal): Promise<StoredResult> {
  const prepared = prepareExport(job.payload, job);
  progress.rowsTotal = prepared.rowsTotal;
  const chunks = await ctx.db.asService((tx) => ensureChunks(tx, job.id, planChunks(prepared.tables, ctx.chunkRows)));
  progress.shared = chunks.length > 1;
  const source = new ChunkSource(ctx, job.id, prepared, chunks, progress, signal);
  const path = `${folderOf(job.ownerId, job.id)}/${prepared.fileName}`;
  const onRows = (rows: number) => (progress.rowsDone = rows);
  const { written, bytes } = await upload<{ rows: number; report?: ReportState }>(ctx.storage, path, signal, (body) =>
    // formatted in a worker thread, which asks for each table's pieces, or here
    ctx.threads
      ? ctx.threads.run({ kind: 'export', exportId: job.id, payload: job.payload, seed: job.seed, format: job.format, batchSize: ctx.batchSize }, body, {
          sources: prepared.tables.map((_, t) => source.table(t)),
          onRows,
          signal,
        })
      : writeExport(
          { format: prepared.format, options: prepared.options, tables: prepared.tables.map((shape, t) => ({ shape, batches: source.generatedHere(t) })) },
          { kind: 'stream', stream: body },
          (p) => onRows(p.rowsDone),
          signal,
        ),
  );
  // rows made in place were reported where they were made (the thread, or generatedHere); chunk files brought theirs
  const here = ctx.threads ? written.report : source.hereReport.state();
  const report = here && !source.reportMissing ? prepared.reportOf([here, ...source.reportParts]) : undefined;
  return { path, bytes, rows: written.rows, ...(report ? { report } : {}) };
}

/** The file is stored: the export succeeds, unless it was cancelled (or taken over) in the last moment. */
async function finish(ctx: JobContext, job: ClaimedExport, result: StoredResult, progress: ProgressReporter) {
  const folder = folderOf(job.ownerId, job.id);
  await ctx.storage.remove(`${folder}/chunks`);
  if (await ctx.db.asService((tx) => completeExport(tx, job.id, ctx.workerId, { ...result, seconds: progress.seconds }))) return;
  if ((await ctx.db.asService((tx) => exportStatus(tx, job.id))) === 'cancelled') {
    await ctx.storage.remove(folder);
    await ctx.db.asService((tx) => settleCancelled(tx, job.id));
  }
}

/** The run stopped early: cancelled, interrupted (lease lost, worker stopping) or failed. */
async function stopped(ctx: JobContext, job: ClaimedExport, error: unknown, rowsDone: number) {
  const folder = folderOf(job.ownerId, job.id);
  // a cancel may have come in while the run stopped for another reason (the worker stopping
  // before the cancel notice reached it, a writer failing on the abort): the cancel wins
  const cancelled =
    (error instanceof Interrupted && error.state === 'cancelled') ||
    (await ctx.db.asService((tx) => exportStatus(tx, job.id)).catch(() => undefined)) === 'cancelled';
  if (cancelled) {
    ctx.log(`export ${job.id}: stopped (cancelled) after ${rowsDone} rows`);
    await ctx.storage.remove(folder).catch(() => undefined);
    await ctx.db.asService((tx) => settleCancelled(tx, job.id));
  } else if (error instanceof Interrupted) {
    ctx.log(`export ${job.id}: stopped (${error.state}) after ${rowsDone} rows`);
    // hand the export back now rather than after the lease runs out
    if (error.state === 'stopping') await ctx.db.asService((tx) => releaseExportLease(tx, job.id, ctx.workerId)).catch(() => undefined);
  } else {
    await ctx.storage.remove(folder).catch(() => undefined);
    await ctx.db.asService((tx) => failExport(tx, job.id, ctx.workerId, describeFailure(error)));
  }
}
