import { describe, expect, it } from 'vitest';
import { compile, tableRuntime } from './compile.js';
import { type Definition, parseDefinition, type TableDefinition } from './definition.js';
import { DefinitionError } from './errors.js';
import { parseFieldPath, resolveFieldPath } from './field-path.js';
import { generateRows } from './generate.js';
import type { Row } from './shape.js';
import { rowsEveryChunking, sameInTwoProcesses } from './testing/chunked-rows.js';
import { pathCycleAcrossTables, pathCycleInRow } from './testing/path-cycles.js';

const tables: TableDefinition[] = [
  {
    name: 'customers',
    fields: [
      { name: 'id', type: 'string.uuid' },
      { name: 'country', type: 'location.countryCode' },
    ],
  },
  {
    name: 'orders',
    fields: [
      { name: 'id', type: 'string.uuid' },
      { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id' } },
      { name: 'note', type: 'lorem.word' },
    ],
  },
  { name: 'items', fields: [{ name: 'order_id', type: 'ref', options: { table: 'orders', field: 'id' } }] },
];
const byName = new Map(tables.map((t) => [t.name, t]));

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof DefinitionError) return error.issues;
    throw error;
  }
  throw new Error('expected a DefinitionError');
}

describe('field paths', () => {
  it('parses and resolves col, ref.col and ref.ref.col', () => {
    expect(parseFieldPath('a.b.c')).toEqual({ text: 'a.b.c', hops: ['a', 'b'], column: 'c' });
    const path = resolveFieldPath('order_id.customer_id.country', tables[2], byName);
    expect(typeof path !== 'string' && { table: path.table, column: path.column, steps: path.steps }).toEqual({
      table: 'customers',
      column: 'country',
      steps: [
        { table: 'items', field: 'order_id', parent: 'orders' },
        { table: 'orders', field: 'customer_id', parent: 'customers' },
      ],
    });
    expect(resolveFieldPath('note', tables[1], byName)).toMatchObject({ table: 'orders', steps: [] });
  });

  it('names what is wrong: syntax, unknown field, not a ref, unknown parent column', () => {
    expect(parseFieldPath('a..b')).toMatch(/not a field path/);
    expect(parseFieldPath('')).toMatch(/must be a field path/);
    expect(resolveFieldPath('ghost.country', tables[2], byName)).toMatch(/unknown field "ghost" in table items/);
    expect(resolveFieldPath('order_id.note.x', tables[2], byName)).toMatch(/"order_id.note" is not a ref field \(it is lorem.word\)/);
    expect(resolveFieldPath('order_id.customer_id.planet', tables[2], byName)).toMatch(
      /unknown parent column "planet" in table customers \(reached by order_id.customer_id/,
    );
  });

  it('reports bad paths at the option that holds them', () => {
    const def = {
      version: 1,
      tables: [
        ...tables.slice(0, 2),
        {
          name: 'items',
          fields: [
            { name: 'order_id', type: 'ref', options: { table: 'orders', field: 'id' } },
            { name: 'a', type: 'lookup', options: { path: 'order_id.nope' } },
            { name: 'b', type: 'after', options: { from: ['order_id.note'] } },
            { name: 'c', type: 'expression', options: { expr: '1 + order_id.customer_id.zzz' } },
            { name: 'd', type: 'dateAfter', options: { field: 'order_id.customer_id' } },
          ],
        },
      ],
    };
    expect(issuesOf(() => parseDefinition(def))).toEqual([
      { path: 'tables[2].fields[1].options.path', message: expect.stringContaining('unknown parent column "nope" in table orders') },
      { path: 'tables[2].fields[2].options.from[0]', message: expect.stringContaining('"order_id.note" is text, not a number or date') },
      { path: 'tables[2].fields[3].options.expr', message: expect.stringMatching(/^at position 4: unknown parent column "zzz"/) },
      { path: 'tables[2].fields[4].options.field', message: expect.stringContaining('is not a date') },
    ]);
  });

  it('rejects cycles within a row and across tables, listing the cycle', () => {
    const inRow = issuesOf(() => parseDefinition(pathCycleInRow));
    expect(inRow).toEqual([{ path: 'tables[0].fields', message: 'fields depend on each other in a cycle: a -> b -> a' }]);
    const across = issuesOf(() => parseDefinition(pathCycleAcrossTables));
    expect(across).toEqual([
      { path: 'tables[0].fields[2]', message: 'fields depend on each other in a cycle through field paths: p.x -> c.y (via c_id.y) -> p.x (via p_id.x)' },
    ]);
    // a self-reference reading its own column is well-founded (boss is always an earlier row): accepted (self-paths.test.ts)
    expect(() =>
      parseDefinition({
        version: 1,
        tables: [
          {
            name: 'e',
            fields: [
              { name: 'id', type: 'sequence' },
              { name: 'boss', type: 'ref', options: { table: 'e', field: 'id' } },
              { name: 'level', type: 'expression', options: { expr: 'coalesce(boss.level, 0) + 1' } },
            ],
          },
        ],
      }),
    ).not.toThrow();
  });
});

describe('TableRuntime.rowValue and parentRow', () => {
  const def: Definition = {
    version: 1,
    seed: 'rows',
    tables: [
      {
        name: 'accounts',
        rows: 3000,
        fields: [
          { name: 'id', type: 'string.uuid' },
          { name: 'opened', type: 'date.past' },
          { name: 'tier', type: 'pick', options: { values: ['a', 'b', 'c'] }, nullRate: 0.4 },
          { name: 'label', type: 'template', options: { template: '{{tier}}/{{opened}}' } },
          { name: 'closed', type: 'dateAfter', options: { field: 'opened', maxDays: 90 }, nullRate: 0.5 },
        ],
      },
      {
        name: 'events',
        rows: 5000,
        fields: [
          { name: 'account_id', type: 'ref', options: { table: 'accounts', field: 'id' } },
          { name: 'label', type: 'lookup', options: { path: 'account_id.label' } },
          { name: 'closed', type: 'lookup', options: { path: 'account_id.closed' } },
        ],
      },
    ],
  };

  it('computes any single row exactly as the block fill does, nulls included, in any order', () => {
    const plan = compile(def);
    const rows: Row[] = [];
    for (const batch of generateRows(plan, 'accounts', 0, 3000)) rows.push(...batch);
    const runtime = tableRuntime(plan, 'accounts');
    const order = Array.from({ length: 3000 }, (_, j) => (j * 1543) % 3000);
    let nulls = 0;
    for (const j of order)
      for (let f = 1; f < 5; f++) {
        const v = runtime.rowValue(f, j);
        expect(v).toEqual(rows[j][f]);
        if (v === null) nulls++;
      }
    expect(nulls).toBeGreaterThan(1500);
  });

  it('parentRow is the row whose key the ref holds', () => {
    const plan = compile(def);
    const accounts: Row[] = [];
    for (const batch of generateRows(plan, 'accounts', 0, 3000)) accounts.push(...batch);
    const events = tableRuntime(plan, 'events');
    let j = 0;
    for (const batch of generateRows(plan, 'events', 0, 5000))
      for (const row of batch) {
        const parent = events.parentRow(0, j++);
        expect(accounts[parent][0]).toBe(row[0]);
        expect(row[1]).toBe(accounts[parent][3]);
        expect(row[2]).toEqual(accounts[parent][4]);
      }
  });
});

describe('paths read from stream fields and self-references', () => {
  const def: Definition = {
    version: 1,
    seed: 'streams',
    tables: [
      {
        name: 'threads',
        rows: 4000,
        fields: [
          { name: 'id', type: 'string.uuid' },
          { name: 'opened', type: 'date.past' },
          { name: 'topic', type: 'lorem.word' },
        ],
      },
      {
        name: 'posts',
        rows: 20_000,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'thread_id', type: 'ref', options: { table: 'threads', field: 'id' } },
          { name: 'body', type: 'lorem.sentence' },
          // a stream field (shared PRNG) reading a parent mid-stream: the parent's reads leave the stream as it was
          { name: 'posted', type: 'dateAfter', options: { field: 'thread_id.opened', maxDays: 10 } },
          { name: 'reply_to', type: 'ref', options: { table: 'posts', field: 'id' } },
          // a self-reference reading another column of the earlier row
          { name: 'reply_topic', type: 'expression', options: { expr: "coalesce(reply_to.thread_id.topic, '-') + '/' + thread_id.topic" } },
        ],
      },
    ],
  };

  it('gives the same rows under every chunking and in two processes, and the values the paths name', async () => {
    const plan = compile(def);
    const threads = rowsEveryChunking(plan, 'threads');
    const posts = rowsEveryChunking(plan, 'posts');
    const thread = new Map(threads.map((r) => [r[0], r]));
    let violations = 0;
    for (const post of posts) {
      const t = thread.get(post[1])!;
      const delta = (post[3] as Date).getTime() - (t[1] as Date).getTime();
      if (!(delta >= 0 && delta < 10 * 86_400_000)) violations++;
      const replyTopic = post[4] === null ? '-' : thread.get(posts[(post[4] as number) - 1][1])![2];
      if (post[5] !== `${replyTopic as string}/${t[2] as string}`) violations++;
    }
    expect(violations).toBe(0);
    const { expected, got } = await sameInTwoProcesses(def, 'posts', posts);
    expect(got).toEqual(expected);
  }, 120_000);
});

