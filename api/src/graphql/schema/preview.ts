import { previewRows, type PreviewTable } from '../../engine/index.js';
import { builder } from '../builder.js';
import { requireClaims } from '../context.js';
import { checkDefinition } from '../definitions.js';
import { LimitError, ValidationError } from '../errors.js';

const PreviewTableRef = builder.objectRef<PreviewTable>('PreviewTable').implement({
  fields: (t) => ({
    table: t.exposeString('table'),
    columns: t.exposeStringList('columns'),
    rows: t.field({ type: 'JSON', description: 'Positional rows: rows[i][j] is the value of columns[j].', resolve: (preview) => preview.rows }),
  }),
});

const PreviewPayload = builder.objectRef<{ tables: PreviewTable[] }>('PreviewPayload').implement({
  fields: (t) => ({ tables: t.field({ type: [PreviewTableRef], resolve: (payload) => payload.tables }) }),
});

builder.queryField('previewRows', (t) =>
  t.field({
    type: PreviewPayload,
    errors: { types: [ValidationError, LimitError] },
    description: 'The first rows of every table, generated from an unsaved definition; nothing is stored.',
    args: {
      definition: t.arg({ type: 'JSON', required: true }),
      seed: t.arg.string({ description: "Defaults to the definition's seed." }),
      rows: t.arg.int({ defaultValue: 10 }),
    },
    resolve: (_root, args, ctx) => {
      requireClaims(ctx);
      const rows = args.rows ?? 10;
      if (rows < 1) throw ValidationError.at('rows', `must be at least 1 (got ${rows})`);
      if (rows > ctx.limits.maxPreviewRows) {
        throw new LimitError(`rows: at most ${ctx.limits.maxPreviewRows} preview rows (got ${rows})`, ctx.limits.maxPreviewRows, rows);
      }
      const definition = checkDefinition(args.definition);
      return { tables: previewRows(definition, args.seed ?? undefined, rows) };
    },
  }),
);
