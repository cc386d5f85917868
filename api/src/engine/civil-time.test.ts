import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilOf } from './civil-time.js';

describe('civilOf', () => {
  it('gives the calendar fields Date gives, for every time a Date holds', () => {
    const fields = (t: number) => {
      const d = new Date(t);
      return {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hours: d.getUTCHours(),
        minutes: d.getUTCMinutes(),
        seconds: d.getUTCSeconds(),
        ms: d.getUTCMilliseconds(),
        weekday: d.getUTCDay(),
      };
    };
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (t) => {
        expect(civilOf(t)).toEqual(fields(t));
      }),
      { numRuns: 20_000 },
    );
    for (const iso of [
      '1970-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '2000-02-29T12:00:00.001Z',
      '1900-03-01T00:00:00Z',
      '0001-01-01T00:00:00Z',
      '-000001-12-31T23:59:59.999Z',
    ])
      expect(civilOf(Date.parse(iso))).toEqual(fields(Date.parse(iso)));
  });
});
