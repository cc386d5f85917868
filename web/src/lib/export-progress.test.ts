import { describe, expect, it } from 'vitest';
import { formatDuration, formatSpan, percentOf, ProgressMeter } from './export-progress.js';

describe('ProgressMeter', () => {
  it('knows no rate from a single sample', () => {
    const meter = new ProgressMeter();
    meter.add({ at: 0, rowsDone: 500 });
    expect(meter.figures(1000)).toMatchObject({ rowsDone: 500, percent: 50, rowsPerSecond: null, etaSeconds: null });
  });

  it('measures rows/s and time left from the samples in its window', () => {
    const meter = new ProgressMeter(10_000);
    meter.add({ at: 0, rowsDone: 0 });
    meter.add({ at: 2_000, rowsDone: 20_000 });
    meter.add({ at: 4_000, rowsDone: 40_000 });
    const figures = meter.figures(100_000);
    expect(figures.rowsPerSecond).toBe(10_000);
    expect(figures.etaSeconds).toBe(6);
    expect(figures.percent).toBe(40);
  });

  it('forgets samples older than the window, so the rate follows a slowdown', () => {
    const meter = new ProgressMeter(5_000);
    meter.add({ at: 0, rowsDone: 0 });
    meter.add({ at: 1_000, rowsDone: 100_000 });
    for (let t = 2_000; t <= 20_000; t += 1_000) meter.add({ at: t, rowsDone: 100_000 + (t - 1_000) });
    const rate = meter.figures(10_000_000).rowsPerSecond!;
    expect(rate).toBeGreaterThan(900);
    expect(rate).toBeLessThan(1_100);
  });

  it('ignores replayed samples that go backwards', () => {
    const meter = new ProgressMeter();
    meter.add({ at: 0, rowsDone: 0 });
    meter.add({ at: 1_000, rowsDone: 1_000 });
    meter.add({ at: 1_500, rowsDone: 400 });
    expect(meter.figures(2_000)).toMatchObject({ rowsDone: 1_000, rowsPerSecond: 1_000, etaSeconds: 1 });
  });
});

describe('percentOf', () => {
  it('stays below 100 until the export has finished', () => {
    expect(percentOf(999_999, 1_000_000)).toBe(99);
    expect(percentOf(1_000_000, 1_000_000)).toBe(99);
    expect(percentOf(1_000_000, 1_000_000, true)).toBe(100);
    expect(percentOf(5, 0)).toBe(0);
  });
});

describe('formatSpan', () => {
  it('shows a tenth under ten seconds, never 0s once time has passed, and formatDuration beyond', () => {
    expect(formatSpan(0)).toBe('0.0s');
    expect(formatSpan(0.46)).toBe('0.4s');
    expect(formatSpan(9.99)).toBe('9.9s');
    expect(formatSpan(10)).toBe('10s');
    expect(formatSpan(75)).toBe(formatDuration(75));
    for (let s = 0.1; s < 10; s += 0.37) expect(formatSpan(s)).not.toBe('0s');
  });
});

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [4.4, '4s'],
    [75, '1m 15s'],
    [3_720, '1h 2m'],
  ])('%j → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
