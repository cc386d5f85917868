// The export feed as the transport of the API's pubsub: graphql-yoga's createPubSub({ eventTarget })
// over this event target, as its Redis event target does over Redis. A listener of
// `exportEvent:<exportId>` or `exportChanged:<ownerId>` (createPubSub's `topic:id`) is one feed
// subscription routed by that export or owner, shared by every listener of the topic, so one feed
// connection serves all subscribers and an event costs a lookup per route, not a call per listener.
// dispatchEvent (the pubsub's publish) reaches this process's listeners only: what the API
// publishes itself, a deletion, leaves no event row to travel through the database.
import type { ExportFeed, ExportFeedEvent, FeedRoute } from './port.js';

type Listener = ((event: CustomEvent) => void) | { handleEvent(event: CustomEvent): void };

interface Topic {
  listeners: Set<Listener>;
  /** The topic's feed subscription: resolves, once live, to its unsubscribe. */
  live: Promise<() => Promise<void>>;
}

export interface FeedEventTarget {
  addEventListener(type: string, listener: Listener | null): void;
  removeEventListener(type: string, listener: Listener | null): void;
  dispatchEvent(event: Event): boolean;
  /** Resolves once events of topic `type` flow (its feed subscription is live); rejects if it failed. */
  live(type: string): Promise<void>;
  /** Connects the feed now and keeps it connected, so a listener added later hears events at once. */
  open(): Promise<void>;
  close(): Promise<void>;
}

/** A topic's feed route, and what its listeners get of each feed event. */
function routeOf(type: string): { route: FeedRoute; detail(event: ExportFeedEvent): unknown } {
  const colon = type.indexOf(':');
  const [name, key] = [type.slice(0, colon), type.slice(colon + 1)];
  if (name === 'exportEvent' && key) return { route: { exportId: key }, detail: (event) => event };
  if (name === 'exportChanged' && key) return { route: { ownerId: key }, detail: (event) => ({ exportId: event.exportId }) };
  throw new TypeError(`export pubsub: no topic ${type} (exportEvent:<exportId> or exportChanged:<ownerId>)`);
}

const stopWhenLive = (live: Promise<() => Promise<void>> | undefined) => live?.then((stop) => stop()).catch(() => undefined);

export function feedEventTarget(feed: ExportFeed): FeedEventTarget {
  const topics = new Map<string, Topic>();
  let keptOpen: Promise<() => Promise<void>> | undefined;

  /** One event object for every listener of the topic (the shared-execution plugin keys on it). */
  function deliver(type: string, detail: unknown) {
    const topic = topics.get(type);
    if (!topic) return;
    const event = new CustomEvent(type, { detail });
    for (const listener of [...topic.listeners]) {
      try {
        if (typeof listener === 'function') listener(event);
        else listener.handleEvent(event);
      } catch (error) {
        console.error('export pubsub listener failed', error);
      }
    }
  }

  function subscribe(type: string): Topic {
    const { route, detail } = routeOf(type);
    const topic: Topic = { listeners: new Set(), live: feed.subscribe((event) => deliver(type, detail(event)), route) };
    topic.live.catch((error: unknown) => {
      console.error(`export pubsub: following ${type} failed`, error);
      if (topics.get(type) === topic) topics.delete(type);
    });
    return topic;
  }

  return {
    addEventListener(type, listener) {
      if (!listener) return;
      let topic = topics.get(type);
      if (!topic) topics.set(type, (topic = subscribe(type)));
      topic.listeners.add(listener);
    },
    removeEventListener(type, listener) {
      const topic = topics.get(type);
      if (!listener || !topic?.listeners.delete(listener) || topic.listeners.size > 0) return;
      topics.delete(type);
      void stopWhenLive(topic.live);
    },
    dispatchEvent(event) {
      deliver(event.type, (event as CustomEvent).detail);
      return true;
    },
    async live(type) {
      await topics.get(type)?.live;
    },
    async open() {
      keptOpen ??= feed.subscribe(() => undefined);
      await keptOpen;
    },
    async close() {
      const subscriptions = [keptOpen, ...[...topics.values()].map((topic) => topic.live)];
      keptOpen = undefined;
      topics.clear();
      await Promise.all(subscriptions.map(stopWhenLive));
    },
  };
}
