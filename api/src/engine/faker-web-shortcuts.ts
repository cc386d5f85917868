// Twins of faker's user-agent and file methods: internet.userAgent (helpers.fake of a pattern whose
// number.int and helpers.arrayElement calls are parsed from JSON on every call), system.semver, and
// system.fileName and system.filePath (word.words: per word a shuffle of seven methods, one of which
// copies its word list to draw one word). The same draws in the same order, the same text; options
// they do not mirror go to faker itself.
import type { Faker } from '@faker-js/faker';
import { flat, scanFakePattern } from './faker-shortcuts.js';

type Next = () => number;

/** Installs the twins on this faker instance (its modules' own bound methods are replaced). */
export function directWebMethods(faker: Faker): void {
  const next = (faker as unknown as { fakerCore?: { randomizer?: { next?: Next } } }).fakerCore?.randomizer?.next;
  if (typeof next !== 'function') return;
  const system = faker.system as unknown as { semver: () => string };
  // number.int(9), number.int(20), number.int(20), joined by '.'
  system.semver = () => `${Math.floor(next() * 10)}.${Math.floor(next() * 21)}.${Math.floor(next() * 21)}`;
  directUserAgent(faker, next);
  directFileNames(faker, next);
}

/** A locale definition as faker reads it, or undefined when it is missing (faker throws). */
function definition(faker: Faker, module: string, name: string): unknown {
  try {
    return (faker.definitions as unknown as Record<string, Record<string, unknown>>)[module]![name];
  } catch {
    return undefined;
  }
}

const strings = (list: unknown): list is string[] => Array.isArray(list) && list.every((s) => typeof s === 'string');

/** The text of one `{{...}}` of a pattern: a draw, its value as faker prints it. */
type Fill = () => string;

/**
 * A pattern expression faker would evaluate as one of these calls (and nothing else: the raw
 * definitions hold no list of that name, which faker would draw from too): number.int of safe
 * integers, helpers.arrayElement of numbers and strings without '{', system.semver. Undefined otherwise.
 */
function fillOf(faker: Faker, next: Next, text: string): Fill | undefined {
  const call = /^(number\.int|helpers\.arrayElement|system\.semver)(?:\(([^)]*)\))?$/.exec(text);
  if (!call) return undefined;
  const [module, method] = call[1]!.split('.') as [string, string];
  const raw = (faker.rawDefinitions as unknown as Record<string, unknown>)[module];
  if (raw != null && (typeof raw !== 'object' || (raw as Record<string, unknown>)[method] != null)) return undefined;
  if (method === 'semver') return call[2] === undefined ? () => (faker.system as unknown as { semver: () => string }).semver() : undefined;
  let arg: unknown;
  try {
    const args = JSON.parse(`[${call[2] ?? ''}]`) as unknown[];
    if (call[2] === undefined || args.length !== 1) return undefined;
    arg = args[0];
  } catch {
    return undefined;
  }
  // one draw, floor(next() · size + min) as faker sums it (min 0 for a list), none for one value
  let low = 0;
  let size: number;
  let values: string[];
  if (method === 'int') {
    const range = (typeof arg === 'number' ? { max: arg } : arg) as { min?: unknown; max?: unknown } | null;
    if (typeof range !== 'object' || range === null || Object.keys(range).some((k) => k !== 'min' && k !== 'max')) return undefined;
    const { min = 0, max } = range;
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || !(0 <= (max as number) - (min as number) && (max as number) - (min as number) < 10_000))
      return undefined;
    low = min as number;
    size = (max as number) - low + 1;
    // one past max too: the sum can round up to it, in faker's sum as here
    values = Array.from({ length: size + 1 }, (_, k) => String(low + k));
  } else {
    const printable = (v: unknown) => (typeof v === 'string' && !v.includes('{')) || (typeof v === 'number' && Number.isFinite(v));
    if (!Array.isArray(arg) || arg.length === 0 || !arg.every(printable)) return undefined;
    values = arg.map(String);
    size = values.length;
  }
  const first = values[0]!;
  return size === 1 ? () => first : () => values[Math.floor(next() * size + low) - low]!;
}

/**
 * internet.userAgent: helpers.fake of the locale's patterns — one draw for the pattern, then its
 * expressions in order. A pattern is filled from its parts when faker's scan (the first
 * `{{[a-z]`, the first `}}` after it, the text scanned again) meets its expressions in order:
 * no '{' in its text before the last one (the values hold none); else faker's helpers.fake fills it.
 */
