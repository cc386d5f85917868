// What a chunk of the generator pool (generator-pool.ts) holds: the bytes a row range of a table
// becomes, made by the same function in a worker thread and in the thread that reads them, so
// chunks concatenated in order are the bytes of one pass.
import { deserialize, serialize } from 'node:v8';
import { generateRows, type Plan } from '../engine/index.js';
import type { Row, RowBatch } from '../engine/shape.js';
import type { ExportFormat } from '../formats/index.js';
import { copyTextOf } from './copy-text.js';

/**
 * `copy`: COPY text (tdg seed). A format: its rows as they are written in that format's file
 * (tdg generate); for xlsx, whose rows carry their sheet row number and are written by one writer,
 * the row batches in the V8 serialisation (Dates, -0 and NaN kept), formatted by the reader.
 */
export type ChunkKind = 'copy' | ExportFormat;

/** Rows [start, end) of a table as a chunk's bytes; `onRows` sees each batch (the realism report). */
export type ChunkMaker = (table: string, start: number, end: number, onRows?: (start: number, batch: Row[]) => void) => Uint8Array<ArrayBuffer>;

const BATCH_ROWS = 1024;

export async function chunkMaker(plan: Plan, kind: ChunkKind): Promise<ChunkMaker> {
  if (kind === 'copy') return (table, start, end, onRows) => copyTextOf(plan, table, start, end, onRows);
  // loaded only here: the formats bring exceljs and archiver (0.4 CPU-s), which seed's workers never need
  const [{ exportPieces }, { renderRange }] = await Promise.all([import('../formats/document.js'), import('../formats/pieces.js')]);
  const pieces = exportPieces(kind, plan.tables);
  const tableIndex = new Map(plan.tables.map((t, i) => [t.name, i]));
  return (table, start, end, onRows) => {
    const batches = watched(generateRows(plan, table, start, end, BATCH_ROWS), start, onRows);
    // a copy of the serialisation in an ArrayBuffer of its own, to be handed to another thread whole
    return pieces ? renderRange(pieces, tableIndex.get(table)!, start, batches) : new Uint8Array(serialize([...batches]));
  };
}

/** The row batches of a chunk of a format without pieces (xlsx). */
export function batchesOfChunk(bytes: Uint8Array): RowBatch[] {
  return deserialize(bytes) as RowBatch[];
}

function* watched(batches: Iterable<RowBatch>, start: number, onRows: ((start: number, batch: Row[]) => void) | undefined): Generator<RowBatch> {
  if (!onRows) return yield* batches;
  let at = start;
  for (const batch of batches) {
    onRows(at, batch);
    at += batch.length;
    yield batch;
  }
}
