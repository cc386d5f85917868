import { base, de, en, Faker, fr, ru, uk } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directTextMethods } from './faker-text-shortcuts.js';
import { keyOf, Rng } from './random.js';
import { fakerTwins, outcome, REF } from './testing/faker-twins.js';

const locales = { en: [en, base], de: [de, en, base], fr: [fr, en, base], ru: [ru, en, base], uk: [uk, en, base] } as const;

// two fakers seeded alike, the twins on one (testing/faker-twins.ts)
function pair(locale: keyof typeof locales, seed: number) {
  return fakerTwins('text-shortcuts', locales[locale], seed, directTextMethods);
}

const calls: [string, (f: Faker) => unknown][] = [
  ['string.uuid()', (f) => f.string.uuid()],
  ['string.uuid({})', (f) => f.string.uuid({})],
  ['string.uuid v7', (f) => f.string.uuid({ version: 7, refDate: REF })],
  ['string.nanoid()', (f) => f.string.nanoid()],
  ['string.nanoid(5)', (f) => f.string.nanoid(5)],
  ['string.nanoid(0)', (f) => f.string.nanoid(0)],
  ['string.nanoid(2.5)', (f) => f.string.nanoid(2.5)],
  ['string.nanoid(NaN)', (f) => f.string.nanoid(NaN)],
  ['string.nanoid range', (f) => f.string.nanoid({ min: 3, max: 30 })],
  ['string.nanoid bad range', (f) => f.string.nanoid({ min: 9, max: 3 })],
  ['string.alphanumeric()', (f) => f.string.alphanumeric()],
  ['string.alphanumeric(64)', (f) => f.string.alphanumeric(64)],
  ['string.alphanumeric(100)', (f) => f.string.alphanumeric(100)],
  ['string.alphanumeric(-1)', (f) => f.string.alphanumeric(-1)],
  ['string.alphanumeric(1.5)', (f) => f.string.alphanumeric(1.5)],
  ['string.alphanumeric upper', (f) => f.string.alphanumeric({ length: 8, casing: 'upper' })],
  ['string.alphanumeric lower range', (f) => f.string.alphanumeric({ length: { min: 0, max: 12 }, casing: 'lower' })],
  ['string.alphanumeric exclude', (f) => f.string.alphanumeric({ length: 8, exclude: ['a', '0'] })],
  ['string.alphanumeric exclude none', (f) => f.string.alphanumeric({ length: 8, exclude: [] })],
  ['string.hexadecimal()', (f) => f.string.hexadecimal()],
  ['string.hexadecimal upper', (f) => f.string.hexadecimal({ length: 12, casing: 'upper' })],
  ['string.hexadecimal lower no prefix', (f) => f.string.hexadecimal({ length: 40, casing: 'lower', prefix: '' })],
  ['string.hexadecimal range', (f) => f.string.hexadecimal({ length: { min: 0, max: 9 }, prefix: '#' })],
  ['string.hexadecimal 0', (f) => f.string.hexadecimal({ length: 0 })],
  ['string.hexadecimal 2.5', (f) => f.string.hexadecimal({ length: 2.5 })],
  ['string.hexadecimal odd casing', (f) => f.string.hexadecimal({ length: 4, casing: 'weird' as 'upper' })],
  ['string.hexadecimal casing constructor', (f) => f.string.hexadecimal({ length: 4, casing: 'constructor' as 'upper' })],
  ['string.alphanumeric casing constructor', (f) => f.string.alphanumeric({ length: 4, casing: 'constructor' as 'upper' })],
  ['git.commitSha()', (f) => f.git.commitSha()],
  ['git.commitSha(7)', (f) => f.git.commitSha({ length: 7 })],
  ['internet.username()', (f) => f.internet.username()],
  ['internet.username first', (f) => f.internet.username({ firstName: 'Zoë' })],
  ['internet.username both', (f) => f.internet.username({ firstName: "D'Arcy", lastName: 'Ångström Straße' })],
  ['internet.username empty last', (f) => f.internet.username({ lastName: '' })],
  ['internet.username other scripts', (f) => f.internet.username({ firstName: 'Жанна', lastName: 'Ὀδυσσεύς 中' })],
  ['internet.email()', (f) => f.internet.email()],
  ['internet.email names', (f) => f.internet.email({ firstName: 'Émile', lastName: 'Zola' })],
  ['internet.exampleEmail()', (f) => f.internet.exampleEmail()],
  ['internet.email provider', (f) => f.internet.email({ provider: 'tdg.test' })],
  ['internet.email special', (f) => f.internet.email({ allowSpecialCharacters: true })],
  ['internet.email dots', (f) => f.internet.email({ firstName: '.Ann..', lastName: 'Lee.' })],
  ['internet.email long', (f) => f.internet.email({ firstName: 'A'.repeat(49), lastName: 'Bé.' })],
  ['internet.email odd', (f) => f.internet.email({ firstName: "O'Neil !#", lastName: 'Smith-Jones+x' })],
  ['internet.displayName()', (f) => f.internet.displayName()],
  ['internet.jwt()', (f) => f.internet.jwt()],
  ['internet.jwt refDate', (f) => f.internet.jwt({ refDate: '2020-02-29T12:00:00Z' })],
  ['internet.jwt header', (f) => f.internet.jwt({ header: { alg: 'none' } })],
  ['internet.jwt bad refDate', (f) => f.internet.jwt({ refDate: 'not a date' })],
  ['internet.jwt refDate number', (f) => f.internet.jwt({ refDate: 1_700_000_000_123 })],
  ['internet.jwt refDate far', (f) => f.internet.jwt({ refDate: 8.64e15 - 1000 })],
  ['internet.jwt refDate early', (f) => f.internet.jwt({ refDate: '0001-03-01T00:00:00Z' })],
  ['git.commitEntry()', (f) => f.git.commitEntry()],
  ['git.commitEntry merge LF', (f) => f.git.commitEntry({ merge: true, eol: 'LF', refDate: '2001-03-01T00:00:00.500Z' })],
  ['git.commitDate()', (f) => f.git.commitDate()],
  ['git.commitDate refDate', (f) => f.git.commitDate({ refDate: 1_000_000_000_000 })],
  ['git.commitDate bad refDate', (f) => f.git.commitDate({ refDate: 'nope' })],
  ['git.commitDate early', (f) => f.git.commitDate({ refDate: '0001-01-01T00:00:00Z' })],
  ['person.firstName()', (f) => f.person.firstName()],
  ['person.firstName female', (f) => f.person.firstName('female')],
  ['person.firstName male', (f) => f.person.firstName('male')],
  ['person.firstName generic', (f) => f.person.firstName('generic')],
  ['person.lastName()', (f) => f.person.lastName()],
  ['person.lastName female', (f) => f.person.lastName('female')],
  ['person.lastName male', (f) => f.person.lastName('male')],
  ['person.lastName generic', (f) => f.person.lastName('generic')],
  ['company.name()', (f) => f.company.name()],
  ['person.fullName()', (f) => f.person.fullName()],
  ['person.fullName female', (f) => f.person.fullName({ sex: 'female' })],
  ['person.fullName generic', (f) => f.person.fullName({ sex: 'generic' })],
  ['person.fullName names', (f) => f.person.fullName({ firstName: 'A$&b', lastName: '{{person.suffix}}' })],
];

