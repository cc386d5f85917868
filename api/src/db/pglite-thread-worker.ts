// The embedded database's own thread (pglite-thread.ts): PGlite opened here, every statement run
// here, so the API's event loop spends none of its time inside Postgres. Transactions run one at a
// time as they do in-process (pgliteSessions); the statements of a transaction arrive one message
// at a time and are answered in order.
import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { createPglite, loadPglite, pgliteAdmin, pgliteSessions, type SessionTx } from './pglite.js';
import type { SessionParams } from './session.js';
import type { AdminTx, Tx } from './port.js';

/** Where the thread's database comes from: a directory (or `memory://`), or a `dumpDataDir()` tarball. */
export type PgliteSource = { dir: string } | { dump: ArrayBuffer };

/** A statement, of a transaction (`tx`) or on its own. */
export type Statement = { t: 'query'; id: number; tx?: number; sql: string; params?: unknown[] } | { t: 'exec'; id: number; tx?: number; sql: string };

export type ToPgliteThread =
  | Statement
  /** A transaction as `session`, or as the superuser (null); its statements and its end follow. */
  | { t: 'begin'; tx: number; session: SessionParams | null }
  | { t: 'end'; id: number; tx: number; commit: boolean }
  | { t: 'listen'; id: number; listener: number; channel: string }
  | { t: 'unlisten'; id: number; listener: number }
  | { t: 'close'; id: number };

/** An error as data: its message, name and Postgres fields (code, detail, constraint ...). */
export type ErrorData = { message: string; name: string; [field: string]: unknown };

export type FromPgliteThread =
  | { t: 'ready' }
  | { t: 'failed'; error: ErrorData }
  | { t: 'ok'; id: number; value?: unknown }
  | { t: 'error'; id: number; error: ErrorData }
  | { t: 'notify'; listener: number; payload: string };

export function errorData(error: unknown): ErrorData {
  if (!(error instanceof Error)) return { message: String(error), name: 'Error' };
  const data: ErrorData = { message: error.message, name: error.name };
  for (const [field, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') data[field] = value;
  }
  return data;
}

class Rollback extends Error {}

/** The messages of one transaction, taken in order by the transaction's body. */
class Mailbox {
  private readonly items: ToPgliteThread[] = [];
  private waiting: ((message: ToPgliteThread) => void) | undefined;
  put(message: ToPgliteThread): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting(message);
    else this.items.push(message);
  }
  take(): Promise<ToPgliteThread> {
    const next = this.items.shift();
    return next ? Promise.resolve(next) : new Promise((resolve) => (this.waiting = resolve));
  }
  drain(): ToPgliteThread[] {
    return this.items.splice(0);
  }
  peek(): ToPgliteThread | undefined {
    return this.items[0];
  }
  get empty(): boolean {
    return this.items.length === 0;
  }
}

