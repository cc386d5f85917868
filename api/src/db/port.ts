/** The claims of a Supabase access token, as PostgREST passes them to Postgres. */
export interface Claims {
  sub: string;
  role: string;
  email?: string;
  aud?: string | string[];
  [claim: string]: unknown;
}

/**
 * One transaction's view of the database.
 *
 * Both adapters behave the same:
 * - `$1, $2 ...` parameters; one statement per call.
 * - JSON parameters: pass `JSON.stringify(value)` and cast in SQL (`$1::jsonb`). Plain objects are
 *   stringified for you; arrays are sent as Postgres arrays (`$1::uuid[]`).
 * - Rows are plain objects. `timestamptz`/`timestamp`/`date` come back as `Date`, `json`/`jsonb`
 *   parsed, `int8`/`bigint` (counts, `rows_done`, `seq`) as `number`, `numeric` as `string`.
 */
export interface Tx {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export type Notification = (payload: string) => void;

/**
 * The database port. Every user query runs inside `asUser`, as role `authenticated` with the
 * caller's claims set for the transaction only, so row level security is the guard.
 * Do not call `asUser`/`asService` again from inside `fn`: PGlite runs one transaction at a time.
 * Transactions run at READ COMMITTED: each statement reads its own snapshot, so a user's transaction
 * that has only read may end between its statements, the next one running in a new transaction with
 * the same claims (on PGlite in its own thread: the database is given to others meanwhile; on
 * PostgreSQL: each read goes out alone, READ ONLY, with its BEGIN and COMMIT in one round trip). One
 * that wrote or locked a row keeps its transaction to its end; a failed statement fails the whole.
 */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** One transaction as `authenticated` with `request.jwt.claims` (transaction-local, like PostgREST). */
  asUser<T>(claims: Claims, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** One transaction as `service_role` (bypasses RLS): workers, auth, migrations of data. */
  asService<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; resolves to an unlisten function. */
  listen(channel: string, onNotify: Notification): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** A transaction on the raw (superuser) connection. */
export interface AdminTx extends Tx {
  /** Run SQL text that may hold several statements (simple protocol, no parameters). */
  exec(sql: string): Promise<void>;
}

/**
 * Raw superuser access for migrations, tests and tooling: no role switch, no RLS.
 * Never for request handling. Get one with `connectAdmin(config)` or `adminOf(database)`.
 */
export interface AdminDb extends AdminTx {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: AdminTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
