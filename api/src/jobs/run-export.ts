// Running one export (the coordinator, who holds the export's lease) and one chunk (any worker).
// The coordinator streams engine → format → storage in chunk order: a chunk still pending is
// generated in place; a chunk another worker has done is read back from its chunk file — bytes
// already formatted (csv, json, ndjson, sql) piped as they are, row batches (xlsx) formatted here;
// while the next chunk is being made elsewhere it makes a later one instead of waiting idle.
import { PassThrough } from 'node:stream';
import type { Database } from '../db/port.js';
import type { RowBatch } from '../engine/shape.js';
import { isRendered, renderedRows, writeExport, type RenderedRows } from '../formats/index.js';
import type { ExportStorage } from '../storage/port.js';
import { planChunks, progressFigures } from './chunks.js';
import { prepareExport, type PreparedExport } from './plan.js';
import type { ChunkRepresentation, ChunkRow, ClaimedExport, LeaseState } from '../exports/model.js';
import {
  claimChunk,
  completeExport,
  ensureChunks,
  exportJob,
  exportStatus,
  failExport,
  finishChunk,
  getChunk,
  recordProgress,
  releaseExportLease,
  renewChunkLease,
  renewExportLease,
  rowsMadeAhead,
  settleCancelled,
} from '../exports/store.js';
import { isInPlace, type ExportThreads, type TablePiece } from './export-threads.js';
import { decodeRendered, encodeRendered } from './rendered-frames.js';
import { ChunkFileError, decodeBatches, encodeBatches } from './row-frames.js';

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
}

/** Why a run stopped early. */
class Interrupted extends Error {
  constructor(readonly state: LeaseState | 'stopping') {
    super(`export run interrupted: ${state}`);
  }
}

export const folderOf = (ownerId: string, exportId: string) => `${ownerId}/${exportId}`;
const chunkPath = (folder: string, index: number, representation: ChunkRepresentation) =>
  `${folder}/chunks/${String(index).padStart(6, '0')}.${representation === 'bytes' ? 'bytes' : 'rows'}`;

