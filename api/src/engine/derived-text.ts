// Text derived from other values of the row: `slug` from a title, `email` from a person's names.
// Sources are field paths (`title`, `author_id.last_name`), read through E1's path readers; the
// rest of each value is a keyed hash of the row index, so any row can be computed on its own.
import { z } from 'zod';
import type { BuiltField, FieldContext, ValueFn } from './fields.js';
import { type Key, subKey, unit53At } from './random.js';
import type { ColumnKind, Value } from './shape.js';

const path = z.string().min(1).max(600);

export const derivedTextOptions = {
  slug: z.strictObject({
    field: path.describe('field path of the text to slugify, e.g. title or post_id.title'),
    maxLength: z.number().int().min(8).max(2000).optional().describe('longest slug (default 80), cut at a word'),
  }),
  email: z
    .strictObject({
      firstName: path.optional().describe('field path of the first name'),
      lastName: path.optional().describe('field path of the last name'),
      name: path.optional().describe('field path of a full name (when there are no first/last fields)'),
      domain: z
        .string()
        .min(3)
        .max(253)
        .regex(/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/, 'must be a domain such as example.com')
        .optional(),
      domains: z
        .array(
          z
            .string()
            .min(3)
            .max(253)
            .regex(/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/, 'must be a domain such as example.com'),
        )
        .min(1)
        .max(1000)
        .optional(),
    })
    .superRefine((v, ctx) => {
      if (v.domain && v.domains) ctx.addIssue({ code: 'custom', path: ['domains'], message: 'give domain or domains, not both' });
    }),
};

export const derivedTextInfo = {
  slug: {
    group: 'builtin',
    description: 'URL slug of another text field of the row (a-z, 0-9 and dashes); unique: a row suffix',
    kind: 'text' as ColumnKind,
    example: 'hello-world',
    exampleOptions: { field: 'last_name' },
  },
  email: {
    group: 'builtin',
    description:
      "Email address from the row's person name fields (or, with none given, a person name of the locale drawn for the row) and a domain; unique: a row suffix in the local part",
    kind: 'text' as ColumnKind,
    example: 'ada.lovelace@example.com',
    exampleOptions: { firstName: 'first_name', lastName: 'last_name' },
  },
};

export const DERIVED_TEXT_TYPES = new Set(['slug', 'email']);

/** The field paths a slug or email reads (for dependency order and cycle checks). */
export function derivedTextDependencies(type: string, options: Record<string, unknown>): string[] {
  if (type === 'slug') return [String(options.field)];
  if (type === 'email') return (['firstName', 'lastName', 'name'] as const).map((k) => options[k]).filter((v): v is string => typeof v === 'string');
  return [];
}

const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', Æ: 'ae', ø: 'o', Ø: 'o', œ: 'oe', Œ: 'oe', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', þ: 'th', ð: 'd', ı: 'i' };

/** Lower-case ASCII words of a text: accents dropped, ß → ss, other letters removed. */
export function asciiWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæÆøØœŒłŁđĐþðı]/g, (c) => FOLD[c])
    .toLowerCase();
  return folded.split(/[^a-z0-9]+/).filter(Boolean);
}

/** A slug of `text`: ^[a-z0-9]+(-[a-z0-9]+)*$, at most maxLength, cut between words. */
export function slugify(text: string, maxLength = 80): string {
  let out = '';
  for (const word of asciiWords(text)) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > maxLength) {
      if (!out) out = word.slice(0, maxLength);
      break;
    }
    out = next;
  }
  return out;
}

