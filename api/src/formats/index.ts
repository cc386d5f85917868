export { ExportWriteError, FormatError, type ExportWriteErrorCode } from './errors.js';
export {
  contentTypeOf,
  EXPORT_FORMATS,
  FORMATS,
  isOneFile,
  outputFileOf,
  parseFormat,
  ZIP,
  type ExportFormat,
  type FormatDescriptor,
  type FormatWriter,
} from './registry.js';
export type { CsvOptions, FormatOptions, FormatOptionsMap, JsonOptions, NdjsonOptions, SqlDialect, SqlOptions, XlsxOptions } from './options.js';
export type { ExportDocument, TableWriter } from './writer.js';
export { exportPieces, openDocument } from './document.js';
export { isRendered, renderedRows, renderRange, type ExportPieces, type RenderedRows } from './pieces.js';
export { writeExport, type ExportInput, type ExportProgress, type ExportResult, type TableSource, type Target } from './export.js';
export { XLSX_ROWS_PER_SHEET } from './xlsx.js';
