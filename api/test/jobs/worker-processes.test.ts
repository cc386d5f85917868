// `tdg worker` as real processes against a PostgreSQL server (PGlite lives inside one process, so
// these run only with TDG_TEST_DATABASE_URL): SIGKILL mid-export and takeover after the lease
// expires, and two processes sharing one export — both byte-identical to a one-pass run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/port.js';
import { createNotifyFeed } from '../../src/realtime/notify-feed.js';
import type { ExportFeed } from '../../src/realtime/port.js';
import { createLocalStorage, type LocalStorage } from '../../src/storage/local.js';
import { createTestDatabase } from '../support/database.js';
import { createExport, createUser, definition, exportRow } from './fixtures.js';
import { eventsUntilEnd, firstEvent, readObject, referenceBytes } from './helpers.js';

const server = Boolean(process.env.TDG_TEST_DATABASE_URL);
const apiDir = fileURLToPath(new URL('../..', import.meta.url));

let db: Database;
let url: string | undefined;
let drop: () => Promise<void>;
let dataDir: string;
let storage: LocalStorage;
let feed: ExportFeed;
let owner: string;
const children: ChildProcess[] = [];

interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves once the process says it is waiting for exports (tsx start-up takes seconds under load). */
  ready: Promise<void>;
}

function spawnWorker(name: string, extra: string[] = []): WorkerProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--worker-id', name, '--lease-ms', '2000', '--progress-ms', '250', '--chunk-rows', '4000', ...extra],
    {
      cwd: apiDir,
      env: { ...process.env, DATABASE_URL: url, TDG_DATA_DIR: dataDir, SUPABASE_URL: '', SUPABASE_SERVICE_ROLE_KEY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let output = '';
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const collect = (part: Buffer) => {
    output += part;
    if (output.includes('waiting for exports')) markReady();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited, ready };
}

beforeAll(async () => {
  if (!server) return;
  ({ db, url, drop } = await createTestDatabase());
  dataDir = await mkdtemp(join(tmpdir(), 'tdg-worker-processes-'));
  storage = await createLocalStorage({ dataDir });
  feed = createNotifyFeed(db);
  owner = await createUser(db, 'owner');
});

afterEach(async () => {
  await Promise.all(
    children.splice(0).map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }),
  );
});

afterAll(async () => {
  if (!server) return;
  await feed.close();
  await drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('tdg worker processes', () => {
  it.runIf(server)('a worker killed with SIGKILL mid-export is taken over after its lease expires; the result is identical', async () => {
    const def = definition(400_000);
    const victim = spawnWorker('victim');
    const exportId = await createExport(db, owner, { definition: def, format: 'csv' });
    await firstEvent(db, feed, owner, exportId, (e) => e.status === 'RUNNING' && ((e.metadata as { rowsDone?: number }).rowsDone ?? 0) > 0);
    victim.child.kill('SIGKILL');
    await victim.exited;
    expect((await exportRow(db, exportId)).status).toBe('running'); // nobody cleaned up: it really died mid-run

    const rescuer = spawnWorker('rescuer');
    const events = await eventsUntilEnd(db, feed, owner, exportId);
    expect(events.some((e) => e.message?.includes('resumed by worker rescuer'))).toBe(true);
    expect(events.at(-1)?.status).toBe('SUCCEEDED');
    const bytes = await readObject(storage, (await exportRow(db, exportId)).result_path);
    expect(bytes.equals(await referenceBytes({ definition: def, format: 'csv' }))).toBe(true);
    expect(rescuer.output()).toContain(exportId);
  });

  it.runIf(server)('two worker processes share one export and make the same bytes as one pass', async () => {
    const def = definition(12_000, 30_000);
    const one = spawnWorker('one');
    const two = spawnWorker('two');
    await Promise.all([one.ready, two.ready]); // both must be up, or one alone may finish before the other starts
    const exportId = await createExport(db, owner, { definition: def, format: 'sql' });
    const events = await eventsUntilEnd(db, feed, owner, exportId);
    expect(events.at(-1)?.status).toBe('SUCCEEDED');
    const bytes = await readObject(storage, (await exportRow(db, exportId)).result_path);
    expect(bytes.equals(await referenceBytes({ definition: def, format: 'sql' }))).toBe(true);
    // one coordinated, the other made chunks for it
    expect(one.output()).toContain(exportId);
    expect(two.output()).toContain(exportId);
  });

  it.runIf(server)(
    'both workers of a shared export killed with SIGKILL: a third takes over, uses the chunk files they made, and the result is identical',
    async () => {
      const def = definition(48_000);
      const a = spawnWorker('killed-a');
      const b = spawnWorker('killed-b');
      await Promise.all([a.ready, b.ready]);
      const exportId = await createExport(db, owner, { definition: def, format: 'json' });
      // until a chunk file is done; made by whichever of the two did not claim the chunk in place
      const chunkFiles = () =>
        db.asService((tx) =>
          tx.query<{ chunk_index: number; representation: string }>(
            `select chunk_index, representation from generator_export_chunks where export_id = $1::uuid and status = 'done' and result_path is not null`,
            [exportId],
          ),
        );
      await expect.poll(async () => (await chunkFiles()).length, { timeout: 60_000, interval: 20 }).toBeGreaterThan(0);
      a.child.kill('SIGKILL');
      b.child.kill('SIGKILL');
      await Promise.all([a.exited, b.exited]);
      expect((await exportRow(db, exportId)).status).toBe('running');
      const left = await chunkFiles();
      expect(left.length).toBeGreaterThan(0);
      expect(left.every((c) => c.representation === 'bytes')).toBe(true);

      const rescuer = spawnWorker('rescuer-of-two');
      const events = await eventsUntilEnd(db, feed, owner, exportId);
      expect(events.some((e) => e.message?.includes('resumed by worker rescuer-of-two'))).toBe(true);
      expect(events.at(-1)?.status).toBe('SUCCEEDED');
      const bytes = await readObject(storage, (await exportRow(db, exportId)).result_path);
      expect(bytes.equals(await referenceBytes({ definition: def, format: 'json' }))).toBe(true);
      expect(rescuer.output()).not.toContain('made again'); // the files left behind were read, not redone
    },
  );

  it.runIf(server)('--concurrency N runs N processes that stop together on SIGTERM', async () => {
    const parent = spawnWorker('group', ['--concurrency', '2']);
    await expect.poll(() => (parent.output().match(/waiting for exports/g) ?? []).length, { timeout: 30_000 }).toBe(2);
    parent.child.kill('SIGTERM');
    expect(await parent.exited).toBe(0);
  });

  it('refuses to start without DATABASE_URL', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker'], {
      cwd: apiDir,
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (part) => (stderr += part));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/DATABASE_URL is not set/);
  });
});
