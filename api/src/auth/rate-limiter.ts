// Fixed-window counters per key (an IP, an email), in this process's memory as GoTrue keeps its own.
// The map is bounded: a flood of distinct keys evicts the oldest windows instead of growing the heap.

export interface RateLimiterOptions {
  /** Window length in milliseconds. */
  windowMs: number;
  /** Most keys held at once (default 100 000). */
  maxKeys?: number;
  now?: () => number;
}

export interface RateLimiter {
  /** Milliseconds until `key` may try again when its window already holds `limit` hits; 0 when it may. */
  blockedFor(key: string, limit: number): number;
  /** Counts one hit for `key`. */
  hit(key: string): void;
  /** Counts a hit and answers as `blockedFor` did before it. */
  take(key: string, limit: number): number;
  size(): number;
}

interface Window {
  count: number;
  resetAt: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const windows = new Map<string, Window>();
  const maxKeys = options.maxKeys ?? 100_000;
  const now = options.now ?? Date.now;

  function current(key: string, at: number): Window | undefined {
    const window = windows.get(key);
    if (window && window.resetAt <= at) {
      windows.delete(key);
      return undefined;
    }
    return window;
  }

  function evict(at: number) {
    for (const [key, window] of windows) if (window.resetAt <= at) windows.delete(key);
    // Map iterates in insertion order, so what is left to drop first is the oldest window
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  }

  const limiter: RateLimiter = {
    blockedFor(key, limit) {
      if (limit <= 0) return 0;
      const at = now();
      const window = current(key, at);
      return window && window.count >= limit ? window.resetAt - at : 0;
    },
    hit(key) {
      const at = now();
      const window = current(key, at);
      if (window) {
        window.count++;
        return;
      }
      if (windows.size >= maxKeys) evict(at);
      windows.set(key, { count: 1, resetAt: at + options.windowMs });
    },
    take(key, limit) {
      const blocked = limiter.blockedFor(key, limit);
      if (limit > 0 && !blocked) limiter.hit(key);
      return blocked;
    },
    size: () => windows.size,
  };
  return limiter;
}
