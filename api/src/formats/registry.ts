// Every export format described once: its id, the extension and content type of its file, whether
// one file holds several tables, and how its bytes are made. formats, jobs (file names), storage
// (content types) and the CLI (where --out goes) read these facts from here and nowhere else.
import type { TableShape } from '../engine/shape.js';
import type { ByteSink } from './byte-sink.js';
import { csvPieces } from './csv.js';
import { FormatError } from './errors.js';
import { jsonPieces, ndjsonPieces } from './json.js';
import type { CsvOptions, FormatOptions, SqlOptions } from './options.js';
import type { FormatPieces } from './pieces.js';
import { sqlPieces } from './sql.js';
import type { ExportDocument } from './writer.js';
import { xlsxDocument } from './xlsx.js';

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson', 'sql', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * How a format's bytes are made: a text format in position-free pieces (so rows can be rendered
 * anywhere, see pieces.ts), or a writer of its own (xlsx, whose rows carry their sheet row number).
 */
export type FormatWriter =
  { kind: 'pieces'; pieces(shapes: TableShape[], options?: FormatOptions): FormatPieces } | { kind: 'document'; open(sink: ByteSink): ExportDocument };

export interface FormatDescriptor {
  readonly id: ExportFormat;
  /** File name extension (without dot) of one file of the format. */
  readonly extension: string;
  /** Content-Type of one file of the format (a download, a stored object). */
  readonly contentType: string;
  /** One file holds every table (json, sql, xlsx); false: one file per table (csv, ndjson), zipped when there are several. */
  readonly holdsSeveralTables: boolean;
  readonly writer: FormatWriter;
}

export const FORMATS: { readonly [F in ExportFormat]: FormatDescriptor & { readonly id: F } } = {
  csv: {
    id: 'csv',
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8',
    holdsSeveralTables: false,
    writer: { kind: 'pieces', pieces: (shapes, options) => csvPieces(shapes, options as CsvOptions) },
  },
  json: {
    id: 'json',
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
    holdsSeveralTables: true,
    writer: { kind: 'pieces', pieces: (shapes) => jsonPieces(shapes) },
  },
  ndjson: {
    id: 'ndjson',
    extension: 'ndjson',
    contentType: 'application/x-ndjson; charset=utf-8',
    holdsSeveralTables: false,
    writer: { kind: 'pieces', pieces: (shapes) => ndjsonPieces(shapes) },
  },
  sql: {
    id: 'sql',
    extension: 'sql',
    contentType: 'application/sql; charset=utf-8',
    holdsSeveralTables: true,
    writer: { kind: 'pieces', pieces: (shapes, options) => sqlPieces(shapes, options as SqlOptions) },
  },
  xlsx: {
    id: 'xlsx',
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    holdsSeveralTables: true,
    writer: { kind: 'document', open: (sink) => xlsxDocument(sink) },
  },
};

/** The archive that holds one file per table when a format's one file cannot hold them all. */
export const ZIP = { extension: 'zip', contentType: 'application/zip' } as const;

/** Reads a format name as typed by a user (case-insensitive, surrounding blanks ignored). */
export function parseFormat(s: string): ExportFormat {
  const name = String(s).trim().toLowerCase();
  if (Object.hasOwn(FORMATS, name)) return name as ExportFormat;
  throw new FormatError(`format: unknown export format "${s}" (valid: ${EXPORT_FORMATS.join(', ')})`);
}

/** Whether an export of `tableCount` tables is one file of the format (else one file per table, in a zip or a directory). */
export function isOneFile(format: ExportFormat, tableCount: number): boolean {
  return FORMATS[format].holdsSeveralTables || tableCount <= 1;
}

/** The one file an export of `tableCount` tables makes as a download or a stream: the format's own, or a zip. */
export function outputFileOf(format: ExportFormat, tableCount: number): { extension: string; contentType: string } {
  const { extension, contentType } = isOneFile(format, tableCount) ? FORMATS[format] : ZIP;
  return { extension, contentType };
}

const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([...Object.values(FORMATS), ZIP].map((f) => [f.extension, f.contentType]));

/** Content-Type of a file by its extension (any case): a format's, a zip's, else application/octet-stream. */
export function contentTypeOf(fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES.get(extension) ?? 'application/octet-stream';
}