function textOf(v: Value): string {
  return v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function buildDerivedText(type: string, options: Record<string, unknown>, ctx: FieldContext): BuiltField {
  return type === 'slug' ? slugField(options, ctx) : emailField(options, ctx);
}

function slugField(options: Record<string, unknown>, ctx: FieldContext): BuiltField {
  const reader = ctx.path!(String(options.field));
  const maxLength = (options.maxLength as number | undefined) ?? 80;
  const injective = ctx.injective;
  // the row suffix must fit too
  const room = injective ? maxLength - 8 : maxLength;
  const value: ValueFn = (i, cols, k) => {
    const slug = slugify(textOf(reader.value(i, cols, k)), room) || `item-${i.toString(36)}`;
    return injective ? `${slug}-${i.toString(36)}` : slug;
  };
  return { value, rowFunction: true, deps: reader.deps };
}

const DEFAULT_DOMAINS = ['example.com', 'example.net', 'example.org'];

function emailField(options: Record<string, unknown>, ctx: FieldContext): BuiltField {
  const read = (k: string) => (typeof options[k] === 'string' ? ctx.path!(options[k] as string) : undefined);
  const first = read('firstName');
  const last = read('lastName');
  const full = read('name');
  const domains = (options.domains as string[] | undefined) ?? (options.domain ? [options.domain as string] : DEFAULT_DOMAINS);
  const styleKey: Key = subKey(ctx.key, 0x656d);
  const domainKey: Key = subKey(ctx.key, 0x646f);
  const digitKey: Key = subKey(ctx.key, 0x6e75);
  const injective = ctx.injective;
  // no name fields: a first and a last name of the locale, picked by a hash of the row
  const own = !first && !last && !full ? localeNames(ctx) : undefined;
  const ownFirstKey: Key = subKey(ctx.key, 0x6669);
  const ownLastKey: Key = subKey(ctx.key, 0x6c61);
  const value: ValueFn = (i, cols, k) => {
    let firstWords = first ? asciiWords(textOf(first.value(i, cols, k))) : [];
    let lastWords = last ? asciiWords(textOf(last.value(i, cols, k))) : [];
    if (own) {
      firstWords = asciiWords(own.first[Math.floor(unit53At(ownFirstKey, i) * own.first.length)]!);
      lastWords = asciiWords(own.last[Math.floor(unit53At(ownLastKey, i) * own.last.length)]!);
    }
    if (full) {
      const words = asciiWords(textOf(full.value(i, cols, k)));
      if (!first) firstWords = words.slice(0, 1);
      if (!last) lastWords = words.slice(1);
    }
    const f = firstWords.join('');
    const l = lastWords.join('');
    const u = unit53At(styleKey, i);
    const digits = String(Math.floor(unit53At(digitKey, i) * 90) + 10);
    let local: string;
    if (!f && !l) local = `user${digits}`;
    else if (!f || !l) local = u < 0.7 ? f || l : `${f || l}${digits}`;
    else if (u < 0.4) local = `${f}.${l}`;
    else if (u < 0.55) local = `${f}${l}`;
    else if (u < 0.7) local = `${f[0]}.${l}`;
    else if (u < 0.8) local = `${f}_${l}`;
    else if (u < 0.9) local = `${f}.${l}${digits}`;
    else local = `${l}.${f}`;
    local = local.slice(0, 48);
    if (injective) local += `.${i.toString(36)}`;
    return `${local}@${domains[Math.floor(unit53At(domainKey, i) * domains.length)]}`;
  };
  const deps = [...new Set([first, last, full].flatMap((r) => r?.deps ?? []))];
  return { value, rowFunction: true, deps };
}

/** The locale's first and last names (faker's definitions, every sex together). */
function localeNames(ctx: FieldContext): { first: string[]; last: string[] } {
  const person = (ctx.faker.definitions as unknown as { person?: { first_name?: unknown; last_name?: unknown } }).person ?? {};
  const flat = (names: unknown): string[] =>
    Array.isArray(names) ? names.map(String) : names && typeof names === 'object' ? Object.values(names).flatMap(flat) : [];
  const first = flat(person.first_name);
  const last = flat(person.last_name);
  return { first: first.length ? first : ['alex'], last: last.length ? last : ['lee'] };
}

/** Longest text a slug or email field produces (characters; for cost models and output limits). */
export function derivedTextMaxLength(type: string, options: Record<string, unknown>): number {
  if (type === 'slug') return (options.maxLength as number | undefined) ?? 80;
  const domains = (options.domains as string[] | undefined) ?? [(options.domain as string | undefined) ?? 'example.com'];
  // local part ≤ 48, then ".<row in base 36>" (≤ 7) when unique, "@" and the longest domain
  return 48 + 7 + 1 + Math.max(...domains.map((d) => d.length));
}
