// Mutations of exports. Workers pick `pending` rows up; here we only queue, cancel and tidy.
import type { JobPayload } from '../../exports/model.js';
import { insertEvent } from '../../exports/store.js';
import { randomBytes } from 'node:crypto';
import type { Tx } from '../../db/port.js';
import { folderOf } from '../../jobs/export-paths.js';
import { tableRowsOf, type TableRows } from '../../exports/table-rows.js';
import { builder } from '../builder.js';
import { asCaller, type GraphQLContext } from '../context.js';
import { checkDefinition, checkExportSize } from '../definitions.js';
import { ConflictError, ForbiddenError, LimitError, NotFoundError, ValidationError } from '../errors.js';
import * as exports from '../repos/exports.js';
import { findSchema } from '../repos/schemas.js';
import { ExportFormatEnum, ExportRef } from './export.js';
import { isUuid } from './schema.js';

const ExportPayload = builder.objectRef<{ export: exports.ExportRecord }>('ExportPayload').implement({
  fields: (t) => ({ export: t.field({ type: ExportRef, resolve: (payload) => payload.export }) }),
});
const DeleteExportPayload = builder.objectRef<{ deletedId: string }>('DeleteExportPayload').implement({
  fields: (t) => ({ deletedId: t.exposeID('deletedId') }),
});
const TableRowsInput = builder.inputType('TableRows', {
  description: 'The rows of one table of an export.',
  fields: (t) => ({ table: t.string({ required: true }), rows: t.int({ required: true }) }),
});
const errors = { types: [NotFoundError, ForbiddenError, ConflictError, ValidationError, LimitError] };

async function ownExport(tx: Tx, userId: string, id: string, action: string) {
  const found = isUuid(id) ? await exports.findExport(tx, id) : undefined;
  if (!found) throw new NotFoundError('export', id);
  if (found.ownerId !== userId) throw new ForbiddenError(`only the person who started export ${id} may ${action} it`);
  return found;
}

/** Inserts the export as the caller, then its first event as service role (the feed tells subscribers). */
async function queue(ctx: GraphQLContext, payload: JobPayload, schemaId: string | null) {
  const created = await asCaller(ctx, async (tx, claims) => {
    const active = await exports.countActiveExports(tx, claims.sub);
    if (active >= ctx.limits.maxRunningExports) {
      throw new LimitError(
        `you have ${active} exports queued or running; the limit is ${ctx.limits.maxRunningExports}`,
        ctx.limits.maxRunningExports,
        active + 1,
      );
    }
    return exports.insertExport(tx, { schemaId, ownerId: claims.sub, payload, retentionDays: ctx.limits.exportRetentionDays });
  });
  await ctx.db.asService((tx) => insertEvent(tx, created.id, 'PENDING', 'queued', { rowCount: payload.rowCount }));
  return { export: created };
}

