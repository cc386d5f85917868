import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteDatabase } from './pglite.js';
import type { Database } from './port.js';

let pg: PGlite;
let db: Database;
beforeAll(async () => {
  pg = await PGlite.create();
  await pg.exec(`create role service_role; create table t (n int); grant all on t to service_role`);
  db = pgliteDatabase(pg);
});
afterAll(() => pg?.close());

describe('the PGlite adapter under a queue of transactions', () => {
  it('gives the event loop a turn between transactions, so I/O waiting behind a long queue is served', async () => {
    const finished: number[] = [];
    const transactions = Array.from({ length: 40 }, (_, k) =>
      db.asService(async (tx) => {
        await tx.query(`insert into t values ($1)`, [k]);
        finished.push(k);
      }),
    );
    // what a socket's callback would see: how many of the queued transactions ran before its turn
    const sawWhenServed = await new Promise<number>((resolve) => setImmediate(() => resolve(finished.length)));
    await Promise.all(transactions);
    expect(finished).toEqual([...finished].sort((a, b) => a - b)); // still in order, one at a time
    expect(sawWhenServed).toBeLessThan(5);
  });

  it('keeps going after a transaction fails', async () => {
    const failing = db.asService((tx) => tx.query(`select 1/0`));
    const next = db.asService((tx) => tx.query<{ n: number }>(`select 2 as n`));
    await expect(failing).rejects.toThrow(/division by zero/);
    expect(await next).toEqual([{ n: 2 }]);
  });
});
