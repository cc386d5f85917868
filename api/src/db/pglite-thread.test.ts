// PGlite in a thread of its own: a transaction that has only read lets the others run while the
// API's thread works out its next step; one that wrote, locked or failed keeps the database to its
// end. (What every adapter promises is in port.test.ts, run on this one too.)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf } from './admin.js';
import { pgliteThreadDatabase, threadOf } from './pglite-thread.js';
import type { Database, Tx } from './port.js';
import { createTestDatabase, createTestUser, type TestDatabase, type TestUser } from '../../test/support/database.js';

let t: TestDatabase;
let db: Database;
let alice: TestUser;

beforeAll(async () => {
  t = await createTestDatabase({ thread: true });
  db = t.db;
  alice = await createTestUser(db);
});
afterAll(() => t?.drop());

const later = (ms: number) => new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), ms));

/** Runs `first` up to its pause, then another transaction; says whether the other one finished during the pause. */
async function otherFinishesDuringPause(first: (tx: Tx) => Promise<void>): Promise<{ during: boolean; after: unknown }> {
  let pause!: () => void;
  const paused = new Promise<void>((resolve) => (pause = resolve));
  let resume!: () => void;
  const resumed = new Promise<void>((resolve) => (resume = resolve));
  const outcome = db
    .asUser(alice.claims, async (tx) => {
      await first(tx);
      pause();
      await resumed;
      return (await tx.query<{ uid: string }>(`select auth.uid() as uid`))[0].uid;
    })
    .catch((error: Error) => error);
  await paused;
  const other = db.asService((tx) => tx.query(`select 1`));
  const during = (await Promise.race([other.then(() => 'done' as const), later(1_500)])) === 'done';
  resume();
  await other;
  return { during, after: await outcome };
}

describe('PGlite in its own thread', () => {
  it('lets other transactions run while one that has only read waits for its next step, which still runs with its claims', async () => {
    const { during, after } = await otherFinishesDuringPause(async (tx) => {
      await tx.query(`select count(*) from generator_schemas`);
    });
    expect(during).toBe(true);
    expect(after).toBe(alice.id);
  });

  it('keeps the database for a transaction that wrote, to its end, and rolls all of it back', async () => {
    let during: boolean | undefined;
    const outcome = db.asUser(alice.claims, async (tx) => {
      await tx.query(`insert into generator_schemas (owner_id, name) values ($1, 'kept whole')`, [alice.id]);
      const other = db.asService((other) => other.query(`select 1`));
      during = (await Promise.race([other.then(() => 'done' as const), later(500)])) === 'done';
      await tx.query(`select 1`);
      throw new Error('changed my mind');
    });
    await expect(outcome).rejects.toThrow('changed my mind');
    expect(during).toBe(false);
    expect(await db.asUser(alice.claims, (tx) => tx.query(`select 1 from generator_schemas where name = 'kept whole'`))).toEqual([]);
  });

  it('keeps the database for a transaction that locked a row', async () => {
    const [schema] = await db.asUser(alice.claims, (tx) =>
      tx.query<{ id: string }>(`insert into generator_schemas (owner_id, name) values ($1, 'locked') returning id`, [alice.id]),
    );
    const { during, after } = await otherFinishesDuringPause(async (tx) => {
      await tx.query(`select id from generator_schemas where id = $1 for update`, [schema.id]);
    });
    expect(during).toBe(false);
    expect(after).toBe(alice.id);
  });

  it('keeps a transaction whose statement failed, so it never reports success', async () => {
    const { during, after } = await otherFinishesDuringPause(async (tx) => {
      await tx.query(`select 1 / 0`).catch(() => undefined);
    });
    expect(during).toBe(false);
    expect(after).toBeInstanceOf(Error);
  });

  it('answers the superuser, in and out of transactions, and rolls back what fn gave up', async () => {
    const admin = adminOf(db);
    await admin.exec(`create table scratch_thread (n int)`);
    await expect(
      admin.transaction(async (tx) => {
        await tx.exec(`insert into scratch_thread values (1)`);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    await admin.transaction((tx) => tx.query(`insert into scratch_thread values ($1)`, [2]));
    expect(await admin.query(`select n from scratch_thread`)).toEqual([{ n: 2 }]);
  });

  it('fails every call with a clear error once closed, and a data directory it cannot use at start', async () => {
    const other = await pgliteThreadDatabase({ dir: 'memory://' });
    await other.close();
    await expect(other.asService((tx) => tx.query(`select 1`))).rejects.toThrow(/closed/);
    await expect(pgliteThreadDatabase({ dir: '/proc/tdg-cannot-be-here' })).rejects.toMatchObject({ name: 'DatabaseUnavailableError' });
  });
});

describe('PGlite in its own thread, when the thread stops', () => {
  it('fails what was asked of it, starts it again on its directory, and listens again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tdg-thread-'));
    const restarted = await pgliteThreadDatabase({ dir });
    try {
      const admin = adminOf(restarted);
      await admin.exec(`create table kept (n int); insert into kept values (1)`);
      const heard: string[] = [];
      await restarted.listen('news', (payload) => heard.push(payload));
      // a transaction left open when the thread stops was never committed
      let inTransaction!: () => void;
      const opened = new Promise<void>((resolve) => (inTransaction = resolve));
      let threadStopped!: () => void;
      const stopped = new Promise<void>((resolve) => (threadStopped = resolve));
      const lostWork = admin.transaction(async (tx) => {
        await tx.exec(`insert into kept values (2)`);
        inTransaction();
        await stopped;
        await tx.query(`select 1`);
      });
      await opened;
      await threadOf(restarted)!.terminate();
      threadStopped();
      await expect(lostWork).rejects.toThrow(/closed|stopped/);
      expect(await admin.query(`select n from kept order by n`)).toEqual([{ n: 1 }]);
      await admin.exec(`notify news, 'again'`);
      await expect.poll(() => heard).toEqual(['again']);
    } finally {
      await restarted.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
