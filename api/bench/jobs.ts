// Jobs bench: (1) time from an event insert to its receipt by graphql-ws subscribers of
// `exportProgress` (LISTEN/NOTIFY feed → the routed yoga PubSub it is the transport of → graphql-ws → client), with 1, 100
// and 1,000 subscribers on one API process; (2) one CSV export of 10M rows (quick: 1M) with one
// worker process and with two, against a PostgreSQL server (DATABASE_URL, default the local one).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/open.js';
import type { Database } from '../src/db/port.js';
import { createPostgresClient } from '../src/db/postgres.js';
import { createNotifyFeed } from '../src/realtime/notify-feed.js';
import { exportProgressStream } from '../src/realtime/streams.js';
import { buildApp } from '../src/server/app.js';
import { openSubscribers, openSubscribersInChild, type SubscriberSet, type SubscriberSpec } from './support/progress-subscribers.js';

const apiDir = fileURLToPath(new URL('..', import.meta.url));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const definition = (rows: number) => ({
  version: 1,
  tables: [
    {
      name: 'customers',
      rows,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'n', type: 'sequence', options: { start: 1, step: 1 } },
        { name: 'email', type: 'internet.email' },
        { name: 'joined', type: 'date.past' },
      ],
    },
  ],
});

async function createExportRow(db: Database, ownerId: string, rows: number): Promise<string> {
  const payload = { definition: definition(rows), format: 'csv', options: {}, seed: 'bench', rowCount: rows };
  return db.asService(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `insert into generator_exports (owner_id, format, row_count, status, seed, job_payload, expires_at)
       values ($1::uuid, 'csv', $2, 'pending', 'bench', $3::jsonb, now() + interval '1 day') returning id::text as id`,
      [ownerId, rows, JSON.stringify(payload)],
    );
    await tx.query(`insert into generator_export_events (export_id, status, message) values ($1::uuid, 'pending', 'queued')`, [row.id]);
    return row.id;
  });
}

