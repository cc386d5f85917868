// Timelines: moments in the order of the rows (row n signed up before row n + 1), spread over
// `span` units ending at `end`, busier towards the end when `growth` > 1 (signups grow: the last
// days see `growth` times as many as the first). Row n sits at a hashed point of its own slot of
// the curve, so the gaps vary and the order holds. How many rows exist by an instant is arithmetic
// (the curve's inverse, then a look at the neighbouring rows), so a ref can pick among the rows that
// existed by a moment (`until`, until-ref.ts) without scanning or holding the table.
import { z } from 'zod';
import { isoDate, TIME_UNIT_MS } from './options.js';
import { type Key, unit53At } from './random.js';

export const timelineOptions = z.strictObject({
  span: z.number().positive().max(3_650_000).describe('how long the rows take to arrive, in units (730 days: two years of signups)'),
  unit: z.enum(['days', 'hours', 'minutes', 'seconds']).optional().describe('unit of span (default days)'),
  end: z
    .union([z.literal('now'), isoDate])
    .optional()
    .describe('the last row\'s moment: "now" (the reference date, the default) or an ISO date'),
  growth: z.number().min(1).max(1000).optional().describe('how many times busier the end is than the start (default 1: evenly spread)'),
});

export type TimelineOptions = z.infer<typeof timelineOptions>;

export const timelineInfo = {
  timeline: {
    group: 'builtin',
    description:
      'Moments in row order over a span (sign-ups: row n before row n + 1), growing busier by growth; refs can pick the rows that existed by a moment (until)',
    kind: 'timestamp' as const,
    example: '2024-06-02T10:00:00.000Z',
    exampleOptions: { span: 730, growth: 3 },
  },
};

/** A timeline of `rows` rows: the instant (epoch ms) of row n, and how many rows are at or before an instant. */
export interface Timeline {
  at(n: number): number;
  /** The number of rows whose instant is at most t: they are rows 0..count-1. */
  countUpTo(t: number): number;
}

/** [earliest, latest] epoch ms of a timeline's values. */
export function timelineBounds(options: Record<string, unknown>, referenceMs: number): [number, number] {
  const end = options.end === undefined || options.end === 'now' ? referenceMs : Date.parse(options.end as string);
  return [end - (options.span as number) * TIME_UNIT_MS[(options.unit as keyof typeof TIME_UNIT_MS | undefined) ?? 'days'], end];
}

/** The timeline of a field's options for a table of `rows` rows (`referenceDate`: the definition's "now"). */
export function timeline(options: Record<string, unknown>, rows: number, key: Key, referenceDate: Date): Timeline {
  const [start, end] = timelineBounds(options, referenceDate.getTime());
  const span = end - start;
  const growth = (options.growth as number | undefined) ?? 1;
  const rate = Math.log(growth);
  // share of the span elapsed when a share q of the rows has arrived (density growing exponentially), and back
  const elapsed = growth === 1 ? (q: number) => q : (q: number) => Math.log1p(q * (growth - 1)) / rate;
  const arrived = growth === 1 ? (s: number) => s : (s: number) => Math.expm1(s * rate) / (growth - 1);
  const at = (n: number) => Math.floor(start + span * elapsed((n + unit53At(key, n)) / rows));
  return {
    at,
    countUpTo(t) {
      if (t < start) return 0;
      if (t >= end) return rows;
      let count = Math.min(rows, Math.max(0, Math.floor(arrived((t - start) / span) * rows)));
      // the curve's inverse lands on the row or next to it: settle on the instants themselves
      while (count < rows && at(count) <= t) count++;
      while (count > 0 && at(count - 1) > t) count--;
      return count;
    },
  };
}
