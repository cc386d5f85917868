import { importSql, ImportError, type ImportNote } from '../../import/index.js';
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

const ImportSchemaPayload = builder.objectRef<{ definition: unknown; notes: ImportNote[] }>('ImportSchemaPayload').implement({
  fields: (t) => ({
    definition: t.field({ type: 'JSON', description: 'A complete definition, ready for createSchema.', resolve: (p) => p.definition }),
    notes: t.field({ type: [ImportNoteRef], resolve: (p) => p.notes }),
  }),
});

builder.mutationField('importSchema', (t) =>
  t.field({
    type: ImportSchemaPayload,
    errors: { types: [ValidationError] },
    description:
      'PostgreSQL DDL in, a definition out (nothing is stored). Problems come back as a ValidationError whose paths are `line L, column C`.',
    args: { sql: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => {
      requireClaims(ctx);
      try {
        return importSql(args.sql);
      } catch (error) {
        if (error instanceof ImportError) {
          throw new ValidationError(error.problems.map((p) => ({ path: `line ${p.line}, column ${p.column}`, message: p.message })));
        }
        throw error;
      }
    },
  }),
);
