// All SQL on the export tables: generator_exports (the record, and the job queue: a worker claims a
// row with `FOR UPDATE SKIP LOCKED` and holds it with a lease a heartbeat renews; anyone may take
// over a row whose lease expired), generator_export_events (the progress log) and
// generator_export_chunks (row ranges shared among workers). Every function takes the transaction
// it runs in: as the caller (RLS decides) or as service role, as its comment says.
// Every event insert follows an UPDATE of its export row in the same transaction, so events of one
// export are serialised by that row lock and their seq order is their commit order.
import type { Tx } from '../db/port.js';
import { TERMINAL_STATUSES } from './model.js';
import type {
  ChunkPlan,
  ChunkRepresentation,
  ChunkRow,
  ClaimedExport,
  ExportEventRow,
  ExportFeedEvent,
  ExportRecord,
  ExportStatus,
  JobPayload,
  LeaseState,
} from './model.js';

type Row = Record<string, any>;

/** The table whose inserts the feeds follow (Supabase Realtime `postgres_changes`). */
export const EXPORT_EVENTS_TABLE = 'generator_export_events';
/** The channel its insert trigger notifies (pg_notify, with the row as json plus owner_id). */
export const EXPORT_EVENTS_CHANNEL = 'generator_export_events';

const lease = (ms: number) => `now() + make_interval(secs => ${Number(ms) / 1000})`;
const date = (value: unknown) => (value == null ? null : new Date(value as string));

// ---- events ------------------------------------------------------------------------------------

const EVENT_COLUMNS = `id::text as id, seq, export_id::text as export_id, upper(status) as status, message, metadata, created_at`;

function toEvent(row: Row): ExportEventRow {
  return {
    id: row.id,
    seq: Number(row.seq),
    exportId: row.export_id,
    status: row.status,
    message: row.message,
    metadata: row.metadata,
    createdAt: new Date(row.created_at),
  };
}

/** Service role only (seed 000): the caller's right to the export was checked before. */
export async function insertEvent(
  tx: Tx,
  exportId: string,
  status: ExportStatus | Lowercase<ExportStatus>,
  message: string,
  metadata: unknown = {},
): Promise<ExportEventRow> {
  const [row] = await tx.query<Row>(
    `insert into generator_export_events (export_id, status, message, metadata)
     values ($1::uuid, $2, $3, $4::jsonb)
     returning ${EVENT_COLUMNS}`,
    [exportId, status.toLowerCase(), message, JSON.stringify(metadata)],
  );
  return toEvent(row);
}

/** The events of these exports, oldest first (as the caller: RLS decides which exports they see). */
export async function eventsOfExports(tx: Tx, exportIds: readonly string[]): Promise<ExportEventRow[]> {
  const rows = await tx.query<Row>(`select ${EVENT_COLUMNS} from generator_export_events where export_id = any($1::uuid[]) order by seq`, [exportIds]);
  return rows.map(toEvent);
}

/** One event with the owner of its export (service role: a notification too big to carry it). */
export async function eventWithOwner(tx: Tx, eventId: string): Promise<ExportFeedEvent | undefined> {
  const [row] = await tx.query<Row>(
    `select ev.id::text as id, ev.seq, ev.export_id::text as export_id, upper(ev.status) as status, ev.message, ev.metadata,
            ev.created_at, ex.owner_id::text as owner_id
       from generator_export_events ev join generator_exports ex on ex.id = ev.export_id
      where ev.id = $1::uuid`,
    [eventId],
  );
  return row && { ...toEvent(row), ownerId: row.owner_id };
}

/** Whether the caller may read this event (as the caller: RLS decides). */
export async function canReadEvent(tx: Tx, eventId: string): Promise<boolean> {
  return (await tx.query(`select 1 from generator_export_events where id = $1::uuid`, [eventId])).length > 0;
}

export interface StoredEvents {
  ownerId: string;
  /** The export has ended: its terminal event is among the stored ones (or before `afterSeq`). */
  finished: boolean;
  /** The seq of the event replay starts after (0: from the first). */
  afterSeq: number;
  events: ExportFeedEvent[];
}

