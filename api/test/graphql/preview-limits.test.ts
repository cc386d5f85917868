// previewRows as a hostile user would use it: definitions whose one value would be huge, fan-outs,
// cycles, bad text, aliased previews, and previews that pass a thread's memory or time — each a
// typed error, with the server answering other requests afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDefinition, previewRows } from '../../src/engine/index.js';
import { previewCost } from '../../src/engine/output-bounds.js';
import { pathCycleAcrossTables, pathCycleInRow } from '../../src/engine/testing/path-cycles.js';
import { DEFINITION, EXPORT_RESULT, RESULT, result } from './fixtures.js';
import { startHarness, type Harness, type TestUser } from './harness.js';

const PREVIEW = `query($d: JSON!, $rows: Int, $seed: String) { previewRows(definition: $d, seed: $seed, rows: $rows) {
  ${result('ValidationError', 'LimitError')} ... on PreviewPayload { tables { table columns rows } } } }`;

const table = (fields: unknown[], extra: Record<string, unknown> = {}) => ({ version: 1, tables: [{ name: 't', fields, ...extra }] });

let h: Harness;
let alice: TestUser;

beforeAll(async () => {
  h = await startHarness();
  alice = await h.signUp('alice');
});
afterAll(() => h?.close());

async function preview(harness: Harness, user: TestUser, d: unknown, rows = 10, seed?: string) {
  const { data, errors } = await harness.gql(user, PREVIEW, { d, rows, seed });
  expect(errors).toBeUndefined();
  return data.previewRows;
}

async function stillServes(harness: Harness, user: TestUser) {
  expect((await harness.gql(user, '{ viewer { id } }')).data.viewer.id).toBe(user.id);
  const ok = await preview(harness, user, DEFINITION, 3);
  expect(ok.__typename).toBe('PreviewPayload');
  expect(ok.tables[0].rows).toHaveLength(3);
}

describe('previews from threads', () => {
  it('give the same rows as the engine gives in process, for several types and seeds', async () => {
    const definition = {
      version: 1,
      seed: 'fixed',
      tables: [
        {
          name: 'users',
          rows: 30,
          fields: [
            { name: 'id', type: 'string.uuid' },
            { name: 'name', type: 'person.fullName' },
            { name: 'born', type: 'date.birthdate' },
            { name: 'bio', type: 'lorem.paragraph' },
          ],
        },
        {
          name: 'orders',
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'user_id', type: 'ref', options: { table: 'users', field: 'id', childrenPerParent: { min: 0, max: 4 } } },
            {
              name: 'lines',
              type: 'array',
              options: {
                of: {
                  type: 'json',
                  options: {
                    fields: [
                      { name: 'sku', type: 'regex', options: { pattern: '[A-Z]{3}-[0-9]{4}' } },
                      { name: 'qty', type: 'number.int', options: { min: 1, max: 9 } },
                    ],
                  },
                },
                max: 4,
              },
            },
            { name: 'status', type: 'pick', options: { values: ['new', 'paid', null], weights: [3, 2, 1] } },
          ],
        },
      ],
    };
    for (const seed of [undefined, 'a', '42']) {
      const answer = await preview(h, alice, definition, 25, seed);
      expect(answer.__typename).toBe('PreviewPayload');
      expect(answer.tables).toEqual(JSON.parse(JSON.stringify(previewRows(definition, seed, 25))));
    }
  });
});

describe('definitions whose one value could be huge are refused with the path', () => {
  it('a regex repeating a character a hundred million times', async () => {
    const answer = await preview(h, alice, table([{ name: 'code', type: 'regex', options: { pattern: 'a{100000000}' } }]));
    expect(answer.__typename).toBe('ValidationError');
    expect(answer.problems.map((p: { path: string }) => p.path)).toEqual(['tables[0].fields[0].options.pattern']);
  });

  it('huge arrays, nested arrays and paragraph counts', async () => {
    const cases: [unknown, string][] = [
      [
        table([{ name: 'a', type: 'array', options: { of: { type: 'array', options: { of: { type: 'lorem.paragraph' }, max: 10_000 } }, max: 10_000 } }]),
        'tables[0].fields[0].options.of.options.max',
      ],
      [table([{ name: 'a', type: 'array', options: { of: { type: 'lorem.sentence' }, max: 1e9 } }]), 'tables[0].fields[0].options.max'],
      [table([{ name: 'p', type: 'lorem.paragraphs', options: { min: 1, max: 1e9 } }]), 'tables[0].fields[0].options.max'],
      [table([{ name: 'f', type: 'helpers.fake', options: { pattern: '{{string.alpha(100000000)}}' } }]), 'tables[0].fields[0].options.pattern'],
    ];
    for (const [definition, path] of cases) {
      const answer = await preview(h, alice, definition);
      expect(answer.__typename).toBe('ValidationError');
      expect(answer.problems.map((p: { path: string }) => p.path)).toContain(path);
    }
    await stillServes(h, alice);
  });
});

