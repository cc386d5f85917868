#!/usr/bin/env node
// `pnpm dev`: the API (with its in-process worker on PGlite) and the web dev server side by side.
// Output is prefixed per process; Ctrl-C, or either process exiting, stops both.
// `node scripts/dev.mjs web` (or `api`) starts only the named ones.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);

const services = [
  {
    name: 'api',
    colour: 36,
    command: join(root, 'node_modules/.bin/tsx'),
    args: ['api/src/cli/main.ts', 'serve'],
    cwd: root,
    // Until the serve command exists the web app still starts on its own.
    available: () => existsSync(join(root, 'api/src/cli/commands/serve.ts')),
    missing: 'api/src/cli/commands/serve.ts does not exist yet; starting the web app alone',
  },
  {
    name: 'web',
    colour: 35,
    command: join(root, 'web/node_modules/.bin/vite'),
    args: ['dev', '--port', '5173', '--strictPort'],
    cwd: join(root, 'web'),
    available: () => true,
  },
];

const width = Math.max(...services.map((service) => service.name.length));
const running = new Map();
let stopping = false;
let exitCode = 0;

function log(service, line, stream = process.stdout) {
  stream.write(`${paint(service.colour, `[${service.name.padEnd(width)}]`)} ${line}\n`);
}

function prefix(service, input, stream) {
  createInterface({ input, crlfDelay: Infinity }).on('line', (line) => log(service, line, stream));
}

function start(service) {
  const child = spawn(service.command, service.args, {
    cwd: service.cwd,
    env: { ...process.env, ...(colour ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' }) },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so stopping reaches the children it starts too (esbuild, workers).
    detached: process.platform !== 'win32',
  });
  running.set(service.name, child);
  prefix(service, child.stdout, process.stdout);
  prefix(service, child.stderr, process.stderr);
  child.on('error', (error) => {
    log(service, `could not start: ${error.message}`, process.stderr);
    exitCode ||= 1;
    stopAll();
  });
  child.on('exit', (code, signal) => {
    running.delete(service.name);
    if (!stopping) {
      log(service, `exited (${signal ?? `code ${code}`}); stopping the others`, process.stderr);
      exitCode = code ?? 1;
      stopAll();
    }
    if (running.size === 0) process.exit(exitCode);
  });
}

function signal(child, name) {
  try {
    if (child.pid && process.platform !== 'win32') process.kill(-child.pid, name);
    else child.kill(name);
  } catch {
    // already gone
  }
}

function stopAll() {
  if (stopping) return;
  stopping = true;
  if (running.size === 0) process.exit(exitCode);
  for (const child of running.values()) signal(child, 'SIGTERM');
  // A process that ignores SIGTERM is not allowed to keep the terminal.
  setTimeout(() => {
    for (const child of running.values()) signal(child, 'SIGKILL');
  }, 5000).unref();
}

process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
process.on('SIGHUP', stopAll);

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !services.some((service) => service.name === name));
if (unknown.length > 0) {
  process.stderr.write(`dev: unknown service ${unknown.join(', ')} (known: ${services.map((s) => s.name).join(', ')})\n`);
  process.exit(2);
}

for (const service of services) {
  if (wanted.length > 0 && !wanted.includes(service.name)) continue;
  if (service.available()) start(service);
  else log(service, service.missing, process.stderr);
}
