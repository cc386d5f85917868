import { base, en, Faker, type LocaleDefinition } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { de, fr, ru } from '@faker-js/faker';
import { directDraws, fastLorem, keepFakePatterns, keepFileExtensions, keepMustachePatterns } from './faker-shortcuts.js';
import { keyOf, Rng } from './random.js';

type Count = number | { min: number; max: number };

// two fakers on two PRNGs seeded alike: the twin must give faker's value and leave the PRNG where
// faker leaves it, or every later value of the block would shift
function pair(seed = 7, locale: LocaleDefinition[] = [en, base]) {
  const a = new Rng();
  const b = new Rng();
  a.reseed(keyOf('fast-lorem'), seed);
  b.reseed(keyOf('fast-lorem'), seed);
  return { ours: new Faker({ locale, randomizer: a }), theirs: new Faker({ locale, randomizer: b }), a, b };
}

const cases: [string, unknown[]][] = [
  ['lorem.word', []],
  ['lorem.word', [{}]],
  ['lorem.words', []],
  ['lorem.words', [5]],
  ['lorem.words', [{ min: 0, max: 4 }]],
  ['lorem.sentence', []],
  ['lorem.sentence', [{ min: 4, max: 10 }]],
  ['lorem.sentence', [{ min: 0, max: 1 }]],
  ['lorem.sentences', []],
  ['lorem.sentences', [{ min: 1, max: 3 }]],
  ['lorem.paragraph', []],
  ['lorem.paragraph', [{ min: 2, max: 5 }]],
  ['lorem.paragraph', [{ min: 0, max: 0 }]],
  ['lorem.paragraphs', []],
  ['lorem.paragraphs', [2]],
  ['lorem.paragraphs', [0]],
  ['lorem.paragraphs', [{ min: 0, max: 4 }]],
  ['lorem.paragraphs', [{ min: 1, max: 1 }]],
  ['lorem.paragraphs', [{ min: 30, max: 80 }]],
  ['lorem.sentences', [{ min: 200, max: 400 }]],
  ['lorem.lines', []],
  ['lorem.lines', [{ min: 1, max: 3 }]],
  ['lorem.lines', [{ min: 0, max: 0 }]],
  ['lorem.text', []],
];

describe('fastLorem', () => {
  it.each(cases)('%s %j gives faker’s own values and draws, whatever the seed', (id, args) => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const { ours, theirs, a, b } = pair(seed);
        const fast = fastLorem(ours, id, args);
        expect(fast).toBeTypeOf('function');
        const [module, method] = id.split('.') as ['lorem', 'word'];
        const slow = (theirs[module][method] as (...x: unknown[]) => string).bind(theirs[module]);
        for (let i = 0; i < 100; i++) expect(fast!()).toBe(slow(...args));
        expect(a.uint32()).toBe(b.uint32());
      }),
      { numRuns: 40 },
    );
  });

  // Latin-1 text (en, de, fr), UTF-16 text (ru), and made-up word lists: empty words, a
  // capital longer than its letter (ß), a one-word list, sentences longer than the buffer
  const texts: [string, Count[]][] = [
    ['lorem.paragraphs', []],
    ['lorem.sentence', []],
    ['lorem.text', []],
    ['lorem.lines', []],
    ['lorem.paragraphs', [{ min: 0, max: 12 }]],
  ];
  const theirTexts = (f: Faker, more: [string, Count[]][] = []) =>
    [...texts, ...more].map(([id, args]) => (f.lorem as unknown as Record<string, (...a: Count[]) => string>)[id.split('.')[1]!]!(...args));
  const ourTexts = (f: Faker, more: [string, Count[]][] = []) => {
    const made = [...texts, ...more].map(([id, args]) => fastLorem(f, id, args)!);
    return () => made.map((make) => make());
  };
  it.each([
    ['en', [en, base]],
    ['de', [de, en, base]],
    ['fr', [fr, en, base]],
    ['ru', [ru, en, base]],
  ] as const)('paragraphs, sentences, lines and texts are faker’s own (%s)', (_name, locale) => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const { ours, theirs, a, b } = pair(seed, [...locale]);
        const fast = ourTexts(ours);
        for (let i = 0; i < 20; i++) expect(fast()).toEqual(theirTexts(theirs));
        expect(a.uint32()).toBe(b.uint32());
      }),
      { numRuns: 40 },
    );
  });

  it('texts of made-up word lists are faker’s own', () => {
    const word = fc.string({ unit: fc.constantFrom(...'aßé ǆΣ中İ-'.split('')), maxLength: 6 });
    fc.assert(
      fc.property(fc.nat(), fc.array(word, { minLength: 1, maxLength: 6 }), (seed, words) => {
        const { ours, theirs, a, b } = pair(seed, [{ lorem: { word: words } }, base]);
        const long: [string, Count[]][] = [['lorem.sentence', [{ min: 0, max: 3000 }]]];
        const fast = ourTexts(ours, long);
        for (let i = 0; i < 5; i++) expect(fast()).toEqual(theirTexts(theirs, long));
        expect(a.uint32()).toBe(b.uint32());
      }),
      { numRuns: 300 },
    );
  });

  it('sentences of every length about the size of the first buffer are faker’s own', () => {
    // one empty word: a sentence of n words is n - 1 spaces and a '.'
    for (let n = 4080; n <= 4110; n++) {
      const { ours, theirs } = pair(1, [{ lorem: { word: [''] } }, base]);
      const fast = fastLorem(ours, 'lorem.sentence', [n])!;
      for (let i = 0; i < 3; i++) expect(fast()).toBe(theirs.lorem.sentence(n));
    }
  });

  it('leaves options it does not mirror to faker', () => {
    const { ours } = pair();
    expect(fastLorem(ours, 'lorem.word', [{ length: 5 }])).toBeUndefined();
    expect(fastLorem(ours, 'lorem.slug', [])).toBeUndefined();
    expect(fastLorem(ours, 'lorem.text', [{}])).toBeUndefined();
    expect(fastLorem(ours, 'person.firstName', [])).toBeUndefined();
  });
});

