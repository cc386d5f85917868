// Twins of faker methods that put one entry together from several parts: git.commitEntry (and
// the git.commitMessage it calls, and the name twins of faker-name-shortcuts.ts), finance.iban, vehicle.vin and
// finance.transactionDescription (and its string.numeric and finance.amount). The same draws in the
// same order, the same text, without faker's option objects, per-call arrays, regex replaces and
// pattern re-scans; parts that have twins of their own (full name, username, email, commit SHA and
// date) are faker's methods, called as faker calls them. Anything unusual goes to faker itself.
import { Faker, FakerError, base } from '@faker-js/faker';
import { flat, scanFakePattern, type ScannedPattern } from './faker-shortcuts.js';
import { directNames } from './faker-name-shortcuts.js';

/** Installs the twins on this faker instance (its modules' own bound methods are replaced). */
export function directEntryMethods(faker: Faker, next: () => number): void {
  directVin(faker, next);
  directIban(faker, next);
  directNumeric(faker, next);
  directAmount(faker, next);
  directTransactionDescription(faker);
  directNames(faker, next);
  directCommitMessage(faker);
  directCommitEntry(faker, next);
}

// vehicle.vin's characters: string.alphanumeric and string.alpha upper-case without I, O and Q, and
// string.numeric's digits, each with its value in the check digit's weighted sum (faker's table)
const VIN_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const VIN_LETTER_VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9];
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const vinCharacters = (chars: string, values: number[]) => ({ codes: [...chars].map((c) => c.charCodeAt(0)), values });
const VIN_ALPHANUMERIC = vinCharacters(`0123456789${VIN_LETTERS}`, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ...VIN_LETTER_VALUES]);
const VIN_DIGITS = vinCharacters('0123456789', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
// ten characters, a letter, one more character, five digits
const VIN_POSITIONS = [
  ...Array<typeof VIN_DIGITS>(10).fill(VIN_ALPHANUMERIC),
  vinCharacters(VIN_LETTERS, VIN_LETTER_VALUES),
  VIN_ALPHANUMERIC,
  ...Array<typeof VIN_DIGITS>(5).fill(VIN_DIGITS),
];

/**
 * vehicle.vin: seventeen characters, one draw each (string.alphanumeric, alpha and numeric pick
 * them one at a time), then the ninth replaced by the check digit: the weighted sum of the values
 * mod 11, 10 written 'X'.
 */
function directVin(faker: Faker, next: () => number): void {
  const vehicle = faker.vehicle as unknown as { vin: () => string };
  const codes = VIN_POSITIONS.map(() => 0);
  vehicle.vin = () => {
    let sum = 0;
    for (let i = 0; i < VIN_POSITIONS.length; i++) {
      const { codes: chars, values } = VIN_POSITIONS[i]!;
      const k = Math.floor(next() * chars.length);
      codes[i] = chars[k]!;
      sum += values[k]! * VIN_WEIGHTS[i]!;
    }
    const check = sum % 11;
    codes[8] = check === 10 ? 0x58 : 0x30 + check;
    return String.fromCharCode.apply(null, codes);
  };
}

interface IbanFormat {
  country: string;
  bban: { type: string; count: number }[];
}

let ibanFormatList: readonly IbanFormat[] | null | undefined;

/**
 * faker's IBAN formats, in its order (its list is not exported): the list finance.iban hands to
 * helpers.arrayElement first, caught on a faker of its own; null when it is not as expected.
 */
function ibanFormats(): readonly IbanFormat[] | null {
  if (ibanFormatList !== undefined) return ibanFormatList;
  const probe = new Faker({ locale: [base], randomizer: { next: () => 0, seed: () => {} } });
  const caught = new Error('caught');
  let list: unknown;
  (probe.helpers as unknown as { arrayElement: (list: unknown) => unknown }).arrayElement = (l) => {
    list = l;
    throw caught;
  };
  try {
    probe.finance.iban();
  } catch (error) {
    if (error !== caught) list = undefined;
  }
  const isFormat = (f: IbanFormat) =>
    /^[A-Z]{2}$/.test(f?.country) && Array.isArray(f.bban) && f.bban.every((s) => typeof s?.type === 'string' && Number.isSafeInteger(s.count));
  ibanFormatList = Array.isArray(list) && list.length > 0 && (list as IbanFormat[]).every(isFormat) ? (list as IbanFormat[]) : null;
  return ibanFormatList;
}

const IBAN_LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/** faker's formatted IBAN: groups of four, a space between. */
function inGroupsOfFour(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 4) out += `${text.substring(i, i + 4)} `;
  return out.trimEnd();
}

