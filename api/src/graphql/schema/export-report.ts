// Export.report: what an export's rows look like and which of its definition's rules they keep
// (api/src/report). Tables → columns → statistics; rules → rows checked and violations. The
// preview's report (PreviewPayload.report) is of the same type.
import type { ColumnReport, Report, RuleReport, TableReport } from '../../report/index.js';
import { builder } from '../builder.js';
import { ExportRef } from './export.js';

const RuleKindEnum = builder.enumType('ReportRuleKind', {
  values: ['UNIQUE', 'FOREIGN_KEY', 'INEQUALITY', 'CHILD_AFTER_PARENT', 'SCOPE', 'EXACTLY_ONE', 'PROFILE', 'CHECK'] as const,
});

const kindName = (kind: RuleReport['kind']) => kind.toUpperCase().replace(/-/g, '_') as typeof RuleKindEnum.$inferType;

/** Numbers as their text, dates as ISO text: a column's kind says which. */
const valueText = (v: number | string | null) => (v === null ? null : String(v));

const ValueShareRef = builder.objectRef<ColumnReport['topValues'][number]>('ReportValueShare').implement({
  fields: (t) => ({
    value: t.exposeString('value'),
    count: t.exposeFloat('count'),
    share: t.exposeFloat('share', { description: 'Of the non-null values, 0..1.' }),
  }),
});

const BucketRef = builder.objectRef<ColumnReport['histogram'][number]>('ReportBucket').implement({
  description: 'Values in [from, to): numbers as text, or ISO dates, by the column kind.',
  fields: (t) => ({
    from: t.string({ resolve: (b) => String(b.from) }),
    to: t.string({ resolve: (b) => String(b.to) }),
    count: t.exposeFloat('count'),
  }),
});

const LengthRef = builder.objectRef<{ min: number; max: number }>('ReportLengthRange').implement({
  fields: (t) => ({ min: t.exposeInt('min'), max: t.exposeInt('max') }),
});

const ColumnRef = builder.objectRef<ColumnReport>('ReportColumn').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.exposeString('kind', { description: 'text, integer, number, boolean, timestamp, date, uuid, json or array.' }),
    nulls: t.exposeFloat('nulls'),
    nullRate: t.exposeFloat('nullRate'),
    distinct: t.exposeFloat('distinct', { description: 'Distinct values: exact up to 1,000, a HyperLogLog estimate (about 3 %) above.' }),
    distinctExact: t.exposeBoolean('distinctExact'),
    topValues: t.field({
      type: [ValueShareRef],
      description: 'The most frequent values, for columns of at most 50 distinct values.',
      resolve: (c) => c.topValues,
    }),
    min: t.string({ nullable: true, resolve: (c) => valueText(c.min) }),
    max: t.string({ nullable: true, resolve: (c) => valueText(c.max) }),
    histogram: t.field({
      type: [BucketRef],
      description: 'Numbers and dates: buckets fixed by the definition (its declared range, else powers of ten; years for dates).',
      resolve: (c) => c.histogram,
    }),
    length: t.field({ type: LengthRef, nullable: true, description: 'Text: shortest and longest value.', resolve: (c) => c.length }),
  }),
});

const TableRef = builder.objectRef<TableReport>('ReportTable').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    rows: t.exposeFloat('rows'),
    columns: t.field({ type: [ColumnRef], resolve: (table) => table.columns }),
  }),
});

const RuleRef = builder.objectRef<RuleReport>('ReportRule').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    table: t.exposeString('table'),
    kind: t.field({ type: RuleKindEnum, resolve: (r) => kindName(r.kind) }),
    name: t.exposeString('name', { description: 'What the rule says: orders.shipped_at >= orders.created_at.' }),
    checked: t.exposeFloat('checked', { description: 'Rows the rule applied to (a null on either side says nothing).' }),
    violations: t.exposeFloat('violations'),
    examples: t.field({ type: ['Float'], description: 'Up to 5 violating row numbers (0-based, in the table), smallest first.', resolve: (r) => r.examples }),
    sampled: t.float({ nullable: true, description: 'Unique keys of large tables: the share of keys checked.', resolve: (r) => r.sampled ?? null }),
    skipped: t.string({ nullable: true, description: 'Why the rule was not checked.', resolve: (r) => r.skipped ?? null }),
  }),
});

const SummaryRef = builder.objectRef<Report['summary']>('ReportSummary').implement({
  fields: (t) => ({
    rules: t.exposeInt('rules'),
    checked: t.exposeInt('checked', { description: 'Rules checked.' }),
    violations: t.exposeFloat('violations', { description: 'Violating rows, all rules together.' }),
    skipped: t.exposeInt('skipped'),
  }),
});

export const ExportReportRef = builder.objectRef<Report>('ExportReport').implement({
  description: "The realism report of an export's rows (or a preview's), made while they were generated.",
  fields: (t) => ({
    summary: t.field({ type: SummaryRef, resolve: (r) => r.summary }),
    tables: t.field({ type: [TableRef], resolve: (r) => r.tables }),
    rules: t.field({ type: [RuleRef], resolve: (r) => r.rules }),
  }),
});

builder.objectField(ExportRef, 'report', (t) =>
  t.field({
    type: ExportReportRef,
    nullable: true,
    description: 'Per table its rows, per column its statistics, per rule of the definition its checks; null until the export succeeded.',
    resolve: (e) => e.report,
  }),
);
