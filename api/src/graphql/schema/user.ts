import { builder } from '../builder.js';
import { usersByIds, type UserRecord } from '../repos/users.js';

export const UserRef = builder.loadableObject('User', {
  description: 'A person: you, a schema owner or a member of a schema you can see.',
  load: (ids: string[], ctx) => usersByIds(ctx.db, ids),
  sort: (user) => user.id,
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.string({ nullable: true, resolve: (user: UserRecord) => user.email }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: UserRef,
    nullable: true,
    description: 'The signed-in user; null without a valid access token.',
    resolve: (_root, _args, ctx) => (ctx.claims ? { id: ctx.claims.sub, email: typeof ctx.claims.email === 'string' ? ctx.claims.email : null } : null),
  }),
);
