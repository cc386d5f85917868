// Feed → subscriber streams for the GraphQL subscriptions. The order that makes the hand-over
// from stored to live events gapless: subscribe to the feed first (buffering), then read the
// stored events, then drain the buffer skipping every seq already replayed. Events of one export
// are inserted while its row is locked, so their seq order is their commit order.
import type { Claims, Database } from '../db/port.js';
import { TERMINAL_STATUSES, toFeedEvent, type ExportFeed, type ExportFeedEvent } from './port.js';

export class ExportNotFoundError extends Error {
  override name = 'NotFoundError';
  readonly what = 'Export';
  constructor(readonly id: string) {
    // the same answer for "does not exist" and "is not yours"
    super(`Export ${id} not found`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A buffer between the feed's push and the stream's pull. */
class Inbox<T> {
  private items: T[] = [];
  private wake?: () => void;
  push(item: T) {
    this.items.push(item);
    this.wake?.();
  }
  async take(): Promise<T> {
    while (this.items.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = undefined;
    return this.items.shift()!;
  }
}

/** May `claims` read this export? Asked under RLS, so sharing rules are the database's. */
async function canRead(db: Database, claims: Claims, exportId: string): Promise<boolean> {
  const rows = await db.asUser(claims, (tx) => tx.query(`select 1 from generator_exports where id = $1::uuid`, [exportId]));
  return rows.length > 0;
}

export const isTerminal = (event: Pick<ExportFeedEvent, 'status'>) => TERMINAL_STATUSES.includes(event.status);

/**
 * Stored events of one export after `afterEventId` (all when null), then live ones; ends after
 * the terminal event. Throws ExportNotFoundError when the caller may not read the export.
 */
export async function* exportProgressStream(
  db: Database,
  feed: ExportFeed,
  claims: Claims,
  exportId: string,
  afterEventId: string | null = null,
): AsyncGenerator<ExportFeedEvent> {
  if (!UUID.test(exportId)) throw new ExportNotFoundError(exportId);
  const inbox = new Inbox<ExportFeedEvent>();
  const unsubscribe = await feed.subscribe((event) => {
    if (event.exportId === exportId) inbox.push(event);
  });
  try {
    let finished = false;
    const stored = await db.asUser(claims, async (tx) => {
      const visible = await tx.query<{ owner_id: string; status: string }>(
        `select owner_id::text as owner_id, status from generator_exports where id = $1::uuid`,
        [exportId],
      );
      if (visible.length === 0) return undefined;
      const ownerId = visible[0].owner_id;
      finished = TERMINAL_STATUSES.includes(visible[0].status.toUpperCase() as ExportFeedEvent['status']);
      const rows = await tx.query(
        `select id::text as id, seq, export_id::text as export_id, status, message, metadata, created_at
           from generator_export_events
          where export_id = $1::uuid
            and seq > coalesce((select seq from generator_export_events where id = $2::uuid and export_id = $1::uuid), 0)
          order by seq`,
        [exportId, afterEventId && UUID.test(afterEventId) ? afterEventId : null],
      );
      return rows.map((row) => toFeedEvent(row, ownerId));
    });
    if (!stored) throw new ExportNotFoundError(exportId);
    let lastSeq = 0;
    if (afterEventId && UUID.test(afterEventId)) {
      const [row] = await db.asUser(claims, (tx) =>
        tx.query<{ seq: string | number }>(`select seq from generator_export_events where id = $1::uuid`, [afterEventId]),
      );
      lastSeq = row ? Number(row.seq) : 0;
    }
    for (const event of stored) {
      lastSeq = event.seq;
      yield event;
      if (isTerminal(event)) return;
    }
    // status and terminal event are written in one transaction: nothing more will come
    if (finished) return;
    for (;;) {
      const event = await inbox.take();
      if (event.seq <= lastSeq) continue;
      // checked again per event: sharing can be withdrawn while the stream is open
      if (event.ownerId !== claims.sub && !(await canRead(db, claims, exportId))) return;
      lastSeq = event.seq;
      yield event;
      if (isTerminal(event)) return;
    }
  } finally {
    await unsubscribe();
  }
}

/** Every live event of the caller's own exports, until the consumer stops. */
export async function* myExportsStream(
  db: Database,
  feed: ExportFeed,
  claims: Claims,
  options: { onLive?: () => void } = {},
): AsyncGenerator<ExportFeedEvent> {
  void db; // the owner check needs no query: the feed carries each export's owner
  const inbox = new Inbox<ExportFeedEvent>();
  const unsubscribe = await feed.subscribe((event) => {
    if (event.ownerId === claims.sub) inbox.push(event);
  });
  options.onLive?.();
  try {
    const lastSeq = new Map<string, number>();
    for (;;) {
      const event = await inbox.take();
      if (event.seq <= (lastSeq.get(event.exportId) ?? 0)) continue;
      lastSeq.set(event.exportId, event.seq);
      if (isTerminal(event)) lastSeq.delete(event.exportId);
      yield event;
    }
  } finally {
    await unsubscribe();
  }
}
