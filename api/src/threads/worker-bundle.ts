// A worker thread started from TypeScript sources (as `pnpm tdg` and the tests run) loads its whole
// module graph through tsx's loader hooks, which answer every import from another thread: ~0.8
// CPU-s per worker before it makes a row, paid by every `tdg generate --threads N` and threaded
// seed. The worker's entry bundled into one ES module (esbuild, the transformer tsx itself uses;
// packages are left to Node) starts in about half that, without tsx. The bundle is kept under
// node_modules/.cache and made again whenever one of its sources changes (sizes and mtimes,
// checked at each start: a few milliseconds).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Under the api package's node_modules, so the bundle's bare imports resolve to its packages. */
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/tdg/', import.meta.url));

/** Source files of a bundle and their [size, mtime] when it was made. */
interface Manifest {
  inputs: Record<string, [number, number]>;
}

/**
 * The bundle of a worker entry (a .ts file URL), reused while its sources are unchanged, else made
 * again; undefined when it cannot be made (the caller then starts the worker from its sources).
 */
export function workerBundle(entry: URL, cacheDir = CACHE_DIR): URL | undefined {
  try {
    const source = fileURLToPath(entry);
    const id = createHash('sha256').update(source).digest('hex').slice(0, 12);
    const out = join(cacheDir, `${basename(source).replace(/\.[cm]?ts$/, '')}-${id}.mjs`);
    const manifestFile = `${out}.json`;
    if (existsSync(out) && fresh(manifestFile)) return pathToFileURL(out);
    const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    const workingDir = dirname(source);
    const result = esbuild.buildSync({
      entryPoints: [source],
      absWorkingDir: workingDir,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      // class and function names stay what the sources say (errors name their class)
      keepNames: true,
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    const inputs: Manifest['inputs'] = {};
    for (const input of Object.keys(result.metafile!.inputs)) {
      const path = resolve(workingDir, input);
      const stat = statSync(path);
      inputs[path] = [stat.size, stat.mtimeMs];
    }
    mkdirSync(cacheDir, { recursive: true });
    // the bundle, then its manifest, each written whole and renamed into place: another process
    // sees either the old pair or the new bundle before a manifest that vouches for it
    const temp = `.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(out + temp, result.outputFiles![0]!.contents);
    renameSync(out + temp, out);
    writeFileSync(manifestFile + temp, JSON.stringify({ inputs } satisfies Manifest));
    renameSync(manifestFile + temp, manifestFile);
    return pathToFileURL(out);
  } catch {
    return undefined;
  }
}

function fresh(manifestFile: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    const inputs = Object.entries(manifest.inputs);
    if (inputs.length === 0) return false;
    for (const [path, [size, mtime]] of inputs) {
      const stat = statSync(path);
      if (stat.size !== size || stat.mtimeMs !== mtime) return false;
    }
    return true;
  } catch {
    return false;
  }
}
