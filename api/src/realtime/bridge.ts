// Feed → the API's typed yoga PubSub. Structural types only, so realtime does not import the
// GraphQL layer: `app.pubsub` (graphql/pubsub.ts) fits `ExportEventSink` as it is.
import type { ExportFeed, ExportFeedEvent } from './port.js';

export interface ExportEventSink {
  publish(topic: 'exportEvent', exportId: string, event: ExportFeedEvent): void;
  publish(topic: 'exportChanged', ownerId: string, change: { exportId: string }): void;
}

/**
 * Publishes every feed event as `exportEvent` (routed by export id) and `exportChanged` (routed
 * by owner id). Subscribers de-duplicate by seq, so events the API also publishes itself are harmless.
 * Resolves, once live, to a function that stops the bridge.
 */
export async function bridgeFeedToPubSub(feed: ExportFeed, pubsub: ExportEventSink): Promise<() => Promise<void>> {
  return feed.subscribe((event) => {
    pubsub.publish('exportEvent', event.exportId, event);
    pubsub.publish('exportChanged', event.ownerId, { exportId: event.exportId });
  });
}