/**
 * The stored events of one export after `afterEventId` (all when null or not an event of this
 * export), oldest first, as the caller; undefined when the caller cannot see the export.
 */
export async function eventsAfter(tx: Tx, exportId: string, afterEventId: string | null): Promise<StoredEvents | undefined> {
  const [record] = await tx.query<Row>(`select owner_id::text as owner_id, upper(status) as status from generator_exports where id = $1::uuid`, [exportId]);
  if (!record) return undefined;
  const [after] = await tx.query<Row>(`select seq from generator_export_events where id = $1::uuid and export_id = $2::uuid`, [afterEventId, exportId]);
  const afterSeq = Number(after?.seq ?? 0);
  const rows = await tx.query<Row>(`select ${EVENT_COLUMNS} from generator_export_events where export_id = $1::uuid and seq > $2 order by seq`, [
    exportId,
    afterSeq,
  ]);
  return {
    ownerId: record.owner_id,
    finished: TERMINAL_STATUSES.includes(record.status),
    afterSeq,
    events: rows.map((row) => ({ ...toEvent(row), ownerId: record.owner_id })),
  };
}

// ---- the export record (GraphQL, as the caller under RLS unless said otherwise) -----------------

const RECORD_COLUMNS = `e.id::text as id, e.schema_id::text as schema_id, e.owner_id::text as owner_id,
  upper(e.format) as format, e.row_count, coalesce(e.rows_done, 0) as rows_done, upper(e.status) as status,
  e.seed, e.job_payload, e.result_path, e.error_details, e.attempt,
  e.created_at, e.updated_at, e.completed_at, e.expires_at, e.report`;

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
    report: row.report ?? null,
    attempt: Number(row.attempt),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    completedAt: date(row.completed_at),
    expiresAt: date(row.expires_at),
  };
}

export interface ExportFilter {
  status?: ExportStatus | null;
  schemaId?: string | null;
}

/** How the caller pages (graphql/repos/keyset.ts): its cursor column and one page's conditions and order. */
export interface ExportPaging {
  cursorColumn(alias: string): string;
  page(alias: string, params: unknown[]): { conditions: string[]; orderAndLimit: string };
}

/** One page of the exports the caller sees, each with its cursor. */
export async function listExports(tx: Tx, filter: ExportFilter, paging: ExportPaging): Promise<(ExportRecord & { cursor: string })[]> {
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
  const page = paging.page('e', params);
  conditions.push(...page.conditions);
  const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
  const rows = await tx.query<Row>(`select ${RECORD_COLUMNS}, ${paging.cursorColumn('e')} from generator_exports e ${where} ${page.orderAndLimit}`, params);
  return rows.map((row) => ({ ...toRecord(row), cursor: row.cursor }));
}

export async function exportsByIds(tx: Tx, ids: readonly string[]): Promise<ExportRecord[]> {
  return (await tx.query<Row>(`select ${RECORD_COLUMNS} from generator_exports e where e.id = any($1::uuid[])`, [ids])).map(toRecord);
}

export async function findExport(tx: Tx, id: string): Promise<ExportRecord | undefined> {
  return (await exportsByIds(tx, [id]))[0];
}

/** The latest exports of each schema (at most `perSchema`), newest first. */
export async function exportsOfSchemas(tx: Tx, schemaIds: readonly string[], perSchema: number): Promise<ExportRecord[]> {
  const rows = await tx.query<Row>(
    `select * from (select ${RECORD_COLUMNS}, row_number() over (partition by e.schema_id order by e.created_at desc, e.id desc) as n
       from generator_exports e where e.schema_id = any($1::uuid[])) ranked where n <= $2 order by created_at desc, id desc`,
    [schemaIds, perSchema],
  );
  return rows.map(toRecord);
}

/** Exports of this owner still queued or running. */
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

/** Flips the status and writes the `cancelled` event (a database function, so the check is the database's). */
export async function cancelExport(tx: Tx, id: string): Promise<void> {
  await tx.query(`select public.cancel_generator_export($1::uuid)`, [id]);
}

