// Behaviour of the generator tables beyond RLS: triggers, defaults, foreign keys, the event feed.
// Runs on PGlite, or on PostgreSQL when TDG_TEST_DATABASE_URL is set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSupabaseDir } from '../../src/db/migrate.js';
import type { Database, Tx } from '../../src/db/port.js';
import { parseDefinition } from '../../src/engine/definition.js';
import { createTestDatabase, createTestUser, type TestDatabase, type TestUser } from '../support/database.js';

let t: TestDatabase;
let db: Database;
let owner: TestUser;
let member: TestUser;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  owner = await createTestUser(db);
  member = await createTestUser(db);
});
afterAll(() => t?.drop());

const newSchema = (tx: Tx, name = 'S') =>
  tx.query<{ id: string; version: number; updated_at: Date; created_at: Date }>(
    `insert into generator_schemas (owner_id, name) values (auth.uid(), $1) returning id, version, updated_at, created_at`,
    [name],
  );
const newExport = (tx: Tx, schemaId: string | null = null) =>
  tx.query<{ id: string; created_at: Date; expires_at: Date; status: string; attempt: number; rows_done: number }>(
    `insert into generator_exports (owner_id, schema_id, format, row_count) values (auth.uid(), $1, 'csv', 10)
     returning id, created_at, expires_at, status, attempt, rows_done`,
    [schemaId],
  );
const DAY = 86_400_000;

