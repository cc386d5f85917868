// A self-reference read through a field path (a reply after the comment it answers) and a scoped
// self-reference (the comment answered is an earlier comment of the same post): well-founded,
// since the parent row is always an earlier row, so allowed; real cycles are still refused.
import { describe, expect, it } from 'vitest';
import { compile, type Definition, DefinitionError, parseDefinition } from './index.js';
import { tableRuntime } from './compile.js';
import { rowsEveryChunking, sameInTwoProcesses } from './testing/chunked-rows.js';

const issuesOf = (definition: unknown) => {
  try {
    parseDefinition(definition);
  } catch (error) {
    return (error as DefinitionError).issues;
  }
  return [];
};

const forum = (scoped: boolean): Definition => ({
  version: 1,
  seed: 'threads',
  tables: [
    {
      name: 'posts',
      rows: 5000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'created_at', type: 'date.past', options: { years: 2 } },
      ],
    },
    {
      name: 'comments',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'post_id', type: 'ref', options: { table: 'posts', field: 'id', childrenPerParent: { min: 0, max: 40 } } },
        {
          name: 'parent_id',
          type: 'ref',
          options: scoped ? { table: 'comments', field: 'id', scope: { target: 'post_id', equals: 'post_id' } } : { table: 'comments', field: 'id' },
          nullRate: 0.2,
        },
        // a reply comes after its post and after the comment it answers
        { name: 'created_at', type: 'after', options: { from: ['post_id.created_at', 'parent_id.created_at'], min: 1, max: 72, unit: 'hours' } },
        { name: 'depth', type: 'expression', options: { expr: 'coalesce(parent_id.depth + 1, 0)', kind: 'integer' } },
        { name: 'body', type: 'lorem.sentence' },
      ],
    },
  ],
});

function properties(scoped: boolean) {
  const def = forum(scoped);
  const plan = compile(def);
  const posts = rowsEveryChunking(plan, 'posts');
  const comments = rowsEveryChunking(plan, 'comments');
  return { def, plan, posts, comments };
}

describe('self-reference paths: a row reads the earlier row its self-reference picked', () => {
  const { def, plan, posts, comments } = properties(false);

  it('0 violations over every row, for every chunking: after the post and after the parent comment; depth counts the chain', () => {
    expect(comments.length).toBeGreaterThan(90_000);
    let replies = 0;
    let maxDepth = 0;
    for (const [id, postId, parentId, createdAt, depth] of comments) {
      const post = posts[(postId as number) - 1];
      expect((createdAt as Date).getTime()).toBeGreaterThanOrEqual((post[1] as Date).getTime() + 3_600_000);
      if (parentId === null) {
        expect(depth).toBe(0);
        continue;
      }
      replies++;
      expect(parentId as number).toBeLessThan(id as number);
      const parent = comments[(parentId as number) - 1];
      expect((createdAt as Date).getTime()).toBeGreaterThanOrEqual((parent[3] as Date).getTime() + 3_600_000);
      expect(depth).toBe((parent[4] as number) + 1);
      maxDepth = Math.max(maxDepth, depth as number);
    }
    expect(replies).toBeGreaterThan(comments.length * 0.7);
    // a random recursive tree: chains are long enough to matter, and logarithmic
    expect(maxDepth).toBeGreaterThan(5);
    expect(maxDepth).toBeLessThan(200);
  });

  it('rowValue of any row agrees with the rows generated in blocks', () => {
    const runtime = tableRuntime(plan, 'comments');
    const created = runtime.fieldIndex('created_at');
    const depth = runtime.fieldIndex('depth');
    for (let n = 0; n < 2000; n++) {
      const j = (n * 104_729) % comments.length;
      expect(runtime.rowValue(depth, j)).toBe(comments[j][4]);
      expect(runtime.rowValue(created, j)).toEqual(comments[j][3]);
    }
  });

  it('the same rows in two processes', async () => {
    const { expected, got } = await sameInTwoProcesses(def, { comments });
    expect(got).toEqual(expected);
  });
});

describe('scoped self-reference: the parent is an earlier row of the same scope', () => {
  const { def, posts, comments } = properties(true);

  it('every reply answers an earlier comment of the same post, and comes after it; the first comment of a post answers none', () => {
    const firstOfPost = new Map<unknown, number>();
    let replies = 0;
    for (const [id, postId, parentId, createdAt, depth] of comments) {
      const first = !firstOfPost.has(postId);
      if (first) firstOfPost.set(postId, id as number);
      if (first) expect(parentId).toBeNull();
      expect((createdAt as Date).getTime()).toBeGreaterThan((posts[(postId as number) - 1][1] as Date).getTime());
      if (parentId === null) continue;
      replies++;
      const parent = comments[(parentId as number) - 1];
      expect(parent[1]).toBe(postId);
      expect(parentId as number).toBeLessThan(id as number);
      expect((createdAt as Date).getTime()).toBeGreaterThan((parent[3] as Date).getTime());
      expect(depth).toBe((parent[4] as number) + 1);
    }
    expect(replies).toBeGreaterThan(comments.length * 0.6);
    // the parent is spread over the earlier comments of the post, not always the first
    const notFirst = comments.filter((c) => c[2] !== null && c[2] !== firstOfPost.get(c[1])).length;
    expect(notFirst).toBeGreaterThan(replies / 2);
  });

  it('the same rows in two processes', async () => {
    const { expected, got } = await sameInTwoProcesses(def, { comments });
    expect(got).toEqual(expected);
  });
});

