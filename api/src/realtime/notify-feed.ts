// The feed for PGlite and plain PostgreSQL: the insert trigger on the export events table notifies
// EXPORT_EVENTS_CHANNEL with the row as json plus owner_id. NOTIFY payloads stop at 8000 bytes, so
// a payload without its metadata means "fetch the row" (done here, as service role).
import type { Database } from '../db/port.js';
import { EXPORT_EVENTS_CHANNEL, eventWithOwner } from '../exports/store.js';
import { fanOutFeed, toFeedEvent, type ExportFeed } from './port.js';

export { EXPORT_EVENTS_CHANNEL } from '../exports/store.js';

export function createNotifyFeed(db: Database): ExportFeed {
  return fanOutFeed((emit) => {
    // handled one after another, so a notification that needs a fetch cannot be overtaken
    let previous = Promise.resolve();
    return db.listen(EXPORT_EVENTS_CHANNEL, (payload) => {
      previous = previous
        .then(async () => {
          const row = JSON.parse(payload) as Record<string, unknown>;
          if (row.metadata === undefined || row.metadata_truncated === true || row.owner_id === undefined || row.seq === undefined) {
            const full = await db.asService((tx) => eventWithOwner(tx, String(row.id)));
            if (full) emit(full);
            return;
          }
          emit(toFeedEvent(row));
        })
        .catch((error) => console.error('export feed: bad notification', error));
    });
  });
}
