// Load bench (`pnpm bench load [--quick]`): the API under users while big exports run. An API
// process (a child, as `tdg serve` configures itself) on the embedded default (PGlite, export
// worker in-process, generating in a worker thread) and on PostgreSQL at 127.0.0.1:5432 with
// separate `tdg worker` processes. From this process (never the API's): query loops over HTTP — a
// mix of cheap authenticated queries (schemas(MINE), schema, exports, a small previewRows) — and
// graphql-ws subscriptions (half myExports, half exportProgress of the running export), for a
// bounded time, while one 2M-row export after another runs. Prints latency percentiles, errors and
// timeouts, subscription deliveries, export rows/s and the API's event-loop delay, with the load
// average of the machine beside them. Environment: TDG_BENCH_LOAD_MODES (embedded,postgres),
// TDG_BENCH_LOAD_SECONDS, TDG_BENCH_LOAD_LOOPS, TDG_BENCH_LOAD_SUBSCRIPTIONS, TDG_BENCH_LOAD_ROWS (0: none),
// TDG_BENCH_LOAD_THINK_MS (pause between a loop's queries, default 0), TDG_BENCH_LOAD_WORKERS
// (worker processes on PostgreSQL, default 2), TDG_BENCH_LOAD_PROFILE (a file: CPU profile of
// the API's main thread during the measured time), TDG_BENCH_LOAD_MAIN_THREAD=1 (embedded: generate
// on the API's thread, as before export threads, for comparison), TDG_BENCH_LOAD_CLIENT=fetch (the query
// loops on fetch rather than node:http keep-alive), DATABASE_URL (default the local server).
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { openDatabase } from '../src/db/open.js';
import { createPostgresClient } from '../src/db/postgres.js';
import type { ServerCommand, ServerReport } from './support/load-server.js';

const apiDir = fileURLToPath(new URL('..', import.meta.url));
const serverScript = fileURLToPath(new URL('./support/load-server.ts', import.meta.url));

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

const loadAverage = async () => (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');

const bigDefinition = (rows: number) => ({
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

const smallDefinition = {
  version: 1,
  tables: [
    {
      name: 'people',
      rows: 20,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'name', type: 'person.fullName' },
        { name: 'email', type: 'internet.email' },
      ],
    },
  ],
};

const QUERIES = {
  schemas: `query { schemas(first: 10, ownership: MINE) { edges { node { id name } } } }`,
  schema: `query($id: ID!) { schema(id: $id) { id name } }`,
  exports: `query { exports(first: 10) { edges { node { id status } } } }`,
  previewRows: `query($d: JSON!) { previewRows(definition: $d, rows: 5) { __typename ... on PreviewPayload { tables { table rows } } } }`,
};
type QueryKind = keyof typeof QUERIES;
const KINDS = Object.keys(QUERIES) as QueryKind[];

interface User {
  token: string;
  schemaId: string;
}

class GraphqlFailure extends Error {}

/**
 * The query loops' client: node:http with keep-alive connections (one per loop), which costs this
 * process about half the CPU of fetch per request — on a 2-core machine the load generator's own
 * CPU is taken from the API it measures. TDG_BENCH_LOAD_CLIENT=fetch uses fetch, as before.
 */
const loopAgent = new Agent({ keepAlive: true });

function post(base: string, token: string, body: string, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${base}/graphql`);
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: loopAgent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
        timeout: timeoutMs,
      },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => {
      const error = new Error('timed out');
      error.name = 'TimeoutError';
      request.destroy(error);
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function loopQuery(base: string, token: string, query: string, variables: Record<string, unknown>, timeoutMs: number): Promise<any> {
  if (process.env.TDG_BENCH_LOAD_CLIENT === 'fetch') return gql(base, token, query, variables, timeoutMs);
  const { status, text } = await post(base, token, JSON.stringify({ query, variables }), timeoutMs);
  const body = JSON.parse(text) as { data?: any; errors?: { message: string }[] };
  if (status !== 200 || body.errors?.length) throw new GraphqlFailure(`HTTP ${status}: ${body.errors?.[0]?.message ?? 'no data'}`);
  return body.data;
}

async function gql(base: string, token: string, query: string, variables: Record<string, unknown> = {}, timeoutMs = 30_000): Promise<any> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
  if (!response.ok || body.errors?.length) throw new GraphqlFailure(`HTTP ${response.status}: ${body.errors?.[0]?.message ?? 'no data'}`);
  return body.data;
}

async function signUp(base: string, n: number): Promise<string> {
  const response = await fetch(`${base}/auth/v1/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', apikey: 'local-anon-key' },
    body: JSON.stringify({ email: `load-${n}-${randomBytes(3).toString('hex')}@example.com`, password: `Load-bench ${randomBytes(8).toString('hex')}` }),
  });
  const body = (await response.json()) as { access_token?: string; msg?: string };
  if (!body.access_token) throw new Error(`sign-up failed (${response.status}): ${JSON.stringify(body)}`);
  return body.access_token;
}