/**
 * finance.iban: the format (one draw, unless a country is given), then per BBAN character as
 * faker draws it — a letter; 80 % a digit, else a letter; a digit, or (three or more left, 30 %)
 * '00' or '0' and a digit 1-9 — and the check digits of ISO 7064 mod 97, kept as the characters
 * come instead of written out in digits and read back.
 */
function directIban(faker: Faker, next: () => number): void {
  const formats = ibanFormats();
  if (!formats) return;
  type Options = { countryCode?: string; formatted?: boolean };
  const finance = faker.finance as unknown as { iban: (options?: Options) => string };
  const iban = finance.iban;
  // per format: the country and '00' in digits (letters as 10-35), as a shift and a remainder mod 97
  const byCountry = new Map<unknown, IbanFormat>();
  const suffixes = new Map<IbanFormat, { shift: number; value: number }>();
  for (const format of formats) {
    if (!byCountry.has(format.country)) byCountry.set(format.country, format);
    const digits = [...`${format.country}00`].map((c) => (c >= 'A' ? String(c.charCodeAt(0) - 55) : c)).join('');
    suffixes.set(format, { shift: 10 ** digits.length % 97, value: Number(digits) % 97 });
  }
  finance.iban = (options = {}) => {
    if (typeof options !== 'object' || options === null) return iban(options);
    const { countryCode, formatted } = options;
    const format = countryCode ? byCountry.get(countryCode) : formats[Math.floor(next() * formats.length)];
    if (format === undefined) return iban(options);
    let bban = '';
    let rest = 0;
    for (const { type, count } of format.bban)
      for (let left = count; left > 0; left--) {
        if (type === 'a' || (type === 'c' && !(next() < 0.8))) {
          const k = Math.floor(next() * 26);
          bban += IBAN_LETTERS[k];
          rest = (rest * 100 + k + 10) % 97;
        } else if (type !== 'c' && left >= 3 && next() < 0.3) {
          const long = next() < 0.5;
          const d = Math.floor(next() * 9) + 1;
          bban += long ? `00${d}` : `0${d}`;
          rest = (rest * (long ? 1000 : 100) + d) % 97;
          left -= long ? 2 : 1;
        } else {
          const d = Math.floor(next() * 10);
          bban += d;
          rest = (rest * 10 + d) % 97;
        }
      }
    const { shift, value } = suffixes.get(format)!;
    const check = 98 - ((rest * shift + value) % 97);
    const text = `${format.country}${check < 10 ? `0${check}` : check}${bban}`;
    return flat(formatted ? inGroupsOfFour(text) : text);
  };
}

const DIGITS = [...'0123456789'];

/**
 * string.numeric without excluded digits: the length (drawn by number.int for a range), a first
 * digit 1-9 when leading zeros are not allowed, then one draw per digit.
 */
function directNumeric(faker: Faker, next: () => number): void {
  type Options = { length?: number | { min: number; max: number }; allowLeadingZeros?: boolean; exclude?: unknown };
  const string = faker.string as unknown as { numeric: (options?: number | Options) => string };
  const numeric = string.numeric;
  string.numeric = (options = {}) => {
    const o = typeof options === 'number' ? { length: options } : options;
    if (typeof o !== 'object' || o === null) return numeric(options);
    if (o.exclude !== undefined && o.exclude !== '' && !(Array.isArray(o.exclude) && o.exclude.length === 0)) return numeric(options);
    const length = o.length ?? 1;
    if (typeof length === 'number' ? !Number.isSafeInteger(length) : typeof length !== 'object' || length === null) return numeric(options);
    const n = typeof length === 'number' ? length : faker.number.int(length);
    if (n <= 0) return '';
    let text = o.allowLeadingZeros === undefined || o.allowLeadingZeros ? '' : DIGITS[Math.floor(next() * 9) + 1]!;
    for (let i = text.length; i < n; i++) text += DIGITS[Math.floor(next() * 10)];
    return flat(text);
  };
}

/**
 * finance.amount without autoFormat: number.float's draw for its fraction digits (an integer
 * between min and max scaled by 10^dec, none when they meet), printed with toFixed(dec) after the
 * symbol. Options faker rejects, or would print otherwise, go to faker.
 */
