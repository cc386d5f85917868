// SeedTarget over PGlite: it has no COPY FROM STDIN, but reads COPY data from a blob ('/dev/blob').
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { copyStatement, type CopySession, type SeedTarget } from './target.js';

function session(tx: Transaction, depth = 0): CopySession {
  return {
    async copy(relation, columns, data) {
      const parts: Uint8Array<ArrayBuffer>[] = [];
      for await (const chunk of data) parts.push(chunk as Uint8Array<ArrayBuffer>);
      await tx.query(copyStatement(relation, columns, "'/dev/blob'"), [], { blob: new Blob(parts) });
    },
    async execute(statement) {
      await tx.exec(statement);
    },
    async query<T extends Record<string, unknown>>(statement: string) {
      return (await tx.query<T>(statement)).rows;
    },
    async savepoint(fn) {
      const name = `tdg_seed_${depth + 1}`;
      await tx.exec(`savepoint ${name}`);
      try {
        const result = await fn(session(tx, depth + 1));
        await tx.exec(`release savepoint ${name}`);
        return result;
      } catch (error) {
        await tx.exec(`rollback to savepoint ${name}; release savepoint ${name}`);
        throw error;
      }
    },
  };
}

export function pgliteTarget(db: PGlite): SeedTarget {
  return {
    async transaction(fn) {
      await db.transaction((tx) => fn(session(tx)));
    },
  };
}