describe('relations a preview cannot lay out', () => {
  it('a fan-out over the parents a preview may walk is a LimitError, before any work', async () => {
    const before = h.app.previews.tasksRun;
    const answer = await preview(h, alice, {
      version: 1,
      tables: [
        { name: 'users', rows: 1_000_000_000, fields: [{ name: 'id', type: 'sequence' }] },
        { name: 'events', fields: [{ name: 'user_id', type: 'ref', options: { table: 'users', field: 'id', childrenPerParent: { min: 0, max: 1 } } }] },
      ],
    });
    expect(answer).toMatchObject({ __typename: 'LimitError', limit: h.config.limits.maxPreviewLayoutRows, requested: 1_000_000_000 });
    expect(answer.message).toMatch(/children per parent/);
    expect(h.app.previews.tasksRun).toBe(before);
  });

  it('ref cycles and children-per-parent cycles are ValidationErrors (a NOT NULL cycle through sequence keys is previewed)', async () => {
    const ref = (to: string, extra: Record<string, unknown> = {}) => ({ name: `${to}_id`, type: 'ref', options: { table: to, field: 'id', ...extra } });
    // uuid keys: no ref of the cycle can be filled before its target table is written
    const cycle = {
      version: 1,
      tables: [
        { name: 'a', fields: [{ name: 'id', type: 'string.uuid' }, ref('b')] },
        { name: 'b', fields: [{ name: 'id', type: 'string.uuid' }, ref('a')] },
      ],
    };
    const throughSequences = {
      version: 1,
      tables: [
        { name: 'a', fields: [{ name: 'id', type: 'sequence' }, ref('b')] },
        { name: 'b', fields: [{ name: 'id', type: 'sequence' }, ref('a')] },
      ],
    };
    expect((await preview(h, alice, throughSequences)).__typename).toBe('PreviewPayload');
    const perParent = { childrenPerParent: { min: 1, max: 2 } };
    const layoutCycle = {
      version: 1,
      tables: [
        { name: 'a', fields: [{ name: 'id', type: 'sequence' }, ref('b', perParent)] },
        { name: 'b', fields: [{ name: 'id', type: 'sequence' }, ref('a', perParent)] },
      ],
    };
    for (const definition of [cycle, layoutCycle]) {
      const answer = await preview(h, alice, definition);
      expect(answer.__typename).toBe('ValidationError');
      expect(answer.problems.map((p: { path: string }) => p.path)).toContain('tables');
      expect(answer.message).toMatch(/cycle/);
    }
  });

  it('parent-relative fields reading each other in a cycle, and bad expressions, are ValidationErrors at the field, as the builder shows them', async () => {
    const expected: [unknown, string, RegExp][] = [
      [pathCycleInRow, 'tables[0].fields', /cycle: a -> b -> a/],
      [
        table([
          { name: 'n', type: 'sequence' },
          { name: 'x', type: 'expression', options: { expr: 'n + * 2' } },
        ]),
        'tables[0].fields[1].options.expr',
        /^at position \d+: /,
      ],
      [table([{ name: 'x', type: 'expression', options: { expr: 'ghost + 1' } }]), 'tables[0].fields[0].options.expr', /unknown field "ghost"/],
      [pathCycleAcrossTables, 'tables[0].fields[2]', /cycle through field paths: p\.x -> c\.y \(via c_id\.y\) -> p\.x \(via p_id\.x\)/],
    ];
    for (const [definition, path, message] of expected) {
      const answer = await preview(h, alice, definition);
      expect(answer.__typename).toBe('ValidationError');
      expect(answer.problems).toEqual([{ path, message: expect.stringMatching(message) }]);
      // saving refuses it with the same problem (the builder's Save)
      const created = await h.gql(alice, `mutation($d: JSON!) { createSchema(name: "path cycle", definition: $d) { ${RESULT} } }`, { d: definition });
      expect(created.data.createSchema.problems).toEqual(answer.problems);
    }
  });
});