describe('cycles that are not well-founded are still refused', () => {
  it('a field reading itself on its own row, and a loop back through another table', () => {
    expect(
      issuesOf({
        version: 1,
        tables: [
          {
            name: 'e',
            fields: [
              { name: 'id', type: 'sequence' },
              { name: 'a', type: 'expression', options: { expr: 'b + 1' } },
              { name: 'b', type: 'expression', options: { expr: 'a + 1' } },
            ],
          },
        ],
      }),
    ).toEqual([{ path: 'tables[0].fields', message: 'fields depend on each other in a cycle: a -> b -> a' }]);
    // e.level reads its boss (earlier) and its department's head's level (any row of e): not well-founded
    const loop = issuesOf({
      version: 1,
      tables: [
        {
          name: 'e',
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'boss', type: 'ref', options: { table: 'e', field: 'id' } },
            { name: 'dept_id', type: 'ref', options: { table: 'd', field: 'id' } },
            { name: 'level', type: 'expression', options: { expr: 'coalesce(boss.level, 0) + coalesce(dept_id.x, 0)' } },
          ],
        },
        {
          name: 'd',
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'head_id', type: 'ref', options: { table: 'e', field: 'id' }, nullRate: 0.1 },
            { name: 'x', type: 'lookup', options: { path: 'head_id.level' } },
          ],
        },
      ],
    });
    expect(loop).toHaveLength(1);
    expect(loop[0].message).toContain('cycle through field paths');
    // and a self path through sameAs (the row picked need not be earlier) stays refused
    const sameAs = issuesOf({
      version: 1,
      tables: [
        {
          name: 'e',
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'boss', type: 'ref', options: { table: 'e', field: 'id' } },
            { name: 'mentor', type: 'ref', options: { table: 'e', field: 'id', sameAs: { path: 'boss', rate: 0.5 } } },
            { name: 'level', type: 'expression', options: { expr: 'coalesce(mentor.level, 0) + 1' } },
          ],
        },
      ],
    });
    expect(sameAs[0]?.message).toContain('e.level -> e.level (via mentor.level)');
  });
});

describe('a value that only reads its own column through the self-reference', () => {
  it('takes its kind from the fallback, and each row comes after its parent', () => {
    const plan = compile({
      version: 1,
      tables: [
        {
          name: 'versions',
          rows: 5000,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'previous_id', type: 'ref', options: { table: 'versions', field: 'id' } },
            { name: 'released_at', type: 'after', options: { from: 'previous_id.released_at', fallback: '2020-01-01T00:00:00Z', min: 1, max: 20 } },
          ],
        },
      ],
    });
    expect(plan.tables[0].columns[2]).toMatchObject({ kind: 'timestamp' });
    const rows = rowsEveryChunking(plan, 'versions');
    for (const [, previous, releasedAt] of rows) {
      const base = previous === null ? Date.parse('2020-01-01T00:00:00Z') : (rows[(previous as number) - 1][2] as Date).getTime();
      expect((releasedAt as Date).getTime() - base).toBeGreaterThanOrEqual(86_400_000);
      expect((releasedAt as Date).getTime() - base).toBeLessThanOrEqual(20 * 86_400_000);
    }
  });
});

describe('selfRoot: a NOT NULL self-reference (the root of a tree)', () => {
  const tree: Definition = {
    version: 1,
    seed: 'roots',
    tables: [
      {
        name: 'kinds',
        rows: 300,
        fields: [
          { name: 'id', type: 'sequence', options: { start: 10 } },
          { name: 'root', type: 'ref', options: { table: 'kinds', field: 'id', selfRoot: true } },
          // derived values through the ref still see no parent at the first row (no cycle)
          { name: 'depth', type: 'expression', options: { expr: 'coalesce(root.depth + 1, 0)', kind: 'integer' } },
        ],
      },
    ],
  };
  const rows = rowsEveryChunking(compile(tree), 'kinds');

  it('the first row references itself, every other row an earlier one, none is null', () => {
    const [firstId, firstRoot, firstDepth] = rows[0];
    expect(firstRoot).toBe(firstId);
    expect(firstDepth).toBe(0);
    for (const [id, root, depth] of rows.slice(1)) {
      expect(root).not.toBeNull();
      expect(root as number).toBeLessThan(id as number);
      expect(depth as number).toBeGreaterThanOrEqual(1);
    }
  });

  it('is refused on a ref to another table', () => {
    const def = structuredClone(tree);
    def.tables.unshift({ name: 'other', rows: 3, fields: [{ name: 'id', type: 'sequence' }] });
    def.tables[1].fields[1] = { name: 'root', type: 'ref', options: { table: 'other', field: 'id', selfRoot: true } };
    expect(issuesOf(def).map((i) => i.path)).toContain('tables[1].fields[1].options.selfRoot');
  });
});
