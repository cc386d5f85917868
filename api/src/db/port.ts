/** The claims of a Supabase access token, as PostgREST passes them to Postgres. */
export interface Claims {
  sub: string;
  role: string;
  email?: string;
  aud?: string | string[];
  [claim: string]: unknown;
}

/** One transaction's view of the database. */
export interface Tx {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export type Notification = (payload: string) => void;

/**
 * The database port. Every user query runs inside `asUser`, as role `authenticated` with the
 * caller's claims set for the transaction only, so row level security is the guard.
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
