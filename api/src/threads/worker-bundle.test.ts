import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerBundle } from './worker-bundle.js';

describe('workerBundle', () => {
  let dir: string;
  let cache: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tdg-bundle-'));
    cache = join(dir, 'cache');
    await writeFile(join(dir, 'answer.ts'), `export const answer: number = 41;\n`);
    await writeFile(
      join(dir, 'entry.ts'),
      `import { parentPort } from 'node:worker_threads';\nimport { answer } from './answer.js';\nclass Named {}\nparentPort!.postMessage({ answer: answer + 1, name: Named.name });\n`,
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const run = (url: URL) =>
    new Promise<unknown>((resolve, reject) => {
      const worker = new Worker(url, { execArgv: [] });
      worker.once('message', (m) => {
        resolve(m);
        void worker.terminate();
      });
      worker.once('error', reject);
    });

  it('bundles a TypeScript entry with its imports into one module a worker runs without tsx', async () => {
    const url = workerBundle(pathToFileURL(join(dir, 'entry.ts')), cache)!;
    expect(url.href.endsWith('.mjs')).toBe(true);
    await expect(run(url)).resolves.toEqual({ answer: 42, name: 'Named' });
  });

  it('reuses the bundle while its sources are unchanged, and makes it again when one changes', async () => {
    const entry = pathToFileURL(join(dir, 'entry.ts'));
    const url = workerBundle(entry, cache)!;
    const made = (await stat(fileURLToPath(url))).mtimeMs;
    expect(workerBundle(entry, cache)!.href).toBe(url.href);
    expect((await stat(fileURLToPath(url))).mtimeMs).toBe(made);

    await writeFile(join(dir, 'answer.ts'), `export const answer: number = 99;\n`);
    // a later mtime even on a coarse clock
    const later = new Date(Date.now() + 5000);
    await utimes(join(dir, 'answer.ts'), later, later);
    expect(workerBundle(entry, cache)!.href).toBe(url.href);
    expect(await readFile(fileURLToPath(url), 'utf8')).toContain('99');
    await expect(run(url)).resolves.toEqual({ answer: 100, name: 'Named' });
  });

  it('gives undefined for an entry it cannot bundle, so the caller starts the worker from sources', () => {
    expect(workerBundle(pathToFileURL(join(dir, 'missing.ts')), cache)).toBeUndefined();
  });
});
