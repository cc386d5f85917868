// The feed for PGlite and plain PostgreSQL: the insert trigger on generator_export_events calls
// pg_notify('generator_export_events', <row as json + owner_id>). NOTIFY payloads stop at 8000
// bytes, so a payload without its metadata means "fetch the row" (done here, as service role).
import type { Database } from '../db/port.js';
import { fanOutFeed, toFeedEvent, type ExportFeed } from './port.js';

export const EXPORT_EVENTS_CHANNEL = 'generator_export_events';

export function createNotifyFeed(db: Database): ExportFeed {
  return fanOutFeed((emit) => {
    // handled one after another, so a notification that needs a fetch cannot be overtaken
    let previous = Promise.resolve();
    return db.listen(EXPORT_EVENTS_CHANNEL, (payload) => {
      previous = previous.then(async () => {
        const row = JSON.parse(payload) as Record<string, unknown>;
        if (row.metadata === undefined || row.metadata_truncated === true || row.owner_id === undefined || row.seq === undefined) {
          const [full] = await db.asService((tx) =>
            tx.query(
              `select ev.id::text as id, ev.seq, ev.export_id::text as export_id, ev.status, ev.message, ev.metadata,
                      ev.created_at, ex.owner_id::text as owner_id
                 from generator_export_events ev join generator_exports ex on ex.id = ev.export_id
                where ev.id = $1::uuid`,
              [row.id],
            ),
          );
          if (full) emit(toFeedEvent(full));
          return;
        }
        emit(toFeedEvent(row));
      }).catch((error) => console.error('export feed: bad notification', error));
    });
  });
}