describe('generator tables', () => {
  it('bump version and updated_at on every schema update, so writers can check what they read', async () => {
    const [created] = await db.asUser(owner.claims, (tx) => newSchema(tx));
    expect(created.version).toBe(1);
    const [updated] = await db.asUser(owner.claims, (tx) =>
      tx.query<{ version: number; touched: boolean }>(
        `update generator_schemas set name = 'S2' where id = $1 returning version, updated_at > created_at as touched`,
        [created.id],
      ),
    );
    expect(updated).toEqual({ version: 2, touched: true });
    // optimistic concurrency: an update against the stale version matches nothing
    const stale = await db.asUser(owner.claims, (tx) =>
      tx.query(`update generator_schemas set name = 'S3' where id = $1 and version = 1 returning id`, [created.id]),
    );
    expect(stale).toEqual([]);
  });

  it('stores timestamps in UTC (timezone(utc, now()) defaults agree with now())', async () => {
    const [row] = await db.asUser(owner.claims, (tx) => newSchema(tx));
    expect(Math.abs(row.created_at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('queues exports as pending with a 7-day expiry that tdg.export_retention overrides', async () => {
    const [queued] = await db.asUser(owner.claims, (tx) => newExport(tx));
    expect(queued).toMatchObject({ status: 'pending', attempt: 0, rows_done: 0 });
    expect(queued.expires_at.getTime() - queued.created_at.getTime()).toBeGreaterThan(7 * DAY - 60_000);
    expect(queued.expires_at.getTime() - queued.created_at.getTime()).toBeLessThan(7 * DAY + 60_000);
    const [short] = await db.asUser(owner.claims, async (tx) => {
      await tx.query(`select set_config('tdg.export_retention', '1 day', true)`);
      return newExport(tx);
    });
    expect(short.expires_at.getTime() - short.created_at.getTime()).toBeLessThan(DAY + 60_000);
  });

  it('stamps completed_at when an export reaches a final status', async () => {
    const [queued] = await db.asUser(owner.claims, (tx) => newExport(tx));
    const [running] = await db.asService((tx) =>
      tx.query<{ completed_at: Date | null }>(`update generator_exports set status = 'running' where id = $1 returning completed_at`, [queued.id]),
    );
    expect(running.completed_at).toBeNull();
    const [failed] = await db.asService((tx) =>
      tx.query<{ completed_at: Date | null }>(
        `update generator_exports set status = 'failed', error_details = $2::jsonb where id = $1 returning completed_at`,
        [queued.id, JSON.stringify({ message: 'disk full' })],
      ),
    );
    expect(failed.completed_at).toBeInstanceOf(Date);
  });

  it('keeps exports when their schema goes, cascades members, and drops events with their export', async () => {
    const [schema] = await db.asUser(owner.claims, (tx) => newSchema(tx, 'doomed'));
    await db.asUser(owner.claims, (tx) =>
      tx.query(`insert into generator_schema_members (schema_id, member_id, role) values ($1, $2, 'viewer')`, [schema.id, member.id]),
    );
    const [exp] = await db.asUser(owner.claims, (tx) => newExport(tx, schema.id));
    await db.asService((tx) => tx.query(`insert into generator_export_events (export_id, status) values ($1, 'pending')`, [exp.id]));
    await db.asUser(owner.claims, (tx) => tx.query(`delete from generator_schemas where id = $1`, [schema.id]));
    const [after] = await t.admin.query<{ schema_id: string | null; members: number }>(
      `select schema_id, (select count(*) from generator_schema_members where schema_id = $2) as members from generator_exports where id = $1`,
      [exp.id, schema.id],
    );
    expect(after).toEqual({ schema_id: null, members: 0 });
    await db.asService((tx) => tx.query(`delete from generator_exports where id = $1`, [exp.id]));
    const [{ events }] = await t.admin.query<{ events: number }>(`select count(*) as events from generator_export_events where export_id = $1`, [exp.id]);
    expect(events).toBe(0);
  });

  it('removes a deleted user’s schemas and exports', async () => {
    const leaving = await createTestUser(db);
    await db.asUser(leaving.claims, async (tx) => {
      await newSchema(tx);
      await newExport(tx);
    });
    await db.asService((tx) => tx.query(`delete from auth.users where id = $1`, [leaving.id]));
    const [left] = await t.admin.query<{ n: number }>(
      `select (select count(*) from generator_schemas where owner_id = $1) + (select count(*) from generator_exports where owner_id = $1) as n`,
      [leaving.id],
    );
    expect(left.n).toBe(0);
  });

  it('numbers events in insertion order and keeps NOTIFY payloads under the 8000-byte limit', async () => {
    const [exp] = await db.asUser(owner.claims, (tx) => newExport(tx));
    const payloads: string[] = [];
    let arrived!: () => void;
    const both = new Promise<void>((resolve) => (arrived = resolve));
    const unlisten = await db.listen('generator_export_events', (payload) => {
      if (JSON.parse(payload).export_id !== exp.id) return;
      payloads.push(payload);
      if (payloads.length === 2) arrived();
    });
    try {
      const seqs = await db.asService(async (tx) => {
        const small = await tx.query<{ seq: number }>(`insert into generator_export_events (export_id, status) values ($1, 'running') returning seq`, [exp.id]);
        const big = await tx.query<{ seq: number }>(
          `insert into generator_export_events (export_id, status, metadata) values ($1, 'running', $2::jsonb) returning seq`,
          [exp.id, JSON.stringify({ log: 'x'.repeat(10_000) })],
        );
        return [small[0].seq, big[0].seq];
      });
      expect(seqs[1]).toBeGreaterThan(seqs[0]);
      await both;
      const [small, big] = payloads.map((p) => JSON.parse(p));
      expect(small).toMatchObject({ seq: seqs[0], owner_id: owner.id, metadata: {} });
      expect(big).toMatchObject({ seq: seqs[1], owner_id: owner.id, metadata: null, metadata_truncated: true });
      // the stored row keeps its metadata
      const [stored] = await t.admin.query<{ len: number }>(`select length(metadata->>'log') as len from generator_export_events where seq = $1`, [seqs[1]]);
      expect(stored.len).toBe(10_000);
    } finally {
      await unlisten();
    }
  });

  it('finds schemas by words of their name or description', async () => {
    await db.asUser(owner.claims, (tx) =>
      tx.query(`insert into generator_schemas (owner_id, name, description) values (auth.uid(), 'Invoices', 'billing lines for the finance team')`),
    );
    const hits = await db.asUser(owner.claims, (tx) =>
      tx.query<{ name: string }>(`select name from generator_schemas where search_vector @@ websearch_to_tsquery('simple', $1)`, ['finance']),
    );
    expect(hits.map((h) => h.name)).toEqual(['Invoices']);
  });

  it('applies supabase/seed.sql (twice, idempotently) with a definition the engine accepts', async () => {
    const seed = readFileSync(join(findSupabaseDir(), 'seed.sql'), 'utf8');
    await t.admin.exec(seed);
    await t.admin.exec(seed);
    const rows = await t.admin.query<{ schema_definition: unknown }>(
      `select schema_definition from generator_schemas where owner_id = (select id from auth.users where email = 'demo@tdg.local')`,
    );
    expect(rows).toHaveLength(1);
    expect(() => parseDefinition(rows[0].schema_definition)).not.toThrow();
  });
});
