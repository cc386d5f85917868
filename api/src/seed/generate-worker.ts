// A worker thread that turns row ranges of a table into COPY text (UTF-8 bytes), so generation runs beside the
// thread that talks to the database. The plan is compiled here from the same definition and
// options; the engine gives the same rows whatever the chunking.
import { parentPort, workerData } from 'node:worker_threads';
import { compile } from '../engine/index.js';
import { copyTextOf } from './copy-text.js';

export interface ChunkRequest {
  id: number;
  table: string;
  start: number;
  end: number;
}

export type ChunkReply = { id: number; bytes: Uint8Array } | { id: number; error: string } | { ready: true };

const { definition, options } = workerData as { definition: Parameters<typeof compile>[0]; options: Parameters<typeof compile>[1] };
const plan = compile(definition, options);
parentPort!.postMessage({ ready: true } satisfies ChunkReply);

parentPort!.on('message', (job: ChunkRequest) => {
  try {
    const bytes = copyTextOf(plan, job.table, job.start, job.end);
    // handed over, not copied: the buffer is this chunk's alone
    parentPort!.postMessage({ id: job.id, bytes } satisfies ChunkReply, [bytes.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: (error as Error).message } satisfies ChunkReply);
  }
});
