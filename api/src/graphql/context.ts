import type { AssistSettings } from '../assist/settings.js';
import type { Limits } from '../config.js';
import type { Claims, Database, Tx } from '../db/port.js';
import type { ExportStorage } from '../storage/port.js';
import type { ExportPubSub } from './pubsub.js';
import type { PreviewPool } from '../server/preview-pool.js';
import { createGraphQLError } from 'graphql-yoga';
import { sqlState, SqlState } from '../db/errors.js';
import { ForbiddenError } from './errors.js';

/** What every resolver gets: the caller's verified claims (null when anonymous) and the ports. */
export interface GraphQLContext {
  db: Database;
  claims: Claims | null;
  limits: Limits;
  /** The schema assistant's provider and limits; its provider is undefined when it is off. */
  assist: AssistSettings;
  /** Threads that generate previews, with their time and memory limits. */
  previews: PreviewPool;
  pubsub: ExportPubSub;
  /** Where finished export files are; null when the app runs without storage. */
  storage: ExportStorage | null;
  /** This server's base URL, for links (download links are relative to it). */
  baseUrl: () => string;
  /** Signs `/downloads/<token>` links, checked against the export and the user when used (server/download-links.ts). */
  downloadLinks: { pathFor(exportId: string, userId: string, expiresAt: Date, sessionId?: string): string } | null;
}

export function unauthenticated(): Error {
  return createGraphQLError('sign in first: this operation needs a valid access token', {
    extensions: { code: 'UNAUTHENTICATED' },
  });
}

/** The caller's claims, or an UNAUTHENTICATED GraphQL error. */
export function requireClaims(ctx: GraphQLContext): Claims {
  if (!ctx.claims) throw unauthenticated();
  return ctx.claims;
}

/** One transaction as the caller, under row level security. */
export async function asCaller<T>(ctx: GraphQLContext, fn: (tx: Tx, claims: Claims) => Promise<T>): Promise<T> {
  const claims = requireClaims(ctx);
  try {
    return await ctx.db.asUser(claims, (tx) => fn(tx, claims));
  } catch (error) {
    throw (await refusedWrite(ctx, claims, error)) ?? error;
  }
}

/**
 * A write the database refused for who the caller is, as a typed error: a token still signed for a
 * deleted user trips a foreign key (owner_id → auth.users) or a policy; a policy the checks before
 * it let through is ForbiddenError, never a 500.
 */
async function refusedWrite(ctx: GraphQLContext, claims: Claims, error: unknown): Promise<Error | undefined> {
  const state = sqlState(error);
  if (state !== SqlState.foreignKeyViolation && state !== SqlState.insufficientPrivilege) return undefined;
  const users = await ctx.db.asService((tx) => tx.query(`select 1 from auth.users where id = $1::uuid`, [claims.sub])).catch(() => undefined);
  if (users?.length === 0) {
    return createGraphQLError('your account no longer exists: sign in again', {
      extensions: { code: 'UNAUTHENTICATED', reason: 'user_not_found', http: { status: 401 } },
    });
  }
  return state === SqlState.insufficientPrivilege ? new ForbiddenError('you may not do this (any more)') : undefined;
}
