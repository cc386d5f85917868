import { setMaxListeners } from 'node:events';
import { createPubSub } from 'graphql-yoga';
import { inProcessFeed, type ExportFeed, type ExportFeedEvent } from '../realtime/port.js';

/**
 * In-process fan-out for export progress. buildApp bridges the realtime feed (LISTEN/NOTIFY or
 * Supabase Realtime on the export events table) into these topics, so events written by any
 * process arrive here; the API itself only publishes deletions (they leave no event row).
 */
export type ExportTopics = {
  /** A new event of one export. */
  exportEvent: [exportId: string, event: ExportFeedEvent];
  /** One of a user's exports changed (created, progressed, finished, deleted). */
  exportChanged: [ownerId: string, change: { exportId: string }];
};

export type ExportPubSub = ReturnType<typeof createExportPubSub>;

export function createExportPubSub() {
  // exportProgress streams (realtime/streams.ts) read `exportEvent` as a feed routed by export id:
  // a thousand followers of one export are one map entry, not a thousand EventTarget listeners
  const events = inProcessFeed();
  // myExports: one listener per subscription of an owner, and an owner may have many tabs open
  const eventTarget = new EventTarget();
  setMaxListeners(0, eventTarget);
  const changes = createPubSub<Pick<ExportTopics, 'exportChanged'>>({ eventTarget });

  function publish(topic: 'exportEvent', exportId: string, event: ExportFeedEvent): void;
  function publish(topic: 'exportChanged', ownerId: string, change: { exportId: string }): void;
  function publish(topic: keyof ExportTopics, key: string, payload: ExportFeedEvent | { exportId: string }) {
    if (topic === 'exportEvent') events.publish(payload as ExportFeedEvent);
    else changes.publish('exportChanged', key, payload as { exportId: string });
  }
  return {
    publish,
    /** `exportEvent` as an ExportFeed, for exportProgressStream. */
    events: events as ExportFeed,
    subscribe: changes.subscribe,
  };
}
