import type { RowBatch, TableShape } from '../engine/shape.js';

/** Rows of one table go in by batches; bytes come out to the document's stream. */
export interface TableWriter {
  /** Writes the batch and resolves once the stream can take more (backpressure). */
  writeBatch(batch: RowBatch): Promise<void>;
  /** Closes the table (closing bracket, last INSERT, sheet commit...). */
  end(): Promise<void>;
  readonly rowsWritten: number;
  /** Bytes of the whole document written so far. */
  readonly bytesWritten: number;
}

/** One output file holding one table (csv, ndjson) or several (json, sql, xlsx). */
export interface ExportDocument {
  /** Starts the next table; the previous table must have been ended. */
  startTable(shape: TableShape): Promise<TableWriter>;
  /** Writes the trailer, ends the stream and resolves once it has flushed. */
  end(): Promise<void>;
  readonly bytesWritten: number;
}
