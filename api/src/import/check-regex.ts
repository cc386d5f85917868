// CHECK (col ~ '...'), (col ~* '...') and (col SIMILAR TO '...') → a JavaScript pattern the engine's
// regex generator draws from, and the test whether a name pattern's generator already satisfies it.
import { compile, generateRows } from '../engine/index.js';
import { regexProblem } from '../engine/regex.js';
import type { Generator } from './generators.js';

export interface CheckPattern {
  /** JavaScript regular expression source. */
  source: string;
  /** `i` for ~* (case-insensitive), else ''. */
  flags: string;
  /** The CHECK's own text, for reasons and notes. */
  sql: string;
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  xdigit: '0-9A-Fa-f',
  punct: '!-\\/:-@\\[-`{-~',
  word: 'A-Za-z0-9_',
  blank: ' \\t',
};

/** A Postgres ARE → JavaScript: POSIX bracket classes and word boundaries; the rest is shared syntax. */
export function postgresRegexToJs(source: string): string {
  return source
    .replace(/\[:([a-z]+):\]/g, (all, name: string) => POSIX_CLASSES[name] ?? all)
    .replace(/\\[my]/g, '\\b')
    .replace(/\\M/g, '\\b');
}

/** SQL's SIMILAR TO pattern (whole-string match, % and _ wildcards) → a JavaScript regex. */
export function similarToRegex(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\' && i + 1 < source.length) out += `\\${source[++i]}`;
    else if (c === '%') out += '.*';
    else if (c === '_') out += '.';
    else if (c === '.' || c === '^' || c === '$') out += `\\${c}`;
    else out += c;
  }
  return `^(?:${postgresRegexToJs(out)})$`;
}

/**
 * A sub-language of the pattern for unique columns: each variable repetition of a single atom gets
 * a fixed-length part of at least `want` (`[a-z]{3,30}` → `[a-z]{4}[a-z]{0,26}`, `x*` → `x{4}x{0,8}`),
 * because the engine counts the distinct values of a unique regex over its fixed-length part. Every
 * value still matches the original pattern.
 */
export function fixedHeads(source: string, want = 4): string {
  return source.replace(
    /(\[(?:\\.|[^\]\\])*\]|\\[dwsDWS]|[A-Za-z0-9_])(\{(\d+),(\d*)\}|\+|\*)(?!\?)/g,
    (all, atom: string, q: string, min?: string, max?: string) => {
      const lo = q === '+' ? 1 : q === '*' ? 0 : Number(min);
      const hi = q === '+' || q === '*' || max === '' ? Infinity : Number(max);
      const fixed = Math.max(lo, Math.min(hi, want));
      const rest = hi === Infinity ? 8 : hi - fixed;
      return rest > 0 ? `${atom}{${fixed}}${atom}{0,${rest}}` : `${atom}{${fixed}}`;
    },
  );
}

/** Why the engine cannot draw from the pattern, or undefined when it can. */
export function generationProblem(pattern: CheckPattern): string | undefined {
  try {
    new RegExp(pattern.source, pattern.flags);
  } catch (error) {
    return (error as Error).message;
  }
  return regexProblem(pattern.source);
}

// generators that read other fields of the row cannot be sampled on their own
const ROW_READERS = new Set(['template', 'slug', 'email', 'lookup', 'expression', 'after', 'before', 'dateAfter', 'ref']);

/**
 * Whether `count` values of `generator` all match the CHECK's pattern and fit `maxLength`: then a
 * name pattern's meaningful values can stay (a deterministic sample, so the decision is too).
 */
export function generatorSatisfies(generator: Generator, pattern: CheckPattern, maxLength: number | undefined, count = 20, unique = false): boolean {
  if (ROW_READERS.has(generator.type)) return false;
  let test: RegExp;
  try {
    test = new RegExp(pattern.source, pattern.flags);
  } catch {
    return false;
  }
  try {
    const plan = compile(
      {
        version: 1,
        locale: 'en',
        referenceDate: '2025-01-01T00:00:00.000Z',
        tables: [{ name: 't', rows: count, fields: [{ name: 'v', ...generator, ...(unique ? { unique: true } : {}) }] }],
      } as Parameters<typeof compile>[0],
      { seed: 'check-regex' },
    );
    for (const batch of generateRows(plan, 't', 0, count)) {
      for (const row of batch) {
        const v = row[0];
        if (typeof v !== 'string' || !test.test(v) || (maxLength !== undefined && v.length > maxLength)) return false;
      }
    }
    return true;
  } catch {
    return false;
  }
}
