import { base, de, en, Faker, fr, ru, type LocaleDefinition } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directWebMethods } from './faker-web-shortcuts.js';
import { keyOf, Rng } from './random.js';
import { fakerTwins, outcome } from './testing/faker-twins.js';

const locales = { en: [en, base], de: [de, en, base], fr: [fr, en, base], ru: [ru, en, base] } as const;

// two fakers seeded alike, the twins on one (testing/faker-twins.ts)
function pair(locale: readonly LocaleDefinition[], seed: number) {
  return fakerTwins('web-shortcuts', locale, seed, directWebMethods);
}

type FileNameOptions = Parameters<Faker['system']['fileName']>[0];
const calls: [string, (f: Faker) => unknown][] = [
  ['internet.userAgent()', (f) => f.internet.userAgent()],
  ['system.semver()', (f) => f.system.semver()],
  ['system.fileName()', (f) => f.system.fileName()],
  ['system.fileName({})', (f) => f.system.fileName({})],
  ['system.fileName 0 extensions', (f) => f.system.fileName({ extensionCount: 0 })],
  ['system.fileName 3 extensions', (f) => f.system.fileName({ extensionCount: 3 })],
  ['system.fileName -1 extensions', (f) => f.system.fileName({ extensionCount: -1 })],
  ['system.fileName extension range', (f) => f.system.fileName({ extensionCount: { min: 0, max: 3 } })],
  ['system.fileName 1.5 extensions', (f) => f.system.fileName({ extensionCount: 1.5 })],
  ['system.fileName null extensions', (f) => f.system.fileName({ extensionCount: null } as unknown as FileNameOptions)],
  ['system.fileName null', (f) => f.system.fileName(null as unknown as FileNameOptions)],
  ['system.commonFileName()', (f) => f.system.commonFileName()],
  ['system.commonFileName txt', (f) => f.system.commonFileName('txt')],
  ['system.directoryPath()', (f) => f.system.directoryPath()],
  ['system.filePath()', (f) => f.system.filePath()],
  ['word.words()', (f) => f.word.words()],
];

