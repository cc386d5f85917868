// Picks the feed: Supabase Realtime when SUPABASE_URL and the service role key are set,
// otherwise LISTEN/NOTIFY on the database (PGlite or PostgreSQL).
import type { Config } from '../config.js';
import type { Database } from '../db/port.js';
import { createNotifyFeed } from './notify-feed.js';
import type { ExportFeed } from './port.js';
import { createSupabaseFeed } from './supabase-feed.js';

export function openFeed(db: Database, config: Pick<Config, 'supabaseUrl' | 'supabaseServiceRoleKey'>): ExportFeed {
  if (config.supabaseUrl && config.supabaseServiceRoleKey) {
    return createSupabaseFeed({ url: config.supabaseUrl, serviceRoleKey: config.supabaseServiceRoleKey, db });
  }
  return createNotifyFeed(db);
}
