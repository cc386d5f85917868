import { builder } from '../builder.js';
import { asCaller } from '../context.js';
import { requireSchemaRole } from '../access.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { deleteMember, insertMember, membersOfSchemas, updateMemberRole, userIdByEmail, type MemberRecord } from '../repos/members.js';
import { isUuid, SchemaRef } from './schema.js';
import { UserRef } from './user.js';

const MemberRoleEnum = builder.enumType('MemberRole', { values: ['VIEWER', 'EDITOR'] as const });

const MemberRef = builder.objectRef<MemberRecord>('Member').implement({
  description: 'Someone a schema is shared with.',
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (member) => member.memberId }),
    role: t.field({ type: MemberRoleEnum, resolve: (member) => member.role }),
    addedAt: t.expose('addedAt', { type: 'DateTime' }),
    schema: t.field({ type: SchemaRef, resolve: (member) => member.schemaId }),
  }),
});

builder.objectField(SchemaRef, 'members', (t) =>
  t.loadableGroup({
    type: MemberRef,
    load: (schemaIds: string[], ctx) => asCaller(ctx, (tx) => membersOfSchemas(tx, schemaIds)),
    group: (member) => member.schemaId,
    resolve: (schema) => schema.id,
  }),
);

const MemberPayload = builder.objectRef<{ member: MemberRecord }>('MemberPayload').implement({
  fields: (t) => ({ member: t.field({ type: MemberRef, resolve: (payload) => payload.member }) }),
});
const RemoveMemberPayload = builder.objectRef<{ schemaId: string; memberId: string }>('RemoveMemberPayload').implement({
  fields: (t) => ({ schemaId: t.exposeID('schemaId'), memberId: t.exposeID('memberId') }),
});

const notFound = (what: string, id: string) => new NotFoundError(what, id);
const errors = { types: [NotFoundError, ForbiddenError, ConflictError, ValidationError] };

builder.mutationFields((t) => ({
  addMember: t.field({
    type: MemberPayload,
    errors,
    args: { schemaId: t.arg.id({ required: true }), email: t.arg.string({ required: true }), role: t.arg({ type: MemberRoleEnum, required: true }) },
    resolve: (_root, { schemaId, email, role }, ctx) =>
      asCaller(ctx, async (tx, claims) => {
        if (!isUuid(schemaId)) throw notFound('schema', schemaId);
        await requireSchemaRole(tx, claims.sub, schemaId, 'OWNER', 'share');
        const memberId = await userIdByEmail(tx, email.trim());
        if (!memberId) throw ValidationError.at('email', `no user is registered as ${email.trim()}`);
        if (memberId === claims.sub) throw ValidationError.at('email', 'you own this schema already');
        const member = await insertMember(tx, schemaId, memberId, role);
        if (!member) throw new ConflictError(`${email.trim()} is already a member of this schema`);
        return { member };
      }),
  }),
  updateMemberRole: t.field({
    type: MemberPayload,
    errors,
    args: { schemaId: t.arg.id({ required: true }), userId: t.arg.id({ required: true }), role: t.arg({ type: MemberRoleEnum, required: true }) },
    resolve: (_root, { schemaId, userId, role }, ctx) =>
      asCaller(ctx, async (tx, claims) => {
        if (!isUuid(schemaId) || !isUuid(userId)) throw notFound('member', userId);
        await requireSchemaRole(tx, claims.sub, schemaId, 'OWNER', 'change members of');
        const member = await updateMemberRole(tx, schemaId, userId, role);
        if (!member) throw notFound('member', userId);
        return { member };
      }),
  }),
  removeMember: t.field({
    type: RemoveMemberPayload,
    errors,
    args: { schemaId: t.arg.id({ required: true }), userId: t.arg.id({ required: true }) },
    resolve: (_root, { schemaId, userId }, ctx) =>
      asCaller(ctx, async (tx, claims) => {
        if (!isUuid(schemaId) || !isUuid(userId)) throw notFound('member', userId);
        await requireSchemaRole(tx, claims.sub, schemaId, 'OWNER', 'remove members of');
        if (!(await deleteMember(tx, schemaId, userId))) throw notFound('member', userId);
        return { schemaId, memberId: userId };
      }),
  }),
}));
