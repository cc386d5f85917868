// Admission to a few slots (the preview threads) shared by many users: each user waits in a line
// of their own and the lines take turns, so one user's flood delays others by one task at most per
// turn. A line, and all lines together, are bounded in length and in waiting time; when every line
// together is full, the longest line gives up its newest task, so only a flooding user is refused.

/** Why a task was not given a slot. */
export type QueueRefusalReason = 'owner' | 'full' | 'wait';

export class QueueRefusal extends Error {
  override name = 'QueueRefusal';
  constructor(
    readonly reason: QueueRefusalReason,
    /** The bound that was reached: tasks waiting (owner, full) or ms (wait). */
    readonly limit: number,
  ) {
    super(
      reason === 'owner'
        ? `you have ${limit} previews and imports waiting already`
        : reason === 'full'
          ? `too many previews and imports are waiting (${limit})`
          : `no generation thread was free within ${limit} ms`,
    );
  }
}

export interface FairQueueOptions {
  /** Tasks that hold a slot at once. */
  slots: number;
  /** Slots one owner may hold at once. */
  perOwnerSlots: number;
  /** Tasks waiting, all owners together. */
  maxWaiting: number;
  /** Tasks one owner may have waiting. */
  maxWaitingPerOwner: number;
  /** Longest wait for a slot, in ms. */
  maxWaitMs: number;
}

export interface FairQueue {
  /** Resolves with `release` once `owner` holds a slot; rejects with QueueRefusal. */
  acquire(owner: string): Promise<() => void>;
  readonly waiting: number;
  readonly holding: number;
}

interface Waiter {
  grant: (release: () => void) => void;
  refuse: (refusal: QueueRefusal) => void;
  timer: NodeJS.Timeout;
}

interface Line {
  holding: number;
  waiters: Waiter[];
}

export function createFairQueue(options: FairQueueOptions): FairQueue {
  const lines = new Map<string, Line>();
  // owners with someone waiting, in turn order: served from the front, sent to the back
  const turns = new Set<string>();
  let waiting = 0;
  let holding = 0;

  const lineOf = (owner: string) => {
    let line = lines.get(owner);
    if (!line) lines.set(owner, (line = { holding: 0, waiters: [] }));
    return line;
  };
  const forget = (owner: string, line: Line) => {
    if (line.holding === 0 && line.waiters.length === 0) lines.delete(owner);
    if (line.waiters.length === 0) turns.delete(owner);
  };
  const drop = (owner: string, line: Line, waiter: Waiter, refusal: QueueRefusal) => {
    const at = line.waiters.indexOf(waiter);
    if (at < 0) return;
    line.waiters.splice(at, 1);
    waiting--;
    clearTimeout(waiter.timer);
    forget(owner, line);
    waiter.refuse(refusal);
  };

  function pump(): void {
    while (holding < options.slots) {
      let next: string | undefined;
      for (const owner of turns) {
        if (lines.get(owner)!.holding < options.perOwnerSlots) {
          next = owner;
          break;
        }
      }
      if (next === undefined) return;
      const line = lines.get(next)!;
      const waiter = line.waiters.shift()!;
      waiting--;
      clearTimeout(waiter.timer);
      turns.delete(next);
      if (line.waiters.length) turns.add(next);
      holding++;
      line.holding++;
      let released = false;
      const owner = next;
      waiter.grant(() => {
        if (released) return;
        released = true;
        holding--;
        line.holding--;
        forget(owner, line);
        pump();
      });
    }
  }

  return {
    acquire(owner) {
      const line = lineOf(owner);
      if (line.waiters.length >= options.maxWaitingPerOwner) {
        forget(owner, line);
        return Promise.reject(new QueueRefusal('owner', options.maxWaitingPerOwner));
      }
      if (waiting >= options.maxWaiting) {
        // the longest line gives way, unless this owner's would then be as long
        let longest: [string, Line] | undefined;
        for (const entry of lines) if (!longest || entry[1].waiters.length > longest[1].waiters.length) longest = entry;
        if (!longest || longest[1].waiters.length <= line.waiters.length + 1) {
          forget(owner, line);
          return Promise.reject(new QueueRefusal('full', options.maxWaiting));
        }
        const [victim, victimLine] = longest;
        drop(victim, victimLine, victimLine.waiters[victimLine.waiters.length - 1], new QueueRefusal('full', options.maxWaiting));
      }
      return new Promise((grant, refuse) => {
        const waiter: Waiter = {
          grant,
          refuse,
          timer: setTimeout(() => drop(owner, line, waiter, new QueueRefusal('wait', options.maxWaitMs)), options.maxWaitMs),
        };
        line.waiters.push(waiter);
        lines.set(owner, line);
        waiting++;
        turns.add(owner);
        pump();
      });
    },
    get waiting() {
      return waiting;
    },
    get holding() {
      return holding;
    },
  };
}
