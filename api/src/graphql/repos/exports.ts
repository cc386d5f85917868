// generator_exports and generator_export_events. Users insert, read, cancel and delete their
// exports under RLS; events are written only as service role (seed 000), after a user write.
import type { ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import type { Tx } from '../../db/port.js';
import type { ExportFormat } from '../../formats/index.js';
import type { JobPayload } from '../../exports/model.js';
import { CURSOR_COLUMN, keysetPage } from './keyset.js';

/** A format as the API names it: the registry's id in capitals (CSV, JSON...). */
export type ExportFormatName = Uppercase<ExportFormat>;
// the feed's statuses: one list of what ends an export
export { TERMINAL_STATUSES, type ExportStatus } from '../../realtime/port.js';
import type { ExportStatus } from '../../realtime/port.js';


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
  attempt: number;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  expiresAt: Date | null;
  cursor: string;
}


type Row = Record<string, any>;

const SELECT = `select e.id::text as id, e.schema_id::text as schema_id, e.owner_id::text as owner_id,
  upper(e.format) as format, e.row_count, coalesce(e.rows_done, 0) as rows_done, upper(e.status) as status,
  e.seed, e.job_payload, e.result_path, e.error_details, e.attempt,
  e.created_at, e.updated_at, e.completed_at, e.expires_at, ${CURSOR_COLUMN('e')}
  from generator_exports e`;

const date = (value: unknown) => (value == null ? null : new Date(value as string));

function toRecord(row: Row): ExportRecord {
  return {
    id: row.id,
    schemaId: row.schema_id,
    ownerId: row.owner_id,
    format: row.format,
    rowCount: Number(row.row_count),
    rowsDone: Number(row.rows_done),
    status: row.status,
    seed: row.seed,
    payload: row.job_payload,
    resultPath: row.result_path,
    errorDetails: row.error_details,
    attempt: Number(row.attempt),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    completedAt: date(row.completed_at),
    expiresAt: date(row.expires_at),
    cursor: row.cursor,
  };
}


export interface ExportFilter {
  status?: ExportStatus | null;
  schemaId?: string | null;
}

export async function listExports(tx: Tx, filter: ExportFilter, page: ResolveCursorConnectionArgs) {
  const params: unknown[] = [];
  const conditions: string[] = [];
  if (filter.status) {
    params.push(filter.status.toLowerCase());
    conditions.push(`e.status = $${params.length}`);
  }
  if (filter.schemaId) {
    params.push(filter.schemaId);
    conditions.push(`e.schema_id = $${params.length}::uuid`);
  }
  const keyset = keysetPage('e', page, params);
  conditions.push(...keyset.conditions);
  const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
  return (await tx.query<Row>(`${SELECT} ${where} ${keyset.orderAndLimit}`, params)).map(toRecord);
}

export async function exportsByIds(tx: Tx, ids: readonly string[]): Promise<ExportRecord[]> {
  return (await tx.query<Row>(`${SELECT} where e.id = any($1::uuid[])`, [ids])).map(toRecord);
}

export async function findExport(tx: Tx, id: string): Promise<ExportRecord | undefined> {
  return (await exportsByIds(tx, [id]))[0];
}

/** The latest exports of each schema (at most `perSchema`), for `Schema.exports`. */
export async function exportsOfSchemas(tx: Tx, schemaIds: readonly string[], perSchema: number) {
  const rows = await tx.query<Row>(
    `select * from (${SELECT.replace('from generator_exports e', `, row_number() over (partition by e.schema_id order by e.created_at desc, e.id desc) as n
       from generator_exports e`)} where e.schema_id = any($1::uuid[])) ranked where n <= $2 order by created_at desc, id desc`,
    [schemaIds, perSchema],
  );
  return rows.map(toRecord);
}

export async function countActiveExports(tx: Tx, ownerId: string): Promise<number> {
  const [row] = await tx.query<{ n: number | string }>(
    `select count(*) as n from generator_exports where owner_id = $1::uuid and status in ('pending', 'running')`,
    [ownerId],
  );
  return Number(row.n);
}

export interface NewExport {
  schemaId: string | null;
  ownerId: string;
  payload: JobPayload;
  retentionDays: number;
}

export async function insertExport(tx: Tx, input: NewExport): Promise<ExportRecord> {
  const [row] = await tx.query<{ id: string }>(
    `insert into generator_exports (schema_id, owner_id, format, row_count, status, seed, job_payload, expires_at)
     values ($1::uuid, $2::uuid, $3, $4, 'pending', $5, $6::jsonb, now() + make_interval(days => $7::int))
     returning id::text as id`,
    [
      input.schemaId,
      input.ownerId,
      input.payload.format.toLowerCase(),
      input.payload.rowCount,
      input.payload.seed,
      JSON.stringify(input.payload),
      input.retentionDays,
    ],
  );
  return (await findExport(tx, row.id))!;
}

export async function cancelExport(tx: Tx, id: string): Promise<void> {
  await tx.query(`select public.cancel_generator_export($1::uuid)`, [id]);
}

/** Service role only: users have no delete policy; the caller's ownership was checked before. */
export async function deleteExport(tx: Tx, id: string): Promise<boolean> {
  return (await tx.query(`delete from generator_exports where id = $1::uuid returning id`, [id])).length > 0;
}


