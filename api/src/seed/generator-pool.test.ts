// Worker threads must not change the data: the same COPY text whatever the chunking or threads.
import { describe, expect, it } from 'vitest';
import { compile, generateRows } from '../engine/index.js';
import { importSql } from '../import/index.js';
import { copyLines } from './copy-text.js';
import { GeneratorPool } from './generator-pool.js';

describe('GeneratorPool', () => {
  it('produces the same COPY text as generating in this thread, in row order', async () => {
    const { definition } = importSql(`
      create table authors (id bigint primary key, email text not null unique, created_at timestamptz not null);
      create table posts (id uuid primary key, author_id bigint not null references authors, title text not null, tags text[]);`);
    const options = { seed: 'pool', rows: 3000 };
    const plan = compile(definition as never, options);
    const pool = new GeneratorPool(definition, options, 2);
    try {
      for (const table of plan.tables) {
        let expected = '';
        for (const batch of generateRows(plan, table.name, 0, table.rows, 1000)) expected += copyLines(batch, table.columns);
        let actual = '';
        // 700 is not a multiple of the engine's block size: chunk borders fall inside blocks
        for await (const text of pool.table(table.name, table.rows, 700)) actual += text;
        expect(actual.split('\n')).toHaveLength(table.rows + 1);
        expect(actual === expected, table.name).toBe(true);
      }
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
});