function directAmount(faker: Faker, next: () => number): void {
  type Options = { autoFormat?: boolean; dec?: number; max?: number; min?: number; symbol?: string };
  const finance = faker.finance as unknown as { amount: (options?: Options) => string };
  const amount = finance.amount;
  finance.amount = (options = {}) => {
    if (typeof options !== 'object' || options === null) return amount(options);
    const { autoFormat = false, dec = 2, max = 1000, min = 0, symbol = '' } = options;
    if (autoFormat !== false || typeof symbol !== 'string' || typeof min !== 'number' || typeof max !== 'number' || max < min) return amount(options);
    if (!Number.isSafeInteger(dec) || dec < 0 || dec > 100) return amount(options);
    // number.float's scale for a multipleOf of 10^-dec, and number.int's bounds
    const step = 10 ** -dec;
    const log = Math.log10(step);
    const scale = step < 1 && Number.isSafeInteger(log) ? 10 ** -log : 1 / step;
    const low = Math.ceil(min * scale);
    const high = Math.floor(max * scale);
    if (!(high >= low)) return amount(options);
    const value = low === high ? low : Math.floor(next() * (high - low + 1) + low);
    return symbol + (value / scale).toFixed(dec);
  };
}

/** One `{{...}}` of a pattern: a method of a faker module and/or a list of the locale's raw definitions of that name. */
interface PatternPart {
  text: string;
  module: Record<string, unknown>;
  method: string;
  /** Whether the module has a method of the name (read at each call); not for a list alone. */
  callable: boolean;
  /** The raw list of the name: faker draws from it first (and drops the pick when there is a method). */
  list: readonly unknown[] | undefined;
  /** JSON arguments of `module.method(...)`, undefined without parentheses. */
  args: readonly unknown[] | undefined;
}

type Pattern = ScannedPattern<PatternPart>;

// `module.method` or `module.method(arguments)`: the two steps faker's expression evaluator takes
const PART = /^(\w+)\.(\w+)(?:\(([^(){}]*)\))?$/;

/**
 * A part as faker's evaluator reads it from its two roots (faker and the raw definitions): the
 * module on faker (an object), the raw module (none, or an object), then the method on the first
 * (an own function) and the name on the second (none, or a list); arguments that are JSON scalars.
 * Undefined for anything else, which faker handles itself.
 */
function patternPart(faker: Faker, text: string): PatternPart | undefined {
  const m = PART.exec(text);
  if (!m) return undefined;
  const [, moduleName, method, inner] = m as unknown as [string, string, string, string | undefined];
  const root = faker as unknown as Record<string, unknown>;
  const raw = (faker.definitions as unknown as { raw: Record<string, unknown> }).raw;
  const module = Object.hasOwn(root, moduleName) ? root[moduleName] : undefined;
  const rawModule = raw[moduleName];
  if (typeof module !== 'object' || module === null || Array.isArray(module)) return undefined;
  if (rawModule != null && (typeof rawModule !== 'object' || Array.isArray(rawModule))) return undefined;
  const fn = (module as Record<string, unknown>)[method];
  const callable = typeof fn === 'function' && Object.hasOwn(module, method);
  if (fn !== undefined && !callable) return undefined;
  const list = (rawModule as Record<string, unknown> | null | undefined)?.[method];
  if (list != null && !Array.isArray(list)) return undefined;
  let args: unknown[] | undefined;
  if (inner !== undefined) {
    try {
      args = JSON.parse(`[${inner}]`) as unknown[];
    } catch {
      return undefined;
    }
    if (!callable || args.some((a) => typeof a === 'object' && a !== null)) return undefined;
  }
  if (!callable && list == null) return undefined;
  return { text, module: module as Record<string, unknown>, method, callable, list: list ?? undefined, args };
}

/**
 * finance.transactionDescription: helpers.fake of the locale's patterns — the pattern (one draw),
 * then its parts as faker evaluates them, each pattern read once. A pattern of other expressions
 * goes to helpers.fake whole; a value holding a '{' hands the rest to it, which would scan it again.
 */
function directTransactionDescription(faker: Faker): void {
  const finance = faker.finance as unknown as { transactionDescription: () => string };
  const helpers = faker.helpers as unknown as { fake: (pattern: string | readonly string[]) => string; arrayElement: <T>(list: readonly T[]) => T };
  // the locale's list, once read (a locale without it: faker's error, at each call)
  let list: readonly string[] | undefined;
  const patterns = new Map<string, Pattern | null>();
  const value = (part: PatternPart): unknown => {
    const picked = part.list === undefined ? undefined : helpers.arrayElement(part.list);
    if (!part.callable) return picked;
    const fn = part.module[part.method] as (...args: unknown[]) => unknown;
    if (part.args === undefined) return fn();
    let out = fn(...part.args);
    if (out == null) throw new FakerError(`Cannot resolve expression '${part.text}'`);
    if (Array.isArray(out)) out = helpers.arrayElement(out);
    return typeof out === 'function' ? (out as () => unknown)() : out;
  };
  finance.transactionDescription = () => {
    list ??= faker.definitions.finance.transaction_description_pattern;
    if (!Array.isArray(list)) return helpers.fake(list);
    const pattern = helpers.arrayElement(list);
    let known = patterns.get(pattern);
    if (known === undefined) patterns.set(pattern, (known = scanFakePattern(pattern, (text) => patternPart(faker, text)) ?? null));
    if (known === null) return helpers.fake(pattern);
    const { literals, parts, tails } = known;
    let text = literals[0]!;
    for (let k = 0; k < parts.length; k++) {
      const part = String(value(parts[k]!));
      if (part.includes('{')) return helpers.fake(text + part + tails[k]!);
      text += part + literals[k + 1]!;
    }
    return flat(text);
  };
}

