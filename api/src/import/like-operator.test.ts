// pg_dump writes `col LIKE 'refs/heads/%'` as the operator itself (`col ~~ 'refs/heads/%'::text`):
// both spellings are the same CHECK, and a prefix keeps the name's own values after it.
import { describe, expect, it } from 'vitest';
import { compile, generateRows } from '../engine/index.js';
import { importSql } from './index.js';

const values = (sql: string, table: string, column: string) => {
  const { definition } = importSql(sql, { rows: 50 });
  const plan = compile(definition as Parameters<typeof compile>[0], { seed: 'like' });
  const shape = plan.tables.find((t) => t.name === table)!;
  const at = shape.columns.findIndex((c) => c.name === column);
  return [...generateRows(plan, table, 0, shape.rows)].flat().map((row) => row[at]);
};

describe('LIKE checks as pg_dump writes them', () => {
  it.each([
    ['operator', `(external_branch ~~ 'refs/heads/%'::text)`],
    ['keyword', `(external_branch LIKE 'refs/heads/%')`],
  ])('reads the %s form and keeps a branch name after the prefix', (_, check) => {
    const got = values(
      `create table changesets (id int primary key, external_branch text not null, constraint p check ${check});`,
      'changesets',
      'external_branch',
    );
    for (const v of got) expect(v).toMatch(/^refs\/heads\/(feature|fix|chore|release|hotfix)\/[a-z0-9-]+$/);
  });

  it('reads ILIKE written as ~~*', () => {
    const got = values(`create table links (id int primary key, url text not null, constraint u check ((url ~~* 'https://%'::text)));`, 'links', 'url');
    for (const v of got) expect(String(v).toLowerCase().startsWith('https://')).toBe(true);
  });
});
