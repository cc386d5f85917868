// The port the seed loader writes through: one transaction, one COPY per table.

export interface CopySession {
  /** Streams COPY text (lines, UTF-8) into a relation; resolves when the server has taken all of it. */
  copy(relation: Relation, columns: string[], data: AsyncIterable<Uint8Array>): Promise<void>;
  /** Runs one SQL statement without parameters. */
  execute(sql: string): Promise<void>;
  /** Runs one SQL statement without parameters and returns its rows (column name → value). */
  query<T extends Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Runs fn inside a savepoint: when it throws, the transaction is rolled back to the savepoint and goes on; the error is rethrown. */
  savepoint<T>(fn: (session: CopySession) => Promise<T>): Promise<T>;
}

export interface SeedTarget {
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction(fn: (session: CopySession) => Promise<void>): Promise<void>;
}

export interface Relation {
  schema: string;
  name: string;
}

/** `schema.name`, unquoted: one key per relation (for sets, maps and comparisons). */
export const relationName = (relation: Relation) => `${relation.schema}.${relation.name}`;

export const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
export const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function copyStatement(relation: Relation, columns: string[], source: string): string {
  return `COPY ${ident(relation.schema)}.${ident(relation.name)} (${columns.map(ident).join(', ')}) FROM ${source}`;
}

/**
 * Moves the sequences behind serial / identity columns past the loaded values, so the
 * application's next INSERT does not collide with a seeded key. Columns without one are skipped.
 */
export function syncSequencesStatement(relation: Relation, columns: string[]): string {
  const table = `${ident(relation.schema)}.${ident(relation.name)}`;
  return columns
    .map(
      (c) =>
        `select setval(s, greatest((select max(${ident(c)}) from ${table})::bigint, 1)) from (select pg_get_serial_sequence(${literal(table)}, ${literal(c)}) as s) x where s is not null`,
    )
    .join(';\n');
}