describe('NUL and unpaired surrogates', () => {
  const bad: [string, unknown, string][] = [
    ['NUL in a constant', table([{ name: 'a', type: 'constant', options: { value: 'x\u0000y' } }]), 'tables[0].fields[0].options.value'],
    [
      'a lone high surrogate in a pick value',
      table([{ name: 'a', type: 'pick', options: { values: ['ok', 'bad\ud800'] } }]),
      'tables[0].fields[0].options.values[1]',
    ],
    ['a lone low surrogate in a description', { ...table([{ name: 'a', type: 'sequence' }]), description: '\udc00' }, 'description'],
  ];

  it('are ValidationErrors with their path in previewRows, createSchema, updateSchema and startExport alike', async () => {
    const created = await h.gql(alice, `mutation($d: JSON!) { createSchema(name: "Clean", definition: $d) { ... on SchemaPayload { schema { id } } } }`, {
      d: DEFINITION,
    });
    const id = created.data.createSchema.schema.id;
    for (const [what, definition, path] of bad) {
      const paths = (answer: { __typename: string; problems?: { path: string }[] }) => {
        expect(answer.__typename, what).toBe('ValidationError');
        return answer.problems!.map((p) => p.path);
      };
      expect(paths(await preview(h, alice, definition))).toEqual([path]);
      const create = await h.gql(alice, `mutation($d: JSON!) { createSchema(name: "Bad", definition: $d) { ${RESULT} } }`, { d: definition });
      expect(create.errors).toBeUndefined();
      expect(paths(create.data.createSchema)).toEqual([path]);
      const update = await h.gql(alice, `mutation($id: ID!, $patch: SchemaPatch!) { updateSchema(id: $id, expectedVersion: 1, patch: $patch) { ${RESULT} } }`, {
        id,
        patch: { definition },
      });
      expect(update.errors).toBeUndefined();
      expect(paths(update.data.updateSchema)).toEqual([path]);
      const start = await h.gql(alice, `mutation($d: JSON) { startExport(definition: $d, format: CSV, rowCount: 10) { ${EXPORT_RESULT} } }`, { d: definition });
      expect(start.errors).toBeUndefined();
      expect(paths(start.data.startExport)).toEqual([path]);
    }
    // nothing was stored half-way: the one schema is unchanged
    expect(await h.rowCount('generator_schemas')).toBe(1);
    const stored = await h.gql(alice, `query($id: ID!) { schema(id: $id) { version definition } }`, { id });
    expect(stored.data.schema).toEqual({ version: 1, definition: { ...DEFINITION, referenceDate: expect.any(String) } });
  });
});

describe('the cost model counts every preview of a request', () => {
  const wide = table(Array.from({ length: 30 }, (_, i) => ({ name: `p${i}`, type: 'lorem.paragraph' })));
  it('uses a definition one preview of which fits the budget of a request, and six do not', () => {
    const one = previewCost(parseDefinition(wide), 100).chars;
    expect(one).toBeLessThan(h.config.limits.maxPreviewChars);
    expect(6 * one).toBeGreaterThan(h.config.limits.maxPreviewChars);
  });
  const aliased = (n: number) =>
    `query($d: JSON!) { ${Array.from({ length: n }, (_, i) => `p${i}: previewRows(definition: $d, rows: 100) { ${result('LimitError')} ... on PreviewPayload { tables { table } } }`).join(' ')} }`;

  it('one preview runs; ten aliased previews are refused by cost and none of them runs', async () => {
    const one = await h.gql(alice, aliased(1), { d: wide });
    expect(one.data.p0.__typename).toBe('PreviewPayload');
    const before = h.app.previews.tasksRun;
    const ten = await h.gql(alice, aliased(10), { d: wide });
    expect(ten.errors).toBeUndefined();
    const answers = Object.values(ten.data) as { __typename: string; limit: number; requested: number }[];
    expect(answers).toHaveLength(10);
    for (const answer of answers) expect(answer).toMatchObject({ __typename: 'LimitError', limit: h.config.limits.maxPreviewChars });
    expect(answers[0].requested).toBeGreaterThan(h.config.limits.maxPreviewChars);
    expect(h.app.previews.tasksRun).toBe(before);
  });

  it('counts previews reached through fragments the same way', async () => {
    const query = `query($d: JSON!) { ...A ...B }
      fragment A on Query { a: previewRows(definition: $d, rows: 100) { __typename } b: previewRows(definition: $d, rows: 100) { __typename } c: previewRows(definition: $d, rows: 100) { __typename } }
      fragment B on Query { ... on Query { d: previewRows(definition: $d, rows: 100) { __typename } e: previewRows(definition: $d, rows: 100) { __typename } f: previewRows(definition: $d, rows: 100) { __typename } } }`;
    const answer = await h.gql(alice, query, { d: wide });
    expect(Object.values(answer.data).map((a: any) => a.__typename)).toEqual(Array(6).fill('LimitError'));
  });
});