function directUserAgent(faker: Faker, next: Next): void {
  const patterns = definition(faker, 'internet', 'user_agent_pattern');
  if (!strings(patterns) || patterns.length === 0) return;
  // each pattern read when first drawn (a compile installs the twins for every table, most of
  // which never draw a user agent): undefined not read yet, null for faker's helpers.fake
  type Compiled = { parts: string[]; fills: Fill[] };
  const compiled: (Compiled | null | undefined)[] = new Array(patterns.length);
  const compile = (pattern: string): Compiled | null => {
    const scanned = scanFakePattern(pattern, (text) => fillOf(faker, next, text));
    if (!scanned) return null;
    // the literals with a slot between each two for the fills' values
    const parts = scanned.literals.flatMap((literal, k) => (k === 0 ? [literal] : ['', literal]));
    return { parts, fills: scanned.parts };
  };
  const internet = faker.internet as unknown as { userAgent: () => string };
  const size = patterns.length;
  internet.userAgent = () => {
    const k = size > 1 ? Math.floor(next() * size) : 0;
    let known = compiled[k];
    if (known === undefined) compiled[k] = known = compile(patterns[k]!);
    if (!known) return faker.helpers.fake(patterns[k]!);
    const { parts, fills } = known;
    for (let i = 0; i < fills.length; i++) parts[2 * i + 1] = fills[i]!();
    return parts.join('');
  };
}

const WORD_METHODS = ['adjective', 'adverb', 'conjunction', 'interjection', 'noun', 'preposition', 'verb'];
const IN_ORDER = Int8Array.from(WORD_METHODS, (_, k) => k);

/**
 * system.fileName and system.filePath, their words as word.words draws them: a count of 1 to 3,
 * then per word word.sample — helpers.shuffle of the seven word methods (six draws), the first
 * whose list is not empty drawing one word — the words lower-cased and each non-word character
 * made '_' (done once per word: a word's lower case, even a final sigma's, does not depend on the
 * text past the space around it), then the extensions (system.fileExt).
 */
function directFileNames(faker: Faker, next: Next): void {
  const system = faker.system as unknown as {
    fileName: (options?: { extensionCount?: unknown }) => string;
    filePath: () => string;
    directoryPath: () => string;
    fileExt: () => string;
  };
  const { fileName, filePath, directoryPath } = system;
  // the locale's lists, read and prepared at the first call (a compile installs the twins for
  // every table, most of which never draw a file name): undefined not read yet, null for faker's own
  let forms: string[][] | null | undefined;
  const formsOf = () => {
    if (forms !== undefined) return forms;
    // a missing list is skipped as faker skips a method that throws
    const lists = WORD_METHODS.map((name) => definition(faker, 'word', name) ?? []);
    forms =
      !lists.every(strings) || lists.every((list) => list.length === 0) ? null : lists.map((list) => list.map((w) => w.toLowerCase().replaceAll(/\W/g, '_')));
    return forms;
  };
  let directories: string[] | null | undefined;
  const directoriesOf = () => {
    if (directories !== undefined) return directories;
    const list = definition(faker, 'system', 'directory_path');
    directories = strings(list) && list.length > 0 && formsOf() !== null ? list : null;
    return directories;
  };
  const order = new Int8Array(IN_ORDER.length);
  const sample = (forms: string[][]) => {
    order.set(IN_ORDER);
    for (let t = order.length - 1; t > 0; t--) {
      const j = Math.floor(next() * (t + 1));
      const swap = order[t]!;
      order[t] = order[j]!;
      order[j] = swap;
    }
    let i = 0;
    while (forms[order[i]!]!.length === 0) i++;
    const list = forms[order[i]!]!;
    return list.length > 1 ? list[Math.floor(next() * list.length)]! : list[0]!;
  };
  system.fileName = (options = {}) => {
    const count = options?.extensionCount === undefined ? 1 : options.extensionCount;
    const forms = formsOf();
    if (forms === null || typeof options !== 'object' || options === null || !Number.isSafeInteger(count)) return fileName(options);
    const words = Math.floor(next() * 3 + 1);
    let name = sample(forms);
    for (let i = 1; i < words; i++) name += '_' + sample(forms);
    if ((count as number) <= 0) return flat(name);
    let extensions = system.fileExt();
    for (let i = 1; i < (count as number); i++) extensions += '.' + system.fileExt();
    return flat(extensions.length === 0 ? name : `${name}.${extensions}`);
  };
  system.directoryPath = () => {
    const list = directoriesOf();
    if (list === null) return directoryPath();
    const size = list.length;
    return size > 1 ? list[Math.floor(next() * size)]! : list[0]!;
  };
  system.filePath = () => (directoriesOf() === null ? filePath() : flat(`${system.directoryPath()}/${system.fileName()}`));
}
