// SeedTarget over a PostgreSQL server (postgres.js): COPY ... FROM STDIN through a writable stream.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Sql, TransactionSql } from 'postgres';
import { copyStatement, type CopySession, type SeedTarget } from './target.js';

function session(tx: TransactionSql): CopySession {
  return {
    async copy(relation, columns, data) {
      const query = tx.unsafe(copyStatement(relation, columns, 'STDIN'));
      // postgres.js 3.4 never settles the writable when the server rejects the COPY after
      // the last chunk (porsager/postgres#1173); the error still reaches query.reject
      const failed = new Promise<never>((_, reject) => {
        const q = query as unknown as { reject: (e: unknown) => void };
        const original = q.reject;
        q.reject = (error) => {
          reject(error);
          original(error);
        };
      });
      failed.catch(() => {});
      const writable = await query.writable();
      await Promise.race([pipeline(Readable.from(data, { objectMode: false }), writable), failed]);
    },
    async execute(statement) {
      await tx.unsafe(statement).simple();
    },
    async query<T extends Record<string, unknown>>(statement: string) {
      return [...(await tx.unsafe<T[]>(statement))];
    },
    // postgres.js fails a transaction on any failed query, even a caught one, unless it ran in tx.savepoint
    savepoint: (fn) => tx.savepoint((inner) => fn(session(inner))) as ReturnType<typeof fn>,
  };
}

export function postgresTarget(sql: Sql): SeedTarget {
  return {
    async transaction(fn) {
      await sql.begin((tx) => fn(session(tx)));
    },
  };
}
