// The live feed of export events. Two adapters: LISTEN/NOTIFY on the `generator_export_events`
// trigger (PGlite, plain PostgreSQL) and Supabase Realtime `postgres_changes`. Both fan one
// upstream connection out to any number of in-process subscribers.

export type ExportStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
export const TERMINAL_STATUSES: readonly ExportStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

/** One row of generator_export_events, plus the owner of its export (same shape as the API's ExportEventRow). */
export interface ExportFeedEvent {
  id: string;
  seq: number;
  exportId: string;
  ownerId: string;
  status: ExportStatus;
  message: string | null;
  metadata: unknown;
  createdAt: Date;
}

export type ExportEventListener = (event: ExportFeedEvent) => void;

export interface ExportFeed {
  /** Resolves once the subscription is live: every event committed afterwards is delivered. */
  subscribe(onEvent: ExportEventListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

type Row = Record<string, unknown>;

/** Reads an event row in snake_case (SQL, trigger payload, Realtime record) into the feed shape. */
export function toFeedEvent(row: Row, ownerId?: string): ExportFeedEvent {
  return {
    id: String(row.id),
    seq: Number(row.seq),
    exportId: String(row.export_id),
    ownerId: String(ownerId ?? row.owner_id),
    status: String(row.status).toUpperCase() as ExportStatus,
    message: (row.message as string | null) ?? null,
    metadata: typeof row.metadata === 'string' ? JSON.parse(row.metadata) : (row.metadata ?? {}),
    createdAt: new Date(row.created_at as string),
  };
}

/**
 * Shares one upstream connection among subscribers: connects on the first subscribe, disconnects
 * after the last unsubscribe. A listener that throws does not stop the others.
 */
export function fanOutFeed(connect: (emit: ExportEventListener) => Promise<() => Promise<void>>): ExportFeed {
  const listeners = new Set<ExportEventListener>();
  let upstream: Promise<() => Promise<void>> | undefined;
  const emit: ExportEventListener = (event) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('export feed listener failed', error);
      }
    }
  };
  async function disconnect() {
    const current = upstream;
    upstream = undefined;
    if (current) await (await current.catch(() => async () => {}))();
  }
  return {
    async subscribe(onEvent) {
      const listener: ExportEventListener = (event) => onEvent(event);
      listeners.add(listener);
      try {
        upstream ??= connect(emit);
        await upstream;
      } catch (error) {
        listeners.delete(listener);
        upstream = undefined;
        throw error;
      }
      return async () => {
        if (!listeners.delete(listener)) return;
        if (listeners.size === 0) await disconnect();
      };
    },
    async close() {
      listeners.clear();
      await disconnect();
    },
  };
}
