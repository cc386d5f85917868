// plan -> rows, streamed in batches. Rows are positional arrays in `columns` order; only one
// block of columns is held at a time, so memory is flat whatever the row count.
import { compile, type Plan, tableRuntime } from './compile.js';
import { parseDefinition } from './definition.js';
import type { Row, RowBatch } from './shape.js';
import { BLOCK_ROWS } from './table-runtime.js';

/** Rows [start, end) of a table, in batches of `batchSize`. The same rows whatever the chunking. */
export function* generateRows(plan: Plan, table: string, start: number, end: number, batchSize = 1000): Generator<RowBatch> {
  const runtime = tableRuntime(plan, table);
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= runtime.rows))
    throw new RangeError(`rows [${start}, ${end}) are outside table ${table} (0..${runtime.rows})`);
  if (!(Number.isInteger(batchSize) && batchSize > 0)) throw new RangeError(`batchSize must be a positive integer (got ${batchSize})`);
  const cols = runtime.newColumns();
  const width = cols.length;
  let batch: RowBatch = [];
  for (let block = Math.floor(start / BLOCK_ROWS); block * BLOCK_ROWS < end; block++) {
    const base = block * BLOCK_ROWS;
    runtime.fillBlock(block, cols, end - base); // a preview of 10 rows makes 10, not a block
    const to = Math.min(end, base + BLOCK_ROWS);
    for (let i = Math.max(start, base); i < to; i++) {
      const k = i - base;
      const row: Row = new Array(width);
      for (let f = 0; f < width; f++) row[f] = cols[f][k];
      batch.push(row);
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

export interface PreviewTable {
  table: string;
  columns: string[];
  rows: Row[];
}

/** The first `rows` rows of every table (parents first), exactly as an export would produce them. */
export function previewRows(definition: unknown, seed: string | number | undefined, rows: number): PreviewTable[] {
  return previewOf(compile(parseDefinition(definition), seed === undefined ? {} : { seed }), rows);
}

/** The first `rows` rows of every table of a compiled plan. */
export function previewOf(plan: Plan, rows: number): PreviewTable[] {
  return plan.tables.map((shape) => {
    const out: Row[] = [];
    for (const batch of generateRows(plan, shape.name, 0, Math.min(rows, shape.rows), Math.max(1, rows))) out.push(...batch);
    return { table: shape.name, columns: shape.columns.map((c) => c.name), rows: out };
  });
}
