// The export record's vocabulary, in one place: its statuses (and which end it), the job payload a
// worker runs from (one zod schema for the API that writes it and the worker that reads it), the
// formats, and the shape of one progress event.
import { z } from 'zod';

export { EXPORT_FORMATS, type ExportFormat } from '../formats/registry.js';

export type ExportStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
export const TERMINAL_STATUSES: readonly ExportStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

/** What a worker needs to run an export again, byte for byte (generator_exports.job_payload). */
export const jobPayloadSchema = z.object({
  definition: z.unknown(),
  format: z.string(),
  options: z.record(z.string(), z.unknown()).optional(),
  seed: z.string(),
  rowCount: z.number().int().positive().optional(),
  /** File name without extension, when the API chose one. */
  fileName: z.string().optional(),
});
export type JobPayload = z.infer<typeof jobPayloadSchema>;

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
