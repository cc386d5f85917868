import { expect, it } from 'vitest';
import { fanOutFeed, type ExportEventListener, type ExportFeedEvent } from '../realtime/port.js';
import { createExportPubSub } from './pubsub.js';

function testFeed() {
  const upstream = { emit: (() => undefined) as ExportEventListener };
  const feed = fanOutFeed(async (emit) => {
    upstream.emit = emit;
    return async () => undefined;
  });
  return { feed, upstream };
}

const event = (seq: number): ExportFeedEvent => ({
  id: `ev-${seq}`,
  seq,
  exportId: 'e1',
  ownerId: 'alice',
  status: 'RUNNING',
  message: null,
  metadata: {},
  createdAt: new Date(),
});

it("myExports' topic hears the feed's events of the owner's exports and the API's own deletions", async () => {
  const { feed, upstream } = testFeed();
  const pubsub = createExportPubSub(feed);
  await pubsub.open();
  const changes = pubsub.subscribe('exportChanged', 'alice');
  const first = changes.next();
  // the Repeater subscribes on its first next(); the feed is already connected, so it is live at once
  upstream.emit(event(1));
  expect((await first).value).toEqual({ exportId: 'e1' });
  const second = changes.next();
  pubsub.publish('exportChanged', 'alice', { exportId: 'deleted' });
  expect((await second).value).toEqual({ exportId: 'deleted' });
  await changes.return(undefined);
  await pubsub.close();
});

it("`events` is a feed of one export's events that resolves once live", async () => {
  const { feed, upstream } = testFeed();
  const pubsub = createExportPubSub(feed);
  await pubsub.open();
  const seen: ExportFeedEvent[] = [];
  const stop = await pubsub.events.subscribe((e) => seen.push(e), { exportId: 'e1' });
  upstream.emit(event(1));
  upstream.emit({ ...event(2), exportId: 'e2' });
  pubsub.publish('exportEvent', 'e1', event(3));
  expect(seen.map((e) => e.seq)).toEqual([1, 3]);
  await stop();
  upstream.emit(event(4));
  expect(seen.map((e) => e.seq)).toEqual([1, 3]);
  await expect(pubsub.events.subscribe(() => undefined, { ownerId: 'alice' })).rejects.toThrow(/one export at a time/);
  await pubsub.close();
});
