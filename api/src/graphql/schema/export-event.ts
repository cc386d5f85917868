// Export events: the stored log of an export, and the two subscriptions that follow it live.
import { createGraphQLError, Repeater } from 'graphql-yoga';
import { builder } from '../builder.js';
import { asCaller, requireClaims } from '../context.js';
import { eventsAfter, eventsOfExports, findExport, TERMINAL_STATUSES, type ExportEventRow } from '../repos/exports.js';
import { ExportRef, ExportStatusEnum } from './export.js';
import { isUuid } from './schema.js';

const ExportEventRef = builder.objectRef<ExportEventRow>('ExportEvent').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    seq: t.exposeInt('seq', { description: 'Order of the event within its export.' }),
    exportId: t.exposeID('exportId'),
    status: t.field({ type: ExportStatusEnum, resolve: (event) => event.status }),
    message: t.exposeString('message', { nullable: true }),
    metadata: t.field({ type: 'JSON', nullable: true, resolve: (event) => event.metadata ?? null }),
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

const isTerminal = (event: { status: ExportEventRow['status'] }) => TERMINAL_STATUSES.includes(event.status);
const notFound = (id: string) => createGraphQLError(`export ${id} not found`, { extensions: { code: 'NOT_FOUND' } });

builder.subscriptionField('exportProgress', (t) =>
  t.field({
    type: ExportEventRef,
    description: 'Stored events after afterEventId, then live ones; completes after the final event.',
    args: { exportId: t.arg.id({ required: true }), afterEventId: t.arg.id() },
    subscribe: (_root, { exportId, afterEventId }, ctx) => {
      const claims = requireClaims(ctx);
      return new Repeater<ExportEventRow>(async (push, stop) => {
        // listen before reading the log, so an event written in between is not lost
        const live = ctx.pubsub.subscribe('exportEvent', exportId)[Symbol.asyncIterator]();
        const first = live.next();
        stop.then(() => live.return?.());
        let lastSeq = 0;
        const deliver = async (event: ExportEventRow) => {
          if (event.seq <= lastSeq) return;
          lastSeq = event.seq;
          await push(event);
          if (isTerminal(event)) stop();
        };
        try {
          if (!isUuid(exportId) || (afterEventId != null && !isUuid(afterEventId))) throw notFound(exportId);
          const stored = await ctx.db.asUser(claims, async (tx) => {
            const record = await findExport(tx, exportId);
            // members of a shared schema may see its exports, but events are the owner's (seed 000),
            // and live events come from the service-role feed, so RLS alone would not stop them
            if (!record || record.ownerId !== claims.sub) throw notFound(exportId);
            const after = afterEventId ? await tx.query<{ seq: number }>(`select seq from generator_export_events where id = $1::uuid`, [afterEventId]) : [];
            return { record, afterSeq: Number(after[0]?.seq ?? 0), events: await eventsAfter(tx, exportId, afterEventId ?? null) };
          });
          lastSeq = stored.afterSeq;
          for (const event of stored.events) await deliver(event);
          if (isTerminal(stored.record)) return stop();
          for (let next = await first; !next.done; next = await live.next()) await deliver(next.value);
        } catch (error) {
          stop(error);
        }
      });
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
