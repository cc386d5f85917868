import { type PreviewTable } from '../../engine/index.js';
import { previewCost } from '../../engine/output-bounds.js';
import type { Report } from '../../report/index.js';
import { PreviewLimitError } from '../../server/preview-pool.js';
import { builder } from '../builder.js';
import { requireClaims } from '../context.js';
import { checkDefinition } from '../definitions.js';
import { LimitError, ValidationError } from '../errors.js';
import { operationPreviewChars } from '../preview-budget.js';
import { ExportReportRef } from './export-report.js';

const PreviewTableRef = builder.objectRef<PreviewTable>('PreviewTable').implement({
  fields: (t) => ({
    table: t.exposeString('table'),
    columns: t.exposeStringList('columns'),
    rows: t.field({ type: 'JSON', description: 'Positional rows: rows[i][j] is the value of columns[j].', resolve: (preview) => preview.rows }),
  }),
});

const PreviewPayload = builder.objectRef<{ tables: PreviewTable[]; report: Report }>('PreviewPayload').implement({
  fields: (t) => ({
    tables: t.field({ type: [PreviewTableRef], resolve: (payload) => payload.tables }),
    report: t.field({
      type: ExportReportRef,
      description: "The realism report of the preview's rows: what an export's report says, for its first rows.",
      resolve: (payload) => payload.report,
    }),
  }),
});

const count = (n: number) => n.toLocaleString('en-US');

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
    resolve: async (_root, args, ctx, info) => {
      const claims = requireClaims(ctx);
      const { limits } = ctx;
      const rows = args.rows ?? 10;
      if (rows < 1) throw ValidationError.at('rows', `must be at least 1 (got ${rows})`);
      if (rows > limits.maxPreviewRows) {
        throw new LimitError(`rows: at most ${limits.maxPreviewRows} preview rows (got ${rows})`, limits.maxPreviewRows, rows);
      }
      const definition = checkDefinition(args.definition);
      const requested = operationPreviewChars(info, limits);
      if (requested > limits.maxPreviewChars) {
        throw new LimitError(
          `the previews of this request could produce up to ${count(requested)} characters of rows; at most ${count(limits.maxPreviewChars)} are allowed per request (ask for fewer rows, fewer or smaller fields, or fewer previews at once)`,
          limits.maxPreviewChars,
          requested,
        );
      }
      const { layoutParents } = previewCost(definition, rows);
      if (layoutParents > limits.maxPreviewLayoutRows) {
        throw new LimitError(
          `children per parent would lay out ${count(layoutParents)} parent rows for this preview; at most ${count(limits.maxPreviewLayoutRows)} (give the parent tables fewer rows to preview)`,
          limits.maxPreviewLayoutRows,
          layoutParents,
        );
      }
      let reply;
      try {
        reply = await ctx.previews.run({ definition, seed: args.seed ?? undefined, rows }, claims.sub);
      } catch (error) {
        if (error instanceof PreviewLimitError) throw new LimitError(error.message, error.limit);
        throw error;
      }
      if ('issues' in reply) throw new ValidationError(reply.issues.map((issue) => ({ path: issue.path, message: issue.message })));
      if ('generationError' in reply) throw ValidationError.at('definition', `cannot be generated: ${reply.generationError}`);
      return { tables: reply.tables, report: reply.report };
    },
  }),
);
