// The Supabase adapter of the session lookup: GoTrue's own auth.sessions in the project's database,
// read through public.tdg_auth_session_is_live (security definer: GoTrue owns the auth schema there).
import type { Database } from '../db/port.js';
import type { SessionLookup } from './session-check.js';

export function supabaseSessionLookup(db: Database): SessionLookup {
  return {
    async isLive(sessionId, userId) {
      const [row] = await db.asService((tx) =>
        tx.query<{ live: boolean }>(`select public.tdg_auth_session_is_live($1::uuid, $2::uuid) as live`, [sessionId, userId]),
      );
      return row?.live === true;
    },
  };
}
