// English text from faker's English phrase sources (hacker phrases, catch phrases, words), as
// helpers.fake patterns: deterministic like every faker type, and never lorem ipsum.
import type { Generator } from './generators.js';

export interface ProseForm {
  id: string;
  pattern: string;
  /** The longest value the pattern yields (measured over 20,000 values, with a margin). */
  length: number;
}

const fake = (pattern: string): Generator => ({ type: 'helpers.fake', options: { pattern } });

const PHRASE = '{{hacker.phrase}}';
const PARAGRAPH = `${PHRASE} ${PHRASE} ${PHRASE}`;

/** Longest first: `proseFitting` takes the first one a column can hold. */
export const PROSE: Record<'body' | 'paragraph' | 'summary' | 'sentence' | 'phrase' | 'words', ProseForm> = {
  body: { id: 'body', pattern: `${PARAGRAPH}\n\n${PARAGRAPH}\n\n${PARAGRAPH}`, length: 1000 },
  paragraph: { id: 'paragraph', pattern: PARAGRAPH, length: 330 },
  summary: { id: 'summary', pattern: '{{company.catchPhrase}} for {{hacker.adjective}} {{hacker.noun}} teams. {{hacker.phrase}}', length: 210 },
  sentence: { id: 'sentence', pattern: PHRASE, length: 110 },
  phrase: { id: 'phrase', pattern: '{{company.catchPhrase}}', length: 60 },
  words: { id: 'words', pattern: '{{word.adjective}} {{word.noun}}', length: 36 },
};

const ORDER = [PROSE.body, PROSE.paragraph, PROSE.summary, PROSE.sentence, PROSE.phrase, PROSE.words];

/** The longest English form up to `preferred` that fits in `max` characters (a single noun at worst). */
export function proseFitting(preferred: keyof typeof PROSE, max: number | undefined): Generator {
  const start = ORDER.indexOf(PROSE[preferred]);
  for (const form of ORDER.slice(start)) if (max === undefined || form.length <= max) return fake(form.pattern);
  // nouns run to 19 letters: a narrower column gets nouns of one length it holds
  return max === undefined || max >= 20
    ? { type: 'word.noun' }
    : { type: 'word.noun', options: { length: Math.max(1, Math.min(max, 6)), strategy: 'shortest' } };
}
