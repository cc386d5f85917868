// Helpers of the tests of faker's twins (faker-*-shortcuts.ts): two fakers on two PRNGs seeded
// alike, the twins installed on one, so that a test can check each value is faker's own and the
// PRNG is left where faker leaves it (or every later value of the block would shift).
import { Faker, type LocaleDefinition } from '@faker-js/faker';
import { keyOf, Rng } from '../random.js';

export const REF = new Date('2025-01-01T00:00:00Z');

export function fakerTwins(label: string, locale: readonly LocaleDefinition[], seed: number, install: (ours: Faker) => void) {
  const a = new Rng();
  const b = new Rng();
  a.reseed(keyOf(label), seed);
  b.reseed(keyOf(label), seed);
  const ours = new Faker({ locale: [...locale], randomizer: a });
  const theirs = new Faker({ locale: [...locale], randomizer: b });
  for (const f of [ours, theirs]) f.setDefaultRefDate(REF);
  install(ours);
  return { ours, theirs, a, b };
}

// what faker gives (value or error message)
export function outcome(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}
