// Many followers of one export over real graphql-ws sockets (and SSE beside them): each gets every
// event once, in seq order, with the fields it asked for, although the API executes each live
// event once per distinct operation; resuming, strangers, and access that goes away mid-stream.
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { insertEvent } from '../../src/exports/store.js';
import { DEFINITION } from './fixtures.js';
import { startHarness, type Harness, type TestUser } from './harness.js';

let h: Harness;
let url: string;
let alice: TestUser;
let bob: TestUser;
const clients: Client[] = [];

beforeAll(async () => {
  h = await startHarness();
  url = await h.app.start();
});
// new users for each test: their exports stay pending (no worker), and pending ones count against a limit
beforeEach(async () => {
  alice = await h.signUp('alice');
  bob = await h.signUp('bob');
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await h?.close();
});

async function startExport(user: TestUser): Promise<string> {
  const { data } = await h.gql(
    user,
    `mutation($d: JSON!) { startExport(definition: $d, format: CSV, rowCount: 5) { ... on ExportPayload { export { id } } } }`,
    { d: DEFINITION },
  );
  return data.startExport.export.id;
}

/** What a worker does: store an event as service role; the database's feed tells the API. */
async function workerEvent(exportId: string, status: 'RUNNING' | 'SUCCEEDED', rowsDone: number) {
  return h.app.db.asService((tx) => insertEvent(tx, exportId, status, `${status.toLowerCase()} ${rowsDone}`, { rowsDone }));
}

async function storedSeqs(exportId: string): Promise<number[]> {
  const rows = await h.app.db.asService((tx) =>
    tx.query<{ seq: string | number }>(`select seq from generator_export_events where export_id = $1::uuid order by seq`, [exportId]),
  );
  return rows.map((row) => Number(row.seq));
}

interface Follower {
  events: Record<string, any>[];
  /** Resolves with the first event (the stored one): the subscription is live then. */
  first: Promise<void>;
  /** Resolves on complete, or with the error that ended the subscription. */
  ended: Promise<{ error?: any }>;
  unsubscribe: () => void;
}

function follow(user: TestUser, query: string, variables: Record<string, unknown>, onEvent?: (event: Record<string, any>) => void): Follower {
  const client = createClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${user.token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  const events: Record<string, any>[] = [];
  let arrived!: () => void;
  const first = new Promise<void>((resolve) => (arrived = resolve));
  let unsubscribe!: () => void;
  const ended = new Promise<{ error?: any }>((resolve) => {
    unsubscribe = client.subscribe<{ exportProgress: Record<string, any> }>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) return resolve({ error: result.errors });
          events.push(result.data!.exportProgress);
          arrived();
          onEvent?.(result.data!.exportProgress);
        },
        error: (error) => resolve({ error }),
        complete: () => resolve({}),
      },
    );
  });
  return { events, first, ended, unsubscribe };
}

const BY_STATUS = `subscription($id: ID!) { exportProgress(exportId: $id) { seq status } }`;
const BY_PROGRESS = `subscription($id: ID!) { exportProgress(exportId: $id) { id seq message metadata } }`;
const RESUMABLE = `subscription($id: ID!, $after: ID) { exportProgress(exportId: $id, afterEventId: $after) { id seq metadata } }`;

