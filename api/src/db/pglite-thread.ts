// The embedded database in a thread of its own: the Database port (and its admin) of a PGlite opened
// in a worker thread (pglite-thread-worker.ts). Measured under `pnpm bench load`, Postgres itself
// and PGlite's reading of its answers took about 30 % of the API's event loop; here they take none
// of it, and the loop only posts each statement and receives its rows. What the port promises is
// unchanged: one transaction at a time, claims set for the transaction alone, rows of the same
// types (structured clone keeps Date, arrays and numbers), errors with their SQLSTATE and fields,
// NOTIFY delivered after commit.
import type { Worker } from 'node:worker_threads';
import { moduleWorker, siblingModule } from '../threads/module-worker.js';
import { registerAdmin } from './admin.js';
import { DatabaseUnavailableError } from './errors.js';
import { MEMORY } from './pglite.js';
import type { ErrorData, FromPgliteThread, PgliteSource, ToPgliteThread } from './pglite-thread-worker.js';
import type { AdminDb, AdminTx, Claims, Database, Notification, Tx } from './port.js';
import { serviceSessionParams, userSessionParams, type SessionParams } from './session.js';

type Message = ToPgliteThread extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

function errorOf(data: ErrorData): Error {
  const error = data.name === 'DatabaseUnavailableError' ? new DatabaseUnavailableError(data.message) : new Error(data.message);
  Object.assign(error, data);
  return error;
}

/** Opens PGlite in a thread of its own: `{ dir }` (or `memory://`), or `{ dump }` (a `dumpDataDir()` tarball). */
export async function pgliteThreadDatabase(source: { dir: string } | { dump: Blob }): Promise<Database> {
  const data: PgliteSource = 'dump' in source ? { dump: await source.dump.arrayBuffer() } : source;
  // a thread on a directory that stops (PGlite ran out of memory, a bug) is started again on it;
  // a tarball is handed over to the first thread (tests), so its database ends with that thread
  return threadDatabase(await startThread(data), 'dir' in data && data.dir !== MEMORY ? () => startThread(data) : undefined);
}

async function startThread(data: PgliteSource): Promise<Worker> {
  const worker = moduleWorker(siblingModule('pglite-thread-worker', import.meta.url), {
    workerData: { source: data },
    transferList: 'dump' in data ? [data.dump] : [],
  });
  let onMessage!: (message: FromPgliteThread) => void;
  let onError!: (error: Error) => void;
  let onExit!: (code: number) => void;
  await new Promise<void>((resolve, reject) => {
    onMessage = (message) => {
      if (message.t === 'ready') resolve();
      else if (message.t === 'failed') reject(errorOf(message.error));
    };
    onError = (error) => reject(new DatabaseUnavailableError(`the database thread failed to start: ${error.message}`));
    onExit = (code) => reject(new DatabaseUnavailableError(`the database thread exited with code ${code} while starting`));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  })
    .catch(async (error: unknown) => {
      await worker.terminate();
      throw error;
    })
    .finally(() => worker.off('message', onMessage).off('error', onError).off('exit', onExit));
  return worker;
}

const threads = new WeakMap<Database, () => Worker>();

/** The thread a database opened by pgliteThreadDatabase runs in now (tests end it to see it started again). */
export function threadOf(db: Database): Worker | undefined {
  return threads.get(db)?.();
}

/** Restarts within a minute after which a thread that keeps stopping is not started again. */
const MAX_RESTARTS = 3;

