// SeedTarget over a PostgreSQL server (postgres.js): COPY ... FROM STDIN through a writable stream.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Sql } from 'postgres';
import { copyStatement, type SeedTarget } from './target.js';

export function postgresTarget(sql: Sql): SeedTarget {
  return {
    async transaction(fn) {
      await sql.begin(async (tx) => {
        await fn({
          async copy(relation, columns, data) {
            const writable = await tx.unsafe(copyStatement(relation, columns, 'STDIN')).writable();
            await pipeline(Readable.from(data, { objectMode: false }), writable);
          },
        });
      });
    },
  };
}
