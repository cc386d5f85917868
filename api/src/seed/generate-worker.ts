// A worker thread that turns row ranges of a table into COPY text, so generation runs beside the
// thread that talks to the database. The plan is compiled here from the same definition and
// options; the engine gives the same rows whatever the chunking.
import { parentPort, workerData } from 'node:worker_threads';
import { compile, generateRows } from '../engine/index.js';
import { copyLines } from './copy-text.js';

export interface ChunkRequest {
  id: number;
  table: string;
  start: number;
  end: number;
}

export type ChunkReply = { id: number; text: string } | { id: number; error: string } | { ready: true };

const { definition, options } = workerData as { definition: Parameters<typeof compile>[0]; options: Parameters<typeof compile>[1] };
const plan = compile(definition, options);
const shapes = new Map(plan.tables.map((t) => [t.name, t]));
parentPort!.postMessage({ ready: true } satisfies ChunkReply);

parentPort!.on('message', (job: ChunkRequest) => {
  try {
    const shape = shapes.get(job.table);
    if (!shape) throw new Error(`the plan has no table "${job.table}"`);
    let text = '';
    for (const batch of generateRows(plan, job.table, job.start, job.end, 4096)) text += copyLines(batch, shape.columns);
    parentPort!.postMessage({ id: job.id, text } satisfies ChunkReply);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: (error as Error).message } satisfies ChunkReply);
  }
});
