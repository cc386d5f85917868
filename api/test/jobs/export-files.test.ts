// Files follow their rows (issue 12, item 4): the sweeper removes folders whose export row is gone,
// leftovers of finished exports and `.partial` files nobody writes any more; a worker starting
// after a crash takes back the dead worker's leases, removes its half-written files and finishes
// the export at once instead of after the lease.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/port.js';
import { recoverDeadWorkers, sweepOrphanFiles } from '../../src/jobs/export-files.js';
import { claimExport, ensureChunks } from '../../src/exports/store.js';
import { folderOf } from '../../src/jobs/run-export.js';
import { startWorker } from '../../src/jobs/worker.js';
import { createNotifyFeed } from '../../src/realtime/notify-feed.js';
import { createLocalStorage, type LocalStorage } from '../../src/storage/local.js';
import type { ExportStorage } from '../../src/storage/port.js';
import { createSupabaseStorage } from '../../src/storage/supabase.js';
import { createTestDatabase } from '../support/database.js';
import { startStorageStandIn, type StorageStandIn } from '../support/supabase-storage.js';
import { createExport, createUser, definition } from './fixtures.js';
import { eventsUntilEnd, readObject, referenceBytes } from './helpers.js';

let db: Database;
let drop: () => Promise<void>;
let dataDir: string;
let local: LocalStorage;
let standIn: StorageStandIn;
let ownerId: string;

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
  dataDir = await mkdtemp(join(tmpdir(), 'tdg-export-files-'));
  local = await createLocalStorage({ dataDir });
  standIn = await startStorageStandIn();
  ownerId = await createUser(db, 'owner');
});
afterAll(async () => {
  await standIn?.close();
  await drop?.();
  await rm(dataDir, { recursive: true, force: true });
});

async function put(storage: ExportStorage, path: string, text = 'x') {
  await storage.put(
    path,
    (async function* () {
      yield Buffer.from(text);
    })(),
  );
}

async function exportWithStatus(status: string, resultFile?: string): Promise<{ id: string; folder: string }> {
  const id = await createExport(db, ownerId, { definition: definition(5) });
  const folder = folderOf(ownerId, id);
  await db.asService((tx) =>
    tx.query(`update generator_exports set status = $2, result_path = $3 where id = $1::uuid`, [id, status, resultFile ? `${folder}/${resultFile}` : null]),
  );
  return { id, folder };
}

const paths = async (storage: ExportStorage, prefix: string) => (await storage.list(prefix)).map((object) => object.path).sort();

/** Claims export `id` for `workerId` for an hour (other suites' pending exports are put out of the way first). */
async function claimFor(id: string, workerId: string) {
  await db.asService((tx) => tx.query(`update generator_exports set status = 'cancelled' where status in ('pending', 'running') and id <> $1::uuid`, [id]));
  expect((await db.asService((tx) => claimExport(tx, workerId, 3_600_000)))?.id).toBe(id);
}

