// `tdg seed`'s memory as the rows grow: the helpdesk schema of the realism suite (8 tables, prose in
// tickets and replies) seeded by the CLI in a child process at two sizes (or those of
// TDG_SEED_MEMORY_ROWS, e.g. "100000,1000000,10000000"), each into a fresh database on the server at
// 127.0.0.1:5432, dropped afterwards; prints the peak RSS of each run. Target: under 300 MB and
// flat. Prints figures only; nothing here asserts memory.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { serverUp } from './support/pg-server.js';
import { importSql } from '../src/import/index.js';
import { cliSeeder } from './support/cli-seeder.js';
import { postgresTarget } from '../src/seed/postgres-target.js';

const SERVER = process.env.TDG_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Prefix of the databases made (and dropped) here. */
const PREFIX = process.env.TDG_BENCH_DB_PREFIX ?? 'tdg_bench_seed_memory';
const TARGET_MB = 300;
const SCHEMA = 'helpdesk';

export async function bench({ quick }: { quick: boolean }): Promise<void> {
  if (!(await serverUp(SERVER))) {
    console.log(`seed-memory: no PostgreSQL at ${SERVER}; skipped`);
    return;
  }
  const ddl = readFileSync(fileURLToPath(new URL(`../test/realism/schemas/${SCHEMA}.sql`, import.meta.url)), 'utf8');
  const sizes = process.env.TDG_SEED_MEMORY_ROWS?.split(',').map(Number) ?? (quick ? [10_000, 100_000] : [100_000, 1_000_000]);
  const { definition } = importSql(ddl);
  console.log(
    `seed-memory: tdg seed of the ${SCHEMA} schema (${definition.tables.length} tables: ${definition.tables.map((t) => t.name).join(', ')}) as a child process, --rows ${sizes.map((n) => n.toLocaleString('en')).join(' and ')}`,
  );
  const figures: { rows: number; peakRssMB: number }[] = [];
  for (const rows of sizes) {
    const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
    const name = `${PREFIX}_${process.pid}_${rows}`;
    await admin.unsafe(`create database ${name}`);
    const url = SERVER.replace(/\/[^/]*$/, `/${name}`);
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(ddl).simple();
      const { definition: sized } = importSql(ddl, { rows });
      const db = { url, exec: async () => {}, query: async () => [], target: postgresTarget(sql), close: async () => {} };
      const result = await cliSeeder(sized, db, { rows, seed: 'memory' });
      const peakRssMB = result.peakRssMB ?? NaN;
      figures.push({ rows: result.rows, peakRssMB });
      console.log(
        `  --rows ${rows.toLocaleString('en')}: ${result.rows.toLocaleString('en')} rows in ${(result.ms / 1000).toFixed(1)} s (${result.rowsPerSecond.toLocaleString('en')} rows/s), peak RSS ${peakRssMB.toFixed(0)} MB, ${(result.cpuSeconds ?? NaN).toFixed(1)} CPU s`,
      );
    } finally {
      await sql.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  const [first, last] = [figures[0]!, figures.at(-1)!];
  console.log(
    `  peak RSS ${first.peakRssMB.toFixed(0)} → ${last.peakRssMB.toFixed(0)} MB for ${(last.rows / first.rows).toFixed(0)}x the rows (target < ${TARGET_MB} MB, flat: ${figures.every((f) => f.peakRssMB < TARGET_MB) ? 'met' : 'not met'})`,
  );
}
