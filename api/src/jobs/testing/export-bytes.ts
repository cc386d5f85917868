// The bytes one writer makes of a job payload in one pass (no chunks, no threads): what every chunked,
// shared, threaded or resumed run must equal (the jobs suites), and what the golden hashes pin (formats).
import { PassThrough } from 'node:stream';
import { writeExport } from '../../formats/index.js';
import { prepareExport } from '../plan.js';

export async function exportBytes(
  payload: { definition: unknown; format?: string; seed?: string; rowCount?: number; options?: Record<string, unknown> },
  fallback: { seed: string; format: string } = { seed: payload.seed ?? '', format: payload.format ?? '' },
): Promise<Buffer> {
  const prepared = prepareExport(payload, fallback);
  const stream = new PassThrough();
  const parts: Buffer[] = [];
  stream.on('data', (part: Buffer) => parts.push(part));
  await writeExport(
    {
      format: prepared.format,
      options: prepared.options,
      tables: prepared.tables.map((shape, t) => ({ shape, batches: prepared.rows(t, 0, shape.rows, 1000) })),
    },
    { kind: 'stream', stream },
  );
  return Buffer.concat(parts);
}
