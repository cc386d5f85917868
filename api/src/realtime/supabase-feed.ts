// The feed on Supabase: a Realtime channel with `postgres_changes` INSERT on the export events
// table (EXPORT_EVENTS_TABLE), joined with the service role key (so RLS does not filter it;
// the streams re-check each event for the subscriber). Realtime records carry no owner, so the
// owner of each export is looked up once (service role) and remembered.
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import type { Database } from '../db/port.js';
import { EXPORT_EVENTS_TABLE, ownerOfExport } from '../exports/store.js';
import { fanOutFeed, toFeedEvent, type ExportFeed } from './port.js';

export interface SupabaseFeedOptions {
  url: string;
  serviceRoleKey: string;
  /** Used to look up the owner of an export the first time one of its events arrives. */
  db: Database;
  client?: SupabaseClient;
  /** How long to wait for the channel to join (ms). */
  timeoutMs?: number;
}

export class RealtimeFeedError extends Error {
  override name = 'RealtimeFeedError';
}

export function createSupabaseFeed(options: SupabaseFeedOptions): ExportFeed {
  const client =
    options.client ??
    createClient(options.url, options.serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never, timeout: options.timeoutMs ?? 10_000 },
    });
  const owners = new Map<string, Promise<string | undefined>>();
  const ownerOf = (exportId: string) => {
    let owner = owners.get(exportId);
    if (!owner) {
      owner = options.db.asService((tx) => ownerOfExport(tx, exportId));
      owners.set(exportId, owner);
      if (owners.size > 10_000) owners.delete(owners.keys().next().value!);
    }
    return owner;
  };

  return fanOutFeed(async (emit) => {
    let previous = Promise.resolve();
    const channel: RealtimeChannel = client
      .channel(`tdg-export-events-${crypto.randomUUID()}`)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: EXPORT_EVENTS_TABLE }, (change) => {
        const record = change.new as Record<string, unknown>;
        // in order, so an owner lookup cannot let a later event overtake an earlier one
        previous = previous
          .then(async () => {
            const owner = await ownerOf(String(record.export_id));
            if (owner) emit(toFeedEvent(record, owner));
          })
          .catch((error) => console.error('export feed: bad realtime change', error));
      });
    const joined = new Promise<void>((resolve, reject) => {
      channel.subscribe((status, error) => {
        if (status === 'SUBSCRIBED') resolve();
        else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') {
          reject(new RealtimeFeedError(`supabase realtime: channel ${status.toLowerCase()}${error ? `: ${error.message}` : ''}`));
        }
      });
    });
    await joined.catch(async (error: unknown) => {
      await client.removeChannel(channel);
      throw error;
    });
    return async () => {
      await client.removeChannel(channel);
    };
  });
}
