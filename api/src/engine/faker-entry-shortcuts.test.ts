import { base, de, en, Faker, fr, type LocaleDefinition, ru } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directDraws, keepFakePatterns, keepFileExtensions, keepMustachePatterns } from './faker-shortcuts.js';
import { directTextMethods } from './faker-text-shortcuts.js';
import { fakerTwins, outcome } from './testing/faker-twins.js';

const locales: Record<string, LocaleDefinition[]> = { en: [en, base], de: [de, en, base], fr: [fr, en, base], ru: [ru, en, base] };

// two fakers seeded alike, the twins on one (testing/faker-twins.ts), alone or with the engine's
// other shortcuts as compile installs them
function pair(locale: LocaleDefinition[], seed: number, engine = false) {
  return fakerTwins('entry-shortcuts', locale, seed, (ours) => {
    if (engine) {
      keepMustachePatterns(ours);
      keepFakePatterns(ours);
      directDraws(ours);
      keepFileExtensions(ours);
    }
    directTextMethods(ours);
  });
}

type Call = [string, (f: Faker) => unknown];

const calls: Call[] = [
  ['vehicle.vin()', (f) => f.vehicle.vin()],
  ['finance.iban()', (f) => f.finance.iban()],
  ['finance.iban formatted', (f) => f.finance.iban({ formatted: true })],
  ['finance.iban not formatted', (f) => f.finance.iban({ formatted: false })],
  ['finance.iban DE', (f) => f.finance.iban({ countryCode: 'DE' })],
  ['finance.iban BR formatted', (f) => f.finance.iban({ countryCode: 'BR', formatted: true })],
  ['finance.iban empty country', (f) => f.finance.iban({ countryCode: '' })],
  ['finance.iban unknown country', (f) => f.finance.iban({ countryCode: 'XX' })],
  ['finance.iban lower-case country', (f) => f.finance.iban({ countryCode: 'de' })],
  ['string.numeric()', (f) => f.string.numeric()],
  ['string.numeric(4)', (f) => f.string.numeric(4)],
  ['string.numeric(0)', (f) => f.string.numeric(0)],
  ['string.numeric(-1)', (f) => f.string.numeric(-1)],
  ['string.numeric(2.5)', (f) => f.string.numeric(2.5)],
  ['string.numeric no leading zero', (f) => f.string.numeric({ length: 12, allowLeadingZeros: false })],
  ['string.numeric one, no leading zero', (f) => f.string.numeric({ length: 1, allowLeadingZeros: false })],
  ['string.numeric leading zero null', (f) => f.string.numeric({ length: 3, allowLeadingZeros: null as unknown as boolean })],
  ['string.numeric range', (f) => f.string.numeric({ length: { min: 0, max: 8 } })],
  ['string.numeric bad range', (f) => f.string.numeric({ length: { min: 5, max: 2 } })],
  ['string.numeric exclude', (f) => f.string.numeric({ length: 5, exclude: ['0', '7'] })],
  ['string.numeric exclude text', (f) => f.string.numeric({ length: 5, exclude: '123', allowLeadingZeros: false })],
  ['string.numeric exclude none', (f) => f.string.numeric({ length: 5, exclude: [] })],
  ['string.numeric exclude empty text', (f) => f.string.numeric({ length: 5, exclude: '' })],
  ['finance.amount()', (f) => f.finance.amount()],
  ['finance.amount range', (f) => f.finance.amount({ min: 5, max: 10 })],
  ['finance.amount dec 0', (f) => f.finance.amount({ dec: 0 })],
  ['finance.amount dec 5 symbol', (f) => f.finance.amount({ min: -5.5, max: 3.25, dec: 5, symbol: '$' })],
  ['finance.amount one value', (f) => f.finance.amount({ min: 1, max: 1 })],
  ['finance.amount no value', (f) => f.finance.amount({ min: 1.005, max: 1.005 })],
  ['finance.amount max < min', (f) => f.finance.amount({ min: 10, max: 5 })],
  ['finance.amount autoFormat', (f) => f.finance.amount({ autoFormat: true, dec: 1 })],
  ['finance.amount dec 101', (f) => f.finance.amount({ dec: 101 })],
  ['finance.amount dec 1.5', (f) => f.finance.amount({ dec: 1.5 })],
  ['finance.amount dec -1', (f) => f.finance.amount({ dec: -1 })],
  ['finance.amount huge', (f) => f.finance.amount({ min: -1e300, max: 1e300, dec: 3 })],
  ['finance.transactionDescription()', (f) => f.finance.transactionDescription()],
  ['git.commitMessage()', (f) => f.git.commitMessage()],
  ['person.firstName()', (f) => f.person.firstName()],
  ['person.firstName female', (f) => f.person.firstName('female')],
  ['person.firstName male', (f) => f.person.firstName('male')],
  ['person.firstName generic', (f) => f.person.firstName('generic')],
  ['person.lastName()', (f) => f.person.lastName()],
  ['person.lastName female', (f) => f.person.lastName('female')],
  ['person.lastName male', (f) => f.person.lastName('male')],
  ['person.lastName generic', (f) => f.person.lastName('generic')],
  ['person.fullName()', (f) => f.person.fullName()],
  ['company.name()', (f) => f.company.name()],
  ['git.commitEntry()', (f) => f.git.commitEntry()],
  ['git.commitEntry({})', (f) => f.git.commitEntry({})],
  ['git.commitEntry merge', (f) => f.git.commitEntry({ merge: true })],
  ['git.commitEntry no merge', (f) => f.git.commitEntry({ merge: false })],
  ['git.commitEntry LF', (f) => f.git.commitEntry({ eol: 'LF' })],
  ['git.commitEntry CRLF merge', (f) => f.git.commitEntry({ eol: 'CRLF', merge: true })],
  ['git.commitEntry odd eol', (f) => f.git.commitEntry({ eol: 'CR' as 'LF' })],
  ['git.commitEntry merge LF refDate', (f) => f.git.commitEntry({ merge: true, eol: 'LF', refDate: '2001-03-01T00:00:00.500Z' })],
  ['git.commitEntry refDate number', (f) => f.git.commitEntry({ refDate: 1_000_000_000_000 })],
  ['git.commitEntry refDate Date', (f) => f.git.commitEntry({ refDate: new Date('2020-02-29T23:59:59Z') })],
  ['git.commitEntry bad refDate', (f) => f.git.commitEntry({ refDate: 'not a date' })],
];

