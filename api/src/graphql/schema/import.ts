import { createGraphQLError } from 'graphql-yoga';
import type { ColumnChoice, ImportNote } from '../../import/index.js';
import { PreviewLimitError } from '../../server/preview-pool.js';
import { builder } from '../builder.js';
import { requireClaims } from '../context.js';
import { ValidationError } from '../errors.js';

const ImportNoteRef = builder.objectRef<ImportNote>('ImportNote').implement({
  description: 'Something the importer skipped or guessed, at its place in the SQL.',
  fields: (t) => ({
    line: t.exposeInt('line'),
    column: t.exposeInt('column'),
    message: t.exposeString('message'),
  }),
});

const ImportColumnRef = builder.objectRef<ColumnChoice>('ImportColumn').implement({
  description: 'What the importer chose for one column, and why (a name pattern, a CHECK, a foreign key, a rule).',
  fields: (t) => ({
    table: t.exposeString('table'),
    column: t.exposeString('column'),
    generator: t.exposeString('type', { description: 'The field type of the definition.' }),
    options: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.options ?? null }),
    reason: t.exposeString('reason'),
    pattern: t.exposeString('pattern', { nullable: true, description: 'The id of the column pattern that matched, when one did.' }),
  }),
});

const ImportSchemaPayload = builder.objectRef<{ definition: unknown; notes: ImportNote[]; columns: ColumnChoice[] }>('ImportSchemaPayload').implement({
  fields: (t) => ({
    definition: t.field({ type: 'JSON', description: 'A complete definition, ready for createSchema.', resolve: (p) => p.definition }),
    notes: t.field({ type: [ImportNoteRef], resolve: (p) => p.notes }),
    columns: t.field({ type: [ImportColumnRef], description: 'Column → generator → reason, in definition order.', resolve: (p) => p.columns }),
  }),
});

builder.mutationField('importSchema', (t) =>
  t.field({
    type: ImportSchemaPayload,
    errors: { types: [ValidationError] },
    description: 'PostgreSQL DDL in, a definition out (nothing is stored). Problems come back as a ValidationError whose paths are `line L, column C`.',
    args: { sql: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const claims = requireClaims(ctx);
      // parsing user SQL and sampling generators runs in a generation thread, under its limits
      let reply;
      try {
        reply = await ctx.previews.runImport(args.sql, claims.sub);
      } catch (error) {
        if (error instanceof PreviewLimitError) {
          throw createGraphQLError(error.message, { extensions: { code: 'LIMIT_EXCEEDED', reason: error.reason, limit: error.limit } });
        }
        throw error;
      }
      if ('importProblems' in reply) {
        throw new ValidationError(reply.importProblems.map((p) => ({ path: `line ${p.line}, column ${p.column}`, message: p.message })));
      }
      return reply.imported;
    },
  }),
);
