// Test support shared by the engine's property tests: a table's rows generated under several
// chunkings (in any order) must be byte-identical, and so must the same ranges generated in
// other processes; properties are then checked once on rows known to be those of every chunking.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Definition, generateRows, type Plan, type Row } from '../index.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Cut points [0, ..., n]: whole, block-straddling, thirds, odd sizes. */
export function chunkings(n: number): number[][] {
  const cuts = (points: number[]) => [...new Set([0, ...points.filter((p) => p > 0 && p < n), n])].sort((a, b) => a - b);
  const odd: number[] = [];
  for (let at = 0; at < n; at += 7919) odd.push(at);
  return [cuts([]), cuts([1, 1023, 1025, 4096, Math.floor(n / 2)]), cuts([Math.floor(n / 3), Math.floor((2 * n) / 3), n - 1]), cuts(odd)];
}

const line = (row: Row) => `${JSON.stringify(row)}\n`;

function generate(plan: Plan, table: string, start: number, end: number, batchSize = 1000): Row[] {
  const out: Row[] = [];
  for (const batch of generateRows(plan, table, start, end, batchSize)) for (const row of batch) out.push(row);
  return out;
}

/**
 * All rows of `table`, after checking that every chunking (chunks generated last-first, with
 * varied batch sizes) gives the same bytes; throws naming the first chunking that differs.
 */
export function rowsEveryChunking(plan: Plan, table: string): Row[] {
  const n = plan.tables.find((t) => t.name === table)!.rows;
  const [whole, ...others] = chunkings(n);
  const rows = generate(plan, table, whole[0], whole[1]);
  const expected = hashRows(rows);
  for (const cuts of others) {
    const hash = createHash('sha256');
    const parts: Row[][] = [];
    for (let c = cuts.length - 2; c >= 0; c--) parts[c] = generate(plan, table, cuts[c], cuts[c + 1], 1 + (c % 5) * 97);
    for (const part of parts) for (const row of part) hash.update(line(row));
    const got = hash.digest('hex');
    if (got !== expected) throw new Error(`${table}: rows differ when cut at ${cuts.join(', ')}`);
  }
  return rows;
}

export function hashRows(rows: Row[]): string {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(line(row));
  return hash.digest('hex');
}

/**
 * Hashes of rows [0, n/2) and [n/2, n) of `table`, each generated in its own process at the same
 * time; equal to the same ranges of `rows` when generation does not depend on the process.
 */
export async function sameInTwoProcesses(definition: Definition, table: string, rows: Row[]): Promise<{ expected: string[]; got: string[] }> {
  const half = Math.floor(rows.length / 2);
  const ranges = [
    [0, half],
    [half, rows.length],
  ];
  const run = promisify(execFile);
  const got = await Promise.all(
    ranges.map(([start, end]) =>
      run(process.execPath, ['--import', 'tsx', join(here, 'rows-hash-worker.ts'), JSON.stringify(definition), table, String(start), String(end)], {
        cwd: join(here, '..', '..', '..'),
        maxBuffer: 1 << 20,
      }).then((r) => r.stdout),
    ),
  );
  return { expected: ranges.map(([start, end]) => hashRows(rows.slice(start, end))), got };
}
