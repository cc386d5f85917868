// The size of an export's file, estimated before it starts: the preview's sample rows of each table
// rendered as the format writes them (CSV quoting, JSON objects, SQL tuples in INSERTs of 1,000
// rows), averaged per row and multiplied by the rows the export will write. XLSX is a zip of XML
// and CSV/NDJSON of several tables a zip too: their size is the text before compression.
import type { ExportFormat } from '$lib/gql/graphql';

export interface SampleTable {
  table: string;
  columns: string[];
  rows: unknown[][];
}

export interface SizeEstimate {
  bytes: number;
  /** The file is a zip (XLSX, or one file per table): smaller than `bytes` once compressed. */
  zipped: boolean;
}

const SQL_BATCH = 1000;
const encoder = new TextEncoder();
const bytesOf = (text: string) => encoder.encode(text).length;

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function csvCell(value: unknown, delimiter: string): string {
  const plain = text(value);
  return plain.includes(delimiter) || /["\r\n]/.test(plain) ? `"${plain.replaceAll('"', '""')}"` : plain;
}

function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${text(value).replaceAll("'", "''")}'`;
}

const jsonRow = (columns: string[], row: unknown[]) => JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null])));

/** Bytes of one table's head (once) and of each sample row, in `format`. */
function rendered(format: ExportFormat, table: SampleTable, delimiter: string): { head: number; rows: number[] } {
  const { columns, rows } = table;
  switch (format) {
    case 'CSV':
    case 'XLSX':
      return {
        head: bytesOf(columns.map((c) => csvCell(c, delimiter)).join(delimiter) + '\n'),
        rows: rows.map((r) => bytesOf(r.map((v) => csvCell(v, delimiter)).join(delimiter) + '\n')),
      };
    case 'JSON':
      return { head: bytesOf(`"${table.table}": [\n]\n`), rows: rows.map((r) => bytesOf(jsonRow(columns, r)) + 2) };
    case 'NDJSON':
      return { head: 0, rows: rows.map((r) => bytesOf(jsonRow(columns, r)) + 1) };
    case 'SQL': {
      const insert = bytesOf(`INSERT INTO "${table.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES\n;\n`);
      // one INSERT head per batch of rows, spread over the rows
      return { head: 0, rows: rows.map((r) => bytesOf(`(${r.map(sqlLiteral).join(', ')}),\n`) + insert / SQL_BATCH) };
    }
  }
}

/** The estimated size of an export of `rowsByTable` rows; a table without sample rows counts as empty. */
export function estimateSize(format: ExportFormat, samples: readonly SampleTable[], rowsByTable: ReadonlyMap<string, number>, delimiter = ','): SizeEstimate {
  let bytes = 0;
  for (const sample of samples) {
    const rows = rowsByTable.get(sample.table) ?? 0;
    const { head, rows: sampleRows } = rendered(format, sample, delimiter);
    const perRow = sampleRows.length > 0 ? sampleRows.reduce((a, b) => a + b, 0) / sampleRows.length : 0;
    bytes += head + perRow * rows;
  }
  const zipped = format === 'XLSX' || ((format === 'CSV' || format === 'NDJSON') && samples.length > 1);
  return { bytes: Math.round(bytes), zipped };
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB", 12_345_678 → "12 MB": two significant digits at most, base 1,000. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} ${value === 1 ? 'byte' : 'bytes'}`;
  return `${value >= 10 ? Math.round(value) : Number(value.toPrecision(2))} ${UNITS[unit]}`;
}
