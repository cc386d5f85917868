// CHECK regexes decide a column's values: every generated row passes the real CHECK in Postgres.
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, generateRows, parseDefinition } from '../engine/index.js';
import { fixedHeads, likeDrawRegex, likeToRegex, postgresRegexToJs, requiredGroups, similarToRegex } from './check-regex.js';
import { importSql } from './index.js';

describe('pattern translation', () => {
  it('gives variable repetitions of one atom a fixed head, keeping to the original language', () => {
    expect(fixedHeads('^TCK-[0-9]{6,}$')).toBe('^TCK-[0-9]{6}[0-9]{0,8}$');
    expect(fixedHeads('^[a-z0-9_.]{3,30}$')).toBe('^[a-z0-9_.]{4}[a-z0-9_.]{0,26}$');
    expect(fixedHeads('^[a-z0-9][a-z0-9-]*$')).toBe('^[a-z0-9][a-z0-9-]{4}[a-z0-9-]{0,8}$');
    expect(fixedHeads('^\\d+-x{2}$')).toBe('^\\d{4}\\d{0,8}-x{2}$');
    const samples = ['TCK-1234567', 'abc_defg', 'ab', '12-xx', '1234-xx', 'a-b-c-d', 'abcd-efgh', 'TCK-12'];
    for (const p of ['^TCK-[0-9]{6,}$', '^[a-z0-9_.]{3,30}$', '^[a-z0-9][a-z0-9-]*$', '^\\d+-x{2}$']) {
      for (const v of samples) if (new RegExp(fixedHeads(p)).test(v)) expect(new RegExp(p).test(v), `${p} ${v}`).toBe(true);
    }
  });

  it('makes optional groups required for unique columns, keeping to the original language', () => {
    const login = '^[a-zA-Z0-9]([a-zA-Z0-9-]{0,37}[a-zA-Z0-9])?$';
    expect(requiredGroups(login)).toBe('^[a-zA-Z0-9][a-zA-Z0-9-]{0,37}[a-zA-Z0-9]$');
    expect(requiredGroups('^a(?:b)??[)?](?=c)?\\)?(x|yz)?(?:-[0-9]+)?$')).toBe('^a(?:b)??[)?](?=c)?\\)?(x|yz)-[0-9]+$');
    expect(requiredGroups('^(a)?\\1$')).toBe('^(a)?\\1$');
    const heads = new RegExp(fixedHeads(login));
    for (const v of ['a', 'ab', 'abcdef', 'a-b-c-d', 'abcd-', 'Ab12cd']) if (heads.test(v)) expect(new RegExp(login).test(v), v).toBe(true);
    expect(heads.test('a')).toBe(false);
  });

  it('reads LIKE patterns literally, and draws values that read as data from them', () => {
    const like = new RegExp(likeToRegex('https://%{id}.(x)_%'));
    expect(like.test('https://a.b/{id}.(x)yz')).toBe(true);
    expect(like.test('https://a.b/{id}.(x)')).toBe(false);
    expect(like.test('http://a.b/{id}.(x)yz')).toBe(false);
    const template = 'https://%{tracking_number}%';
    expect(likeDrawRegex(template)).toBe('^https://[a-z]{3,10}\\.(com|io|net|org)/[a-z]{3,8}/\\{tracking_number\\}$');
    expect(new RegExp(likeToRegex(template)).test('https://track.io/parcel/{tracking_number}')).toBe(true);
    expect(likeDrawRegex('SKU-%')).toBe('^SKU-[a-z0-9]{1,8}$');
    expect(likeDrawRegex('a\\%b_')).toBe('^a%b[a-z]$');
  });

  it('turns POSIX classes and word boundaries into JavaScript', () => {
    expect(postgresRegexToJs('^[[:upper:]][[:digit:]]{2}\\m')).toBe('^[A-Z][0-9]{2}\\b');
  });

  it('anchors SIMILAR TO and maps its wildcards', () => {
    const re = new RegExp(similarToRegex('[A-Z]{3}-%.x_'));
    expect(re.test('ABC-123.xy')).toBe(true);
    expect(re.test('ABC-123zxy')).toBe(false);
    expect(re.test('xABC-1.xy')).toBe(false);
  });
});

