import { Writable } from 'node:stream';
import type { Row, TableShape } from '../../engine/shape.js';
import { writeExport, type ExportFormat, type FormatOptions } from '../index.js';
import { batchesOf } from './fixtures.js';

/** Collects everything written to it. */
export class MemoryWritable extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    callback();
  }
  get buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** Runs a whole export into memory through the public writeExport. */
export async function render(format: ExportFormat, tables: { shape: TableShape; rows: Row[] }[], options?: FormatOptions, batchSize = 7): Promise<Buffer> {
  const out = new MemoryWritable();
  await writeExport(
    { format, options, tables: tables.map((t) => ({ shape: t.shape, batches: batchesOf(t.rows, batchSize) })) },
    { kind: 'stream', stream: out },
  );
  return out.buffer;
}
