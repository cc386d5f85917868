import type { Config } from '../config.js';
import type { Database } from '../db/port.js';
import { createLocalAuth, type LocalAuth } from './local-auth.js';
import { generateSigningKey, loadSigningKey, type SigningKey } from './signing-key.js';
import { createTokenVerifier, localJwks, remoteJwks, type TokenVerifier } from './token-verifier.js';

export interface Auth {
  verify: TokenVerifier;
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

export async function createAuth(config: Config, db: Database, options: AuthOptions): Promise<Auth> {
  if (config.supabaseUrl) {
    const issuer = `${config.supabaseUrl}/auth/v1`;
    const verify = config.supabaseJwtSecret
      ? createTokenVerifier({ issuer, hs256Secret: config.supabaseJwtSecret })
      : createTokenVerifier({ issuer, jwks: remoteJwks(config.supabaseUrl) });
    return { verify, issuer };
  }
  const issuer = `${config.publicUrl ?? options.baseUrl}/auth/v1`;
  // an in-memory database gets an in-memory key: its users vanish with it anyway
  const key = options.signingKey ?? (config.dataDir === 'memory://' ? await generateSigningKey() : await loadSigningKey(config.dataDir));
  const verify = createTokenVerifier({ issuer, jwks: localJwks([key.publicJwk]) });
  return { verify, issuer, local: createLocalAuth({ db, key, issuer, verify }) };
}
