// Database port figures: PGlite start-up costs and asUser transaction throughput on PGlite and, when
// TDG_TEST_DATABASE_URL (or DATABASE_URL) names a server, on PostgreSQL. Prints; asserts nothing.
import { randomBytes } from 'node:crypto';
import { adminOf } from '../src/db/admin.js';
import { migrate } from '../src/db/migrate.js';
import { MEMORY, createPglite, loadPglite, pgliteAdmin, pgliteDatabase } from '../src/db/pglite.js';
import type { Claims, Database } from '../src/db/port.js';
import { createPostgresClient, postgresDatabase } from '../src/db/postgres.js';

const ms = (started: number) => `${(performance.now() - started).toFixed(0)} ms`;

async function throughput(label: string, db: Database, transactions: number): Promise<void> {
  const [user] = await db.asService((tx) =>
    tx.query<{ id: string }>(`insert into auth.users (id, email) values (gen_random_uuid(), $1) returning id`, [
      `bench-${randomBytes(4).toString('hex')}@example.test`,
    ]),
  );
  const claims: Claims = { sub: user.id, role: 'authenticated' };
  let started = performance.now();
  for (let i = 0; i < transactions; i++) {
    await db.asUser(claims, (tx) => tx.query(`insert into generator_schemas (owner_id, name) values (auth.uid(), $1)`, [`s${i}`]));
  }
  const insertRate = transactions / ((performance.now() - started) / 1000);
  started = performance.now();
  for (let i = 0; i < transactions; i++) {
    await db.asUser(claims, (tx) => tx.query(`select id, name, version from generator_schemas where owner_id = auth.uid() order by created_at desc limit 20`));
  }
  const selectRate = transactions / ((performance.now() - started) / 1000);
  console.log(
    `${label}: asUser insert ${insertRate.toFixed(0)} tx/s, asUser select (20 rows) ${selectRate.toFixed(0)} tx/s (${transactions} each, sequential)`,
  );
}

export async function bench({ quick }: { quick: boolean }): Promise<void> {
  const transactions = quick ? 100 : 1000;

  let started = performance.now();
  const pg = await createPglite(MEMORY);
  console.log(`pglite: create (initdb) ${ms(started)}`);
  started = performance.now();
  await migrate(pgliteAdmin(pg));
  console.log(`pglite: shim + migrations ${ms(started)}`);
  const dump = await pg.dumpDataDir('none');
  started = performance.now();
  const copy = await loadPglite(dump);
  console.log(`pglite: load a migrated dump (${(dump.size / 1e6).toFixed(0)} MB) ${ms(started)}`);
  await copy.close();
  const db = pgliteDatabase(pg);
  await throughput('pglite', db, transactions);
  await db.close();

  const server = process.env.TDG_TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!server) {
    console.log('postgres: skipped (set TDG_TEST_DATABASE_URL)');
    return;
  }
  const name = `tdg_bench_db_${randomBytes(4).toString('hex')}`;
  const maintenance = createPostgresClient(server, { max: 1 });
  await maintenance.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const remote = postgresDatabase(createPostgresClient(url.toString(), { max: 4 }));
  try {
    started = performance.now();
    await migrate(adminOf(remote));
    console.log(`postgres: shim + migrations ${ms(started)}`);
    await throughput('postgres', remote, transactions);
  } finally {
    await remote.close();
    await maintenance.unsafe(`drop database if exists ${name} with (force)`);
    await maintenance.end();
  }
}
