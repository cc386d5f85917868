import postgres from 'postgres';
import { registerAdmin } from './admin.js';
import { DatabaseUnavailableError } from './errors.js';
import { withNoDelay } from './no-delay.js';
import type { AdminDb, AdminTx, Claims, Database, Notification, Tx } from './port.js';
import { SET_REQUEST_CLAIMS, normaliseParams, serviceSessionParams, userSessionParams, type SessionParams } from './session.js';

export type Sql = postgres.Sql<Record<string, never>>;

export interface PostgresOptions {
  /** Pool size (default 10). */
  max?: number;
  /** Seconds to wait for a connection (default 10). */
  connectTimeout?: number;
}

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable DATABASE_URL>';
  }
}

/** A postgres.js pool configured so rows look like PGlite's (int8 → number, UTC session). */
export function createPostgresClient(url: string, options: PostgresOptions = {}): Sql {
  try {
    return postgres(
      url,
      withNoDelay({
        max: options.max ?? 10,
        connect_timeout: options.connectTimeout ?? 10,
        onnotice: () => {},
        connection: { TimeZone: 'UTC', application_name: 'tdg' },
        types: {
          // int8 as number, like PGlite (counts, rows_done and seq stay far below 2^53)
          // JSON params arrive as JSON text (see port.ts); postgres.js would stringify them a second time
          json: {
            to: 114,
            from: [114, 3802],
            serialize: (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value)),
            parse: (value: string) => JSON.parse(value),
          },
          int8: { to: 20, from: [20], serialize: (value: unknown) => String(value), parse: (value: string) => Number(value) },
        },
      }),
    ) as unknown as Sql;
  } catch (error) {
    throw new DatabaseUnavailableError(`DATABASE_URL ${redactUrl(url)} is not a valid connection string: ${(error as Error).message}`);
  }
}

/** Fails with a one-line DatabaseUnavailableError when the server does not answer. */
export async function checkReachable(sql: Sql, url: string): Promise<void> {
  try {
    await sql.unsafe('select 1');
  } catch (error) {
    const e = error as Error & { code?: string };
    const reason = e.code && !e.message.includes(e.code) ? `${e.code}: ${e.message}` : e.message;
    throw new DatabaseUnavailableError(`DATABASE_URL ${redactUrl(url)} does not answer (${reason})`);
  }
}

type Queryable = Pick<Sql, 'unsafe'>;

function txOf(sql: Queryable): AdminTx {
  return {
    async query<T>(text: string, params?: unknown[]) {
      // simple: false keeps one statement per call, as PGlite's query() does
      const rows = await sql.unsafe(text, normaliseParams(params) as never[], { prepare: true, simple: false } as never);
      return Array.from(rows) as T[];
    },
    async exec(text: string) {
      await sql.unsafe(text);
    },
  };
}

/** Raw access through a postgres.js pool (superuser, no RLS). `close()` ends the pool. */
export function postgresAdmin(sql: Sql): AdminDb {
  return {
    kind: 'postgres',
    ...txOf(sql),
    transaction: <T>(fn: (tx: AdminTx) => Promise<T>) => sql.begin((tx) => fn(txOf(tx as unknown as Queryable))) as Promise<T>,
    close: () => sql.end({ timeout: 5 }),
  };
}

/** The Database port on a postgres.js pool. Closing it ends the pool. */
export function postgresDatabase(sql: Sql): Database {
  // one reserved connection per transaction, its first statements pipelined: BEGIN, the claims and
  // fn's first query go out in one write and cost one round trip (postgres.js's begin() waits for
  // BEGIN's answer first). Writes to a loopback socket cost the API's thread most of the server's
  // receive path too: a quarter of its time under load went to them.
  const withSession = async <T>(session: SessionParams, fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const connection = await sql.reserve();
    const raw = txOf(connection as unknown as Queryable);
    // if BEGIN or the claims fail, every later statement fails too; their own error is the one reported
    const opening = Promise.all([raw.exec('begin'), raw.query(SET_REQUEST_CLAIMS, session)]);
    opening.catch(() => undefined);
    // after the transaction ends, the connection goes back to the pool: a kept tx is refused
    let open = true;
    const query = <R>(text: string, params?: unknown[]) => (open ? raw.query<R>(text, params) : Promise.reject(new Error('Transaction is closed')));
    try {
      let result: T;
      try {
        result = await fn({ query });
        await opening;
      } catch (error) {
        open = false;
        await connection.unsafe('rollback').catch(() => undefined);
        throw await opening.then(
          () => error,
          (openingError: unknown) => openingError,
        );
      }
      open = false;
      // COMMIT of a transaction a caught error aborted answers ROLLBACK without an error
      const committed = await connection.unsafe('commit');
      if ((committed as unknown as { command?: string }).command === 'ROLLBACK') throw new Error('the transaction was rolled back: a statement in it failed');
      return result;
    } finally {
      connection.release();
    }
  };
  const db: Database = {
    kind: 'postgres',
    asUser: <T>(claims: Claims, fn: (tx: Tx) => Promise<T>) => withSession(userSessionParams(claims), fn),
    asService: <T>(fn: (tx: Tx) => Promise<T>) => withSession(serviceSessionParams(), fn),
    async listen(channel: string, onNotify: Notification) {
      const { unlisten } = await sql.listen(channel, onNotify);
      return unlisten;
    },
    close: () => sql.end({ timeout: 5 }),
  };
  registerAdmin(db, postgresAdmin(sql));
  return db;
}
