// SQL on the export tables. So far: the progress events (generator_export_events), written by the
// API (pending) and the workers (running, succeeded, failed, cancelled) through one insertEvent.
import type { Tx } from '../db/port.js';
import type { ExportEventRow, ExportStatus } from './model.js';

type Row = Record<string, any>;

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
export async function insertEvent(tx: Tx, exportId: string, status: ExportStatus | Lowercase<ExportStatus>, message: string, metadata: unknown = {}): Promise<ExportEventRow> {
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
