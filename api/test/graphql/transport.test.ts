// Real sockets: graphql-ws and SSE subscriptions, the graphql-http audit, CORS.
import { auditServer } from 'graphql-http';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { insertEvent } from '../../src/exports/store.js';
import { DEFINITION } from './fixtures.js';
import { startHarness, type Harness, type TestUser } from './harness.js';

let h: Harness;
let url: string;
let alice: TestUser;

beforeAll(async () => {
  h = await startHarness();
  url = await h.app.start();
  alice = await h.signUp('alice');
});
afterAll(() => h?.close());

async function startExport(user: TestUser): Promise<string> {
  const { data } = await h.gql(
    user,
    `mutation($d: JSON!) { startExport(definition: $d, format: CSV, rowCount: 5) { ... on ExportPayload { export { id } } } }`,
    { d: DEFINITION },
  );
  return data.startExport.export.id;
}

/** What a worker does: store an event as service role; the database's feed tells the API. */
async function workerEvent(exportId: string, status: 'RUNNING' | 'SUCCEEDED', message: string) {
  await h.app.db.asService((tx) => insertEvent(tx, exportId, status, message, { rowsDone: status === 'SUCCEEDED' ? 5 : 2 }));
}

function wsClient(connectionParams: Record<string, unknown>): Client {
  return createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

const PROGRESS = `subscription($id: ID!, $after: ID) { exportProgress(exportId: $id, afterEventId: $after) { id seq status message } }`;

describe('graphql-ws', () => {
  it('replays stored events, follows live ones and completes after the final one', async () => {
    const exportId = await startExport(alice);
    const client = wsClient({ Authorization: `Bearer ${alice.token}` });
    try {
      const received: { status: string; message: string; seq: number; id: string }[] = [];
      let firstArrived!: () => void;
      const first = new Promise<void>((resolve) => (firstArrived = resolve));
      const done = new Promise<void>((resolve, reject) => {
        client.subscribe<{ exportProgress: any }>(
          { query: PROGRESS, variables: { id: exportId } },
          {
            next: (result) => {
              if (result.errors) reject(new Error(JSON.stringify(result.errors)));
              received.push(result.data!.exportProgress);
              firstArrived();
            },
            error: reject,
            complete: resolve,
          },
        );
      });
      await first; // the stored "queued" event: the subscription is live now
      await workerEvent(exportId, 'RUNNING', 'chunk 1');
      await workerEvent(exportId, 'SUCCEEDED', 'done');
      await done;
      expect(received.map((event) => [event.status, event.message])).toEqual([
        ['PENDING', 'queued'],
        ['RUNNING', 'chunk 1'],
        ['SUCCEEDED', 'done'],
      ]);
      expect(received.map((event) => event.seq)).toEqual([...received.map((event) => event.seq)].sort((a, b) => a - b));

      // afterEventId replays only what came later, and a finished export completes at once
      const later: string[] = [];
      await new Promise<void>((resolve, reject) =>
        client.subscribe<{ exportProgress: any }>(
          { query: PROGRESS, variables: { id: exportId, after: received[0].id } },
          {
            next: (result) => later.push(result.data!.exportProgress.message),
            error: reject,
            complete: resolve,
          },
        ),
      );
      expect(later).toEqual(['chunk 1', 'done']);
    } finally {
      await client.dispose();
    }
  });

  it('shares auth with HTTP: other users get NOT_FOUND, a forged token cannot connect', async () => {
    // bob is a member of the schema and may see the export, but its events are alice's alone
    const bob = await h.signUp('bob');
    const eve = await h.signUp('eve');
    const created = await h.gql(alice, `mutation($d: JSON!) { createSchema(name: "Shared", definition: $d) { ... on SchemaPayload { schema { id } } } }`, {
      d: DEFINITION,
    });
    const schemaId = created.data.createSchema.schema.id;
    await h.gql(alice, `mutation($id: ID!, $e: String!) { addMember(schemaId: $id, email: $e, role: EDITOR) { __typename } }`, { id: schemaId, e: bob.email });
    const started = await h.gql(alice, `mutation($s: ID!) { startExport(schemaId: $s, format: CSV, rowCount: 5) { ... on ExportPayload { export { id } } } }`, {
      s: schemaId,
    });
    const exportId = started.data.startExport.export.id;
    expect((await h.gql(bob, `query($id: ID!) { export(id: $id) { id events { id } } }`, { id: exportId })).data.export).toEqual({ id: exportId, events: [] });
    for (const user of [bob, eve]) {
      const client = wsClient({ authorization: `Bearer ${user.token}` });
      try {
        const errors = await new Promise<any[]>((resolve, reject) =>
          client.subscribe(
            { query: PROGRESS, variables: { id: exportId } },
            { next: (r) => resolve(r.errors as any[]), error: (e) => resolve(e as any[]), complete: () => reject(new Error('completed without error')) },
          ),
        );
        expect(errors[0].extensions.code).toBe('NOT_FOUND');
      } finally {
        await client.dispose();
      }
    }

    const forged = wsClient({ Authorization: 'Bearer not-a-token' });
    const closed = await new Promise<{ code: number }>((resolve) =>
      forged.subscribe({ query: '{ __typename }' }, { next: () => {}, error: (e) => resolve(e as { code: number }), complete: () => resolve({ code: 0 }) }),
    );
    expect(closed.code).toBe(4403);
    await forged.dispose();
  });
});

describe('myExports', () => {
  /** Resolves once the server has answered an exportProgress on this socket (after a database read). */
  const barrier = (client: Client, exportId: string) =>
    new Promise<void>((resolve) =>
      client.subscribe({ query: PROGRESS, variables: { id: exportId } }, { next: () => {}, error: () => resolve(), complete: resolve }),
    );

  it('tells the owner about a new export and its cancellation, and no one else', async () => {
    const bob = await h.signUp('bob');
    const finished = await startExport(alice);
    await h.gql(alice, `mutation($id: ID!) { cancelExport(id: $id) { __typename } }`, { id: finished });
    const aliceClient = wsClient({ Authorization: `Bearer ${alice.token}` });
    const bobClient = wsClient({ Authorization: `Bearer ${bob.token}` });
    const MY_EXPORTS = 'subscription { myExports { exportId export { id status } } }';
    try {
      const seen: { exportId: string; export: { status: string } | null }[] = [];
      const bobSeen: unknown[] = [];
      let exportId = '';
      let gotTwo!: () => void;
      const two = new Promise<void>((resolve) => (gotTwo = resolve));
      aliceClient.subscribe<{ myExports: any }>(
        { query: MY_EXPORTS },
        {
          next: (result) => {
            // late notifications about the barrier export may still come in: keep only the new one's
            if (result.data!.myExports.exportId !== exportId) return;
            seen.push(result.data!.myExports);
            if (seen.length === 2) gotTwo();
          },
          error: () => {},
          complete: () => {},
        },
      );
      bobClient.subscribe({ query: MY_EXPORTS }, { next: (result) => bobSeen.push(result), error: () => {}, complete: () => {} });
      // myExports subscribes without any I/O; an exportProgress answered after it (it reads the
      // database) shows the server has set both subscriptions up
      await Promise.all([barrier(aliceClient, finished), barrier(bobClient, finished)]);
      exportId = await startExport(alice);
      await h.gql(alice, `mutation($id: ID!) { cancelExport(id: $id) { __typename } }`, { id: exportId });
      await two;
      expect(seen[1].export?.status).toBe('CANCELLED');
      expect(bobSeen).toEqual([]);
    } finally {
      await aliceClient.dispose();
      await bobClient.dispose();
    }
  });

  it('delivers the cancel event written by the database to exportProgress followers', async () => {
    const exportId = await startExport(alice);
    const client = wsClient({ Authorization: `Bearer ${alice.token}` });
    try {
      const statuses: string[] = [];
      let first!: () => void;
      const firstArrived = new Promise<void>((resolve) => (first = resolve));
      const done = new Promise<void>((resolve, reject) =>
        client.subscribe<{ exportProgress: any }>(
          { query: PROGRESS, variables: { id: exportId } },
          {
            next: (result) => {
              statuses.push(result.data!.exportProgress.status);
              first();
            },
            error: reject,
            complete: resolve,
          },
        ),
      );
      await firstArrived;
      await h.gql(alice, `mutation($id: ID!) { cancelExport(id: $id) { __typename } }`, { id: exportId });
      await done;
      expect(statuses).toEqual(['PENDING', 'CANCELLED']);
    } finally {
      await client.dispose();
    }
  });
});

describe('SSE', () => {
  it('streams exportProgress as server-sent events and ends the stream after the final event', async () => {
    const exportId = await startExport(alice);
    await workerEvent(exportId, 'SUCCEEDED', 'done');
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${alice.token}` },
      body: JSON.stringify({ query: PROGRESS, variables: { id: exportId } }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await response.text(); // resolves only because the stream completes
    const events = text
      .split('\n')
      .filter((line) => line.startsWith('data: ') && line.length > 6)
      .map((line) => JSON.parse(line.slice(6)))
      .filter((payload) => payload.data);
    expect(events.map((payload) => payload.data.exportProgress.status)).toEqual(['PENDING', 'SUCCEEDED']);
  });
});

describe('HTTP', () => {
  it('passes the graphql-http audit with no MUST failures', async () => {
    const results = await auditServer({ url: `${url}/graphql`, fetchFn: fetch });
    expect(results.filter((result) => result.name.startsWith('MUST')).length).toBeGreaterThan(10);
    const failedMusts = results.filter((result) => result.status !== 'ok' && result.name.startsWith('MUST'));
    expect(failedMusts.map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`)).toEqual([]);
  });

  it('serves GET queries and allows the web origin by CORS', async () => {
    const get = await fetch(`${url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin: 'http://localhost:5173' } });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const preflight = await fetch(`${url}/auth/v1/token?grant_type=password`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'apikey,authorization,content-type',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const other = await fetch(`${url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).not.toBe('http://evil.example');
  });
});
