import { createPubSub } from 'graphql-yoga';
import type { ExportEventRow } from './repos/exports.js';

/**
 * In-process fan-out for export progress. buildApp bridges the realtime feed (LISTEN/NOTIFY or
 * Supabase Realtime on generator_export_events) into these topics, so events written by any
 * process arrive here; the API itself only publishes deletions (they leave no event row).
 */
export type ExportTopics = {
  /** A new event of one export. */
  exportEvent: [exportId: string, event: ExportEventRow];
  /** One of a user's exports changed (created, progressed, finished, deleted). */
  exportChanged: [ownerId: string, change: { exportId: string }];
};

export type ExportPubSub = ReturnType<typeof createExportPubSub>;

export function createExportPubSub() {
  return createPubSub<ExportTopics>();
}
