export { ExportWriteError, FormatError, type ExportWriteErrorCode } from './errors.js';
export {
  EXPORT_FORMATS,
  extensionFor,
  parseFormat,
  type CsvOptions,
  type ExportFormat,
  type FormatOptions,
  type FormatOptionsMap,
  type JsonOptions,
  type NdjsonOptions,
  type SqlDialect,
  type SqlOptions,
  type XlsxOptions,
} from './options.js';
export type { ExportDocument, TableWriter } from './writer.js';
export { createTableWriter, exportPieces, holdsSeveralTables, openDocument } from './document.js';
export { isRendered, renderedRows, type ExportPieces, type RenderedRows } from './pieces.js';
export { targetFor, writeExport, type ExportInput, type ExportProgress, type ExportResult, type TableSource, type Target } from './export.js';
export { XLSX_ROWS_PER_SHEET } from './xlsx.js';
