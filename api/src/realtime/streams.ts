// Feed → subscriber streams, for the GraphQL subscriptions and for code that follows an export
// (tests, benches). The order that makes the hand-over from stored to live events gapless:
// subscribe to the feed first (buffering), then read the stored events, then drain the buffer
// skipping every seq already replayed. Events of one export are inserted while its row is locked,
// so their seq order is their commit order.
import type { Claims, Database } from '../db/port.js';
import { canReadEvent, eventsAfter } from '../exports/store.js';
import { TERMINAL_STATUSES, type ExportFeed, type ExportFeedEvent, type FeedRoute } from './port.js';

export class ExportNotFoundError extends Error {
  override name = 'NotFoundError';
  readonly what = 'Export';
  constructor(readonly id: string) {
    // the same answer for "does not exist" and "is not yours"
    super(`Export ${id} not found`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isTerminal = (event: Pick<ExportFeedEvent, 'status'>) => TERMINAL_STATUSES.includes(event.status);

/**
 * A stream of feed events with a pull side: an async iterator whose `return()` ends it at once,
 * even while a `next()` waits (an async generator would wait for its next event first, keeping a
 * closed subscription's listener until then). Subclasses decide what to push.
 */
abstract class FeedStream implements AsyncGenerator<ExportFeedEvent, void> {
  private readonly queue: ExportFeedEvent[] = [];
  private readonly waiting: { resolve(result: IteratorResult<ExportFeedEvent, void>): void; reject(error: unknown): void }[] = [];
  private failure: { error: unknown } | undefined;
  private started: Promise<void> | undefined;
  private unsubscribe: (() => Promise<void>) | undefined;
  protected ended = false;

  constructor(
    private readonly feed: ExportFeed,
    private readonly route: FeedRoute,
  ) {}

  /** Subscribes and runs `opened`; rejects (and ends the stream) when that fails. Idempotent; the first `next()` calls it. */
  start(): Promise<void> {
    this.started ??= (async () => {
      const unsubscribe = await this.feed.subscribe((event) => this.ended || this.arrive(event), this.route);
      this.unsubscribe = unsubscribe;
      if (this.ended) return this.release();
      await this.opened();
    })().catch((error: unknown) => {
      this.fail(error);
      throw error;
    });
    return this.started;
  }

  /** Once subscribed: anything to do before live events flow (reading stored ones). */
  protected abstract opened(): Promise<void>;
  /** A live event for this stream's route. */
  protected abstract arrive(event: ExportFeedEvent): void;

  protected push(event: ExportFeedEvent) {
    if (this.ended) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve({ value: event, done: false });
    else this.queue.push(event);
  }

  /** No more events; those already pushed are still delivered. */
  protected end() {
    if (this.ended) return;
    this.ended = true;
    for (const waiter of this.waiting.splice(0)) waiter.resolve({ value: undefined, done: true });
    this.release().catch((error: unknown) => console.error('export stream: unsubscribing failed', error));
  }

  /** Ends the stream with an error, after the events already pushed. */
  protected fail(error: unknown) {
    if (this.ended) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter.reject(error);
    else this.failure = { error };
    this.end();
  }

  private async release() {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    await unsubscribe?.();
  }

  next(): Promise<IteratorResult<ExportFeedEvent, void>> {
    if (!this.started) this.start().catch(() => undefined); // the failure reaches the caller below
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.failure) {
      const { error } = this.failure;
      this.failure = undefined;
      return Promise.reject(error);
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async return(_value?: unknown): Promise<IteratorResult<ExportFeedEvent, void>> {
    this.queue.length = 0;
    this.failure = undefined;
    this.end();
    await this.release();
    return { value: undefined, done: true };
  }

  throw(error?: unknown): Promise<IteratorResult<ExportFeedEvent, void>> {
    void error; // the consumer gave up: nothing to report back to
    return this.return();
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

/**
 * Stored events of one export after `afterEventId` (all when null or not an event of this export),
 * then live ones; ends after the terminal event. Only the export's owner may follow it (events are
 * the owner's under RLS, even for members who see the export itself); anyone else gets
 * ExportNotFoundError, on start and — should the export change hands — mid-stream.
 */
export class ExportProgressStream extends FeedStream {
  private lastSeq = 0;
  /** Live events held back while stored ones are read or an access check runs, in arrival order. */
  private held: ExportFeedEvent[] | null = [];

  constructor(
    private readonly db: Database,
    feed: ExportFeed,
    private readonly claims: Claims,
    private readonly exportId: string,
    private readonly afterEventId: string | null,
    private readonly options: ExportProgressOptions = {},
  ) {
    super(feed, { exportId });
  }

  private notFound(): Error {
    return this.options.notFound?.(this.exportId) ?? new ExportNotFoundError(this.exportId);
  }

  protected async opened() {
    const { exportId, afterEventId, claims } = this;
    if (!UUID.test(exportId) || (afterEventId !== null && !UUID.test(afterEventId))) throw this.notFound();
    const stored = await this.db.asUser(claims, (tx) => eventsAfter(tx, exportId, afterEventId));
    // members of a shared schema may see the export, but its events are the owner's
    if (!stored || stored.ownerId !== claims.sub) throw this.notFound();
    this.lastSeq = stored.afterSeq;
    for (const event of stored.events) {
      this.deliver(event);
      if (this.ended) return;
    }
    // status and terminal event are written in one transaction: nothing more will come
    if (stored.finished) return this.end();
    this.releaseHeld();
  }

  protected arrive(event: ExportFeedEvent) {
    if (this.held) this.held.push(event);
    else this.admit(event);
  }

  private admit(event: ExportFeedEvent) {
    if (event.seq <= this.lastSeq) return;
    // checked per event, free while the feed names the caller as owner
    if (event.ownerId === this.claims.sub) return this.deliver(event);
    // the export has changed hands: the database decides, under RLS; later events wait
    this.held = [];
    this.db
      .asUser(this.claims, (tx) => canReadEvent(tx, event.id))
      .then((readable) => {
        if (!readable) return this.fail(this.notFound());
        this.deliver(event);
        this.releaseHeld();
      })
      .catch((error: unknown) => this.fail(error));
  }

  private releaseHeld() {
    const held = this.held ?? [];
    this.held = null;
    for (let i = 0; i < held.length && !this.ended; i++) {
      this.admit(held[i]);
      // a check started: what is left waits behind it
      if (this.held) return void (this.held as ExportFeedEvent[]).push(...held.slice(i + 1));
    }
  }

  private deliver(event: ExportFeedEvent) {
    this.lastSeq = event.seq;
    this.push(event);
    if (isTerminal(event)) this.end();
  }
}

export interface ExportProgressOptions {
  /** The error for "not found or not yours" (default ExportNotFoundError), e.g. the API's NOT_FOUND. */
  notFound?: (exportId: string) => Error;
}

export function exportProgressStream(
  db: Database,
  feed: ExportFeed,
  claims: Claims,
  exportId: string,
  afterEventId: string | null = null,
  options: ExportProgressOptions = {},
): ExportProgressStream {
  return new ExportProgressStream(db, feed, claims, exportId, afterEventId, options);
}
