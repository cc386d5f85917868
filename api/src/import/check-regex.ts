// CHECK (col ~ '...'), (col ~* '...') and (col SIMILAR TO '...') → a JavaScript pattern the engine's
// regex generator draws from, and the test whether a name pattern's generator already satisfies it.
import { compile, generateRows } from '../engine/index.js';
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { regexProblem } from '../engine/regex.js';
import type { Generator } from './generators.js';

export interface CheckPattern {
  /** JavaScript regular expression source. */
  source: string;
  /** `i` for ~* (case-insensitive), else ''. */
  flags: string;
  /** The CHECK's own text, for reasons and notes. */
  sql: string;
  /** A sub-language to draw values from when the whole one reads as noise (LIKE's `%`). */
  draw?: string;
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

/** SQL's LIKE pattern (whole-string match, % and _ wildcards, the rest literal) → a JavaScript regex. */
export function likeToRegex(source: string, any = '.'): string {
  return `^${likeParts(source)
    .map((p) => (p === '%' ? `${any}*` : p === '_' ? any : escapeRegex(p)))
    .join('')}$`;
}

/**
 * A sub-language of a LIKE pattern that reads as data: a `%` after `http(s)://` is a host and path,
 * a trailing one after a closing bracket nothing, any other a short word; `_` inside a word an
 * underscore, elsewhere a letter.
 */
export function likeDrawRegex(source: string): string {
  const parts = likeParts(source);
  return `^${parts
    .map((p, i) => {
      // `{tracking_number}`: an underscore inside a word was meant as one (and matches itself)
      if (p === '_') return /[A-Za-z]$/.test(parts[i - 1] ?? '') && /^[A-Za-z]/.test(parts[i + 1] ?? '') ? '_' : '[a-z]';
      if (p !== '%') return escapeRegex(p);
      if (i > 0 && /^https?:\/\/$/i.test(parts.slice(0, i).join(''))) return '[a-z]{3,10}\\.(com|io|net|org)/[a-z]{3,8}/';
      // 'https://%{id}%': nothing after a closing brace, as a template ends
      return i === parts.length - 1 && /[)\]}]$/.test(parts[i - 1] ?? '') ? '' : '[a-z0-9]{1,8}';
    })
    .join('')}$`;
}

/** A LIKE pattern's literal runs and its '%' and '_' wildcards (a backslash escapes the next character). */
function likeParts(source: string): string[] {
  const parts: string[] = [];
  let literal = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\' && i + 1 < source.length) literal += source[++i];
    else if (c === '%' || c === '_') {
      if (literal) parts.push(literal);
      parts.push(c);
      literal = '';
    } else literal += c;
  }
  if (literal) parts.push(literal);
  return parts;
}

const escapeRegex = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/**
 * A sub-language of the pattern for unique columns: each variable repetition of a single atom gets
 * a fixed-length part of at least `want` (`[a-z]{3,30}` → `[a-z]{4}[a-z]{0,26}`, `x*` → `x{4}x{0,8}`),
 * because the engine counts the distinct values of a unique regex over its fixed-length part. Every
 * value still matches the original pattern.
 */
/**
 * The pattern without the alternatives that hold a lookahead or lookbehind
 * (`(?:[a-z0-9]|[-.](?=[a-z0-9]))*` → `(?:[a-z0-9])*`): a subset of its language that needs no
 * redraw, so a unique column's values can be walked by index. Undefined when a lookaround is not in
 * an alternative that can go (or the pattern has none).
 */
export function withoutLookarounds(source: string): string | undefined {
  let ast: AST.Pattern;
  try {
    ast = new RegExpParser().parsePattern(source);
  } catch {
    return undefined;
  }
  const cuts: [number, number][] = [];
  let blocked = false;
  const holds = (node: AST.Node): boolean => {
    if (node.type === 'Assertion' && (node.kind === 'lookahead' || node.kind === 'lookbehind')) return true;
    const children: AST.Node[] =
      'alternatives' in node ? node.alternatives : 'elements' in node ? (node.elements as AST.Node[]) : 'element' in node ? [node.element] : [];
    return children.some(holds);
  };
  const visit = (node: AST.Node): void => {
    if (node.type === 'Assertion' && (node.kind === 'lookahead' || node.kind === 'lookbehind')) {
      blocked = true; // in the only way through
      return;
    }
    if ('alternatives' in node) {
      const kept = node.alternatives.filter((a) => !holds(a));
      node.alternatives.forEach((a, i) => {
        if (!holds(a) || kept.length === 0) return visit(a);
        // the alternative and the `|` before it (or after it, for the first)
        cuts.push(i > 0 ? [a.start - 1, a.end] : [a.start, a.end + 1]);
      });
      return;
    }
    const children: AST.Node[] = 'elements' in node ? (node.elements as AST.Node[]) : 'element' in node ? [node.element] : [];
    children.forEach(visit);
  };
  visit(ast);
  if (blocked || cuts.length === 0) return undefined;
  let out = source;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + out.slice(end);
  return out;
}

export function fixedHeads(source: string, want = 4): string {
  return requiredGroups(source).replace(
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

/**
 * Optional groups made required and opened into the sequence (`^[a-z]([a-z-]*[a-z])?$` →
 * `^[a-z][a-z-]*[a-z]$`): a subset of the language whose values are all long enough to carry a
 * unique column's index, over parts the engine indexes (the head of the top-level sequence).
 */
export function requiredGroups(source: string): string {
  // numbered back-references would point elsewhere once groups are opened
  if (/\\[1-9]/.test(source)) return source;
  const opens: { at: number; alternation: boolean; lookaround: boolean }[] = [];
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      // a bracket class, whose ']' may come first and whose escapes are skipped
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j;
    } else if (c === '(') {
      opens.push({ at: out.length, alternation: false, lookaround: /^\(\?<?[=!]/.test(source.slice(i, i + 4)) });
      out += c;
    } else if (c === '|') {
      if (opens.length) opens[opens.length - 1]!.alternation = true;
      out += c;
    } else if (c === ')') {
      const open = opens.pop();
      // `)?` but not the lazy `)??`
      if (open && !open.lookaround && source[i + 1] === '?' && source[i + 2] !== '?') {
        i++;
        if (open.alternation) out += c;
        else out = out.slice(0, open.at) + out.slice(open.at).replace(/^\((\?:)?/, '');
      } else out += c;
    } else out += c;
  }
  return out;
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