describe('many followers of one export', () => {
  it('every follower gets every event exactly once, in seq order, with the fields of its own selection', async () => {
    const exportId = await startExport(alice);
    const byStatus = Array.from({ length: 20 }, () => follow(alice, BY_STATUS, { id: exportId }));
    const byProgress = Array.from({ length: 20 }, () => follow(alice, BY_PROGRESS, { id: exportId }));
    await Promise.all([...byStatus, ...byProgress].map((follower) => follower.first));
    // SSE beside the sockets: same caller, same events, its own transport
    const sse = fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${alice.token}` },
      body: JSON.stringify({ query: BY_STATUS, variables: { id: exportId } }),
    });
    for (let rowsDone = 1; rowsDone <= 9; rowsDone++) await workerEvent(exportId, 'RUNNING', rowsDone);
    await workerEvent(exportId, 'SUCCEEDED', 10);
    const endings = await Promise.all([...byStatus, ...byProgress].map((follower) => follower.ended));
    expect(endings.filter((ending) => ending.error)).toEqual([]);

    const seqs = await storedSeqs(exportId);
    expect(seqs).toHaveLength(11);
    for (const follower of byStatus) {
      expect(follower.events.map((event) => event.seq)).toEqual(seqs);
      expect(follower.events.every((event) => Object.keys(event).sort().join() === 'seq,status')).toBe(true);
      expect(follower.events.map((event) => event.status)).toEqual(['PENDING', ...Array(9).fill('RUNNING'), 'SUCCEEDED']);
    }
    for (const follower of byProgress) {
      expect(follower.events.map((event) => event.seq)).toEqual(seqs);
      expect(follower.events.every((event) => Object.keys(event).sort().join() === 'id,message,metadata,seq')).toBe(true);
      expect(follower.events.slice(1).map((event) => event.metadata.rowsDone)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(follower.events.at(-1)!.message).toBe('succeeded 10');
    }
    // two selections, two payloads for the same event
    expect(byStatus[0].events[3]).not.toEqual(byProgress[0].events[3]);
    expect(new Set(byProgress.map((follower) => follower.events[3].id)).size).toBe(1);

    const text = await (await sse).text(); // resolves because the stream completes
    const payloads = text
      .split('\n')
      .filter((line) => line.startsWith('data: ') && line.length > 6)
      .map((line) => JSON.parse(line.slice(6)))
      .filter((payload) => payload.data);
    expect(payloads.map((payload) => payload.data.exportProgress.seq)).toEqual(seqs);
    expect(payloads.at(-1).data.exportProgress).toEqual({ seq: seqs.at(-1), status: 'SUCCEEDED' });
  });

  it('a follower that drops and resumes with afterEventId misses nothing and sees nothing twice', async () => {
    const exportId = await startExport(alice);
    const steady = follow(alice, RESUMABLE, { id: exportId });
    let firstPart!: Follower;
    const droppedAfterThree = new Promise<void>((resolve) => {
      firstPart = follow(alice, RESUMABLE, { id: exportId }, () => {
        if (firstPart.events.length === 3) {
          firstPart.unsubscribe();
          resolve();
        }
      });
    });
    await Promise.all([steady.first, firstPart.first]);
    for (let rowsDone = 1; rowsDone <= 5; rowsDone++) await workerEvent(exportId, 'RUNNING', rowsDone);
    await droppedAfterThree;
    // written while the follower is away
    for (let rowsDone = 6; rowsDone <= 10; rowsDone++) await workerEvent(exportId, 'RUNNING', rowsDone);
    const secondPart = follow(alice, RESUMABLE, { id: exportId, after: firstPart.events[2].id });
    // and while it comes back: these race its replay
    for (let rowsDone = 11; rowsDone <= 19; rowsDone++) await workerEvent(exportId, 'RUNNING', rowsDone);
    await workerEvent(exportId, 'SUCCEEDED', 20);
    expect(await secondPart.ended).toEqual({});
    expect(await steady.ended).toEqual({});

    // the first three are what it saw before it dropped: events already in flight do not count
    const seen = [...firstPart.events.slice(0, 3), ...secondPart.events];
    expect(seen.map((event) => event.seq)).toEqual(await storedSeqs(exportId));
    expect(seen.map((event) => event.metadata?.rowsDone ?? 0)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(steady.events.map((event) => event.id)).toEqual(seen.map((event) => event.id));
  });

  it('a stranger among the followers gets NOT_FOUND and no event', async () => {
    const exportId = await startExport(alice);
    const owners = Array.from({ length: 5 }, () => follow(alice, BY_STATUS, { id: exportId }));
    const stranger = follow(bob, BY_STATUS, { id: exportId });
    const ending = await stranger.ended;
    expect(ending.error[0].extensions.code).toBe('NOT_FOUND');
    await Promise.all(owners.map((owner) => owner.first));
    await workerEvent(exportId, 'SUCCEEDED', 5);
    await Promise.all(owners.map((owner) => owner.ended));
    expect(owners.every((owner) => owner.events.length === 2)).toBe(true);
    expect(stranger.events).toEqual([]);
  });

  it('a follower whose access goes away mid-stream stops receiving: NOT_FOUND, and nothing after it', async () => {
    const exportId = await startExport(alice);
    const followers = Array.from({ length: 5 }, () => follow(alice, BY_PROGRESS, { id: exportId }));
    await Promise.all(followers.map((follower) => follower.first));
    await workerEvent(exportId, 'RUNNING', 1);
    // an administrator hands the export to bob
    await h.app.db.asService((tx) => tx.query(`update generator_exports set owner_id = $2::uuid where id = $1::uuid`, [exportId, bob.id]));
    await workerEvent(exportId, 'RUNNING', 2);
    await workerEvent(exportId, 'SUCCEEDED', 3);
    for (const follower of followers) {
      const ending = await follower.ended;
      expect(ending.error?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(follower.events.map((event) => event.metadata?.rowsDone ?? 0)).toEqual([0, 1]);
    }
    // the new owner follows it from the start
    const newOwner = follow(bob, BY_PROGRESS, { id: exportId });
    expect(await newOwner.ended).toEqual({});
    expect(newOwner.events.map((event) => event.metadata?.rowsDone ?? 0)).toEqual([0, 1, 2, 3]);
  });
});