const DDL = `create table tickets (
  id int primary key,
  number text not null unique check (number ~ '^TCK-[0-9]{6,}$'),
  login text not null unique check (login ~ '^[a-z0-9_.]{3,30}$'),
  org_login varchar(39) not null unique check (org_login ~ '^[a-z0-9][a-z0-9-]*$'),
  username text not null check (username ~ '^[a-z0-9_.]{3,30}$'),
  api_key char(32) not null check (api_key ~ '^[0-9a-f]{32}$'),
  cost_center text check (cost_center ~ '^CC[0-9]{4}$'),
  commit_sha text not null check (commit_sha ~ '^[0-9a-f]{40}$'),
  version text not null check (version ~ '^\\d+\\.\\d+\\.\\d+$'),
  sku text not null check (sku similar to '[A-Z]{3}-[0-9]%'),
  handle text not null check (handle ~* '^[a-z]+$'),
  initials text check (initials ~ '^[[:upper:]]{2,3}$'),
  iswc char(15) check (iswc ~ '^T-?\\d{3}.?\\d{3}.?\\d{3}[-.]?\\d$'),
  gh_login varchar(39) not null unique check (gh_login ~ '^[a-zA-Z0-9]([a-zA-Z0-9-]{0,37}[a-zA-Z0-9])?$'),
  track_url text not null check (track_url like 'https://%{tracking_number}%'),
  order_code text not null unique check (order_code ilike 'ord-%'),
  project int not null check (project between 1 and 3),
  repo text not null check (repo ~ '^[A-Za-z0-9._-]+$'),
  unique (project, repo)
);`;

describe('columns with a CHECK regex', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
    await db.exec(DDL);
  });
  afterAll(async () => db.close());

  it('keep the meaningful generator when its values match, else draw from the pattern', () => {
    const { columns } = importSql(DDL);
    const by = (c: string) => columns.find((x) => x.column === c)!;
    expect(by('commit_sha')).toMatchObject({ type: 'git.commitSha', pattern: 'commit-sha' });
    expect(by('commit_sha').reason).toMatch(/match CHECK ~ '\^\[0-9a-f\]\{40\}\$'/);
    expect(by('version')).toMatchObject({ type: 'system.semver', pattern: 'semver' });
    // faker usernames have capitals and dots: the CHECK wins
    expect(by('username')).toMatchObject({ type: 'regex', options: { pattern: '^[a-z0-9_.]{3,30}$' } });
    expect(by('number')).toMatchObject({ type: 'regex' });
    expect(by('sku').reason).toMatch(/SIMILAR TO/);
    expect(by('track_url').reason).toMatch(/LIKE 'https:/);
    expect(by('order_code').reason).toMatch(/ILIKE 'ord-%'/);
  });

  function batches(): { names: string[]; batches: unknown[][][] } {
    const { definition } = importSql(DDL, { rows: 500 });
    const plan = compile(parseDefinition(definition), { seed: 'check-regex' });
    const out: unknown[][][] = [];
    for (const batch of generateRows(plan, 'tickets', 0, 500)) out.push(batch as unknown[][]);
    return { names: definition.tables[0]!.fields.map((f) => f.name), batches: out };
  }

  const server = process.env.TDG_TEST_DATABASE_URL;
  it.skipIf(!server)('every generated row passes the CHECKs in PostgreSQL (server, fresh database)', async () => {
    const admin = postgres(server!, { max: 1, onnotice: () => {} });
    const name = `tdg_check_regex_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await admin.unsafe(`create database ${name}`);
    const sql = postgres(server!.replace(/\/[^/]*$/, `/${name}`), { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(DDL);
      const { names, batches: all } = batches();
      for (const batch of all) {
        const params: unknown[] = [];
        const rows = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
        await sql.unsafe(`insert into tickets (${names.join(', ')}) values ${rows.join(', ')}`, params as never[]);
      }
      expect((await sql`select count(*)::int as n from tickets`)[0]!.n).toBe(500);
    } finally {
      await sql.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it('every generated row passes the CHECKs in Postgres', async () => {
    const { definition } = importSql(DDL, { rows: 500 });
    const plan = compile(parseDefinition(definition), { seed: 'check-regex' });
    const table = definition.tables[0]!;
    const names = table.fields.map((f) => f.name);
    for (const batch of generateRows(plan, 'tickets', 0, 500)) {
      const params: unknown[] = [];
      const rows = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
      await db.query(`insert into tickets (${names.join(', ')}) values ${rows.join(', ')}`, params);
    }
    expect((await db.query<{ n: number }>('select count(*)::int as n from tickets')).rows[0]!.n).toBe(500);
  });
});
