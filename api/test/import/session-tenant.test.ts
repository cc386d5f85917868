// A code-search app's constructs (fixtures/session-tenant.sql, after Sourcegraph's frontend schema)
// imported and seeded on the server with the DDL in force, then checked on the rows: the seed
// succeeds as imported, and the rows agree with each other the way the application would make them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from 'postgres';
import postgres from 'postgres';
import { importSql } from '../../src/import/index.js';
import { seedDatabase } from '../../src/seed/load.js';
import { postgresTarget } from '../../src/seed/postgres-target.js';
import { fixture, SERVER_URL, serverAvailable } from './harness.js';

const ROWS = 300;
const sql = fixture('session-tenant');
const imported = importSql(sql, { rows: ROWS });
const field = (t: string, f: string) => imported.definition.tables.find((x) => x.name === t)!.fields.find((x) => x.name === f);
const server = await serverAvailable();
const name = `tdg_session_tenant_${process.pid}`;
let admin: Sql;
let db: Sql;

beforeAll(async () => {
  if (!server) return;
  admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name}`);
  await admin.unsafe(`create database ${name}`);
  db = postgres(SERVER_URL.replace(/\/[^/]*$/, `/${name}`), { max: 1, onnotice: () => {} });
  await db.unsafe(sql).simple();
  await seedDatabase(imported.definition, postgresTarget(db), { seed: 'session-tenant' });
}, 300_000);
afterAll(async () => {
  await db?.end();
  if (admin) {
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.end();
  }
});

const one = async (query: string) => (await db.unsafe<Record<string, number>[]>(query))[0]!;

describe.skipIf(!server)('a schema whose tenant is a session setting', () => {
  it('gives every row the one tenant of the seed session, as the DEFAULT would', async () => {
    expect(field('users', 'tenant_id')).toMatchObject({ type: 'constant', options: { value: 1 } });
    for (const table of ['users', 'repo', 'teams', 'batch_specs', 'questions', 'search_queue', 'last_dequeues'])
      expect(await one(`select count(*) filter (where tenant_id <> 1)::int as n from ${table}`), table).toEqual({ n: 0 });
  });

  it('breaks a cycle of foreign keys at the nullable one, and loads both sides', async () => {
    expect(imported.notes.some((n) => /foreign keys form a cycle \(.*\); broken at a nullable key/.test(n.message))).toBe(true);
    const specs = await one(`select count(*)::int as n, count(batch_change_id)::int as set from batch_specs`);
    expect(specs.n).toBe(ROWS);
    expect(specs.set).toBeGreaterThan(0);
    expect(await one(`select count(*)::int as n from batch_changes`)).toEqual({ n: ROWS });
  });

  it('keeps a key over a GENERATED lower(name) unique through name', async () => {
    expect(field('repo', 'name')?.unique).toBe(true);
    expect(await one(`select count(*)::int - count(distinct name_lower)::int as dup from repo`)).toEqual({ dup: 0 });
  });

  it('meets a CHECK regex with a lookahead on a unique name', async () => {
    const teams = await one(`select count(*)::int as n, count(distinct name)::int as d from teams`);
    expect(teams).toEqual({ n: ROWS, d: ROWS });
  });

  it('sets exactly one of two columns a CHECK makes exclusive, both kinds occurring', async () => {
    const hb = await one(`select count(queue_name)::int as one, count(queue_names)::int as many, count(*)::int as n from executor_heartbeats`);
    expect(hb.one + hb.many).toBe(hb.n);
    expect(hb.one).toBeGreaterThan(0);
    expect(hb.many).toBeGreaterThan(0);
  });

  it('writes into the rows a conditional row trigger makes, one per question it fired for', async () => {
    expect(field('search_queue', 'tenant_id')).toMatchObject({ type: 'lookup' });
    const q = await one(
      `select (select count(*)::int from questions where status <> 'processing') as fired, (select count(*)::int from search_queue) as queued,
              (select count(*)::int from search_queue s join questions q on q.id = s.question_id where q.status = 'processing') as wrong`,
    );
    expect(q.queued).toBe(q.fired);
    expect(q.wrong).toBe(0);
  });

  it('leaves a table a statement trigger fills from its transition table to that trigger', async () => {
    expect(imported.notes.some((n) => /last_dequeues: its rows are made by statement trigger last_dequeues_insert/.test(n.message))).toBe(true);
    expect(await one(`select count(*)::int - count(distinct user_id)::int as extra, count(*)::int as n from last_dequeues`)).toMatchObject({ extra: 0 });
    expect(await one(`select count(distinct user_id)::int as n from execution_jobs`)).toEqual(await one(`select count(*)::int as n from last_dequeues`));
  });

  it('starts generated keys after the rows the SQL inserts itself', async () => {
    expect(await one(`select count(*)::int as n, count(*) filter (where name = 'default')::int as kept from tenants`)).toEqual({ n: ROWS + 1, kept: 1 });
  });

  it('lets the sequence number the rows a trigger adds through a view, the generated ones too', async () => {
    expect(field('policies_audit_logs', 'sequence')).toBeUndefined();
    // one audit row per seeded policy from the trigger, and the generated ones
    expect(await one(`select count(*)::int as n, count(distinct sequence)::int as d from policies_audit_logs`)).toEqual({ n: 2 * ROWS, d: 2 * ROWS });
  });

  it('meets CHECKs pg_dump spells out: exactly one of three, a JSON array, JSON keys, a LIKE prefix', async () => {
    const jobs = await one(
      `select count(*)::int as n,
              count(*) filter (where num_nonnulls(email, webhook, slack_webhook) = 1)::int as one_set,
              count(*) filter (where search_results is null or jsonb_typeof(search_results) = 'array')::int as arrays,
              count(*) filter (where matcher ? 'VersionGlob' and matcher ->> 'PackageName' <> '')::int as globs,
              count(*) filter (where external_branch is null or external_branch like 'refs/heads/%/%')::int as branches,
              count(*) filter (where execution_logs is null or json_typeof(execution_logs[1]) is not null or cardinality(execution_logs) = 0)::int as logs
       from action_jobs`,
    );
    expect(jobs).toEqual({ n: ROWS, one_set: ROWS, arrays: ROWS, globs: ROWS, branches: ROWS, logs: ROWS });
  });
});
