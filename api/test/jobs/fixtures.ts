// Users, exports and events made directly in the database (service role), for the jobs and
// realtime suites. The export row is what startExport writes: `pending` plus a first event.
import type { ExportStatus } from '../../src/exports/model.js';
import { insertEvent as storeEvent } from '../../src/exports/store.js';
import { randomUUID } from 'node:crypto';
import type { Claims, Database } from '../../src/db/port.js';

export const claimsOf = (userId: string): Claims => ({ sub: userId, role: 'authenticated', aud: 'authenticated' });

export async function createUser(db: Database, name = 'user'): Promise<string> {
  const id = randomUUID();
  await db.asService((tx) => tx.query(`insert into auth.users (id, email) values ($1::uuid, $2)`, [id, `${name}-${id.slice(0, 8)}@example.com`]));
  return id;
}

/** A definition in the engine's format: one table, or customers → orders when `orders` is set. */
export function definition(rows: number, orders = 0) {
  return {
    version: 1,
    tables: [
      {
        name: 'customers',
        rows,
        fields: [
          { name: 'id', type: 'string.uuid' },
          { name: 'n', type: 'sequence', options: { start: 1, step: 1 } },
          { name: 'email', type: 'internet.email' },
          { name: 'joined', type: 'date.past' },
        ],
      },
      ...(orders
        ? [
            {
              name: 'orders',
              rows: orders,
              fields: [
                { name: 'id', type: 'string.uuid' },
                { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id' } },
                { name: 'total', type: 'number.int', options: { min: 1, max: 500 } },
              ],
            },
          ]
        : []),
    ],
  };
}

export interface ExportSpec {
  definition: unknown;
  format?: string;
  options?: Record<string, unknown>;
  seed?: string;
  rowCount?: number;
}

export async function createExport(db: Database, ownerId: string, spec: ExportSpec): Promise<string> {
  const format = spec.format ?? 'csv';
  const seed = spec.seed ?? 'seed-1';
  const tables = (spec.definition as { tables?: { rows?: number }[] }).tables ?? [];
  const rowCount =
    spec.rowCount ??
    Math.max(
      1,
      tables.reduce((sum, t) => sum + (t.rows ?? 0), 0),
    );
  const payload = { definition: spec.definition, format, options: spec.options ?? {}, seed, ...(spec.rowCount ? { rowCount } : {}) };
  return db.asService(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `insert into generator_exports (owner_id, format, row_count, status, seed, job_payload, expires_at)
       values ($1::uuid, $2, $3, 'pending', $4, $5::jsonb, now() + interval '7 days') returning id::text as id`,
      [ownerId, format, rowCount, seed, JSON.stringify(payload)],
    );
    await storeEvent(tx, row.id, 'pending', 'queued');
    return row.id;
  });
}

export async function insertEvent(db: Database, exportId: string, status: string, metadata: unknown = {}): Promise<{ id: string; seq: number }> {
  return db.asService(async (tx) => {
    await tx.query(`update generator_exports set updated_at = now() where id = $1::uuid`, [exportId]);
    const event = await storeEvent(tx, exportId, status as ExportStatus, `${status} event`, metadata);
    return { id: event.id, seq: event.seq };
  });
}

export async function exportRow(db: Database, exportId: string) {
  const [row] = await db.asService((tx) => tx.query<Record<string, any>>(`select *, id::text as id from generator_exports where id = $1::uuid`, [exportId]));
  return row;
}

export async function eventsOf(db: Database, exportId: string) {
  return db.asService((tx) =>
    tx.query<{ id: string; seq: string | number; status: string; metadata: any; created_at: string }>(
      `select id::text as id, seq, status, metadata, created_at from generator_export_events where export_id = $1::uuid order by seq`,
      [exportId],
    ),
  );
}

/** Waits for the first event of `exportId` that `match` accepts (read from the live feed is the subject elsewhere; this polls the table). */
export async function waitForStatus(db: Database, exportId: string, statuses: string[], timeoutMs = 60_000): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await exportRow(db, exportId);
    if (statuses.includes(row.status)) return row;
    if (Date.now() > deadline) throw new Error(`export ${exportId} still ${row.status} after ${timeoutMs} ms (waiting for ${statuses.join('/')})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
