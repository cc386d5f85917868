import { Faker, base, en, type Randomizer } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowsEveryChunking } from './testing/chunked-rows.js';
import { allRows, column } from './testing/rows.js';
import { compile, DefinitionError, generateRows, parseDefinition, type Definition } from './index.js';
import { keyOf, Rng } from './random.js';
import { fakerRegExp, REGEX_MAX_CHARS, regexGeneratedMaxLength, regexGenerator, regexIndexSpace, regexMaxLength, regexProblem } from './regex.js';

// patterns faker's fromRegExp gets wrong, and ordinary ones
const PATTERNS = [
  '[A-Z]{3}-[0-9]{4}',
  '^[A-Z]{3}-[0-9]{4}$',
  '(ab)+',
  '(ab|cd){2,3}x',
  '[\\d]{3}',
  '[\\w.-]+@example\\.(com|org)',
  '\\d{2}\\s\\w{3}',
  '[^a-z0-9]{4}',
  '[^\\s]{2}',
  '[\\s\\S]{3}',
  '(?:[a-f0-9]{2}:){5}[a-f0-9]{2}',
  '(\\w+)-\\1',
  '\\bword\\b',
  '^(foo|bar)?baz$',
  'a*b+c?',
  '[+]?\\d{1,3}(\\.\\d{1,3}){3}',
  '\\(\\d{3}\\) \\d{3}-\\d{4}',
  '.{5}',
  'x{3,}',
  '[-a-c]{2}',
  '[\\]\\\\]{2}',
  '\\u00e9\\x41[\\u4e00-\\u4e05]',
  '(a(b(c)?)*)+',
  'SKU-[A-HJ-NP-Z2-9]{6}',
];

/** A deterministic [0,1) source. */
function uniform(seed: string): () => number {
  const rng = new Rng();
  rng.reseed(keyOf(seed), 0);
  return rng.next;
}

