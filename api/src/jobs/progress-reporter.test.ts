import { afterEach, beforeEach, expect, it, vi } from 'vitest';

vi.mock('../exports/store.js', () => ({ recordProgress: vi.fn(async () => true), rowsMadeAhead: vi.fn(async () => 0) }));

import { recordProgress, rowsMadeAhead } from '../exports/store.js';
import type { JobContext } from './job-context.js';
import { ProgressReporter } from './progress-reporter.js';

const tx = {};
const ctx = { progressMs: 250, workerId: 'w1', db: { asService: (fn: (t: unknown) => unknown) => fn(tx) } } as unknown as JobContext;
const written = () => vi.mocked(recordProgress).mock.calls.map((call) => call[3]);

beforeEach(() => {
  vi.useFakeTimers();
  vi.mocked(recordProgress).mockClear();
  vi.mocked(rowsMadeAhead).mockClear();
});
afterEach(() => {
  vi.useRealTimers();
});

it('writes an event every progressMs with the rows done so far, and none once stopped', async () => {
  const progress = new ProgressReporter(ctx, 'e1', 1000);
  progress.rowsDone = 100;
  await vi.advanceTimersByTimeAsync(249);
  expect(written()).toEqual([]);
  await vi.advanceTimersByTimeAsync(1);
  expect(written()).toEqual([expect.objectContaining({ rowsDone: 100, rowsTotal: 1000 })]);
  progress.rowsDone = 300;
  await vi.advanceTimersByTimeAsync(250);
  expect(written()[1]).toMatchObject({ rowsDone: 300, rowsTotal: 1000 });
  progress.stop();
  await vi.advanceTimersByTimeAsync(2000);
  expect(written()).toHaveLength(2);
});

it('schedules each event after the previous one is written, so a slow write never brings two closer than progressMs', async () => {
  let finish!: () => void;
  vi.mocked(recordProgress).mockImplementationOnce(() => new Promise((resolve) => (finish = () => resolve(true))));
  const progress = new ProgressReporter(ctx, 'e1', 1000);
  await vi.advanceTimersByTimeAsync(250);
  expect(written()).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1000); // the first write is still under way
  expect(written()).toHaveLength(1);
  finish();
  await vi.advanceTimersByTimeAsync(249);
  expect(written()).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(written()).toHaveLength(2);
  progress.stop();
});

it('announces at once, once, and only an export other workers can help with', async () => {
  const progress = new ProgressReporter(ctx, 'e1', 1000);
  await progress.announce();
  expect(written()).toEqual([]);
  progress.shared = true;
  await progress.announce();
  expect(written()).toHaveLength(1);
  await progress.announce();
  expect(written()).toHaveLength(1);
  // the regular events go on, progressMs after the announcement
  await vi.advanceTimersByTimeAsync(250);
  expect(written()).toHaveLength(2);
  progress.stop();
});

it('counts the rows of later chunks made elsewhere, never past the total', async () => {
  vi.mocked(rowsMadeAhead).mockResolvedValueOnce(950);
  const progress = new ProgressReporter(ctx, 'e1', 1000);
  progress.shared = true;
  progress.chunkIndex = 2;
  progress.rowsDone = 100;
  await vi.advanceTimersByTimeAsync(250);
  expect(rowsMadeAhead).toHaveBeenCalledWith(tx, 'e1', 2);
  expect(written()).toEqual([expect.objectContaining({ rowsDone: 1000, rowsTotal: 1000 })]);
  progress.stop();
});

it('goes on after a failed write', async () => {
  vi.mocked(recordProgress).mockRejectedValueOnce(new Error('connection lost'));
  const progress = new ProgressReporter(ctx, 'e1', 1000);
  await vi.advanceTimersByTimeAsync(500);
  expect(written()).toHaveLength(2);
  progress.stop();
});
