// Emails of users the caller is already connected to (schema owners and members it can see).
// auth.users is not readable by `authenticated`, so this one read is done as service role; callers
// pass only ids that came out of rows the caller read under RLS.
import type { Database } from '../../db/port.js';

export interface UserRecord {
  id: string;
  email: string | null;
}

export async function usersByIds(db: Database, ids: readonly string[]): Promise<UserRecord[]> {
  return db.asService((tx) => tx.query<UserRecord>(`select id::text as id, email from auth.users where id = any($1::uuid[])`, [ids]));
}