export async function latency(quick: boolean) {
  const dataDir = await mkdtemp(join(tmpdir(), 'tdg-bench-jobs-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', TDG_DATA_DIR: dataDir, NODE_ENV: 'production', TDG_IN_PROCESS_WORKERS: '0' });
  const db = await openDatabase({ dataDir: 'memory://' });
  const app = await buildApp(config, { db });
  const base = await app.start();
  // the app's feed is its PubSub's transport; this second feed serves the feed-only rows below
  const feed = createNotifyFeed(db);
  const signup = await fetch(`${base}/auth/v1/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', apikey: 'local-anon-key' },
    body: JSON.stringify({ email: `bench-${Date.now()}@example.com`, password: 'password-123' }),
  });
  const session = (await signup.json()) as { access_token: string; user: { id: string } };
  // no worker runs here: the bench writes the export's events itself
  const wsUrl = `${base.replace('http', 'ws')}/graphql`;
  const events = quick ? 20 : 50;
  const rounds = async (open: (spec: SubscriberSpec) => Promise<SubscriberSet>) => {
    for (const subscribers of [1, 100, 1000]) {
      // a fresh export per round, so no subscriber replays another round's events
      const exportId = await createExportRow(db, session.user.id, 10);
      const set = await open({ wsUrl, token: session.access_token, exportId, count: subscribers });
      if (set.failures) console.log(`  (${set.failures} of ${subscribers} subscriptions failed to connect)`);
      const samples: number[] = [];
      // CPU time is the load-proof figure: on a shared machine the latencies also measure the neighbours
      const cpuBefore = process.cpuUsage();
      for (let e = 0; e < events; e++) {
        const received = set.nextEvent();
        await db.asService((tx) =>
          tx.query(`insert into generator_export_events (export_id, status, message, metadata) values ($1::uuid, 'running', 'bench', $2::jsonb)`, [
            exportId,
            JSON.stringify({ sentAt: performance.timeOrigin + performance.now() }),
          ]),
        );
        samples.push(...(await received));
      }
      const cpu = process.cpuUsage(cpuBefore);
      samples.sort((a, b) => a - b);
      console.log(
        `  ${String(subscribers).padStart(5)} subscribers: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms (${samples.length} receipts); API process CPU ${((cpu.user + cpu.system) / 1000 / events).toFixed(1)} ms per event`,
      );
      await set.dispose();
    }
  };
  console.log(`jobs: event insert → graphql-ws exportProgress receipt (PGlite, one API process, ${events} events per row, clients in a child process)`);
  await rounds(openSubscribersInChild);
  // as measured before the clients moved out: the API's process also does all the client work
  console.log(`jobs: the same, clients in the API's process`);
  await rounds(openSubscribers);

  // the same without GraphQL: the feed's share of the time
  console.log(`jobs: event insert → exportProgressStream receipt (feed only, same database, ${events} events per row)`);
  for (const subscribers of [1, 100, 1000]) {
    const exportId = await createExportRow(db, session.user.id, 10);
    const samples: number[] = [];
    let waiting: { count: number; done: () => void } | undefined;
    const streams = Array.from({ length: subscribers }, () => exportProgressStream(db, feed, { sub: session.user.id, role: 'authenticated' }, exportId, null));
    // the first item is the replayed `pending` event: after it, the stream is live
    await Promise.all(streams.map((stream) => stream.next()));
    const pumps = streams.map(async (stream) => {
      for await (const event of stream) {
        samples.push(performance.timeOrigin + performance.now() - (event.metadata as { sentAt: number }).sentAt);
        if (waiting && --waiting.count === 0) waiting.done();
        if (event.status === 'SUCCEEDED') return;
      }
    });
    for (let e = 0; e < events; e++) {
      const received = new Promise<void>((done) => (waiting = { count: subscribers, done }));
      await db.asService((tx) =>
        tx.query(`insert into generator_export_events (export_id, status, message, metadata) values ($1::uuid, $2, 'bench', $3::jsonb)`, [
          exportId,
          e === events - 1 ? 'succeeded' : 'running',
          JSON.stringify({ sentAt: performance.timeOrigin + performance.now() }),
        ]),
      );
      await received;
    }
    await Promise.all(pumps);
    samples.sort((a, b) => a - b);
    console.log(
      `  ${String(subscribers).padStart(5)} subscribers: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms (${samples.length} receipts)`,
    );
  }
  await feed.close();
  await app.stop();
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
}

export async function exportSpeed(quick: boolean, rowsOverride?: number) {
  const rows = rowsOverride ?? (quick ? 1_000_000 : 10_000_000);
  const benchStart = performance.now();
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tdg_bench_${randomBytes(4).toString('hex')}`;
  const maintenance = createPostgresClient(serverUrl, { max: 1 });
  try {
    await maintenance.unsafe(`create database ${name}`);
  } catch (error) {
    console.log(`jobs: export speed skipped, no PostgreSQL server at ${serverUrl} (${(error as Error).message}); separate worker processes need one`);
    await maintenance.end({ timeout: 1 });
    return;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'tdg-bench-export-'));
  const db = await openDatabase({ databaseUrl: url.toString() });
  const feed = createNotifyFeed(db);
  const children: ChildProcess[] = [];
  // CPU seconds (user + system, reaped children included) from /proc: where a run's time goes on
  // this machine, which the workers share with PostgreSQL and with whatever else runs
  const { readFile, readdir } = await import('node:fs/promises');
  const cores = (await import('node:os')).availableParallelism();
  const cpuOf = async (pid: number | string): Promise<number> => {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
    return fields.length > 14 ? (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100 : 0;
  };
  const postgresCpu = async () => {
    let total = 0;
    for (const pid of (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry))) {
      const comm = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
      if (comm.trim() === 'postgres') total += await cpuOf(pid);
    }
    return total;
  };
  const machineBusy = async () => {
    const [, ...ticks] = (await readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/).map(Number);
    return (ticks.slice(0, 8).reduce((sum, n) => sum + n, 0) - ticks[3] - ticks[4]) / 100; // all but idle and iowait
  };
  const cpuNow = async () => ({
    workers: await Promise.all(children.map((child) => cpuOf(child.pid!))),
    postgres: await postgresCpu(),
    bench: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    machine: await machineBusy(),
  });
  try {
    const ownerId = (
      await db.asService((tx) =>
        tx.query<{ id: string }>(`insert into auth.users (id, email) values (gen_random_uuid(), 'bench@example.com') returning id::text as id`),
      )
    )[0].id;
    console.log(`jobs: one ${rows.toLocaleString('en')}-row CSV export (4 columns), worker processes against PostgreSQL, local storage, 250k-row chunks`);
    const seconds: Record<number, number> = {};
    for (const workers of [1, 2]) {
      for (let w = 0; w < workers; w++) {
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            'src/cli/main.ts',
            'worker',
            '--chunk-rows',
            process.env.TDG_BENCH_CHUNK_ROWS ?? '250000',
            '--worker-id',
            `bench-${workers}-${w}`,
          ],
          {
            cwd: apiDir,
            env: { ...process.env, DATABASE_URL: url.toString(), TDG_DATA_DIR: dataDir, SUPABASE_URL: '', SUPABASE_SERVICE_ROLE_KEY: '' },
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        children.push(child);
        await new Promise<void>((resolve, reject) => {
          let out = '';
          child.stdout!.on('data', (part) => {
            out += part;
            if (out.includes('waiting for exports')) resolve();
            if (process.env.TDG_BENCH_VERBOSE) process.stdout.write(`${((performance.now() - benchStart) / 1000).toFixed(1)}s ${part}`);
          });
          child.once('exit', (code) => reject(new Error(`worker process exited with ${code} before it was ready`)));
        });
      }
      const cpuBefore = await cpuNow();
      const started = performance.now();
      const exportId = await createExportRow(db, ownerId, rows);
      let last = '';
      let coordinator: string | undefined;
      for await (const event of exportProgressStream(db, feed, { sub: ownerId, role: 'authenticated' }, exportId, null)) {
        last = event.status;
        coordinator ??= /started by worker (\S+)/.exec(event.message ?? '')?.[1];
      }
      seconds[workers] = (performance.now() - started) / 1000;
      const [row] = await db.asService((tx) => tx.query<{ status: string }>(`select status from generator_exports where id = $1::uuid`, [exportId]));
      const cpuAfter = await cpuNow();
      console.log(
        `  ${workers} worker${workers > 1 ? 's' : ' '}: ${seconds[workers].toFixed(1)} s, ${Math.round(rows / seconds[workers]).toLocaleString('en')} rows/s (${last.toLowerCase()}, ${row.status})`,
      );
      const used = (key: 'postgres' | 'bench' | 'machine') => cpuAfter[key] - cpuBefore[key];
      const workerCpu = cpuAfter.workers.map((cpu, w) => cpu - cpuBefore.workers[w]);
      const ours = workerCpu.reduce((sum, cpu) => sum + cpu, 0) + used('postgres') + used('bench');
      console.log(
        `    CPU s: ${workerCpu.map((cpu, w) => `worker ${w}${coordinator === `bench-${workers}-${w}` ? ' (coordinator)' : ''} ${cpu.toFixed(1)}`).join(', ')}, postgres ${used('postgres').toFixed(1)}, bench ${used('bench').toFixed(1)}; ` +
          `machine busy ${used('machine').toFixed(1)} of ${(cores * seconds[workers]).toFixed(1)} core-s (others ${Math.max(0, used('machine') - ours).toFixed(1)})`,
      );
      await Promise.all(
        children.splice(0).map(
          (child) =>
            new Promise<void>((resolve) => {
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    }
    console.log(`  speed-up with 2 workers: ${(seconds[1] / seconds[2]).toFixed(2)}×`);
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await feed.close();
    await db.close();
    await maintenance.unsafe(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await maintenance.end({ timeout: 5 });
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function bench(opts: { quick: boolean }): Promise<void> {
  await latency(opts.quick);
  await exportSpeed(opts.quick);
}
