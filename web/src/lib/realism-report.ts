// The realism report as the dashboard shows it (Export.report, PreviewPayload.report): the
// fragment both pages ask for, and the words and labels of its view.
import { graphql } from '$lib/gql';
import { formatCount } from '$lib/export-progress';

graphql(`
  fragment RealismReport on ExportReport {
    summary {
      rules
      checked
      violations
      skipped
    }
    tables {
      name
      rows
      columns {
        name
        kind
        nulls
        nullRate
        distinct
        distinctExact
        topValues {
          value
          count
          share
        }
        min
        max
        histogram {
          from
          to
          count
        }
        length {
          min
          max
        }
      }
    }
    rules {
      id
      table
      kind
      name
      checked
      violations
      examples
      sampled
      skipped
    }
  }
`);

/**
 * What the view reads of a report: GraphQL's ExportReport (numbers and dates as text) and the
 * API's own Report (numbers as numbers) both fit it.
 */
export interface ReportView {
  tables: { name: string; rows: number; columns: ColumnView[] }[];
  rules: RuleView[];
}

export interface ColumnView {
  name: string;
  kind: string;
  nullRate: number;
  distinct: number;
  distinctExact: boolean;
  topValues: { value: string; count: number; share: number }[];
  min?: number | string | null;
  max?: number | string | null;
  histogram: { from: number | string; to: number | string; count: number }[];
  length?: { min: number; max: number } | null;
}

export interface RuleView {
  id: string;
  table: string;
  name: string;
  checked: number;
  violations: number;
  examples: readonly number[];
  sampled?: number | null;
  skipped?: string | null;
}

const plural = (n: number, what: string) => `${formatCount(n)} ${what}${n === 1 ? '' : 's'}`;

/** "12 rules, 0 violations": the words of `tdg generate --report` (reportSummary in api/src/report), counts with thousands separated. */
export function summaryText(rules: readonly RuleView[]): string {
  const checked = rules.filter((r) => !r.skipped);
  const violations = checked.reduce((n, r) => n + r.violations, 0);
  const broken = checked.filter((r) => r.violations > 0).length;
  const skipped = rules.length - checked.length;
  return `${plural(checked.length, 'rule')}, ${plural(violations, 'violation')}${broken ? ` (in ${plural(broken, 'rule')})` : ''}${skipped ? `; ${skipped} not checked while generating` : ''}`;
}

const isTime = (kind: string) => kind === 'date' || kind === 'timestamp';
const numberFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** A number or date of a column as a person reads it: 1,234.5 or 2024-03-01. */
export function valueText(kind: string, value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (isTime(kind)) return String(value).slice(0, 10);
  const x = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(x) ? numberFormat.format(x) : String(value);
}

/** A histogram bucket: "18 – 21.6", or the year of a date bucket. */
export function bucketText(kind: string, bucket: { from: number | string; to: number | string }): string {
  if (isTime(kind)) return String(bucket.from).slice(0, 4);
  return `${valueText(kind, bucket.from)} – ${valueText(kind, bucket.to)}`;
}

/**
 * Each bucket's place on the value axis, from 0: a report lists only the buckets holding rows, so
 * the empty ones between two show as gaps. Dates by year, buckets of one width by that width,
 * powers of ten by their exponent.
 */
export function histogramSlots(kind: string, histogram: ColumnView['histogram']): number[] {
  if (histogram.length === 0) return [];
  if (isTime(kind)) {
    const year = (b: (typeof histogram)[number]) => new Date(b.from).getUTCFullYear();
    const first = year(histogram[0]!);
    return histogram.map((b) => year(b) - first);
  }
  const bounds = histogram.map((b) => [Number(b.from), Number(b.to)] as const);
  const [from0, to0] = bounds[0]!;
  const width = to0 - from0;
  if (bounds.every(([from, to]) => Math.abs(to - from - width) <= 1e-9 * Math.abs(width))) return bounds.map(([from]) => Math.round((from - from0) / width));
  // powers of ten: the decades between two positive buckets; elsewhere one gap where they do not touch
  const slots = [0];
  for (let k = 1; k < bounds.length; k++) {
    const [from] = bounds[k]!;
    const before = bounds[k - 1]![1];
    const missing = from === before ? 0 : from > 0 && before > 0 ? Math.round(Math.log10(from / before)) : 1;
    slots.push(slots[k - 1]! + 1 + missing);
  }
  return slots;
}

/** The labels under a histogram's two ends: its first bucket's start and last bucket's end (first and last year for dates). */
export function histogramEnds(kind: string, histogram: ColumnView['histogram']): [string, string] {
  const first = histogram[0];
  const last = histogram.at(-1);
  if (!first || !last) return ['', ''];
  if (isTime(kind)) return [bucketText(kind, first), bucketText(kind, last)];
  return [valueText(kind, first.from), valueText(kind, last.to)];
}

export const percentText = (share: number) => `${numberFormat.format(Math.round(share * 1000) / 10)} %`;

/** The column's figures in words: the text beside (or instead of) its chart. */
export function columnFacts(column: ColumnView): string[] {
  const facts = [`${percentText(column.nullRate)} null`, `${column.distinctExact ? '' : '≈ '}${formatCount(column.distinct)} distinct`];
  if (column.min !== null && column.min !== undefined) facts.push(`${valueText(column.kind, column.min)} – ${valueText(column.kind, column.max)}`);
  if (column.length) facts.push(`length ${column.length.min}–${column.length.max}`);
  return facts;
}

/** Which chart a column gets: its histogram (numbers, dates), else its top values when a value repeats, else none (its figures say it). */
export function chartOf(column: ColumnView): 'histogram' | 'top values' | null {
  if (column.histogram.length > 0) return 'histogram';
  if ((column.topValues[0]?.count ?? 0) > 1) return 'top values';
  return null;
}
