import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import { asCaller } from '../context.js';
import { listSchemas, schemasByIds, type SchemaRecord } from '../repos/schemas.js';
import { UserRef } from './user.js';

export const SchemaAccessEnum = builder.enumType('SchemaAccess', { values: ['OWNER', 'EDITOR', 'VIEWER'] as const });
const OwnershipEnum = builder.enumType('Ownership', {
  values: { MINE: { description: 'Schemas you own' }, SHARED: { description: 'Schemas others share with you' }, ALL: {} },
});

export const SchemaRef = builder.loadableObject('Schema', {
  description: 'A saved generator definition: tables, fields, options and relationships.',
  load: (ids: string[], ctx) => asCaller(ctx, (tx, claims) => schemasByIds(tx, claims.sub, ids)),
  sort: (schema) => schema.id,
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    definition: t.field({ type: 'JSON', resolve: (schema) => schema.definition }),
    engine: t.exposeString('engine', { nullable: true }),
    seed: t.exposeString('seed', { nullable: true }),
    isShared: t.exposeBoolean('isShared'),
    version: t.exposeInt('version', { description: 'Increases with every update; pass it back as expectedVersion.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    owner: t.field({ type: UserRef, resolve: (schema) => schema.ownerId }),
    myRole: t.field({ type: SchemaAccessEnum, resolve: (schema) => schema.myRole }),
    canEdit: t.boolean({ resolve: (schema) => schema.myRole !== 'VIEWER' }),
  }),
});

builder.queryField('schema', (t) =>
  t.field({
    type: SchemaRef,
    nullable: true,
    description: 'A schema you own or that is shared with you; null otherwise.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => (isUuid(id) ? ((await asCaller(ctx, (tx, claims) => schemasByIds(tx, claims.sub, [id])))[0] ?? null) : null),
  }),
);

builder.queryField('schemas', (t) =>
  t.connection({
    type: SchemaRef,
    args: {
      search: t.arg.string({ description: 'Matches name, description and field names.' }),
      ownership: t.arg({ type: OwnershipEnum, defaultValue: 'ALL' }),
    },
    resolve: (_root, args, ctx) =>
      resolveCursorConnection({ args, toCursor: (schema: SchemaRecord) => schema.cursor }, (page: ResolveCursorConnectionArgs) =>
        asCaller(ctx, (tx, claims) => listSchemas(tx, claims.sub, { ownership: args.ownership ?? 'ALL', search: args.search }, page)),
      ),
  }),
);

export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
