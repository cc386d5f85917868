import { describe, expect, it } from 'vitest';
import { commentExamples, exampleShape } from './comment-examples.js';

describe('example values in a column comment', () => {
  it('lists the tokens after e.g., for example or such as, up to the end of the sentence', () => {
    expect(commentExamples('e.g. repo.create, repo.archive, member.add, webhook.update')).toEqual([
      'repo.create',
      'repo.archive',
      'member.add',
      'webhook.update',
    ]);
    expect(commentExamples("What happened (for example 'login', 'logout' or 'password_reset'). Kept a year.")).toEqual(['login', 'logout', 'password_reset']);
    expect(commentExamples('Human readable shipment number, e.g. SHP-000123')).toEqual(['SHP-000123']);
    expect(commentExamples('Codes such as EUR and USD; upper case')).toEqual(['EUR', 'USD']);
  });

  it('gives nothing for prose or comments without examples', () => {
    expect(commentExamples('The time the row was created')).toBeUndefined();
    expect(commentExamples('e.g. when the user signs in again after a while')).toBeUndefined();
    expect(commentExamples(undefined)).toBeUndefined();
  });

  it('turns one example code into its shape, keeping its letters and the length of its digit runs', () => {
    expect(exampleShape('SHP-000123')).toBe('SHP-[0-9]{6}');
    expect(exampleShape('INV-2024-00017')).toBe('INV-[0-9]{4}-[0-9]{5}');
    for (const v of ['repo.create', 'hello', 'A1', 'abc-123']) expect(exampleShape(v)).toBeUndefined();
    expect(new RegExp(`^${exampleShape('PO12345')!}$`).test('PO99999')).toBe(true);
  });
});
