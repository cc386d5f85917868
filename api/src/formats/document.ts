import type { Writable } from 'node:stream';
import type { TableShape } from '../engine/shape.js';
import { ByteSink } from './byte-sink.js';
import type { FormatOptions } from './options.js';
import { piecesOf, piecewiseDocument, type ExportPieces } from './pieces.js';
import { FORMATS, type ExportFormat } from './registry.js';
import type { ExportDocument } from './writer.js';

/**
 * Opens one output document on `stream` for the given tables (all of them, parent-first: SQL needs
 * every shape up front for its foreign keys, JSON to choose between an array and an object).
 */
export function openDocument(format: ExportFormat, shapes: TableShape[], stream: Writable, options?: FormatOptions): ExportDocument {
  const sink = new ByteSink(stream);
  const descriptor = FORMATS[format];
  const writer = descriptor.writer;
  return writer.kind === 'pieces' ? piecewiseDocument(descriptor, sink, shapes, writer.pieces(shapes, options)) : writer.open(sink);
}

/**
 * The export of `shapes` (all its tables, in order) cut into pieces that do not depend on where
 * they are rendered, for every format whose bytes allow it; undefined for xlsx, whose rows carry
 * their sheet row number and whose sheets are split by row count.
 */
export function exportPieces(format: ExportFormat, shapes: TableShape[], options?: FormatOptions): ExportPieces | undefined {
  const descriptor = FORMATS[format];
  const writer = descriptor.writer;
  return writer.kind === 'pieces' ? piecesOf(writer.pieces(shapes, options), shapes.length, !descriptor.holdsSeveralTables) : undefined;
}
