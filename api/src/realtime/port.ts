// The live feed of export events. Two adapters: LISTEN/NOTIFY on the export events table's insert
// trigger (PGlite, plain PostgreSQL) and Supabase Realtime `postgres_changes`. Both fan one
// upstream connection out to any number of in-process subscribers, routed by export or owner.

import type { ExportFeedEvent, ExportStatus } from '../exports/model.js';
export { TERMINAL_STATUSES, type ExportFeedEvent, type ExportStatus } from '../exports/model.js';

export type ExportEventListener = (event: ExportFeedEvent) => void;

/** Which events a listener wants: one export's, one owner's, or (no route) all. */
export type FeedRoute = { exportId: string } | { ownerId: string };

export interface ExportFeed {
  /** Resolves once the subscription is live: every event committed afterwards is delivered. */
  subscribe(onEvent: ExportEventListener, route?: FeedRoute): Promise<() => Promise<void>>;
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
 * Listeners by route, so an event costs one map lookup and a call per listener that wants it:
 * a thousand subscribers of one export do not slow the delivery of another export's events.
 */
class Routes {
  private readonly all = new Set<ExportEventListener>();
  private readonly byExport = new Map<string, Set<ExportEventListener>>();
  private readonly byOwner = new Map<string, Set<ExportEventListener>>();
  size = 0;

  private setOf(route: FeedRoute | undefined, create: boolean): Set<ExportEventListener> | undefined {
    if (!route) return this.all;
    const [map, key] = 'exportId' in route ? [this.byExport, route.exportId] : [this.byOwner, route.ownerId];
    let set = map.get(key);
    if (!set && create) map.set(key, (set = new Set()));
    return set;
  }

  add(listener: ExportEventListener, route?: FeedRoute) {
    this.setOf(route, true)!.add(listener);
    this.size++;
  }

  delete(listener: ExportEventListener, route?: FeedRoute): boolean {
    const set = this.setOf(route, false);
    if (!set?.delete(listener)) return false;
    this.size--;
    if (route && set.size === 0) {
      if ('exportId' in route) this.byExport.delete(route.exportId);
      else this.byOwner.delete(route.ownerId);
    }
    return true;
  }

  clear() {
    this.all.clear();
    this.byExport.clear();
    this.byOwner.clear();
    this.size = 0;
  }

  /** A listener that throws does not stop the others. */
  emit(event: ExportFeedEvent) {
    for (const set of [this.all, this.byExport.get(event.exportId), this.byOwner.get(event.ownerId)]) {
      if (!set || set.size === 0) continue;
      // a copy: listeners may subscribe or unsubscribe while being called
      for (const listener of [...set]) {
        try {
          listener(event);
        } catch (error) {
          console.error('export feed listener failed', error);
        }
      }
    }
  }
}

/**
 * Shares one upstream connection among subscribers: connects on the first subscribe, disconnects
 * after the last unsubscribe.
 */
export function fanOutFeed(connect: (emit: ExportEventListener) => Promise<() => Promise<void>>): ExportFeed {
  const routes = new Routes();
  let upstream: Promise<() => Promise<void>> | undefined;
  const emit: ExportEventListener = (event) => routes.emit(event);
  async function disconnect() {
    const current = upstream;
    upstream = undefined;
    if (current) await (await current.catch(() => async () => {}))();
  }
  return {
    async subscribe(onEvent, route) {
      // wrapped, so the same function may be subscribed twice and unsubscribed once
      const listener: ExportEventListener = (event) => onEvent(event);
      routes.add(listener, route);
      try {
        upstream ??= connect(emit);
        await upstream;
      } catch (error) {
        routes.delete(listener, route);
        upstream = undefined;
        throw error;
      }
      return async () => {
        if (!routes.delete(listener, route)) return;
        if (routes.size === 0) await disconnect();
      };
    },
    async close() {
      routes.clear();
      await disconnect();
    },
  };
}
