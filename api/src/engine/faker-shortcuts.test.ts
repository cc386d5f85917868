import { base, en, Faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { de, fr } from '@faker-js/faker';
import { fastLorem, keepMustachePatterns } from './faker-shortcuts.js';
import { keyOf, Rng } from './random.js';

// two fakers on two PRNGs seeded alike: the twin must give faker's value and leave the PRNG where
// faker leaves it, or every later value of the block would shift
function pair() {
  const a = new Rng();
  const b = new Rng();
  a.reseed(keyOf('fast-lorem'), 7);
  b.reseed(keyOf('fast-lorem'), 7);
  return { ours: new Faker({ locale: [en, base], randomizer: a }), theirs: new Faker({ locale: [en, base], randomizer: b }), a, b };
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
];

describe('fastLorem', () => {
  it.each(cases)('%s %j gives faker’s own values and draws', (id, args) => {
    const { ours, theirs, a, b } = pair();
    const fast = fastLorem(ours, id, args);
    expect(fast).toBeTypeOf('function');
    const [module, method] = id.split('.') as ['lorem', 'word'];
    const slow = (theirs[module][method] as (...x: unknown[]) => string).bind(theirs[module]);
    for (let i = 0; i < 2000; i++) expect(fast!()).toBe(slow(...args));
    expect(a.uint32()).toBe(b.uint32());
  });

  it('leaves options it does not mirror to faker', () => {
    const { ours } = pair();
    expect(fastLorem(ours, 'lorem.word', [{ length: 5 }])).toBeUndefined();
    expect(fastLorem(ours, 'lorem.lines', [])).toBeUndefined();
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
});