describe('keepMustachePatterns', () => {
  it.each([
    ['en', [en, base]],
    ['de', [de, en, base]],
    ['fr', [fr, en, base]],
  ] as const)('full names and other pattern values stay faker’s own (%s)', (_name, locale) => {
    const a = new Rng();
    const b = new Rng();
    a.reseed(keyOf('mustache'), 3);
    b.reseed(keyOf('mustache'), 3);
    const ours = new Faker({ locale: [...locale], randomizer: a });
    const theirs = new Faker({ locale: [...locale], randomizer: b });
    keepMustachePatterns(ours);
    for (let i = 0; i < 3000; i++) {
      expect(ours.person.fullName()).toBe(theirs.person.fullName());
      expect(ours.person.fullName({ sex: 'female' })).toBe(theirs.person.fullName({ sex: 'female' }));
      expect(ours.helpers.mustache('{{a}}-{{b}}-{{a}} $& {{c}}', { a: () => 'x$1', b: 'y$&', c: '' })).toBe(
        theirs.helpers.mustache('{{a}}-{{b}}-{{a}} $& {{c}}', { a: () => 'x$1', b: 'y$&', c: '' }),
      );
    }
    expect(a.uint32()).toBe(b.uint32());
  });

  // texts of `{{key}}`s, a few characters and braces, filled from data of some of the keys:
  // strings, lists (a function giving its entries in turn, each call logged with its arguments),
  // other values; ours must give faker's text and make faker's calls
  const sameFill = (keys: string[], examples: [string, Record<string, unknown>][] = []) => {
    const piece = fc.oneof(
      { arbitrary: fc.constantFrom(...keys).map((key) => `{{${key}}}`), weight: 4 },
      { arbitrary: fc.constantFrom('.', 'a', 'x', ' ', '$&', '\n', '}'), weight: 3 },
      { arbitrary: fc.constant('{'), weight: 1 },
    );
    const text = fc.array(piece, { maxLength: 10 }).map((pieces) => pieces.join(''));
    const unit = fc.constantFrom('}', '}}', 'a', '.', '$', '&', '{', '{{a}}');
    const value = fc.oneof(
      fc.string({ unit, maxLength: 4 }),
      fc.array(fc.string({ unit, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
      fc.constantFrom(7, null),
    );
    const data = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 5 });
    const made = (spec: Record<string, unknown>, log: unknown[]) => {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(spec)) {
        if (!Array.isArray(v)) out[key] = v;
        else {
          let i = 0;
          out[key] = (...args: unknown[]) => {
            log.push([key, ...args]);
            return v[i++ % v.length];
          };
        }
      }
      return out;
    };
    const ours = new Faker({ locale: [en, base] });
    const theirs = new Faker({ locale: [en, base] });
    keepMustachePatterns(ours);
    const fill = (f: Faker, t: string, data: Record<string, unknown>) => {
      try {
        return f.helpers.mustache(t, data as Record<string, string>);
      } catch (error) {
        return `error: ${(error as Error).message}`;
      }
    };
    fc.assert(
      fc.property(text, data, (t, spec) => {
        const [oursLog, theirsLog]: unknown[][] = [[], []];
        for (let round = 0; round < 2; round++) expect(fill(ours, t, made(spec, oursLog))).toBe(fill(theirs, t, made(spec, theirsLog)));
        expect(oursLog).toEqual(theirsLog);
      }),
      { numRuns: 4000, examples },
    );
  };

  it('fills any text as faker does: the same text, the same calls with the same arguments', () => {
    sameFill(['a', 'b', 'ab', 'q', 'x.y', 'person.firstName', 'person.lastName', 'person.prefix']);
  });

  it('fills texts of keys whose dots and alternatives could match more than their `{{key}}` as faker does', () => {
    // once {{q}} is '}}', `{{a..}}` matches '{{a}}}}', and `{{.a..}}` '{{{a}}}}'
    sameFill(
      ['a', 'q', 'a.', 'a..', '.a..', 'a|b', 'a.b'],
      [
        ['{{a}}{{q}}', { q: '}}', 'a..': ['A'], a: 'x' }],
        ['{{{a}}{{q}}', { q: '}}', '.a..': ['A'], a: 'x' }],
      ],
    );
  });
});

