import type { Config } from '../config.js';
import type { Database } from '../db/port.js';
import { createLocalAuth, type LocalAuth } from './local-auth.js';
import { createSessionCheck, type SessionCheck } from './session-check.js';
import { generateSigningKey, loadSigningKey, type SigningKey } from './signing-key.js';
import { supabaseSessionLookup } from './supabase-sessions.js';
import { AuthenticationError, createTokenVerifier, localJwks, remoteJwks, type TokenVerifier } from './token-verifier.js';
import { UserStore } from './user-store.js';

export interface Auth {
  /** Checks a token's signature, issuer, audience and expiry only. */
  verify: TokenVerifier;
  /** What the API accepts: a token that verifies and whose session (`session_id`) has not ended. */
  authenticate: TokenVerifier;
  sessions: SessionCheck;
  /** Present when no Supabase project is configured: the /auth/v1 stand-in. */
  local?: LocalAuth;
  /** What supabase-js should be pointed at (`<url>/auth/v1` is appended by it). */
  issuer: string;
}

/**
 * Supabase configured: verify its tokens (JWKS, or the legacy HS256 secret). Otherwise serve a
 * local Auth whose ES256 key lives in the data dir.
 */
export interface AuthOptions {
  baseUrl: string;
  /** Sign local tokens with this key instead of the one in the data dir (tests). */
  signingKey?: SigningKey;
}

function withSessionCheck(verify: TokenVerifier, sessions: SessionCheck): TokenVerifier {
  return async (token) => {
    const claims = await verify(token);
    // GoTrue has put session_id in every user access token since 2023; a token without one cannot be ended
    const sessionId = typeof claims.session_id === 'string' ? claims.session_id : '';
    if (!sessionId) throw new AuthenticationError('bad_jwt', 'token has no session_id claim');
    if (!(await sessions.isLive(sessionId, claims.sub))) {
      throw new AuthenticationError('session_not_found', 'the session of this token has ended (signed out, password changed or user deleted)');
    }
    return claims;
  };
}

export async function createAuth(config: Config, db: Database, options: AuthOptions): Promise<Auth> {
  const ttlSeconds = config.auth.sessionCacheSeconds;
  if (config.supabaseUrl) {
    const issuer = `${config.supabaseUrl}/auth/v1`;
    const verify = config.supabaseJwtSecret
      ? createTokenVerifier({ issuer, hs256Secret: config.supabaseJwtSecret })
      : createTokenVerifier({ issuer, jwks: remoteJwks(config.supabaseUrl) });
    const sessions = createSessionCheck({ lookup: supabaseSessionLookup(db), ttlSeconds });
    return { verify, authenticate: withSessionCheck(verify, sessions), sessions, issuer };
  }
  const issuer = `${config.publicUrl ?? options.baseUrl}/auth/v1`;
  // an in-memory database gets an in-memory key: its users vanish with it anyway
  const key = options.signingKey ?? (config.dataDir === 'memory://' ? await generateSigningKey() : await loadSigningKey(config.dataDir));
  const verify = createTokenVerifier({ issuer, jwks: localJwks([key.publicJwk]) });
  const users = new UserStore(db);
  const sessions = createSessionCheck({ lookup: users, ttlSeconds });
  const local = createLocalAuth({ key, issuer, verify, users, sessions, settings: config.auth });
  return { verify, authenticate: withSessionCheck(verify, sessions), sessions, issuer, local };
}
