// Keyset pagination over (created_at desc, id desc). Cursors carry the timestamp as Postgres
// text (microseconds), so no row is skipped or repeated between pages.
import type { ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { ValidationError } from '../errors.js';

export const CURSOR_COLUMN = (alias: string) =>
  `to_char(${alias}.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '|' || ${alias}.id::text as cursor`;

/** A real calendar time from year 1 on (JS rolls 02-31 over to March; Postgres refuses it and year 0). */
function sameInstant(time: string): boolean {
  const date = new Date(`${time}Z`);
  return !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1 && date.toISOString().slice(0, 19) === time.slice(0, 19);
}

function decode(cursor: string | undefined, at: string): [string, string] | undefined {
  if (cursor === undefined) return undefined;
  const [time, id, extra] = cursor.split('|');
  // exactly what CURSOR_COLUMN writes, so Postgres never sees a value it would reject
  const valid =
    extra === undefined &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/.test(time ?? '') &&
    sameInstant(time!) &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id ?? '');
  if (!valid) throw ValidationError.at(at, 'not a cursor from this API');
  return [time, id];
}

/**
 * SQL fragments for one page: `where` conditions (appended to `params`) and `order by`.
 * `inverted` pages (before/last) walk the other way; the relay helper flips them back.
 */
export function keysetPage(alias: string, page: ResolveCursorConnectionArgs, params: unknown[]) {
  const conditions: string[] = [];
  const after = decode(page.after, 'after');
  const before = decode(page.before, 'before');
  const key = `(${alias}.created_at, ${alias}.id)`;
  if (after) {
    params.push(`${after[0]}Z`, after[1]);
    conditions.push(`${key} < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  if (before) {
    params.push(`${before[0]}Z`, before[1]);
    conditions.push(`${key} > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(page.limit);
  const direction = page.inverted ? 'asc' : 'desc';
  return {
    conditions,
    orderAndLimit: `order by ${alias}.created_at ${direction}, ${alias}.id ${direction} limit $${params.length}`,
  };
}
