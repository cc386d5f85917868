import postgres from 'postgres';
import { registerAdmin } from './admin.js';
import { DatabaseUnavailableError } from './errors.js';
import type { AdminDb, AdminTx, Claims, Database, Notification, Tx } from './port.js';
import { SET_REQUEST_CLAIMS, normaliseParams, serviceSessionParams, userSessionParams } from './session.js';

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
    return postgres(url, {
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
    }) as unknown as Sql;
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
  const withSession = <T>(session: [string, string, string], fn: (tx: Tx) => Promise<T>) =>
    sql.begin(async (raw) => {
      const tx = txOf(raw as unknown as Queryable);
      // sent without waiting for its answer: the transaction's one connection runs its statements
      // in order, so the claims are set before fn's first query, which goes out in the same write;
      // if setting them failed, every later statement fails and begin() rethrows this error
      const claimsSet = tx.query(SET_REQUEST_CLAIMS, session);
      // its failure is rethrown by the await below; until then it must not count as unhandled
      claimsSet.catch(() => undefined);
      // after begin() ends, its sql runs on the pool as the superuser: a kept tx is refused
      let open = true;
      const query = <R>(text: string, params?: unknown[]) => (open ? tx.query<R>(text, params) : Promise.reject(new Error('Transaction is closed')));
      try {
        return await fn({ query });
      } finally {
        open = false;
        await claimsSet;
      }
    }) as Promise<T>;
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