/** Service role only: users have no delete policy; the caller's ownership was checked before. */
export async function deleteExport(tx: Tx, id: string): Promise<boolean> {
  return (await tx.query(`delete from generator_exports where id = $1::uuid returning id`, [id])).length > 0;
}

/** The owner of an export (service role: a Realtime record carries no owner). */
export async function ownerOfExport(tx: Tx, id: string): Promise<string | undefined> {
  const [row] = await tx.query<{ owner_id: string }>(`select owner_id::text as owner_id from generator_exports where id = $1::uuid`, [id]);
  return row?.owner_id;
}

// ---- the job: claim, lease, progress, end (service role) -----------------------------------------

/** Claims the oldest pending export, or a running one whose lease expired, and records `running`. */
export async function claimExport(tx: Tx, workerId: string, leaseMs: number): Promise<ClaimedExport | undefined> {
  const [row] = await tx.query<Row>(
    `with candidate as (
       select id, status as previous_status from generator_exports
        where status = 'pending' or (status = 'running' and (lease_expires_at is null or lease_expires_at < now()))
        order by created_at, id
        limit 1
        for update skip locked)
     update generator_exports e
        set status = 'running', lease_owner = $1, lease_expires_at = ${lease(leaseMs)}, updated_at = now()
       from candidate c
      where e.id = c.id
     returning e.id::text as id, e.owner_id::text as owner_id, e.schema_id::text as schema_id, e.format, e.row_count,
               e.seed, e.job_payload, coalesce(e.attempt, 1) as attempt, e.created_at, c.previous_status, e.lease_owner`,
    [workerId],
  );
  if (!row) return undefined;
  const takeover = row.previous_status === 'running';
  await insertEvent(tx, row.id, 'running', takeover ? `resumed by worker ${workerId} after the previous lease expired` : `started by worker ${workerId}`, {
    rowsDone: 0,
    rowsTotal: Number(row.row_count),
    attempt: Number(row.attempt),
    worker: workerId,
  });
  return {
    id: row.id,
    ownerId: row.owner_id,
    schemaId: row.schema_id,
    format: row.format,
    rowCount: Number(row.row_count),
    seed: row.seed,
    payload: typeof row.job_payload === 'string' ? JSON.parse(row.job_payload) : row.job_payload,
    attempt: Number(row.attempt),
    createdAt: new Date(row.created_at),
    previousStatus: row.previous_status,
  };
}

/** What a chunk worker needs to make a chunk of an export it does not hold. */
export async function exportJob(tx: Tx, exportId: string): Promise<{ ownerId: string; payload: unknown; seed: string; format: string } | undefined> {
  const [row] = await tx.query<Row>(`select owner_id::text as owner_id, job_payload, seed, format from generator_exports where id = $1::uuid`, [exportId]);
  return row && { ownerId: row.owner_id, payload: row.job_payload, seed: row.seed, format: row.format };
}

/** Renews the export lease; tells whether the export was cancelled or taken over meanwhile. */
export async function renewExportLease(tx: Tx, exportId: string, workerId: string, leaseMs: number): Promise<LeaseState> {
  const renewed = await tx.query(
    `update generator_exports set lease_expires_at = ${lease(leaseMs)}
      where id = $1::uuid and status = 'running' and lease_owner = $2 returning id`,
    [exportId, workerId],
  );
  if (renewed.length) return 'held';
  const status = await exportStatus(tx, exportId);
  return status === undefined || status === 'cancelled' ? 'cancelled' : 'lost';
}

/** The export's status in lower case as stored; undefined when the row is gone. */
export async function exportStatus(tx: Tx, exportId: string): Promise<string | undefined> {
  const [row] = await tx.query<Row>(`select status from generator_exports where id = $1::uuid`, [exportId]);
  return row?.status;
}

/** Hands the export back at once (the worker stops): its lease expires now, for anyone to take over. */
export async function releaseExportLease(tx: Tx, exportId: string, workerId: string): Promise<void> {
  await tx.query(`update generator_exports set lease_expires_at = now() where id = $1::uuid and lease_owner = $2`, [exportId, workerId]);
}

export interface ProgressFigures {
  rowsDone: number;
  rowsTotal: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
}

