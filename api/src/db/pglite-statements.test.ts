import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatementCache } from './pglite-statements.js';

let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create();
  await pg.exec(`create table t (id int primary key, at timestamptz, doc jsonb, tags text[], n int8, note text)`);
  await pg.exec(`insert into t values (1, '2025-01-02T03:04:05.678Z', '{"a":[1,2]}', '{x,"y,z"}', 9007199254740991, null), (2, now(), 'null', '{}', 0, 'two')`);
});
afterAll(() => pg?.close());

const within = <T>(fn: () => Promise<T>) => pg.transaction(() => fn());

describe('prepared statements on PGlite', () => {
  it("answers as PGlite's own query does, for every type and parameter, however often a statement runs", async () => {
    const statements = createStatementCache(pg);
    const sql = `select id, at, doc, tags, n, note, $2::text as echo from t where id = any($1::int[]) order by id`;
    for (const params of [
      [[1, 2], 'é\u{1F600}'],
      [[2], null],
      [[3], "o'brien"],
      [[1], ''],
    ]) {
      const ours = await within(() => statements.query(sql, params));
      const theirs = (await pg.query(sql, params)).rows;
      expect(ours).toEqual(theirs);
    }
  });

  it('forgets the oldest statement past its bound and still answers every statement', async () => {
    const prepared = async () => (await pg.query<{ n: number }>(`select count(*)::int as n from pg_prepared_statements`)).rows[0].n;
    const before = await prepared();
    const statements = createStatementCache(pg, 3);
    for (let round = 0; round < 2; round++) {
      for (let k = 0; k < 6; k++) {
        const [row] = await within(() => statements.query<{ k: number }>(`select $1::int + ${k} as k`, [round]));
        expect(row.k).toBe(round + k);
      }
    }
    // the session holds this cache's 3 statements, not the 6 it has made
    expect(await prepared()).toBe(before + 3);
  });

  it('reports a failed statement as PGlite does and keeps working', async () => {
    const statements = createStatementCache(pg);
    await expect(within(() => statements.query(`select 1/$1::int`, [0]))).rejects.toMatchObject({ code: '22012' });
    await expect(within(() => statements.query(`selec 1`, []))).rejects.toMatchObject({ code: '42601' });
    const [row] = await within(() => statements.query<{ v: number }>(`select 1/$1::int as v`, [1]));
    expect(row.v).toBe(1);
  });

  // as with postgres.js on PostgreSQL: a plan whose result columns changed fails its first use
  // (a Bind error aborts the transaction, so it cannot be retried inside it), then is made again
  it('answers with the new columns after a table changes, from the second use at the latest', async () => {
    const statements = createStatementCache(pg);
    await pg.exec(`create table changing (id int)`);
    await pg.exec(`insert into changing values (1)`);
    const sql = `select * from changing`;
    expect(await within(() => statements.query(sql, []))).toEqual([{ id: 1 }]);
    await pg.exec(`alter table changing add column extra text default 'x'`);
    const after = await within(() => statements.query(sql, [])).catch((error) => error);
    expect(Array.isArray(after) ? after : after.code).toEqual(Array.isArray(after) ? [{ id: 1, extra: 'x' }] : '0A000');
    expect(await within(() => statements.query(sql, []))).toEqual([{ id: 1, extra: 'x' }]);
  });
});
