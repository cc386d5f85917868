// The regex field's maxLength option (values fit a varchar(n)) and unique regexes whose head and
// tail are too few for the rows (a quantifier repeated a fixed number of times carries the index).
import { describe, expect, it } from 'vitest';
import { allRows, column } from './testing/rows.js';
import { compile, DefinitionError, parseDefinition, type Definition } from './index.js';
import { keyOf, Rng } from './random.js';
import { regexGeneratedMaxLength, regexGenerator, regexIndexSpace, regexProblem } from './regex.js';
import { rowsEveryChunking } from './testing/chunked-rows.js';

function uniform(seed: string): () => number {
  const rng = new Rng();
  rng.reseed(keyOf(seed), 0);
  return rng.next;
}

const PATTERNS = [
  '^[a-z0-9][a-z0-9-]*$',
  '^TCK-[0-9]{6,}$',
  '[\\w.-]+@example\\.(com|org)',
  '(ab|cd){2,}x',
  'a{20}|b',
  '[A-Z]{2}[0-9]{2}(-[a-z]+)?',
  '(?:[a-f0-9]{2}:){5}[a-f0-9]{2}',
  '(\\w+)-\\1',
  '\\bword\\b|[xy]+',
  'x{3,}y*z{0,40}',
  '(a(b(c)?)*)+',
  '[0-9]{1,30}\\.[0-9]{2}',
];

describe('regex maxLength', () => {
  it('every value matches its pattern and fits maxLength, for many patterns and limits', () => {
    const random = uniform('limits');
    for (const pattern of PATTERNS) {
      const full = new RegExp(`^(?:${pattern})$`);
      const shortest = regexGenerator(pattern).minLength;
      for (const limit of [shortest, shortest + 1, shortest + 3, shortest + 7, shortest + 20]) {
        expect(regexProblem(pattern, limit), `${pattern} ≤ ${limit}`).toBeUndefined();
        const generator = regexGenerator(pattern, limit);
        expect(generator.generatedMaxLength).toBeLessThanOrEqual(limit);
        expect(regexGeneratedMaxLength(pattern, limit)).toBe(generator.generatedMaxLength);
        for (let r = 0; r < 300; r++) {
          const value = generator.generate(random);
          expect(full.test(value), `${pattern} ≤ ${limit} -> ${JSON.stringify(value)}`).toBe(true);
          expect(value.length, `${pattern} ≤ ${limit} -> ${JSON.stringify(value)}`).toBeLessThanOrEqual(limit);
        }
        for (const needed of [undefined, 1000, 100_000]) {
          const space = generator.indexSpaceFor(needed);
          for (let k = 0; k < 200; k++) {
            const value = generator.atIndex(Math.floor(random() * space), random, needed);
            expect(full.test(value), `${pattern} ≤ ${limit} #${needed} -> ${JSON.stringify(value)}`).toBe(true);
            expect(value.length).toBeLessThanOrEqual(limit);
          }
        }
      }
    }
  });

  it('random patterns with random limits: values match and fit', () => {
    const atoms = ['a', '\\d', '\\w', '[x-z]', '[^\\d\\s]', '\\.', '(b|cd)', '(?:e[fg])', '[\\w-]', '.'];
    const quantifiers = ['', '?', '*', '+', '{2}', '{1,3}', '{2,}', '{3,12}'];
    const random = uniform('random limits');
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
    for (let p = 0; p < 300; p++) {
      let pattern = '';
      const parts = 1 + Math.floor(random() * 5);
      for (let k = 0; k < parts; k++) pattern += pick(atoms) + pick(quantifiers);
      if (random() < 0.3) pattern = `(${pattern})+|${pick(atoms)}`;
      const full = new RegExp(`^(?:${pattern})$`);
      const limit = regexGenerator(pattern).minLength + Math.floor(random() * 6);
      const generator = regexGenerator(pattern, limit);
      for (let r = 0; r < 50; r++) {
        const value = generator.generate(random);
        expect(full.test(value) && value.length <= limit, `${pattern} ≤ ${limit} -> ${value}`).toBe(true);
      }
    }
  });

  it('a pattern that already fits keeps its values; columns of a definition fit too', () => {
    const fields = (maxLength?: number): Definition => ({
      version: 1,
      seed: 'fits',
      tables: [
        {
          name: 't',
          rows: 3000,
          fields: [
            { name: 'code', type: 'regex', options: { pattern: '^[A-Z]{3}-[0-9]{4}$', ...(maxLength ? { maxLength } : {}) } },
            { name: 'ticket', type: 'regex', options: { pattern: '^TCK-[0-9]{6,}$', ...(maxLength ? { maxLength: maxLength + 8 } : {}) } },
          ],
        },
      ],
    });
    const plain = compile(fields());
    const limited = compile(fields(8));
    const plainRows = allRows(plain, 't');
    const limitedRows = allRows(limited, 't');
    expect(column(limited, limitedRows, 't', 'code')).toEqual(column(plain, plainRows, 't', 'code'));
    const tickets = column(limited, limitedRows, 't', 'ticket') as string[];
    for (const v of tickets) expect(v).toMatch(/^TCK-[0-9]{6,12}$/);
    // without the limit some values are longer than 16 (the fault this option fixes)
    expect((column(plain, plainRows, 't', 'ticket') as string[]).some((v) => v.length > 16)).toBe(true);
  });
});