/** Progress of a running export: updates rows_done and writes the event, unless the lease is gone. */
export async function recordProgress(tx: Tx, exportId: string, workerId: string, metadata: ProgressFigures): Promise<boolean> {
  const held = await tx.query(
    `update generator_exports set rows_done = $3, updated_at = now()
      where id = $1::uuid and status = 'running' and lease_owner = $2 returning id`,
    [exportId, workerId, metadata.rowsDone],
  );
  if (!held.length) return false;
  await insertEvent(tx, exportId, 'running', `${metadata.rowsDone} of ${metadata.rowsTotal} rows`, metadata);
  return true;
}

export async function completeExport(
  tx: Tx,
  exportId: string,
  workerId: string,
  result: { path: string; bytes: number; rows: number; seconds: number; report?: unknown },
): Promise<boolean> {
  const done = await tx.query(
    `update generator_exports
        set status = 'succeeded', result_path = $3, rows_done = $4, completed_at = now(), updated_at = now(),
            lease_owner = null, lease_expires_at = null, error_details = null, report = $5::jsonb
      where id = $1::uuid and status = 'running' and lease_owner = $2 returning id`,
    [exportId, workerId, result.path, result.rows, result.report === undefined ? null : JSON.stringify(result.report)],
  );
  if (!done.length) return false;
  await dropChunks(tx, exportId);
  await insertEvent(tx, exportId, 'succeeded', `${result.rows} rows exported`, {
    rowsDone: result.rows,
    rowsTotal: result.rows,
    bytes: result.bytes,
    resultPath: result.path,
    seconds: result.seconds,
  });
  return true;
}

export async function failExport(tx: Tx, exportId: string, workerId: string, error: { message: string; code: string }): Promise<boolean> {
  const done = await tx.query(
    `update generator_exports
        set status = 'failed', error_details = $3::jsonb, completed_at = now(), updated_at = now(),
            lease_owner = null, lease_expires_at = null
      where id = $1::uuid and status = 'running' and lease_owner = $2 returning id`,
    [exportId, workerId, JSON.stringify(error)],
  );
  if (!done.length) return false;
  await dropChunks(tx, exportId);
  await insertEvent(tx, exportId, 'failed', error.message, { error });
  return true;
}

/**
 * After a cancel: drops the chunk rows, and writes the terminal `cancelled` event unless the
 * cancel itself already did (the last event must be the terminal one, written once).
 */
export async function settleCancelled(tx: Tx, exportId: string): Promise<void> {
  const [row] = await tx.query<Row>(
    `update generator_exports set lease_owner = null, lease_expires_at = null,
            completed_at = coalesce(completed_at, now()), updated_at = now()
      where id = $1::uuid and status = 'cancelled'
     returning (select status from generator_export_events where export_id = $1::uuid order by seq desc limit 1) as last_status`,
    [exportId],
  );
  await dropChunks(tx, exportId);
  if (row && row.last_status !== 'cancelled') await insertEvent(tx, exportId, 'cancelled', 'cancelled; partial output removed');
}

// ---- chunks (service role) ---------------------------------------------------------------------

const CHUNK_COLUMNS = `c.export_id::text as export_id, c.chunk_index, c.table_index, c.row_start, c.row_end, c.status, c.lease_owner, c.result_path, c.representation, c.report`;

const toChunk = (row: Row): ChunkRow => ({
  exportId: row.export_id,
  chunkIndex: Number(row.chunk_index),
  tableIndex: Number(row.table_index),
  rowStart: Number(row.row_start),
  rowEnd: Number(row.row_end),
  status: row.status,
  leaseOwner: row.lease_owner,
  resultPath: row.result_path,
  representation: row.representation ?? null,
  report: (typeof row.report === 'string' ? JSON.parse(row.report) : row.report) ?? null,
});

async function dropChunks(tx: Tx, exportId: string): Promise<void> {
  await tx.query(`delete from generator_export_chunks where export_id = $1::uuid`, [exportId]);
}

