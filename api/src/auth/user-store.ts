// SQL for the local Auth stand-in: auth.users, auth.sessions and auth.refresh_tokens (the shim's
// copies of GoTrue's tables), always as service role: `authenticated` cannot read the auth schema.
import { randomBytes } from 'node:crypto';
import type { Database, Tx } from '../db/port.js';
import type { SessionLookup } from './session-check.js';

export interface AuthUserRow {
  id: string;
  email: string;
  encrypted_password: string | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  email_confirmed_at: Date | string | null;
  last_sign_in_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string | null;
}

export interface RefreshTokenRow {
  token: string;
  user_id: string;
  session_id: string;
  revoked: boolean;
}

const USER_COLUMNS = `id::text as id, email, encrypted_password, raw_app_meta_data, raw_user_meta_data,
  email_confirmed_at, last_sign_in_at, created_at, updated_at`;

export class UserStore implements SessionLookup {
  constructor(private readonly db: Database) {}

  async findByEmail(email: string): Promise<AuthUserRow | undefined> {
    const rows = await this.db.asService((tx) => tx.query<AuthUserRow>(`select ${USER_COLUMNS} from auth.users where lower(email) = lower($1)`, [email]));
    return rows[0];
  }

  async findById(id: string): Promise<AuthUserRow | undefined> {
    const rows = await this.db.asService((tx) => tx.query<AuthUserRow>(`select ${USER_COLUMNS} from auth.users where id::text = $1`, [id]));
    return rows[0];
  }

  /** Inserts the user; undefined when the email is taken. */
  async create(email: string, passwordHash: string, userMetadata: Record<string, unknown>): Promise<AuthUserRow | undefined> {
    const rows = await this.db.asService((tx) =>
      tx.query<AuthUserRow>(
        // the unique index on lower(email) settles concurrent sign-ups with the same address
        `insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at,
           raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
         values (gen_random_uuid(), 'authenticated', 'authenticated', $1, $2, now(),
           '{"provider":"email","providers":["email"]}'::jsonb, $3::jsonb, now(), now())
         on conflict do nothing
         returning ${USER_COLUMNS}`,
        [email, passwordHash, JSON.stringify(userMetadata)],
      ),
    );
    return rows[0];
  }

  async touchSignIn(id: string): Promise<void> {
    await this.db.asService((tx) => tx.query(`update auth.users set last_sign_in_at = now(), updated_at = now() where id::text = $1`, [id]));
  }

  async createSession(userId: string): Promise<string> {
    const [row] = await this.db.asService((tx) =>
      tx.query<{ id: string }>(`insert into auth.sessions (user_id) values ($1::uuid) returning id::text as id`, [userId]),
    );
    return row.id;
  }

  /** The first refresh token of a new session (later ones come from `refresh`). */
  async issueRefreshToken(userId: string, sessionId: string): Promise<string> {
    return this.db.asService((tx) => insertRefreshToken(tx, userId, sessionId, null));
  }