/** Every string of a locale's definitions that holds a `{{`: the patterns faker's own methods fill. */
function localePatterns(definitions: unknown, out = new Set<string>()): Set<string> {
  if (typeof definitions === 'string') {
    if (definitions.includes('{{')) out.add(definitions);
  } else if (Array.isArray(definitions)) for (const d of definitions) localePatterns(d, out);
  else if (definitions && typeof definitions === 'object') for (const d of Object.values(definitions)) localePatterns(d, out);
  return out;
}

describe('keepFakePatterns', () => {
  const made = (locale: (typeof en)[]) => {
    const a = new Rng();
    const b = new Rng();
    a.reseed(keyOf('fake'), 5);
    b.reseed(keyOf('fake'), 5);
    const ours = new Faker({ locale: [...locale], randomizer: a });
    const theirs = new Faker({ locale: [...locale], randomizer: b });
    keepFakePatterns(ours);
    return { ours, theirs, a, b };
  };
  // what faker gives (value or error message) and where it leaves the PRNG
  const outcome = (faker: Faker, rng: Rng, pattern: string | string[]) => {
    let value: string;
    try {
      value = faker.helpers.fake(pattern);
    } catch (error) {
      value = `error: ${(error as Error).message}`;
    }
    return { value, next: rng.uint32() };
  };

  it.each([
    ['en', [en, base]],
    ['de', [de, en, base]],
    ['fr', [fr, en, base]],
  ] as const)('every pattern of the locale gives faker’s own text and draws (%s)', (_name, locale) => {
    const { ours, theirs, a, b } = made([...locale]);
    const patterns = [...localePatterns(locale[0])];
    expect(patterns.length).toBeGreaterThan(10);
    for (let round = 0; round < 20; round++) for (const pattern of patterns) expect(outcome(ours, a, pattern)).toEqual(outcome(theirs, b, pattern));
  });

  it('methods that fill patterns themselves give faker’s own values', () => {
    const { ours, theirs, a, b } = made([en, base]);
    for (let i = 0; i < 2000; i++) {
      expect(ours.hacker.phrase()).toBe(theirs.hacker.phrase());
      expect(ours.location.streetAddress(true)).toBe(theirs.location.streetAddress(true));
      expect(ours.commerce.productName()).toBe(theirs.commerce.productName());
      expect(ours.internet.url()).toBe(theirs.internet.url());
    }
    expect(a.uint32()).toBe(b.uint32());
  });

  it.each([
    '{{hacker.phrase}} {{hacker.phrase}}\n\n{{hacker.phrase}}',
    'https://gitlab.com/{{internet.username}}/{{lorem.slug}}',
    '{{string.alpha(5)}}-{{number.int({"min":1,"max":9})}}',
    '{{string.alpha({"length":3,"casing":"upper"})}}.{{string.numeric(4)}}',
    '{{helpers.arrayElement(["a","b","c"])}}/{{helpers.arrayElement(["x"])}}',
    '{{helpers.slugify(Hello World)}}',
    'a {{{{hacker.noun}} b',
    '{{ hacker.noun}} {{hacker.noun}}',
    'x}} {{hacker.noun}} {y}',
    '{{hacker.noun}}}} and {{hacker.verb}',
    '{{helpers.arrayElement(["{{hacker.noun}}","{x"])}} then {{hacker.verb}}',
    '{{helpers.arrayElement(["{{hacker.noun}}","{x","plain"])}}',
    '{{person.lastName}}',
    '{{person.firstName.length}}',
    '{{string.alpha(5).length}}',
    '{{hacker.noun()}}',
    '{{nothing.here}}',
    '{{hacker.}}',
    '{{hacker..noun}}',
    '{{hacker.noun)}}',
    '{{string.alpha(5}}',
    'no expressions at all',
  ])('%s gives faker’s own text, error and draws', (pattern) => {
    const { ours, theirs, a, b } = made([en, base]);
    for (let i = 0; i < 200; i++) expect(outcome(ours, a, pattern)).toEqual(outcome(theirs, b, pattern));
  });

  it('a list method replaced on the instance is called, not read around', () => {
    const { ours } = made([en, base]);
    (ours.hacker as unknown as { noun: () => string }).noun = () => 'replaced';
    expect(ours.helpers.fake('{{hacker.noun}} and {{hacker.noun}}')).toBe('replaced and replaced');
  });

  it('a value that is itself a pattern is filled as faker fills it', () => {
    const { ours, theirs, a, b } = made([en, base]);
    for (const f of [ours, theirs]) (f.hacker as unknown as { noun: () => string }).noun = () => '{{hacker.verb}} {x';
    for (const pattern of ['{{hacker.noun}}', '{{hacker.noun}} and more', 'more {{hacker.noun}}'])
      for (let i = 0; i < 50; i++) expect(outcome(ours, a, pattern)).toEqual(outcome(theirs, b, pattern));
  });

  it('a list of patterns draws one as faker does', () => {
    const { ours, theirs, a, b } = made([en, base]);
    const list = ['{{hacker.noun}}', '{{person.lastName}}, {{person.firstName}}', 'plain'];
    for (let i = 0; i < 500; i++) expect(outcome(ours, a, list)).toEqual(outcome(theirs, b, list));
  });
});