/** A pid that surely belongs to no process any more: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe.each(['local', 'supabase'])('sweepOrphanFiles on %s storage', (kind) => {
  const storageOf = async (): Promise<ExportStorage> =>
    kind === 'local'
      ? createLocalStorage({ dataDir: await mkdtemp(join(tmpdir(), 'tdg-sweep-')) })
      : createSupabaseStorage({ url: standIn.url, serviceRoleKey: standIn.serviceRoleKey, bucket: `b${randomUUID().slice(0, 8)}` });

  it('removes folders whose row is gone and everything of a finished export but its result; keeps what is not ours', async () => {
    const storage = await storageOf();
    const gone = folderOf(ownerId, randomUUID());
    await put(storage, `${gone}/export.csv`);
    await put(storage, `${gone}/chunks/000001.bytes`);
    const succeeded = await exportWithStatus('succeeded', 'export.csv');
    await put(storage, `${succeeded.folder}/export.csv`, 'the result');
    await put(storage, `${succeeded.folder}/chunks/000003.rows`);
    const failed = await exportWithStatus('failed');
    await put(storage, `${failed.folder}/chunks/000000.bytes`);
    const pending = await exportWithStatus('pending');
    await put(storage, `${pending.folder}/export.csv`);
    await put(storage, 'not-a-uuid/folder/file.txt');

    const result = await sweepOrphanFiles(db, storage);
    expect(result.folders).toEqual([gone]);
    expect(result.files.sort()).toEqual([`${failed.folder}/chunks/000000.bytes`, `${succeeded.folder}/chunks/000003.rows`].sort());
    expect(await paths(storage, '')).toEqual([`${pending.folder}/export.csv`, `${succeeded.folder}/export.csv`, 'not-a-uuid/folder/file.txt'].sort());
    expect((await readObject(storage, `${succeeded.folder}/export.csv`)).toString()).toBe('the result');
  });
});

describe('partial files', () => {
  it('a .partial of a running export goes once nobody has written to it for the stale time; a fresh one stays', async () => {
    const running = await exportWithStatus('running');
    await put(local, `${running.folder}/export.csv.aa11.partial`, 'fresh');
    await put(local, `${running.folder}/export.csv.bb22.partial`, 'stale');
    await put(local, `${running.folder}/chunks/000001.bytes`, 'a done chunk');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(join(local.root, ...`${running.folder}/export.csv.bb22.partial`.split('/')), twoHoursAgo, twoHoursAgo);

    const result = await sweepOrphanFiles(db, local, { staleAfterMs: 3_600_000 });
    expect(result.files).toEqual([`${running.folder}/export.csv.bb22.partial`]);
    expect(await paths(local, running.folder)).toEqual([`${running.folder}/chunks/000001.bytes`, `${running.folder}/export.csv.aa11.partial`]);
  });
});

describe('restart after a killed worker', () => {
  it('takes back the dead worker’s leases and half-written files, and leaves a live worker’s alone', async () => {
    const dead = `${hostname()}:${await deadPid()}:dead0001`;
    // another live process of this host (our parent) keeps its lease
    const alive = `${hostname()}:${process.ppid}:alive001`;
    const id = await createExport(db, ownerId, { definition: definition(30), rowCount: 30 });
    const folder = folderOf(ownerId, id);
    await claimFor(id, dead);
    await db.asService((tx) =>
      ensureChunks(
        tx,
        id,
        [0, 1, 2].map((i) => ({ chunkIndex: i, tableIndex: 0, rowStart: i * 10, rowEnd: i * 10 + 10 })),
      ),
    );
    await db.asService((tx) =>
      tx.query(
        `update generator_export_chunks set status = 'running', lease_owner = case chunk_index when 1 then $2 else $3 end,
                lease_expires_at = now() + interval '1 hour' where export_id = $1::uuid and chunk_index in (1, 2)`,
        [id, dead, alive],
      ),
    );
    await put(local, `${folder}/export.csv.0a0a.partial`);
    await put(local, `${folder}/chunks/000001.bytes.1b1b.partial`);
    await put(local, `${folder}/chunks/000002.bytes.2c2c.partial`);

    const result = await recoverDeadWorkers(db, local, 'recoverer');
    expect(result.workers).toEqual([dead]);
    expect(result.exports).toEqual([id]);
    expect(result.chunks).toEqual([{ exportId: id, chunkIndex: 1 }]);
    expect(result.files.sort()).toEqual([`${folder}/chunks/000001.bytes.1b1b.partial`, `${folder}/export.csv.0a0a.partial`]);
    expect(await paths(local, folder)).toEqual([`${folder}/chunks/000002.bytes.2c2c.partial`]);
    const leases = await db.asService((tx) =>
      tx.query<{ owner: string; expired: boolean }>(
        `select lease_owner as owner, lease_expires_at <= now() as expired from generator_exports where id = $1::uuid
         union all select lease_owner, lease_expires_at <= now() from generator_export_chunks where export_id = $1::uuid and chunk_index in (1, 2) `,
        [id],
      ),
    );
    const byOwner = (a: { owner: string }, b: { owner: string }) => a.owner.localeCompare(b.owner);
    expect(leases.sort(byOwner)).toEqual(
      [
        { owner: alive, expired: false },
        { owner: 'recoverer', expired: true },
        { owner: 'recoverer', expired: true },
      ].sort(byOwner),
    );
    await db.asService((tx) => tx.query(`update generator_exports set status = 'cancelled' where id = $1::uuid`, [id]));
  });

  it('a lease of this very pid but no worker of this process is a previous life’s (a restarted container keeps its pid)', async () => {
    const previousLife = `${hostname()}:${process.pid}:oldlife1`;
    const id = await createExport(db, ownerId, { definition: definition(5) });
    await claimFor(id, previousLife);
    const result = await recoverDeadWorkers(db, local, `${hostname()}:${process.pid}:newlife1`);
    expect(result.workers).toEqual([previousLife]);
    expect(result.exports).toEqual([id]);
    // the recovering worker's own id is one of this process's now: never taken for dead
    expect((await recoverDeadWorkers(db, local, `${hostname()}:${process.pid}:third001`)).workers).toEqual([]);
    await db.asService((tx) => tx.query(`update generator_exports set status = 'cancelled' where id = $1::uuid`, [id]));
  });

  it('a worker starting after a crash finishes the dead worker’s export at once, with the same bytes, and no partial left', async () => {
    const feed = createNotifyFeed(db);
    const id = await createExport(db, ownerId, { definition: definition(2_000), rowCount: 2_000 });
    const folder = folderOf(ownerId, id);
    // the killed worker held the export for an hour and left half a file
    const dead = `${hostname()}:${await deadPid()}:killed01`;
    await claimFor(id, dead);
    await put(local, `${folder}/export.csv.dead.partial`, 'half a file');

    const ended = eventsUntilEnd(db, feed, ownerId, id);
    const worker = await startWorker({ db, storage: local, leaseMs: 2_000, idlePollMs: 100 });
    try {
      const events = await ended;
      expect(events.at(-1)?.status).toBe('SUCCEEDED');
      expect(events.some((event) => event.message?.includes('resumed'))).toBe(true);
    } finally {
      await worker.stop();
      await feed.close();
    }
    const [row] = await db.asService((tx) => tx.query<{ result_path: string }>(`select result_path from generator_exports where id = $1::uuid`, [id]));
    expect(await paths(local, folder)).toEqual([row.result_path]);
    expect(await readObject(local, row.result_path)).toEqual(await referenceBytes({ definition: definition(2_000), rowCount: 2_000 }));
  });
});
