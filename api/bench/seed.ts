// `tdg seed` throughput: rows/s loading a 3-table related schema into the PostgreSQL server at
// 127.0.0.1:5432 (a fresh temporary database each run) with COPY — keys and indexes rebuilt after
// the load (the default), with 0/1/2 worker threads, and kept during it (the old path) — next to
// multi-row INSERTs of the same rows, with ratios against INSERT from the same process. Prints
// figures only; nothing here asserts timing.
import postgres from 'postgres';
import { serverUp } from './support/pg-server.js';
import { compile, generateRows, type TableShape } from '../src/engine/index.js';
import { importSql } from '../src/import/index.js';
import { textOf } from '../src/seed/copy-text.js';
import { defaultWorkers, seedDatabase, type SeedOptions } from '../src/seed/load.js';
import { postgresTarget } from '../src/seed/postgres-target.js';
import { withNoDelay } from '../src/db/no-delay.js';

const SERVER = process.env.TDG_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const DDL = `
create table authors (
  id bigint primary key,
  email text not null unique,
  full_name text not null,
  created_at timestamptz not null default now()
);
create table posts (
  id bigint primary key,
  author_id bigint not null references authors (id),
  title varchar(160) not null,
  status text not null check (status in ('draft', 'published', 'archived')),
  view_count integer not null default 0 check (view_count >= 0),
  created_at timestamptz not null default now()
);
create table comments (
  id uuid primary key,
  post_id bigint not null references posts (id),
  author_id bigint not null references authors (id),
  body varchar(200) not null,
  created_at timestamptz not null default now()
);`;

// 1M rows in all: 10% authors, 30% posts, 60% comments
function definitionFor(total: number) {
  const { definition } = importSql(DDL);
  const share: Record<string, number> = { authors: 0.1, posts: 0.3, comments: 0.6 };
  for (const t of definition.tables) t.rows = Math.round(total * share[t.name]!);
  return definition;
}

async function freshDatabase<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
  const name = `tdg_bench_seed_${process.pid}_${Date.now().toString(36)}`;
  await admin.unsafe(`create database ${name}`);
  const sql = postgres(SERVER.replace(/\/[^/]*$/, `/${name}`), withNoDelay({ max: 1, onnotice: () => {} }));
  try {
    await sql.unsafe(DDL);
    return await fn(sql);
  } finally {
    await sql.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const quote = (value: unknown, column: TableShape['columns'][number]) => (value === null ? 'NULL' : `'${textOf(value as never, column).replace(/'/g, "''")}'`);

/** The same rows as multi-row INSERT statements (1000 rows each), in one transaction. */
async function insertLoad(sql: postgres.Sql, definition: ReturnType<typeof definitionFor>): Promise<number> {
  const plan = compile(definition as never);
  let rows = 0;
  await sql.begin(async (tx) => {
    for (const table of plan.tables) {
      const head = `insert into "${table.name}" (${table.columns.map((c) => `"${c.name}"`).join(', ')}) values `;
      for (const batch of generateRows(plan, table.name, 0, table.rows, 1000)) {
        const values = batch.map((row) => `(${row.map((v, i) => quote(v, table.columns[i]!)).join(', ')})`).join(',\n');
        await tx.unsafe(head + values);
        rows += batch.length;
      }
    }
  });
  return rows;
}

function generateOnly(definition: ReturnType<typeof definitionFor>): number {
  const plan = compile(definition as never);
  let rows = 0;
  for (const table of plan.tables) for (const batch of generateRows(plan, table.name, 0, table.rows, 5000)) rows += batch.length;
  return rows;
}

const rate = (rows: number, ms: number) => `${Math.round((rows * 1000) / ms).toLocaleString('en-US')} rows/s`;

export async function bench({ quick }: { quick: boolean }): Promise<void> {
  if (!(await serverUp(SERVER))) {
    console.log(`seed: no PostgreSQL at ${SERVER}; skipped`);
    return;
  }
  const total = quick ? 100_000 : 1_000_000;
  const definition = definitionFor(total);
  console.log(`seed: ${total.toLocaleString('en-US')} rows (${definition.tables.map((t) => `${t.name} ${t.rows}`).join(', ')})`);

  let t0 = performance.now();
  const generated = generateOnly(definition);
  console.log(`  generate only (engine, no database): ${rate(generated, performance.now() - t0)}`);

  const runs: { label: string; rowsPerSecond: number }[] = [];
  const seed = async (label: string, options: SeedOptions) =>
    freshDatabase(async (sql) => {
      const report = await seedDatabase(definition, postgresTarget(sql), { seed: 'bench', ...options });
      runs.push({ label, rowsPerSecond: (report.rows * 1000) / report.ms });
      console.log(`  ${label}: ${rate(report.rows, report.ms)}  (${(report.ms / 1000).toFixed(1)} s)`);
      const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      console.log(`    COPY ${report.tables.map((t) => `${t.table} ${rate(t.rows, t.ms - t.rebuildMs)}`).join(', ')}`);
      const { deferred, rebuildMs } = report.constraints;
      if (deferred.length) {
        const after = report.tables.map((t) => `${seconds(t.rebuildMs)} after ${t.table}`).join(', ');
        console.log(`    keys, indexes and FKs of ${deferred.map((t) => t.relation.name).join(', ')} rebuilt in ${seconds(rebuildMs)} (${after})`);
      }
    });
  const workers = defaultWorkers(total);
  await seed(`tdg seed, constraints rebuilt after (default, ${workers} worker threads)`, {});
  for (const other of [0, 1, 2].filter((n) => n !== workers)) await seed(`tdg seed, constraints rebuilt after (${other} worker threads)`, { workers: other });
  await seed(`tdg seed, constraints kept during the load (old path, ${workers} worker threads)`, { constraints: 'during' });

  let insert = 0;
  await freshDatabase(async (sql) => {
    t0 = performance.now();
    const rows = await insertLoad(sql, definition);
    const ms = performance.now() - t0;
    insert = (rows * 1000) / ms;
    console.log(`  multi-row INSERT (1000 rows/stmt, constraints in place): ${rate(rows, ms)}  (${(ms / 1000).toFixed(1)} s)`);
  });
  for (const run of runs) console.log(`  ${(run.rowsPerSecond / insert).toFixed(2)}x INSERT: ${run.label}`);
}
