import { describe, expect, it } from 'vitest';
import { createSessionCheck, type SessionLookup } from './session-check.js';

const A = '0b5a4c1e-8d4e-4f8e-9b7a-3c2d1e0f9a8b';
const B = '6f1c8f8e-7a4e-4a57-9a53-2d0f6d1f6a11';
const USER = 'a1a1a1a1-0000-4000-8000-000000000001';

/** sessions as a table would hold them, counting the lookups that reach it */
function table(rows: Record<string, string>) {
  const lookup: SessionLookup & { calls: number } = {
    calls: 0,
    async isLive(sessionId, userId) {
      lookup.calls++;
      return rows[sessionId] === userId;
    },
  };
  return lookup;
}

function clock() {
  let at = 0;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

describe('session check cache', () => {
  it('answers from the cache within the window and asks again after it', async () => {
    const rows: Record<string, string> = { [A]: USER };
    const lookup = table(rows);
    const time = clock();
    const check = createSessionCheck({ lookup, ttlSeconds: 5, now: time.now });
    expect(await check.isLive(A, USER)).toBe(true);
    expect(await check.isLive(A, USER)).toBe(true);
    expect(lookup.calls).toBe(1);
    delete rows[A]; // ended by another process
    time.advance(4999);
    expect(await check.isLive(A, USER)).toBe(true);
    time.advance(1);
    expect(await check.isLive(A, USER)).toBe(false);
    expect(lookup.calls).toBe(2);
  });

  it('refuses a session ended in this process at once, even while a lookup is in flight', async () => {
    const rows: Record<string, string> = { [A]: USER, [B]: USER };
    const lookup = table(rows);
    const check = createSessionCheck({ lookup, ttlSeconds: 60 });
    expect(await check.isLive(A, USER)).toBe(true);
    const inFlight = check.isLive(B, USER);
    check.ended([A, B]);
    expect(await check.isLive(A, USER)).toBe(false);
    expect(await inFlight).toBe(false);
    expect(await check.isLive(B, USER)).toBe(false);
  });

  it("refuses another user's session and ids that are not UUIDs without a lookup", async () => {
    const lookup = table({ [A]: USER });
    const check = createSessionCheck({ lookup, ttlSeconds: 60 });
    expect(await check.isLive(A, 'someone-else')).toBe(false);
    expect(await check.isLive(A, USER)).toBe(true);
    expect(await check.isLive(A, 'someone-else')).toBe(false);
    const calls = lookup.calls;
    expect(await check.isLive("x' or 1=1 --", USER)).toBe(false);
    expect(lookup.calls).toBe(calls);
  });

  it('shares one lookup between concurrent requests, and asks every time with a window of 0', async () => {
    const lookup = table({ [A]: USER });
    const cached = createSessionCheck({ lookup, ttlSeconds: 5 });
    await Promise.all(Array.from({ length: 20 }, () => cached.isLive(A, USER)));
    expect(lookup.calls).toBe(1);
    const uncached = createSessionCheck({ lookup, ttlSeconds: 0 });
    await uncached.isLive(A, USER);
    await uncached.isLive(A, USER);
    expect(lookup.calls).toBe(3);
  });
});