function startServer(
  environment: NodeJS.ProcessEnv,
): Promise<{ url: string; command(c: ServerCommand): Promise<ServerReport>; stop(): void; child: ChildProcess }> {
  const child = fork(serverScript, [], {
    cwd: apiDir,
    execArgv: ['--max-semi-space-size=64', '--import', 'tsx'],
    env: environment,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  // its log while measured; once it is being stopped, requests given up by the loops fail noisily
  let quiet = false;
  child.stderr!.on('data', (part) => quiet || process.stderr.write(part));

  const waiting: ((report: ServerReport) => void)[] = [];
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`API process exited with ${code} before it was ready`)));
    child.on('message', (report: ServerReport) => {
      if (report.type === 'ready') {
        resolve({
          url: report.url.replace('localhost', '127.0.0.1'),
          child,
          stop: () => {
            quiet = true;
            child.send({ type: 'stop' } satisfies ServerCommand);
          },
          command: (c) =>
            new Promise((done) => {
              waiting.push(done);
              child.send(c);
            }),
        });
      } else waiting.shift()?.(report);
    });
  });
}

async function startWorkers(count: number, environment: NodeJS.ProcessEnv): Promise<ChildProcess[]> {
  const children: ChildProcess[] = [];
  for (let w = 0; w < count; w++) {
    const child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', 'src/cli/main.ts', 'worker', '--worker-id', `load-${w}`], {
      cwd: apiDir,
      env: environment,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (part) => {
        out += part;
        if (out.includes('waiting for exports')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`worker process exited with ${code} before it was ready`)));
    });
    child.stdout!.resume();
  }
  return children;
}

