// The storage port: where export files (and the chunk parts they are assembled from) live.
// Keys are relative slash paths such as `<ownerId>/<exportId>/export.csv`; adapters map them to a
// folder under the data directory or to the private Supabase bucket `generator-exports`.

export type StorageErrorCode = 'STORAGE_NOT_FOUND' | 'STORAGE_BAD_PATH' | 'STORAGE_FAILED';

export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    message: string,
    readonly code: StorageErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface PutOptions {
  contentType?: string;
  /** Aborting removes whatever was written so far. */
  signal?: AbortSignal;
}

export interface StoredObject {
  path: string;
  bytes: number;
}

export interface ListedObject {
  path: string;
  bytes: number;
  /** Last write, when the backend tells it (local files: mtime). */
  modifiedAt: Date | null;
}

export interface DownloadLinkOptions {
  expiresAt: Date;
  /** File name offered to the browser (Content-Disposition). */
  fileName?: string;
}

export interface ExportStorage {
  readonly kind: 'local' | 'supabase';
  /** Stores a whole object from a byte stream; readers see it only once it is complete. */
  put(path: string, body: AsyncIterable<Uint8Array>, options?: PutOptions): Promise<StoredObject>;
  /** Streams an object; rejects with StorageError STORAGE_NOT_FOUND when it does not exist. */
  get(path: string): Promise<AsyncIterable<Uint8Array>>;
  exists(path: string): Promise<boolean>;
  /** Removes the object at `path` and everything below `path/`; missing paths are not an error. */
  remove(path: string): Promise<void>;
  /** Every object below `prefix/` (everything for ''), at any depth; `.partial` files of unfinished local puts included. */
  list(prefix: string): Promise<ListedObject[]>;
  /** A URL that downloads the object until `expiresAt`. */
  downloadUrl(path: string, options: DownloadLinkOptions): Promise<string>;
}

/** Rejects absolute paths, `..`, empty segments and control characters. */
export function checkStoragePath(path: string): string {
  const segments = path.split('/');
  const bad =
    path.length === 0 ||
    path.length > 1024 ||
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is matched here
    /[\u0000-\u001f\\]/.test(path) ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..');
  if (bad) throw new StorageError(`storage path "${path}": must be a relative path without "..", "." or empty segments`, 'STORAGE_BAD_PATH');
  return path;
}
