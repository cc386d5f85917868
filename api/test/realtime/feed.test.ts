// Both feeds (LISTEN/NOTIFY, and Supabase Realtime through the wire-protocol stand-in fed from the
// same table) and the subscriber streams on top of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/port.js';
import { createNotifyFeed, EXPORT_EVENTS_CHANNEL } from '../../src/realtime/notify-feed.js';
import type { ExportFeed, ExportFeedEvent } from '../../src/realtime/port.js';
import { exportProgressStream, ExportNotFoundError } from '../../src/realtime/streams.js';
import { createSupabaseFeed } from '../../src/realtime/supabase-feed.js';
import { createTestDatabase } from '../support/database.js';
import { startRealtimeStandIn, type RealtimeStandIn } from '../support/supabase-realtime.js';
import { claimsOf, createExport, createUser, definition, insertEvent } from '../jobs/fixtures.js';

let db: Database;
let drop: () => Promise<void>;
let standIn: RealtimeStandIn;
let stopBridge: () => Promise<void>;
let owner: string;
let stranger: string;

const feeds: Record<string, () => ExportFeed> = {
  notify: () => createNotifyFeed(db),
  supabase: () => createSupabaseFeed({ url: standIn.url, serviceRoleKey: standIn.apiKey, db }),
};

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
  standIn = await startRealtimeStandIn();
  // what Supabase's replication does: each committed insert becomes a postgres_changes message
  // carrying the table's row (no owner_id: the feed must look it up)
  // in commit order, as replication delivers them
  let previous = Promise.resolve();
  stopBridge = await db.listen(EXPORT_EVENTS_CHANNEL, (payload) => {
    const { id } = JSON.parse(payload) as { id: string };
    previous = previous.then(() =>
      db
        .asService((tx) =>
          tx.query(
            `select id::text as id, seq, export_id::text as export_id, status, message, metadata, created_at from generator_export_events where id = $1::uuid`,
            [id],
          ),
        )
        .then(([row]) =>
          standIn.insert('public', 'generator_export_events', row, [
            { name: 'id', type: 'uuid' },
            { name: 'seq', type: 'int8' },
            { name: 'export_id', type: 'uuid' },
            { name: 'status', type: 'text' },
            { name: 'message', type: 'text' },
            { name: 'metadata', type: 'jsonb' },
            { name: 'created_at', type: 'timestamptz' },
          ]),
        ),
    );
  });
  owner = await createUser(db, 'owner');
  stranger = await createUser(db, 'stranger');
});

afterAll(async () => {
  await stopBridge?.();
  await standIn?.close();
  await drop?.();
});

async function take<T>(stream: AsyncGenerator<T>, count: number): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) {
    items.push(item);
    if (items.length === count) break;
  }
  return items;
}

