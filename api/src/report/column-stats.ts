// One column's statistics, gathered value by value in constant memory and merged exactly: nulls,
// distinct values (distinct.ts), min/max and a histogram for numbers and dates, length range for
// text. Histogram buckets are fixed before the first value (bucketsFor), so the buckets of a
// union are the sums of the parts' buckets.
import { civilOf, type ColumnKind, type Value } from '../engine/index.js';
import { compareKeys, DistinctCounter, type DistinctKey, distinctCount, type DistinctState } from './distinct.js';

/** Histogram buckets: `linear` over a declared [from, to) in `count` buckets; `decades` by power of ten (signed); `years` by UTC year. */
export type BucketRule = { kind: 'linear'; from: number; to: number; count: number } | { kind: 'decades' } | { kind: 'years' };

export interface ColumnState {
  name: string;
  kind: ColumnKind;
  nulls: number;
  values: number;
  distinct: DistinctState;
  /** Numbers, and dates as epoch ms. */
  min: number | null;
  max: number | null;
  buckets: BucketRule | null;
  /** Bucket index -> rows, sorted by index. */
  histogram: [number, number][];
  minLength: number | null;
  maxLength: number | null;
}

export interface ColumnReport {
  name: string;
  kind: ColumnKind;
  nulls: number;
  nullRate: number;
  distinct: number;
  distinctExact: boolean;
  /** The most frequent values with their share of non-null rows (columns with at most TOP_VALUES_UP_TO distinct values). */
  topValues: { value: string; count: number; share: number }[];
  /** Numbers as numbers, dates as ISO text. */
  min: number | string | null;
  max: number | string | null;
  histogram: { from: number | string; to: number | string; count: number }[];
  length: { min: number; max: number } | null;
}

/** Top values are listed for columns with at most this many distinct values. */
export const TOP_VALUES_UP_TO = 50;
const TOP_VALUES = 10;
const DAY_MS = 86_400_000;

const isTime = (kind: ColumnKind) => kind === 'date' || kind === 'timestamp';

export function keyOf(value: Value): DistinctKey {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.getTime();
  return JSON.stringify(value);
}

function bucketOf(rule: BucketRule, x: number): number {
  switch (rule.kind) {
    case 'linear': {
      const b = Math.floor(((x - rule.from) / (rule.to - rule.from)) * rule.count);
      return b < 0 ? 0 : b >= rule.count ? rule.count - 1 : b; // the declared max falls in the last bucket
    }
    case 'decades': {
      const a = Math.abs(x);
      if (a < 1) return 0;
      const d = Math.floor(Math.log10(a)) + 1;
      return x < 0 ? -d : d;
    }
    case 'years':
      return yearOf(x);
  }
}

/** The UTC year of an instant, by integer arithmetic: no Date per value. */
export function yearOf(ms: number): number {
  return civilOf(ms).year;
}

function bucketBounds(rule: BucketRule, b: number): [number, number] {
  switch (rule.kind) {
    case 'linear': {
      const width = (rule.to - rule.from) / rule.count;
      return [rule.from + b * width, rule.from + (b + 1) * width];
    }
    case 'decades':
      if (b === 0) return [-1, 1];
      return b > 0 ? [10 ** (b - 1), 10 ** b] : [-(10 ** -b), -(10 ** (-b - 1))];
    case 'years':
      return [Date.UTC(b, 0, 1), Date.UTC(b + 1, 0, 1)];
  }
}

export class ColumnStats {
  private nulls = 0;
  private values = 0;
  private readonly distinct = new DistinctCounter();
  private min = Infinity;
  private max = -Infinity;
  private readonly histogram = new Map<number, number>();
  private minLength = Infinity;
  private maxLength = -Infinity;
  private readonly numeric: boolean;

  constructor(
    readonly name: string,
    readonly kind: ColumnKind,
    private readonly buckets: BucketRule | null,
  ) {
    this.numeric = kind === 'integer' || kind === 'number' || isTime(kind);
  }

  add(value: Value): void {
    if (value === null) {
      this.nulls++;
      return;
    }
    this.values++;
    // one path per kind of value, so each stays monomorphic in V8 (a column's values are of one kind)
    if (typeof value === 'string') this.addText(value);
    else if (typeof value === 'number') this.addNumber(value);
    else if (value instanceof Date) this.addNumber(value.getTime());
    else this.distinct.add(keyOf(value));
  }

  private addText(value: string): void {
    this.distinct.addText(value);
    const n = value.length;
    if (n < this.minLength) this.minLength = n;
    if (n > this.maxLength) this.maxLength = n;
  }

  private addNumber(x: number): void {
    this.distinct.addNumber(x);
    if (!this.numeric) return;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    if (this.buckets) {
      const b = bucketOf(this.buckets, x);
      this.histogram.set(b, (this.histogram.get(b) ?? 0) + 1);
    }
  }

  merge(other: ColumnState): void {
    this.nulls += other.nulls;
    this.values += other.values;
    this.distinct.merge(other.distinct);
    if (other.min !== null && other.min < this.min) this.min = other.min;
    if (other.max !== null && other.max > this.max) this.max = other.max;
    for (const [b, n] of other.histogram) this.histogram.set(b, (this.histogram.get(b) ?? 0) + n);
    if (other.minLength !== null && other.minLength < this.minLength) this.minLength = other.minLength;
    if (other.maxLength !== null && other.maxLength > this.maxLength) this.maxLength = other.maxLength;
  }

  state(): ColumnState {
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    return {
      name: this.name,
      kind: this.kind,
      nulls: this.nulls,
      values: this.values,
      distinct: this.distinct.state(),
      min: finite(this.min),
      max: finite(this.max),
      buckets: this.buckets,
      histogram: [...this.histogram].sort((a, b) => a[0] - b[0]),
      minLength: finite(this.minLength),
      maxLength: finite(this.maxLength),
    };
  }
}

/** The reader's view of a column's state. */
export function columnReport(state: ColumnState): ColumnReport {
  const rows = state.nulls + state.values;
  const { count, exact } = distinctCount(state.distinct);
  const time = isTime(state.kind);
  const shown = (x: number) => (time ? new Date(state.kind === 'date' ? Math.floor(x / DAY_MS) * DAY_MS : x).toISOString() : x);
  const text = (key: DistinctKey) => (time && typeof key === 'number' ? new Date(key).toISOString() : String(key));
  const top =
    state.distinct.exact && state.distinct.exact.length <= TOP_VALUES_UP_TO
      ? [...state.distinct.exact]
          .sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]))
          .slice(0, TOP_VALUES)
          .map(([key, n]) => ({ value: text(key), count: n, share: state.values === 0 ? 0 : n / state.values }))
      : [];
  return {
    name: state.name,
    kind: state.kind,
    nulls: state.nulls,
    nullRate: rows === 0 ? 0 : state.nulls / rows,
    // an estimate never says more distinct values than there are values
    distinct: Math.min(count, state.values),
    distinctExact: exact,
    topValues: top,
    min: state.min === null ? null : shown(state.min),
    max: state.max === null ? null : shown(state.max),
    histogram: state.buckets
      ? state.histogram.map(([b, n]) => {
          const [from, to] = bucketBounds(state.buckets!, b);
          return { from: time ? new Date(from).toISOString() : from, to: time ? new Date(to).toISOString() : to, count: n };
        })
      : [],
    length: state.minLength === null || state.maxLength === null ? null : { min: state.minLength, max: state.maxLength },
  };
}
