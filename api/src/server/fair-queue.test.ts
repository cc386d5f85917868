import { describe, expect, it } from 'vitest';
import { createFairQueue, QueueRefusal, type FairQueueOptions } from './fair-queue.js';

const options = (overrides: Partial<FairQueueOptions> = {}): FairQueueOptions => ({
  slots: 1,
  perOwnerSlots: 1,
  maxWaiting: 100,
  maxWaitingPerOwner: 100,
  maxWaitMs: 60_000,
  ...overrides,
});

// what became of a task: granted (and released at once) or the reason it was refused
const refusal = (promise: Promise<() => void>) =>
  promise.then(
    (release) => (release(), 'granted'),
    (error) => (error instanceof QueueRefusal ? error.reason : String(error)),
  );

describe('fair queue', () => {
  it('lets owners take turns: a newcomer is served after one task of a flooding owner, not after all of them', async () => {
    const queue = createFairQueue(options());
    const order: string[] = [];
    const take = (owner: string) => queue.acquire(owner).then((release) => (order.push(owner), release));
    const first = await take('flood');
    const flood = Array.from({ length: 10 }, () => take('flood'));
    const other = take('other');
    first();
    for (const pending of [...flood, other]) void pending.then((release) => setImmediate(release));
    await Promise.all([...flood, other]);
    expect(order.indexOf('other')).toBeLessThanOrEqual(2);
    expect(order.filter((o) => o === 'flood')).toHaveLength(11);
  });

  it("refuses an owner's excess only, and gives way for others when every line together is full", async () => {
    const queue = createFairQueue(options({ maxWaiting: 6, maxWaitingPerOwner: 5 }));
    const held = await queue.acquire('flood');
    const flood = Array.from({ length: 8 }, () => refusal(queue.acquire('flood')));
    // the flooder's own line is full: its 6th to 8th are refused for it
    expect(await Promise.all(flood.slice(5))).toEqual(['owner', 'owner', 'owner']);
    const others = ['a', 'b', 'c'].map((owner) => refusal(queue.acquire(owner)));
    // all lines together hold 6: the flooder's newest waiting tasks make room for a, b and c
    held();
    const outcomes = await Promise.all([...flood.slice(0, 5), ...others]);
    expect(outcomes.slice(5)).toEqual(['granted', 'granted', 'granted']);
    expect(outcomes.slice(0, 5).filter((o) => o === 'full').length).toBeGreaterThan(0);
    expect(outcomes.slice(0, 5).every((o) => o === 'full' || o === 'granted')).toBe(true);
  });

  it('refuses a task that waited longer than the wait limit, and serves the ones behind it', async () => {
    const queue = createFairQueue(options({ maxWaitMs: 50 }));
    const held = await queue.acquire('a');
    const late = refusal(queue.acquire('b'));
    expect(await late).toBe('wait');
    expect(queue.waiting).toBe(0);
    const next = queue.acquire('c');
    held();
    (await next)();
    expect(queue.holding).toBe(0);
  });

  it('keeps one owner within its slots while others wait, and uses every slot when they do not', async () => {
    const queue = createFairQueue(options({ slots: 3, perOwnerSlots: 2 }));
    const a1 = await queue.acquire('a');
    await queue.acquire('a');
    let third = false;
    void queue.acquire('a').then(() => (third = true));
    await queue.acquire('b');
    expect(queue.holding).toBe(3);
    expect(third).toBe(false);
    a1();
    await new Promise((resolve) => setImmediate(resolve));
    expect(third).toBe(true);
  });

  it('a release called twice frees one slot', async () => {
    const queue = createFairQueue(options({ slots: 2, perOwnerSlots: 2 }));
    const release = await queue.acquire('a');
    await queue.acquire('a');
    release();
    release();
    expect(queue.holding).toBe(1);
  });
});