/** Inserts the planned chunks that are not there yet; returns all of the export's chunks in order. */
export async function ensureChunks(tx: Tx, exportId: string, chunks: ChunkPlan[]): Promise<ChunkRow[]> {
  if (chunks.length) {
    await tx.query(
      `insert into generator_export_chunks (export_id, chunk_index, table_index, row_start, row_end)
       select $1::uuid, c.chunk_index, c.table_index, c.row_start, c.row_end
         from jsonb_to_recordset($2::jsonb) as c(chunk_index int, table_index int, row_start bigint, row_end bigint)
       on conflict (export_id, chunk_index) do nothing`,
      [exportId, JSON.stringify(chunks.map((c) => ({ chunk_index: c.chunkIndex, table_index: c.tableIndex, row_start: c.rowStart, row_end: c.rowEnd })))],
    );
  }
  const rows = await tx.query<Row>(`select ${CHUNK_COLUMNS} from generator_export_chunks c where c.export_id = $1::uuid order by c.chunk_index`, [exportId]);
  return rows.map(toChunk);
}

export async function getChunk(tx: Tx, exportId: string, chunkIndex: number): Promise<ChunkRow | undefined> {
  const [row] = await tx.query<Row>(`select ${CHUNK_COLUMNS} from generator_export_chunks c where c.export_id = $1::uuid and c.chunk_index = $2`, [
    exportId,
    chunkIndex,
  ]);
  return row && toChunk(row);
}

export interface ChunkFilter {
  exportId?: string;
  /** Only this chunk. */
  chunkIndex?: number;
  /** Only chunks from this index on. */
  fromIndex?: number;
  /** An export's last pending chunk first (helpers: the coordinator works forward from the first). */
  lastFirst?: boolean;
}

/** Claims a pending chunk (or one whose lease expired) of a running export, oldest export first. */
export async function claimChunk(tx: Tx, workerId: string, leaseMs: number, filter: ChunkFilter = {}): Promise<ChunkRow | undefined> {
  const [row] = await tx.query<Row>(
    `with candidate as (
       select c.export_id, c.chunk_index from generator_export_chunks c
         join generator_exports e on e.id = c.export_id and e.status = 'running'
        where (c.status = 'pending' or (c.status = 'running' and c.lease_expires_at < now()))
          and ($2::uuid is null or c.export_id = $2::uuid)
          and ($3::int is null or c.chunk_index = $3::int)
          and ($4::int is null or c.chunk_index >= $4::int)
        order by e.created_at, c.export_id, case when $5::boolean then -c.chunk_index else c.chunk_index end
        limit 1
        for update of c skip locked)
     update generator_export_chunks c
        set status = 'running', lease_owner = $1, lease_expires_at = ${lease(leaseMs)}, rows_done = 0, updated_at = now()
       from candidate k
      where c.export_id = k.export_id and c.chunk_index = k.chunk_index
     returning ${CHUNK_COLUMNS}`,
    [workerId, filter.exportId ?? null, filter.chunkIndex ?? null, filter.fromIndex ?? null, filter.lastFirst ?? false],
  );
  return row && toChunk(row);
}

export async function renewChunkLease(tx: Tx, chunk: ChunkRow, workerId: string, leaseMs: number, rowsDone: number): Promise<boolean> {
  const rows = await tx.query(
    `update generator_export_chunks set lease_expires_at = ${lease(leaseMs)}, rows_done = $4, updated_at = now()
      where export_id = $1::uuid and chunk_index = $2 and lease_owner = $3 and status = 'running' returning 1`,
    [chunk.exportId, chunk.chunkIndex, workerId, rowsDone],
  );
  return rows.length > 0;
}

/** Marks a chunk done; `resultPath` null means the coordinator consumed its rows directly. */
export async function finishChunk(
  tx: Tx,
  chunk: ChunkRow,
  workerId: string,
  resultPath: string | null,
  bytes: number,
  representation: ChunkRepresentation | null = null,
  report: unknown = null,
): Promise<boolean> {
  const rows = await tx.query(
    `update generator_export_chunks
        set status = 'done', result_path = $4, bytes = $5, representation = $6, rows_done = row_end - row_start,
            lease_owner = null, lease_expires_at = null, updated_at = now(), report = $7::jsonb
      where export_id = $1::uuid and chunk_index = $2 and lease_owner = $3 and status = 'running' returning 1`,
    [
      chunk.exportId,
      chunk.chunkIndex,
      workerId,
      resultPath,
      bytes,
      resultPath === null ? null : representation,
      resultPath === null || report === null ? null : JSON.stringify(report),
    ],
  );
  return rows.length > 0;
}