/** Lets timers (heartbeats) run during long CPU-bound stretches of generation. */
async function* breathing(batches: AsyncIterable<RowBatch> | Iterable<RowBatch>, signal: AbortSignal, onRows: (n: number) => void) {
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

function sleep(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** What a user reads in error_details. */
export function describeFailure(error: unknown): { message: string; code: string } {
  const e = error as { name?: string; code?: unknown; message?: string };
  const byName: Record<string, string> = {
    StorageError: 'STORAGE_FAILED',
    ExportWriteError: 'STORAGE_FAILED',
    FormatError: 'BAD_FORMAT_OPTIONS',
    JobPayloadError: 'BAD_PAYLOAD',
    ChunkFileError: 'CHUNK_CORRUPT',
  };
  const cause = (error as { cause?: { name?: string; code?: unknown } }).cause;
  let code = byName[e?.name ?? ''] ?? (typeof e?.code === 'string' && /^[A-Z_]+$/.test(e.code) ? e.code : undefined);
  if (e?.name === 'ExportWriteError' && cause?.name === 'StorageError' && typeof cause.code === 'string') code = cause.code;
  if (!code && /definition|Validation/i.test(`${e?.name}`)) code = 'BAD_DEFINITION';
  return { message: String(e?.message ?? error).slice(0, 2000), code: code ?? 'EXPORT_FAILED' };
}

/** Runs `fn` with a heartbeat; the signal aborts when the lease is lost, the export cancelled or the worker stops. */
async function withLease<T>(
  ctx: JobContext,
  exportId: string,
  renew: () => Promise<LeaseState>,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const stop = () => controller.abort(new Interrupted('stopping'));
  if (ctx.stopping.aborted) stop();
  ctx.stopping.addEventListener('abort', stop, { once: true });
  let checking = false;
  let again = false;
  const check = () => {
    if (controller.signal.aborted) return;
    // a cancel notice during a renewal that read the old status must not wait for the next beat
    if (checking) {
      again = true;
      return;
    }
    checking = true;
    renew()
      .then((state) => {
        if (state !== 'held') controller.abort(new Interrupted(state));
      })
      .catch(() => undefined) // a missed heartbeat is retried; the lease outlives several
      .finally(() => {
        checking = false;
        if (again) {
          again = false;
          check();
        }
      });
  };
  const timer = setInterval(check, ctx.heartbeatMs);
  const unwatch = ctx.watch(exportId, check);
  try {
    return await fn(controller.signal);
  } catch (error) {
    throw controller.signal.aborted ? (controller.signal.reason as Error) : error;
  } finally {
    clearInterval(timer);
    unwatch();
    ctx.stopping.removeEventListener('abort', stop);
  }
}

const plans = new Map<string, PreparedExport>();
async function planOf(ctx: JobContext, exportId: string): Promise<{ prepared: PreparedExport; ownerId: string; payload: unknown; seed: string; format: string } | undefined> {
  const row = await ctx.db.asService((tx) => exportJob(tx, exportId));
  if (!row) return undefined;
  let prepared = plans.get(exportId);
  if (!prepared) {
    prepared = prepareExport(row.payload, { seed: row.seed, format: row.format });
    plans.set(exportId, prepared);
    if (plans.size > 32) plans.delete(plans.keys().next().value!);
  }
  return { prepared, ...row };
}

/** Generates one chunk into its chunk file (a worker helping with someone else's export). */
export async function runChunk(ctx: JobContext, chunk: ChunkRow): Promise<void> {
  let rowsDone = 0;
  try {
    await withLease(
      ctx,
      chunk.exportId,
      async () => {
        if (!(await ctx.db.asService((tx) => renewChunkLease(tx, chunk, ctx.workerId, ctx.leaseMs, rowsDone)))) return 'lost';
        return (await ctx.db.asService((tx) => exportStatus(tx, chunk.exportId))) === 'running' ? 'held' : 'cancelled';
      },
      async (signal) => {
        const job = await planOf(ctx, chunk.exportId);
        if (!job) return;
        // formatted bytes wherever the format allows, so the coordinator only pipes them; xlsx: rows
        const pieces = job.prepared.pieces();
        const representation: ChunkRepresentation = pieces ? 'bytes' : 'rows';
        const path = chunkPath(folderOf(job.ownerId, chunk.exportId), chunk.chunkIndex, representation);
        let body: AsyncIterable<Uint8Array>;
        let made: Promise<unknown> = Promise.resolve();
        if (ctx.threads) {
          // the same file, made by a worker thread; its bytes are stored from here
          const stream = new PassThrough({ highWaterMark: 1 << 20 });
          made = ctx.threads.run(
            { kind: 'chunk', exportId: chunk.exportId, payload: job.payload, seed: job.seed, format: job.format, batchSize: ctx.batchSize, tableIndex: chunk.tableIndex, rowStart: chunk.rowStart, rowEnd: chunk.rowEnd },
            stream,
            { onRows: (n) => (rowsDone = n), signal },
          );
          made.catch(() => undefined); // the stream fails with it, and so does the put
          body = stream;
        } else {
          const rows = breathing(job.prepared.rows(chunk.tableIndex, chunk.rowStart, chunk.rowEnd, ctx.batchSize), signal, (n) => (rowsDone += n));
          body = pieces ? encodeRendered(renderedRows(pieces, chunk.tableIndex, chunk.rowStart, rows)) : encodeBatches(rows);
        }
        const stored = await ctx.storage.put(path, body, { signal });
        await made;
        if (await ctx.db.asService((tx) => finishChunk(tx, chunk, ctx.workerId, path, stored.bytes, representation))) {
          ctx.log(`export ${chunk.exportId}: chunk ${chunk.chunkIndex} (${chunk.rowEnd - chunk.rowStart} rows) made by ${ctx.workerId}`);
        }
      },
    );
  } catch (error) {
    // the coordinator owns the export's fate: it regenerates a chunk that failed here
    if (!(error instanceof Interrupted)) console.error(`tdg worker ${ctx.workerId}: chunk ${chunk.exportId}#${chunk.chunkIndex} failed`, error);
  }
}

/** Runs a claimed export to its end: succeeded, failed, cancelled, or handed over. */
export async function runExport(ctx: JobContext, job: ClaimedExport): Promise<void> {
  const folder = folderOf(job.ownerId, job.id);
  const startedAt = Date.now();
  let rowsDone = 0;
  let rowsTotal = job.rowCount;
  // each progress event is scheduled after the previous one is written, so they are never
  // closer than progressMs, however late a timer fires
  let progress: NodeJS.Timeout | undefined;
  let reporting = true;
  let writing = false;
  let shared = false;
  // the chunk being written: rows of later chunks that others made count as done too
  let writingChunk = -1;
  const writeProgress = () => {
    writing = true;
    return (writingChunk >= 0 && shared ? ctx.db.asService((tx) => rowsMadeAhead(tx, job.id, writingChunk)) : Promise.resolve(0))
      .then((ahead) => ctx.db.asService((tx) => recordProgress(tx, job.id, ctx.workerId, progressFigures(Math.min(rowsTotal, rowsDone + ahead), rowsTotal, startedAt, Date.now()))))
      .catch(() => undefined)
      .finally(() => {
        writing = false;
        if (reporting) report();
      });
  };
  const report = () => {
    progress = setTimeout(writeProgress, ctx.progressMs);
  };
  report();
  // the first progress event comes at once when the coordinator starts on its chunks: it wakes
  // idle workers, who find the chunks in place (the `running` event came before they existed)
  let announced = false;
  const announce = async () => {
    if (announced || writing || !reporting) return;
    announced = true;
    clearTimeout(progress);
    await writeProgress();
  };
  const stopReporting = () => {
    reporting = false;
    clearTimeout(progress);
  };
  try {
    const result = await withLease(
      ctx,
      job.id,
      () => ctx.db.asService((tx) => renewExportLease(tx, job.id, ctx.workerId, ctx.leaseMs)),
      async (signal) => {
        const prepared = prepareExport(job.payload, job);
        rowsTotal = prepared.rowsTotal;
        const chunks = await ctx.db.asService((tx) => ensureChunks(tx, job.id, planChunks(prepared.tables, ctx.chunkRows)));
        const resultPath = `${folder}/${prepared.fileName}`;
        shared = chunks.length > 1;

        // a chunk file another worker (or this one) made: formatted bytes to pipe, or row batches
        // to format here. Returns false when the file is unusable before any of it was passed on,
        // so the chunk is made again in place; a fault found later fails the export.
        async function* chunkFile(chunk: ChunkRow): AsyncGenerator<TablePiece, boolean> {
          const path = chunk.resultPath!;
          const expected = chunk.rowEnd - chunk.rowStart;
          let rows = 0;
          let passed = false;
          try {
            if (chunk.representation === 'bytes' && !prepared.pieces()) throw new ChunkFileError(`${path}: holds rendered rows, which ${prepared.format} cannot take`);
            const content = await ctx.storage.get(path);
            const pieces = chunk.representation === 'bytes' ? decodeRendered(content, path) : decodeBatches(content, path);
            for await (const piece of pieces) {
              rows += isRendered(piece) ? piece.rows : piece.length;
              if (rows > expected) throw new ChunkFileError(`${path}: holds more than the ${expected} rows of chunk ${chunk.chunkIndex}`);
              passed = true;
              yield piece;
            }
          } catch (error) {
            if (error instanceof ChunkFileError && !passed) {
              ctx.log(`export ${job.id}: chunk ${chunk.chunkIndex} made again (${error.message})`);
              return false;
            }
            throw error;
          }
          if (rows !== expected) throw new ChunkFileError(`${path}: holds ${rows} rows, chunk ${chunk.chunkIndex} has ${expected}`);
          return true;
        }

        // generated wherever the export is written: here, or in a worker thread
        async function* inPlace(chunk: ChunkRow): AsyncGenerator<TablePiece> {
          yield { inPlace: { start: chunk.rowStart, end: chunk.rowEnd } };
        }
        async function* generatedHere(tableIndex: number): AsyncGenerator<RowBatch | RenderedRows> {
          for await (const piece of tableRows(tableIndex)) {
            if (isInPlace(piece)) yield* breathing(prepared.rows(tableIndex, piece.inPlace.start, piece.inPlace.end, ctx.batchSize), signal, () => undefined);
            else yield piece;
          }
        }

        async function* tableRows(tableIndex: number): AsyncGenerator<TablePiece> {
          for (const planned of chunks.filter((c) => c.tableIndex === tableIndex)) {
            writingChunk = planned.chunkIndex;
            for (;;) {
              signal.throwIfAborted();
              const chunk = (await ctx.db.asService((tx) => getChunk(tx, job.id, planned.chunkIndex))) ?? planned;
              if (chunk.status === 'done' && chunk.resultPath) {
                if (!(yield* chunkFile(chunk))) yield* inPlace(chunk);
                break;
              }
              // done without a file: an earlier coordinator consumed it directly; make it again here
              const mine =
                chunk.status === 'done'
                  ? chunk
                  : await ctx.db.asService((tx) => claimChunk(tx, ctx.workerId, ctx.leaseMs, { exportId: job.id, chunkIndex: chunk.chunkIndex }));
              if (mine) {
                if (mine.status !== 'done') await ctx.db.asService((tx) => finishChunk(tx, mine, ctx.workerId, null, 0));
                // written before generating: a busy event loop would hold the notice back
                if (shared) await announce();
                yield* inPlace(chunk);
                break;
              }
              // made elsewhere right now: make a later one meanwhile rather than wait idle
              const later = await ctx.db.asService((tx) => claimChunk(tx, ctx.workerId, ctx.leaseMs, { exportId: job.id, fromIndex: chunk.chunkIndex + 1 }));
              if (later) {
                await announce();
                await runChunk(ctx, later);
              } else await sleep(ctx.pollMs, signal);
            }
          }
        }

        const body = new PassThrough({ highWaterMark: 1 << 20 });
        const upload = ctx.storage.put(resultPath, body, { signal });
        let uploadFailure: unknown;
        upload.catch((error: unknown) => {
          uploadFailure = error;
          body.destroy(error as Error);
        });
        const written = await (
          ctx.threads
            ? ctx.threads.run({ kind: 'export', exportId: job.id, payload: job.payload, seed: job.seed, format: job.format, batchSize: ctx.batchSize }, body, {
                sources: prepared.tables.map((_, t) => tableRows(t)),
                onRows: (rows) => (rowsDone = rows),
                signal,
              })
            : writeExport(
                { format: prepared.format, options: prepared.options, tables: prepared.tables.map((shape, t) => ({ shape, batches: generatedHere(t) })) },
                { kind: 'stream', stream: body },
                (p) => (rowsDone = p.rowsDone),
                signal,
              )
        ).catch(async (error: unknown) => {
          // the store's own error says more than the writer's "stream destroyed" — when the store
          // failed first, not when the writer's source (engine, chunk file) did and ended the upload
          const storeFailedFirst = uploadFailure;
          body.destroy();
          await upload.catch(() => undefined);
          throw storeFailedFirst ?? error;
        });
        const stored = await upload;
        return { path: resultPath, bytes: stored.bytes, rows: written.rows };
      },
    );
    stopReporting();
    await ctx.storage.remove(`${folder}/chunks`);
    if (!(await ctx.db.asService((tx) => completeExport(tx, job.id, ctx.workerId, { ...result, seconds: (Date.now() - startedAt) / 1000 })))) {
      // cancelled (or taken over) in the last moment
      if ((await ctx.db.asService((tx) => exportStatus(tx, job.id))) === 'cancelled') {
        await ctx.storage.remove(folder);
        await ctx.db.asService((tx) => settleCancelled(tx, job.id));
      }
    }
  } catch (error) {
    stopReporting();
    // a cancel may have come in while the run stopped for another reason (the worker stopping
    // before the cancel notice reached it, a writer failing on the abort): the cancel wins
    const cancelled = (error instanceof Interrupted && error.state === 'cancelled') || (await ctx.db.asService((tx) => exportStatus(tx, job.id)).catch(() => undefined)) === 'cancelled';
    if (cancelled) {
      ctx.log(`export ${job.id}: stopped (cancelled) after ${rowsDone} rows`);
      await ctx.storage.remove(folder).catch(() => undefined);
      await ctx.db.asService((tx) => settleCancelled(tx, job.id));
      return;
    }
    if (error instanceof Interrupted) {
      ctx.log(`export ${job.id}: stopped (${error.state}) after ${rowsDone} rows`);
      if (error.state === 'stopping') {
        // hand the export back now rather than after the lease runs out
        await ctx.db.asService((tx) => releaseExportLease(tx, job.id, ctx.workerId)).catch(() => undefined);
      }
      return;
    }
    await ctx.storage.remove(folder).catch(() => undefined);
    await ctx.db.asService((tx) => failExport(tx, job.id, ctx.workerId, describeFailure(error)));
  }
}
