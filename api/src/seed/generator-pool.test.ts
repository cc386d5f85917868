// Worker threads must not change the data: the same COPY text whatever the chunking, the threads,
// or which chunks were generated in this thread while the workers started.
import { describe, expect, it } from 'vitest';
import { compile, generateRows } from '../engine/index.js';
import { importSql } from '../import/index.js';
import { copyLines } from './copy-text.js';
import { ChunkFeed, GeneratorPool } from './generator-pool.js';

const { definition } = importSql(`
  create table authors (id bigint primary key, email text not null unique, created_at timestamptz not null);
  create table posts (id uuid primary key, author_id bigint not null references authors, title text not null, tags text[]);`);
const options = { seed: 'pool', rows: 3000 };
const plan = compile(definition as never, options);
const expected = new Map(
  plan.tables.map((table) => {
    let text = '';
    for (const batch of generateRows(plan, table.name, 0, table.rows, 1000)) text += copyLines(batch, table.columns).toString();
    return [table.name, text];
  }),
);
const here = (table: string, start: number, end: number) => {
  const parts: Buffer[] = [];
  for (const batch of generateRows(plan, table, start, end, 333)) parts.push(copyLines(batch, plan.tables.find((t) => t.name === table)!.columns));
  return Buffer.concat(parts);
};

async function readAll(feed: ChunkFeed): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const table of plan.tables) {
    let text = '';
    for await (const chunk of feed.table(table.name)) text += Buffer.from(chunk).toString();
    out.set(table.name, text);
  }
  return out;
}

describe('GeneratorPool and ChunkFeed', () => {
  it('produces the same COPY text as generating in this thread, in row order, from workers and this thread alike', async () => {
    const pool = new GeneratorPool(definition, options, 2);
    try {
      await pool.untilReady;
      let local = 0;
      let remote = 0;
      const counted = { size: pool.size, ready: pool.ready, chunk: (table: string, start: number, end: number) => (remote++, pool.chunk(table, start, end)) };
      // 700 is not a multiple of the engine's block size: chunk borders fall inside blocks
      const feed = new ChunkFeed(counted, plan.tables, 700, (table, start, end) => (local++, here(table, start, end)));
      const actual = await readAll(feed);
      for (const table of plan.tables) {
        expect(actual.get(table.name)!.split('\n'), table.name).toHaveLength(table.rows + 1);
        expect(actual.get(table.name) === expected.get(table.name), table.name).toBe(true);
      }
      // with the workers up, the first chunks go to them before this thread makes any
      expect(remote).toBeGreaterThanOrEqual(4);
      expect(local + remote).toBe(Math.ceil(3000 / 700) * 2);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('generates in this thread until a worker is up, then shares the work, with the same text', async () => {
    const pool = new GeneratorPool(definition, options, 2);
    try {
      await pool.untilReady;
      let local = 0;
      let remote = 0;
      // the workers count as up only once this thread has made five chunks
      const slowStart = {
        size: pool.size,
        get ready() {
          return local < 5 ? 0 : pool.ready;
        },
        chunk: (table: string, start: number, end: number) => (remote++, pool.chunk(table, start, end)),
      };
      const feed = new ChunkFeed(slowStart, plan.tables, 500, (table, start, end) => (local++, here(table, start, end)));
      const actual = await readAll(feed);
      expect(local).toBeGreaterThanOrEqual(5);
      expect(remote).toBeGreaterThanOrEqual(1);
      expect(local + remote).toBe(Math.ceil(3000 / 500) * 2);
      for (const table of plan.tables) expect(actual.get(table.name) === expected.get(table.name), table.name).toBe(true);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('rejects with the worker error for a table the plan does not have', async () => {
    const { definition } = importSql('create table t (id int primary key);');
    const pool = new GeneratorPool(definition, { rows: 10 }, 1);
    try {
      await expect(pool.chunk('nope', 0, 5)).rejects.toThrow(/no table "nope"/);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('hands a worker its next job while it makes one, so a job never waits for this thread to be free', async () => {
    const pool = new GeneratorPool(definition, options, 1);
    try {
      await pool.untilReady;
      const settledAt: number[] = [];
      const first = pool.chunk('authors', 0, 50).then(() => settledAt.push(performance.now()));
      const second = pool.chunk('posts', 0, 3000).then(() => settledAt.push(performance.now()));
      // this thread busy making a chunk of its own, as tdg generate's is: it reads no reply meanwhile
      const busyUntil = performance.now() + 2_000;
      while (performance.now() < busyUntil);
      await Promise.all([first, second]);
      // the second job was already in the worker's hands: both replies were waiting when this thread looked
      expect(settledAt[1]! - settledAt[0]!).toBeLessThan(15);
    } finally {
      await pool.close();
    }
  });
});
