// Accepting or rejecting what the assistant proposed: the only way its changes reach a schema.
import { TASKS } from '../../assist/tasks.js';
import { decideChange, findChange, type ChangeRecord } from '../../assist/store.js';
import { parseDefinition } from '../../engine/index.js';
import { builder } from '../builder.js';
import { requireSchemaRole } from '../access.js';
import { asCaller } from '../context.js';
import { checkDefinition } from '../definitions.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { updateSchema, type SchemaRecord } from '../repos/schemas.js';
import { AssistChangeRef } from './assist.js';
import { isUuid, SchemaRef } from './schema.js';

const AssistChangePayload = builder.objectRef<{ change: ChangeRecord; schema: SchemaRecord }>('AssistChangePayload').implement({
  fields: (t) => ({
    change: t.field({ type: AssistChangeRef, resolve: (payload) => payload.change }),
    schema: t.field({ type: SchemaRef, resolve: (payload) => payload.schema }),
  }),
});

const errors = { types: [NotFoundError, ForbiddenError, ConflictError, ValidationError] };

function changeId(id: string): string {
  if (!isUuid(id)) throw new NotFoundError('assist change', id);
  return id;
}

/**
 * The definition the change makes of the schema as it is now: a change proposed on an older version
 * is applied again to the current definition (edits since stay); a whole definition replaces it.
 */
function definitionNow(change: ChangeRecord, schema: SchemaRecord): unknown {
  if (change.baseVersion === schema.version || change.task === 'describe') return change.definition;
  let current;
  try {
    current = parseDefinition(schema.definition);
  } catch {
    throw ValidationError.at('definition', 'the schema changed since the proposal and its definition is not valid now');
  }
  const applied = TASKS[change.task].apply(current, change.answer);
  if ('problems' in applied) throw new ValidationError(applied.problems.map((p) => ({ path: `answer.${p.path}`, message: p.message })));
  return applied.definition;
}

builder.mutationFields((t) => ({
  applyAssistChange: t.field({
    type: AssistChangePayload,
    errors,
    description: "Accept a proposed change: the schema's definition becomes the change's, if the schema is still at expectedVersion.",
    args: { changeId: t.arg.id({ required: true }), expectedVersion: t.arg.int({ required: true }) },
    resolve: (_root, args, ctx) =>
      asCaller(ctx, async (tx, claims) => {
        const id = changeId(String(args.changeId));
        const change = await findChange(tx, id);
        if (!change) throw new NotFoundError('assist change', id);
        const schema = await requireSchemaRole(tx, claims.sub, change.schemaId, 'EDITOR', 'apply assistant changes to');
        if (change.status !== 'proposed') throw new ConflictError(`assist change ${id} was already ${change.status}`, schema.version);
        if (schema.version !== args.expectedVersion) {
          throw new ConflictError(`schema ${schema.id} was changed by someone else: version ${schema.version}, not ${args.expectedVersion}`, schema.version);
        }
        const definition = checkDefinition(definitionNow(change, schema));
        const updated = await updateSchema(tx, claims.sub, schema.id, args.expectedVersion, { definition });
        if (!updated) throw new ConflictError(`schema ${schema.id} was changed by someone else`, schema.version);
        const decided = await decideChange(tx, id, claims.sub, 'applied');
        if (!decided) throw new ConflictError(`assist change ${id} was decided by someone else`, updated.version);
        return { change: decided, schema: updated };
      }),
  }),
  rejectAssistChange: t.field({
    type: AssistChangePayload,
    errors,
    description: 'Reject a proposed change; the schema stays as it is.',
    args: { changeId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      asCaller(ctx, async (tx, claims) => {
        const id = changeId(String(args.changeId));
        const change = await findChange(tx, id);
        if (!change) throw new NotFoundError('assist change', id);
        const schema = await requireSchemaRole(tx, claims.sub, change.schemaId, 'EDITOR', 'reject assistant changes of');
        const decided = await decideChange(tx, id, claims.sub, 'rejected');
        if (!decided) throw new ConflictError(`assist change ${id} was already ${change.status}`, schema.version);
        return { change: decided, schema };
      }),
  }),
}));
