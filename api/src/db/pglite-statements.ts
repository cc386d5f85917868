// Named prepared statements on PGlite, as postgres.js keeps them on PostgreSQL (`prepare: true`).
// PGlite's own query() parses, analyses and plans every statement again; with row level security
// the planning (policies expanded into the query) costs several times the execution, so a
// request's query is parsed once per process and then only bound and executed. Postgres itself
// keeps such plans right: a plan that depends on RLS is redone when the role or a table changes.
import { parse, protocol, type PGlite } from '@electric-sql/pglite';

const { serialize } = protocol;

export interface StatementCache {
  /** One statement with `$n` parameters; call inside a transaction of this PGlite instance. */
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
  /**
   * The same, also saying whether the transaction is still read-only after it (it has written
   * nothing, locked no row: Postgres has given it no transaction id), asked in the same call.
   */
  queryReadOnly<T>(sql: string, params: unknown[]): Promise<{ rows: T[]; readOnly: boolean }>;
}

// true while the transaction has no transaction id: nothing written, no row locked
const READ_ONLY = `select pg_current_xact_id_if_assigned() is null as read_only`;

interface Statement {
  name: string;
  paramTypes: number[];
}

type Message = { name: string; dataTypeIDs?: number[] };

// names unique in the process: several caches may share one PGlite session (prepared statements are per session)
let made = 0;

function concat(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

export function createStatementCache(pg: PGlite, maxStatements = 500): StatementCache {
  const statements = new Map<string, Statement>();
  const run = (message: Uint8Array) => pg.execProtocolStream(message, { syncToFs: false }) as Promise<Message[]>;

  // the caller holds PGlite's query lock; a failed step leaves the session waiting for a Sync
  async function prepare(sql: string): Promise<Statement> {
    const name = `tdg_${++made}`;
    try {
      await run(serialize.parse({ name, text: sql }));
      const described = await run(serialize.describe({ type: 'S', name }));
      const paramTypes = described.find((m) => m.name === 'parameterDescription')?.dataTypeIDs ?? [];
      const statement = { name, paramTypes };
      if (statements.size >= maxStatements) {
        const [oldSql, old] = statements.entries().next().value!;
        statements.delete(oldSql);
        await run(serialize.close({ type: 'S', name: old.name }));
      }
      statements.set(sql, statement);
      return statement;
    } finally {
      await run(serialize.sync());
    }
  }

  const bound = async (sql: string, params: unknown[]) => {
    const statement = statements.get(sql) ?? (await prepare(sql));
    const values = params.map((value, i) => {
      if (value == null) return null;
      const serializer = pg.serializers[statement.paramTypes[i]];
      return serializer ? serializer(value) : String(value);
    });
    return { statement, messages: [serialize.bind({ statement: statement.name, values }), serialize.describe({ type: 'P' }), serialize.execute({})] };
  };

  // one call into the engine: bind, describe, execute (of each statement) and the Sync that ends
  // the cycle (after an error Postgres skips to the Sync, so the session is ready for the next one)
  async function execute(sql: string, statement: Statement, parts: Uint8Array[]) {
    try {
      return parse.parseResults((await run(concat([...parts, serialize.sync()]))) as never, pg.parsers);
    } catch (error) {
      // a plan Postgres cannot keep (a table's columns changed): made again next time
      if ((error as { code?: string }).code === '0A000') {
        statements.delete(sql);
        await run(concat([serialize.close({ type: 'S', name: statement.name }), serialize.sync()]));
      }
      throw error;
    }
  }

  return {
    query<T>(sql: string, params: unknown[]) {
      return pg.runExclusive(async () => {
        const { statement, messages } = await bound(sql, params);
        const [result] = await execute(sql, statement, messages);
        return result.rows as T[];
      });
    },
    queryReadOnly<T>(sql: string, params: unknown[]) {
      return pg.runExclusive(async () => {
        const { statement, messages } = await bound(sql, params);
        const check = await bound(READ_ONLY, []);
        const [result, readOnly] = await execute(sql, statement, [...messages, ...check.messages]);
        return { rows: result.rows as T[], readOnly: (readOnly?.rows[0] as { read_only?: boolean } | undefined)?.read_only === true };
      });
    },
  };
}
