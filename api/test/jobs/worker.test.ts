// Export workers in process, on the test database (PGlite, or PostgreSQL with TDG_TEST_DATABASE_URL):
// the whole run seen through the live feed, chunked runs equal to one-pass runs byte for byte,
// cancel, failures a user can read, hand-over on stop, and the sweep of expired exports.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/port.js';
import { renderedRows, type RenderedRows } from '../../src/formats/index.js';
import { planChunks } from '../../src/jobs/chunks.js';
import { startWorker, sweepExpired, type RunningWorker, type WorkerOptions } from '../../src/jobs/index.js';
import { prepareExport } from '../../src/jobs/plan.js';
import { claimChunk, ensureChunks } from '../../src/exports/store.js';
import { encodeRendered } from '../../src/jobs/rendered-frames.js';
import { encodeBatches } from '../../src/jobs/row-frames.js';
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
  const running = await startWorker({ db, storage, leaseMs: 2_000, progressMs: 250, idlePollMs: 200, ...options });
  workers.push(running);
  return running;
}

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
  dataDir = await mkdtemp(join(tmpdir(), 'tdg-jobs-'));
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

describe('export worker', () => {
  it('runs an export end to end: running, progress, succeeded, and the file holds the rows', async () => {
    await worker({ chunkRows: 1_000_000 });
    // big enough to outlast the first progress interval (250 ms) on a fast machine: a 20,000-row
    // export could finish before it, with no progress event to check
    const rows = 300_000;
    const def = definition(rows);
    const exportId = await createExport(db, owner, { definition: def, format: 'csv' });
    const events = await eventsUntilEnd(db, feed, owner, exportId);

    const statuses = events.map((e) => e.status);
    expect(statuses[0]).toBe('PENDING');
    expect(statuses[1]).toBe('RUNNING');
    expect(statuses.at(-1)).toBe('SUCCEEDED');
    expect(statuses.slice(1, -1).every((s) => s === 'RUNNING')).toBe(true);
    const progress = events.filter((e) => e.status === 'RUNNING' && (e.metadata as { rowsPerSecond?: number }).rowsPerSecond !== undefined);
    expect(progress.length).toBeGreaterThan(0);
    for (const event of progress) {
      expect(event.metadata).toEqual({
        rowsDone: expect.any(Number),
        rowsTotal: rows,
        rowsPerSecond: expect.any(Number),
        etaSeconds: expect.toBeOneOf([null, expect.any(Number)]),
      });
    }
    // progress events at most every 250 ms (the worker's progressMs)
    const times = progress.map((e) => e.createdAt.getTime());
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(200);

    const row = await exportRow(db, exportId);
    expect(row).toMatchObject({ status: 'succeeded', lease_owner: null, error_details: null });
    expect(row.completed_at).not.toBeNull();
    expect(row.result_path).toBe(`${owner}/${exportId}/export.csv`);
    const bytes = await readObject(storage, row.result_path);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8'), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(['id', 'n', 'email', 'joined']);
    expect(parsed.data.length).toBe(rows + 1);
    expect(new Set(parsed.data.slice(1).map((r) => r[0])).size).toBe(rows);
    expect(bytes.equals(await referenceBytes({ definition: def, format: 'csv' }))).toBe(true);
    expect(await storage.exists(`${owner}/${exportId}/chunks`)).toBe(false);
  });

  it.each([
    ['csv', definition(9_000), 'bytes'],
    ['csv (two tables: a zip)', definition(3_000, 4_200), 'bytes'],
    ['json', definition(3_000, 7_000), 'bytes'],
    ['sql', definition(2_500, 4_100), 'bytes'],
    ['ndjson', definition(5_001), 'bytes'],
    ['xlsx', definition(2_100), 'rows'],
  ])('two workers sharing one %s export in chunks make the same bytes as one pass', async (name, def, kind) => {
    const format = name.split(' ')[0];
    const spyA = spyStorage(storage);
    const spyB = spyStorage(storage);
    await worker({ storage: spyA.storage, chunkRows: 700, workerId: 'worker-a', idlePollMs: 10 });
    await worker({ storage: spyB.storage, chunkRows: 700, workerId: 'worker-b', idlePollMs: 10 });
    const exportId = await createExport(db, owner, { definition: def, format });
    const events = await eventsUntilEnd(db, feed, owner, exportId);
    expect(events.at(-1)?.status).toBe('SUCCEEDED');
    const row = await exportRow(db, exportId);
    const bytes = await readObject(storage, row.result_path);
    expect(bytes.equals(await referenceBytes({ definition: def, format }))).toBe(true);
    // the realism report: chunk parts made by both workers, merged, equal the one-pass report
    expect(row.report).toEqual(await referenceReport({ definition: def, format }));
    expect(row.report.tables.map((t: { rows: number }) => t.rows)).toEqual(def.tables.map((t) => t.rows));
    // the worker that did not coordinate made chunks, which the coordinator read back: formatted
    // bytes wherever the format allows, row batches for xlsx
    const chunkPaths = [...spyA.chunkPaths, ...spyB.chunkPaths];
    expect(chunkPaths.length).toBeGreaterThan(0);
    for (const path of chunkPaths) expect(path).toMatch(new RegExp(`/chunks/\\d{6}\\.${kind}$`));
    expect(await storage.exists(`${owner}/${exportId}/chunks`)).toBe(false);
  });

  it("a helper claims an export's last pending chunk first; the coordinator claims forward", async () => {
    const exportId = await createExport(db, owner, { definition: definition(5_000), format: 'csv' });
    // as a coordinator leaves it: running, under its lease, with its chunks planned
    await db.asService((tx) =>
      tx.query(
        `update generator_exports set status = 'running', lease_owner = 'coordinator', lease_expires_at = now() + interval '1 minute' where id = $1::uuid`,
        [exportId],
      ),
    );
    const prepared = prepareExport({ definition: definition(5_000), format: 'csv', seed: 'seed-1' }, { seed: 'seed-1', format: 'csv' });
    await db.asService((tx) => ensureChunks(tx, exportId, planChunks(prepared.tables, 1_000)));
    expect((await db.asService((tx) => claimChunk(tx, 'helper', 60_000, { exportId, lastFirst: true })))?.chunkIndex).toBe(4);
    expect((await db.asService((tx) => claimChunk(tx, 'helper', 60_000, { exportId, lastFirst: true })))?.chunkIndex).toBe(3);
    expect((await db.asService((tx) => claimChunk(tx, 'coordinator', 60_000, { exportId, fromIndex: 1 })))?.chunkIndex).toBe(1);
    await db.asService((tx) => tx.query(`update generator_exports set status = 'cancelled' where id = $1::uuid`, [exportId]));
  });

  describe('chunk files that are not what their row says', () => {
    const def = definition(3_000);
    const prepared = prepareExport({ definition: def, format: 'csv', seed: 'seed-1' }, { seed: 'seed-1', format: 'csv' });
    const bytesOf = async (parts: AsyncIterable<Uint8Array>) => {
      const out: Buffer[] = [];
      for await (const part of parts) out.push(Buffer.from(part));
      return Buffer.concat(out);
    };
    // chunk 1 (rows 1000..2000) as another worker makes it: rendered, in frames of 250 rows
    const renderedFrames = async () => {
      const frames: RenderedRows[] = [];
      for await (const frame of renderedRows(prepared.pieces()!, 0, 1_000, prepared.rows(0, 1_000, 2_000, 250))) frames.push(frame);
      return frames;
    };

    /** An export of 3 chunks whose chunk 1 is already done, with `file` recorded as `representation`. */
    async function exportWithChunkFile(file: Buffer, representation: 'rows' | 'bytes') {
      const exportId = await createExport(db, owner, { definition: def, format: 'csv' });
      await db.asService((tx) => ensureChunks(tx, exportId, planChunks(prepared.tables, 1_000)));
      const path = `${owner}/${exportId}/chunks/000001.${representation}`;
      await storage.put(
        path,
        (async function* () {
          yield file;
        })(),
      );
      await db.asService((tx) =>
        tx.query(`update generator_export_chunks set status = 'done', result_path = $2, representation = $3 where export_id = $1::uuid and chunk_index = 1`, [
          exportId,
          path,
          representation,
        ]),
      );
      return exportId;
    }

    it.each([
      [
        'row batches in a chunk recorded as bytes',
        () => bytesOf(encodeBatches(prepared.rows(0, 1_000, 2_000, 250))),
        'bytes',
        /000001\.bytes: not a chunk file of rendered rows/,
      ],
      [
        'rendered rows in a chunk recorded as rows',
        async () => bytesOf(encodeRendered(await renderedFrames())),
        'rows',
        /000001\.rows: holds rendered rows, not row batches/,
      ],
    ] as const)('%s are noticed before use, and the chunk is made again', async (_name, file, representation, message) => {
      const lines: string[] = [];
      const exportId = await exportWithChunkFile(await file(), representation);
      await worker({ chunkRows: 1_000, log: (line) => lines.push(line) });
      const events = await eventsUntilEnd(db, feed, owner, exportId);
      expect(events.at(-1)?.status).toBe('SUCCEEDED');
      expect(lines.find((line) => line.includes('chunk 1 made again'))).toMatch(message);
      const bytes = await readObject(storage, (await exportRow(db, exportId)).result_path);
      expect(bytes.equals(await referenceBytes({ definition: def, format: 'csv' }))).toBe(true);
    });

    it.each([
      // a frame per 250 rows, so the fault is found after some of the chunk went into the result
      [
        'cut in the middle of its last frame',
        async () => (await bytesOf(encodeRendered(await renderedFrames(), 1))).subarray(0, -10),
        /000001\.bytes: truncated/,
      ],
      ['one frame short', async () => bytesOf(encodeRendered((await renderedFrames()).slice(0, -1), 1)), /000001\.bytes: holds 750 rows, chunk 1 has 1000/],
    ])('a chunk file of rendered rows %s fails the export with CHUNK_CORRUPT and leaves no file', async (_name, file, message) => {
      const exportId = await exportWithChunkFile(await file(), 'bytes');
      await worker({ chunkRows: 1_000 });
      const events = await eventsUntilEnd(db, feed, owner, exportId);
      expect(events.at(-1)?.status).toBe('FAILED');
      const row = await exportRow(db, exportId);
      expect(row.error_details).toEqual({ code: 'CHUNK_CORRUPT', message: expect.stringMatching(message) });
      expect(await storage.exists(`${owner}/${exportId}/export.csv`)).toBe(false);
    });
  });

  it('cancel stops the work within a second, removes partial output, and cancelled is the last event', async () => {
    let stoppedAt = 0;
    let runEnded!: () => void;
    const ended = new Promise<void>((resolve) => (runEnded = resolve));
    await worker({
      chunkRows: 50_000,
      log: (line) => {
        if (line.includes('stopped (cancelled)')) stoppedAt = Date.now();
        if (line.includes('run ended')) runEnded();
      },
    });
    const exportId = await createExport(db, owner, { definition: definition(400_000), format: 'csv' });
    await firstEvent(db, feed, owner, exportId, (e) => e.status === 'RUNNING' && ((e.metadata as { rowsDone?: number }).rowsDone ?? 0) > 0);
    await db.asUser(claimsOf(owner), (tx) => tx.query(`select public.cancel_generator_export($1::uuid)`, [exportId]));
    const cancelledAt = Date.now(); // committed: from here the worker can see it
    await ended;
    // the work stops within a second; removing files and settling may take a little longer
    const stoppedAfter = stoppedAt - cancelledAt;
    expect(stoppedAfter, `${stoppedAfter} ms from cancel to the work stopping`).toBeLessThan(1_000);
    expect(stoppedAt).toBeGreaterThan(0);
    const events = await eventsOf(db, exportId);
    expect(events.at(-1)?.status).toBe('cancelled');
    expect(events.filter((e) => e.status === 'cancelled')).toHaveLength(1);
    const row = await exportRow(db, exportId);
    expect(row).toMatchObject({ status: 'cancelled', result_path: null });
    expect(row.completed_at).not.toBeNull();
    expect(await storage.exists(`${owner}/${exportId}/export.csv`)).toBe(false);
    expect(await storage.exists(`${owner}/${exportId}/chunks`)).toBe(false);
  });

  it('a bad definition ends failed with error_details naming the place', async () => {
    await worker();
    const broken = { version: 1, tables: [{ name: 'customers', rows: 5, fields: [{ name: 'id', type: 'no-such-type' }] }] };
    const exportId = await createExport(db, owner, { definition: broken, format: 'csv', rowCount: 5 });
    const events = await eventsUntilEnd(db, feed, owner, exportId);
    expect(events.at(-1)?.status).toBe('FAILED');
    const row = await exportRow(db, exportId);
    expect(row.status).toBe('failed');
    expect(row.error_details).toEqual({ code: 'BAD_DEFINITION', message: expect.stringContaining('tables[0].fields[0]') });
  });

  it('a storage failure ends failed with STORAGE_FAILED and leaves no file', async () => {
    const spy = spyStorage(storage);
    spy.failFinal = new StorageError('storage put "x": disk full', 'STORAGE_FAILED');
    await worker({ storage: spy.storage });
    const exportId = await createExport(db, owner, { definition: definition(3_000), format: 'ndjson' });
    const events = await eventsUntilEnd(db, feed, owner, exportId);
    expect(events.at(-1)).toMatchObject({ status: 'FAILED', metadata: { error: { code: 'STORAGE_FAILED' } } });
    expect((await exportRow(db, exportId)).error_details).toMatchObject({ code: 'STORAGE_FAILED', message: expect.stringContaining('disk full') });
    expect(await storage.exists(`${owner}/${exportId}/export.ndjson`)).toBe(false);
  });

  it('a stopped worker hands its export over at once and another finishes it identically', async () => {
    const first = await worker({ chunkRows: 10_000, workerId: 'first' });
    // big enough that the first worker is still at it when it stops (a fast one finished 60,000 rows first)
    const def = definition(600_000);
    const exportId = await createExport(db, owner, { definition: def, format: 'csv' });
    await firstEvent(db, feed, owner, exportId, (e) => e.status === 'RUNNING' && ((e.metadata as { rowsDone?: number }).rowsDone ?? 0) > 0);
    await first.stop();
    await worker({ chunkRows: 10_000, workerId: 'second' });
    const events = await eventsUntilEnd(db, feed, owner, exportId);
    expect(events.some((e) => e.message?.includes('resumed by worker second'))).toBe(true);
    expect(events.at(-1)?.status).toBe('SUCCEEDED');
    const bytes = await readObject(storage, (await exportRow(db, exportId)).result_path);
    expect(bytes.equals(await referenceBytes({ definition: def, format: 'csv' }))).toBe(true);
  });
});

describe('sweepExpired', () => {
  it('deletes expired exports with their files and keeps the rest', async () => {
    const expired = await createExport(db, owner, { definition: definition(1) });
    const fresh = await createExport(db, owner, { definition: definition(1) });
    for (const id of [expired, fresh]) {
      await storage.put(
        `${owner}/${id}/export.csv`,
        (async function* () {
          yield Buffer.from('id\n');
        })(),
      );
      await db.asService((tx) =>
        tx.query(`update generator_exports set status = 'succeeded', result_path = $2 where id = $1::uuid`, [id, `${owner}/${id}/export.csv`]),
      );
    }
    await db.asService((tx) => tx.query(`update generator_exports set expires_at = now() - interval '1 minute' where id = $1::uuid`, [expired]));
    const result = await sweepExpired(db, storage);
    expect(result.deleted).toEqual([expired]);
    expect(await exportRow(db, expired)).toBeUndefined();
    expect(await storage.exists(`${owner}/${expired}/export.csv`)).toBe(false);
    expect((await exportRow(db, fresh)).status).toBe('succeeded');
    expect(await storage.exists(`${owner}/${fresh}/export.csv`)).toBe(true);
  });
});