function threadDatabase(first: Worker, restart: (() => Promise<Worker>) | undefined): Database {
  const calls = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Map<number, { channel: string; onNotify: Notification }>();
  let worker = first;
  let lastId = 0;
  let lastTx = 0;
  let lastListener = 0;
  let closing = false;
  let stopped: Error | undefined;
  // while a stopped thread is started again, messages wait for the new one, in order
  let starting: Promise<void> | undefined;
  const restarts: number[] = [];

  const post = (message: ToPgliteThread) => {
    if (starting) void starting.then(() => !stopped && worker.postMessage(message));
    else worker.postMessage(message);
  };
  // the thread keeps the process alive only while an answer is awaited
  const call = <T>(message: Message): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = ++lastId;
    if (calls.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      calls.set(id, { resolve: resolve as (value: unknown) => void, reject });
      post({ ...message, id } as ToPgliteThread);
    });
  };
  const settle = (id: number) => {
    const pending = calls.get(id);
    calls.delete(id);
    if (calls.size === 0) worker.unref();
    return pending;
  };
  const failCalls = (error: Error) => {
    for (const [id, pending] of calls) {
      calls.delete(id);
      pending.reject(error);
    }
    worker.unref();
  };
  const lost = (reason: string) => {
    if (stopped) return;
    const error = new DatabaseUnavailableError(`the database thread stopped (${reason})`);
    // what was asked of the thread that stopped is lost with it: its transactions were never committed
    failCalls(error);
    const now = Date.now();
    while (restarts.length && restarts[0]! < now - 60_000) restarts.shift();
    if (closing || !restart || restarts.length >= MAX_RESTARTS) {
      stopped = error;
      return;
    }
    restarts.push(now);
    starting = restart().then(
      (next) => {
        worker = wire(next);
        starting = undefined;
        for (const [listener, { channel }] of listeners) void call({ t: 'listen', listener, channel }).catch(() => undefined);
      },
      (failure: Error) => {
        stopped = failure;
        starting = undefined;
        failCalls(failure);
      },
    );
  };
  const wire = (thread: Worker) => {
    thread.unref();
    thread.on('message', (message: FromPgliteThread) => {
      if (message.t === 'ok') settle(message.id)?.resolve(message.value);
      else if (message.t === 'error') settle(message.id)?.reject(errorOf(message.error));
      else if (message.t === 'notify') listeners.get(message.listener)?.onNotify(message.payload);
    });
    thread.on('error', (error) => lost(error.message));
    thread.on('exit', (code) => lost(`exit code ${code}`));
    return thread;
  };
  wire(first);

  async function transaction<T>(session: SessionParams | null, fn: (tx: AdminTx) => Promise<T>): Promise<T> {
    if (stopped) throw stopped;
    const tx = ++lastTx;
    post({ t: 'begin', tx, session });
    // a statement after the transaction ended would run outside it: refused
    let open = true;
    const statement = <R>(message: Message) => (open ? call<R>(message) : Promise.reject(new Error('Transaction is closed')));
    const handle: AdminTx = {
      query: <R>(sql: string, params?: unknown[]) => statement<R[]>({ t: 'query', tx, sql, params }),
      exec: (sql: string) => statement<void>({ t: 'exec', tx, sql }),
    };
    let result: T;
    try {
      result = await fn(handle);
    } catch (error) {
      open = false;
      await call({ t: 'end', tx, commit: false }).catch(() => undefined);
      throw error;
    }
    open = false;
    await call({ t: 'end', tx, commit: true });
    return result;
  }

  const userTx = (handle: AdminTx): Tx => ({ query: handle.query });
  const db: Database = {
    kind: 'pglite',
    asUser: <T>(claims: Claims, fn: (tx: Tx) => Promise<T>) => transaction(userSessionParams(claims), (handle) => fn(userTx(handle))),
    asService: <T>(fn: (tx: Tx) => Promise<T>) => transaction(serviceSessionParams(), (handle) => fn(userTx(handle))),
    async listen(channel: string, onNotify: Notification) {
      const listener = ++lastListener;
      listeners.set(listener, { channel, onNotify });
      try {
        await call({ t: 'listen', listener, channel });
      } catch (error) {
        listeners.delete(listener);
        throw error;
      }
      return async () => {
        if (!listeners.delete(listener) || stopped) return;
        await call({ t: 'unlisten', listener });
      };
    },
    async close() {
      if (closing) return;
      closing = true;
      await starting;
      await call({ t: 'close' }).catch(() => undefined);
      stopped = new Error('the database is closed');
      failCalls(stopped);
      await worker.terminate();
    },
  };
  const admin: AdminDb = {
    kind: 'pglite',
    query: <R>(sql: string, params?: unknown[]) => call<R[]>({ t: 'query', sql, params }),
    exec: (sql: string) => call<void>({ t: 'exec', sql }),
    transaction: (fn) => transaction(null, fn),
    close: () => db.close(),
  };
  registerAdmin(db, admin);
  threads.set(db, () => worker);
  return db;
}
