// The job payload (written by startExport) → what the worker runs: the engine's plan, the format
// and a row source per table range. The only file of the jobs part that calls the engine.
import { compile, generateRows, parseDefinition } from '../engine/index.js';
import { type Report, ReportBuilder, type ReportState } from '../report/index.js';
import type { RowBatch, TableShape } from '../engine/shape.js';
import { exportPieces, outputFileOf, parseFormat, type ExportFormat, type ExportPieces, type FormatOptions } from '../formats/index.js';

import { storedJobPayloadSchema } from '../exports/model.js';
import { rowCountsOf } from '../exports/table-rows.js';

export class JobPayloadError extends Error {
  override name = 'JobPayloadError';
  readonly code = 'BAD_PAYLOAD';
}

export interface PreparedExport {
  format: ExportFormat;
  options: FormatOptions | undefined;
  tables: TableShape[];
  rowsTotal: number;
  /** Rows [start, end) of table `tableIndex`, in batches. */
  rows(tableIndex: number, start: number, end: number, batchSize: number): AsyncIterable<RowBatch> | Iterable<RowBatch>;
  /** The format in position-free pieces, so a chunk can be rendered anywhere; undefined for xlsx. */
  pieces(): ExportPieces | undefined;
  fileName: string;
  /** A realism report of rows of this export (`tableIndex`: of one table's, a chunk's part). */
  newReport(tableIndex?: number): ReportBuilder;
  /** The report of the export from its parts (ReportStates, in any order). */
  reportOf(parts: ReportState[]): Report;
}

/** Rows of `batches`, each batch added to `report` on its way (rows `start`, `start + 1`, ...). */
export async function* reported<T extends RowBatch>(
  report: ReportBuilder,
  table: string,
  start: number,
  batches: AsyncIterable<T> | Iterable<T>,
): AsyncGenerator<T> {
  let at = start;
  for await (const batch of batches) {
    report.add(table, at, batch);
    at += batch.length;
    yield batch;
  }
}

export function prepareExport(raw: unknown, fallback: { seed: string; format: string }): PreparedExport {
  let json: unknown;
  try {
    json = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    throw new JobPayloadError('job_payload: not JSON');
  }
  if (!json || typeof json !== 'object') throw new JobPayloadError('job_payload: missing');
  if ((json as { definition?: unknown }).definition === undefined) throw new JobPayloadError('job_payload.definition: missing');
  // the one schema of a payload (exports/model.ts), the API's and the worker's
  const parsed = storedJobPayloadSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new JobPayloadError(`job_payload${issue.path.map((p) => `.${String(p)}`).join('')}: ${issue.message}`);
  }
  const payload = parsed.data;
  const format = parseFormat(payload.format ?? fallback.format);
  const definition = parseDefinition(payload.definition);
  // rowCount, when given, overrides the row count of every table tableRows does not name (children per parent still apply)
  const counted = payload.rowCount != null ? rowCountsOf(definition, payload.rowCount, payload.tableRows) : { definition };
  const plan = compile(counted.definition, { seed: String(payload.seed ?? fallback.seed), ...(counted.rows != null ? { rows: counted.rows } : {}) });
  const tables = plan.tables;
  const baseName =
    String(payload.fileName ?? 'export')
      .replace(/[^\w.-]+/g, '_')
      .slice(0, 100) || 'export';
  let pieces: { of: ExportPieces | undefined } | undefined;
  return {
    format,
    options: payload.options as FormatOptions | undefined,
    tables,
    // startExport stores the total; payloads from before it are summed here
    rowsTotal: payload.rowsTotal ?? tables.reduce((sum, table) => sum + table.rows, 0),
    rows: (tableIndex, start, end, batchSize) => generateRows(plan, tables[tableIndex].name, start, end, batchSize),
    // on first use, so bad format options fail where the export is written, as before
    pieces: () => (pieces ??= { of: exportPieces(format, tables, payload.options as FormatOptions | undefined) }).of,
    fileName: `${baseName}.${outputFileOf(format, tables.length).extension}`,
    newReport: (tableIndex) => new ReportBuilder(plan, definition, tableIndex === undefined ? undefined : tables[tableIndex].name),
    reportOf: (parts) => {
      const whole = new ReportBuilder(plan, definition);
      for (const part of parts) whole.merge(part);
      return whole.report();
    },
  };
}

/** A worker's recently prepared exports, so each chunk it helps with does not compile the definition again. */
export class PreparedExports {
  private readonly byId = new Map<string, PreparedExport>();

  constructor(private readonly keep = 32) {}

  of(exportId: string, payload: unknown, fallback: { seed: string; format: string }): PreparedExport {
    let prepared = this.byId.get(exportId);
    if (!prepared) {
      prepared = prepareExport(payload, fallback);
      this.byId.set(exportId, prepared);
      if (this.byId.size > this.keep) this.byId.delete(this.byId.keys().next().value!);
    }
    return prepared;
  }
}
