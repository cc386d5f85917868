import { createPubSub } from 'graphql-yoga';
import type { ExportEventRow } from './repos/exports.js';

/**
 * In-process fan-out for export progress. The jobs part bridges worker notifications
 * (LISTEN/NOTIFY or Supabase Realtime) into these topics.
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
