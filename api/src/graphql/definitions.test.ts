import { describe, expect, it } from 'vitest';
import { checkDefinition } from './definitions.js';
import { ValidationError } from './errors.js';

const table = (name: string, refTo?: string) => ({
  name,
  fields: [{ name: 'id', type: 'string.uuid' }, ...(refTo ? [{ name: `${refTo}_id`, type: 'ref', options: { table: refTo, field: 'id' } }] : [])],
});
const chain = { version: 1, tables: [table('a'), table('b', 'a')] };
// the same text but for one ref: a cycle compile refuses (parse alone lets it through)
const cycle = { version: 1, tables: [table('a', 'b'), table('b', 'a')] };

describe('checkDefinition (compiled definitions remembered by their text)', () => {
  it('answers a definition seen before as it did the first time: the same parse, or the same refusal', () => {
    const first = checkDefinition(chain);
    expect(checkDefinition(structuredClone(chain))).toEqual(first);
    for (let i = 0; i < 2; i++) {
      const error = (() => {
        try {
          checkDefinition(cycle);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
    }
    // a near copy of an accepted definition is checked for itself
    expect(() => checkDefinition({ ...chain, tables: [table('a', 'b'), table('b', 'a')] })).toThrow(ValidationError);
  });
});
