import type { ColumnShape, Row, RowBatch, TableShape } from '../engine/shape.js';
import type { ByteSink } from './byte-sink.js';
import { FormatError } from './errors.js';
import { badValue, isoDate } from './values.js';
import type { ExportDocument, TableWriter } from './writer.js';

// Objects are built as text with the keys pre-encoded, one string per batch, never the whole table.
export function rowToJson(shape: TableShape, keys: string[], row: Row, rowIndex: number): string {
  const columns = shape.columns;
  let out = '{';
  for (let i = 0; i < columns.length; i++) {
    out += keys[i];
    const v = row[i];
    if (v === null) out += 'null';
    else if (typeof v === 'string') out += JSON.stringify(v);
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw badValue(shape, rowIndex, columns[i], `number is not finite (${v})`);
      out += String(v);
    } else if (typeof v === 'boolean') out += v ? 'true' : 'false';
    else if (v instanceof Date) out += '"' + dateJson(v, columns[i], shape, rowIndex) + '"';
    else if (v === undefined) throw badValue(shape, rowIndex, columns[i], 'value is missing (row shorter than columns)');
    else out += JSON.stringify(v);
  }
  return out + '}';
}

function dateJson(d: Date, column: ColumnShape, shape: TableShape, rowIndex: number): string {
  if (Number.isNaN(d.getTime())) throw badValue(shape, rowIndex, column, 'invalid date');
  return column.kind === 'date' ? isoDate(d) : d.toISOString();
}

export function objectKeys(shape: TableShape): string[] {
  return shape.columns.map((c, i) => (i === 0 ? '' : ',') + JSON.stringify(c.name) + ':');
}

/**
 * JSON: one table → `[ {...}, ... ]`; several → `{ "users": [...], "orders": [...] }`.
 * `tableCount` decides the outer shape up front, since the document is streamed.
 */
export function jsonDocument(sink: ByteSink, tableCount: number): ExportDocument {
  const wrapped = tableCount !== 1;
  let tablesStarted = 0;
  let open: { ended: boolean } | undefined;

  return {
    get bytesWritten() {
      return sink.bytesWritten;
    },
    async startTable(shape: TableShape): Promise<TableWriter> {
      if (open && !open.ended) throw new FormatError(`json: table "${shape.name}" started before the previous table ended`);
      if (tablesStarted >= tableCount) throw new FormatError(`json: more tables than the ${tableCount} announced (got "${shape.name}")`);
      const head = wrapped ? (tablesStarted === 0 ? '{\n' : ',\n') + JSON.stringify(shape.name) + ': [' : '[';
      tablesStarted++;
      const state = { ended: false };
      open = state;
      const keys = objectKeys(shape);
      let rowsWritten = 0;
      await sink.write(head);
      return {
        get rowsWritten() {
          return rowsWritten;
        },
        get bytesWritten() {
          return sink.bytesWritten;
        },
        async writeBatch(batch: RowBatch): Promise<void> {
          if (batch.length === 0) return;
          let text = '';
          for (let r = 0; r < batch.length; r++) {
            text += (rowsWritten + r === 0 ? '\n' : ',\n') + rowToJson(shape, keys, batch[r], rowsWritten + r);
          }
          await sink.write(text);
          rowsWritten += batch.length;
        },
        async end(): Promise<void> {
          if (state.ended) return;
          state.ended = true;
          await sink.write(rowsWritten === 0 ? ']' : '\n]');
        },
      };
    },
    async end(): Promise<void> {
      if (open && !open.ended) throw new FormatError('json: document ended before its last table');
      let tail = wrapped ? (tablesStarted === 0 ? '{}\n' : '\n}\n') : '\n';
      if (!wrapped && tablesStarted === 0) tail = '[]\n';
      await sink.write(tail);
      await sink.end();
    },
  };
}

/** NDJSON: one object per line; a file holds one table. */
export function ndjsonDocument(sink: ByteSink): ExportDocument {
  let started = false;
  return {
    get bytesWritten() {
      return sink.bytesWritten;
    },
    async startTable(shape: TableShape): Promise<TableWriter> {
      if (started) throw new FormatError(`ndjson: one file holds one table (got a second table "${shape.name}")`);
      started = true;
      const keys = objectKeys(shape);
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
          let text = '';
          for (let r = 0; r < batch.length; r++) text += rowToJson(shape, keys, batch[r], rowsWritten + r) + '\n';
          await sink.write(text);
          rowsWritten += batch.length;
        },
        async end(): Promise<void> {},
      };
    },
    async end(): Promise<void> {
      await sink.end();
    },
  };
}
