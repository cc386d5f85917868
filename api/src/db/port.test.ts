// The Database port behaves the same on PGlite (in this thread and in a thread of its own) and PostgreSQL (TDG_TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Tx } from './port.js';
import { sqlState } from './errors.js';
import { anonClaims, createTestDatabase, createTestUser, testServerUrl, type TestDatabase, type TestUser } from '../../test/support/database.js';

const adapters = testServerUrl
  ? [{ name: 'postgres', thread: false }]
  : [
      { name: 'pglite', thread: false },
      { name: 'pglite in its own thread', thread: true },
    ];

describe.each(adapters)('database port ($name)', ({ thread }) => {
  let t: TestDatabase;
  let db: Database;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await createTestDatabase({ thread });
    db = t.db;
    alice = await createTestUser(db);
    bob = await createTestUser(db);
  });
  afterAll(() => t?.drop());

  it('returns plain rows with Date timestamps, parsed json, numeric int8', async () => {
    const [row] = await db.asService((tx) =>
      tx.query(
        `select now() as ts, timestamp '2025-01-02 03:04:05' as ts_local, date '2025-01-02' as day,
                $1::jsonb as doc, 9007199254740991::bigint as big, count(*) as n, 1.50::numeric as num,
                $2::uuid[] as ids, $3::text[] as texts, $4::jsonb as auto_json, $5::timestamptz as param_ts`,
        [JSON.stringify({ a: [1, 2] }), [alice.id, bob.id], ['x', 'y,z'], { b: true }, new Date('2025-05-06T07:08:09.010Z')],
      ),
    );
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(row.ts).toBeInstanceOf(Date);
    expect(row.ts_local).toBeInstanceOf(Date);
    expect(row.day).toBeInstanceOf(Date);
    expect(row.doc).toEqual({ a: [1, 2] });
    expect(row.big).toBe(9007199254740991);
    expect(row.n).toBe(1);
    expect(row.num).toBe('1.50');
    expect(row.ids).toEqual([alice.id, bob.id]);
    expect(row.texts).toEqual(['x', 'y,z']);
    expect(row.auto_json).toEqual({ b: true });
    expect((row.param_ts as Date).toISOString()).toBe('2025-05-06T07:08:09.010Z');
  });

  it('runs asUser as authenticated with the claims set for the transaction only', async () => {
    const [inside] = await db.asUser(alice.claims, (tx) =>
      tx.query<{ who: string; uid: string; role: string; email: string; jwt: { sub: string } }>(
        `select current_user as who, auth.uid() as uid, auth.role() as role, auth.email() as email, auth.jwt() as jwt`,
      ),
    );
    expect(inside).toEqual({ who: 'authenticated', uid: alice.id, role: 'authenticated', email: alice.email, jwt: expect.objectContaining({ sub: alice.id }) });
    const [after] = await t.admin.query<{ who: string; claims: string | null }>(
      `select current_user as who, nullif(current_setting('request.jwt.claims', true), '') as claims`,
    );
    expect(after.who).not.toBe('authenticated');
    expect(after.claims).toBeNull();
  });

  it('sets claims holding quotes, backslashes, escapes and any unicode exactly as given', async () => {
    const tricky = ["o'brien", "\\'; set role service_role; --", 'back\\slash \\\\ \\x41 \\u0041', "''", '"\\"', '\u00e9\u{1F600}\u2028\t\n', "E'x'"];
    for (const value of tricky) {
      const claims = { ...alice.claims, email: value, user_metadata: { note: value, [value]: value } };
      const [row] = await db.asUser(claims, (tx) =>
        tx.query<{ who: string; uid: string; jwt: Record<string, unknown> }>(`select current_user as who, auth.uid() as uid, auth.jwt() as jwt`),
      );
      expect(row).toEqual({ who: 'authenticated', uid: alice.id, jwt: JSON.parse(JSON.stringify(claims)) });
    }
  });

  it('refuses a NUL in a claim sent as text, and stays usable', async () => {
    await expect(db.asUser({ ...alice.claims, sub: `${alice.id}\u0000x` }, (tx) => tx.query('select 1'))).rejects.toThrow();
    const [row] = await db.asUser(alice.claims, (tx) => tx.query<{ uid: string }>('select auth.uid() as uid'));
    expect(row.uid).toBe(alice.id);
  });

  it('never escalates: a token claiming service_role still runs as authenticated; anon runs as anon', async () => {
    const [forged] = await db.asUser({ ...alice.claims, role: 'service_role' }, (tx) => tx.query<{ who: string }>('select current_user as who'));
    expect(forged.who).toBe('authenticated');
    const [anon] = await db.asUser(anonClaims, (tx) => tx.query<{ who: string; uid: string | null }>('select current_user as who, auth.uid() as uid'));
    expect(anon).toEqual({ who: 'anon', uid: null });
    const [service] = await db.asService((tx) => tx.query<{ who: string }>('select current_user as who'));
    expect(service.who).toBe('service_role');
  });

  it('keeps concurrent transactions apart (no claims leak between requests)', async () => {
    const users = [alice, bob, alice, bob, alice, bob, alice, bob];
    const seen = await Promise.all(
      users.map((user) => db.asUser(user.claims, async (tx) => (await tx.query<{ uid: string }>('select auth.uid() as uid'))[0].uid)),
    );
    expect(seen).toEqual(users.map((u) => u.id));
  });

  it('refuses a query on a transaction that has ended (it would run without the claims)', async () => {
    let kept: Tx | undefined;
    await db.asUser(alice.claims, async (tx) => {
      kept = tx;
    });
    await expect(kept!.query('select current_user as who')).rejects.toThrow();
  });

  it('rolls back when fn throws', async () => {
    await expect(
      db.asUser(alice.claims, async (tx) => {
        await tx.query(`insert into generator_schemas (owner_id, name) values ($1, 'doomed')`, [alice.id]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await db.asUser(alice.claims, (tx) => tx.query(`select 1 from generator_schemas where name = 'doomed'`));
    expect(rows).toEqual([]);
  });

  it('never reports success for a transaction a failed statement aborted, even when fn caught the error', async () => {
    const outcome = db.asUser(alice.claims, async (tx) => {
      await tx.query(`insert into generator_schemas (owner_id, name) values ($1, 'half-done')`, [alice.id]);
      await tx.query(`select 1 / 0`).catch(() => undefined);
      return 'fn finished';
    });
    await expect(outcome).rejects.toThrow();
    const rows = await db.asUser(alice.claims, (tx) => tx.query(`select 1 from generator_schemas where name = 'half-done'`));
    expect(rows).toEqual([]);
    // the connection (or PGlite's session) is usable afterwards
    expect(await db.asUser(alice.claims, (tx) => tx.query<{ one: number }>(`select 1 as one`))).toEqual([{ one: 1 }]);
  });

  it('a failed read ends the transaction as a failed statement does: later statements refused, the whole reported as rolled back', async () => {
    let later: unknown;
    const outcome = db.asUser(alice.claims, async (tx) => {
      await tx.query(`select 1 / 0`).catch(() => undefined);
      later = await tx.query(`select 1 as one`).catch((error: unknown) => error);
      return 'fn finished';
    });
    await expect(outcome).rejects.toThrow();
    expect(sqlState(later)).toBe('25P02');
    expect(await db.asUser(alice.claims, (tx) => tx.query<{ one: number }>(`select 1 as one`))).toEqual([{ one: 1 }]);
  });

  it('reads, then writes: the writes are one transaction, rolled back whole when fn throws, with the claims throughout', async () => {
    await expect(
      db.asUser(alice.claims, async (tx) => {
        await tx.query(`select count(*) from generator_schemas`);
        await tx.query(`insert into generator_schemas (owner_id, name) values ($1, 'read-then-doomed')`, [alice.id]);
        await tx.query(`select auth.uid() as uid`);
        await tx.query(`insert into generator_schemas (owner_id, name) values ($1, 'read-then-doomed')`, [alice.id]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.admin.query(`select 1 from generator_schemas where name = 'read-then-doomed'`)).toEqual([]);
    const uids = await db.asUser(alice.claims, async (tx) => {
      const [first] = await tx.query<{ uid: string }>(`select auth.uid() as uid`);
      await tx.query(`insert into generator_schemas (owner_id, name) values ($1, 'read-then-kept')`, [alice.id]);
      const [second] = await tx.query<{ uid: string }>(`select auth.uid() as uid`);
      return [first.uid, second.uid];
    });
    expect(uids).toEqual([alice.id, alice.id]);
    expect(await t.admin.query(`select 1 from generator_schemas where name = 'read-then-kept'`)).toHaveLength(1);
  });

  it('a statement that reads like a SELECT but writes (a data-modifying WITH) runs once, inside the transaction', async () => {
    const insert = `with made as (insert into generator_schemas (owner_id, name) values ($1, $2) returning id) select count(*)::int as n from made`;
    await expect(
      db.asUser(alice.claims, async (tx) => {
        expect(await tx.query(insert, [alice.id, 'cte-doomed'])).toEqual([{ n: 1 }]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.admin.query(`select 1 from generator_schemas where name = 'cte-doomed'`)).toEqual([]);
    await db.asUser(alice.claims, (tx) => tx.query(insert, [alice.id, 'cte-kept']));
    expect(await t.admin.query(`select 1 from generator_schemas where name = 'cte-kept'`)).toHaveLength(1);
  });

  it('surfaces SQLSTATE codes the same way', async () => {
    const error = await db
      .asUser(alice.claims, (tx) => tx.query(`insert into generator_exports (owner_id, format, row_count) values ($1, 'csv', 0)`, [alice.id]))
      .catch((e) => e);
    expect(sqlState(error)).toBe('23514');
  });

  it('delivers export events to listeners with the owner id, after commit', async () => {
    const payloads: Record<string, unknown>[] = [];
    let arrived!: () => void;
    const done = new Promise<void>((resolve) => (arrived = resolve));
    const unlisten = await db.listen('generator_export_events', (payload) => {
      payloads.push(JSON.parse(payload));
      arrived();
    });
    try {
      const [exp] = await db.asUser(alice.claims, (tx) =>
        tx.query<{ id: string }>(`insert into generator_exports (owner_id, format, row_count) values ($1, 'csv', 10) returning id`, [alice.id]),
      );
      await db.asService((tx) =>
        tx.query(`insert into generator_export_events (export_id, status, message, metadata) values ($1, 'running', 'half', $2::jsonb)`, [
          exp.id,
          JSON.stringify({ rows_done: 5 }),
        ]),
      );
      await done;
      expect(payloads).toHaveLength(1);
      expect(payloads[0]).toMatchObject({ export_id: exp.id, owner_id: alice.id, status: 'running', message: 'half', metadata: { rows_done: 5 } });
      expect(typeof payloads[0].seq).toBe('number');
    } finally {
      await unlisten();
    }
  });
});
