import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { keysetPage } from './keyset.js';

const page = (after?: string, before?: string) =>
  ({ after, before, limit: 10, inverted: false, expectedSize: 10, hasNextPage: false, hasPreviousPage: false }) as never;
// what CURSOR_COLUMN's to_char writes
const cursorOf = (date: Date, micros: number, id: string) => `${date.toISOString().slice(0, 19)}.${String(micros).padStart(6, '0')}|${id}`;

describe('keysetPage cursors', () => {
  it('accepts every cursor the database writes, and passes it on unchanged', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999_999 }),
        fc.uuid(),
        (date, micros, id) => {
          const cursor = cursorOf(date, micros, id);
          const params: unknown[] = [];
          keysetPage('e', page(cursor), params);
          expect(params.slice(0, 2)).toEqual([`${cursor.split('|')[0]}Z`, id]);
        },
      ),
    );
  });

  it('refuses anything else with a ValidationError naming the argument', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('after', 'before'), (junk, at) => {
        fc.pre(!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\|/.test(junk));
        const attempt = () => keysetPage('e', at === 'after' ? page(junk) : page(undefined, junk), []);
        expect(attempt).toThrow(ValidationError);
        try {
          attempt();
        } catch (error) {
          expect((error as ValidationError).problems).toEqual([{ path: at, message: 'not a cursor from this API' }]);
        }
      }),
    );
    for (const bad of ['2025-02-31T00:00:00.000000|00000000-0000-0000-0000-000000000001', '0000-01-01T00:00:00.000000|00000000-0000-0000-0000-000000000001']) {
      expect(() => keysetPage('e', page(bad), [])).toThrow(ValidationError);
    }
  });
});
