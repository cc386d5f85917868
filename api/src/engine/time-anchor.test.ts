// The definition's referenceDate is the only "now": every type (faker's relative dates, after/before
// with "now", expressions with now()) gives the same bytes whatever the machine's clock says.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalog } from './catalog.js';
import { compile } from './compile.js';
import { type Definition, type FieldDefinition, parseDefinition } from './definition.js';
import { DefinitionError } from './errors.js';
import { generateRows } from './generate.js';
import { withReferenceDate } from './time-anchor.js';

const REFERENCE = '2031-03-15T12:00:00.000Z';

function everyType(): Definition {
  // the fields built-in examples may read (as in the catalog test)
  const fields: FieldDefinition[] = [
    { name: 'id', type: 'sequence' },
    { name: 'first_name', type: 'person.firstName' },
    { name: 'last_name', type: 'person.lastName' },
    { name: 'created_at', type: 'date.past' },
  ];
  for (const type of catalog) {
    if (['ref', 'exactlyOne', 'aggregate', 'share'].includes(type.id)) continue; // relations: they need another table
    fields.push({ name: `f${fields.length}`, type: type.id, options: type.exampleOptions });
  }
  fields.push(
    { name: 'past', type: 'date.past', options: { years: 2 } },
    { name: 'birth', type: 'date.birthdate' },
    { name: 'later', type: 'after', options: { from: 'past', max: 4000, atMost: 'now' } },
    { name: 'since', type: 'before', options: { from: 'past', max: 10, fallback: 'now' } },
    { name: 'age_days', type: 'expression', options: { expr: 'floor(days_between(now(), past))' } },
    { name: 'next', type: 'dateAfter', options: { field: 'past' } },
  );
  return { version: 1, seed: 'anchor', referenceDate: REFERENCE, tables: [{ name: 't', rows: 300, fields }] };
}

function bytes(def: Definition): string {
  const plan = compile(def);
  let out = '';
  for (const batch of generateRows(plan, 't', 0, 300)) for (const row of batch) out += `${JSON.stringify(row)}\n`;
  return out;
}

describe('time anchor', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the same bytes under any system clock', () => {
    const def = everyType();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
    const early = bytes(def);
    vi.setSystemTime(new Date('2087-07-07T07:07:07Z'));
    const late = bytes(def);
    vi.useRealTimers();
    expect(late).toBe(early);
    expect(bytes(def)).toBe(early);
  });

  it('counts relative dates back from the reference instant', () => {
    const def = everyType();
    const plan = compile(def);
    const columns = plan.tables[0].columns.map((c) => c.name);
    const at = (name: string) => columns.indexOf(name);
    const reference = Date.parse(REFERENCE);
    for (const batch of generateRows(plan, 't', 0, 300))
      for (const row of batch) {
        const past = (row[at('past')] as Date).getTime();
        expect(past).toBeLessThanOrEqual(reference);
        expect(past).toBeGreaterThanOrEqual(reference - 2 * 366 * 86_400_000);
        expect((row[at('birth')] as Date).getTime()).toBeLessThan(reference);
        expect((row[at('later')] as Date).getTime()).toBeLessThanOrEqual(reference);
        expect(row[at('age_days')]).toBe(Math.floor((reference - past) / 86_400_000));
      }
  });
});

describe('withReferenceDate', () => {
  it('sets the reference instant of a definition that has none, and keeps one that is set', () => {
    const now = new Date('2026-12-02T03:40:12.345Z');
    expect(withReferenceDate({ version: 1, tables: [] }, now)).toEqual({ version: 1, tables: [], referenceDate: '2026-12-02T03:40:12.000Z' });
    const set = { version: 1, tables: [], referenceDate: '2020-01-01T00:00:00.000Z' };
    expect(withReferenceDate(set, now)).toBe(set);
    expect(withReferenceDate('not an object', now)).toBe('not an object');
  });

  it('refuses a reference instant that is not an ISO date, saying what it must be (the builder shows it beside the settings)', () => {
    const issues = (() => {
      try {
        parseDefinition({ version: 1, referenceDate: 'next tuesday', tables: [{ name: 't', fields: [{ name: 'id', type: 'sequence' }] }] });
      } catch (e) {
        return e instanceof DefinitionError ? e.issues : e;
      }
    })();
    expect(issues).toEqual([{ path: 'referenceDate', message: 'must be an ISO 8601 date or date-time (2025-01-01 or 2025-01-01T00:00:00Z)' }]);
    for (const ok of ['2020-02-29', '2020-02-29T12:00:00Z', '2020-02-29T12:00:00.000+02:00'])
      expect(() => parseDefinition({ version: 1, referenceDate: ok, tables: [{ name: 't', fields: [{ name: 'id', type: 'sequence' }] }] })).not.toThrow();
  });
});
