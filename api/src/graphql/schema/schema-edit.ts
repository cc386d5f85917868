// Mutations of schemas: create, update (optimistic, by version), delete, duplicate, share.
import { withReferenceDate } from '../../engine/index.js';
import { builder } from '../builder.js';
import { asCaller } from '../context.js';
import { requireSchemaRole } from '../access.js';
import { checkDefinition } from '../definitions.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { deleteSchema, findSchema, insertSchema, setSchemaShared, updateSchema, type SchemaRecord } from '../repos/schemas.js';
import { isUuid, SchemaRef } from './schema.js';

const SchemaPayload = builder.objectRef<{ schema: SchemaRecord }>('SchemaPayload').implement({
  fields: (t) => ({ schema: t.field({ type: SchemaRef, resolve: (payload) => payload.schema }) }),
});
const DeleteSchemaPayload = builder.objectRef<{ deletedId: string }>('DeleteSchemaPayload').implement({
  fields: (t) => ({ deletedId: t.exposeID('deletedId') }),
});

const SchemaPatchInput = builder.inputType('SchemaPatch', {
  fields: (t) => ({
    name: t.string(),
    description: t.string(),
    definition: t.field({ type: 'JSON' }),
    seed: t.string(),
  }),
});

const errors = { types: [NotFoundError, ForbiddenError, ConflictError, ValidationError] };

function checkName(name: string | null | undefined, path = 'name'): string {
  const trimmed = name?.trim() ?? '';
  if (!trimmed) throw ValidationError.at(path, 'must not be empty');
  if (trimmed.length > 200) throw ValidationError.at(path, `must be at most 200 characters (got ${trimmed.length})`);
  return trimmed;
}

function schemaId(id: string): string {
  if (!isUuid(id)) throw new NotFoundError('schema', id);
  return id;
}

builder.mutationFields((t) => ({
  createSchema: t.field({
    type: SchemaPayload,
    errors,
    args: {
      name: t.arg.string({ required: true }),
      description: t.arg.string(),
      definition: t.arg({ type: 'JSON', required: true }),
      seed: t.arg.string(),
    },
    resolve: (_root, args, ctx) => {
      const name = checkName(args.name);
      checkDefinition(args.definition);
      // relative dates count back from the moment the schema is made (editable in the definition)
      const definition = withReferenceDate(args.definition, new Date());
      return asCaller(ctx, async (tx, claims) => ({
        schema: await insertSchema(tx, claims.sub, { ...args, name, definition }),
      }));
    },
  }),
  updateSchema: t.field({
    type: SchemaPayload,
    errors,
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
      patch: t.arg({ type: SchemaPatchInput, required: true }),
    },
    resolve: (_root, { id, expectedVersion, patch }, ctx) => {
      if (patch.name != null) checkName(patch.name, 'patch.name');
      if (patch.definition != null) checkDefinition(patch.definition);
      return asCaller(ctx, async (tx, claims) => {
        const updated = await updateSchema(tx, claims.sub, schemaId(id), expectedVersion, { ...patch, name: patch.name?.trim() });
        if (updated) return { schema: updated };
        const current = await requireSchemaRole(tx, claims.sub, id, 'EDITOR', 'edit');
        throw new ConflictError(`schema ${id} was changed by someone else: version ${current.version}, not ${expectedVersion}`, current.version);
      });
    },
  }),
  deleteSchema: t.field({
    type: DeleteSchemaPayload,
    errors,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) =>
      asCaller(ctx, async (tx, claims) => {
        await requireSchemaRole(tx, claims.sub, schemaId(id), 'OWNER', 'delete');
        if (!(await deleteSchema(tx, id))) throw new NotFoundError('schema', id);
        return { deletedId: id };
      }),
  }),
  duplicateSchema: t.field({
    type: SchemaPayload,
    errors,
    args: { id: t.arg.id({ required: true }), name: t.arg.string() },
    resolve: (_root, { id, name }, ctx) =>
      asCaller(ctx, async (tx, claims) => {
        const source = await findSchema(tx, claims.sub, schemaId(id));
        if (!source) throw new NotFoundError('schema', id);
        const copy = { ...source, name: name == null ? `${source.name} (copy)` : checkName(name) };
        return { schema: await insertSchema(tx, claims.sub, copy) };
      }),
  }),
  setSchemaShared: t.field({
    type: SchemaPayload,
    errors,
    args: { id: t.arg.id({ required: true }), shared: t.arg.boolean({ required: true }) },
    resolve: (_root, { id, shared }, ctx) =>
      asCaller(ctx, async (tx, claims) => {
        await requireSchemaRole(tx, claims.sub, schemaId(id), 'OWNER', 'share');
        const schema = await setSchemaShared(tx, claims.sub, id, shared);
        if (!schema) throw new NotFoundError('schema', id);
        return { schema };
      }),
  }),
}));
