import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { parseDefinition } from '../../engine/index.js';
import { EXPORT_FORMATS } from '../../formats/index.js';
import { builder } from '../builder.js';
import { asCaller, requireClaims, type GraphQLContext } from '../context.js';
import { rowsOverAllTables } from '../definitions.js';
import { maskServerPathsDeep } from '../expected-errors.js';
import { exportsByIds, exportsOfSchemas, listExports, type ExportFormatName, type ExportRecord } from '../repos/exports.js';
import { isUuid, SchemaRef } from './schema.js';
import { UserRef } from './user.js';

export const ExportFormatEnum = builder.enumType('ExportFormat', { values: EXPORT_FORMATS.map((f) => f.toUpperCase() as ExportFormatName) });
export const ExportStatusEnum = builder.enumType('ExportStatus', {
  values: ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const,
});

const DOWNLOAD_LINK_MS = 3_600_000;

async function downloadUrlOf(e: ExportRecord, ctx: GraphQLContext): Promise<string | null> {
  if (e.status !== 'SUCCEEDED' || !e.resultPath || !ctx.downloadLinks) return null;
  const hourFromNow = new Date(Date.now() + DOWNLOAD_LINK_MS);
  const expiresAt = e.expiresAt && e.expiresAt < hourFromNow ? e.expiresAt : hourFromNow;
  // the link names the export and the caller, and is checked against both when used (docs/access.md)
  const claims = requireClaims(ctx);
  const sessionId = typeof claims.session_id === 'string' ? claims.session_id : undefined;
  return `${ctx.baseUrl()}${ctx.downloadLinks.pathFor(e.id, claims.sub, expiresAt, sessionId)}`;
}

// rows of all tables together: rowCount is per table, and children per parent multiply some tables
const rowsTotalOf = (e: ExportRecord): number => e.payload?.rowsTotal ?? legacyRowsTotalOf(e);

// payloads from before startExport stored the total: from the definition the export runs (cached:
// an export's payload never changes)
const totals = new Map<string, number>();
function legacyRowsTotalOf(e: ExportRecord): number {
  let total = totals.get(e.id);
  if (total === undefined) {
    try {
      total = rowsOverAllTables(parseDefinition(e.payload?.definition), e.rowCount);
    } catch {
      total = e.rowCount; // a definition that no longer compiles: the export fails and says why
    }
    totals.set(e.id, total);
    if (totals.size > 1000) totals.delete(totals.keys().next().value!);
  }
  return total;
}

const ExportProgressRef = builder.objectRef<ExportRecord>('ExportProgress').implement({
  fields: (t) => ({
    rowsDone: t.exposeFloat('rowsDone', { description: 'Rows written so far, all tables together.' }),
    rowCount: t.exposeFloat('rowCount', { description: 'Rows asked for each table.' }),
    rowsTotal: t.float({ description: 'Rows the export writes, all tables together.', resolve: rowsTotalOf }),
    fraction: t.float({
      description: 'rowsDone / rowsTotal, 0..1',
      resolve: (e) => {
        const total = rowsTotalOf(e);
        return total > 0 ? Math.min(1, e.rowsDone / total) : 0;
      },
    }),
  }),
});

export const ExportRef = builder.loadableObject('Export', {
  description: 'One run of generating rows into a file.',
  load: (ids: string[], ctx) => asCaller(ctx, (tx) => exportsByIds(tx, ids)),
  sort: (e) => e.id,
  fields: (t) => ({
    id: t.exposeID('id'),
    schema: t.field({ type: SchemaRef, nullable: true, resolve: (e) => e.schemaId }),
    owner: t.field({ type: UserRef, resolve: (e) => e.ownerId }),
    format: t.field({ type: ExportFormatEnum, resolve: (e) => e.format }),
    status: t.field({ type: ExportStatusEnum, resolve: (e) => e.status }),
    rowCount: t.exposeFloat('rowCount'),
    seed: t.exposeString('seed'),
    options: t.field({ type: 'JSON', resolve: (e) => e.payload?.options ?? {} }),
    attempt: t.exposeInt('attempt', { description: 'How many times a worker has picked this export up.' }),
    error: t.field({ type: 'JSON', nullable: true, resolve: (e) => maskServerPathsDeep(e.errorDetails ?? null) }),
    canManage: t.boolean({
      description: 'You started this export: you may cancel, retry and delete it and follow its event log. Others who see it (docs/access.md) only read it.',
      resolve: (e, _args, ctx) => e.ownerId === requireClaims(ctx).sub,
    }),
    progress: t.field({ type: ExportProgressRef, resolve: (e) => e }),
    downloadUrl: t.string({
      nullable: true,
      description:
        'A link to the file for you (valid for an hour, never past expiresAt, and only while you may read this export); null until the export succeeded.',
      resolve: (e, _args, ctx) => downloadUrlOf(e, ctx),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.objectField(SchemaRef, 'exports', (t) =>
  t.loadableGroup({
    type: ExportRef,
    description: 'The latest 20 exports of this schema that you can see.',
    load: (schemaIds: string[], ctx) => asCaller(ctx, (tx) => exportsOfSchemas(tx, schemaIds, 20)),
    group: (e) => (e as ExportRecord).schemaId!,
    resolve: (schema) => schema.id,
  }),
);

builder.queryField('export', (t) =>
  t.field({
    type: ExportRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => (isUuid(id) ? ((await asCaller(ctx, (tx) => exportsByIds(tx, [id])))[0] ?? null) : null),
  }),
);

builder.queryField('exports', (t) =>
  t.connection({
    type: ExportRef,
    args: { status: t.arg({ type: ExportStatusEnum }), schemaId: t.arg.id() },
    resolve: (_root, args, ctx) =>
      resolveCursorConnection({ args, toCursor: (e: ExportRecord & { cursor: string }) => e.cursor }, (page: ResolveCursorConnectionArgs) =>
        args.schemaId && !isUuid(args.schemaId)
          ? Promise.resolve([])
          : asCaller(ctx, (tx) => listExports(tx, { status: args.status, schemaId: args.schemaId }, page)),
      ),
  }),
);
