import { describe, expect, it } from 'vitest';
import { EventLog } from './event-log.svelte.js';

const event = (seq: number) => ({ id: `e${seq}`, seq });

describe('EventLog', () => {
  it('keeps each event once, in order, whatever order they arrive in', () => {
    const log = new EventLog<{ id: string; seq: number }>();
    expect(log.merge([event(1), event(2)])).toHaveLength(2);
    // a reconnect replays 2 and brings 3, and a late stored read brings 1 again
    expect(log.merge([event(3), event(2)]).map((e) => e.seq)).toEqual([3]);
    expect(log.merge([event(1)])).toEqual([]);
    expect(log.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(log.lastEventId).toBe('e3');
  });

  it('resumes from the start when nothing was seen', () => {
    expect(new EventLog().lastEventId).toBeNull();
  });
});
