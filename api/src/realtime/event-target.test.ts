import { expect, it } from 'vitest';
import { feedEventTarget } from './event-target.js';
import { fanOutFeed, type ExportEventListener, type ExportFeedEvent } from './port.js';

/** A feed whose events the test emits; counts its upstream connections and routes. */
function testFeed() {
  const state = { emit: (() => undefined) as ExportEventListener, connected: 0, subscriptions: 0 };
  const inner = fanOutFeed(async (emit) => {
    state.emit = emit;
    state.connected++;
    return async () => {
      state.connected--;
    };
  });
  const feed = {
    ...inner,
    async subscribe(...args: Parameters<typeof inner.subscribe>) {
      state.subscriptions++;
      const stop = await inner.subscribe(...args);
      return async () => {
        state.subscriptions--;
        await stop();
      };
    },
  };
  return { feed, state };
}

let seq = 0;
const event = (exportId: string, ownerId: string): ExportFeedEvent => ({
  id: `event-${++seq}`,
  seq,
  exportId,
  ownerId,
  status: 'RUNNING',
  message: null,
  metadata: {},
  createdAt: new Date(),
});

it('routes feed events to the listeners of their export and owner topics, one event object for all of a topic', async () => {
  const { feed, state } = testFeed();
  const target = feedEventTarget(feed);
  await target.open();
  const seen: { who: string; detail: unknown }[] = [];
  const listen = (who: string) => (e: CustomEvent) => seen.push({ who, detail: e.detail });
  target.addEventListener('exportEvent:e1', listen('a'));
  target.addEventListener('exportEvent:e1', listen('b'));
  target.addEventListener('exportEvent:e2', listen('c'));
  target.addEventListener('exportChanged:alice', listen('d'));
  await target.live('exportEvent:e1');
  await target.live('exportChanged:alice');
  // the kept-open subscription, and one per topic however many listeners it has
  expect(state.subscriptions).toBe(4);
  const first = event('e1', 'alice');
  state.emit(first);
  expect(seen).toEqual([
    { who: 'a', detail: first },
    { who: 'b', detail: first },
    { who: 'd', detail: { exportId: 'e1' } },
  ]);
  expect(seen[0].detail).toBe(seen[1].detail);
  await target.close();
  expect(state.connected).toBe(0);
});

it('delivers what is dispatched here (a deletion) to this process listeners of the topic only', async () => {
  const { feed } = testFeed();
  const target = feedEventTarget(feed);
  await target.open();
  const alice: unknown[] = [];
  const bob: unknown[] = [];
  target.addEventListener('exportChanged:alice', (e) => alice.push(e.detail));
  target.addEventListener('exportChanged:bob', (e) => bob.push(e.detail));
  target.dispatchEvent(new CustomEvent('exportChanged:alice', { detail: { exportId: 'gone' } }));
  expect(alice).toEqual([{ exportId: 'gone' }]);
  expect(bob).toEqual([]);
  await target.close();
});

it("ends a topic's feed subscription with its last listener, and keeps the feed connected while open", async () => {
  const { feed, state } = testFeed();
  const target = feedEventTarget(feed);
  await target.open();
  const one = () => undefined;
  const two = () => undefined;
  target.addEventListener('exportEvent:e1', one);
  target.addEventListener('exportEvent:e1', two);
  await target.live('exportEvent:e1');
  expect(state.subscriptions).toBe(2);
  target.removeEventListener('exportEvent:e1', one);
  await new Promise((resolve) => setImmediate(resolve));
  expect(state.subscriptions).toBe(2);
  target.removeEventListener('exportEvent:e1', two);
  await new Promise((resolve) => setImmediate(resolve));
  expect(state.subscriptions).toBe(1);
  expect(state.connected).toBe(1);
  await target.close();
  expect(state.connected).toBe(0);
});

it('refuses a topic it cannot route', () => {
  const target = feedEventTarget(testFeed().feed);
  expect(() => target.addEventListener('somethingElse:1', () => undefined)).toThrow(/no topic somethingElse:1/);
});
