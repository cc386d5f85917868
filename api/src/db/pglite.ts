import { PGlite, type Transaction } from '@electric-sql/pglite';
import { prepareDataDir } from '../data-dir.js';
import { registerAdmin } from './admin.js';
import { DatabaseUnavailableError } from './errors.js';
import { createStatementCache } from './pglite-statements.js';
import type { AdminDb, AdminTx, Claims, Database, Notification, Tx } from './port.js';
import { normaliseParams, SET_REQUEST_CLAIMS, serviceSessionParams, userSessionParams, type SessionParams } from './session.js';

export const MEMORY = 'memory://';

/** Open PGlite in `dir` (created if missing) or in memory (`memory://`). */
export async function createPglite(dir: string = MEMORY): Promise<PGlite> {
  if (dir !== MEMORY) {
    try {
      await prepareDataDir(dir);
    } catch (error) {
      throw new DatabaseUnavailableError(`data directory ${dir} is not writable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create(dir === MEMORY ? undefined : dir);
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot open the PGlite database in ${dir}: ${(error as Error).message}`);
  }
  await prepareSession(pg);
  return pg;
}

/** A copy of a (migrated) in-memory database, much faster than creating and migrating a new one. */
export async function clonePglite(template: PGlite): Promise<PGlite> {
  const pg = (await template.clone()) as PGlite;
  await prepareSession(pg);
  return pg;
}

/** A new in-memory database from a `dumpDataDir()` tarball (skips initdb: seconds instead of tens). */
export async function loadPglite(dump: Blob): Promise<PGlite> {
  const pg = await PGlite.create({ loadDataDir: dump });
  await prepareSession(pg);
  return pg;
}

// PGlite is one session for its whole life, so this session setting is the database's setting.
async function prepareSession(pg: PGlite): Promise<void> {
  await pg.exec(`set timezone to 'UTC'`);
}

function txOf(tx: Transaction): AdminTx {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const result = await tx.query<T>(sql, normaliseParams(params));
      return result.rows;
    },
    async exec(sql: string) {
      await tx.exec(sql);
    },
  };
}

/** Raw access to a PGlite instance (superuser, no RLS). `close()` closes the instance. */
export function pgliteAdmin(pg: PGlite): AdminDb {
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pg.query<T>(sql, normaliseParams(params))).rows;
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
    // PGlite serialises transactions itself: one runs at a time, other queries wait their turn
    transaction: (fn) => pg.transaction((tx) => fn(txOf(tx))),
    close: () => pg.close(),
  };
}

/**
 * Runs tasks one at a time, giving the event loop a turn before each. PGlite runs a query
 * synchronously inside a promise, so transactions queued behind its lock ran back to back in
 * microtasks: under load one event-loop turn lasted as long as the whole queue (80–150 ms), and
 * since libuv accepts one connection per turn (libuv#3696), new connections waited seconds in the
 * kernel's backlog while accepted ones were served. A turn between transactions keeps turns short.
 */
export function takingTurns(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = last.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(task);
    last = run.catch(() => undefined);
    return run;
  };
}

/** A session transaction that can also say whether it is still read-only after a statement (pglite-statements.ts). */
export interface SessionTx extends Tx {
  queryReadOnly<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; readOnly: boolean }>;
}

/**
 * Transactions on one PGlite instance, one at a time, each as a role with claims set for it alone:
 * what the Database port's asUser and asService run on, in this thread or in the database's own.
 */
export function pgliteSessions(pg: PGlite): <T>(session: SessionParams, fn: (tx: SessionTx) => Promise<T>) => Promise<T> {
  // request queries are parsed and planned once, then only bound and executed
  const statements = createStatementCache(pg);
  const inTurn = takingTurns();
  return <T>(session: SessionParams, fn: (tx: SessionTx) => Promise<T>) =>
    inTurn(() =>
      pg.transaction(async () => {
        await statements.query(SET_REQUEST_CLAIMS, session);
        // a query after the transaction ended would run outside it, as the superuser: refused
        let open = true;
        const closed = () => Promise.reject(new Error('Transaction is closed'));
        const query = <R>(sql: string, params?: unknown[]) => (open ? statements.query<R>(sql, normaliseParams(params)) : closed());
        const queryReadOnly = <R>(sql: string, params?: unknown[]) => (open ? statements.queryReadOnly<R>(sql, normaliseParams(params)) : closed());
        try {
          return await fn({ query, queryReadOnly });
        } finally {
          open = false;
        }
      }),
    );
}

/** The Database port on a PGlite instance. Closing it closes the instance. */
export function pgliteDatabase(pg: PGlite): Database {
  const withSession = pgliteSessions(pg);
  const db: Database = {
    kind: 'pglite',
    asUser: <T>(claims: Claims, fn: (tx: Tx) => Promise<T>) => withSession(userSessionParams(claims), fn),
    asService: <T>(fn: (tx: Tx) => Promise<T>) => withSession(serviceSessionParams(), fn),
    async listen(channel: string, onNotify: Notification) {
      const unlisten = await pg.listen(channel, onNotify);
      return async () => {
        if (!pg.closed) await unlisten();
      };
    },
    close: async () => {
      if (!pg.closed) await pg.close();
    },
  };
  registerAdmin(db, pgliteAdmin(pg));
  return db;
}
