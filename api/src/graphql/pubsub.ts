// The API's one pubsub for export progress: graphql-yoga's createPubSub with the export feed as its
// event target (realtime/event-target.ts), routed by export (`exportEvent`) and by owner
// (`exportChanged`). Events written by any process (API, workers, database functions) reach it
// through the feed — LISTEN/NOTIFY or Supabase Realtime, see realtime/open.ts; the API itself
// publishes only deletions, which leave no event row.
import { createPubSub, type PubSub } from 'graphql-yoga';
import { feedEventTarget, type FeedEventTarget } from '../realtime/event-target.js';
import type { ExportFeed, ExportFeedEvent } from '../realtime/port.js';

export type ExportTopics = {
  /** A new event of one export. */
  exportEvent: [exportId: string, event: ExportFeedEvent];
  /** One of a user's exports changed (created, progressed, finished, deleted). */
  exportChanged: [ownerId: string, change: { exportId: string }];
};

export interface ExportPubSub extends PubSub<ExportTopics> {
  /**
   * The `exportEvent` topics as a feed that resolves once live, for exportProgressStream
   * (realtime/streams.ts): it replays stored events once the live ones are held for it.
   */
  events: ExportFeed;
  /** Connects the feed; once resolved, every event committed afterwards reaches subscribers. */
  open(): Promise<void>;
  close(): Promise<void>;
}

export function createExportPubSub(feed: ExportFeed): ExportPubSub {
  const eventTarget = feedEventTarget(feed);
  const { publish, subscribe } = createPubSub<ExportTopics>({ eventTarget: eventTarget as unknown as EventTarget });
  return { publish, subscribe, events: exportEvents(eventTarget), open: () => eventTarget.open(), close: () => eventTarget.close() };
}

/** The pubsub's `exportEvent:<exportId>` topics as an ExportFeed routed by export. */
function exportEvents(target: FeedEventTarget): ExportFeed {
  return {
    async subscribe(onEvent, route) {
      if (!route || !('exportId' in route)) throw new TypeError('export pubsub: its events are followed one export at a time');
      const type = `exportEvent:${route.exportId}`;
      const listener = (event: CustomEvent) => onEvent(event.detail as ExportFeedEvent);
      target.addEventListener(type, listener);
      try {
        await target.live(type);
      } catch (error) {
        target.removeEventListener(type, listener);
        throw error;
      }
      return async () => target.removeEventListener(type, listener);
    },
    // the feed is the app's to close (pubsub.close)
    async close() {},
  };
}
