import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWK, type JWTVerifyGetKey } from 'jose';
import type { Claims } from '../db/port.js';

export type AuthErrorCode = 'token_expired' | 'bad_jwt' | 'session_not_found';

/** A token that was presented but cannot be trusted (expired, forged, wrong audience...). */
export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface TokenVerifierOptions {
  /** Expected `iss`, e.g. `https://xyz.supabase.co/auth/v1`. */
  issuer: string;
  /** Expected `aud`; Supabase signs user tokens for `authenticated`. */
  audience?: string;
  /** Legacy projects: the HS256 JWT secret. */
  hs256Secret?: string;
  /** Keys to verify asymmetric tokens with (a remote or local JWKS). */
  jwks?: JWTVerifyGetKey;
  /** Tokens whose verified claims are remembered (default 10 000; 0 verifies every time). */
  cacheEntries?: number;
  /** Longest a verified token is remembered, in ms, however far off its `exp` (default 60 s). */
  cacheMs?: number;
  now?: () => number;
}

export type TokenVerifier = (token: string) => Promise<Claims>;

export function remoteJwks(supabaseUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(`${supabaseUrl}/auth/v1/.well-known/jwks.json`));
}

export function localJwks(keys: JWK[]): JWTVerifyGetKey {
  return createLocalJWKSet({ keys });
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const secret = options.hs256Secret ? new TextEncoder().encode(options.hs256Secret) : undefined;
  const audience = options.audience ?? 'authenticated';
  if (!secret && !options.jwks) throw new Error('createTokenVerifier: give a JWKS or an HS256 secret');
  const verify = async (token: string): Promise<Claims> => {
    try {
      const verifyOptions = { issuer: options.issuer, audience, requiredClaims: ['exp', 'sub'] };
      const { payload } = secret
        ? await jwtVerify(token, secret, { ...verifyOptions, algorithms: ['HS256'] })
        : await jwtVerify(token, options.jwks!, { ...verifyOptions, algorithms: ['ES256', 'RS256', 'EdDSA'] });
      if (typeof payload.sub !== 'string' || typeof payload.role !== 'string') {
        throw new AuthenticationError('bad_jwt', 'token has no subject or role');
      }
      return payload as Claims;
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      if (error instanceof errors.JWTExpired) throw new AuthenticationError('token_expired', 'token has expired');
      if (error instanceof errors.JOSEError) throw new AuthenticationError('bad_jwt', `invalid token: ${error.message}`);
      throw error;
    }
  };
  const maxEntries = options.cacheEntries ?? 10_000;
  if (maxEntries <= 0) return verify;
  return cachedVerifier(verify, maxEntries, options.cacheMs ?? 60_000, options.now ?? Date.now);
}

/**
 * A token's signature is checked once, not on every request (an ES256 verify costs more than the
 * rest of a small query): the claims are kept, keyed by the whole token text, until `exp` or
 * `cacheMs`, whichever comes first. Only what the token itself proves is cached; whether its
 * session has ended is asked again per request (session-check.ts).
 */
function cachedVerifier(verify: TokenVerifier, maxEntries: number, cacheMs: number, now: () => number): TokenVerifier {
  const verified = new Map<string, { claims: Claims; until: number }>();
  return async (token) => {
    const hit = verified.get(token);
    if (hit) {
      if (hit.until > now()) {
        // least recently used goes first: a hit moves to the back
        verified.delete(token);
        verified.set(token, hit);
        return hit.claims;
      }
      verified.delete(token);
    }
    // one frozen object per token, so what is worked out from it once (db/session.ts) stays worked out
    const claims = Object.freeze(await verify(token));
    const until = Math.min(Number(claims.exp) * 1000, now() + cacheMs);
    if (until > now()) {
      if (verified.size >= maxEntries) verified.delete(verified.keys().next().value!);
      verified.set(token, { claims, until });
    }
    return claims;
  };
}

/** `Bearer <token>` → token; anything else → undefined. */
export function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
