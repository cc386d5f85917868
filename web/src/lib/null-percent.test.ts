import { describe, expect, it } from 'vitest';
import { nullPercentText, parseNullPercent } from './null-percent';

describe('parseNullPercent', () => {
  it.each([
    ['', undefined],
    ['0', undefined],
    ['12.5', 0.125],
    ['100', 1],
    [' 40 ', 0.4],
  ])('accepts %j as nullRate %j', (raw, nullRate) => expect(parseNullPercent(raw)).toEqual({ ok: true, nullRate }));

  it.each(['-1', '100.5', '150', '1e3', 'abc', '--5'])('refuses %j instead of clamping it', (raw) => {
    const parsed = parseNullPercent(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^null % must be/);
  });

  it('round-trips what it shows', () => {
    for (const raw of ['12.5', '1', '99.9', '100']) {
      const parsed = parseNullPercent(raw);
      expect(parsed.ok && nullPercentText(parsed.nullRate)).toBe(raw);
    }
  });
});
