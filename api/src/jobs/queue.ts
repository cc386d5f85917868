// The job queue is generator_exports itself plus generator_export_chunks: a worker claims a row
// with `FOR UPDATE SKIP LOCKED`, holds it with a lease (lease_owner, lease_expires_at) that a
// heartbeat renews, and anyone may take over a row whose lease has expired. This works the same
// on PGlite and PostgreSQL 15 and needs no queue schema of its own. Every event insert happens
// after an UPDATE of its export row in the same transaction, so events of one export are
// serialised by that row lock and their seq order is their commit order.
import type { Database, Tx } from '../db/port.js';
import { insertEvent } from '../exports/store.js';

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

export interface ChunkRow {
  exportId: string;
  chunkIndex: number;
  tableIndex: number;
  rowStart: number;
  rowEnd: number;
  status: 'pending' | 'running' | 'done';
  leaseOwner: string | null;
  resultPath: string | null;
  /** What the chunk file holds: formatted bytes, or row batches (null: a file from before the column, so row batches). */
  representation: ChunkRepresentation | null;
}

export type ChunkRepresentation = 'rows' | 'bytes';

export interface ChunkPlan {
  chunkIndex: number;
  tableIndex: number;
  rowStart: number;
  rowEnd: number;
}

type Row = Record<string, any>;

const lease = (ms: number) => `now() + make_interval(secs => ${Number(ms) / 1000})`;

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
});

const CHUNK_COLUMNS = `c.export_id::text as export_id, c.chunk_index, c.table_index, c.row_start, c.row_end, c.status, c.lease_owner, c.result_path, c.representation`;


/** Claims the oldest pending export, or a running one whose lease expired, and records `running`. */
export async function claimExport(db: Database, workerId: string, leaseMs: number): Promise<ClaimedExport | undefined> {
  return db.asService(async (tx) => {
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
  });
}

export type LeaseState = 'held' | 'cancelled' | 'lost';

/** Renews the export lease; tells whether the export was cancelled or taken over meanwhile. */
export async function renewExportLease(db: Database, exportId: string, workerId: string, leaseMs: number): Promise<LeaseState> {
  return db.asService(async (tx) => {
    const renewed = await tx.query(
      `update generator_exports set lease_expires_at = ${lease(leaseMs)}
        where id = $1::uuid and status = 'running' and lease_owner = $2 returning id`,
      [exportId, workerId],
    );
    if (renewed.length) return 'held';
    const [row] = await tx.query<Row>(`select status from generator_exports where id = $1::uuid`, [exportId]);
    return !row || row.status === 'cancelled' ? 'cancelled' : 'lost';
  });
}

/** The export's status as a chunk worker sees it. */
export async function exportStatus(db: Database, exportId: string): Promise<string | undefined> {
  const [row] = await db.asService((tx) => tx.query<Row>(`select status from generator_exports where id = $1::uuid`, [exportId]));
  return row?.status;
}

/** Progress of a running export: updates rows_done and writes the event, unless the lease is gone. */
export async function recordProgress(db: Database, exportId: string, workerId: string, metadata: { rowsDone: number; rowsTotal: number; rowsPerSecond: number; etaSeconds: number | null }): Promise<boolean> {
  return db.asService(async (tx) => {
    const held = await tx.query(
      `update generator_exports set rows_done = $3, updated_at = now()
        where id = $1::uuid and status = 'running' and lease_owner = $2 returning id`,
      [exportId, workerId, metadata.rowsDone],
    );
    if (!held.length) return false;
    await insertEvent(tx, exportId, 'running', `${metadata.rowsDone} of ${metadata.rowsTotal} rows`, metadata);
    return true;
  });
}

/**
 * Rows other workers have made (or are making) in chunks after `afterIndex`, which the coordinator
 * has not reached yet: counted in progress, as helpers start from the last chunk.
 */
export async function rowsMadeAhead(db: Database, exportId: string, afterIndex: number): Promise<number> {
  const [row] = await db.asService((tx) =>
    tx.query<Row>(
      `select coalesce(sum(rows_done), 0)::bigint as rows from generator_export_chunks
        where export_id = $1::uuid and chunk_index > $2 and (result_path is not null or status = 'running')`,
      [exportId, afterIndex],
    ),
  );
  return Number(row?.rows ?? 0);
}

