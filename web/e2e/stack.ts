// The real stack for end-to-end tests: the API on a fresh PGlite data dir, the BUILT web app
// (`node web/build`) pointed at it, and Chromium driven by playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { onTestFailed } from 'vitest';

export const webRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = join(webRoot, '..');
export const resultsDir = join(webRoot, 'test-results');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Service {
  url: string;
  process: ChildProcess;
  /** Everything the process printed, for failure messages. */
  output: string[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts a process and resolves with the first URL matched on its output (its "listening" line). */
function startService(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number },
): Promise<Service> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise<Service>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${name} did not start within ${options.timeoutMs ?? 60000} ms:\n${output.join('\n')}`));
    }, options.timeoutMs ?? 60000);
    const onLine = (line: string) => {
      output.push(line);
      if (process.env.E2E_VERBOSE) process.stderr.write(`[${name}] ${line}\n`);
      const match = options.ready.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, process: child, output, stop });
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? code}) before it was ready:\n${output.join('\n')}`));
    });
  });
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')}: ${stderr.trim()}`))));
  });
}

export interface Stack {
  api: Service;
  web: Service;
  browser: Browser;
  dataDir: string;
  /** A fresh page (own storage, so its own session) with a phone- or desk-sized viewport. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  stop(): Promise<void>;
}

export async function startStack(env: NodeJS.ProcessEnv = {}): Promise<Stack> {
  if (!existsSync(join(webRoot, 'build/index.js'))) {
    throw new Error('web/build is missing: run `pnpm --filter @tdg/web build` before the e2e tests');
  }
  await mkdir(resultsDir, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'tdg-e2e-'));
  const webPort = await freePort();
  const webOrigin = `http://127.0.0.1:${webPort}`;

  // E2E_DATABASE=postgres: a fresh database on the local PostgreSQL server and a separate
  // `tdg worker` process, instead of PGlite (whose worker runs inside the API).
  let databaseUrl = '';
  let dropDatabase = async () => {};
  if (process.env.E2E_DATABASE === 'postgres') {
    const name = `tdg_e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
    const server = process.env.E2E_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
    await run('createdb', ['--maintenance-db', `${server}/postgres`, name]);
    databaseUrl = `${server}/${name}`;
    dropDatabase = () => run('dropdb', ['--force', '--maintenance-db', `${server}/postgres`, name]).catch(() => {});
  }

  const api = await startService('api', join(repoRoot, 'node_modules/.bin/tsx'), ['api/src/cli/main.ts', 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      TDG_DATA_DIR: dataDir,
      TDG_CORS_ORIGINS: webOrigin,
      DATABASE_URL: databaseUrl,
      SUPABASE_URL: '',
      NODE_ENV: 'development',
      // progress every 250 ms: an export of a few seconds shows several values live
      TDG_PROGRESS_MS: '250',
      ...env,
    },
    ready: /tdg api: (\S+)\/graphql/,
    timeoutMs: 120_000,
  });
  let web: Service;
  try {
    web = await startService('web', process.execPath, ['build'], {
      cwd: webRoot,
      env: {
        ...process.env,
        PORT: String(webPort),
        HOST: '127.0.0.1',
        ORIGIN: webOrigin,
        PUBLIC_API_URL: api.url,
        PUBLIC_SUPABASE_URL: '',
        PUBLIC_SUPABASE_ANON_KEY: '',
      },
      ready: /Listening on (http:\/\/\S+)/,
    });
    web.url = webOrigin;
  } catch (error) {
    await api.stop();
    throw error;
  }
  let worker: ChildProcess | undefined;
  if (databaseUrl) {
    worker = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['api/src/cli/main.ts', 'worker'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, TDG_DATA_DIR: dataDir, SUPABASE_URL: '', ...env },
      stdio: ['ignore', process.env.E2E_VERBOSE ? 'inherit' : 'ignore', 'inherit'],
    });
  }
  const stopServices = async () => {
    const workerExit = worker && worker.exitCode === null ? new Promise((resolve) => worker!.once('exit', resolve)) : undefined;
    worker?.kill('SIGTERM');
    await Promise.all([web.stop(), api.stop(), workerExit]);
    await dropDatabase();
    await rm(dataDir, { recursive: true, force: true });
  };
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    // no browser (Chromium not installed): the servers started for it stop too
    await stopServices();
    throw error;
  }

  return {
    api,
    web,
    browser,
    dataDir,
    async newPage(viewport = { width: 1280, height: 900 }) {
      const context = await browser.newContext({ baseURL: webOrigin, viewport, acceptDownloads: true });
      const page = await context.newPage();
      const console: string[] = [];
      page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`));
      // A failing test leaves a screenshot and the browser console behind.
      onTestFailed(async ({ task }) => {
        const name = `failed-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
        await screenshot(page, name).catch(() => {});
        await writeFile(join(resultsDir, `${name}.console.txt`), `${page.url()}\n${console.join('\n')}\n`).catch(() => {});
      });
      return page;
    },
    async stop() {
      await browser.close().catch(() => {});
      await stopServices();
    },
  };
}

/** Signs in through the form and waits for the schema list. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/schemas');
}

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(resultsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Form controls and buttons on the page that have neither a label nor an accessible name. */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('input, select, textarea, button, a[href]')]
      .filter((element) => {
        if ((element as HTMLInputElement).type === 'hidden') return false;
        const labels = (element as HTMLInputElement).labels;
        const named =
          (labels && labels.length > 0) ||
          element.getAttribute('aria-label') ||
          element.getAttribute('aria-labelledby') ||
          ((element.tagName === 'BUTTON' || element.tagName === 'A') && element.textContent?.trim());
        return !named;
      })
      .map((element) => element.outerHTML.slice(0, 160)),
  );
}
