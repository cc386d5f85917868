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
 * Hashes of rows [0, n/2) and [n/2, n) of each table, the two halves generated in two processes
 * running at the same time; equal to the same ranges of the given rows when generation does not
 * depend on the process. `tables` maps table names to their rows (or pass one table and its rows).
 */
export async function sameInTwoProcesses(
  definition: Definition,
  tables: Record<string, Row[]> | string,
  rows?: Row[],
): Promise<{ expected: string[]; got: string[] }> {
  const byTable = typeof tables === 'string' ? { [tables]: rows! } : tables;
  const halves = [0, 1].map((h) =>
    Object.entries(byTable).map(([table, all]) => {
      const half = Math.floor(all.length / 2);
      return h === 0 ? { table, start: 0, end: half, rows: all.slice(0, half) } : { table, start: half, end: all.length, rows: all.slice(half) };
    }),
  );
  const run = promisify(execFile);
  const got = await Promise.all(
    halves.map((ranges) =>
      run(
        process.execPath,
        [
          '--import',
          'tsx',
          join(here, 'rows-hash-worker.ts'),
          JSON.stringify(definition),
          JSON.stringify(ranges.map(({ table, start, end }) => [table, start, end])),
        ],
        {
          cwd: join(here, '..', '..', '..'),
          maxBuffer: 1 << 20,
        },
      ).then((r) => r.stdout),
    ),
  );
  return { expected: halves.map((ranges) => ranges.map((r) => hashRows(r.rows)).join(' ')), got };
}
