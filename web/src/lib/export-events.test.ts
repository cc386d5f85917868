import { describe, expect, it } from 'vitest';
import { eventSentence, formatBytes, rateSeries, readableMessage } from './export-events';
import { etaText } from './export-progress';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, second)).toISOString();

describe('eventSentence', () => {
  it('reads each stored event as a sentence with grouped numbers', () => {
    expect(eventSentence({ status: 'PENDING', message: 'queued', metadata: { rowCount: 300000 }, createdAt: at(0) })).toBe(
      'Export queued: 300,000 rows per table.',
    );
    expect(
      eventSentence({
        status: 'RUNNING',
        message: '150000 of 600000 rows',
        metadata: { rowsDone: 150000, rowsTotal: 600000, rowsPerSecond: 51234.7, etaSeconds: 75 },
        createdAt: at(1),
      }),
    ).toBe('150,000 of 600,000 rows made (25%), 51,235 rows/s, about 1m 15s left.');
    expect(
      eventSentence({
        status: 'SUCCEEDED',
        message: '600000 rows exported',
        metadata: { rowsDone: 600000, bytes: 12_582_912, seconds: 9.6 },
        createdAt: at(2),
      }),
    ).toBe('Finished: 600,000 rows, 12 MB in 10s.');
    expect(eventSentence({ status: 'CANCELLED', message: 'cancelled; partial output removed', createdAt: at(3) })).toBe(
      'Cancelled; the partial file was removed.',
    );
    expect(eventSentence({ status: 'CANCELLED', message: 'cancelled by owner', createdAt: at(3) })).toBe('Cancelled by its owner.');
  });

  it('never shows a worker id', () => {
    const ids = ['worker-7f3a9c', 'host:1234:ab12cd', '3f2c1e0a-1b2c-4d5e-8f90-0a1b2c3d4e5f'];
    for (const id of ids) {
      for (const message of [`started by worker ${id}`, `resumed by worker ${id} after the previous lease expired`]) {
        const text = eventSentence({ status: 'RUNNING', message, metadata: { rowsDone: 0, rowsTotal: 2000, attempt: 2, worker: id }, createdAt: at(0) });
        expect(text).not.toContain(id);
        expect(text).not.toMatch(/worker/i);
      }
      expect(readableMessage(`chunk 3 lost (worker ${id})`)).not.toContain(id);
    }
    expect(
      eventSentence({ status: 'RUNNING', message: 'started by worker w1', metadata: { rowsDone: 0, rowsTotal: 2000, attempt: 2 }, createdAt: at(0) }),
    ).toBe('Started (attempt 2).');
  });

  it('words a failure from its stored error, counts grouped', () => {
    expect(eventSentence({ status: 'FAILED', message: 'x', metadata: { error: { message: 'disk full after 1048576 rows' } }, createdAt: at(0) })).toBe(
      'Failed: Disk full after 1,048,576 rows.',
    );
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1023, '1,023 bytes'],
    [1536, '1.5 KB'],
    [5 * 1024 ** 3, '5 GB'],
  ])('%d → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('rateSeries', () => {
  it('takes the reported rate, else the rows made over the time between events, from the first progress event', () => {
    const points = rateSeries([
      { status: 'PENDING', message: 'queued', metadata: { rowCount: 10 }, createdAt: at(0) },
      { status: 'RUNNING', message: 'started', metadata: { rowsDone: 0, rowsTotal: 3000 }, createdAt: at(1) },
      { status: 'RUNNING', message: '', metadata: { rowsDone: 1000, rowsTotal: 3000 }, createdAt: at(3) },
      { status: 'RUNNING', message: '', metadata: { rowsDone: 2500, rowsTotal: 3000, rowsPerSecond: 700 }, createdAt: at(5) },
      { status: 'SUCCEEDED', message: '', metadata: { rowsDone: 3000 }, createdAt: at(6) },
    ]);
    expect(points).toEqual([
      { seconds: 2, rowsPerSecond: 500 },
      { seconds: 4, rowsPerSecond: 700 },
    ]);
  });
});

describe('etaText', () => {
  it('shows time left only while an export is pending or running', () => {
    expect(etaText('RUNNING', 75)).toBe('ETA 1m 15s');
    expect(etaText('PENDING', null)).toBe('ETA —');
    for (const status of ['CANCELLED', 'FAILED', 'SUCCEEDED']) expect(etaText(status, 12)).toBeNull();
  });
});

describe('rateLine', () => {
  it('spans the box: first point at the left, last at the right, the fastest at the top', async () => {
    const { rateLine } = await import('./export-events');
    expect(
      rateLine(
        [
          { seconds: 0, rowsPerSecond: 50 },
          { seconds: 2, rowsPerSecond: 100 },
          { seconds: 4, rowsPerSecond: 0 },
        ],
        200,
        40,
      ),
    ).toBe('0,20 100,0 200,40');
    expect(rateLine([], 200, 40)).toBe('');
  });
});
