// The realism bench's seeder: `tdg seed <url> <definition.json> --rows N --seed S` run as a child
// process, exactly as a user runs it, reporting its rows/s (its own summary line) and peak RSS.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Seeder } from '../../test/realism/suite.js';

const api = fileURLToPath(new URL('../../', import.meta.url));

export const cliSeeder: Seeder = async (definition, db, { rows, seed }) => {
  if (!db.url) throw new Error('tdg seed needs a database URL (run the bench against a server)');
  const dir = await mkdtemp(join(tmpdir(), 'tdg-realism-'));
  try {
    const file = join(dir, 'definition.json');
    await writeFile(file, JSON.stringify(definition));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './bench/support/report-peak-rss.ts', 'src/cli/main.ts', 'seed', db.url, file, '--rows', String(rows), '--seed', seed],
      { cwd: api, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let rss = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => (rss += chunk));
    const [code] = (await once(child, 'close')) as [number | null];
    // "seeded 100102 rows in 1.23 s (81234 rows/s), committed"
    const summary = /seeded (\d+) rows in ([\d.]+) s \((\d+) rows\/s\)/.exec(out);
    if (code !== 0 || !summary) throw new Error(`tdg seed exited with ${code}: ${(err || out).trim().split('\n').slice(-6).join('\n')}`);
    const [peakRssMB, cpuSeconds] = rss.trim().split(' ').map(Number);
    return { rows: Number(summary[1]), ms: Number(summary[2]) * 1000, rowsPerSecond: Number(summary[3]), peakRssMB: peakRssMB!, cpuSeconds: cpuSeconds! };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
