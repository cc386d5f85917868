import type { Limits } from '../config.js';
import type { Claims, Database, Tx } from '../db/port.js';
import type { ExportStorage } from '../storage/port.js';
import type { ExportPubSub } from './pubsub.js';
import { createGraphQLError } from 'graphql-yoga';

/** What every resolver gets: the caller's verified claims (null when anonymous) and the ports. */
export interface GraphQLContext {
  db: Database;
  claims: Claims | null;
  limits: Limits;
  pubsub: ExportPubSub;
  /** Where finished export files are; null when the app runs without storage. */
  storage: ExportStorage | null;
  /** This server's base URL, for links (download links are relative to it). */
  baseUrl: () => string;
  /** Signs `/downloads/<token>` links, checked against the export and the user when used (server/download-links.ts). */
  downloadLinks: { pathFor(exportId: string, userId: string, expiresAt: Date): string } | null;
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
export function asCaller<T>(ctx: GraphQLContext, fn: (tx: Tx, claims: Claims) => Promise<T>): Promise<T> {
  const claims = requireClaims(ctx);
  return ctx.db.asUser(claims, (tx) => fn(tx, claims));
}
