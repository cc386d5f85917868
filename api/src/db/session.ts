import type { Claims } from './port.js';

// Exactly what PostgREST runs at the start of each request's transaction; `true` = transaction-local,
// so nothing survives the commit and a pooled connection never carries one user's claims to the next.
export const SET_REQUEST_CLAIMS = `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true), set_config('request.jwt.claim.sub', $3, true)`;

/** The role and claims of a transaction: `[role, request.jwt.claims, sub]`, SET_REQUEST_CLAIMS's parameters. */
export type SessionParams = [string, string, string];

// the verified claims of a token are one object for as long as the token is cached (token-verifier.ts)
const sessionParams = new WeakMap<Claims, SessionParams>();

/** PostgREST's role choice: the token's role when it is an API role we allow, else `authenticated`. */
export function userSessionParams(claims: Claims): SessionParams {
  let params = sessionParams.get(claims);
  if (!params) sessionParams.set(claims, (params = sessionParamsOf(claims)));
  return params;
}

function sessionParamsOf(claims: Claims): SessionParams {
  const role = claims.role === 'anon' ? 'anon' : 'authenticated';
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  // an anonymous token has no `sub`; an empty one would break auth.uid()'s uuid cast
  const { sub: _omitted, ...rest } = claims;
  return [role, JSON.stringify(sub ? claims : rest), sub];
}

/** A text value as an escape-string literal (E'...'): read the same whatever standard_conforming_strings says. */
export function textLiteral(value: string): string {
  // the simple query protocol ends its text at a NUL, so a value holding one is refused, never cut
  if (value.includes('\0')) throw new Error('a session setting cannot hold a NUL character');
  return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * SET_REQUEST_CLAIMS with its values written in: PGlite runs a simple-protocol statement in two
 * calls into its engine, a parameterised one in six (parse, describe, bind, describe, execute, sync).
 */
export function requestClaimsStatement([role, claims, sub]: SessionParams): string {
  return `select set_config('role', ${textLiteral(role)}, true), set_config('request.jwt.claims', ${textLiteral(claims)}, true), set_config('request.jwt.claim.sub', ${textLiteral(sub)}, true)`;
}

export function serviceSessionParams(): SessionParams {
  return ['service_role', JSON.stringify({ role: 'service_role' }), ''];
}

/** Both adapters get the same values: plain objects become JSON text, everything else passes through. */
export function normaliseParams(params: unknown[] | undefined): unknown[] {
  if (!params) return [];
  return params.map((value) => {
    if (value === undefined) return null;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !ArrayBuffer.isView(value)) {
      return JSON.stringify(value);
    }
    if (typeof value === 'bigint') return value.toString();
    return value;
  });
}
