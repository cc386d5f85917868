// The whole path through the API: startExport / cancelExport mutations, a worker, the feed as the
// API's pubsub transport, and exportProgress over a real graphql-ws socket.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWorker, type RunningWorker } from '../../src/jobs/index.js';
import { createNotifyFeed } from '../../src/realtime/notify-feed.js';
import type { ExportFeed } from '../../src/realtime/port.js';
import { createLocalStorage, type LocalStorage } from '../../src/storage/local.js';
import { startHarness, type Harness, type TestUser } from '../graphql/harness.js';
import { definition, exportRow } from './fixtures.js';
import { readObject, referenceBytes, referenceReport } from './helpers.js';

let h: Harness;
let alice: TestUser;
let mallory: TestUser;
let dataDir: string;
let storage: LocalStorage;
let feed: ExportFeed;
let stopEcho: () => Promise<void>;
let worker: RunningWorker;
let wsUrl: string;
const clients: Client[] = [];

const START = `mutation($definition: JSON!, $rowCount: Int!, $seed: String) {
  startExport(definition: $definition, format: CSV, rowCount: $rowCount, seed: $seed) {
    __typename ... on Error { message } ... on ExportPayload { export { id status } } } }`;
const CANCEL = `mutation($id: ID!) { cancelExport(id: $id) { __typename ... on Error { message } ... on ExportPayload { export { id status } } } }`;
const PROGRESS = `subscription($id: ID!, $after: ID) { exportProgress(exportId: $id, afterEventId: $after) { id seq status metadata } }`;

interface Progress {
  id: string;
  seq: number;
  status: string;
  metadata: Record<string, any> | null;
}

function follow(user: TestUser, exportId: string, onEvent?: (e: Progress) => void): Promise<{ events: Progress[]; error?: unknown }> {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${user.token}` } });
  clients.push(client);
  const events: Progress[] = [];
  return new Promise((resolve) => {
    client.subscribe<{ exportProgress: Progress }>(
      { query: PROGRESS, variables: { id: exportId } },
      {
        next: (result) => {
          if (result.errors) return resolve({ events, error: result.errors });
          events.push(result.data!.exportProgress);
          onEvent?.(result.data!.exportProgress);
        },
        error: (error) => resolve({ events, error }),
        complete: () => resolve({ events }),
      },
    );
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tdg-graphql-export-'));
  storage = await createLocalStorage({ dataDir });
  h = await startHarness({}, { storage });
  alice = await h.signUp('alice');
  mallory = await h.signUp('mallory');
  wsUrl = `${(await h.app.start()).replace('http', 'ws')}/graphql`;
  feed = createNotifyFeed(h.app.db);
  // a second feed publishing every event into the API's pubsub too: each reaches a follower twice,
  // who must see it once
  stopEcho = await feed.subscribe((event) => h.app.pubsub.publish('exportEvent', event.exportId, event));
  worker = await startWorker({ db: h.app.db, storage, leaseMs: 2_000, progressMs: 250, chunkRows: 2_000 });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await worker?.stop();
  await stopEcho?.();
  await feed?.close();
  await h?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('export through the API', () => {
  it('startExport → worker → exportProgress over graphql-ws ends SUCCEEDED, and the file is the one-pass bytes', async () => {
    const def = definition(100);
    const { data } = await h.gql(alice, START, { definition: def, rowCount: 8_000, seed: 'api-seed' });
    expect(data.startExport.__typename).toBe('ExportPayload');
    const exportId = data.startExport.export.id;
    const { events, error } = await follow(alice, exportId);
    expect(error).toBeUndefined();
    expect(events[0].status).toBe('PENDING');
    expect(events.at(-1)?.status).toBe('SUCCEEDED');
    expect(events.some((e) => e.status === 'RUNNING')).toBe(true);
    const seqs = events.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length); // the API's own publish and the feed's are one event
    const row = await exportRow(h.app.db, exportId);
    const bytes = await readObject(storage, row.result_path);
    expect(bytes.equals(await referenceBytes({ definition: def, format: 'csv', seed: 'api-seed', rowCount: 8_000 }))).toBe(true);

    // the owner's downloadUrl serves those bytes; a stranger gets no export, hence no link
    const link = await h.gql(alice, `query ($id: ID!) { export(id: $id) { downloadUrl } }`, { id: exportId });
    const url: string = link.data.export.downloadUrl;
    expect(url).toMatch(/^http:\/\/localhost:\d+\/downloads\//);
    const response = await h.app.yoga.fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment/);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    const tampered = await h.app.yoga.fetch(url.slice(0, -2) + (url.endsWith('AA') ? 'BB' : 'AA'));
    expect(tampered.status).toBe(403);
    const stranger = await h.gql(mallory, `query ($id: ID!) { export(id: $id) { downloadUrl } }`, { id: exportId });
    expect(stranger.data?.export ?? null).toBeNull();

    // Export.report, typed: tables → columns → statistics, rules → checked and violations
    const reported = await h.gql(
      alice,
      `query ($id: ID!) { export(id: $id) { report {
        summary { rules checked violations skipped }
        tables { name rows columns { name kind nulls nullRate distinct distinctExact topValues { value share } min max histogram { from to count } length { min max } } }
        rules { id table kind name checked violations examples sampled skipped } } } }`,
      { id: exportId },
    );
    expect(reported.errors).toBeUndefined();
    const report = reported.data.export.report;
    const reference = await referenceReport({ definition: def, format: 'csv', seed: 'api-seed', rowCount: 8_000 });
    expect(report.tables.map((t: { name: string; rows: number }) => [t.name, t.rows])).toEqual(reference.tables.map((t) => [t.name, t.rows]));
    const joined = report.tables[0].columns.find((c: { name: string }) => c.name === 'joined');
    expect(joined).toMatchObject({ kind: 'timestamp', nulls: 0, distinctExact: false });
    expect(joined.histogram.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(8_000);
    expect(joined.min).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(report.summary).toEqual({ ...reference.summary });
    expect(report.rules.map((r: { kind: string; violations: number }) => [r.kind, r.violations])).toEqual(
      reference.rules.map((r) => [r.kind.toUpperCase().replace(/-/g, '_'), r.violations]),
    );
  });

  it('cancelExport stops the run; the subscriber’s last event is CANCELLED', async () => {
    const { data } = await h.gql(alice, START, { definition: definition(100), rowCount: 400_000 });
    const exportId = data.startExport.export.id;
    let cancelled: Promise<unknown> | undefined;
    const { events } = await follow(alice, exportId, (event) => {
      if (!cancelled && event.status === 'RUNNING' && (event.metadata?.rowsDone ?? 0) > 0) cancelled = h.gql(alice, CANCEL, { id: exportId });
    });
    expect(((await cancelled) as any).data.cancelExport.__typename).toBe('ExportPayload');
    expect(events.at(-1)?.status).toBe('CANCELLED');
    expect(events.filter((e) => e.status === 'CANCELLED')).toHaveLength(1);
    expect(await storage.exists(`${alice.id}/${exportId}/export.csv`)).toBe(false);
  });

  it('a stranger cannot follow someone else’s export', async () => {
    const { data } = await h.gql(alice, START, { definition: definition(10), rowCount: 10 });
    const { events, error } = await follow(mallory, data.startExport.export.id);
    expect(events).toEqual([]);
    expect(JSON.stringify(error)).toMatch(/not found/i);
  });
});
