// `tdg worker`: export workers as separate processes against DATABASE_URL (any number, on any
// number of machines). With --concurrency N it forks N single-slot worker processes, so N exports
// or chunks are generated on N cores; a child that dies is restarted.
import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import { CliError } from '../errors.js';

export const summary = 'run export workers against DATABASE_URL (--concurrency N processes)';

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < 1) throw new CliError(`--${name}: must be an integer ≥ 1 (got "${raw}")`);
  return value;
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      concurrency: { type: 'string', short: 'c' },
      'lease-ms': { type: 'string' },
      'heartbeat-ms': { type: 'string' },
      'progress-ms': { type: 'string' },
      'chunk-rows': { type: 'string' },
      'worker-id': { type: 'string' },
      nice: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'usage: tdg worker [--concurrency N] [--lease-ms MS] [--heartbeat-ms MS] [--progress-ms MS] [--chunk-rows N] [--worker-id ID] [--nice N]\n' +
        'Runs export workers against DATABASE_URL; storage is Supabase when SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY are set, else TDG_DATA_DIR/exports.\n' +
        '--nice: CPU priority of the workers (default 10, 0 to keep), so an API on the same machine is served first.\n',
    );
    return 0;
  }
  const concurrency = positiveInteger('concurrency', values.concurrency, 1);
  const leaseMs = positiveInteger('lease-ms', values['lease-ms'], 10_000);
  const heartbeatMs = values['heartbeat-ms'] ? positiveInteger('heartbeat-ms', values['heartbeat-ms'], 500) : undefined;
  const progressMs = positiveInteger('progress-ms', values['progress-ms'], 1_000);
  const chunkRows = positiveInteger('chunk-rows', values['chunk-rows'], 100_000);
  const nice = values.nice === undefined ? 10 : Number(values.nice);
  if (!Number.isInteger(nice) || nice < 0 || nice > 19) throw new CliError(`--nice: must be an integer from 0 to 19 (got "${values.nice}")`);
  const config = loadConfig();
  if (!config.databaseUrl) {
    throw new CliError('DATABASE_URL is not set: separate worker processes need a PostgreSQL server (with PGlite, `tdg serve` runs its own worker)');
  }

  if (concurrency > 1) return supervise(concurrency, args);
  // background work: an API sharing the machine gets the CPU first (best effort; generation runs in this thread)
  if (nice > 0) {
    try {
      setPriority(nice);
    } catch {
      // not allowed here: run at the inherited priority
    }
  }

  const [{ openDatabase }, { openStorage }, { startWorker }] = await Promise.all([
    import('../../db/open.js'),
    import('../../storage/open.js'),
    import('../../jobs/worker.js'),
  ]);
  // migrations are `tdg migrate`'s job: many workers starting at once should not race to run them
  const db = await openDatabase({ ...config, migrate: false });
  const storage = await openStorage(config);
  const worker = await startWorker({
    db,
    storage,
    workerId: values['worker-id'],
    leaseMs,
    heartbeatMs,
    progressMs,
    chunkRows,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`tdg worker ${worker.workerId}: waiting for exports (${storage.kind} storage)\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await worker.stop();
  await db.close();
  return 0;
}

/** Forks `count` single-slot workers and restarts any that exits unexpectedly. */
async function supervise(count: number, args: string[]): Promise<number> {
  const childArgs = ['worker', ...args.filter((arg, i) => !/^(-c|--concurrency)(=.*)?$/.test(arg) && !/^(-c|--concurrency)$/.test(args[i - 1] ?? ''))];
  let stopping = false;
  const children = new Set<ChildProcess>();
  const spawnOne = (n: number) => {
    const child = fork(process.argv[1], childArgs, { execArgv: process.execArgv, env: { ...process.env, TDG_WORKER_SLOT: String(n) } });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (stopping) return;
      process.stderr.write(`tdg worker: process ${n} exited (${signal ?? code}); restarting\n`);
      setTimeout(() => spawnOne(n), 1000);
    });
  };
  for (let n = 0; n < count; n++) spawnOne(n);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  stopping = true;
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  return 0;
}
