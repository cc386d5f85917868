// Export workers that generate and format in a worker thread (as the API's in-process worker does on
// the embedded default), on the test database: the bytes equal one-pass bytes for every format,
// chunked or not; the bytes were made by the thread, not the main one; a thread that dies
// mid-export fails the export cleanly (no file, no chunk rows, failed is the last event) and the
// next export gets a new thread; cancel reaches the thread.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId as mainThreadId } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/port.js';
import { startWorker, type RunningWorker, type WorkerOptions } from '../../src/jobs/index.js';
import { createNotifyFeed } from '../../src/realtime/notify-feed.js';
import type { ExportFeed } from '../../src/realtime/port.js';
import { createLocalStorage, type LocalStorage } from '../../src/storage/local.js';
import { StorageError } from '../../src/storage/port.js';
import { createTestDatabase } from '../support/database.js';
import { claimsOf, createExport, createUser, definition, eventsOf, exportRow } from './fixtures.js';
import { eventsUntilEnd, firstEvent, readObject, referenceBytes, referenceReport, spyStorage } from './helpers.js';

let db: Database;
let drop: () => Promise<void>;
let dataDir: string;
let storage: LocalStorage;
let feed: ExportFeed;
let owner: string;
const workers: RunningWorker[] = [];

async function worker(options: Partial<WorkerOptions> = {}) {
  const running = await startWorker({ db, storage, leaseMs: 2_000, progressMs: 250, idlePollMs: 200, generateInThread: true, ...options });
  workers.push(running);
  return running;
}

const chunkRowCount = async (exportId: string) =>
  Number(
    (await db.asService((tx) => tx.query<{ n: string }>(`select count(*) as n from generator_export_chunks where export_id = $1::uuid`, [exportId])))[0].n,
  );

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
  dataDir = await mkdtemp(join(tmpdir(), 'tdg-threads-'));
  storage = await createLocalStorage({ dataDir });
  feed = createNotifyFeed(db);
  owner = await createUser(db, 'owner');
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

afterAll(async () => {
  await feed?.close();
  await drop?.();
  await rm(dataDir, { recursive: true, force: true });
});

