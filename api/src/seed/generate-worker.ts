// A worker thread that turns row ranges of a table into bytes — COPY text for tdg seed, a format's
// rows for tdg generate (chunk-bytes.ts) — so generation runs beside the thread that writes them. The plan is compiled here from the same definition and
// options; the engine gives the same rows whatever the chunking.
import { parentPort, workerData } from 'node:worker_threads';
import { compile, parseDefinition } from '../engine/index.js';
import { ReportBuilder, type ReportState } from '../report/index.js';
import { chunkMaker, type ChunkKind } from './chunk-bytes.js';

export interface ChunkRequest {
  id: number;
  table: string;
  start: number;
  end: number;
}

export type ChunkReply = { id: number; bytes: Uint8Array; report?: ReportState } | { id: number; error: string } | { ready: true };

const { definition, options, report, kind } = workerData as {
  definition: Parameters<typeof compile>[0];
  options: Parameters<typeof compile>[1];
  report?: boolean;
  kind: ChunkKind;
};
const plan = compile(definition, options);
const chunkOf = await chunkMaker(plan, kind);
const parsed = report ? parseDefinition(definition) : undefined;
parentPort!.postMessage({ ready: true } satisfies ChunkReply);

parentPort!.on('message', (job: ChunkRequest) => {
  try {
    // the chunk's part of the realism report, when asked: parts merge into the whole in any order
    const builder = parsed ? new ReportBuilder(plan, parsed, job.table) : undefined;
    const bytes = chunkOf(job.table, job.start, job.end, builder ? (at, batch) => builder.add(job.table, at, batch) : undefined);
    // handed over, not copied: the buffer is this chunk's alone
    parentPort!.postMessage({ id: job.id, bytes, ...(builder ? { report: builder.state() } : {}) } satisfies ChunkReply, [bytes.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: (error as Error).message } satisfies ChunkReply);
  }
});