describe('unique regexes beyond their fixed head and tail', () => {
  it('space: the head/tail one when it holds the rows, quantifiers carry the rest', () => {
    expect(regexIndexSpace('^[a-z0-9][a-z0-9-]*$')).toBe(36);
    expect(regexIndexSpace('^[a-z0-9][a-z0-9-]*$', undefined, 36)).toBe(36);
    expect(regexIndexSpace('^[a-z0-9][a-z0-9-]*$', undefined, 1000)).toBe(36 * 37 ** 4);
    expect(regexIndexSpace('^TCK-[0-9]{6,}$', 16, 100_000)).toBe(10 ** 9);
    expect(regexIndexSpace('[ab]*', undefined, 1000)).toBe(2 ** 8);
    expect(regexIndexSpace('[a-z]+', 2, 1000)).toBe(26 ** 2);
    expect(regexIndexSpace('(\\w+)-\\1', undefined, 1000)).toBe(1);
    // the tail side when the head has nothing to give
    expect(regexIndexSpace('(ab|cd)-[0-9]*', undefined, 500)).toBe(10 ** 4);
  });

  it('atIndex is injective on a widened space', () => {
    for (const [pattern, needed] of [
      ['[ab]*x', 200],
      ['q[a-c]+-(x|y)[0-9]?', 20],
      ['(ab|c)[0-9]{0,3}[xy]', 1500],
    ] as const) {
      const generator = regexGenerator(pattern);
      const space = generator.indexSpaceFor(needed);
      expect(space).toBeGreaterThanOrEqual(needed);
      const random = uniform(pattern);
      const seen = new Set<string>();
      for (let index = 0; index < space; index++) seen.add(generator.atIndex(index, random, needed));
      expect(seen.size, pattern).toBe(space);
    }
  });

  it('unique logins, tickets in a varchar(16) and e-mails hold 100,000 rows exactly, whatever the chunking', () => {
    const plan = compile({
      version: 1,
      seed: 'logins',
      tables: [
        {
          name: 'users',
          rows: 100_000,
          fields: [
            { name: 'login', type: 'regex', options: { pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 39 }, unique: true },
            { name: 'number', type: 'regex', options: { pattern: '^TCK-[0-9]{6,}$', maxLength: 16 }, unique: true },
            { name: 'email', type: 'regex', options: { pattern: '[a-z]+@example\\.(com|org)' }, unique: true },
            { name: 'tag', type: 'regex', options: { pattern: '#[a-z]+', maxLength: 5 } },
          ],
        },
      ],
    });
    const rows = rowsEveryChunking(plan, 'users');
    const checks: [string, RegExp, number][] = [
      ['login', /^[a-z0-9][a-z0-9-]*$/, 39],
      ['number', /^TCK-[0-9]{6,}$/, 16],
      ['email', /^[a-z]+@example\.(com|org)$/, 21],
      ['tag', /^#[a-z]+$/, 5],
    ];
    for (const [name, pattern, limit] of checks) {
      const values = column(plan, rows, 'users', name) as string[];
      if (name !== 'tag') expect(new Set(values).size, name).toBe(100_000);
      for (const v of values) if (!pattern.test(v) || v.length > limit) expect(v, name).toMatch(pattern);
      expect(Math.max(...values.map((v) => v.length)), name).toBeLessThanOrEqual(limit);
    }
  });

  it('the realism fault: a unique login of 1000 rows is accepted, and values spread over the space', () => {
    const plan = compile({
      version: 1,
      seed: 'realism',
      tables: [
        { name: 'accounts', rows: 1000, fields: [{ name: 'login', type: 'regex', options: { pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 39 }, unique: true }] },
      ],
    });
    const logins = column(plan, allRows(plan, 'accounts'), 'accounts', 'login') as string[];
    expect(new Set(logins).size).toBe(1000);
    expect(new Set(logins.map((v) => v[0])).size).toBeGreaterThan(30);
  });
});

describe('validation', () => {
  const issues = (definition: unknown) => {
    try {
      parseDefinition(definition);
      compile(definition as Definition);
    } catch (error) {
      if (error instanceof DefinitionError) return error.issues;
      throw error;
    }
    return [];
  };
  const one = (options: Record<string, unknown>, rows = 10, unique = false): unknown => ({
    version: 1,
    seed: 'v',
    tables: [{ name: 't', rows, fields: [{ name: 'x', type: 'regex', options, ...(unique ? { unique } : {}) }] }],
  });

  it('refuses a maxLength shorter than the shortest value, and bad maxLengths, at options.maxLength', () => {
    expect(issues(one({ pattern: '^TCK-[0-9]{6,}$', maxLength: 9 }))).toEqual([
      { path: 'tables[0].fields[0].options.maxLength', message: expect.stringContaining('shortest value is 10 characters, longer than maxLength 9') },
    ]);
    expect(issues(one({ pattern: '^TCK-[0-9]{6,}$', maxLength: 10 }))).toEqual([]);
    for (const maxLength of [0, 2.5, -1, '16', 10_001])
      expect(issues(one({ pattern: '[a-z]+', maxLength }))).toEqual([{ path: 'tables[0].fields[0].options.maxLength', message: expect.any(String) }]);
    // a bad pattern is reported once, at the pattern
    expect(issues(one({ pattern: '(?<=a)b', maxLength: 5 }))).toEqual([
      { path: 'tables[0].fields[0].options.pattern', message: expect.stringContaining('lookbehind') },
    ]);
  });

  it('a unique regex whose widest space is still too small names the count', () => {
    expect(issues(one({ pattern: '[ab]*' }, 1000, true))).toEqual([
      { path: 'tables[0].fields[0].unique', message: 'only 256 distinct values of x for 1000 rows' },
    ]);
    expect(issues(one({ pattern: '[a-z]+', maxLength: 2 }, 1000, true))).toEqual([
      { path: 'tables[0].fields[0].unique', message: 'only 676 distinct values of x for 1000 rows' },
    ]);
    expect(issues(one({ pattern: '[a-z]+', maxLength: 3 }, 1000, true))).toEqual([]);
  });
});
