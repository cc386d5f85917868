// The port the seed loader writes through: one transaction, one COPY per table.

export interface CopySession {
  /** Streams COPY text (lines) into a relation; resolves when the server has taken all of it. */
  copy(relation: Relation, columns: string[], data: AsyncIterable<string>): Promise<void>;
}

export interface SeedTarget {
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction(fn: (session: CopySession) => Promise<void>): Promise<void>;
}

export interface Relation {
  schema: string;
  name: string;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function copyStatement(relation: Relation, columns: string[], source: string): string {
  return `COPY ${ident(relation.schema)}.${ident(relation.name)} (${columns.map(ident).join(', ')}) FROM ${source}`;
}
