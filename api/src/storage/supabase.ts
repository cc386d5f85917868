// Supabase Storage: the private bucket `generator-exports`, written with the service role key.
// Objects whose size is known and above `resumableAbove` go up through TUS (resumable); the rest
// as one streamed upload. Downloads are Storage's own signed URLs.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { Readable } from 'node:stream';
import WebSocket from 'ws';
import { contentTypeOf } from '../formats/index.js';
import { checkStoragePath, StorageError, type DownloadLinkOptions, type ExportStorage, type ListedObject, type PutOptions, type StoredObject } from './port.js';
import { tusUpload } from './tus.js';

export interface SupabaseStorageOptions {
  url: string;
  serviceRoleKey: string;
  bucket?: string;
  /** Create the private bucket when missing (default true). */
  createBucket?: boolean;
  /** Bytes above which a known-size upload is resumable (TUS); default 6 MiB. */
  resumableAbove?: number;
  client?: SupabaseClient;
}

export interface SupabasePutOptions extends PutOptions {
  /** Total bytes, when known: enables the resumable (TUS) upload for large objects. */
  size?: number;
}

export interface SupabaseStorage extends ExportStorage {
  readonly kind: 'supabase';
  put(path: string, body: AsyncIterable<Uint8Array>, options?: SupabasePutOptions): Promise<StoredObject>;
}

function failure(action: string, path: string, error: { message: string; statusCode?: string; status?: number } | Error): StorageError {
  const status = String((error as { statusCode?: string }).statusCode ?? (error as { status?: number }).status ?? '');
  const notFound = status === '404' || /not.?found/i.test(error.message);
  return new StorageError(`supabase storage ${action} "${path}": ${error.message}`, notFound ? 'STORAGE_NOT_FOUND' : 'STORAGE_FAILED', { cause: error });
}

export async function createSupabaseStorage(options: SupabaseStorageOptions): Promise<SupabaseStorage> {
  const bucket = options.bucket ?? 'generator-exports';
  const base = options.url.replace(/\/$/, '');
  const client =
    options.client ??
    createClient(base, options.serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      // Node 20 has no global WebSocket; supabase-js builds its realtime client eagerly
      realtime: { transport: WebSocket as never },
    });
  const files = () => client.storage.from(bucket);
  const resumableAbove = options.resumableAbove ?? 6 * 1024 * 1024;

  if (options.createBucket !== false) {
    const { error } = await client.storage.createBucket(bucket, { public: false });
    if (error && !/exist/i.test(error.message)) throw failure('create bucket', bucket, error);
  }

  async function put(path: string, body: AsyncIterable<Uint8Array>, put: SupabasePutOptions = {}): Promise<StoredObject> {
    checkStoragePath(path);
    const contentType = put.contentType ?? contentTypeOf(path);
    let bytes = 0;
    const counted = (async function* () {
      for await (const piece of body) {
        put.signal?.throwIfAborted();
        bytes += piece.byteLength;
        yield piece;
      }
      put.signal?.throwIfAborted();
    })();
    try {
      if (put.size !== undefined && put.size > resumableAbove) {
        await tusUpload({
          endpoint: `${base}/storage/v1/upload/resumable`,
          headers: { authorization: `Bearer ${options.serviceRoleKey}`, apikey: options.serviceRoleKey },
          bucket,
          objectName: path,
          contentType,
          size: put.size,
          body: counted,
          signal: put.signal,
        });
      } else {
        const stream = Readable.from(counted);
        const { error } = await files().upload(path, stream, { upsert: true, contentType, duplex: 'half' });
        if (error) throw error;
      }
      put.signal?.throwIfAborted();
    } catch (error) {
      if (put.signal?.aborted) {
        // the stream may have reached the server before the abort was seen
        await files()
          .remove([path])
          .catch(() => undefined);
        throw put.signal.reason ?? error;
      }
      throw error instanceof StorageError ? error : failure('put', path, error as Error);
    }
    return { path, bytes };
  }

  async function get(path: string): Promise<AsyncIterable<Uint8Array>> {
    checkStoragePath(path);
    const { data, error } = await files().download(path).asStream();
    if (error || !data) throw failure('get', path, error ?? new Error('empty body'));
    return Readable.fromWeb(data as import('node:stream/web').ReadableStream<Uint8Array>);
  }

  async function listAll(prefix: string): Promise<ListedObject[]> {
    const found: ListedObject[] = [];
    for (let offset = 0; ; offset += 1000) {
      const { data, error } = await files().list(prefix, { limit: 1000, offset });
      if (error) throw failure('list', prefix, error);
      for (const entry of data) {
        const full = prefix ? `${prefix}/${entry.name}` : entry.name;
        // folders come back without an id
        if (entry.id === null) found.push(...(await listAll(full)));
        else {
          const metadata = (entry.metadata ?? {}) as { size?: number };
          const modified = entry.updated_at ?? entry.created_at;
          found.push({ path: full, bytes: Number(metadata.size ?? 0), modifiedAt: modified ? new Date(modified) : null });
        }
      }
      if (data.length < 1000) return found;
    }
  }

  return {
    kind: 'supabase',
    put,
    get,
    async list(prefix) {
      if (prefix !== '') checkStoragePath(prefix);
      return listAll(prefix);
    },
    async exists(path) {
      checkStoragePath(path);
      const { data, error } = await files().exists(path);
      if (error && !/not.?found|400|404/i.test(`${error.message} ${(error as { status?: number }).status ?? ''}`)) throw failure('exists', path, error);
      return data === true;
    },
    async remove(path) {
      checkStoragePath(path);
      const targets = [path, ...(await listAll(path)).map((object) => object.path)];
      for (let i = 0; i < targets.length; i += 1000) {
        const { error } = await files().remove(targets.slice(i, i + 1000));
        if (error) throw failure('remove', path, error);
      }
    },
    async downloadUrl(path: string, link: DownloadLinkOptions) {
      checkStoragePath(path);
      const seconds = Math.max(1, Math.floor((link.expiresAt.getTime() - Date.now()) / 1000));
      const { data, error } = await files().createSignedUrl(path, seconds, { download: link.fileName ?? true });
      if (error) throw failure('sign', path, error);
      return data.signedUrl;
    },
  };
}
