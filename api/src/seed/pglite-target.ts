// SeedTarget over PGlite: it has no COPY FROM STDIN, but reads COPY data from a blob ('/dev/blob').
import type { PGlite } from '@electric-sql/pglite';
import { copyStatement, type SeedTarget } from './target.js';

export function pgliteTarget(db: PGlite): SeedTarget {
  return {
    async transaction(fn) {
      await db.transaction(async (tx) => {
        await fn({
          async copy(relation, columns, data) {
            const parts: string[] = [];
            for await (const chunk of data) parts.push(chunk);
            await tx.query(copyStatement(relation, columns, "'/dev/blob'"), [], { blob: new Blob(parts) });
          },
          async execute(statement) {
            await tx.exec(statement);
          },
        });
      });
    },
  };
}
