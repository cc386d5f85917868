import { describe, expect, it } from 'vitest';
import { histogramEnds, histogramSlots, summaryText, valueText } from './realism-report';

const bucket = (from: number | string, to: number | string, count = 1) => ({ from, to, count });
const asText = (buckets: ReturnType<typeof bucket>[]) => buckets.map((b) => ({ ...b, from: String(b.from), to: String(b.to) }));

describe('histogramSlots', () => {
  it('leaves a gap for each empty bucket of one width, whether the bounds are numbers or text', () => {
    // 1..500 in 20 buckets of 24.95: buckets 0, 3 and 4 hold rows
    const linear = [bucket(1, 25.95), bucket(75.85, 100.8), bucket(100.8, 125.75)];
    expect(histogramSlots('integer', linear)).toEqual([0, 3, 4]);
    expect(histogramSlots('integer', asText(linear))).toEqual([0, 3, 4]);
  });

  it('places dates by year', () => {
    const years = [bucket('2021-01-01T00:00:00.000Z', '2022-01-01T00:00:00.000Z'), bucket('2024-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')];
    expect(histogramSlots('timestamp', years)).toEqual([0, 3]);
  });

  it('counts the missing powers of ten between two buckets', () => {
    expect(histogramSlots('number', [bucket(1, 10), bucket(10, 100), bucket(10_000, 100_000)])).toEqual([0, 1, 4]);
    expect(histogramSlots('number', [bucket(-10, -1), bucket(-1, 1), bucket(1, 10)])).toEqual([0, 1, 2]);
    expect(histogramSlots('number', [bucket(-100, -10), bucket(1, 10)])).toEqual([0, 2]);
  });
});

describe('report words', () => {
  let id = 0;
  const rule = (violations: number, skipped?: string) => ({ id: String(id++), table: 't', name: 'r', checked: 10, violations, examples: [], skipped });
  it('sums the rules as tdg generate does', () => {
    expect(summaryText([rule(0), rule(0)])).toBe('2 rules, 0 violations');
    expect(summaryText([rule(1), rule(0), rule(1200), rule(0, 'not checkable')])).toBe(
      '3 rules, 1,201 violations (in 2 rules); 1 not checked while generating',
    );
  });

  it('reads dates as days and histogram ends as the first and last bound', () => {
    expect(valueText('timestamp', '2024-03-01T10:00:00.000Z')).toBe('2024-03-01');
    expect(histogramEnds('integer', [bucket(1, 25.95), bucket(475.05, 500)])).toEqual(['1', '500']);
    expect(histogramEnds('date', [bucket('2021-01-01T00:00:00.000Z', '2022-01-01T00:00:00.000Z')])).toEqual(['2021', '2021']);
  });
});
