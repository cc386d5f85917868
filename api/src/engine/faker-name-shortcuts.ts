// Twins of faker's person.firstName and lastName (behind full names, usernames, emails, company
// names and commit authors): the same draws in the same order and the same names, the locale's
// lists read once instead of through faker's locale proxy on every call. Installed with the entry
// twins (faker-entry-shortcuts.ts), whose commit entries call them; tested there.
import type { Faker } from '@faker-js/faker';

type Sex = 'female' | 'male' | 'generic';
type BySex<T> = { generic?: readonly T[]; female?: readonly T[]; male?: readonly T[] };
type Weighted<T> = { weight: number; value: T };

/**
 * person.firstName and lastName: the locale's list for the sex as faker picks it (the sex drawn
 * when not given, 'female' or 'male'; then its own list or the generic one, weighted 3√n to √m),
 * one draw from it; or, where the locale has last-name patterns, a pattern drawn by weight (the
 * running sums of a list kept) and filled by helpers.fake. Lists faker would refuse (empty, a weight
 * that is not positive) go to faker's helpers.weightedArrayElement.
 */
export function directNames(faker: Faker, next: () => number): void {
  const person = faker.person as unknown as { firstName: (sex?: Sex) => string; lastName: (sex?: Sex) => string };
  const helpers = faker.helpers as unknown as {
    arrayElement: <T>(list: readonly T[]) => T;
    weightedArrayElement: <T>(list: readonly Weighted<T>[]) => T;
    fake: (pattern: string) => string;
  };
  const raw = (faker.definitions as unknown as { raw: { person?: { last_name_pattern?: BySex<Weighted<string>> | null } } }).raw;
  const forSex = <T>(lists: BySex<T>, sex: Sex | undefined): readonly T[] => {
    const chosen = sex === undefined ? (next() < 0.5 ? 'female' : 'male') : sex;
    const { generic, female, male } = lists;
    if (chosen === 'generic') return generic ?? helpers.arrayElement([female, male]) ?? [];
    const own = chosen === 'female' ? female : male;
    if (own == null) return generic ?? [];
    if (generic == null) return own;
    const ownWeight = 3 * Math.sqrt(own.length);
    const genericWeight = Math.sqrt(generic.length);
    if (!(ownWeight > 0 && genericWeight > 0))
      return helpers.weightedArrayElement([
        { weight: ownWeight, value: own },
        { weight: genericWeight, value: generic },
      ]);
    return next() * (ownWeight + genericWeight) < ownWeight ? own : generic;
  };
  const sums = new WeakMap<readonly Weighted<unknown>[], number[] | null>();
  const weighted = <T>(list: readonly Weighted<T>[]): T => {
    let running = sums.get(list);
    if (running === undefined) {
      let sum = 0;
      running = list.length > 0 && list.every((e) => typeof e?.weight === 'number' && e.weight > 0) ? list.map((e) => (sum += e.weight)) : null;
      sums.set(list, running);
    }
    if (running === null) return helpers.weightedArrayElement(list);
    const r = next() * running[running.length - 1]!;
    for (let i = 0; i < running.length; i++) if (r < running[i]!) return list[i]!.value;
    return list[list.length - 1]!.value;
  };
  // the locale's lists, each once read (where missing: faker's error, at each call)
  let firstNames: BySex<string> | undefined;
  let lastNames: BySex<string> | undefined;
  const patterns = raw.person?.last_name_pattern;
  person.firstName = (sex) => helpers.arrayElement(forSex((firstNames ??= faker.definitions.person.first_name), sex));
  person.lastName = (sex) => {
    if (patterns != null) return helpers.fake(weighted(forSex(patterns, sex)));
    return helpers.arrayElement(forSex((lastNames ??= faker.definitions.person.last_name), sex));
  };
}