describe('regex generator', () => {
  it('every value matches its pattern and stays within the bound', () => {
    for (const pattern of PATTERNS) {
      const full = new RegExp(`^(?:${pattern})$`);
      const generator = regexGenerator(pattern);
      const random = uniform(pattern);
      for (let r = 0; r < 2000; r++) {
        const value = generator.generate(random);
        expect(full.test(value), `${pattern} -> ${JSON.stringify(value)}`).toBe(true);
        expect(value.length).toBeLessThanOrEqual(generator.generatedMaxLength);
      }
      for (let index = 0; index < Math.min(500, generator.indexSpace); index++) {
        const value = generator.atIndex((index * 7919) % generator.indexSpace, random);
        expect(full.test(value), `${pattern} @${index} -> ${value}`).toBe(true);
      }
    }
  });

  it('random patterns built from the supported syntax match too', () => {
    const atoms = ['a', '\\d', '\\w', '[x-z]', '[^\\d\\s]', '\\.', '(b|cd)', '(?:e[fg])', '[\\w-]', '.'];
    const quantifiers = ['', '', '?', '*', '+', '{2}', '{1,3}', '{2,}'];
    const random = uniform('random patterns');
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
    for (let p = 0; p < 300; p++) {
      let pattern = '';
      const parts = 1 + Math.floor(random() * 5);
      for (let k = 0; k < parts; k++) pattern += pick(atoms) + pick(quantifiers);
      if (random() < 0.3) pattern = `(${pattern})+|${pick(atoms)}`;
      const full = new RegExp(`^(?:${pattern})$`);
      const generator = regexGenerator(pattern);
      for (let r = 0; r < 50; r++) expect(full.test(generator.generate(random)), pattern).toBe(true);
    }
  });

  it('atIndex is injective on the index space', () => {
    for (const pattern of ['[A-Z]{2}[0-9]{2}', 'ID-[0-9]{3}[a-c]?x*[A-C]{2}', '[ab]{12}']) {
      const generator = regexGenerator(pattern);
      const random = uniform(pattern);
      const seen = new Set<string>();
      for (let index = 0; index < generator.indexSpace; index++) seen.add(generator.atIndex(index, random));
      expect(seen.size).toBe(generator.indexSpace);
    }
    expect(regexIndexSpace('[A-Z]{2}[0-9]{2}')).toBe(26 * 26 * 100);
    expect(regexIndexSpace('ID-[0-9]{3}[a-c]?x*[A-C]{2}')).toBe(1000 * 9);
    expect(regexIndexSpace('(ab)+')).toBe(1);
  });

  it('reports bounds: Infinity for unbounded patterns, capped for generated values', () => {
    expect(regexMaxLength('[A-Z]{3}-[0-9]{4}')).toBe(8);
    expect(regexMaxLength('a|bcd')).toBe(3);
    expect(regexMaxLength('(ab)+')).toBe(Infinity);
    expect(regexGeneratedMaxLength('(ab)+')).toBe(18);
    expect(regexGeneratedMaxLength('x{3,}')).toBe(11);
    expect(regexMaxLength('a{100000000}')).toBe(100_000_000);
    expect(regexProblem('a{100000000}')).toContain(`at most ${REGEX_MAX_CHARS}`);
    expect(regexProblem('a(?=b)')).toContain('lookahead');
    expect(regexProblem('[]')).toContain('matches no character');
    expect(regexProblem('[A-Z]{3}')).toBeUndefined();
    expect(regexProblem('a\\bb')).toContain('assertions');
    expect(regexProblem('\\bword\\b|x^')).toBeUndefined();
  });

  it('meets a lookahead by redrawing (a dot or dash only before a letter or digit)', () => {
    const pattern = '^[a-zA-Z0-9](?:[a-zA-Z0-9]|[-.](?=[a-zA-Z0-9]))*-?$';
    expect(regexProblem(pattern)).toBeUndefined();
    const generator = regexGenerator(pattern);
    const rng = new Rng();
    rng.reseed(keyOf('lookahead'), 0);
    const values = Array.from({ length: 300 }, () => generator.generate(rng.next));
    for (const v of values) expect(v).toMatch(new RegExp(pattern));
    expect(values.some((v) => /[-.][a-zA-Z0-9]/.test(v))).toBe(true);
  });
});

const table = (fields: Definition['tables'][number]['fields'], rows = 3000, extra: Partial<Definition['tables'][number]> = {}): Definition => ({
  version: 1,
  seed: 'regex',
  tables: [{ name: 't', rows, fields, ...extra }],
});