function serve(pg: PGlite): void {
  const port = parentPort!;
  const post = (message: FromPgliteThread) => port.postMessage(message);
  const ok = (id: number, value?: unknown) => post({ t: 'ok', id, value });
  const fail = (id: number, error: unknown) => post({ t: 'error', id, error: errorData(error) });
  const inSession = pgliteSessions(pg);
  const admin = pgliteAdmin(pg);
  const open = new Map<number, Transaction>();
  // transactions that failed before their end arrived (a claim Postgres refused): what their statements get
  const failed = new Map<number, unknown>();
  const unlisteners = new Map<number, Promise<() => Promise<void>>>();

  const run = (statement: Statement, tx: Tx | AdminTx) => {
    if (statement.t === 'query') return tx.query(statement.sql, statement.params);
    if ('exec' in tx) return tx.exec(statement.sql);
    return Promise.reject(new Error('exec is for the superuser only'));
  };

  // A transaction's state. One that has only read so far (Postgres gave it no transaction id) is
  // committed as soon as its statement is answered, rather than holding the database while the API's
  // thread works out what to do next; a later statement of it runs in a new transaction with the
  // same claims. Under READ COMMITTED each statement reads its own snapshot anyway, so reads see
  // what they would have seen; a transaction that wrote, locked a row or failed is kept to its end.
  interface Transaction {
    tx: number;
    session: SessionParams | null;
    mailbox: Mailbox;
    running: boolean;
    /** Kept open until its end: it wrote, locked or failed (or is the superuser's). */
    kept: boolean;
  }

  const start = (state: Transaction) => {
    state.running = true;
    const { mailbox } = state;
    let end: { id: number } | undefined;
    let answered: { id: number; rows: unknown } | undefined;
    const body = async (handle: SessionTx | AdminTx) => {
      for (;;) {
        const message = await mailbox.take();
        if (message.t === 'end') {
          end = message;
          if (!message.commit) throw new Rollback();
          return;
        }
        if (message.t !== 'query' && message.t !== 'exec') continue;
        try {
          if (!state.kept && message.t === 'query' && 'queryReadOnly' in handle) {
            const { rows, readOnly } = await handle.queryReadOnly(message.sql, message.params);
            if (readOnly && mailbox.empty) {
              answered = { id: message.id, rows };
              return; // committed: nothing to keep
            }
            state.kept ||= !readOnly;
            ok(message.id, rows);
          } else ok(message.id, await run(message, handle));
        } catch (error) {
          state.kept = true;
          fail(message.id, error);
        }
      }
    };
    (state.session ? inSession(state.session, body) : admin.transaction(body)).then(
      () => {
        state.running = false;
        if (!answered) {
          open.delete(state.tx);
          return ok(end!.id);
        }
        ok(answered.id, answered.rows);
        resume(state);
      },
      (error: unknown) => {
        state.running = false;
        open.delete(state.tx);
        if (end) return error instanceof Rollback ? ok(end.id) : fail(end.id, error); // else the commit failed
        if (answered) fail(answered.id, error);
        failed.set(state.tx, error);
        for (const message of mailbox.drain()) answerFailed(message, error);
      },
    );
  };

  // a transaction that committed early: its end needs no database, a statement a new transaction
  const resume = (state: Transaction) => {
    const next = state.mailbox.peek();
    if (!next) return;
    if (next.t === 'end') {
      state.mailbox.drain();
      open.delete(state.tx);
      return ok(next.id);
    }
    start(state);
  };

  const begin = (tx: number, session: SessionParams | null) => {
    const state: Transaction = { tx, session, mailbox: new Mailbox(), running: false, kept: session === null };
    open.set(tx, state);
    start(state);
  };

  const answerFailed = (message: ToPgliteThread, error: unknown) => {
    if (message.t === 'end') {
      failed.delete(message.tx);
      if (message.commit) fail(message.id, error);
      else ok(message.id);
    } else if ('id' in message) fail(message.id, error);
  };

  port.on('message', (message: ToPgliteThread) => {
    const tx = 'tx' in message ? message.tx : undefined;
    switch (message.t) {
      case 'begin':
        return begin(message.tx, message.session);
      case 'query':
      case 'exec':
      case 'end': {
        if (tx !== undefined) {
          const state = open.get(tx);
          if (state) {
            state.mailbox.put(message);
            if (!state.running) resume(state);
            return;
          }
          if (failed.has(tx)) return answerFailed(message, failed.get(tx));
          return fail(message.id, new Error('Transaction is closed'));
        }
        if (message.t === 'end') return;
        return run(message, admin).then(
          (value) => ok(message.id, value),
          (error) => fail(message.id, error),
        );
      }
      case 'listen': {
        const unlisten = pg.listen(message.channel, (payload) => post({ t: 'notify', listener: message.listener, payload }));
        unlisteners.set(message.listener, unlisten);
        return unlisten.then(
          () => ok(message.id),
          (error) => fail(message.id, error),
        );
      }
      case 'unlisten': {
        const unlisten = unlisteners.get(message.listener);
        unlisteners.delete(message.listener);
        return void (unlisten ?? Promise.resolve(async () => {}))
          .then((stop) => (pg.closed ? undefined : stop()))
          .then(
            () => ok(message.id),
            (error) => fail(message.id, error),
          );
      }
      case 'close':
        return void (pg.closed ? Promise.resolve() : pg.close()).then(
          () => {
            ok(message.id);
            port.close();
          },
          (error) => fail(message.id, error),
        );
    }
  });
  post({ t: 'ready' });
}

const source = (workerData as { source: PgliteSource }).source;
('dump' in source ? loadPglite(new Blob([source.dump])) : createPglite(source.dir)).then(serve, (error: unknown) =>
  parentPort!.postMessage({ t: 'failed', error: errorData(error) } satisfies FromPgliteThread),
);
