// Twins of faker's text methods that draw one character at a time through closures and option
// objects (string.uuid, string.nanoid, string.alphanumeric, string.hexadecimal: written here as bytes
// into one scratch buffer), build closures per call (internet.username, and so internet.email, which
// calls it; person.fullName) or build objects only to print them (internet.jwt, git.commitDate): the
// same draws in the same order, the same text. Anything unusual (options they do not mirror) goes to
// faker itself, errors included. Twins of the web's and of entries' methods (user agents, file
// paths; commit entries, IBANs, VINs, names) live beside this file and are installed from here.
import { Faker, base } from '@faker-js/faker';
import { directEntryMethods } from './faker-entry-shortcuts.js';
import { flat } from './faker-shortcuts.js';
import { directWebMethods } from './faker-web-shortcuts.js';
import { civilOf } from './civil-time.js';
import { Rng } from './random.js';

const codes = (chars: readonly string[]) => chars.map((c) => c.charCodeAt(0));
const DIGITS = codes([...'0123456789']);
const LOWER = codes([...'abcdefghijklmnopqrstuvwxyz']);
const UPPER = codes([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']);
// string.alphanumeric's character codes per casing, in faker's order (digits, then lower, then upper)
const ALPHANUMERIC = new Map<unknown, number[]>([
  ['mixed', [...DIGITS, ...LOWER, ...UPPER]],
  ['upper', [...DIGITS, ...UPPER]],
  ['lower', [...DIGITS, ...LOWER]],
]);
const HEX_CODES = codes([...'0123456789abcdef']);
const NANOID_CODES = codes(['_', '-']);

type Length = number | { min: number; max: number };

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;
/** The largest time a Date holds. */
const MAX_TIME = 8.64e15;
/** A reference date's time, as faker reads it (new Date(value)), without a copy of a Date. */
const timeOf = (value: string | Date | number) => (value instanceof Date ? value.getTime() : new Date(value).getTime());

// v4: 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx' with every x replaced first (number.hex 0..15), then y (8..11)
const UUID_TEMPLATE = [...'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'].map((c) => c.charCodeAt(0));
const UUID_X = UUID_TEMPLATE.flatMap((c, i) => (c === 0x78 ? [i] : []));
const UUID_Y = UUID_TEMPLATE.indexOf(0x79);

// the runs of x as [start, length]
const UUID_RUNS: [number, number][] = [];
for (const x of UUID_X) {
  const run = UUID_RUNS.at(-1);
  if (run && run[0] + run[1] === x) run[1]++;
  else UUID_RUNS.push([x, 1]);
}

/** out[at..at+count) = codes[floor(next() · codes.length)], one draw each, in order. */
type Pick = (codes: readonly number[], out: Uint8Array, at: number, count: number) => void;

/** The engine's Rng picks in one loop; any other randomizer, a draw at a time. */
function pickerOf(randomizer: unknown, next: () => number): Pick {
  if (randomizer instanceof Rng) return (codes, out, at, count) => randomizer.pick(codes, out, at, count);
  return (codes, out, at, count) => {
    for (let i = 0; i < count; i++) out[at + i] = codes[Math.floor(next() * codes.length)]!;
  };
}

/** string.uuid's draws and characters, written as bytes at bytes[at..at+36). */
function writeUuid(bytes: Uint8Array, at: number, pick: Pick, next: () => number): void {
  for (let i = 0; i < UUID_TEMPLATE.length; i++) bytes[at + i] = UUID_TEMPLATE[i]!;
  for (const [x, n] of UUID_RUNS) pick(HEX_CODES, bytes, at + x, n);
  bytes[at + UUID_Y] = HEX_CODES[Math.floor(next() * 4 + 8)]!;
}

/**
 * Where text is put together byte by byte and read once as one flat one-byte string (latin1Slice):
 * no intermediate strings. Only used synchronously, between two draws of one call.
 */
let scratch: Buffer = Buffer.allocUnsafeSlow(4096);
function scratchOf(size: number): Buffer {
  if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(size);
  return scratch;
}
/** Room for n bytes: the scratch buffer, or (past a few kilobytes) one of its own, not kept. */
const bytesFor = (n: number): Buffer => (n <= 4096 ? scratchOf(n) : Buffer.allocUnsafe(n));

/** Installs the twins on this faker instance (its modules' own bound methods are replaced). */
export function directTextMethods(faker: Faker): void {
  const randomizer = (faker as unknown as { fakerCore?: { randomizer?: { next?: () => number } } }).fakerCore?.randomizer;
  const next = randomizer?.next;
  if (typeof next !== 'function') return;
  const pick = pickerOf(randomizer, next);
  const string = faker.string as unknown as {
    uuid: (options?: Record<string, unknown>) => string;
    nanoid: (length?: Length) => string;
    alphanumeric: (options?: number | { length?: Length; casing?: string; exclude?: unknown }) => string;
    hexadecimal: (options?: { length?: Length; casing?: string; prefix?: string }) => string;
  };
  // helpers.rangeToNumber: a number as it is, a range drawn by number.int (faker's errors included)
  const rangeToNumber = (length: Length) => (typeof length === 'number' ? length : faker.number.int(length));

  const { uuid, alphanumeric, nanoid } = string;
  string.uuid = (options) => {
    if (options !== undefined && Object.keys(options).length > 0) return uuid(options);
    const bytes = scratchOf(36);
    writeUuid(bytes, 0, pick, next);
    return bytes.toString('latin1', 0, 36);
  };

  // each character: helpers.weightedArrayElement (number.float in [0, 64): 62 for a letter or
  // digit, 2 for '_' or '-'), then alphanumeric(1) or arrayElement(['_', '-']) — one draw each
  const mixedCodes = ALPHANUMERIC.get('mixed')!;
  string.nanoid = (length = 21) => {
    // faker appends until the text is at least n long: ceil(n) characters, none for NaN
    const n = Math.ceil(rangeToNumber(length));
    if (n === Infinity) return nanoid(length);
    if (!(n > 0)) return '';
    const bytes = bytesFor(n);
    for (let i = 0; i < n; i++) bytes[i] = next() * 64 < 62 ? mixedCodes[Math.floor(next() * 62)]! : NANOID_CODES[Math.floor(next() * 2)]!;
    return bytes.toString('latin1', 0, n);
  };

  // string.hexadecimal (and git.commitSha): helpers.rangeToNumber, one draw per digit from 0-9, a-f,
  // A-F, the casing applied, the prefix ('0x' unless given) in front
  const hexadecimal = string.hexadecimal;
  const hexDigits = [...'0123456789abcdefABCDEF'];
  const hexByCasing = new Map<unknown, number[]>([
    ['lower', codes(hexDigits.map((c) => c.toLowerCase()))],
    ['upper', codes(hexDigits.map((c) => c.toUpperCase()))],
  ]);
  const hexMixed = codes(hexDigits);
  string.hexadecimal = (options = {}) => {
    const length = options.length ?? 1;
    const digits = hexByCasing.get(options.casing) ?? hexMixed;
    if (typeof length === 'number' && !Number.isSafeInteger(length)) return hexadecimal(options);
    const prefix = options.prefix === undefined ? '0x' : options.prefix;
    const n = rangeToNumber(length);
    if (n <= 0) return prefix;
    const bytes = bytesFor(n);
    pick(digits, bytes, 0, n);
    const text = bytes.toString('latin1', 0, n);
    return prefix === '' ? text : flat(`${prefix}${text}`);
  };

  string.alphanumeric = (options = {}) => {
    const o = typeof options === 'number' ? { length: options } : options;
    const chars = ALPHANUMERIC.get(o.casing ?? 'mixed');
    if (!chars || (o.exclude !== undefined && !(Array.isArray(o.exclude) && o.exclude.length === 0) && o.exclude !== '')) return alphanumeric(options);
    const length = o.length ?? 1;
    if (typeof length === 'number' && !Number.isSafeInteger(length)) return alphanumeric(options);
    const n = rangeToNumber(length);
    if (n <= 0) return '';
    const bytes = bytesFor(n);
    pick(chars, bytes, 0, n);
    return bytes.toString('latin1', 0, n);
  };
  directUsername(faker, next);
  directEmail(faker);
  directFullName(faker, next);
  directJwt(faker, pick, next);
  directCommitDate(faker);
  directWebMethods(faker);
  directEntryMethods(faker, next);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PAD2 = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const pad2 = (n: number) => PAD2[n]!;

/**
 * git.commitDate (and so git.commitEntry): date.recent's one draw (a day back up to a second
 * before the reference date, as in internet.jwt) and the time zone's, printed as faker prints them,
 * without date.recent's Dates and option objects (the calendar fields by civilOf).
 */
function directCommitDate(faker: Faker): void {
  const git = faker.git as unknown as { commitDate: (options?: { refDate?: string | Date | number }) => string };
  const commitDate = git.commitDate;
  git.commitDate = (options = {}) => {
    const refDate = timeOf(options.refDate === undefined ? faker.defaultRefDate() : options.refDate);
    if (!(Math.abs(refDate) <= MAX_TIME - 2 * YEAR_MS)) return commitDate(options);
    const date = civilOf(faker.number.int({ min: refDate - DAY_MS, max: refDate - 1000 }));
    const zone = faker.number.int({ min: -11, max: 12 });
    return `${WEEKDAYS[date.weekday]} ${MONTHS[date.month - 1]} ${date.day} ${pad2(date.hours)}:${pad2(date.minutes)}:${pad2(date.seconds)} ${date.year} ${zone >= 0 ? '+' : '-'}${pad2(Math.abs(zone))}00`;
  };
}

// a local part faker's clean-up leaves as it is: allowed characters only, no '..', no '.' at
// either end, at most 50 long
const CLEAN_LOCAL_PART = /^(?!\.)(?!.*\.\.)[A-Za-z0-9._+-]{0,50}$(?<!\.)/;

/**
 * internet.email without special characters: the provider (faker's draw, unless given), the
 * username (with the names given), then faker's clean-up — skipped when it would change nothing,
 * which one test tells.
 */
function directEmail(faker: Faker): void {
  type Options = { firstName?: string; lastName?: string; provider?: string; allowSpecialCharacters?: boolean };
  const internet = faker.internet as unknown as { email: (options?: Options) => string; username: (options?: Options) => string };
  const email = internet.email;
  internet.email = (options = {}) => {
    if (options.allowSpecialCharacters) return email(options);
    const provider = options.provider === undefined ? faker.helpers.arrayElement(faker.definitions.internet.free_email) : options.provider;
    let local = internet.username({ firstName: options.firstName, lastName: options.lastName });
    if (!CLEAN_LOCAL_PART.test(local)) {
      local = local.replaceAll(/[^A-Za-z0-9._+-]+/g, '').substring(0, 50);
      local = local
        .replaceAll(/\.{2,}/g, '.')
        .replace(/^\./, '')
        .replace(/\.$/, '');
    }
    return `${local}@${provider}`;
  };
}

/**
 * person.fullName: the sex ('female' or 'male', one draw), first and last name, a weighted pattern,
 * then helpers.mustache with the five parts — as faker makes it, without building its five
 * closures per call (each named at run time by faker's bundle, a property definition apiece).
 */
function directFullName(faker: Faker, next: () => number): void {
  type Sex = 'female' | 'male' | 'generic';
  const person = faker.person as unknown as {
    fullName: (options?: { sex?: Sex; firstName?: string; lastName?: string }) => string;
    firstName: (sex?: Sex) => string;
    lastName: (sex?: Sex) => string;
    prefix: (sex?: Sex) => string;
    middleName: (sex?: Sex) => string;
    suffix: () => string;
  };
  const helpers = faker.helpers as unknown as {
    weightedArrayElement: <T>(list: readonly { weight: number; value: T }[]) => T;
    mustache: (text: string, data: Record<string, () => string>) => string;
  };
  let sex: Sex | undefined;
  let first = '';
  let last = '';
  // one data object, its functions reading this call's parts (mustache calls them synchronously)
  const data: Record<string, () => string> = {
    'person.prefix': () => person.prefix(sex),
    'person.firstName': () => first,
    'person.middleName': () => person.middleName(sex),
    'person.lastName': () => last,
    'person.suffix': () => person.suffix(),
  };
  person.fullName = (options = {}) => {
    const chosen = options.sex === undefined ? (next() < 0.5 ? 'female' : 'male') : options.sex;
    const firstName = options.firstName === undefined ? person.firstName(chosen) : options.firstName;
    const lastName = options.lastName === undefined ? person.lastName(chosen) : options.lastName;
    const pattern = helpers.weightedArrayElement(faker.definitions.person.name as unknown as { weight: number; value: string }[]);
    // a part that fills a pattern itself may call fullName again: the outer call's parts come back after it
    const outer = { sex, first, last };
    sex = chosen;
    first = firstName;
    last = lastName;
    try {
      return helpers.mustache(pattern, data);
    } finally {
      ({ sex, first, last } = outer);
    }
  };
}

// Everything past plain ASCII is faker's own: a code point's transliteration (its table is not
// exported) read once from faker's username on a randomizer that always draws 0.99, which picks
// `${firstName}${99}`
const transliterated = new Map<string, string>();
let transliterator: Faker | undefined;
function transliterate(codePoint: string): string {
  let out = transliterated.get(codePoint);
  if (out === undefined) {
    transliterator ??= new Faker({ locale: [base], randomizer: { next: () => 0.99, seed: () => {} } });
    out = transliterator.internet.username({ firstName: codePoint, lastName: '' }).slice(0, -2);
    transliterated.set(codePoint, out);
  }
  return out;
}

// faker's last steps of a username: NFKD without its combining marks, each code point
// transliterated (ASCII kept), then no apostrophes or spaces
function cleanUsername(text: string): string {
  // one pass: plain ASCII without apostrophes and spaces (most names) is kept as it is
  let ascii = true;
  let drop = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if (c === 0x27 || c === 0x20) drop = true;
  }
  if (ascii && !drop) return text;
  if (!ascii) text = [...text.normalize('NFKD').replaceAll(/[\u0300-\u036F]/g, '')].map(transliterate).join('');
  return text.replaceAll("'", '').replaceAll(' ', '');
}

/**
 * internet.username: the first and last name (faker's own methods, unless given), '.' or '_', a
 * number up to 99, then one of `${first}${sep}${last}${n}`, `${first}${sep}${last}` and — when no
 * last name was given — `${first}${n}`: four draws as faker makes them, without its three closures.
 */
function directUsername(faker: Faker, next: () => number): void {
  const internet = faker.internet as unknown as { username: (options?: { firstName?: string; lastName?: string }) => string };
  const person = faker.person;
  internet.username = (options = {}) => {
    const first = options.firstName === undefined ? person.firstName() : options.firstName;
    const last = options.lastName === undefined ? person.lastName() : options.lastName;
    const separator = next() < 0.5 ? '.' : '_';
    const n = Math.floor(next() * 100);
    const shapes = options.lastName ? 2 : 3;
    const shape = Math.floor(next() * shapes);
    return cleanUsername(shape === 0 ? `${first}${separator}${last}${n}` : shape === 1 ? `${first}${separator}${last}` : `${first}${n}`);
  };
}

/**
 * internet.jwt without header or payload given: the same draws in faker's order (recent, the
 * algorithm, soon, anytime, the company, three uuids, 64 characters) without the Dates and option
 * objects of faker's date methods: the payload's JSON (as JSON.stringify writes that object) and
 * the signature's characters are written as bytes, the header's base64 is kept per algorithm.
 */
function directJwt(faker: Faker, pick: Pick, next: () => number): void {
  const internet = faker.internet as unknown as {
    jwt: (options?: { refDate?: string | Date | number; header?: unknown; payload?: unknown }) => string;
  };
  const helpers = faker.helpers as unknown as { arrayElement: <T>(list: readonly T[]) => T };
  const jwt = internet.jwt;
  const headers = new Map<string, string>();
  const mixed = ALPHANUMERIC.get('mixed')!;
  let algorithms: readonly string[] | undefined;
  let bytes = scratch;
  const ascii = (text: string, at: number) => {
    for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
    return at + text.length;
  };
  const uuidAt = (at: number) => {
    writeUuid(bytes, at, pick, next);
    return at + 36;
  };
  internet.jwt = (options = {}) => {
    if (options.header !== undefined || options.payload !== undefined) return jwt(options);
    const refDate = timeOf(options.refDate === undefined ? faker.defaultRefDate() : options.refDate);
    // an invalid or far-off reference date: faker's own errors and edge cases
    if (!(Math.abs(refDate) <= MAX_TIME - 2 * YEAR_MS)) return jwt(options);
    // date.recent({ refDate }): a day back up to a second before; date.soon({ refDate: issued }):
    // a second after up to a day on; date.anytime({ refDate }): a year either side — each one
    // number.int between its bounds, as date.between draws it (UTC days are 86,400,000 ms)
    const issued = faker.number.int({ min: refDate - DAY_MS, max: refDate - 1000 });
    // internet.jwtAlgorithm: one of the locale's algorithms
    algorithms ??= faker.definitions.internet.jwt_algorithm;
    const alg = helpers.arrayElement(algorithms);
    let header = headers.get(alg);
    if (header === undefined) headers.set(alg, (header = Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url')));
    // whole seconds: String writes them as JSON.stringify does (-0 as 0, no exponent below 1e21)
    const iat = String(Math.round(issued / 1000));
    const exp = String(Math.round(faker.number.int({ min: issued + 1000, max: issued + DAY_MS }) / 1000));
    const nbf = String(Math.round(faker.number.int({ min: refDate - YEAR_MS, max: refDate + YEAR_MS }) / 1000));
    const iss = JSON.stringify(faker.company.name());
    bytes = scratchOf(400 + 3 * iss.length);
    let at = ascii(nbf, ascii(',"nbf":', ascii(exp, ascii(',"exp":', ascii(iat, ascii('{"iat":', 0))))));
    at = ascii(',"iss":', at);
    at += bytes.write(iss, at, 'utf8');
    at = ascii('"}', uuidAt(ascii('","jti":"', uuidAt(ascii('","aud":"', uuidAt(ascii(',"sub":"', at)))))));
    pick(mixed, bytes, at, 64);
    return flat(`${header}.${bytes.toString('base64url', 0, at)}.${bytes.toString('latin1', at, at + 64)}`);
  };
}