describe.each(Object.keys(feeds))('%s feed', (kind) => {
  it('delivers an inserted event with its export, owner, status and seq', async () => {
    const feed = feeds[kind]();
    const exportId = await createExport(db, owner, { definition: definition(5) });
    const received = new Promise<ExportFeedEvent>((resolve) => {
      void feed.subscribe((event) => {
        if (event.exportId === exportId && event.status === 'RUNNING') resolve(event);
      });
    });
    // subscribe resolves when live: wait for it before inserting
    await feed.subscribe(() => undefined);
    const inserted = await insertEvent(db, exportId, 'running', { rowsDone: 3, rowsTotal: 5 });
    const event = await received;
    expect(event).toMatchObject({ id: inserted.id, seq: inserted.seq, exportId, ownerId: owner, status: 'RUNNING', metadata: { rowsDone: 3, rowsTotal: 5 } });
    expect(event.createdAt).toBeInstanceOf(Date);
    await feed.close();
  });

  it('exportProgress replays stored events, goes live, and ends after the terminal event', async () => {
    const feed = feeds[kind]();
    const exportId = await createExport(db, owner, { definition: definition(5) });
    await insertEvent(db, exportId, 'running', { rowsDone: 0 });
    const stream = exportProgressStream(db, feed, claimsOf(owner), exportId, null);
    const first = await stream.next(); // the stream is subscribed once it yields
    const second = await stream.next();
    const writer = (async () => {
      await insertEvent(db, exportId, 'running', { rowsDone: 2 });
      await insertEvent(db, exportId, 'succeeded', { rowsDone: 5 });
      await insertEvent(db, exportId, 'running', { note: 'never seen: after the terminal event' });
    })();
    const rest: ExportFeedEvent[] = [];
    for await (const event of stream) rest.push(event);
    await writer;
    expect([first.value, second.value, ...rest].map((e) => e!.status)).toEqual(['PENDING', 'RUNNING', 'RUNNING', 'SUCCEEDED']);
    await feed.close();
  });

  it('a subscriber that disconnects and resumes with afterEventId misses nothing and sees nothing twice', async () => {
    const feed = feeds[kind]();
    const exportId = await createExport(db, owner, { definition: definition(5) });
    const total = 40;
    let written = 0;
    // events keep coming while the subscriber drops and comes back
    const writer = (async () => {
      for (let i = 1; i <= total; i++) {
        await insertEvent(db, exportId, i === total ? 'succeeded' : 'running', { rowsDone: i });
        written = i;
        if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const firstPart = await take(exportProgressStream(db, feed, claimsOf(owner), exportId, null), 8);
    expect(written).toBeLessThan(total); // it really resumed mid-stream
    const lastSeen = firstPart[firstPart.length - 1];
    const secondPart: ExportFeedEvent[] = [];
    for await (const event of exportProgressStream(db, feed, claimsOf(owner), exportId, lastSeen.id)) secondPart.push(event);
    await writer;
    const seen = [...firstPart, ...secondPart].map((e) => (e.metadata as { rowsDone?: number }).rowsDone ?? 0);
    expect(seen).toEqual([0, ...Array.from({ length: total }, (_, i) => i + 1)]);
    const seqs = [...firstPart, ...secondPart].map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    await feed.close();
  });

  it('a stranger cannot subscribe to someone else’s export (myExports is routed by owner: see the next test)', async () => {
    const feed = feeds[kind]();
    const exportId = await createExport(db, owner, { definition: definition(5) });
    await expect(exportProgressStream(db, feed, claimsOf(stranger), exportId, null).next()).rejects.toBeInstanceOf(ExportNotFoundError);
    await expect(exportProgressStream(db, feed, claimsOf(stranger), 'not-a-uuid', null).next()).rejects.toBeInstanceOf(ExportNotFoundError);

    await feed.close();
  });

  it('routes by export and by owner: a listener hears only the events it asked for', async () => {
    const feed = feeds[kind]();
    try {
      const mine = await createExport(db, owner, { definition: definition(5) });
      const theirs = await createExport(db, stranger, { definition: definition(5) });
      // the exports' own `pending` events may still be on their way: count only what follows
      const live = (events: ExportFeedEvent[]) => events.filter((e) => e.status !== 'PENDING').map((e) => [e.exportId, e.status]);
      const byExport: ExportFeedEvent[] = [];
      const byOwner: ExportFeedEvent[] = [];
      const all: ExportFeedEvent[] = [];
      let lastArrived!: () => void;
      const last = new Promise<void>((resolve) => (lastArrived = resolve));
      await feed.subscribe((event) => byExport.push(event), { exportId: mine });
      await feed.subscribe((event) => byOwner.push(event), { ownerId: stranger });
      await feed.subscribe((event) => {
        all.push(event);
        if (event.exportId === mine && event.status === 'SUCCEEDED') lastArrived();
      });
      await insertEvent(db, theirs, 'running', { n: 1 });
      await insertEvent(db, mine, 'running', { n: 2 });
      await insertEvent(db, mine, 'succeeded', { n: 3 });
      await last;
      expect(live(byExport)).toEqual([
        [mine, 'RUNNING'],
        [mine, 'SUCCEEDED'],
      ]);
      expect(live(byOwner)).toEqual([[theirs, 'RUNNING']]);
      expect(live(all.filter((e) => e.exportId === mine || e.exportId === theirs))).toHaveLength(3);
    } finally {
      await feed.close();
    }
  });

  it('return() ends a stream waiting for its next event at once, and lets go of the feed', async () => {
    const inner = feeds[kind]();
    let active = 0;
    const feed: ExportFeed = {
      async subscribe(onEvent, route) {
        const stop = await inner.subscribe(onEvent, route);
        active++;
        return async () => {
          active--;
          await stop();
        };
      },
      close: () => inner.close(),
    };
    const exportId = await createExport(db, owner, { definition: definition(5) });
    const stream = exportProgressStream(db, feed, claimsOf(owner), exportId, null);
    expect((await stream.next()).value?.status).toBe('PENDING');
    const waiting = stream.next(); // no event will come
    expect(active).toBe(1);
    await stream.return(undefined);
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(active).toBe(0);
    await feed.close();
  });

  // the Supabase feed remembers each export's owner, so only the NOTIFY feed (whose trigger reads
  // the owner at insert time) can tell that an export changed hands
  it.runIf(kind === 'notify')('a follower whose access goes away mid-stream gets ExportNotFoundError and no later event', async () => {
    const feed = feeds[kind]();
    const exportId = await createExport(db, owner, { definition: definition(5) });
    const stream = exportProgressStream(db, feed, claimsOf(owner), exportId, null);
    expect((await stream.next()).value?.status).toBe('PENDING');
    const before = await insertEvent(db, exportId, 'running', { rowsDone: 1 });
    expect((await stream.next()).value?.id).toBe(before.id);
    await db.asService((tx) => tx.query(`update generator_exports set owner_id = $2::uuid where id = $1::uuid`, [exportId, stranger]));
    await insertEvent(db, exportId, 'running', { rowsDone: 2 });
    await expect(stream.next()).rejects.toBeInstanceOf(ExportNotFoundError);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    // the new owner reads it all
    const events: ExportFeedEvent[] = [];
    const follower = exportProgressStream(db, feed, claimsOf(stranger), exportId, null);
    for (let i = 0; i < 3; i++) events.push((await follower.next()).value!);
    expect(events.map((e) => (e.metadata as { rowsDone?: number }).rowsDone ?? 0)).toEqual([0, 1, 2]);
    await follower.return(undefined);
    await feed.close();
  });

  it('ends at once for a finished export when nothing is after afterEventId', async () => {
    const feed = feeds[kind]();
    const exportId = await createExport(db, owner, { definition: definition(5) });
    const terminal = await insertEvent(db, exportId, 'failed', {});
    await db.asService((tx) => tx.query(`update generator_exports set status = 'failed' where id = $1::uuid`, [exportId]));
    const events: ExportFeedEvent[] = [];
    for await (const event of exportProgressStream(db, feed, claimsOf(owner), exportId, terminal.id)) events.push(event);
    expect(events).toEqual([]);
    await feed.close();
  });
});

describe('supabase feed over the realtime protocol', () => {
  it('joins one channel with the service key and leaves it when the last subscriber goes', async () => {
    const feed = createSupabaseFeed({ url: standIn.url, serviceRoleKey: standIn.apiKey, db });
    await expect.poll(() => standIn.channels).toBe(0); // earlier feeds have left
    const one = await feed.subscribe(() => undefined);
    const two = await feed.subscribe(() => undefined);
    expect(standIn.channels).toBe(1); // one channel for any number of subscribers
    await one();
    expect(standIn.channels).toBe(1);
    await two();
    await expect.poll(() => standIn.channels).toBe(0);
    await feed.close();
  });

  it('fails to subscribe with a typed error when the join is refused', async () => {
    standIn.refuseJoins('Unauthorized: invalid key');
    const feed = createSupabaseFeed({ url: standIn.url, serviceRoleKey: standIn.apiKey, db, timeoutMs: 2000 });
    await expect(feed.subscribe(() => undefined)).rejects.toMatchObject({ name: 'RealtimeFeedError', message: expect.stringContaining('invalid key') });
    standIn.refuseJoins(null);
    await feed.close();
  });
});

const live = process.env.SUPABASE_URL && process.env.SUPABASE_SERVICE_ROLE_KEY && process.env.TDG_TEST_DATABASE_URL;
describe('live Supabase Realtime', () => {
  it.runIf(live)('delivers an event inserted into the project database', async () => {
    const feed = createSupabaseFeed({ url: process.env.SUPABASE_URL!, serviceRoleKey: process.env.SUPABASE_SERVICE_ROLE_KEY!, db });
    const exportId = await createExport(db, owner, { definition: definition(1) });
    const got = new Promise<ExportFeedEvent>((resolve) => void feed.subscribe((e) => e.exportId === exportId && resolve(e)));
    await feed.subscribe(() => undefined);
    await insertEvent(db, exportId, 'running');
    expect((await got).ownerId).toBe(owner);
    await feed.close();
  });
});
