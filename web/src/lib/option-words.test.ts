import { describe, expect, it } from 'vitest';
import { numberText, optionWords, rangeWords } from './option-words';

describe('optionWords', () => {
  it('says what an option means, with its unit and range', () => {
    expect(optionWords('commerce.price', 'dec', { minimum: 0, maximum: 10 })).toEqual({ label: 'Decimal places', range: '0 to 10' });
    expect(optionWords('date.past', 'years', { exclusiveMinimum: 0, maximum: 1000 })).toEqual({
      label: 'Within the last',
      unit: 'years',
      range: 'more than 0, at most 1000',
    });
    expect(optionWords('ref', 'childrenPerParent.min', { minimum: 0 })).toEqual({ label: 'Fewest children per parent', range: 'at least 0' });
    expect(optionWords('lorem.words', 'max')).toEqual({ label: 'Most words' });
    expect(optionWords('ref', 'sameAs.when')).toEqual({ label: 'Only where the parent matches' });
    expect(optionWords('after', 'fromIfRoom')).toEqual({ label: 'Also after, while there is room' });
    expect(optionWords('number.int', 'min', { minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER })).toEqual({ label: 'Smallest value' });
  });

  it('does not repeat a range its unit states', () => {
    expect(optionWords('datatype.boolean', 'probability', { minimum: 0, maximum: 1 })).toEqual({ label: 'Chance of true', unit: '0 to 1' });
  });

  it('falls back on a short description, else the key in words', () => {
    expect(optionWords('x', 'origin', { description: 'the centre point' })).toEqual({ label: 'The centre point' });
    expect(optionWords('string.numeric', 'allowLeadingZeros')).toEqual({ label: 'Allow leading zeros' });
    expect(optionWords('x', 'distinctWithin', { description: 'x'.repeat(80) })).toEqual({ label: 'Distinct within' });
  });
});

describe('rangeWords', () => {
  it('writes large bounds with separators', () => {
    expect(rangeWords({ minimum: 1, maximum: 10_000_000 })).toBe('1 to 10,000,000');
    expect(rangeWords({ maximum: 20 })).toBe('at most 20');
    expect(rangeWords({})).toBeUndefined();
  });
});

describe('numberText', () => {
  it('keeps what was typed while it reads as the value: two decimals stay "40.20"', () => {
    expect(numberText('40.20', 40.2)).toBe('40.20');
    expect(numberText('1e3', 1000)).toBe('1e3');
  });
  it('shows the value when it changed elsewhere (an undo), and nothing once it is gone', () => {
    expect(numberText('40.20', 12)).toBe('12');
    expect(numberText('', 3)).toBe('3');
    expect(numberText('40.20', undefined)).toBe('');
  });
  it('keeps a half-typed number', () => {
    expect(numberText('-', undefined)).toBe('-');
  });
});
