// The result file: a stream the writer fills while storage stores it.
import { PassThrough } from 'node:stream';
import type { ExportStorage } from '../storage/port.js';

/** Stores at `path` what `write` writes into the body; resolves with what it returned and the bytes stored. */
export async function upload<T>(
  storage: ExportStorage,
  path: string,
  signal: AbortSignal,
  write: (body: PassThrough) => Promise<T>,
): Promise<{ written: T; bytes: number }> {
  const body = new PassThrough({ highWaterMark: 1 << 20 });
  const stored = storage.put(path, body, { signal });
  let storeFailure: unknown;
  stored.catch((error: unknown) => {
    storeFailure = error;
    body.destroy(error as Error);
  });
  const written = await write(body).catch(async (error: unknown) => {
    // the store's own error says more than the writer's "stream destroyed" — when the store
    // failed first, not when the writer's source (engine, chunk file) did and ended the upload
    const storeFailedFirst = storeFailure;
    body.destroy();
    await stored.catch(() => undefined);
    throw storeFailedFirst ?? error;
  });
  return { written, bytes: (await stored).bytes };
}