/**
 * Rows other workers have made (or are making) in chunks after `afterIndex`, which the coordinator
 * has not reached yet: counted in progress, as helpers start from the last chunk.
 */
export async function rowsMadeAhead(tx: Tx, exportId: string, afterIndex: number): Promise<number> {
  const [row] = await tx.query<Row>(
    `select coalesce(sum(rows_done), 0)::bigint as rows from generator_export_chunks
      where export_id = $1::uuid and chunk_index > $2 and (result_path is not null or status = 'running')`,
    [exportId, afterIndex],
  );
  return Number(row?.rows ?? 0);
}

// ---- sweeping and recovery (service role) ------------------------------------------------------

/** Finished exports whose expires_at is before `now`, soonest expired first. */
export async function expiredExports(tx: Tx, now: Date, limit: number): Promise<{ id: string; ownerId: string }[]> {
  const rows = await tx.query<Row>(
    `select id::text as id, owner_id::text as owner_id from generator_exports
      where expires_at < $1::timestamptz and status not in ('pending', 'running')
      order by expires_at limit $2`,
    [now.toISOString(), limit],
  );
  return rows.map((row) => ({ id: row.id, ownerId: row.owner_id }));
}

/** Owner, stored status (lower case) and result of the exports among `ids` that still exist. */
export async function exportFileStates(tx: Tx, ids: readonly string[]): Promise<{ id: string; ownerId: string; status: string; resultPath: string | null }[]> {
  const rows = await tx.query<Row>(`select id::text as id, owner_id::text as owner_id, status, result_path from generator_exports where id = any($1::uuid[])`, [
    ids,
  ]);
  return rows.map((row) => ({ id: row.id, ownerId: row.owner_id, status: row.status, resultPath: row.result_path }));
}

/** Workers holding a lease on a running export or chunk. */
export async function leaseOwners(tx: Tx): Promise<string[]> {
  const rows = await tx.query<{ owner: string }>(
    `select lease_owner as owner from generator_exports where status = 'running' and lease_owner is not null
     union select lease_owner from generator_export_chunks where status = 'running' and lease_owner is not null`,
  );
  return rows.map((row) => row.owner);
}

/** Moves the running leases of `from` (dead workers) to `to` for five minutes; returns what moved. */
export async function takeOverLeases(tx: Tx, from: string[], to: string) {
  const exports = await tx.query<Row>(
    `update generator_exports set lease_owner = $2, lease_expires_at = now() + interval '5 minutes'
      where status = 'running' and lease_owner = any($1::text[]) returning id::text as id, owner_id::text as owner_id`,
    [from, to],
  );
  const chunks = await tx.query<Row>(
    `update generator_export_chunks c set lease_owner = $2, lease_expires_at = now() + interval '5 minutes'
       from generator_exports e
      where e.id = c.export_id and c.status = 'running' and c.lease_owner = any($1::text[])
     returning c.export_id::text as export_id, c.chunk_index, e.owner_id::text as owner_id`,
    [from, to],
  );
  return {
    exports: exports.map((row) => ({ id: row.id as string, ownerId: row.owner_id as string })),
    chunks: chunks.map((row) => ({ exportId: row.export_id as string, chunkIndex: Number(row.chunk_index), ownerId: row.owner_id as string })),
  };
}

/** Lets every running lease of `owner` expire now, so any worker takes the work over at once. */
export async function expireLeasesOf(tx: Tx, owner: string): Promise<void> {
  await tx.query(`update generator_exports set lease_expires_at = now() where status = 'running' and lease_owner = $1`, [owner]);
  await tx.query(`update generator_export_chunks set lease_expires_at = now() where status = 'running' and lease_owner = $1`, [owner]);
}
