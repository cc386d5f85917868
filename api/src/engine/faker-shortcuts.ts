// Shortcuts through faker's slowest paths that give exactly faker's values: the lorem methods,
// drawing the numbers faker draws without its per-word copy of the word list, and helpers.mustache
// with its patterns kept. Lorem text and full names are the bulk of many tables.
import type { Faker } from '@faker-js/faker';

type Count = number | { min: number; max: number };

/** A faster twin of the faker method `id` called with `args`, or undefined when there is none. */
export function fastLorem(faker: Faker, id: string, args: unknown[]): (() => string) | undefined {
  const list = faker.definitions.lorem?.word;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const last = list.length - 1;
  const number = faker.number;
  const next = (faker as unknown as { fakerCore?: { randomizer?: { next?: () => number } } }).fakerCore?.randomizer?.next;
  if (typeof next !== 'function') return undefined;
  // number.int({ min, max }) for integers: no draw when min = max, else floor(next() * size + min)
  const int = (min: number, max: number) => (min === max ? min : Math.floor(next() * (max - min + 1) + min));
  // helpers.arrayElement(list): one draw, none for a one-word list
  const word = last > 0 ? () => list[Math.floor(next() * (last + 1))] as string : () => list[0] as string;
  // helpers.multiple's count: helpers.rangeToNumber (faker words its own errors for a bad range)
  const count = (c: Count) =>
    typeof c === 'number' ? c : Number.isSafeInteger(c.min) && Number.isSafeInteger(c.max) && c.min <= c.max ? int(c.min, c.max) : number.int(c);
  const words = (c: Count) => {
    const n = count(c);
    if (n <= 0) return '';
    let text = word();
    for (let i = 1; i < n; i++) text += ' ' + word();
    return text;
  };
  const sentence = (c: Count) => {
    const text = words(c);
    return `${text.charAt(0).toUpperCase() + text.substring(1)}.`;
  };
  const sentences = (c: Count) => {
    const n = count(c);
    if (n <= 0) return '';
    let text = sentence({ min: 3, max: 10 });
    for (let i = 1; i < n; i++) text += ' ' + sentence({ min: 3, max: 10 });
    return text;
  };
  const arg = args[0] as Count | Record<string, unknown> | undefined;
  const isCount = (a: unknown): a is Count =>
    typeof a === 'number' || (typeof a === 'object' && a !== null && typeof (a as { min?: unknown }).min === 'number' && typeof (a as { max?: unknown }).max === 'number');
  switch (id) {
    case 'lorem.word':
      // options (length, strategy) filter the list: left to faker
      return args.length === 0 || (args.length === 1 && typeof arg === 'object' && arg !== null && Object.keys(arg).length === 0) ? word : undefined;
    case 'lorem.words':
      if (args.length === 0) return () => words(3);
      return args.length === 1 && isCount(arg) ? () => words(arg) : undefined;
    case 'lorem.sentence':
      if (args.length === 0) return () => sentence({ min: 3, max: 10 });
      return args.length === 1 && isCount(arg) ? () => sentence(arg) : undefined;
    case 'lorem.sentences':
      if (args.length === 0) return () => sentences({ min: 2, max: 6 });
      return args.length === 1 && isCount(arg) ? () => sentences(arg) : undefined;
    case 'lorem.paragraph':
      if (args.length === 0) return () => sentences(3);
      return args.length === 1 && isCount(arg) ? () => sentences(arg) : undefined;
    default:
      return undefined;
  }
}

// per key: its RegExp, and the literal text every match of it ends with (the key after its last
// RegExp metacharacter, and '}}'), so a key absent from the text costs one includes()
const mustachePatterns = new Map<string, { pattern: RegExp; literal: string }>();

/**
 * faker's helpers.mustache (used by person.fullName and other pattern methods) builds a RegExp
 * per key on every call; this one keeps them. Same patterns, same replacements, same values: a
 * global RegExp starts each replace at 0 and leaves lastIndex at 0, so sharing one is safe.
 */
export function keepMustachePatterns(faker: Faker): void {
  const helpers = faker.helpers as unknown as { mustache: (text: string | undefined, data: Record<string, unknown>) => string };
  helpers.mustache = (text, data) => {
    if (text == null) return '';
    for (const key in data) {
      let known = mustachePatterns.get(key);
      if (!known) {
        known = { pattern: new RegExp(`{{${key}}}`, 'g'), literal: `${key.split(/[.^$*+?()[\]{}|\\]/).pop()}}}` };
        mustachePatterns.set(key, known);
      }
      if (!text.includes(known.literal)) continue;
      let value = data[key];
      if (typeof value === 'string') value = value.replaceAll('$', '$$$$');
      text = text.replace(known.pattern, value as string);
    }
    return text;
  };
}
