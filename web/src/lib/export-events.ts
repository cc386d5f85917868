// An export's event log in words: each stored event (status, message, metadata) as one sentence
// with formatted numbers and no internal worker ids, and the rows/s it reported over time.
import { formatCount, formatDuration } from './export-progress';
import type { ExportStatus } from './gql/graphql';

export interface StoredEvent {
  status: ExportStatus | string;
  message?: string | null;
  metadata?: unknown;
  createdAt: string;
}

type Metadata = {
  rowsDone?: number;
  rowsTotal?: number;
  rowCount?: number;
  rowsPerSecond?: number;
  etaSeconds?: number | null;
  attempt?: number;
  bytes?: number;
  seconds?: number;
  error?: { message?: string };
};

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** 1536 → "1.5 KB"; bytes in the units people read. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value)} ${units[unit]}`;
}

// "started by worker 3f2c…", "worker-1a2b", "(worker abc)": the reader has no use for them
const WORKER_ID = /\s*\(?\bby worker [\w:.-]+\)?|\s*\(?\bworker[ -][\w:.-]*\d[\w:.-]*\)?/gi;
// a bare run of digits of 4 or more in a message is a count: 300000 → 300,000
const BARE_COUNT = /(?<![\w.,:-])\d{4,}(?![\w.,:-])/g;

/** A stored message made readable: worker ids dropped, counts grouped, first letter capital, a full stop. */
export function readableMessage(message: string): string {
  const text = message
    .replace(WORKER_ID, '')
    .replace(BARE_COUNT, (digits) => formatCount(Number(digits)))
    .replace(/\s+/g, ' ')
    .trim();
  return sentence(text);
}

function sentence(text: string): string {
  if (!text) return '';
  const capital = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/** One event as a sentence. */
export function eventSentence(event: StoredEvent): string {
  const meta = (event.metadata && typeof event.metadata === 'object' ? event.metadata : {}) as Metadata;
  const status = String(event.status).toUpperCase();
  const message = event.message ?? '';
  const rowsDone = num(meta.rowsDone);
  const rowsTotal = num(meta.rowsTotal);
  switch (status) {
    case 'PENDING': {
      const perTable = num(meta.rowCount);
      return perTable === undefined ? 'Export queued.' : `Export queued: ${formatCount(perTable)} rows per table.`;
    }
    case 'RUNNING': {
      if (/^resumed/i.test(message)) return 'Resumed where it stopped: the previous run stopped answering.';
      if (/^started/i.test(message)) {
        const attempt = num(meta.attempt);
        // its rowsTotal is the per-table count, not the export's total: left out rather than misread
        return `Started${attempt && attempt > 1 ? ` (attempt ${attempt})` : ''}.`;
      }
      if (rowsDone !== undefined && rowsTotal !== undefined) {
        const rate = num(meta.rowsPerSecond);
        const eta = num(meta.etaSeconds ?? undefined);
        const percent = rowsTotal > 0 ? Math.min(99, Math.floor((rowsDone / rowsTotal) * 100)) : 0;
        const parts = [`${formatCount(rowsDone)} of ${formatCount(rowsTotal)} rows made (${percent}%)`];
        if (rate !== undefined) parts.push(`${formatCount(rate)} rows/s`);
        if (eta !== undefined) parts.push(`about ${formatDuration(eta)} left`);
        return `${parts.join(', ')}.`;
      }
      return readableMessage(message) || 'Running.';
    }
    case 'SUCCEEDED': {
      const rows = rowsDone ?? rowsTotal;
      const bytes = num(meta.bytes);
      const seconds = num(meta.seconds);
      if (rows === undefined) return readableMessage(message) || 'Finished.';
      return `Finished: ${formatCount(rows)} rows${bytes !== undefined ? `, ${formatBytes(bytes)}` : ''}${seconds !== undefined ? ` in ${formatDuration(seconds)}` : ''}.`;
    }
    case 'FAILED': {
      const reason = meta.error?.message ?? message;
      return reason ? `Failed: ${readableMessage(reason)}` : 'Failed.';
    }
    case 'CANCELLED':
      if (/partial/i.test(message)) return 'Cancelled; the partial file was removed.';
      return /by owner/i.test(message) ? 'Cancelled by its owner.' : 'Cancelled.';
    default:
      return readableMessage(message);
  }
}

export interface RatePoint {
  /** Seconds since the first progress event. */
  seconds: number;
  rowsPerSecond: number;
}

/**
 * Rows/s over time from the progress events (their own rowsPerSecond, else the rows made since
 * the previous one over the time between them), in event order.
 */
export function rateSeries(events: readonly StoredEvent[]): RatePoint[] {
  const points: RatePoint[] = [];
  let start: number | undefined;
  let previous: { at: number; rowsDone: number } | undefined;
  for (const event of events) {
    const meta = (event.metadata && typeof event.metadata === 'object' ? event.metadata : {}) as Metadata;
    const rowsDone = num(meta.rowsDone);
    const at = Date.parse(event.createdAt);
    if (rowsDone === undefined || !Number.isFinite(at) || String(event.status).toUpperCase() !== 'RUNNING') continue;
    start ??= at;
    const reported = num(meta.rowsPerSecond);
    const measured = previous && at > previous.at ? ((rowsDone - previous.rowsDone) * 1000) / (at - previous.at) : undefined;
    const rate = reported ?? measured;
    if (rate !== undefined && rate >= 0) points.push({ seconds: (at - start) / 1000, rowsPerSecond: rate });
    previous = { at, rowsDone };
  }
  return points;
}

/** The points of a rows/s line in a `width` × `height` box (y down), scaled to the fastest point. */
export function rateLine(points: readonly RatePoint[], width: number, height: number): string {
  if (points.length === 0) return '';
  const last = points.at(-1)!.seconds;
  const fastest = Math.max(1, ...points.map((p) => p.rowsPerSecond));
  const x = (p: RatePoint) => (points.length === 1 || last === 0 ? width : (p.seconds / last) * width);
  const y = (p: RatePoint) => height - (p.rowsPerSecond / fastest) * height;
  return points.map((p) => `${round(x(p))},${round(y(p))}`).join(' ');
}

const round = (value: number) => Math.round(value * 10) / 10;
