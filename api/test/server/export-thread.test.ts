// The embedded default's in-process export worker generates in a worker thread: an export started
// through GraphQL is written by a thread other than the API's, the API answers a query while that
// export is still generating, and the file is the one-pass bytes.
import { threadId as mainThreadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifyFeed } from '../../src/realtime/notify-feed.js';
import type { ExportFeed } from '../../src/realtime/port.js';
import { startHarness, type Harness, type TestUser } from '../graphql/harness.js';
import { definition, exportRow } from '../jobs/fixtures.js';
import { eventsUntilEnd, firstEvent, readObject, referenceBytes } from '../jobs/helpers.js';

const START = `mutation($definition: JSON!, $rows: Int!) {
  startExport(definition: $definition, format: CSV, rowCount: $rows, seed: "threaded") {
    __typename ... on Error { message } ... on ExportPayload { export { id } } } }`;

describe('tdg serve on the embedded default: exports generate in a worker thread', () => {
  let h: Harness;
  let alice: TestUser;
  let feed: ExportFeed;
  beforeAll(async () => {
    // progress every 250 ms (the least allowed), and a million rows: generation now runs at ~170,000 rows/s,
    // so a smaller export could end before its first progress step
    h = await startHarness({ TDG_IN_PROCESS_WORKERS: '1', TDG_PROGRESS_MS: '250' });
    feed = createNotifyFeed(h.app.db);
    alice = await h.signUp('alice');
  });
  afterAll(async () => {
    await feed?.close();
    await h?.close();
  });

  it('the API answers a query while a large export generates, and the export was written by another thread', async () => {
    const rows = 1_000_000;
    const def = definition(rows);
    const { data } = await h.gql(alice, START, { definition: def, rows });
    expect(data.startExport.__typename).toBe('ExportPayload');
    const id: string = data.startExport.export.id;
    const ownerId = (await exportRow(h.app.db, id)).owner_id as string;

    await firstEvent(h.app.db, feed, ownerId, id, (e) => {
      const done = (e.metadata as { rowsDone?: number }).rowsDone ?? 0;
      return e.status === 'RUNNING' && done > 0 && done < rows;
    });
    const answered = await h.gql(alice, 'query { exports(first: 5) { edges { node { id status } } } }');
    expect(answered.errors).toBeUndefined();
    expect(answered.data.exports.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
    // answered before the export finished
    expect((await exportRow(h.app.db, id)).status).toBe('running');

    const events = await eventsUntilEnd(h.app.db, feed, ownerId, id);
    expect(events.at(-1)?.status).toBe('SUCCEEDED');
    const [worker] = h.app.workers;
    const run = worker.threads?.recent.find((r) => r.exportId === id && r.kind === 'export');
    expect(run?.rows).toBe(rows);
    expect(run!.threadId).not.toBe(mainThreadId);
    const row = await exportRow(h.app.db, id);
    const bytes = await readObject(h.app.storage, row.result_path);
    expect(bytes.equals(await referenceBytes({ definition: def, format: 'csv', seed: 'threaded', rowCount: rows }))).toBe(true);
  }, 300_000);
});
