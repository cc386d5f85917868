// Latin detector for tests: a value is Latin when most of its words are faker's lorem words; a
// column is Latin-filled when most of its values are. English words that happen to be in the lorem
// list (in, alias, video, error...) are not evidence either way.
import { en } from '@faker-js/faker';

export const LOREM_WORDS: ReadonlySet<string> = new Set(en.lorem!.word!.map((w) => w.toLowerCase()));

const ENGLISH_TOO = new Set([
  'a',
  'et',
  'id',
  'in',
  'item',
  'non',
  'sed',
  'tempore',
  'vita',
  'via',
  'alias',
  'animus',
  'video',
  'auditor',
  'bonus',
  'campus',
  'circus',
  'ego',
  'error',
  'minus',
  'plus',
  'pro',
  'quota',
  'terra',
  'ultra',
  'versus',
  'veto',
  'vox',
  'alter',
  'ars',
  'ad',
  'agenda',
  'ante',
  'apparatus',
  'aqua',
  'audio',
  'caput',
  'census',
  'demo',
  'nemo',
  'super',
  'umbra',
  'usus',
  'sol',
  'solus',
  'spes',
  'textus',
  'tactus',
  'volo',
  'vel',
  'quo',
  'nam',
  'rem',
  'omnis',
  'magni',
  'iste',
  'quia',
  'facilis',
  'officia',
  'defero',
  'cupio',
  'cohors',
  'arbitro',
  'excepturi',
]);

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A value's words (3+ letters, English-too words left out) and how many of them are lorem words. */
export function loremWordCounts(value: unknown): { words: number; lorem: number } {
  let words = 0;
  let lorem = 0;
  for (const word of text(value)
    .toLowerCase()
    .match(/[a-z]+/g) ?? []) {
    if (word.length < 3 || ENGLISH_TOO.has(word)) continue;
    words++;
    if (LOREM_WORDS.has(word)) lorem++;
  }
  return { words, lorem };
}

/** Share of a value's words (3+ letters) that are lorem words; undefined when it has no words. */
export function loremShare(value: unknown): number | undefined {
  const { words, lorem } = loremWordCounts(value);
  return words ? lorem / words : undefined;
}

/** Most of the value's words are lorem words. */
export function isLatinValue(value: unknown): boolean {
  return (loremShare(value) ?? 0) > 0.5;
}

/** Most of the column's non-null values are Latin. */
export function isLatinFilled(values: readonly unknown[]): boolean {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return false;
  return present.filter(isLatinValue).length / present.length > 0.5;
}
