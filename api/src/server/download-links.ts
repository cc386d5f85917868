// Download links: `/downloads/<token>`, where the signed token names an export and the user it was
// handed to — not a file. Whether that user may have the file is decided when the link is used:
// the export is read as that user under row level security, so a deleted export, or a member
// removed from the schema, gets 404 at once, whatever the link's expiry says. With Supabase
// Storage the answer is a redirect to a signed URL that lives for a minute.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.js';
import type { Database } from '../db/port.js';
import { findExport } from '../graphql/repos/exports.js';
import { loadDownloadKey } from '../storage/local.js';
import type { ExportStorage } from '../storage/port.js';

/** How long the Supabase Storage URL a checked link redirects to stays valid. */
const REDIRECT_MS = 60_000;

export interface DownloadLinks {
  /**
   * `/downloads/<token>`: export `exportId`'s file for `userId`, until `expiresAt`, while they may
   * read it and — when `sessionId` is given — while that session lasts (signing out ends the link).
   */
  pathFor(exportId: string, userId: string, expiresAt: Date, sessionId?: string): string;
  /** Serves `GET|HEAD <anything>/downloads/<token>`. */
  handle(request: Request): Promise<Response>;
}

export interface DownloadLinkOptions {
  db: Database;
  storage: ExportStorage;
  /** HMAC key; see downloadLinkKey. */
  key: Uint8Array;
  /** Whether a session still lasts (auth's cached session check). */
  sessionLive?: (sessionId: string, userId: string) => Promise<boolean>;
  now?: () => Date;
}

/**
 * The key links are signed with: derived from the service role key with Supabase (every API
 * instance agrees without a file), else from the data directory's download key. Derived, so a
 * token of one purpose is never valid for another.
 */
export async function downloadLinkKey(config: Pick<Config, 'dataDir' | 'supabaseServiceRoleKey'>): Promise<Uint8Array> {
  const base = config.supabaseServiceRoleKey ? Buffer.from(config.supabaseServiceRoleKey) : await loadDownloadKey(config.dataDir);
  return createHmac('sha256', base).update('tdg export download links v1').digest();
}

/** The name the browser saves the file as. */
export function downloadFileName(exportId: string, resultPath: string): string {
  const dot = resultPath.lastIndexOf('.');
  return `tdg-export-${exportId.slice(0, 8)}${dot > resultPath.lastIndexOf('/') ? resultPath.slice(dot) : ''}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Grant = { exportId: string; userId: string; sessionId?: string } | { refused: 403 | 410 };

export function createDownloadLinks(options: DownloadLinkOptions): DownloadLinks {
  const now = options.now ?? (() => new Date());
  const mac = (payload: string) => createHmac('sha256', options.key).update(payload).digest();

  function pathFor(exportId: string, userId: string, expiresAt: Date, sessionId?: string): string {
    const claims = { x: exportId, u: userId, e: Math.floor(expiresAt.getTime() / 1000), ...(sessionId ? { s: sessionId } : {}) };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `/downloads/${payload}.${mac(payload).toString('base64url')}`;
  }

  function verify(token: string): Grant {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return { refused: 403 };
    // compared as text: base64url's spare bits would let two spellings decode to one signature
    const given = Buffer.from(signature);
    const expected = Buffer.from(mac(payload).toString('base64url'));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { refused: 403 };
    let claims: { x?: unknown; u?: unknown; e?: unknown; s?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { refused: 403 };
    }
    if (typeof claims.x !== 'string' || typeof claims.u !== 'string' || typeof claims.e !== 'number' || !UUID.test(claims.x) || !UUID.test(claims.u)) {
      return { refused: 403 };
    }
    if (claims.s !== undefined && typeof claims.s !== 'string') return { refused: 403 };
    if (claims.e * 1000 <= now().getTime()) return { refused: 410 };
    return { exportId: claims.x, userId: claims.u, sessionId: claims.s };
  }

  async function handle(request: Request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    let token: string;
    try {
      token = decodeURIComponent(new URL(request.url).pathname.split('/').pop() ?? '');
    } catch {
      token = '';
    }
    const grant = verify(token);
    if ('refused' in grant) {
      return new Response(grant.refused === 410 ? 'this download link has expired' : 'invalid download link', { status: grant.refused });
    }
    if (grant.sessionId && options.sessionLive && !(await options.sessionLive(grant.sessionId, grant.userId))) {
      return new Response('the session this link was made for has ended: sign in again for a new link', { status: 403 });
    }
    // the same read GraphQL does for this user: RLS decides, now
    const record = await options.db.asUser({ sub: grant.userId, role: 'authenticated' }, (tx) => findExport(tx, grant.exportId));
    if (!record || record.status !== 'SUCCEEDED' || !record.resultPath) {
      return new Response('this export no longer exists, or you can no longer read it', { status: 404 });
    }
    const fileName = downloadFileName(record.id, record.resultPath);
    const { storage } = options;
    if ('respond' in storage && typeof storage.respond === 'function') {
      return (storage as ExportStorage & { respond(path: string, o: { fileName?: string; head?: boolean }): Promise<Response> }).respond(record.resultPath, {
        fileName,
        head: request.method === 'HEAD',
      });
    }
    if (!(await storage.exists(record.resultPath))) return new Response('export file not found (it may have expired)', { status: 404 });
    const location = await storage.downloadUrl(record.resultPath, { expiresAt: new Date(now().getTime() + REDIRECT_MS), fileName });
    return new Response(null, { status: 302, headers: { location, 'cache-control': 'private, no-store' } });
  }

  return { pathFor, handle };
}
