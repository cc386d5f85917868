import { prepareExport } from '../../src/jobs/plan.js';
import type { Report } from '../../src/report/index.js';
// Shared by the jobs suites: the reference bytes of an export (one writer, one pass, no chunks),
// storage wrappers that count or fail, and waiting for an export's terminal event on the feed.
import type { Database } from '../../src/db/port.js';
import { exportBytes } from '../../src/jobs/testing/export-bytes.js';
import type { ExportFeed, ExportFeedEvent } from '../../src/realtime/port.js';
import { exportProgressStream } from '../../src/realtime/streams.js';
import type { ExportStorage } from '../../src/storage/port.js';
import { claimsOf } from './fixtures.js';

/** What one writer makes of the payload in one pass: the bytes every chunked run must equal. */
export function referenceBytes(payload: {
  definition: unknown;
  format?: string;
  seed?: string;
  rowCount?: number;
  options?: Record<string, unknown>;
}): Promise<Buffer> {
  return exportBytes({ format: 'csv', seed: 'seed-1', ...payload }, { seed: 'seed-1', format: 'csv' });
}

/** The realism report of the same export made in one pass, in this process. */
export async function referenceReport(payload: { definition: unknown; format?: string; seed?: string; rowCount?: number }): Promise<Report> {
  const prepared = prepareExport({ format: 'csv', seed: 'seed-1', ...payload }, { seed: 'seed-1', format: 'csv' });
  const whole = prepared.newReport();
  for (const [t, shape] of prepared.tables.entries()) {
    let at = 0;
    for await (const batch of prepared.rows(t, 0, shape.rows, 1000)) {
      whole.add(shape.name, at, batch);
      at += batch.length;
    }
  }
  return prepared.reportOf([whole.state()]);
}

export async function readObject(storage: ExportStorage, path: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of await storage.get(path)) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

/** Counts chunk files written through this storage, and can fail the next put of the final file. */
export function spyStorage(inner: ExportStorage) {
  const spy = {
    chunkPuts: 0,
    chunkPaths: [] as string[],
    failFinal: undefined as Error | undefined,
    storage: {
      ...inner,
      async put(path, body, options) {
        if (path.includes('/chunks/')) {
          spy.chunkPuts++;
          spy.chunkPaths.push(path);
        } else if (spy.failFinal) {
          for await (const _ of body) break; // the writer has started when the store fails
          throw spy.failFinal;
        }
        return inner.put(path, body, options);
      },
    } as ExportStorage,
  };
  return spy;
}

/** Every event of the export, from the stored first one to the terminal one, as the owner sees them live. */
export async function eventsUntilEnd(
  db: Database,
  feed: ExportFeed,
  ownerId: string,
  exportId: string,
  onEvent?: (e: ExportFeedEvent) => void,
): Promise<ExportFeedEvent[]> {
  const events: ExportFeedEvent[] = [];
  for await (const event of exportProgressStream(db, feed, claimsOf(ownerId), exportId, null)) {
    events.push(event);
    onEvent?.(event);
  }
  return events;
}

/** Resolves with the first event `match` accepts. */
export async function firstEvent(
  db: Database,
  feed: ExportFeed,
  ownerId: string,
  exportId: string,
  match: (e: ExportFeedEvent) => boolean,
): Promise<ExportFeedEvent> {
  const seen: string[] = [];
  for await (const event of exportProgressStream(db, feed, claimsOf(ownerId), exportId, null)) {
    if (match(event)) return event;
    seen.push(`${event.status} ${JSON.stringify(event.metadata)}${event.message ? ` ${event.message}` : ''}`);
  }
  // what it did instead, for a failure seen only under load
  throw new Error(`export ${exportId} ended without the awaited event; its events: ${seen.join(' | ')}`);
}