/** Keeps one big export running (the next starts when one ends) and counts its rows. */
function exportRunner(base: string, wsUrl: string, owner: User, rows: number) {
  let stopped = false;
  let current = '';
  let rowsFinished = 0;
  let rowsOfCurrent = 0;
  let finished = 0;
  let failures = 0;
  const changed: (() => void)[] = [];
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${owner.token}` },
    retryAttempts: 0,
    lazy: false,
  });
  const follow = async (): Promise<void> => {
    while (!stopped) {
      const data = await gql(
        base,
        owner.token,
        `mutation($d: JSON!, $rows: Int!) { startExport(definition: $d, format: CSV, rowCount: $rows, seed: "load") { __typename ... on Error { message } ... on ExportPayload { export { id } } } }`,
        {
          d: bigDefinition(rows),
          rows,
        },
      );
      if (data.startExport.__typename !== 'ExportPayload') throw new Error(`startExport: ${data.startExport.__typename} ${data.startExport.message}`);
      current = data.startExport.export.id;
      rowsOfCurrent = 0;
      changed.splice(0).forEach((wake) => wake());
      const status = await new Promise<string>((resolve, reject) => {
        let last = '';
        client.subscribe<{ exportProgress: { status: string; metadata: { rowsDone?: number } | null } }>(
          { query: `subscription($id: ID!) { exportProgress(exportId: $id) { status metadata } }`, variables: { id: current } },
          {
            next: ({ data: event }) => {
              last = event?.exportProgress.status ?? last;
              const done = event?.exportProgress.metadata?.rowsDone;
              if (typeof done === 'number') rowsOfCurrent = Math.max(rowsOfCurrent, done);
            },
            error: reject,
            complete: () => resolve(last),
          },
        );
      });
      if (status === 'SUCCEEDED') {
        finished++;
        rowsFinished += rows;
        rowsOfCurrent = 0;
      } else failures++;
    }
  };
  const running = follow();
  running.catch(() => undefined);
  return {
    get current() {
      return current;
    },
    nextExport: () => new Promise<void>((resolve) => changed.push(resolve)),
    rowsDone: () => rowsFinished + rowsOfCurrent,
    get finished() {
      return finished;
    },
    get failures() {
      return failures;
    },
    async stop() {
      stopped = true;
      await client.dispose();
    },
    running,
  };
}

interface SubscriptionStats {
  open: number;
  failed: number;
  errors: number;
  events: number;
  delivery: number[];
  firstErrors: string[];
}

/** `count` subscriptions, each on its own socket: half myExports, half exportProgress of the running export (again for the next one). */
async function openSubscriptions(wsUrl: string, users: User[], owner: User, count: number, runner: ReturnType<typeof exportRunner> | undefined) {
  const stats: SubscriptionStats = { open: 0, failed: 0, errors: 0, events: 0, delivery: [], firstErrors: [] };
  const clients: Client[] = [];
  let measuring = false;
  let closing = false;
  const connect = (i: number) =>
    new Promise<void>((ready) => {
      const progress = i % 2 === 1 && runner !== undefined;
      const user = progress ? owner : i % 4 === 0 ? owner : users[i % users.length];
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { Authorization: `Bearer ${user.token}` },
        retryAttempts: 0,
        lazy: false,
      });
      clients.push(client);
      let counted = false;
      client.on('connected', () => {
        if (!counted) stats.open++;
        counted = true;
        ready();
      });
      client.on('error', () => {
        if (!counted) stats.failed++;
        counted = true;
        ready();
      });
      const sink = {
        error: (error: unknown) => {
          if (closing) return;
          stats.errors++;
          if (stats.firstErrors.length < 2) stats.firstErrors.push(JSON.stringify(error instanceof Error ? error.message : error).slice(0, 300));
        },
      };
      if (!progress) {
        client.subscribe(
          { query: `subscription { myExports { exportId export { status } } }` },
          { next: () => measuring && stats.events++, complete: () => undefined, ...sink },
        );
        return;
      }
      const follow = (exportId: string) => {
        client.subscribe<{ exportProgress: { createdAt: string } }>(
          { query: `subscription($id: ID!) { exportProgress(exportId: $id) { seq status createdAt } }`, variables: { id: exportId } },
          {
            next: ({ data }) => {
              if (!measuring || !data) return;
              stats.events++;
              const lag = Date.now() - Date.parse(data.exportProgress.createdAt);
              // replayed events are old by design: only live deliveries count
              if (lag < 60_000) stats.delivery.push(lag);
            },
            complete: () => {
              if (!closing) void runner!.nextExport().then(() => follow(runner!.current));
            },
            ...sink,
          },
        );
      };
      follow(runner!.current);
    });
  // connect in groups, as browsers arrive
  for (let i = 0; i < count; i += 50) await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => connect(i + k)));
  return {
    stats,
    measure(on: boolean) {
      measuring = on;
    },
    async close() {
      closing = true;
      await Promise.all(clients.map((client) => client.dispose()));
    },
  };
}

async function loadRun(mode: 'embedded' | 'postgres', quick: boolean): Promise<void> {
  const seconds = env('TDG_BENCH_LOAD_SECONDS', quick ? 4 : 30);
  const loops = env('TDG_BENCH_LOAD_LOOPS', quick ? 20 : 200);
  const subscriptions = env('TDG_BENCH_LOAD_SUBSCRIPTIONS', quick ? 50 : 500);
  const exportRows = env('TDG_BENCH_LOAD_ROWS', quick ? 200_000 : 2_000_000);
  const thinkMs = env('TDG_BENCH_LOAD_THINK_MS', 0);
  const workerCount = env('TDG_BENCH_LOAD_WORKERS', 2);
  const timeoutMs = 5_000;
  const dataDir = await mkdtemp(join(tmpdir(), 'tdg-bench-load-'));
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    TDG_DATA_DIR: dataDir,
    NODE_ENV: 'production',
    SUPABASE_URL: '',
    SUPABASE_SERVICE_ROLE_KEY: '',
    SUPABASE_ANON_KEY: '',
  };
  const cleanups: (() => Promise<unknown>)[] = [async () => rm(dataDir, { recursive: true, force: true })];
  let label: string;
  let environment: NodeJS.ProcessEnv;
  if (mode === 'postgres') {
    const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `tdg_bench_${randomBytes(4).toString('hex')}`;
    const maintenance = createPostgresClient(serverUrl, { max: 1 });
    try {
      await maintenance.unsafe(`create database ${name}`);
    } catch (error) {
      console.log(`load (postgres): skipped, no PostgreSQL server at ${serverUrl} (${(error as Error).message})`);
      await maintenance.end({ timeout: 1 });
      await rm(dataDir, { recursive: true, force: true });
      return;
    }
    cleanups.unshift(async () => {
      await maintenance.unsafe(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await maintenance.end({ timeout: 5 });
    });
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString() }); // applies the migrations
    await db.close();
    environment = { ...base, DATABASE_URL: url.toString(), TDG_IN_PROCESS_WORKERS: '0' };
    label = `PostgreSQL, ${workerCount} separate worker process${workerCount === 1 ? '' : 'es'}`;
  } else {
    environment = { ...base, DATABASE_URL: '', TDG_IN_PROCESS_WORKERS: '1' };
    label =
      process.env.TDG_BENCH_LOAD_MAIN_THREAD === '1'
        ? 'embedded default: PGlite, export worker in the API process, generating on its main thread (TDG_BENCH_LOAD_MAIN_THREAD=1, for comparison)'
        : 'embedded default: PGlite, export worker in the API process, generating in a worker thread';
  }

  const server = await startServer(environment);
  cleanups.unshift(async () => {
    // it exits by itself once stopped (writing its CPU profile, if asked); killed if it hangs
    const exited = new Promise((resolve) => (server.child.exitCode !== null ? resolve(undefined) : server.child.once('exit', resolve)));
    server.stop();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    server.child.kill('SIGKILL');
  });
  const workers = mode === 'postgres' ? await startWorkers(workerCount, environment) : [];
  cleanups.unshift(async () => {
    await Promise.all(
      workers.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  });
  let runner: ReturnType<typeof exportRunner> | undefined;
  let subs: Awaited<ReturnType<typeof openSubscriptions>> | undefined;
  try {
    const wsUrl = `${server.url.replace('http', 'ws')}/graphql`;
    const users: User[] = [];
    for (let n = 0; n < 8; n++) {
      const token = await signUp(server.url, n);
      const data = await gql(
        server.url,
        token,
        `mutation($d: JSON!, $name: String!) { createSchema(definition: $d, name: $name) { __typename ... on SchemaPayload { schema { id } } } }`,
        {
          d: smallDefinition,
          name: `load ${n}`,
        },
      );
      users.push({ token, schemaId: data.createSchema.schema.id });
    }
    const owner = users[0];
    // TDG_BENCH_LOAD_ROWS=0: no export, the baseline to compare with
    if (exportRows > 0) {
      runner = exportRunner(server.url, wsUrl, owner, exportRows);
      await runner.nextExport();
    }
    subs = await openSubscriptions(wsUrl, users, owner, subscriptions, runner);

    const latencies: number[] = [];
    const byKind = new Map<QueryKind, number[]>(KINDS.map((k) => [k, []]));
    let errors = 0;
    let timeouts = 0;
    const firstError: string[] = [];
    const loadBefore = await loadAverage();
    const rowsBefore = runner?.rowsDone() ?? 0;
    await server.command({ type: 'reset' });
    subs.measure(true);
    const started = performance.now();
    const clientCpu = process.cpuUsage();
    const until = started + seconds * 1000;
    const loop = async (i: number) => {
      const user = users[i % users.length];
      for (let n = i; performance.now() < until; n++) {
        const kind = KINDS[n % KINDS.length];
        const variables = kind === 'schema' ? { id: user.schemaId } : kind === 'previewRows' ? { d: smallDefinition } : {};
        const sent = performance.now();
        try {
          const data = await loopQuery(server.url, user.token, QUERIES[kind], variables, timeoutMs);
          if (kind === 'previewRows' && data.previewRows.__typename !== 'PreviewPayload')
            throw new GraphqlFailure(`previewRows: ${data.previewRows.__typename}`);
          const took = performance.now() - sent;
          latencies.push(took);
          byKind.get(kind)!.push(took);
        } catch (error) {
          if ((error as Error).name === 'TimeoutError') timeouts++;
          else {
            errors++;
            if (firstError.length < 3) firstError.push(`${kind}: ${(error as Error).message}`);
          }
        }
        if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * thinkMs));
      }
    };
    await Promise.all(Array.from({ length: loops }, (_, i) => loop(i)));
    const elapsed = (performance.now() - started) / 1000;
    subs.measure(false);
    const rowsDuring = (runner?.rowsDone() ?? 0) - rowsBefore;
    const stats = (await server.command({ type: 'stats' })) as Extract<ServerReport, { type: 'stats' }>;
    const loadAfter = await loadAverage();

    latencies.sort((a, b) => a - b);
    const p = (q: number) => percentile(latencies, q).toFixed(0);
    const delivery = subs.stats.delivery.sort((a, b) => a - b);
    const p95 = percentile(latencies, 95);
    console.log(
      `load (${label}): ${loops} query loops${thinkMs ? ` (pause 0–${2 * thinkMs} ms between queries)` : ''} + ${subscriptions} subscriptions for ${seconds} s ${runner ? `while ${exportRows.toLocaleString('en')}-row CSV exports run` : 'with no export (baseline)'}`,
    );
    console.log(`  load average (1/5/15 min) before ${loadBefore}, after ${loadAfter}; ${(await import('node:os')).availableParallelism()} cores`);
    console.log(
      `  queries: ${latencies.length} answered (${Math.round(latencies.length / elapsed)}/s), p50 ${p(50)} ms, p95 ${p(95)} ms, p99 ${p(99)} ms, max ${p(100)} ms; errors ${errors}, timeouts (> ${timeoutMs} ms) ${timeouts}`,
    );
    console.log(
      `    p95 by query: ${KINDS.map(
        (k) =>
          `${k} ${percentile(
            byKind.get(k)!.sort((a, b) => a - b),
            95,
          ).toFixed(0)} ms`,
      ).join(', ')}`,
    );
    if (firstError.length) console.log(`    first errors: ${firstError.join(' | ')}`);
    console.log(
      `  subscriptions: ${subs.stats.open} open, ${subs.stats.failed} failed to connect, ${subs.stats.errors} errored; ${subs.stats.events} events received, live exportProgress delivery p50 ${percentile(delivery, 50).toFixed(0)} ms, p95 ${percentile(delivery, 95).toFixed(0)} ms`,
    );
    if (subs.stats.firstErrors.length) console.log(`    first subscription errors: ${subs.stats.firstErrors.join(' | ')}`);
    if (runner)
      console.log(
        `  exports: ${Math.round(rowsDuring / elapsed).toLocaleString('en')} rows/s during the run (${runner.finished} finished, ${runner.failures} not succeeded so far)`,
      );
    console.log(
      `  API process: event-loop delay p50 ${stats.lagP50.toFixed(1)} ms, p99 ${stats.lagP99.toFixed(1)} ms, max ${stats.lagMax.toFixed(0)} ms; main thread busy ${(stats.mainThreadBusy * 100).toFixed(0)} %; CPU ${stats.cpuSeconds.toFixed(1)} s in ${stats.seconds.toFixed(1)} s (${Math.round(latencies.length / stats.cpuSeconds)} queries answered per CPU second: a figure other processes on the machine move less than the latencies)`,
    );
    const own = process.cpuUsage(clientCpu);
    console.log(
      `  load generator (this process, ${process.env.TDG_BENCH_LOAD_CLIENT === 'fetch' ? 'fetch' : 'node:http keep-alive'} client): CPU ${((own.user + own.system) / 1e6).toFixed(1)} s in ${elapsed.toFixed(1)} s`,
    );
    const met = p95 < 250 && errors === 0 && timeouts === 0 && subs.stats.failed === 0 && subs.stats.errors === 0;
    console.log(`  target (p95 < 250 ms, no errors or timeouts): ${met ? 'met' : 'MISSED'}`);
  } finally {
    await subs?.close().catch(() => undefined);
    await runner?.stop().catch(() => undefined);
    for (const cleanup of cleanups) await cleanup().catch((error) => console.error('load bench cleanup:', error));
  }
}

export async function bench(opts: { quick: boolean }): Promise<void> {
  const modes = (process.env.TDG_BENCH_LOAD_MODES ?? 'embedded,postgres').split(',').map((m) => m.trim());
  for (const mode of modes) {
    if (mode !== 'embedded' && mode !== 'postgres') throw new Error(`TDG_BENCH_LOAD_MODES: unknown mode "${mode}" (embedded, postgres)`);
    await loadRun(mode, opts.quick);
  }
}