export async function completeExport(db: Database, exportId: string, workerId: string, result: { path: string; bytes: number; rows: number; seconds: number }): Promise<boolean> {
  return db.asService(async (tx) => {
    const done = await tx.query(
      `update generator_exports
          set status = 'succeeded', result_path = $3, rows_done = $4, completed_at = now(), updated_at = now(),
              lease_owner = null, lease_expires_at = null, error_details = null
        where id = $1::uuid and status = 'running' and lease_owner = $2 returning id`,
      [exportId, workerId, result.path, result.rows],
    );
    if (!done.length) return false;
    await tx.query(`delete from generator_export_chunks where export_id = $1::uuid`, [exportId]);
    await insertEvent(tx, exportId, 'succeeded', `${result.rows} rows exported`, {
      rowsDone: result.rows,
      rowsTotal: result.rows,
      bytes: result.bytes,
      resultPath: result.path,
      seconds: result.seconds,
    });
    return true;
  });
}

export async function failExport(db: Database, exportId: string, workerId: string, error: { message: string; code: string }): Promise<boolean> {
  return db.asService(async (tx) => {
    const done = await tx.query(
      `update generator_exports
          set status = 'failed', error_details = $3::jsonb, completed_at = now(), updated_at = now(),
              lease_owner = null, lease_expires_at = null
        where id = $1::uuid and status = 'running' and lease_owner = $2 returning id`,
      [exportId, workerId, JSON.stringify(error)],
    );
    if (!done.length) return false;
    await tx.query(`delete from generator_export_chunks where export_id = $1::uuid`, [exportId]);
    await insertEvent(tx, exportId, 'failed', error.message, { error });
    return true;
  });
}

/**
 * After a cancel: drops the chunk rows, and writes the terminal `cancelled` event unless the
 * cancel itself already did (the last event must be the terminal one, written once).
 */
export async function settleCancelled(db: Database, exportId: string): Promise<void> {
  await db.asService(async (tx) => {
    const [row] = await tx.query<Row>(
      `update generator_exports set lease_owner = null, lease_expires_at = null,
              completed_at = coalesce(completed_at, now()), updated_at = now()
        where id = $1::uuid and status = 'cancelled'
       returning (select status from generator_export_events where export_id = $1::uuid order by seq desc limit 1) as last_status`,
      [exportId],
    );
    await tx.query(`delete from generator_export_chunks where export_id = $1::uuid`, [exportId]);
    if (row && row.last_status !== 'cancelled') await insertEvent(tx, exportId, 'cancelled', 'cancelled; partial output removed');
  });
}

export async function ensureChunks(db: Database, exportId: string, chunks: ChunkPlan[]): Promise<ChunkRow[]> {
  return db.asService(async (tx) => {
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
  });
}

export async function getChunk(db: Database, exportId: string, chunkIndex: number): Promise<ChunkRow | undefined> {
  const [row] = await db.asService((tx) =>
    tx.query<Row>(`select ${CHUNK_COLUMNS} from generator_export_chunks c where c.export_id = $1::uuid and c.chunk_index = $2`, [exportId, chunkIndex]),
  );
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
export async function claimChunk(db: Database, workerId: string, leaseMs: number, filter: ChunkFilter = {}): Promise<ChunkRow | undefined> {
  const [row] = await db.asService((tx) =>
    tx.query<Row>(
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
    ),
  );
  return row && toChunk(row);
}

export async function renewChunkLease(db: Database, chunk: ChunkRow, workerId: string, leaseMs: number, rowsDone: number): Promise<boolean> {
  const rows = await db.asService((tx) =>
    tx.query(
      `update generator_export_chunks set lease_expires_at = ${lease(leaseMs)}, rows_done = $4, updated_at = now()
        where export_id = $1::uuid and chunk_index = $2 and lease_owner = $3 and status = 'running' returning 1`,
      [chunk.exportId, chunk.chunkIndex, workerId, rowsDone],
    ),
  );
  return rows.length > 0;
}

/** Marks a chunk done; `resultPath` null means the coordinator consumed its rows directly. */
export async function finishChunk(
  db: Database,
  chunk: ChunkRow,
  workerId: string,
  resultPath: string | null,
  bytes: number,
  representation: ChunkRepresentation | null = null,
): Promise<boolean> {
  const rows = await db.asService((tx) =>
    tx.query(
      `update generator_export_chunks
          set status = 'done', result_path = $4, bytes = $5, representation = $6, rows_done = row_end - row_start,
              lease_owner = null, lease_expires_at = null, updated_at = now()
        where export_id = $1::uuid and chunk_index = $2 and lease_owner = $3 and status = 'running' returning 1`,
      [chunk.exportId, chunk.chunkIndex, workerId, resultPath, bytes, resultPath === null ? null : representation],
    ),
  );
  return rows.length > 0;
}