describe('regex fields', () => {
  it("generated columns match, nested ones too, and patterns faker handles keep faker's values", () => {
    const plan = compile(
      table([
        { name: 'code', type: 'regex', options: { pattern: '^[A-Z]{3}-[0-9]{4}$' } },
        { name: 'grouped', type: 'regex', options: { pattern: '(ab|c)+-\\d{2}' } },
        { name: 'nested', type: 'array', options: { of: { type: 'regex', options: { pattern: '[\\d]{2}(x|yz)+' } }, min: 1, max: 3 } },
      ]),
    );
    const rows = allRows(plan, 't');
    for (const v of column(plan, rows, 't', 'grouped')) expect(v).toMatch(/^(?:(ab|c)+-\d{2})$/);
    for (const list of column(plan, rows, 't', 'nested')) for (const v of list as string[]) expect(v).toMatch(/^(?:[\d]{2}(x|yz)+)$/);
    // the same values as faker's fromRegExp on the same stream (block by block, as before)
    const rng = new Rng();
    const faker = new Faker({ locale: [en, base], randomizer: rng });
    const codes = column(plan, rows, 't', 'code');
    const expected: string[] = [];
    for (let block = 0; block * 1024 < 3000; block++) {
      rng.reseed(keyOf('regex', 't', 'code'), block);
      for (let k = 0; k < 1024 && block * 1024 + k < 3000; k++) expected.push(faker.helpers.fromRegExp(/^[A-Z]{3}-[0-9]{4}$/));
    }
    expect(codes).toEqual(expected);
  });

  it("draw: 'compiled' gives values that match and fit, the same in any chunking, and not faker's", () => {
    const patterns = ['^[A-Z]{3}-[0-9]{4}$', '[+]1[2-9][0-9]{9}', '(ab|c)+-\\d{2}', '[a-f0-9]{40}'];
    const fields = patterns.map((pattern, k) => ({ name: `c${k}`, type: 'regex', options: { pattern, draw: 'compiled', maxLength: 40 } }));
    const plan = compile(
      table([
        ...fields,
        { name: 'nested', type: 'array', options: { of: { type: 'regex', options: { pattern: '[\\d]{2}(x|yz)+', draw: 'compiled' } }, min: 1, max: 3 } },
      ]),
    );
    const rows = allRows(plan, 't');
    patterns.forEach((pattern, k) => {
      const values = column(plan, rows, 't', `c${k}`) as string[];
      for (const v of values) {
        expect(v).toMatch(new RegExp(`^(?:${pattern})$`));
        expect(v.length).toBeLessThanOrEqual(40);
      }
      expect(new Set(values).size).toBeGreaterThan(values.length / 2);
    });
    for (const list of column(plan, rows, 't', 'nested')) for (const v of list as string[]) expect(v).toMatch(/^(?:[\d]{2}(x|yz)+)$/);
    // rows [1500, 2500) computed on their own are those of the whole run
    const part = [...generateRows(plan, 't', 1500, 2500)].flat();
    expect(part).toEqual(rows.slice(1500, 2500));
    const faker = compile(table([{ name: 'c0', type: 'regex', options: { pattern: patterns[0] } }]));
    expect(column(plan, rows, 't', 'c0')).not.toEqual(column(faker, allRows(faker, 't'), 't', 'c0'));
  });

  it('refuses an unknown draw', () => {
    expect(() => parseDefinition(table([{ name: 'c', type: 'regex', options: { pattern: 'a', draw: 'fast' } }]))).toThrow(/fields\[0\]\.options\.draw/);
  });

  it('unique regex columns and composites with them are exact at 100,000 rows, whatever the chunking', () => {
    const definition = table(
      [
        { name: 'id', type: 'sequence' },
        { name: 'code', type: 'regex', options: { pattern: 'INV-[0-9]{6}' }, unique: true },
        { name: 'status', type: 'pick', options: { values: ['open', 'paid', 'void'] } },
        { name: 'short', type: 'regex', options: { pattern: '[A-Z]{2}[0-9]{2}(-[a-z]+)?' } },
      ],
      100_000,
      { unique: [['status', 'short']] },
    );
    const plan = compile(definition);
    const whole = allRows(plan, 't');
    const codes = column(plan, whole, 't', 'code') as string[];
    expect(new Set(codes).size).toBe(100_000);
    for (const c of codes.slice(0, 5000)) expect(c).toMatch(/^INV-[0-9]{6}$/);
    const pairs = whole.map((r) => `${r[2]}|${r[3]}`);
    expect(new Set(pairs).size).toBe(100_000);
    for (const v of column(plan, whole, 't', 'short')) expect(v).toMatch(/^(?:[A-Z]{2}[0-9]{2}(-[a-z]+)?)$/);
    const wholeText = JSON.stringify(whole);
    for (const cut of [1, 1023, 37_777, 99_999]) {
      const parts = [...allRows(plan, 't', cut, 100_000, 333), ...allRows(plan, 't', 0, cut, 1000)];
      expect(JSON.stringify([...parts.slice(100_000 - cut), ...parts.slice(0, 100_000 - cut)])).toBe(wholeText);
    }
  });

  it('a composite with a template column (over a small regex) is accepted and exact at 100,000 rows, whatever the chunking', () => {
    // issue 13's fault: "only 3 combinations" for (status, label) although label has as many values as rows
    const plan = compile(
      table(
        [
          { name: 'status', type: 'pick', options: { values: ['open', 'paid', 'void'] } },
          { name: 'code', type: 'regex', options: { pattern: '[A-Z]{2}' } },
          { name: 'label', type: 'template', options: { template: '{{code}}-{{status}}' } },
        ],
        100_000,
        { unique: [['status', 'label']] },
      ),
    );
    const rows = rowsEveryChunking(plan, 't');
    expect(new Set(rows.map(([status, , label]) => `${String(status)}|${String(label)}`)).size).toBe(100_000);
    expect(rows.filter(([status, code, label]) => !String(label).startsWith(`${String(code)}-${String(status)}`))).toEqual([]);
  });

  it('refuses what cannot be generated, naming the place', () => {
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
    expect(
      issues(
        table([
          { name: 'id', type: 'sequence' },
          { name: 'big', type: 'regex', options: { pattern: 'a{100000000}' } },
        ]),
      ),
    ).toEqual([{ path: 'tables[0].fields[1].options.pattern', message: expect.stringContaining('100000000 characters') }]);
    expect(issues(table([{ name: 'x', type: 'regex', options: { pattern: '(?<=a)b' } }]))).toEqual([
      { path: 'tables[0].fields[0].options.pattern', message: expect.stringContaining('lookbehind') },
    ]);
    expect(issues(table([{ name: 'x', type: 'regex', options: { pattern: '(ab)+' }, unique: true }], 10))).toEqual([
      { path: 'tables[0].fields[0].unique', message: expect.stringContaining('only 1 distinct value') },
    ]);
    expect(issues(table([{ name: 'x', type: 'regex', options: { pattern: '[ab]{3}' }, unique: true }], 9))).toEqual([
      { path: 'tables[0].fields[0].unique', message: expect.stringContaining('only 8 distinct values') },
    ]);
    expect(issues(table([{ name: 'x', type: 'regex', options: { pattern: '[ab]{3}' }, unique: true }], 8))).toEqual([]);
  });
});