builder.mutationFields((t) => ({
  startExport: t.field({
    type: ExportPayload,
    errors,
    args: {
      schemaId: t.arg.id({ description: 'Export a saved schema…' }),
      definition: t.arg({ type: 'JSON', description: '…or an unsaved definition (exactly one of the two).' }),
      format: t.arg({ type: ExportFormatEnum, required: true }),
      rowCount: t.arg.int({ required: true }),
      tableRows: t.arg({
        type: [TableRowsInput],
        description:
          'Rows of named tables instead of rowCount (tables not named get rowCount; a table with children per parent takes its rows from its parent).',
      }),
      seed: t.arg.string({ description: 'Same seed, same rows. Defaults to the schema seed, else a random one.' }),
      options: t.arg({ type: 'JSON', description: 'Format options (delimiter, header, dialect...).' }),
    },
    resolve: async (_root, args, ctx) => {
      if ((args.schemaId == null) === (args.definition == null)) throw ValidationError.at('schemaId', 'give exactly one of schemaId and definition');
      if (args.rowCount < 1) throw ValidationError.at('rowCount', `must be at least 1 (got ${args.rowCount})`);
      if (args.rowCount > ctx.limits.maxExportRows) {
        throw new LimitError(`rowCount: at most ${ctx.limits.maxExportRows} rows per export (got ${args.rowCount})`, ctx.limits.maxExportRows, args.rowCount);
      }
      if (args.options != null && (typeof args.options !== 'object' || Array.isArray(args.options))) throw ValidationError.at('options', 'must be an object');
      let definition = args.definition;
      let seed = args.seed ?? null;
      if (args.schemaId != null) {
        const schemaId = args.schemaId;
        const schema = isUuid(schemaId) ? await asCaller(ctx, (tx, claims) => findSchema(tx, claims.sub, schemaId)) : undefined;
        if (!schema) throw new NotFoundError('schema', schemaId);
        definition = schema.definition;
        seed ??= schema.seed;
      }
      const checked = checkDefinition(definition);
      let tableRows: TableRows | undefined;
      if (args.tableRows != null) {
        const named = tableRowsOf(checked, args.tableRows, ctx.limits.maxExportRows);
        if (!named.ok) throw new ValidationError(named.problems);
        tableRows = named.tableRows;
      }
      const rowsTotal = checkExportSize(checked, args.rowCount, ctx.limits.maxExportRows, tableRows);
      const payload = {
        definition,
        format: args.format,
        options: (args.options ?? {}) as Record<string, unknown>,
        seed: seed ?? randomBytes(6).toString('hex'),
        rowCount: args.rowCount,
        ...(tableRows ? { tableRows } : {}),
        rowsTotal,
      };
      return queue(ctx, payload, args.schemaId ?? null);
    },
  }),
  cancelExport: t.field({
    type: ExportPayload,
    errors,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      // the database's cancel function writes the `cancelled` event; the feed tells subscribers
      const cancelled = await asCaller(ctx, async (tx, claims) => {
        const found = await ownExport(tx, claims.sub, id, 'cancel');
        if (exports.TERMINAL_STATUSES.includes(found.status)) throw new ConflictError(`export ${id} has already ${found.status.toLowerCase()}`);
        await exports.cancelExport(tx, id);
        return (await exports.findExport(tx, id))!;
      });
      return { export: cancelled };
    },
  }),
  retryExport: t.field({
    type: ExportPayload,
    errors,
    description: 'Queues a new export with the same definition, format, options and seed.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const previous = await asCaller(ctx, async (tx, claims) => {
        const found = await ownExport(tx, claims.sub, id, 'retry');
        // running it again needs the schema: someone removed from it keeps the export, not the right to re-run it
        if (found.schemaId && !(await findSchema(tx, claims.sub, found.schemaId))) throw new NotFoundError('schema', found.schemaId);
        return found;
      });
      if (!exports.TERMINAL_STATUSES.includes(previous.status)) throw new ConflictError(`export ${id} is still ${previous.status.toLowerCase()}`);
      return queue(ctx, previous.payload, previous.schemaId);
    },
  }),
  deleteExport: t.field({
    type: DeleteExportPayload,
    errors,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const ownerId = await asCaller(ctx, async (tx, claims) => {
        const found = await ownExport(tx, claims.sub, id, 'delete');
        if (!exports.TERMINAL_STATUSES.includes(found.status)) throw new ConflictError(`export ${id} is ${found.status.toLowerCase()}: cancel it first`);
        return found.ownerId;
      });
      // RLS gives users no delete on exports; the owner check above is the guard
      if (!(await ctx.db.asService((tx) => exports.deleteExport(tx, id)))) throw new NotFoundError('export', id);
      // the row went first, so every link died with it; a file left by a failed remove is the sweeper's
      await ctx.storage
        ?.remove(folderOf(ownerId, id))
        .catch((error: unknown) => console.error(`tdg: files of deleted export ${id} stay until the next sweep`, error));
      // no event row marks a deletion, so tell the owner's myExports directly
      ctx.pubsub.publish('exportChanged', ownerId, { exportId: id });
      return { deletedId: id };
    },
  }),
}));