describe('a preview thread over its limits', () => {
  let tight: Harness;
  let bob: TestUser;
  beforeAll(async () => {
    // the size checks are lifted so a preview can reach the thread's own limits
    tight = await startHarness({
      TDG_PREVIEW_MEMORY_MB: '64',
      TDG_PREVIEW_TIMEOUT_MS: '4000',
      TDG_PREVIEW_MAX_CHARS: '1000000000000',
      TDG_PREVIEW_MAX_LAYOUT_ROWS: '10000000000',
    });
    bob = await tight.signUp('bob');
    await stillServes(tight, bob); // a thread is up, so the limits below are the task's own
  });
  afterAll(() => tight?.close());

  it('running out of memory is a LimitError, and the server goes on serving', async () => {
    const wide = table(
      Array.from({ length: 100 }, (_, i) => ({ name: `a${i}`, type: 'array', options: { of: { type: 'sequence' }, min: 10_000, max: 10_000 } })),
    );
    const answer = await preview(tight, bob, wide, 100);
    expect(answer).toMatchObject({ __typename: 'LimitError', limit: 64 });
    expect(answer.message).toMatch(/more than the 64 MB/);
    await stillServes(tight, bob);
  });

  it('running past the time limit is a LimitError, and the server goes on serving', async () => {
    const slow = {
      version: 1,
      tables: [
        { name: 'users', rows: 1_000_000_000, fields: [{ name: 'id', type: 'sequence' }] },
        { name: 'events', fields: [{ name: 'user_id', type: 'ref', options: { table: 'users', field: 'id', childrenPerParent: { min: 0, max: 1 } } }] },
      ],
    };
    const answer = await preview(tight, bob, slow, 1);
    expect(answer).toMatchObject({ __typename: 'LimitError', limit: 4000 });
    expect(answer.message).toMatch(/longer than 4000 ms/);
    await stillServes(tight, bob);
  });
});

describe('importSchema in a generation thread', () => {
  let quick: Harness;
  let carol: TestUser;
  beforeAll(async () => {
    quick = await startHarness({ TDG_PREVIEW_TIMEOUT_MS: '100' });
    carol = await quick.signUp('carol');
  });
  afterAll(() => quick?.close());

  it('an import past the time limit is a LIMIT_EXCEEDED error, and the server goes on serving', async () => {
    // hundreds of tables whose CHECK patterns the importer samples generators against
    const sql = Array.from(
      { length: 400 },
      (_, t) =>
        `create table t${t} (id bigint primary key, ${Array.from({ length: 8 }, (_, c) => `code${c} text check (code${c} ~ '^[A-Z]{3}-[0-9]{4}$')`).join(', ')});`,
    ).join('\n');
    const answer = await quick.gql(carol, `mutation($sql: String!) { importSchema(sql: $sql) { __typename } }`, { sql });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', reason: 'time', limit: 100 });
    expect(answer.errors?.[0]?.message).toMatch(/the import ran longer than 100 ms/);
    expect((await quick.gql(carol, '{ viewer { id } }')).data.viewer.id).toBe(carol.id);
  });
});