describe('directEntryMethods', () => {
  it('is installed', () => {
    const { ours, theirs } = pair(locales.en!, 1);
    for (const [module, method] of [
      ['vehicle', 'vin'],
      ['string', 'numeric'],
      ['finance', 'amount'],
      ['finance', 'iban'],
      ['finance', 'transactionDescription'],
      ['git', 'commitMessage'],
      ['person', 'firstName'],
      ['person', 'lastName'],
      ['git', 'commitEntry'],
    ] as const) {
      const twin = (ours[module] as unknown as Record<string, () => unknown>)[method];
      expect(twin).not.toBe((theirs[module] as unknown as Record<string, () => unknown>)[method]);
      expect(twin!.name).not.toBe(`bound ${method}`);
    }
  });

  describe.each([false, true])('with the engine’s other shortcuts: %s', (engine) => {
    it.each(Object.keys(locales))('every twin gives faker’s own value, error and draws, whatever the seed (%s)', (locale) => {
      fc.assert(
        fc.property(fc.nat(), (seed) => {
          const { ours, theirs, a, b } = pair(locales[locale]!, seed, engine);
          for (let round = 0; round < 3; round++)
            for (const [name, call] of calls) expect([name, outcome(() => call(ours))]).toEqual([name, outcome(() => call(theirs))]);
          expect(a.uint32()).toBe(b.uint32());
        }),
        { numRuns: 100 },
      );
    });
  });

  it('ibans of every country faker knows are faker’s own', () => {
    const { theirs } = pair(locales.en!, 0);
    const countries = new Set(Array.from({ length: 3000 }, () => theirs.finance.iban().slice(0, 2)));
    expect(countries.size).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...countries), fc.boolean(), (seed, countryCode, formatted) => {
        const { ours, theirs, a, b } = pair(locales.en!, seed);
        for (let round = 0; round < 20; round++) expect(ours.finance.iban({ countryCode, formatted })).toBe(theirs.finance.iban({ countryCode, formatted }));
        expect(a.uint32()).toBe(b.uint32());
      }),
      { numRuns: 300 },
    );
  });

  it('commit entries of any options are faker’s own', () => {
    const options = fc.record(
      {
        merge: fc.oneof(fc.boolean(), fc.constant(undefined)),
        eol: fc.constantFrom('LF', 'CRLF', undefined),
        refDate: fc.oneof(
          fc.constant(undefined),
          fc.integer({ min: -8.64e15, max: 8.64e15 }),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...Object.keys(locales)), options, (seed, locale, o) => {
        const { ours, theirs, a, b } = pair(locales[locale]!, seed, true);
        const given = o as { merge?: boolean; eol?: 'LF' | 'CRLF'; refDate?: number | string };
        for (let round = 0; round < 5; round++) expect(outcome(() => ours.git.commitEntry(given))).toEqual(outcome(() => theirs.git.commitEntry(given)));
        expect(a.uint32()).toBe(b.uint32());
      }),
      { numRuns: 300 },
    );
  });

  // name lists of every shape faker's pick by sex meets: a sex's list alone, the generic list alone,
  // both, none, an empty one (a weight of 0: faker's error), last-name patterns or none
  const nameLocales: [string, Record<string, unknown>][] = [
    [
      'female and generic',
      { first_name: { female: ['Fa', 'Fb'], generic: ['G'] }, last_name: { male: ['Ma'], generic: ['Ga', 'Gb', 'Gc'] }, last_name_pattern: null },
    ],
    ['an empty list', { first_name: { female: [], male: ['M'], generic: ['G'] }, last_name: { female: ['Fa'], generic: [] }, last_name_pattern: null }],
    ['no generic', { first_name: { male: ['M'] }, last_name: { female: ['F'], male: ['M'] }, last_name_pattern: null }],
    ['no first names', { first_name: null }],
    [
      'weighted patterns',
      {
        last_name: { generic: ['Ga', 'Gb'], female: ['Fa'] },
        last_name_pattern: {
          generic: [
            { value: 'A', weight: 2 },
            { value: '{{person.last_name.generic}}', weight: 0.5 },
          ],
          female: [{ value: '{{person.last_name.female}}-{{person.last_name.generic}}', weight: 1 }],
        },
      },
    ],
    ['a pattern of weight 0', { last_name_pattern: { generic: [{ value: 'A', weight: 0 }] } }],
  ];
  it.each(nameLocales)('names of lists with %s are faker’s own', (_name, names) => {
    const name: Call[] = [
      ['firstName()', (f) => f.person.firstName()],
      ['firstName female', (f) => f.person.firstName('female')],
      ['firstName male', (f) => f.person.firstName('male')],
      ['firstName generic', (f) => f.person.firstName('generic')],
      ['lastName()', (f) => f.person.lastName()],
      ['lastName female', (f) => f.person.lastName('female')],
      ['lastName male', (f) => f.person.lastName('male')],
      ['lastName generic', (f) => f.person.lastName('generic')],
      ['fullName()', (f) => f.person.fullName()],
      ['git.commitEntry()', (f) => f.git.commitEntry()],
    ];
    fc.assert(
      fc.property(fc.nat(), fc.boolean(), (seed, engine) => {
        const { ours, theirs, a, b } = pair([{ person: names }, en, base], seed, engine);
        for (let round = 0; round < 5; round++)
          for (const [label, call] of name) expect([label, outcome(() => call(ours))]).toEqual([label, outcome(() => call(theirs))]);
        expect(a.uint32()).toBe(b.uint32());
      }),
      { numRuns: 100 },
    );
  });

  it('a draw that lands on the edge between two weights picks as faker picks', () => {
    // 0.5 every time: male, then 0.5 · (3·√1 + √9) = 3, the edge between the male and the
    // generic first names; last-name patterns of weights 1 and 1: 0.5 · 2 = 1, their edge
    const person = {
      first_name: { male: ['M'], generic: ['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8', 'G9'] },
      last_name_pattern: {
        generic: [
          { value: 'A', weight: 1 },
          { value: 'B', weight: 1 },
        ],
      },
    };
    const made = () => new Faker({ locale: [{ person } as LocaleDefinition, en, base], randomizer: { next: () => 0.5, seed: () => {} } });
    const [ours, theirs] = [made(), made()];
    directTextMethods(ours);
    expect(ours.person.firstName()).toBe(theirs.person.firstName());
    expect(ours.person.lastName()).toBe(theirs.person.lastName());
  });

  it('an author faker cleans up (quotes, dots, angle brackets) is cleaned up alike', () => {
    const names = fc.string({ unit: fc.constantFrom(...'aZ .,:;"\'\\<>\n'.split('')), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.nat(), names, names, (seed, firstName, lastName) => {
        // the names come from these locale lists, so every draw sees them
        const locale = [{ person: { first_name: { generic: [firstName] }, last_name: { generic: [lastName] } } }, en, base];
        const { ours, theirs, a, b } = pair(locale, seed, true);
        for (let round = 0; round < 5; round++) expect(ours.git.commitEntry()).toBe(theirs.git.commitEntry());
        expect(a.uint32()).toBe(b.uint32());
      }),
      { numRuns: 300 },
    );
  });

  it('amounts of any bounds and fraction digits are faker’s own', () => {
    const bound = fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -1000, max: 1000 }), fc.constant(undefined));
    fc.assert(
      fc.property(fc.nat(), bound, bound, fc.oneof(fc.integer({ min: -2, max: 102 }), fc.constant(undefined)), (seed, min, max, dec) => {
        const { ours, theirs, a, b } = pair(locales.en!, seed, true);
        const options = { min, max, dec };
        for (let round = 0; round < 5; round++) expect(outcome(() => ours.finance.amount(options))).toEqual(outcome(() => theirs.finance.amount(options)));
        expect(a.uint32()).toBe(b.uint32());
      }),
      { numRuns: 500 },
    );
  });

  // patterns of every kind of part faker's helpers.fake evaluates: a method, a method with
  // arguments, a raw list, a method with a list of its name (drawn from, then dropped), a call
  // returning a list (drawn from), expressions left to faker, braces before a part, a value
  // holding a '{' or a whole expression
  const patterns = [
    '{{finance.transactionType}} of {{finance.currencyCode}} {{finance.amount}} at {{company.name}} ****{{string.numeric(4)}}',
    'Ref {{finance.transaction_type}}/{{finance.accountName}}',
    '{{location.nearbyGPSCoordinate()}} and {{finance.transactionType}}',
    '{{string.alpha({"length": 3})}} {{finance.transactionType}}',
    '{{string.alpha(abc)}} {{person.last_name.generic}}',
    '{ {{finance.transactionType}} }',
    '{{{{finance.transactionType}}}} {{finance.currencyCode}}',
    '{{finance.transactionType}} {{helpers.maybe(null)}}',
    '{{hacker.noun}} {{finance.pin(6)}} {{finance.missing}} {{number.int}}',
    'plain text',
  ];
  it.each(patterns)('the pattern %j gives faker’s own text and draws', (pattern) => {
    const finance = {
      transaction_description_pattern: [pattern],
      transaction_type: ['pay', 'pay{ment}', 'pay {{finance.currencyCode}}', 'refund'],
      accountName: ['a', 'b'],
    };
    fc.assert(
      fc.property(fc.nat(), fc.boolean(), (seed, engine) => {
        const { ours, theirs, a, b } = pair([{ finance }, en, base], seed, engine);
        for (let round = 0; round < 10; round++)
          expect(outcome(() => ours.finance.transactionDescription())).toEqual(outcome(() => theirs.finance.transactionDescription()));
        expect(a.uint32()).toBe(b.uint32());
      }),
      { numRuns: 100 },
    );
  });
});
