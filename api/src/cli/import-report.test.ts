// `tdg import-sql` prints column → generator → reason beside the definition, and --json all of it as data.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnTable } from './import-report.js';

const run = promisify(execFile);
const MAIN = new URL('./main.ts', import.meta.url).pathname;
const SQL = `create table orgs (id bigserial primary key, name text not null, created_at timestamptz not null);
create table members (id bigserial primary key, org_id bigint not null references orgs(id), role text not null check (role in ('owner', 'member')), created_at timestamptz not null);`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tdg-import-report-'));
  await writeFile(join(dir, 'schema.sql'), SQL);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('import report', () => {
  it('lines up one row per column', () => {
    const text = columnTable([
      { table: 't', column: 'a', type: 'ref', options: { table: 'p', field: 'id' }, reason: 'foreign key → p.id' },
      { table: 't', column: 'long_name', type: 'pick', options: { values: ['a', 'b', 'c', 'd', 'e'] }, reason: 'CHECK' },
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^t\.a\s+ref p\.id\s+foreign key → p\.id$/);
    expect(lines[3]).toMatch(/^t\.long_name\s+pick a\|b\|c\|d\|…\s+CHECK$/);
    expect(lines[2]!.indexOf('ref')).toBe(lines[3]!.indexOf('pick'));
  });

  it('tdg import-sql writes the definition and prints the table and reasons; --json gives them as data', { timeout: 60_000 }, async () => {
    const out = join(dir, 'def.json');
    const { stderr } = await run(process.execPath, ['--import', 'tsx', MAIN, 'import-sql', join(dir, 'schema.sql'), '--out', out]);
    const definition = JSON.parse(await readFile(out, 'utf8'));
    expect(definition.tables.map((t: { name: string }) => t.name)).toEqual(['orgs', 'members']);
    expect(stderr).toMatch(/^members\.org_id\s+ref orgs\.id\s+foreign key → orgs\.id/m);
    expect(stderr).toMatch(/^members\.role\s+pick owner\|member\s+.*exactly one owner per orgs/m);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', MAIN, 'import-sql', join(dir, 'schema.sql'), '--json']);
    const data = JSON.parse(stdout);
    expect(data.definition).toEqual({ ...definition, referenceDate: data.definition.referenceDate });
    expect(data.columns.find((c: { column: string; table: string }) => c.table === 'members' && c.column === 'created_at').reason).toMatch(/after its parent/);
  });
});
