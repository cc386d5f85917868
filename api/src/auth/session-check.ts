// Whether the session an access token names is still live, as the auth port sees it. Each auth
// adapter answers from `auth.sessions` (local-sessions in user-store.ts, supabase-sessions.ts);
// this cache in front keeps the answer for a few seconds so a request costs no database round trip,
// and forgets it at once when this process ends a session (logout, password change, reuse).

/** What an auth adapter implements: one look at `auth.sessions`. */
export interface SessionLookup {
  /** True when the session exists, belongs to `userId` and has not passed its `not_after`. */
  isLive(sessionId: string, userId: string): Promise<boolean>;
}

export interface SessionCheck {
  isLive(sessionId: string, userId: string): Promise<boolean>;
  /** These sessions just ended here: refuse them from now on, without waiting for the cache. */
  ended(sessionIds: Iterable<string>): void;
}

export interface SessionCheckOptions {
  lookup: SessionLookup;
  /** How long a "live" answer is trusted; 0 asks the database every time. */
  ttlSeconds: number;
  /** Most sessions remembered (default 50 000). */
  maxEntries?: number;
  now?: () => number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Entry {
  userId: string;
  live: boolean;
  until: number;
}

export function createSessionCheck(options: SessionCheckOptions): SessionCheck {
  const ttl = options.ttlSeconds * 1000;
  const maxEntries = options.maxEntries ?? 50_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<boolean>>();
  // a lookup that started before a session ended must not write "live" back over the end
  const endedHere = new Set<string>();

  function remember(sessionId: string, entry: Entry) {
    entries.delete(sessionId);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(sessionId, entry);
  }

  async function look(sessionId: string, userId: string): Promise<boolean> {
    const live = await options.lookup.isLive(sessionId, userId);
    // a token naming someone else's session must not push that session's own answer out
    if (ttl > 0 && !endedHere.has(sessionId) && (live || !entries.get(sessionId)?.live)) {
      remember(sessionId, { userId, live, until: now() + ttl });
    }
    return live && !endedHere.has(sessionId);
  }

  return {
    async isLive(sessionId, userId) {
      if (!UUID.test(sessionId) || !UUID.test(userId) || endedHere.has(sessionId)) return false;
      const cached = entries.get(sessionId);
      if (cached && cached.until > now() && cached.userId === userId) return cached.live;
      if (ttl === 0) return look(sessionId, userId);
      // concurrent requests of one session share one lookup
      const key = `${sessionId}/${userId}`;
      let lookup = pending.get(key);
      if (!lookup) {
        lookup = look(sessionId, userId).finally(() => pending.delete(key));
        pending.set(key, lookup);
      }
      return lookup;
    },
    ended(sessionIds) {
      for (const sessionId of sessionIds) {
        entries.delete(sessionId);
        endedHere.add(sessionId);
        // an ended session never comes back; the set only has to outlive the tokens' cache window
        if (endedHere.size > maxEntries) endedHere.delete(endedHere.values().next().value!);
      }
    },
  };
}
