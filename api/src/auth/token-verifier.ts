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
  return async (token) => {
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
}

/** `Bearer <token>` → token; anything else → undefined. */
export function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
