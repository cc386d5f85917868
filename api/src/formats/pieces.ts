// A text format cut into pieces that do not depend on where they are rendered: the head before a
// table's first row, the rows of any range [start, end) of a table, and the tail after its last
// row. Every separator is decided by a row's index in its table (a json comma before every row but
// row 0, an SQL INSERT opening at each multiple of batchSize), never by what was written before,
// so head + rows(0..a) + rows(a..b) + … + tail are the bytes of one pass, however the rows are cut.
import type { RowBatch, TableShape } from '../engine/shape.js';
import type { ByteSink } from './byte-sink.js';
import { FormatError } from './errors.js';
import type { FormatDescriptor } from './registry.js';
import type { ExportDocument, TableWriter } from './writer.js';

/** Rows already rendered (by `ExportPieces.rows`, maybe in another process), written as they are. */
export interface RenderedRows {
  rendered: Uint8Array;
  /** How many rows the bytes hold: counted in progress like rows rendered in place. */
  rows: number;
}

export const isRendered = (piece: RowBatch | RenderedRows): piece is RenderedRows => !Array.isArray(piece);

/** What one format needs to cut its output into pieces (implemented by csv, json, ndjson, sql). */
export interface FormatPieces {
  /** Before the first table (or in an empty document). */
  documentHead: string;
  tableHead(tableIndex: number): string;
  rows(tableIndex: number, firstRow: number, batch: RowBatch): string;
  tableTail(tableIndex: number, rowCount: number): string;
  /** After the last table; `tablesStarted` 0 for a document without any table. */
  documentTail(tablesStarted: number): string;
}

/**
 * An export of `tables` (all of them, in export order) in pieces. For csv and ndjson each table is
 * its own file (an entry of the zip when there are several), so head and tail are that file's.
 */
export interface ExportPieces {
  /** Bytes before row 0 of table `t`: the document's head for the first table (BOM and header, `[`, SQL preamble and CREATE TABLEs), the table's own opening after. */
  head(t: number): string;
  /** Rows `firstRow…firstRow + batch.length - 1` of table `t`: the same bytes wherever the range is rendered. */
  rows(t: number, firstRow: number, batch: RowBatch): string;
  /** Bytes after the last of the table's `rowCount` rows: its closing (`]`, the last `;`), and the document's tail after the last table. */
  tail(t: number, rowCount: number): string;
}

/** Renders rows of table `t` from row `firstRow` on, batch by batch: the body of that row range. */
export async function* renderedRows(
  pieces: ExportPieces,
  t: number,
  firstRow: number,
  batches: AsyncIterable<RowBatch> | Iterable<RowBatch>,
): AsyncGenerator<RenderedRows> {
  let row = firstRow;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield { rendered: Buffer.from(pieces.rows(t, row, batch), 'utf8'), rows: batch.length };
    row += batch.length;
  }
}

/** The bytes `renderedRows` gives for these batches, in one buffer: a row range rendered in a worker thread. */
export function renderRange(pieces: ExportPieces, t: number, firstRow: number, batches: Iterable<RowBatch>): Buffer<ArrayBuffer> {
  const parts: string[] = [];
  let row = firstRow;
  for (const batch of batches) {
    if (batch.length === 0) continue;
    parts.push(pieces.rows(t, row, batch));
    row += batch.length;
  }
  // a buffer of its own (never Buffer's shared pool), so it can be handed to another thread whole;
  // each batch's text is written into it as it is, with no joined copy of the whole range
  let size = 0;
  for (const part of parts) size += Buffer.byteLength(part, 'utf8');
  const bytes = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const part of parts) at += bytes.write(part, at, 'utf8');
  return bytes;
}

/** `ownFile`: each table is a file of its own (a format whose file cannot hold several tables), with the document's head and tail. */
export function piecesOf(format: FormatPieces, tableCount: number, ownFile: boolean): ExportPieces {
  return {
    head: (t) => (ownFile || t === 0 ? format.documentHead : '') + format.tableHead(t),
    rows: (t, firstRow, batch) => format.rows(t, firstRow, batch),
    tail: (t, rowCount) => format.tableTail(t, rowCount) + (ownFile || t === tableCount - 1 ? format.documentTail(t + 1) : ''),
  };
}

/** A TableWriter that can also take rows rendered elsewhere. */
export interface PieceTableWriter extends TableWriter {
  writeRendered(piece: RenderedRows): Promise<void>;
}

/** An ExportDocument written from its pieces: the one writer of every text format. */
export function piecewiseDocument(descriptor: FormatDescriptor, sink: ByteSink, shapes: TableShape[], format: FormatPieces): ExportDocument {
  const name = descriptor.id;
  const oneTablePerFile = !descriptor.holdsSeveralTables;
  let tablesStarted = 0;
  let headWritten = false;
  let open: { ended: boolean } | undefined;
  const writeHead = async () => {
    if (headWritten) return;
    headWritten = true;
    await sink.write(format.documentHead);
  };

  return {
    get bytesWritten() {
      return sink.bytesWritten;
    },
    async startTable(shape: TableShape): Promise<PieceTableWriter> {
      if (oneTablePerFile && tablesStarted > 0) throw new FormatError(`${name}: one file holds one table (got a second table "${shape.name}")`);
      if (open && !open.ended) throw new FormatError(`${name}: table "${shape.name}" started before the previous table ended`);
      if (tablesStarted >= shapes.length) throw new FormatError(`${name}: more tables than the ${shapes.length} announced (got "${shape.name}")`);
      const t = tablesStarted++;
      const state = { ended: false };
      open = state;
      await writeHead();
      await sink.write(format.tableHead(t));
      let rowsWritten = 0;
      return {
        get rowsWritten() {
          return rowsWritten;
        },
        get bytesWritten() {
          return sink.bytesWritten;
        },
        async writeBatch(batch: RowBatch): Promise<void> {
          if (batch.length === 0) return;
          await sink.write(format.rows(t, rowsWritten, batch));
          rowsWritten += batch.length;
        },
        async writeRendered(piece: RenderedRows): Promise<void> {
          const bytes = piece.rendered;
          if (bytes.length) await sink.writeBytes(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
          rowsWritten += piece.rows;
        },
        async end(): Promise<void> {
          if (state.ended) return;
          state.ended = true;
          await sink.write(format.tableTail(t, rowsWritten));
        },
      };
    },
    async end(): Promise<void> {
      if (open && !open.ended) throw new FormatError(`${name}: document ended before its last table`);
      await writeHead();
      await sink.write(format.documentTail(tablesStarted));
      await sink.end();
    },
  };
}
