// Progress figures for a running export: percent, rows/s over a sliding window, and time left.

export interface ProgressSample {
  /** Milliseconds (Date.now() or performance.now(); only differences matter). */
  at: number;
  rowsDone: number;
}

export interface ProgressFigures {
  rowsDone: number;
  rowCount: number;
  /** 0..100, whole number (a bar never shows 100 before the export has finished). */
  percent: number;
  /** null until two samples some time apart have been seen. */
  rowsPerSecond: number | null;
  /** Seconds left at the current rate; null when unknown. */
  etaSeconds: number | null;
}

const WINDOW_MS = 10_000;

export class ProgressMeter {
  #samples: ProgressSample[] = [];

  constructor(readonly windowMs = WINDOW_MS) {}

  /** Records a sample; samples that go back in time (a replayed event) are ignored. */
  add(sample: ProgressSample): void {
    const last = this.#samples.at(-1);
    if (last && (sample.rowsDone < last.rowsDone || sample.at < last.at)) return;
    this.#samples.push(sample);
    const horizon = sample.at - this.windowMs;
    while (this.#samples.length > 2 && this.#samples[1]!.at <= horizon) this.#samples.shift();
  }

  figures(rowCount: number, finished = false): ProgressFigures {
    const last = this.#samples.at(-1);
    const first = this.#samples[0];
    const rowsDone = last?.rowsDone ?? 0;
    let rowsPerSecond: number | null = null;
    if (first && last && last.at - first.at > 0) rowsPerSecond = ((last.rowsDone - first.rowsDone) * 1000) / (last.at - first.at);
    const left = Math.max(0, rowCount - rowsDone);
    const etaSeconds = finished ? 0 : rowsPerSecond && rowsPerSecond > 0 ? left / rowsPerSecond : null;
    return { rowsDone, rowCount, percent: percentOf(rowsDone, rowCount, finished), rowsPerSecond, etaSeconds };
  }
}

export function percentOf(rowsDone: number, rowCount: number, finished = false): number {
  if (finished) return 100;
  if (rowCount <= 0) return 0;
  return Math.min(99, Math.floor((rowsDone / rowCount) * 100));
}

const counts = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
  return counts.format(value);
}

export function formatRate(rowsPerSecond: number | null): string {
  return rowsPerSecond === null ? '—' : `${formatCount(rowsPerSecond)} rows/s`;
}

/** 75 → "1m 15s", 3700 → "1h 2m", 4 → "4s"; unknown → "—". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

/** A time span on a chart's axis: under ten seconds with its tenth ("0.4s", never "0s" for a running export), else as formatDuration. */
export function formatSpan(seconds: number): string {
  if (!(seconds >= 0)) return '0.0s';
  return seconds < 10 ? `${(Math.floor(seconds * 10) / 10).toFixed(1)}s` : formatDuration(seconds);
}

/**
 * The ETA to show for an export in this status, or null for none: only a pending or running
 * export has time left (a cancelled, failed or finished one shows no ETA, not "ETA 0s").
 */
export function etaText(status: string, etaSeconds: number | null): string | null {
  const active = status === 'PENDING' || status === 'RUNNING';
  return active ? `ETA ${formatDuration(etaSeconds)}` : null;
}