describe('directTextMethods', () => {
  it.each(Object.keys(locales) as (keyof typeof locales)[])('every twin gives faker’s own value, error and draws, whatever the seed (%s)', (locale) => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const { ours, theirs, a, b } = pair(locale, seed);
        for (let round = 0; round < 5; round++)
          for (const [name, call] of calls) expect([name, outcome(() => call(ours))]).toEqual([name, outcome(() => call(theirs))]);
        expect(a.uint32()).toBe(b.uint32());
      }),
      { numRuns: 30 },
    );
  });

  it('on a randomizer other than the engine’s Rng, every twin is faker’s own too', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const a = new Rng();
        const b = new Rng();
        a.reseed(keyOf('other-randomizer'), seed);
        b.reseed(keyOf('other-randomizer'), seed);
        const ours = new Faker({ locale: [en, base], randomizer: { next: () => a.next(), seed: () => {} } });
        const theirs = new Faker({ locale: [en, base], randomizer: b });
        for (const f of [ours, theirs]) f.setDefaultRefDate(REF);
        directTextMethods(ours);
        for (const [name, call] of calls) expect([name, outcome(() => call(ours))]).toEqual([name, outcome(() => call(theirs))]);
        expect(a.uint32()).toBe(b.uint32());
      }),
      { numRuns: 30 },
    );
  });

  it('long strings (past the shared scratch buffer) are faker’s own', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { ours, theirs, a, b } = pair('en', seed);
      for (const f of [ours, theirs]) f.string.nanoid(3); // the scratch buffer in use before
      expect(ours.string.nanoid(5000)).toBe(theirs.string.nanoid(5000));
      expect(ours.string.alphanumeric({ length: 4097, casing: 'upper' })).toBe(theirs.string.alphanumeric({ length: 4097, casing: 'upper' }));
      expect(ours.string.hexadecimal({ length: 5000, prefix: 'hex:' })).toBe(theirs.string.hexadecimal({ length: 5000, prefix: 'hex:' }));
      expect(ours.string.nanoid(4096)).toBe(theirs.string.nanoid(4096));
      // a JWT whose issuer is long and not ASCII
      for (const f of [ours, theirs]) f.company.name = () => `Ωmega "${'é'.repeat(2000 + seed)}"`;
      expect(ours.internet.jwt()).toBe(theirs.internet.jwt());
      expect(a.uint32()).toBe(b.uint32());
    }
  });

  it('usernames and emails of any names are faker’s own', () => {
    const name = fc.string({ unit: fc.constantFrom(..."aZ09._-+ '!é.ЖΩ中".split('')), maxLength: 60 });
    fc.assert(
      fc.property(fc.nat(), name, name, fc.boolean(), (seed, firstName, lastName, withLast) => {
        const { ours, theirs, a, b } = pair('en', seed);
        const names = withLast ? { firstName, lastName } : { firstName };
        expect(ours.internet.email(names)).toBe(theirs.internet.email(names));
        expect(ours.internet.username(names)).toBe(theirs.internet.username(names));
        expect(a.uint32()).toBe(b.uint32());
      }),
      { numRuns: 500 },
    );
  });

  it('a username of names in other scripts is transliterated as faker does it', () => {
    const { ours } = pair('ru', 1);
    const name = ours.internet.username({ firstName: 'Жанна', lastName: 'Ёлкина' });
    expect(name).toMatch(/^[\x21-\x7e]+$/);
    expect(name.toLowerCase()).toContain('zh');
  });
});
