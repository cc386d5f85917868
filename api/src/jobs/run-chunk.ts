// One chunk of someone else's export (any worker, or a coordinator helping while it waits): its
// rows into a chunk file — formatted bytes wherever the format allows, so the coordinator only
// pipes them; row batches for xlsx.
import { PassThrough } from 'node:stream';
import type { ChunkRepresentation, ChunkRow } from '../exports/model.js';
import { exportJob, exportStatus, finishChunk, renewChunkLease } from '../exports/store.js';
import { renderedRows } from '../formats/index.js';
import { breathing } from './breathing.js';
import { chunkPath, folderOf } from './export-paths.js';
import type { JobContext } from './job-context.js';
import { Interrupted, withLease } from './lease.js';
import { encodeRendered } from './rendered-frames.js';
import { encodeBatches } from './row-frames.js';
import { reported } from './plan.js';
import type { ReportState } from '../report/index.js';

/** Generates one chunk into its chunk file; a failure is logged, as the coordinator makes the chunk again. */
export async function runChunk(ctx: JobContext, chunk: ChunkRow): Promise<void> {
  let rowsDone = 0;
  const renew = async () => {
    if (!(await ctx.db.asService((tx) => renewChunkLease(tx, chunk, ctx.workerId, ctx.leaseMs, rowsDone)))) return 'lost';
    return (await ctx.db.asService((tx) => exportStatus(tx, chunk.exportId))) === 'running' ? 'held' : 'cancelled';
  };
  try {
    await withLease(ctx, chunk.exportId, renew, (signal) => makeChunkFile(ctx, chunk, signal, (rows) => (rowsDone = rows)));
  } catch (error) {
    // the coordinator owns the export's fate: it regenerates a chunk that failed here
    if (!(error instanceof Interrupted)) console.error(`tdg worker ${ctx.workerId}: chunk ${chunk.exportId}#${chunk.chunkIndex} failed`, error);
  }
}

async function makeChunkFile(ctx: JobContext, chunk: ChunkRow, signal: AbortSignal, onRows: (rowsDone: number) => void): Promise<void> {
  const job = await ctx.db.asService((tx) => exportJob(tx, chunk.exportId));
  if (!job) return;
  const prepared = ctx.plans.of(chunk.exportId, job.payload, job);
  const pieces = prepared.pieces();
  const representation: ChunkRepresentation = pieces ? 'bytes' : 'rows';
  const path = chunkPath(folderOf(job.ownerId, chunk.exportId), chunk.chunkIndex, representation);
  let body: AsyncIterable<Uint8Array>;
  // the chunk's part of the realism report, kept in its row until the coordinator merges it
  let report: () => Promise<ReportState | undefined>;
  if (ctx.threads) {
    // the same file, made by a worker thread; its bytes are stored from here
    const stream = new PassThrough({ highWaterMark: 1 << 20 });
    const { payload, seed, format } = job;
    const made = ctx.threads.run(
      {
        kind: 'chunk',
        exportId: chunk.exportId,
        payload,
        seed,
        format,
        batchSize: ctx.batchSize,
        tableIndex: chunk.tableIndex,
        rowStart: chunk.rowStart,
        rowEnd: chunk.rowEnd,
      },
      stream,
      { onRows, signal },
    );
    made.catch(() => undefined); // the stream fails with it, and so does the put
    body = stream;
    report = async () => (await made).report;
  } else {
    let rowsDone = 0;
    const part = prepared.newReport(chunk.tableIndex);
    const generated = reported(
      part,
      prepared.tables[chunk.tableIndex].name,
      chunk.rowStart,
      prepared.rows(chunk.tableIndex, chunk.rowStart, chunk.rowEnd, ctx.batchSize),
    );
    const rows = breathing(generated, signal, (n) => onRows((rowsDone += n)));
    body = pieces ? encodeRendered(renderedRows(pieces, chunk.tableIndex, chunk.rowStart, rows)) : encodeBatches(rows);
    report = async () => part.state();
  }
  const stored = await ctx.storage.put(path, body, { signal });
  const part = await report();
  if (await ctx.db.asService((tx) => finishChunk(tx, chunk, ctx.workerId, path, stored.bytes, representation, part ?? null))) {
    ctx.log(`export ${chunk.exportId}: chunk ${chunk.chunkIndex} (${chunk.rowEnd - chunk.rowStart} rows) made by ${ctx.workerId}`);
  }
}