  /**
   * Rotates a refresh token, as GoTrue does: a live token is revoked and replaced by its child. A
   * revoked one is a replay: if it is the parent of the session's live token and was rotated less
   * than `reuseIntervalSeconds` ago (a client that lost the answer), the live token is handed back;
   * otherwise someone holds a stolen copy, and the whole session ends with all its tokens.
   */
  async refresh(token: string, reuseIntervalSeconds: number): Promise<RefreshOutcome> {
    return this.db.asService(async (tx) => {
      const [row] = await tx.query<RefreshTokenRow & { rotated_seconds_ago: number }>(
        `select t.token, t.user_id::text as user_id, t.session_id::text as session_id, t.revoked,
                extract(epoch from now() - t.updated_at)::float8 as rotated_seconds_ago
         from auth.refresh_tokens t join auth.sessions s on s.id = t.session_id
         where t.token = $1 for update of s`,
        [token],
      );
      if (!row) return { kind: 'unknown' };
      if (!row.revoked) {
        await tx.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where token = $1`, [token]);
        await tx.query(`update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1::uuid`, [row.session_id]);
        const refreshToken = await insertRefreshToken(tx, row.user_id, row.session_id, token);
        return { kind: 'rotated', userId: row.user_id, sessionId: row.session_id, refreshToken };
      }
      const [active] = await tx.query<{ token: string; parent: string | null }>(
        `select token, parent from auth.refresh_tokens where session_id = $1::uuid and revoked = false order by id desc limit 1`,
        [row.session_id],
      );
      if (active?.parent === token && row.rotated_seconds_ago < reuseIntervalSeconds) {
        return { kind: 'rotated', userId: row.user_id, sessionId: row.session_id, refreshToken: active.token };
      }
      // deleting the session takes its refresh tokens with it (on delete cascade)
      await tx.query(`delete from auth.sessions where id = $1::uuid`, [row.session_id]);
      return { kind: 'replayed', sessionId: row.session_id };
    });
  }

  /** The local adapter of the session lookup (see session-check.ts). */
  async isLive(sessionId: string, userId: string): Promise<boolean> {
    const rows = await this.db.asService((tx) =>
      tx.query(
        `select 1 from auth.sessions
         where id::text = $1 and user_id::text = $2 and (not_after is null or not_after > now())`,
        [sessionId, userId],
      ),
    );
    return rows.length > 0;
  }

  /** Ends sessions as GoTrue's logout scopes do; returns the ids of the sessions ended. */
  async revokeSessions(userId: string, scope: 'global' | 'local' | 'others', sessionId: string): Promise<string[]> {
    const rows = await this.db.asService((tx) =>
      // as GoTrue does: signing out deletes sessions, and their refresh tokens go with them
      tx.query<{ id: string }>(
        `delete from auth.sessions
         where case $3::text
           when 'global' then user_id::text = $1::text
           when 'local' then id::text = $2::text
           else user_id::text = $1::text and id::text <> $2::text end
         returning id::text as id`,
        [userId, sessionId, scope],
      ),
    );
    return rows.map((row) => row.id);
  }

  /**
   * Sets a new password and, as GoTrue's UpdatePassword does, signs the user out everywhere but in
   * `keepSessionId` (the session that made the change). Returns the ids of the sessions ended.
   */
  async updatePassword(userId: string, passwordHash: string, keepSessionId: string): Promise<string[]> {
    return this.db.asService(async (tx) => {
      await tx.query(`update auth.users set encrypted_password = $2, updated_at = now() where id::text = $1`, [userId, passwordHash]);
      const rows = await tx.query<{ id: string }>(`delete from auth.sessions where user_id::text = $1 and id::text <> $2 returning id::text as id`, [
        userId,
        keepSessionId,
      ]);
      return rows.map((row) => row.id);
    });
  }

  async updateMetadata(userId: string, userMetadata: Record<string, unknown>): Promise<void> {
    await this.db.asService((tx) =>
      tx.query(`update auth.users set raw_user_meta_data = $2::jsonb, updated_at = now() where id::text = $1`, [userId, JSON.stringify(userMetadata)]),
    );
  }
}

export type RefreshOutcome =
  { kind: 'rotated'; userId: string; sessionId: string; refreshToken: string } | { kind: 'replayed'; sessionId: string } | { kind: 'unknown' };

async function insertRefreshToken(tx: Tx, userId: string, sessionId: string, parent: string | null): Promise<string> {
  // Supabase refresh tokens are short opaque strings; 24 random bytes are plenty here
  const token = randomBytes(24).toString('base64url');
  await tx.query(
    `insert into auth.refresh_tokens (token, user_id, session_id, parent, revoked, created_at, updated_at)
     values ($1, $2, $3::uuid, $4, false, now(), now())`,
    [token, userId, sessionId, parent],
  );
  return token;
}