describe('a row read through a self-reference while another row of the table is being computed', () => {
  it('keeps each row its own values (no cache mix-up)', () => {
    const def: Definition = {
      version: 1,
      seed: 'tree',
      tables: [
        {
          name: 'categories',
          rows: 3000,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'parent_id', type: 'ref', options: { table: 'categories', field: 'id' } },
            { name: 'name', type: 'lorem.word' },
            { name: 'path_name', type: 'expression', options: { expr: "coalesce(parent_id.name, '') + '/' + name" } },
          ],
        },
        {
          name: 'items',
          rows: 5000,
          fields: [
            { name: 'category_id', type: 'ref', options: { table: 'categories', field: 'id' } },
            { name: 'category_path', type: 'lookup', options: { path: 'category_id.path_name' } },
          ],
        },
      ],
    };
    const plan = compile(def);
    const categories = rowsEveryChunking(plan, 'categories');
    const items = rowsEveryChunking(plan, 'items');
    let violations = 0;
    for (const c of categories) if (c[3] !== `${c[1] === null ? '' : (categories[(c[1] as number) - 1][2] as string)}/${c[2] as string}`) violations++;
    for (const item of items) if (item[1] !== categories[(item[0] as number) - 1][3]) violations++;
    expect(violations).toBe(0);
  });
});