describe('regex minLength (a char(n) column whose CHECK regex sees the padding)', () => {
  const values = (pattern: string, minLength: number, maxLength?: number, unique = false) => {
    const def: Definition = {
      version: 1,
      seed: 'fill',
      tables: [{ name: 't', rows: 400, fields: [{ name: 'x', type: 'regex', unique, options: { pattern, minLength, ...(maxLength ? { maxLength } : {}) } }] }],
    };
    const plan = compile(parseDefinition(def));
    return column(plan, allRows(plan, 't'), 't', 'x') as string[];
  };

  it('every value is at least that long and still matches, drawn or by index', () => {
    const iswc = '^T-?\\d{3}.?\\d{3}.?\\d{3}[-.]?\\d$';
    for (const unique of [false, true]) {
      const got = values(iswc, 15, 15, unique);
      expect(got.every((v) => v.length === 15 && new RegExp(iswc).test(v))).toBe(true);
      if (unique) expect(new Set(got).size).toBe(got.length);
    }
    const words = values('[a-z]{2,10}', 8);
    expect(words.every((v) => v.length >= 8 && v.length <= 10 && /^[a-z]+$/.test(v))).toBe(true);
    expect(new Set(words.map((v) => v.length)).size).toBeGreaterThan(1);
    expect(new Set(values('(ab|abcdef)x', 7))).toEqual(new Set(['abcdefx']));
  });

  it('is refused where no value is that long', () => {
    expect(regexProblem('[a-z]{2,3}', undefined, 5)).toMatch(/no value of this pattern is 5 characters long/);
    expect(() =>
      parseDefinition({ version: 1, tables: [{ name: 't', rows: 1, fields: [{ name: 'x', type: 'regex', options: { pattern: 'ab?', minLength: 4 } }] }] }),
    ).toThrow(/minLength/);
  });
});