/**
 * git.commitMessage: hacker.verb, adjective and noun — one draw each from the locale's lists, each
 * list read once (when faker first reads it, so a locale without one fails where faker fails).
 */
function directCommitMessage(faker: Faker): void {
  const git = faker.git as unknown as { commitMessage: () => string };
  const helpers = faker.helpers as unknown as { arrayElement: <T>(list: readonly T[]) => T };
  let verbs: readonly string[] | undefined;
  let adjectives: readonly string[] | undefined;
  let nouns: readonly string[] | undefined;
  git.commitMessage = () => {
    const verb = helpers.arrayElement((verbs ??= faker.definitions.hacker.verb));
    const adjective = helpers.arrayElement((adjectives ??= faker.definitions.hacker.adjective));
    const noun = helpers.arrayElement((nouns ??= faker.definitions.hacker.noun));
    return `${verb} ${adjective} ${noun}`;
  };
}

const INDENT = '\u00A0'.repeat(4);
const SHORT_SHA = { length: 7 };
// the author's characters faker drops (any of the first set at either end, the second anywhere)
const AUTHOR_EDGE = '.,:;"\\\'';
const AUTHOR_DROP = /^[.,:;"\\']|[<>\n]|[.,:;"\\']$/g;
const authorClean = (author: string) =>
  author.length === 0 ||
  (!AUTHOR_EDGE.includes(author[0]!) &&
    !AUTHOR_EDGE.includes(author[author.length - 1]!) &&
    !author.includes('<') &&
    !author.includes('>') &&
    !author.includes('\n'));

/**
 * git.commitEntry: merge (20 %, one draw, unless given), the SHA, two short ones for a merge, the
 * first and last name, fullName and username of them, one of the two (one draw), the email, the date
 * and the message — faker's own methods in faker's order — one line each, ended by CRLF (LF for
 * any other eol, as faker reads it). faker's clean-up of the author only when it would change it.
 */
function directCommitEntry(faker: Faker, next: () => number): void {
  type Options = { merge?: boolean; eol?: 'CRLF' | 'LF'; refDate?: string | Date | number };
  type Names = { firstName?: string; lastName?: string };
  const git = faker.git as unknown as {
    commitEntry: (options?: Options) => string;
    commitSha: (options?: { length?: number }) => string;
    commitDate: (options?: { refDate?: string | Date | number }) => string;
    commitMessage: () => string;
  };
  const person = faker.person as unknown as { firstName: () => string; lastName: () => string; fullName: (options?: Names) => string };
  const internet = faker.internet as unknown as { username: (options?: Names) => string; email: (options?: Names) => string };
  const commitEntry = git.commitEntry;
  git.commitEntry = (options = {}) => {
    if (typeof options !== 'object' || options === null) return commitEntry(options);
    const { merge = next() < 0.2, eol = 'CRLF', refDate } = options;
    const eolText = eol === 'CRLF' ? '\r\n' : '\n';
    const sha = git.commitSha();
    const merged = merge ? `Merge: ${git.commitSha(SHORT_SHA)} ${git.commitSha(SHORT_SHA)}${eolText}` : '';
    const firstName = person.firstName();
    const lastName = person.lastName();
    const fullName = person.fullName({ firstName, lastName });
    const username = internet.username({ firstName, lastName });
    let author = next() < 0.5 ? fullName : username;
    const email = internet.email({ firstName, lastName });
    if (!authorClean(author)) author = author.replaceAll(AUTHOR_DROP, '');
    const date = git.commitDate({ refDate });
    const message = git.commitMessage();
    return flat(`commit ${sha}${eolText}${merged}Author: ${author} <${email}>${eolText}Date: ${date}${eolText}${eolText}${INDENT}${message}${eolText}`);
  };
}
