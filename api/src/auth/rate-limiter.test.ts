import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.js';

function clock() {
  let at = 1_000_000;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

describe('rate limiter (fixed windows)', () => {
  it('allows `limit` hits per window and reports the time left until the window resets', () => {
    const time = clock();
    const limiter = createRateLimiter({ windowMs: 60_000, now: time.now });
    for (let i = 0; i < 3; i++) expect(limiter.take('a', 3)).toBe(0);
    expect(limiter.take('a', 3)).toBe(60_000);
    time.advance(15_000);
    expect(limiter.blockedFor('a', 3)).toBe(45_000);
    // another key has its own window
    expect(limiter.take('b', 3)).toBe(0);
    time.advance(45_000);
    expect(limiter.take('a', 3)).toBe(0);
  });

  it('does not count refused hits, so a blocked client is free when the window ends', () => {
    const time = clock();
    const limiter = createRateLimiter({ windowMs: 1000, now: time.now });
    limiter.take('a', 1);
    for (let i = 0; i < 10; i++) expect(limiter.take('a', 1)).toBeGreaterThan(0);
    time.advance(1000);
    expect(limiter.take('a', 1)).toBe(0);
  });

  it('treats a limit of 0 as off', () => {
    const limiter = createRateLimiter({ windowMs: 1000 });
    for (let i = 0; i < 100; i++) expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.size()).toBe(0);
  });

  it('holds at most maxKeys windows, dropping expired then oldest ones', () => {
    const time = clock();
    const limiter = createRateLimiter({ windowMs: 1000, maxKeys: 100, now: time.now });
    for (let i = 0; i < 100; i++) limiter.hit(`old-${i}`);
    time.advance(500);
    for (let i = 0; i < 1000; i++) limiter.hit(`new-${i}`);
    expect(limiter.size()).toBeLessThanOrEqual(100);
    // the newest key is still counted
    expect(limiter.blockedFor('new-999', 1)).toBeGreaterThan(0);
  });
});
