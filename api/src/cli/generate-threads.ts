// `tdg generate --threads N`: each table cut into row ranges that worker threads — and this thread,
// whenever it would wait for one — turn into the bytes the format writes for them (seed's
// generator pool, chunk-bytes.ts); the ranges are written in row order, so the file is byte for
// byte the file of one thread. At most a few ranges per thread are held (ChunkFeed's `ahead`).
import type { CompileOptions, Definition, Plan } from '../engine/index.js';
import type { RowBatch } from '../engine/shape.js';
import { FORMATS, type ExportFormat, type RenderedRows, type TableSource } from '../formats/index.js';
import type { ReportBuilder } from '../report/index.js';
import { batchesOfChunk, chunkMaker } from '../seed/chunk-bytes.js';
import { ChunkFeed, GeneratorPool } from '../seed/generator-pool.js';

/** The threads of a run: `count` threads generate, this one included; the others compile the plan again from `definition` and `options`. */
export interface GenerateThreads {
  count: number;
  definition: Definition;
  options: CompileOptions;
  /** Rows of a range (default 4096): whole blocks of the engine's 1024 rows. */
  rangeRows?: number;
}

// a range of the 10-field table renders in about 0.1 s and is ~0.6 MB of CSV: small enough that
// the ranges held ahead stay a few MB, big enough that a message per range costs nothing
const RANGE_ROWS = 4096;

export interface ThreadedTables {
  tables: TableSource[];
  /** Worker threads started (at most count - 1, fewer when there are few ranges). */
  workers: number;
  /** Resolves once every worker is up (until then this thread makes every range). */
  workersReady: Promise<void>;
  /** Stops the worker threads (after the export, whether it succeeded or not). */
  close(): Promise<void>;
}

export async function threadedTables(plan: Plan, format: ExportFormat, threads: GenerateThreads, report?: ReportBuilder): Promise<ThreadedTables> {
  const rangeRows = threads.rangeRows ?? RANGE_ROWS;
  const ranges = plan.tables.reduce((n, t) => n + Math.ceil(t.rows / rangeRows), 0);
  // this thread makes the first range while a worker starts: no worker for an export of one range
  const workers = Math.max(0, Math.min(threads.count - 1, ranges - 1));
  const pool = workers > 0 ? new GeneratorPool(threads.definition, threads.options, workers, report && ((part) => report.merge(part)), format) : undefined;
  const make = await chunkMaker(plan, format);
  const here = (table: string, start: number, end: number) => make(table, start, end, report && ((at, batch) => report.add(table, at, batch)));
  const feed = new ChunkFeed(pool, plan.tables, rangeRows, here);
  const rendered = FORMATS[format].writer.kind === 'pieces';
  return {
    tables: plan.tables.map((shape) => ({ shape, batches: piecesOf(feed.table(shape.name), shape.rows, rangeRows, rendered) })),
    workers,
    workersReady: pool?.untilReady ?? Promise.resolve(),
    close: async () => pool?.close(),
  };
}

/** A table's ranges as the format writer takes them: bytes to write as they are, or (xlsx) row batches. */
async function* piecesOf(ranges: AsyncIterable<Uint8Array>, rows: number, rangeRows: number, rendered: boolean): AsyncGenerator<RenderedRows | RowBatch> {
  let start = 0;
  for await (const bytes of ranges) {
    const count = Math.min(rangeRows, rows - start);
    start += count;
    if (rendered) yield { rendered: bytes, rows: count };
    else yield* batchesOfChunk(bytes);
  }
}
