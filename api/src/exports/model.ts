// The export record's vocabulary, in one place: its statuses (and which end it), the job payload a
// worker runs from (one zod schema for the API that writes it and the worker that reads it), the
// formats, and the shapes the store (store.ts) reads and writes: the record, an event, a claimed
// export, a chunk.
import { z } from 'zod';

import type { ExportFormat } from '../formats/registry.js';
import type { Report } from '../report/index.js';
export { EXPORT_FORMATS, type ExportFormat } from '../formats/registry.js';

/** A format as the API names it: the registry's id in capitals (CSV, JSON...). */
export type ExportFormatName = Uppercase<ExportFormat>;

export type ExportStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
export const TERMINAL_STATUSES: readonly ExportStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

/** What a worker needs to run an export again, byte for byte (generator_exports.job_payload). */
export const jobPayloadSchema = z.object({
  definition: z.unknown(),
  format: z.string(),
  options: z.record(z.string(), z.unknown()).optional(),
  seed: z.string(),
  rowCount: z.number().int().positive().optional(),
  /** Rows of named tables, instead of rowCount (startExport's tableRows); absent: rowCount for every table. */
  tableRows: z.record(z.string(), z.number().int().nonnegative()).optional(),
  /** File name without extension, when the API chose one. */
  fileName: z.string().optional(),
  /** Rows over all tables (children per parent multiply some), computed once by startExport; absent in payloads from before. */
  rowsTotal: z.number().int().nonnegative().optional(),
});
export type JobPayload = z.infer<typeof jobPayloadSchema>;

/** What a worker accepts: jobPayloadSchema, and payloads stored before seed, format and the row count were always written. */
export const storedJobPayloadSchema = jobPayloadSchema.extend({
  format: z.string().optional(),
  seed: z.union([z.string(), z.number()]).optional(),
  rowCount: z.number().int().positive().nullish(),
});

/** One row of generator_export_events (status upper-cased, as GraphQL shows it). */
export interface ExportEventRow {
  id: string;
  seq: number;
  exportId: string;
  status: ExportStatus;
  message: string | null;
  metadata: unknown;
  createdAt: Date;
}

/** An event with the owner of its export: what the feeds deliver, routed by export or owner. */
export interface ExportFeedEvent extends ExportEventRow {
  ownerId: string;
}

/** One row of generator_exports as the API shows it (format and status upper-cased). */
export interface ExportRecord {
  id: string;
  schemaId: string | null;
  ownerId: string;
  format: ExportFormatName;
  rowCount: number;
  rowsDone: number;
  status: ExportStatus;
  seed: string;
  payload: JobPayload;
  resultPath: string | null;
  errorDetails: unknown;
  /** The realism report, once the export succeeded (null before, and for exports from before reports). */
  report: Report | null;
  attempt: number;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  expiresAt: Date | null;
}

/** An export a worker has claimed to run (coordinate). */
export interface ClaimedExport {
  id: string;
  ownerId: string;
  schemaId: string | null;
  format: string;
  rowCount: number;
  seed: string;
  payload: unknown;
  attempt: number;
  createdAt: Date;
  /** `pending` for a fresh start, `running` for a takeover after an expired lease. */
  previousStatus: 'pending' | 'running';
}

/** Whether a worker still holds its export: a renewal's answer. */
export type LeaseState = 'held' | 'cancelled' | 'lost';

/** What a chunk file holds: formatted bytes, or row batches. */
export type ChunkRepresentation = 'rows' | 'bytes';

/** One row range of an export, as planned (jobs/chunks.ts). */
export interface ChunkPlan {
  chunkIndex: number;
  tableIndex: number;
  rowStart: number;
  rowEnd: number;
}

/** One row of generator_export_chunks. */
export interface ChunkRow extends ChunkPlan {
  exportId: string;
  status: 'pending' | 'running' | 'done';
  leaseOwner: string | null;
  resultPath: string | null;
  /** What the chunk file holds (null: a file from before the column, so row batches). */
  representation: ChunkRepresentation | null;
  /** The chunk's part of the realism report (a ReportState), made with its file; null without one. */
  report: unknown;
}