describe('directDraws and keepFileExtensions', () => {
  it.each([
    ['en', [en, base]],
    ['de', [de, en, base]],
  ] as const)('list picks, integers, file names and paths stay faker’s own (%s)', (_name, locale) => {
    const a = new Rng();
    const b = new Rng();
    a.reseed(keyOf('draws'), 9);
    b.reseed(keyOf('draws'), 9);
    const ours = new Faker({ locale: [...locale], randomizer: a });
    const theirs = new Faker({ locale: [...locale], randomizer: b });
    directDraws(ours);
    keepFileExtensions(ours);
    const run = (f: Faker) => [
      f.system.filePath(),
      f.system.fileName(),
      f.system.commonFileName(),
      f.system.fileExt(),
      f.system.fileExt('image/png'),
      f.system.fileType(),
      f.helpers.arrayElement(['a', 'b', 'c']),
      f.helpers.arrayElement(['only']),
      f.number.int(),
      f.number.int(7),
      f.number.int({ min: -5, max: 5 }),
      f.number.int({ min: 3, max: 3 }),
      f.number.int({ min: 10, max: 100, multipleOf: 7 }),
      f.person.fullName(),
      f.location.city(),
      f.git.commitSha(),
      f.string.hexadecimal({ length: 12, casing: 'upper' }),
      f.string.alphanumeric({ length: { min: 0, max: 9 } }),
      f.string.fromCharacters('xyz', { min: 1, max: 4 }),
      f.string.fromCharacters(['ab', 'c'], 3),
      f.string.fromCharacters('q', 5),
      f.string.fromCharacters('abc', 0),
      f.company.name(),
      f.helpers.weightedArrayElement([
        { weight: 0.1, value: 'rare' },
        { weight: 5, value: 'common' },
        { weight: 2.5, value: 'some' },
      ]),
      f.helpers.weightedArrayElement([{ weight: 1, value: 'one' }]),
      f.helpers.weightedArrayElement([
        { weight: Number.NaN, value: 'nan' },
        { weight: 1, value: 'last' },
      ]),
      f.person.lastName(),
      f.person.lastName('female'),
      f.person.firstName(),
    ];
    for (let i = 0; i < 1000; i++) expect(run(ours)).toEqual(run(theirs));
    expect(a.uint32()).toBe(b.uint32());
    // faker's own errors
    for (const f of [ours, theirs]) {
      expect(() => f.helpers.arrayElement([])).toThrow('Cannot get value from empty dataset.');
      expect(() => f.number.int({ min: 5, max: 1 })).toThrow('Max 1 should be greater than min 5.');
      expect(() => f.number.int({ max: 3, multipleOf: 0 })).toThrow('multipleOf should be greater than 0.');
      expect(() => f.system.fileExt('no/such')).toThrow('MIME type no/such is not supported.');
      expect(() => f.string.fromCharacters('', 3)).toThrow('Unable to generate string: No characters to select from.');
      expect(() => f.helpers.weightedArrayElement([])).toThrow('weightedArrayElement expects an array with at least one element');
      expect(() => f.helpers.weightedArrayElement([{ weight: 0, value: 1 }])).toThrow('weight is a positive number');
    }
  });
});