describe('export worker generating in a worker thread', () => {
  it.each([
    ['csv', definition(4_000)],
    ['csv (two tables: a zip)', definition(1_500, 2_100)],
    ['json', definition(1_500, 2_000)],
    ['sql', definition(2_500, 1_100)],
    ['ndjson', definition(3_001)],
    ['xlsx', definition(2_100)],
  ])('one worker: a %s export is the one-pass bytes, made by the thread', async (name, def) => {
    const format = name.split(' ')[0];
    const w = await worker({ chunkRows: 1_000_000 });
    const exportId = await createExport(db, owner, { definition: def, format });
    const events = await eventsUntilEnd(db, feed, owner, exportId);
    expect(events.at(-1)?.status).toBe('SUCCEEDED');
    const row = await exportRow(db, exportId);
    expect((await readObject(storage, row.result_path)).equals(await referenceBytes({ definition: def, format }))).toBe(true);
    expect(row.report).toEqual(await referenceReport({ definition: def, format }));
    const run = w.threads!.recent.find((r) => r.exportId === exportId && r.kind === 'export');
    expect(run).toBeDefined();
    expect(run!.threadId).not.toBe(mainThreadId);
    expect(w.threads!.threadIds).toContain(run!.threadId);
  });

  it.runIf(process.platform === 'linux')('the generation thread runs at nice 10, the main thread at the process priority', async () => {
    await worker();
    const exportId = await createExport(db, owner, { definition: definition(500), format: 'csv' });
    expect((await eventsUntilEnd(db, feed, owner, exportId)).at(-1)?.status).toBe('SUCCEEDED');
    // field 19 of /proc/<pid>/task/<tid>/stat is the task's nice value
    const niceOf = async (task: string) => {
      const stat = await readFile(`/proc/self/task/${task}/stat`, 'utf8').catch(() => '');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const nices = await Promise.all((await readdir('/proc/self/task')).map(niceOf));
    expect(await niceOf(String(process.pid))).toBe(0);
    expect(nices).toContain(10);
  });

  it.each([
    ['csv (two tables: a zip)', definition(1_500, 2_100), 'bytes'],
    ['json', definition(1_500, 2_000), 'bytes'],
    ['xlsx', definition(2_100), 'rows'],
  ])('two threaded workers sharing a %s export in chunks make the one-pass bytes', async (name, def, kind) => {
    const format = name.split(' ')[0];
    const spyA = spyStorage(storage);
    const spyB = spyStorage(storage);
    await worker({ storage: spyA.storage, chunkRows: 700, workerId: 'thread-a', idlePollMs: 10 });
    await worker({ storage: spyB.storage, chunkRows: 700, workerId: 'thread-b', idlePollMs: 10 });
    const exportId = await createExport(db, owner, { definition: def, format });
    const events = await eventsUntilEnd(db, feed, owner, exportId);
    expect(events.at(-1)?.status).toBe('SUCCEEDED');
    const row = await exportRow(db, exportId);
    expect((await readObject(storage, row.result_path)).equals(await referenceBytes({ definition: def, format }))).toBe(true);
    expect(row.report).toEqual(await referenceReport({ definition: def, format }));
    // chunk files made by a thread and read back by the coordinator's main thread
    const chunkPaths = [...spyA.chunkPaths, ...spyB.chunkPaths];
    expect(chunkPaths.length).toBeGreaterThan(0);
    for (const path of chunkPaths) expect(path).toMatch(new RegExp(`/chunks/\\d{6}\\.${kind}$`));
    expect(await chunkRowCount(exportId)).toBe(0);
  });

  it('a thread that dies mid-export fails it cleanly, and the next export gets a new thread', async () => {
    const w = await worker({ chunkRows: 100_000 });
    const rows = 1_500_000;
    const exportId = await createExport(db, owner, { definition: definition(rows), format: 'csv' });
    await firstEvent(db, feed, owner, exportId, (e) => {
      const done = (e.metadata as { rowsDone?: number }).rowsDone ?? 0;
      return e.status === 'RUNNING' && done > 0 && done < rows;
    });
    const [before] = w.threads!.threadIds;
    await w.threads!.terminate();
    const events = await eventsUntilEnd(db, feed, owner, exportId);
    expect(events.at(-1)?.status).toBe('FAILED');
    expect(events.filter((e) => ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(e.status))).toHaveLength(1);
    const row = await exportRow(db, exportId);
    expect(row).toMatchObject({ status: 'failed', lease_owner: null, result_path: null });
    expect(row.error_details).toMatchObject({ code: 'GENERATOR_CRASHED' });
    expect(await chunkRowCount(exportId)).toBe(0);
    expect(await storage.exists(`${owner}/${exportId}`)).toBe(false);

    const def = definition(3_000);
    const next = await createExport(db, owner, { definition: def, format: 'csv' });
    expect((await eventsUntilEnd(db, feed, owner, next)).at(-1)?.status).toBe('SUCCEEDED');
    expect((await readObject(storage, (await exportRow(db, next)).result_path)).equals(await referenceBytes({ definition: def, format: 'csv' }))).toBe(true);
    const run = w.threads!.recent.find((r) => r.exportId === next);
    expect(run?.threadId).toBeDefined();
    expect(run!.threadId).not.toBe(before);
  });

  it('a storage failure while the thread writes ends failed with STORAGE_FAILED and leaves no file', async () => {
    const spy = spyStorage(storage);
    spy.failFinal = new StorageError('disk full', 'STORAGE_FAILED');
    const w = await worker({ storage: spy.storage });
    const exportId = await createExport(db, owner, { definition: definition(30_000), format: 'json' });
    expect((await eventsUntilEnd(db, feed, owner, exportId)).at(-1)?.status).toBe('FAILED');
    const row = await exportRow(db, exportId);
    expect(row).toMatchObject({ status: 'failed', result_path: null });
    expect(row.error_details).toMatchObject({ code: 'STORAGE_FAILED' });
    expect(await storage.exists(`${owner}/${exportId}`)).toBe(false);
    // the thread stopped that run and takes the next
    spy.failFinal = undefined;
    const def = definition(1_000);
    const next = await createExport(db, owner, { definition: def, format: 'json' });
    expect((await eventsUntilEnd(db, feed, owner, next)).at(-1)?.status).toBe('SUCCEEDED');
    expect((await readObject(storage, (await exportRow(db, next)).result_path)).equals(await referenceBytes({ definition: def, format: 'json' }))).toBe(true);
    expect(w.threads!.recent.some((r) => r.exportId === next)).toBe(true);
  });

  it('cancel reaches the thread: the run stops, partial output goes, cancelled is the last event', async () => {
    const w = await worker({ chunkRows: 100_000 });
    const rows = 1_500_000;
    const exportId = await createExport(db, owner, { definition: definition(rows), format: 'ndjson' });
    await firstEvent(db, feed, owner, exportId, (e) => e.status === 'RUNNING' && ((e.metadata as { rowsDone?: number }).rowsDone ?? 0) > 0);
    await db.asUser(claimsOf(owner), (tx) => tx.query(`select public.cancel_generator_export($1::uuid)`, [exportId]));
    const events = await eventsUntilEnd(db, feed, owner, exportId);
    expect(events.at(-1)?.status).toBe('CANCELLED');
    // the cancel wrote the terminal event; stopping waits for the run to have cleaned up after it
    await w.stop();
    const all = await eventsOf(db, exportId);
    expect(all.at(-1)?.status).toBe('cancelled');
    const row = await exportRow(db, exportId);
    expect(row).toMatchObject({ status: 'cancelled', lease_owner: null, result_path: null });
    expect(await chunkRowCount(exportId)).toBe(0);
    expect(await storage.exists(`${owner}/${exportId}`)).toBe(false);
  });

  it('a worker stopped before a cancel reached it settles the export as cancelled: no chunk rows, no file, the lease let go', async () => {
    // this worker hears no cancel notice and renews its lease rarely, so stop() is what ends the run
    const deaf = new Proxy(db, {
      get(target, key) {
        if (key === 'listen')
          return (channel: string, fn: (payload: string) => void) =>
            target.listen(channel, (payload) => (payload.includes('"cancelled"') ? undefined : fn(payload)));
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const w = await worker({ db: deaf, chunkRows: 100_000, leaseMs: 120_000, heartbeatMs: 60_000 });
    const exportId = await createExport(db, owner, { definition: definition(1_500_000), format: 'ndjson' });
    await firstEvent(db, feed, owner, exportId, (e) => e.status === 'RUNNING' && ((e.metadata as { rowsDone?: number }).rowsDone ?? 0) > 0);
    expect(await chunkRowCount(exportId)).toBeGreaterThan(0);
    await db.asUser(claimsOf(owner), (tx) => tx.query(`select public.cancel_generator_export($1::uuid)`, [exportId]));
    await w.stop();
    const row = await exportRow(db, exportId);
    expect(row).toMatchObject({ status: 'cancelled', lease_owner: null, result_path: null });
    expect((await eventsOf(db, exportId)).at(-1)?.status).toBe('cancelled');
    expect(await chunkRowCount(exportId)).toBe(0);
    expect(await storage.exists(`${owner}/${exportId}`)).toBe(false);
  });
});
