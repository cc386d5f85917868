// Where the coordinator's rows come from, chunk by chunk in order: a chunk another worker made is
// read back from its chunk file (formatted bytes piped as they are, row batches formatted where the
// export is written); a pending one is generated in place; while one is being made elsewhere the
// coordinator makes a later one rather than wait idle.
import type { RowBatch } from '../engine/shape.js';
import type { ChunkRow } from '../exports/model.js';
import { claimChunk, finishChunk, getChunk } from '../exports/store.js';
import { isRendered, type RenderedRows } from '../formats/index.js';
import { sleep } from './abort.js';
import { breathing } from './breathing.js';
import { isInPlace, type InPlaceRange, type TablePiece } from './export-threads.js';
import type { JobContext } from './job-context.js';
import { type PreparedExport, reported } from './plan.js';
import type { ReportBuilder, ReportState } from '../report/index.js';
import type { ProgressReporter } from './progress-reporter.js';
import { decodeRendered } from './rendered-frames.js';
import { ChunkFileError, decodeBatches } from './row-frames.js';
import { runChunk } from './run-chunk.js';

const inPlace = (chunk: ChunkRow): InPlaceRange => ({ inPlace: { start: chunk.rowStart, end: chunk.rowEnd } });

export class ChunkSource {
  /** Parts of the realism report that came with chunk files made elsewhere. */
  readonly reportParts: ReportState[] = [];
  /** A chunk file without its part (made before reports existed): the export gets no report. */
  reportMissing = false;
  /** The report of the rows generated in place in this thread (generatedHere). */
  readonly hereReport: ReportBuilder;

  constructor(
    private readonly ctx: JobContext,
    private readonly exportId: string,
    private readonly prepared: PreparedExport,
    private readonly chunks: readonly ChunkRow[],
    private readonly progress: ProgressReporter,
    private readonly signal: AbortSignal,
  ) {
    this.hereReport = prepared.newReport();
  }

  /** A table's pieces in order: rows read from chunk files, and ranges to generate where the export is written. */
  async *table(tableIndex: number): AsyncGenerator<TablePiece> {
    for (const planned of this.chunks.filter((c) => c.tableIndex === tableIndex)) {
      this.progress.chunkIndex = planned.chunkIndex;
      yield* this.chunk(planned);
    }
  }

  /** A table's rows when the export is written in this thread: ranges in place are generated here. */
  async *generatedHere(tableIndex: number): AsyncGenerator<RowBatch | RenderedRows> {
    for await (const piece of this.table(tableIndex)) {
      if (isInPlace(piece)) {
        const { start, end } = piece.inPlace;
        const rows = reported(this.hereReport, this.prepared.tables[tableIndex].name, start, this.prepared.rows(tableIndex, start, end, this.ctx.batchSize));
        yield* breathing(rows, this.signal, () => undefined);
      } else yield piece;
    }
  }

  private async *chunk(planned: ChunkRow): AsyncGenerator<TablePiece> {
    for (;;) {
      this.signal.throwIfAborted();
      const chunk = (await this.ctx.db.asService((tx) => getChunk(tx, this.exportId, planned.chunkIndex))) ?? planned;
      if (chunk.status === 'done' && chunk.resultPath) {
        if (!(yield* this.chunkFile(chunk))) yield inPlace(chunk);
        else if (chunk.report) this.reportParts.push(chunk.report as ReportState);
        else this.reportMissing = true;
        return;
      }
      if (await this.takeUp(chunk)) {
        await this.progress.announce();
        yield inPlace(chunk);
        return;
      }
      await this.helpMeanwhile(chunk.chunkIndex);
    }
  }

  /** Takes the chunk to make in place: pending, or done without a file (an earlier coordinator consumed it directly). */
  private async takeUp(chunk: ChunkRow): Promise<boolean> {
    if (chunk.status === 'done') return true;
    const { ctx } = this;
    const mine = await ctx.db.asService((tx) => claimChunk(tx, ctx.workerId, ctx.leaseMs, { exportId: this.exportId, chunkIndex: chunk.chunkIndex }));
    if (mine) await ctx.db.asService((tx) => finishChunk(tx, mine, ctx.workerId, null, 0));
    return mine !== undefined;
  }

  /** The chunk is being made elsewhere right now: make a later one meanwhile, or wait a moment. */
  private async helpMeanwhile(chunkIndex: number) {
    const { ctx } = this;
    const later = await ctx.db.asService((tx) => claimChunk(tx, ctx.workerId, ctx.leaseMs, { exportId: this.exportId, fromIndex: chunkIndex + 1 }));
    if (later) {
      await this.progress.announce();
      await runChunk(ctx, later);
    } else await sleep(ctx.pollMs, this.signal);
  }

  /**
   * A chunk file's pieces. Returns false when the file is unusable before any of it was passed on,
   * so the chunk is made again in place; a fault found later fails the export.
   */
  private async *chunkFile(chunk: ChunkRow): AsyncGenerator<TablePiece, boolean> {
    const path = chunk.resultPath!;
    const expected = chunk.rowEnd - chunk.rowStart;
    let rows = 0;
    let passed = false;
    try {
      if (chunk.representation === 'bytes' && !this.prepared.pieces())
        throw new ChunkFileError(`${path}: holds rendered rows, which ${this.prepared.format} cannot take`);
      const content = await this.ctx.storage.get(path);
      const pieces = chunk.representation === 'bytes' ? decodeRendered(content, path) : decodeBatches(content, path);
      for await (const piece of pieces) {
        rows += isRendered(piece) ? piece.rows : piece.length;
        if (rows > expected) throw new ChunkFileError(`${path}: holds more than the ${expected} rows of chunk ${chunk.chunkIndex}`);
        passed = true;
        yield piece;
      }
    } catch (error) {
      if (error instanceof ChunkFileError && !passed) {
        this.ctx.log(`export ${this.exportId}: chunk ${chunk.chunkIndex} made again (${error.message})`);
        return false;
      }
      throw error;
    }
    if (rows !== expected) throw new ChunkFileError(`${path}: holds ${rows} rows, chunk ${chunk.chunkIndex} has ${expected}`);
    return true;
  }
}
