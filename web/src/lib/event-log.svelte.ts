// The event log of one export as the page has seen it: stored events, then live ones, possibly
// replayed after a reconnect. Kept ordered by seq, each event once.

export interface LoggedEvent {
  id: string;
  seq: number;
}

export class EventLog<E extends LoggedEvent> {
  events = $state<E[]>([]);

  /** Adds events not seen before; returns the ones that were new. */
  merge(incoming: readonly E[]): E[] {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local set for this call, not state
    const seen = new Set(this.events.map((event) => event.id));
    const fresh = incoming.filter((event) => {
      if (seen.has(event.id)) return false;
      seen.add(event.id);
      return true;
    });
    if (fresh.length > 0) this.events = [...this.events, ...fresh].sort((a, b) => a.seq - b.seq);
    return fresh;
  }

  /** Where a new subscription resumes: after the last event seen. */
  get lastEventId(): string | null {
    return this.events.at(-1)?.id ?? null;
  }
}
