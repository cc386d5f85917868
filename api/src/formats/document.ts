import type { Writable } from 'node:stream';
import type { TableShape } from '../engine/shape.js';
import { ByteSink } from './byte-sink.js';
import { csvPieces } from './csv.js';
import { jsonPieces, ndjsonPieces } from './json.js';
import type { CsvOptions, ExportFormat, FormatOptions, SqlOptions } from './options.js';
import { piecesOf, piecewiseDocument, type ExportPieces, type FormatPieces } from './pieces.js';
import { sqlPieces } from './sql.js';
import type { ExportDocument, TableWriter } from './writer.js';
import { xlsxDocument } from './xlsx.js';

/** Formats whose one file can hold several tables; csv and ndjson need one file per table. */
export function holdsSeveralTables(format: ExportFormat): boolean {
  return format === 'json' || format === 'sql' || format === 'xlsx';
}

/**
 * Opens one output document on `stream` for the given tables (all of them, parent-first: SQL needs
 * every shape up front for its foreign keys, JSON to choose between an array and an object).
 */
export function openDocument(format: ExportFormat, shapes: TableShape[], stream: Writable, options?: FormatOptions): ExportDocument {
  const sink = new ByteSink(stream);
  const pieces = formatPieces(format, shapes, options);
  return pieces ? piecewiseDocument(format, sink, shapes, pieces) : xlsxDocument(sink);
}

/** The pieces of every text format; undefined for xlsx, which has a writer of its own. */
function formatPieces(format: ExportFormat, shapes: TableShape[], options?: FormatOptions): FormatPieces | undefined {
  switch (format) {
    case 'csv':
      return csvPieces(shapes, options as CsvOptions);
    case 'ndjson':
      return ndjsonPieces(shapes);
    case 'json':
      return jsonPieces(shapes);
    case 'sql':
      return sqlPieces(shapes, options as SqlOptions);
    case 'xlsx':
      return undefined;
  }
}

/**
 * The export of `shapes` (all its tables, in order) cut into pieces that do not depend on where
 * they are rendered, for every format whose bytes allow it; undefined for xlsx, whose rows carry
 * their sheet row number and whose sheets are split by row count.
 */
export function exportPieces(format: ExportFormat, shapes: TableShape[], options?: FormatOptions): ExportPieces | undefined {
  const pieces = formatPieces(format, shapes, options);
  return pieces && piecesOf(pieces, shapes.length);
}

/** A writer for a single table whose end() also ends the document and its stream. */
export async function createTableWriter(format: ExportFormat, shape: TableShape, stream: Writable, options?: FormatOptions): Promise<TableWriter> {
  const document = openDocument(format, [shape], stream, options);
  const table = await document.startTable(shape);
  return {
    get rowsWritten() {
      return table.rowsWritten;
    },
    get bytesWritten() {
      return document.bytesWritten;
    },
    writeBatch: (batch) => table.writeBatch(batch),
    async end() {
      await table.end();
      await document.end();
    },
  };
}
