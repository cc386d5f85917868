import postgres from 'postgres';
import { registerAdmin } from './admin.js';
import { DatabaseUnavailableError, sqlState } from './errors.js';
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

// A statement that reads, by its first word: tried alone in a READ ONLY transaction (a write in
// it is refused with 25006 and run again in a transaction that may write). Not for statements that
// set transaction-local state a later statement relies on (settings, transaction-level advisory locks).
const READ_FIRST = /^\s*(?:select|with)\b/i;
const TRANSACTION_STATE = /\b(?:set_config|pg_advisory)/i;
const READ_ONLY_TRANSACTION = '25006';

/** The error of a statement after a failed one, as PostgreSQL gives it inside the failed transaction. */
function abortedTransaction(): Error {
  return Object.assign(new Error('current transaction is aborted, commands ignored until end of transaction block'), { code: '25P02' });
}

/** The Database port on a postgres.js pool. Closing it ends the pool. */
export function postgresDatabase(sql: Sql): Database {
  // one reserved connection per transaction, its first statements pipelined: BEGIN, the claims and
  // fn's first query go out in one write and cost one round trip (postgres.js's begin() waits for
  // BEGIN's answer first). Writes to a loopback socket cost the API's thread most of the server's
  // receive path too: a quarter of its time under load went to them.
  //
  // A user's transaction that only reads (most requests: one SELECT) needs no COMMIT of its own:
  // while fn has only read, each of its reads runs alone, BEGIN READ ONLY, the claims, the
  // statement and COMMIT in one write and one round trip. Under READ COMMITTED each statement reads
  // its own snapshot anyway (port.ts says so). From the first statement that may write, the rest of
  // fn runs in one transaction committed at its end, as before; a read that failed leaves the rest
  // of fn refused and the whole reported as rolled back, as in a failed transaction.
  const withSession = async <T>(session: SessionParams, fn: (tx: Tx) => Promise<T>, readsAlone: boolean): Promise<T> => {
    const connection = await sql.reserve();
    const raw = txOf(connection as unknown as Queryable);
    // read through modeNow() where a call may have changed it (TypeScript keeps a narrowed let)
    let mode: 'reading' | 'writing' | 'failed' = 'reading';
    const modeNow = () => mode;
    // if BEGIN or the claims fail, every later statement fails too; their own error is the one reported
    let opening: Promise<unknown> = Promise.resolve();
    const openWriting = () => {
      mode = 'writing';
      opening = Promise.all([raw.exec('begin'), raw.query(SET_REQUEST_CLAIMS, session)]);
      opening.catch(() => undefined);
    };
    if (!readsAlone) openWriting();
    const readAlone = async <R>(text: string, params?: unknown[]): Promise<R[]> => {
      const [begun, claimed, read] = await Promise.allSettled([
        raw.exec('begin read only'),
        raw.query(SET_REQUEST_CLAIMS, session),
        raw.query<R>(text, params),
        connection.unsafe('commit'),
      ]);
      if (read.status === 'fulfilled' && begun.status === 'fulfilled' && claimed.status === 'fulfilled') return read.value;
      const error = begun.status === 'rejected' ? begun.reason : claimed.status === 'rejected' ? claimed.reason : (read as PromiseRejectedResult).reason;
      if (error === (read as PromiseRejectedResult).reason && sqlState(error) === READ_ONLY_TRANSACTION) {
        // it writes (nothing was done): run it where writes may be made
        if (modeNow() === 'reading') openWriting();
        if (modeNow() === 'writing') return raw.query<R>(text, params);
      }
      if (modeNow() === 'reading') mode = 'failed';
      throw error;
    };
    // after the transaction ends, the connection goes back to the pool: a kept tx is refused
    let open = true;
    const query = <R>(text: string, params?: unknown[]): Promise<R[]> => {
      if (!open) return Promise.reject(new Error('Transaction is closed'));
      if (mode === 'failed') return Promise.reject(abortedTransaction());
      if (mode === 'reading') {
        if (READ_FIRST.test(text) && !TRANSACTION_STATE.test(text)) return readAlone<R>(text, params);
        openWriting();
      }
      return raw.query<R>(text, params);
    };
    try {
      let result: T;
      try {
        result = await fn({ query });
        await opening;
      } catch (error) {
        const wasWriting = modeNow() === 'writing';
        open = false;
        if (!wasWriting) throw error;
        await connection.unsafe('rollback').catch(() => undefined);
        throw await opening.then(
          () => error,
          (openingError: unknown) => openingError,
        );
      }
      const ended = modeNow();
      open = false;
      if (ended === 'failed') throw new Error('the transaction was rolled back: a statement in it failed');
      if (ended === 'reading') return result;
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
    asUser: <T>(claims: Claims, fn: (tx: Tx) => Promise<T>) => withSession(userSessionParams(claims), fn, true),
    asService: <T>(fn: (tx: Tx) => Promise<T>) => withSession(serviceSessionParams(), fn, false),
    async listen(channel: string, onNotify: Notification) {
      const { unlisten } = await sql.listen(channel, onNotify);
      return unlisten;
    },
    close: () => sql.end({ timeout: 5 }),
  };
  registerAdmin(db, postgresAdmin(sql));
  return db;
}
