// The API for the load bench, as a child process (node --import tsx bench/support/load-server.ts)
// configured by its environment like `tdg serve` (so on the embedded default it runs the export
// worker in-process), reporting over IPC what only the API's process can see: its event-loop
// delay, its main thread's utilisation and its CPU time.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { loadConfig } from '../../src/config.js';
import { startWorker } from '../../src/jobs/worker.js';
import { buildApp } from '../../src/server/app.js';

export type ServerCommand = { type: 'reset' } | { type: 'stats' } | { type: 'stop' };
export type ServerReport =
  | { type: 'ready'; url: string }
  | { type: 'reset' }
  | { type: 'stats'; lagP50: number; lagP99: number; lagMax: number; mainThreadBusy: number; cpuSeconds: number; seconds: number }
  | { type: 'stopped' };

const send = (report: ServerReport) => process.send!(report);
// TDG_BENCH_LOAD_MAIN_THREAD=1: the in-process worker generates on the API's thread, as before
// export threads, for comparison
const mainThread = process.env.TDG_BENCH_LOAD_MAIN_THREAD === '1' && !process.env.DATABASE_URL;
const app = await buildApp(loadConfig(mainThread ? { ...process.env, TDG_IN_PROCESS_WORKERS: '0' } : process.env));
const worker = mainThread ? await startWorker({ db: app.db, storage: app.storage }) : undefined;
const url = await app.start();
app.previews.warm(); // as `tdg serve` does
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
let elu = performance.eventLoopUtilization();
let cpu = process.cpuUsage();
let since = performance.now();
// TDG_BENCH_LOAD_PROFILE=<file>: the main thread's CPU profile from reset to stats
const profileTo = process.env.TDG_BENCH_LOAD_PROFILE;
const inspector = profileTo ? new Session() : undefined;
inspector?.connect();

process.on('message', async (command: ServerCommand) => {
  if (command.type === 'reset') {
    lag.reset();
    elu = performance.eventLoopUtilization();
    cpu = process.cpuUsage();
    since = performance.now();
    if (inspector) {
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.start');
    }
    send({ type: 'reset' });
  } else if (command.type === 'stats') {
    const used = process.cpuUsage(cpu);
    if (inspector) {
      const { profile } = await inspector.post('Profiler.stop');
      await writeFile(profileTo!, JSON.stringify(profile));
    }
    send({
      type: 'stats',
      lagP50: lag.percentile(50) / 1e6,
      lagP99: lag.percentile(99) / 1e6,
      lagMax: lag.max / 1e6,
      mainThreadBusy: performance.eventLoopUtilization(elu).utilization,
      // the whole process: the main thread and the export worker's generation thread
      cpuSeconds: (used.user + used.system) / 1e6,
      seconds: (performance.now() - since) / 1000,
    });
  } else {
    await worker?.stop();
    await app.stop();
    send({ type: 'stopped' });
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', url });
