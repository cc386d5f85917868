// Export events: the stored log of an export, and the two subscriptions that follow it live.
import { createGraphQLError } from 'graphql-yoga';
import { builder } from '../builder.js';
import { maskServerPaths, maskServerPathsDeep } from '../expected-errors.js';
import { asCaller, requireClaims } from '../context.js';
import { exportProgressStream } from '../../realtime/streams.js';
import type { ExportEventRow } from '../../exports/model.js';
import { eventsOfExports } from '../../exports/store.js';
import { findExport } from '../repos/exports.js';
import { ExportRef, ExportStatusEnum } from './export.js';

const ExportEventRef = builder.objectRef<ExportEventRow>('ExportEvent').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    seq: t.exposeInt('seq', { description: 'Order of the event within its export.' }),
    exportId: t.exposeID('exportId'),
    status: t.field({ type: ExportStatusEnum, resolve: (event) => event.status }),
    message: t.string({ nullable: true, resolve: (event) => (event.message == null ? null : maskServerPaths(event.message)) }),
    metadata: t.field({ type: 'JSON', nullable: true, resolve: (event) => maskServerPathsDeep(event.metadata ?? null) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.objectField(ExportRef, 'events', (t) =>
  t.loadableGroup({
    type: ExportEventRef,
    load: (exportIds: string[], ctx) => asCaller(ctx, (tx) => eventsOfExports(tx, exportIds)),
    group: (event) => event.exportId,
    resolve: (e) => e.id,
  }),
);

const notFound = (id: string) => createGraphQLError(`export ${id} not found`, { extensions: { code: 'NOT_FOUND' } });

builder.subscriptionField('exportProgress', (t) =>
  t.field({
    type: ExportEventRef,
    description: 'Stored events after afterEventId, then live ones; completes after the final event.',
    args: { exportId: t.arg.id({ required: true }), afterEventId: t.arg.id() },
    subscribe: async (_root, { exportId, afterEventId }, ctx) => {
      // the stream the jobs and tests follow too, on the API's PubSub as its feed
      const after = afterEventId == null ? null : String(afterEventId);
      const stream = exportProgressStream(ctx.db, ctx.pubsub.events, requireClaims(ctx), String(exportId), after, { notFound });
      // checked before the first event, so a stranger's answer is a NOT_FOUND result, not a broken stream
      await stream.start();
      return stream;
    },
    resolve: (event) => event,
  }),
);

const ExportChangeRef = builder.objectRef<{ exportId: string }>('ExportChange').implement({
  fields: (t) => ({
    exportId: t.exposeID('exportId'),
    export: t.field({
      type: ExportRef,
      nullable: true,
      description: 'The export as it is now; null when it was deleted.',
      // read fresh each time: a subscription keeps one context, so a loader would serve stale rows
      resolve: async (change, _args, ctx) => (await asCaller(ctx, (tx) => findExport(tx, change.exportId))) ?? null,
    }),
  }),
});

builder.subscriptionField('myExports', (t) =>
  t.field({
    type: ExportChangeRef,
    description: 'Fires whenever one of your exports is created, progresses, finishes or is deleted.',
    subscribe: (_root, _args, ctx) => ctx.pubsub.subscribe('exportChanged', requireClaims(ctx).sub),
    resolve: (change) => change,
  }),
);
