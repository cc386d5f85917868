// Starting a worker thread on one of our modules, whether the process runs from TypeScript sources
// (`pnpm tdg`, the tests) or from compiled JavaScript.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { workerBundle } from './worker-bundle.js';

/** tsx's ESM API (its `import` export), found from its package.json: for threads started from TypeScript sources. */
export function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  return pathToFileURL(join(dirname(manifest), 'dist/esm/api/index.mjs')).href;
}

/** The module beside `base` named `name` (without extension), as a URL of the same kind (.ts or .js) as `base`. */
export function siblingModule(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}

/**
 * The young generation this process was started with (`tdg` and `pnpm bench` run node with
 * --max-semi-space-size=64: fewer scavenges of short-lived rows), for a thread started without the
 * process's flags; V8's young generation is three semi-spaces.
 */
export function inheritedYoungGeneration(execArgv = process.execArgv): { maxYoungGenerationSizeMb?: number } {
  const flag = execArgv.map((arg) => /^--max[-_]semi[-_]space[-_]size=(\d+)$/.exec(arg)).find(Boolean);
  return flag ? { maxYoungGenerationSizeMb: 3 * Number(flag[1]) } : {};
}

/**
 * A worker thread running `entry`. From TypeScript sources: its bundle (one module, started without
 * tsx, whose --import the thread would inherit), else tsx registered in the thread first.
 */
export function moduleWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const bundle = workerBundle(entry);
  if (bundle) return new Worker(bundle, { ...options, execArgv: [], resourceLimits: { ...inheritedYoungGeneration(), ...options.resourceLimits } });
  const source = `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(source, { ...options, eval: true });
}
