// Local file storage under `<dataDir>/exports`. Downloads go through the API with an expiring,
// HMAC-signed token in the URL, so the file server needs no session and no database lookup.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkStoragePath, StorageError, type DownloadLinkOptions, type ExportStorage, type ListedObject, type PutOptions, type StoredObject } from './port.js';
import { prepareDataDir } from '../data-dir.js';
import { contentTypeOf } from '../formats/index.js';

export interface LocalStorageOptions {
  /** The data directory (TDG_DATA_DIR); files live under `<dataDir>/exports`. */
  dataDir: string;
  /** HMAC key for download tokens; defaults to `<dataDir>/download-key`, created on first use. */
  secret?: Uint8Array;
  /** Base URL the download links start with (e.g. TDG_PUBLIC_URL); empty gives `/downloads/...`. */
  publicUrl?: string;
}

export class DownloadTokenError extends Error {
  override name = 'DownloadTokenError';
  constructor(
    message: string,
    readonly code: 'DOWNLOAD_TOKEN_INVALID' | 'DOWNLOAD_TOKEN_EXPIRED',
  ) {
    super(message);
  }
}

export interface DownloadGrant {
  path: string;
  expiresAt: Date;
  fileName?: string;
}

export interface LocalStorage extends ExportStorage {
  readonly kind: 'local';
  readonly root: string;
  signDownload(path: string, expiresAt: Date, fileName?: string): string;
  /** The file as a download response (404 when it is gone); the caller has checked the right to it. */
  respond(path: string, options?: { fileName?: string; head?: boolean }): Promise<Response>;
  verifyDownload(token: string, now?: Date): DownloadGrant;
  /** Serves `GET <anything>/downloads/<token>`; mount it at `/downloads/`. */
  handleDownload(request: Request): Promise<Response>;
}

/** The data directory's HMAC key for download links (`<dataDir>/download-key`), created on first use. */
export async function loadDownloadKey(dataDir: string): Promise<Uint8Array> {
  const file = join(dataDir, 'download-key');
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await prepareDataDir(dataDir);
  const fresh = randomBytes(32).toString('base64url');
  // `wx` so two processes starting together agree on one key: the loser reads the winner's
  await writeFile(file, fresh, { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
}

export async function createLocalStorage(options: LocalStorageOptions): Promise<LocalStorage> {
  // checked first: a recursive mkdir under /proc never returns
  const root = join(await prepareDataDir(options.dataDir), 'exports');
  await mkdir(root, { recursive: true });
  const secret = options.secret ?? (await loadDownloadKey(options.dataDir));
  const base = (options.publicUrl ?? '').replace(/\/$/, '');
  const fileOf = (path: string) => join(root, ...checkStoragePath(path).split('/'));
  const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest();

  function signDownload(path: string, expiresAt: Date, fileName?: string): string {
    checkStoragePath(path);
    const claims = { p: path, e: Math.floor(expiresAt.getTime() / 1000), ...(fileName ? { n: fileName } : {}) };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${mac(payload).toString('base64url')}`;
  }

  function verifyDownload(token: string, now = new Date()): DownloadGrant {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) {
      throw new DownloadTokenError('download token: malformed', 'DOWNLOAD_TOKEN_INVALID');
    }
    const expected = mac(payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new DownloadTokenError('download token: bad signature', 'DOWNLOAD_TOKEN_INVALID');
    }
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { p: string; e: number; n?: string };
    const expiresAt = new Date(claims.e * 1000);
    if (expiresAt.getTime() <= now.getTime()) {
      throw new DownloadTokenError(`download token: expired at ${expiresAt.toISOString()}`, 'DOWNLOAD_TOKEN_EXPIRED');
    }
    return { path: checkStoragePath(claims.p), expiresAt, fileName: claims.n };
  }

  async function handleDownload(request: Request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    const token = decodeURIComponent(new URL(request.url).pathname.split('/').pop() ?? '');
    let grant: DownloadGrant;
    try {
      grant = verifyDownload(token);
    } catch (error) {
      if (!(error instanceof DownloadTokenError) && !(error instanceof StorageError) && !(error instanceof SyntaxError)) throw error;
      const expired = error instanceof DownloadTokenError && error.code === 'DOWNLOAD_TOKEN_EXPIRED';
      return new Response(expired ? 'this download link has expired' : 'invalid download link', { status: expired ? 410 : 403 });
    }
    return respond(grant.path, { fileName: grant.fileName, head: request.method === 'HEAD' });
  }

  async function respond(path: string, options: { fileName?: string; head?: boolean } = {}): Promise<Response> {
    const file = fileOf(path);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return new Response('export file not found (it may have expired)', { status: 404 });
    const name = options.fileName ?? path.split('/').pop()!;
    const headers = {
      'content-type': contentTypeOf(name),
      'content-length': String(info.size),
      'content-disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'private, no-store',
    };
    if (options.head) return new Response(null, { status: 200, headers });
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    return new Response(body, { status: 200, headers });
  }

  async function list(prefix: string): Promise<ListedObject[]> {
    const folder = prefix === '' ? root : fileOf(prefix);
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
      throw error;
    });
    const found: ListedObject[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = join(entry.parentPath, entry.name);
      // a file removed since readdir (a put renamed it, a remove ran) is simply not listed
      const info = await stat(file).catch(() => undefined);
      if (info) found.push({ path: relative(root, file).split(sep).join('/'), bytes: info.size, modifiedAt: info.mtime });
    }
    return found;
  }

  async function put(path: string, body: AsyncIterable<Uint8Array>, options: PutOptions = {}): Promise<StoredObject> {
    const file = fileOf(path);
    await mkdir(dirname(file), { recursive: true });
    // written beside the target and renamed, so a reader never sees half a file
    const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
    let bytes = 0;
    const counted = async function* () {
      for await (const piece of body) {
        bytes += piece.byteLength;
        yield piece;
      }
    };
    try {
      await pipeline(Readable.from(counted()), createWriteStream(partial), { signal: options.signal });
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      if (options.signal?.aborted) throw options.signal.reason ?? error;
      throw new StorageError(`storage put "${path}": ${(error as Error).message}`, 'STORAGE_FAILED', { cause: error });
    }
    return { path, bytes };
  }

  async function get(path: string): Promise<AsyncIterable<Uint8Array>> {
    const file = fileOf(path);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new StorageError(`storage get "${path}": not found`, 'STORAGE_NOT_FOUND');
    return createReadStream(file, { highWaterMark: 1 << 20 });
  }

  return {
    kind: 'local',
    root,
    put,
    get,
    list,
    respond,
    async exists(path) {
      return (await stat(fileOf(path)).catch(() => undefined))?.isFile() ?? false;
    },
    async remove(path) {
      await rm(fileOf(path), { recursive: true, force: true });
    },
    async downloadUrl(path: string, link: DownloadLinkOptions) {
      return `${base}/downloads/${signDownload(path, link.expiresAt, link.fileName)}`;
    },
    signDownload,
    verifyDownload,
    handleDownload,
  };
}