describe('directWebMethods', () => {
  it.each(Object.keys(locales) as (keyof typeof locales)[])('every twin gives faker’s own value, error and draws, whatever the seed (%s)', (locale) => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const { ours, theirs, a, b } = pair(locales[locale], seed);
        for (let round = 0; round < 5; round++)
          for (const [name, call] of calls) expect([name, outcome(() => call(ours))]).toEqual([name, outcome(() => call(theirs))]);
        expect(a.uint32()).toBe(b.uint32());
      }),
      { numRuns: 100 },
    );
  });

  it('file names and user agents of made-up word lists and patterns are faker’s own', () => {
    const word = fc.string({ unit: fc.constantFrom(...'aZé ß-_.İΣσ9'.split('')), maxLength: 8 });
    // a list that is a string: faker spreads it into its characters
    const list = fc.oneof(fc.constant([]), fc.constant('xyz'), fc.array(word, { minLength: 1, maxLength: 5 }));
    const expression = fc.constantFrom(
      '{{number.int({"min":5,"max":13})}}',
      '{{number.int({"min":7,"max":7})}}',
      '{{number.int(3)}}',
      '{{number.int({"min":-2, "max":2})}}',
      '{{number.int({"min":1.5,"max":3})}}',
      '{{number.int({"min":9,"max":3})}}',
      '{{number.int({"max":3})}}',
      '{{number.int({"min":0,"max":50000})}}',
      '{{number.int()}}',
      '{{number.int}}',
      '{{helpers.arrayElement(["SM-G998U","6.1",10])}}',
      '{{helpers.arrayElement(["x"])}}',
      '{{helpers.arrayElement(["ab","c"])}}',
      '{{helpers.arrayElement(["{x","y}"])}}',
      '{{helpers.arrayElement(["{","y"])}}',
      '{{helpers.arrayElement([])}}',
      '{{helpers.arrayElement([["a","b"]])}}',
      '{{helpers.arrayElement(["{{system.semver}}"])}}',
      '{{system.semver}}',
      '{{system.semver()}}',
      '{{word.noun}}',
      '{{number.int({"min":1,"max":2}}',
    );
    const text = fc.constantFrom('', 'Mozilla/5.0 (', '; rv:', '.', ' {', '{{', '}}', '{x}', '{x}}', ' ');
    const pattern = fc.tuple(fc.array(fc.tuple(text, expression), { maxLength: 4 }), text).map(([parts, tail]) => parts.flat().join('') + tail);
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(list, { minLength: 7, maxLength: 7 }),
        fc.array(pattern, { minLength: 1, maxLength: 4 }),
        fc.constantFrom([], ['/usr/bin'], ['/a', '/b c', '/d']),
        fc.boolean(),
        fc.constantFrom(undefined, ['', 'x'], ['txt']),
        (seed, words, patterns, directories, semverList, extensions) => {
          const [adjective, adverb, conjunction, interjection, noun, preposition, verb] = words;
          // a list named like a method is drawn from too when faker evaluates an expression
          const custom = {
            word: { adjective, adverb, conjunction, interjection, noun, preposition, verb },
            internet: { user_agent_pattern: patterns },
            system: {
              directory_path: directories,
              ...(semverList ? { semver: ['9.9.9', '0.0.1'] } : {}),
              ...(extensions ? { mime_type: { 'a/b': { extensions } } } : {}),
            },
          } as unknown as LocaleDefinition;
          const { ours, theirs, a, b } = pair([custom, base], seed);
          for (let round = 0; round < 5; round++)
            for (const [name, call] of calls) expect([name, outcome(() => call(ours))]).toEqual([name, outcome(() => call(theirs))]);
          expect(a.uint32()).toBe(b.uint32());
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    'a {{helpers.arrayElement(["{","y"])}}{x}}',
    '{{{{helpers.arrayElement(["ab","c"])}}}}',
    '{{helpers.arrayElement(["{"])}}{{number.int(3)}}',
    'v{{system.semver}}.{{number.int({"min":0,"max":99})}} {{helpers.arrayElement(["6.1",10,"x"])}}',
    '{{number.int({"min":1,"max":2}}',
    'plain',
  ])('the user agent pattern %s is filled as faker fills it', (pattern) => {
    for (let seed = 0; seed < 100; seed++) {
      const { ours, theirs, a, b } = pair([{ internet: { user_agent_pattern: [pattern, pattern] } }, en, base], seed);
      for (let i = 0; i < 5; i++) expect(outcome(() => ours.internet.userAgent())).toEqual(outcome(() => theirs.internet.userAgent()));
      expect(a.uint32()).toBe(b.uint32());
    }
  });

  it('draws at the ends of [0, 1) give faker’s own values too', () => {
    // number.int sums floor(next() · size + min): near 1 it can round up past max, and the twin must follow
    const ends = [0, 0.5, 1 - 2 ** -53, 1 - 2 ** -50, 1 - 2 ** -45, 0.999];
    const scripted = (seed: number) => {
      const rng = new Rng();
      rng.reseed(keyOf('ends'), seed);
      return { next: () => ends[rng.uint32() % ends.length]!, seed: () => {} };
    };
    const patterns = ['{{number.int({"min":536,"max":605})}}', '{{number.int({"min":9007199254740000,"max":9007199254740990})}}', '{{system.semver}}'];
    for (let seed = 0; seed < 40; seed++) {
      const a = scripted(seed);
      const b = scripted(seed);
      const custom = { internet: { user_agent_pattern: patterns } } as LocaleDefinition;
      const ours = new Faker({ locale: [custom, en, base], randomizer: a });
      const theirs = new Faker({ locale: [custom, en, base], randomizer: b });
      directWebMethods(ours);
      for (let i = 0; i < 20; i++) for (const [name, call] of calls) expect([name, outcome(() => call(ours))]).toEqual([name, outcome(() => call(theirs))]);
      expect(a.next()).toBe(b.next());
    }
  });

  it('a method replaced on the instance is called, as faker calls it', () => {
    const { ours } = pair([{ internet: { user_agent_pattern: ['v{{system.semver}}', 'v{{system.semver}}'] } }, en, base], 1);
    const system = ours.system as unknown as Record<string, () => string>;
    system.fileExt = () => 'ext';
    system.semver = () => '1.2.3';
    expect(ours.system.fileName()).toMatch(/\.ext$/);
    expect(ours.internet.userAgent()).toBe('v1.2.3');
    system.fileName = () => 'replaced';
    expect(ours.system.filePath()).toMatch(/^\/.*\/replaced$/);
  });
});