describe("fakerRegExp (faker's fromRegExp compiled)", () => {
  // what a regex field took from faker's own fromRegExp: its value when it fits and matches, else nothing
  const general = (faker: Faker, pattern: string, max: number) => {
    try {
      const value = faker.helpers.fromRegExp(new RegExp(pattern));
      return value.length <= max && new RegExp(`^(?:${pattern})$`).test(value) ? value : undefined;
    } catch {
      return undefined;
    }
  };
  // faker and the twin on two PRNGs seeded alike: the same values, and the PRNGs left alike
  const same = (pattern: string, max: number, seed: number, values: number, randomizer: () => Randomizer = () => new Rng()) => {
    const a = randomizer();
    const b = randomizer();
    for (const r of [a, b]) if (r instanceof Rng) r.reseed(keyOf('faker-regexp'), seed);
    const twin = fakerRegExp(new RegExp(pattern).source, a.next, max);
    const faker = new Faker({ locale: [en, base], randomizer: b });
    if (!twin) return false;
    for (let i = 0; i < values; i++) expect([pattern, twin()]).toEqual([pattern, general(faker, pattern, max)]);
    expect(a.next()).toBe(b.next());
    return true;
  };

  it('gives the values a regex field took from faker, and the same draws, for random patterns', () => {
    const pieces = ['A', 'x', '-', '_', '@', 'é', '5', ' ', '.', '/', '\\.', 'b{2}', '(ab)', '|', '\\d', '{', '}'];
    const classes = [
      '[A-Z]',
      '[a-f0-9]',
      '[^a-z]',
      '[^aa]',
      '[_a]',
      '[A-HJ-NP-Z2-9]',
      '[a-]',
      '[\\d]',
      '[0-z]',
      '[z]',
      '[^0-9A-Za-z]',
      '[a-c-e]',
      '[^_]',
      '[.]',
    ];
    const quantifiers = ['', '', '{3}', '{0}', '{1,4}', '{2,2}', '?', '*', '+', '{2,}', '{,3}', '+?', '{03}'];
    const pattern = fc
      .tuple(
        fc.constantFrom('', '^', '^^'),
        fc.array(
          fc.oneof(
            fc.constantFrom(...pieces),
            fc.tuple(fc.constantFrom(...classes), fc.constantFrom(...quantifiers)).map(([c, q]) => c + q),
          ),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        fc.constantFrom('', '$', '$$'),
      )
      .map(([start, parts, end]) => start + parts.join('') + end)
      .filter((p) => {
        try {
          new RegExp(p);
          return true;
        } catch {
          return false;
        }
      });
    let compiled = 0;
    let runs = 0;
    fc.assert(
      fc.property(pattern, fc.nat(), fc.integer({ min: 0, max: 40 }), (p, seed, max) => {
        runs++;
        if (same(p, max, seed, 30)) compiled++;
      }),
      { numRuns: 3000 },
    );
    expect(compiled).toBeGreaterThan(runs / 10);
  });

  it('compiles the patterns it should', () => {
    for (const p of ['[A-Z]{3}-[0-9]{4}', '^^[A-Z]{3}-[0-9]{4}$$', 'ID-[a-f0-9]+', '[^a-z]{3}', '[A-HJ-NP-Z2-9]{6}', '[abc]?[0-9]*é'])
      expect(fakerRegExp(new RegExp(p).source, Math.random, 20), p).toBeDefined();
    for (const p of ['\\d{3}', '[\\d]{3}', '(ab)+', 'a.b', '[^aa]', '[a-]', '[0-z]', 'a{2}', '[a]{2,}', 'a/b'])
      expect(fakerRegExp(new RegExp(p).source, Math.random, 20), p).toBeUndefined();
  });

  it('follows faker through long runs of coin flips (`*` and `+` double their most on each)', () => {
    for (const [p, heads] of [
      ['[a-z]+', 12],
      ['x[ab]*y', 20],
      ['[a-z]+', 45],
      ['[0-9]*[A-Z]?', 52],
    ] as const)
      for (let seed = 0; seed < 3; seed++) {
        // `heads` draws under 0.5 first, then the PRNG's own
        const randomizer = () => {
          const rng = new Rng();
          rng.reseed(keyOf('coin runs'), seed);
          let left = heads;
          return { next: () => (left-- > 0 ? 0.25 : rng.next()), seed: () => {} };
        };
        expect(same(p, 12, seed, 3, randomizer)).toBe(true);
      }
  });
});
