// The DDL importer on its own: SQL in, a definition (or a located error) out.
import { describe, expect, it } from 'vitest';
import { compile, generateRows, parseDefinition } from '../engine/index.js';
import { ImportError, importSql, type FieldDefinition, type TableDefinition } from './index.js';
import { PGlite } from '@electric-sql/pglite';
import { copyField } from '../seed/copy-text.js';
import { relationOf } from '../seed/load.js';
import { fixture } from '../../test/import/harness.js';

function table(sql: string, name: string, rows = 100): TableDefinition {
  const t = importSql(sql, { rows }).definition.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

function field(sql: string, tableName: string, fieldName: string): FieldDefinition {
  const f = table(sql, tableName).fields.find((x) => x.name === fieldName);
  if (!f) throw new Error(`no field ${fieldName}`);
  return f;
}

function importError(sql: string, rows = 100): ImportError {
  try {
    importSql(sql, { rows });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('bad input', () => {
  it('reports a syntax error at its line and column', () => {
    const error = importError('create table t (\n  a int,\n  b intt intt\n);');
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ line: 3, column: 10 });
    expect(error.message).toMatch(/syntax error at or near "intt"/);
  });

  it('counts columns in characters, not bytes, after non-ASCII text', () => {
    const error = importError('create table "é" (a int);\ncreate table b (x int default \'ü\' y);');
    expect(error.problems[0]).toMatchObject({ line: 2, column: 35 });
  });

  it('names an unknown referenced table and where the reference is', () => {
    const error = importError('create table a (id int primary key);\n\ncreate table b (\n  id int primary key,\n  team_id int references teams (id)\n);');
    expect(error.message).toMatch(/unknown table teams/);
    expect(error.problems[0]!.line).toBe(5);
  });

  it('names a missing referenced column', () => {
    expect(importError('create table a (id int primary key);\ncreate table b (a_id int references a (nope));').message).toMatch(
      /a\.nope, which does not exist/,
    );
  });

  it('caps a table at the rows its unique keys allow, for any row count asked for later too', () => {
    const { definition, notes } = importSql('create table t (\n  code int not null unique check (code between 1 and 10)\n);', { rows: 100 });
    expect(definition.tables[0]).toMatchObject({ rows: 10, maxRows: 10 });
    expect(notes.map((n) => n.message)).toContain('table t: 10 rows, not 100: its unique key code allows 10 distinct value(s)');
    // tdg seed --rows 1000 asks every table for 1000 rows: t still gets 10, all distinct
    const plan = compile(definition as never, { rows: 1000, seed: 'cap' });
    const rows = [...generateRows(plan, 't', 0, plan.tables[0]!.rows)].flat();
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r[0])).size).toBe(10);
    const composite = importSql("create table t (a boolean not null, b text not null check (b in ('x', 'y')), primary key (a, b));", { rows: 5 });
    expect(composite.definition.tables[0]).toMatchObject({ rows: 4, maxRows: 4 });
    expect(importError('create table t (code int unique check (code > 5 and code < 6));', 5).message).toMatch(
      /t\.code must be unique but its constraints allow no value/,
    );
  });

  it('points the first row of a NOT NULL self reference at itself, and refuses a cycle of foreign keys', () => {
    const tree = importSql('create table t (id int primary key, root int not null references t (id));', { rows: 50 });
    expect(tree.definition.tables[0].fields[1]).toMatchObject({ type: 'ref', options: { table: 't', field: 'id', selfRoot: true } });
    const rows = [...generateRows(compile(tree.definition as never, { rows: 50, seed: 'tree' }), 't', 0, 50)].flat();
    expect(rows[0][1]).toBe(rows[0][0]);
    expect(rows.every((r) => r[1] !== null)).toBe(true);
    const cycle = (key: string) =>
      `create table a (id ${key} primary key, b_id ${key} not null);\ncreate table b (id ${key} primary key, a_id ${key} not null references a);\nalter table a add foreign key (b_id) references b;`;
    expect(importError(cycle('uuid')).message).toMatch(/cycle/);
    // integer keys are sequences, known before their table is written: the cycle is broken there
    const { definition, notes } = importSql(cycle('int'), { rows: 20 });
    expect(notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/cycle \(.*\); broken at a nullable key or one to a sequence/));
    const plan = compile(definition as never, { rows: 20, seed: 'cycle' });
    for (const table of ['a', 'b'])
      expect([...generateRows(plan, table, 0, 20)].flat().every((r) => typeof r[1] === 'number' && r[1] >= 1 && r[1] <= 20)).toBe(true);
  });

  it('needs at least one table', () => {
    expect(importError("create type mood as enum ('a');").message).toMatch(/no CREATE TABLE/);
  });
});

describe('the reference date', () => {
  it('is the day of the import (00:00 UTC) unless one is given, so relative dates look current; the definition keeps it', () => {
    const sql = 'create table events (id int primary key, created_at timestamptz not null);';
    const before = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    const { definition } = importSql(sql, { rows: 10 });
    const after = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    expect([before, after]).toContain(Date.parse(definition.referenceDate!));
    expect(importSql(sql, { rows: 10, referenceDate: '2020-02-29T12:00:00.000Z' }).definition.referenceDate).toBe('2020-02-29T12:00:00.000Z');
    expect(parseDefinition(definition).referenceDate).toBe(definition.referenceDate);
  });
});

describe('statements that do not shape data', () => {
  it('are skipped with a note at their line', () => {
    const sql = fixture('supabase-app');
    const { notes } = importSql(sql);
    const lineOf = (needle: string) => sql.split('\n').findIndex((l) => l.startsWith(needle)) + 1;
    const expectNote = (needle: string, text: RegExp) => expect(notes.find((n) => n.line === lineOf(needle))?.message ?? '', needle).toMatch(text);
    expectNote('alter table public.profiles enable row level security', /skipped .*EnableRowSecurity/);
    expectNote('create policy "Public profiles', /skipped policy/);
    expectNote('create function public.handle_new_user', /skipped function/);
    expectNote('grant select', /skipped grant/);
  });

  it('notes views, triggers, extensions and plain statements too', () => {
    const { notes } = importSql(`create extension if not exists pgcrypto;
create table t (id int primary key);
create view v as select * from t;
create trigger tr after insert on t for each row execute function f();
insert into t values (1);`);
    expect(notes.map((n) => [n.line, n.message])).toEqual([
      [1, 'skipped extension (does not shape data)'],
      [3, 'skipped view (does not shape data)'],
      [4, 'skipped trigger tr (its function public.f is not a PL/pgSQL function of this SQL, so what it does is not known)'],
      [5, 'skipped INSERT (existing data) (does not shape data)'],
    ]);
  });
});

describe('types and constraints', () => {
  const ddl = `
create type mood as enum ('happy', 'sad');
create table t (
  id uuid primary key default gen_random_uuid(),
  n smallint not null,
  big bigint,
  price numeric(5, 2) not null check (price > 0),
  ratio double precision check (ratio >= 0 and ratio < 1),
  code varchar(3) not null,
  initials char(2),
  m mood not null,
  tags text[] not null default '{}',
  events text[] not null default '{push}',
  doc jsonb not null default '{"a": [1, 2]}'::jsonb,
  loose json,
  at time,
  span interval,
  raw bytea,
  ip inet,
  born date,
  flag boolean not null,
  kind text check (kind = any (array['x'::text, 'y'::text])),
  level int check (level between 3 and 7),
  copies smallint not null default 1 check (copies >= 1),
  label text not null check (length(label) > 0 and length(label) <= 5),
  note text check (note <> ''),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at)
);`;
  const f = (name: string) => field(ddl, 't', name);

  it('maps integer and numeric types within their ranges and CHECKs', () => {
    expect(f('n')).toMatchObject({ type: 'number.int' });
    const n = f('n').options as { min: number; max: number };
    expect(n.min).toBeGreaterThanOrEqual(-32768);
    expect(n.max).toBeLessThanOrEqual(32767);
    const price = f('price').options as { min: number; max: number; fractionDigits: number };
    expect(price.min).toBeGreaterThan(0);
    expect(price.max).toBeLessThanOrEqual(999.99);
    expect(price.fractionDigits).toBe(2);
    const ratio = f('ratio').options as { min: number; max: number };
    expect(ratio.min).toBeGreaterThanOrEqual(0);
    expect(ratio.max).toBeLessThan(1);
    expect(f('level')).toMatchObject({ type: 'number.int', options: { min: 3, max: 7 } });
    // DEFAULT 1 and a name that says nothing: mostly the default
    expect(f('copies')).toMatchObject({ type: 'pick', options: { values: [1, 2, 3], weights: [85, 10, 5] } });
  });

  it('turns IN / = ANY (ARRAY[...]) and enums into pick', () => {
    expect(f('kind')).toMatchObject({ type: 'pick', options: { values: ['x', 'y'] } });
    expect(f('m')).toMatchObject({ type: 'pick', options: { values: ['happy', 'sad'] } });
    // pg_dump writes a negative element as a cast string
    const votes = importSql("create table v (vote integer not null, check ((vote = ANY (ARRAY['-1'::integer, 0, 1]))));", { rows: 10 });
    expect(votes.definition.tables[0].fields[0]).toMatchObject({ type: 'pick', options: { values: [-1, 0, 1] } });
  });

  it('keeps text within varchar(n), char(n) and length CHECKs', () => {
    expect(f('code')).toMatchObject({ type: 'string.alphanumeric', options: { length: 3, casing: 'upper' } });
    expect(f('initials')).toMatchObject({ type: 'regex', options: { pattern: '[A-Z]{2}' } });
    // too narrow for the tag vocabulary: English nouns of a length that fits
    expect(f('label')).toMatchObject({ type: 'word.noun' });
    expect((f('label').options as { length: number }).length).toBeLessThanOrEqual(5);
  });

  it('maps arrays, json defaults and the remaining scalar types', () => {
    expect(f('tags')).toMatchObject({ type: 'array', options: { of: { type: 'pick' } } });
    expect(f('tags').nullRate).toBeUndefined();
    // an empty default allows none; a NOT NULL default with elements asks for at least one
    expect([f('tags').options!.min, f('events').options!.min]).toEqual([0, 1]);
    expect(f('doc')).toEqual({ name: 'doc', type: 'constant', options: { value: { a: [1, 2] } } });
    expect(f('loose').type).toBe('json');
    expect(f('at').type).toBe('regex');
    expect(f('span').type).toBe('regex');
    expect(f('raw').type).toBe('string.alphanumeric');
    expect(f('ip').type).toBe('internet.ipv4');
    expect(f('born').type).toBe('date.birthdate');
    expect(f('flag').type).toBe('datatype.boolean');
    expect(f('id')).toMatchObject({ type: 'string.uuid', unique: true });
  });

  it('keeps a JSON default that is not an object as its JSON text, which PostgreSQL reads back as that JSON', async () => {
    const ddl = `create table t (id int primary key, scopes jsonb not null default '[]', label jsonb default '"x"', on_ json default 'true');`;
    const t = table(ddl, 't', 5);
    const of = (name: string) => t.fields.find((x) => x.name === name)!;
    expect([of('scopes'), of('label'), of('on_')].map((x) => x.options)).toEqual([{ value: '[]' }, { value: '"x"' }, { value: 'true' }]);
    const pg = await PGlite.create();
    try {
      await pg.exec(ddl);
      const plan = compile(parseDefinition(importSql(ddl, { rows: 5 }).definition), { seed: 'json-default' });
      const shape = plan.tables[0]!;
      for (const batch of generateRows(plan, 't', 0, 5))
        for (const row of batch) {
          const fields = shape.columns.map((c, i) => (row[i] === null ? null : copyField(row[i]!, c)));
          await pg.query(`insert into t values (${fields.map((_, i) => `$${i + 1}`).join(', ')})`, fields);
        }
      const rows = (await pg.query<{ kind: string; label: string }>(`select jsonb_typeof(scopes) as kind, label::text from t`)).rows;
      expect(rows.map((r) => [r.kind, r.label])).toEqual(Array(5).fill(['array', '"x"']));
    } finally {
      await pg.close();
    }
  });

  it('orders dates from CHECKs and from created_at/updated_at', () => {
    // later steps follow the latest earlier one of the row (infer-rules.ts): strictly, when a CHECK says >
    expect(f('ends_at')).toMatchObject({ type: 'after', options: { from: expect.arrayContaining(['starts_at']), strict: true } });
    expect(f('updated_at')).toMatchObject({ type: 'after', options: { from: expect.arrayContaining(['created_at']) } });
  });

  it('gives nullable columns a small nullRate, NOT NULL and defaulted ones none', () => {
    expect(f('big').nullRate).toBe(0.1);
    expect(f('n').nullRate).toBeUndefined();
    expect(f('created_at').nullRate).toBeUndefined();
    expect(importSql(ddl, { nullRate: 0.3 }).definition.tables[0]!.fields.find((x) => x.name === 'big')!.nullRate).toBe(0.3);
  });

  it('leaves the moments of what happens to few rows mostly empty (edits, deletions), and not a word that merely contains one', () => {
    const sql =
      'create table comments (id serial primary key, body text, created_at timestamptz not null, edited_at timestamptz, deleted_at timestamptz, pinned_at timestamptz, credited_at timestamptz);';
    const rate = (name: string) => field(sql, 'comments', name).nullRate;
    expect([rate('edited_at'), rate('deleted_at'), rate('pinned_at')]).toEqual([0.8, 0.8, 0.8]);
    expect(rate('credited_at')).toBe(0.1);
  });

  it('keeps a number near its DEFAULT when the DEFAULT is above 1 (its scale), with or without a name pattern', () => {
    const sql =
      'create table film (id serial primary key, rental_duration smallint default 3 not null, replacement_cost numeric(5,2) default 19.99 not null, shelf int default 12 not null, views int default 0 not null);';
    expect(field(sql, 'film', 'rental_duration').options).toMatchObject({ min: 2, max: 7 });
    expect(field(sql, 'film', 'replacement_cost').options).toMatchObject({ min: 10, max: 49.97 });
    expect(field(sql, 'film', 'shelf')).toMatchObject({ type: 'number.int', options: { min: 6, max: 30 } });
    expect((field(sql, 'film', 'views').options as { max: number }).max).toBeGreaterThan(100);
  });

  it('applies a rule guarded by IS NULL OR', () => {
    const sql = 'create table t (a int check (a is null or a between 2 and 4), s timestamptz, e timestamptz check (e is null or e >= s));';
    expect(field(sql, 't', 'a')).toMatchObject({ type: 'number.int', options: { min: 2, max: 4 } });
    expect(field(sql, 't', 'e')).toMatchObject({ type: 'after', options: { from: 's' }, nullRate: 0.1 });
  });

  it('reports CHECKs it does not understand, with their text and line, and those it evaluates per row as such', () => {
    const { notes, definition } = importSql("create table t (\n  a int,\n  constraint even check (a % 2 = 0),\n  s text check (md5(s) <> '')\n);");
    expect(notes).toEqual([
      expect.objectContaining({
        line: 3,
        message:
          'table t: CHECK ((a % 2) = 0) is evaluated on each row: a drawn again until it holds (tdg seed names it, before writing, should rows still break it)',
      }),
      expect.objectContaining({ line: 4, message: expect.stringMatching(/CHECK \(md5\(s\) <> ''\) is not understood; generated rows may violate it/) }),
    ]);
    expect(definition.tables[0]!.fields[0]!.type).toBe('number.int');
  });

  it('maps unknown types to text with a note instead of failing', () => {
    const { notes, definition } = importSql('create table places (id int primary key, shape geometry(Point, 4326), path ltree);');
    // ltree has a text syntax tdg writes (shaped-text.test.ts); geometry does not
    expect(definition.tables[0]!.fields.map((x) => x.type)).toEqual(['sequence', 'helpers.fake', 'regex']);
    expect(notes.map((n) => n.message)).toEqual([expect.stringMatching(/places\.shape: type geometry is not known/)]);
  });
});

describe('keys and references', () => {
  it('maps single and composite keys, unique indexes and ALTER TABLE constraints', () => {
    const sql = fixture('ecommerce');
    const items = table(sql, 'order_items');
    expect(items.primaryKey).toEqual(['order_id', 'line_no']);
    expect(items.fields.find((x) => x.name === 'product_id')).toMatchObject({ type: 'ref', options: { table: 'products', field: 'product_id' } });
    expect(table(sql, 'orders').fields.find((x) => x.name === 'customer_id')).toMatchObject({
      type: 'ref',
      options: { table: 'customers', field: 'customer_id' },
    });
    expect(table(sql, 'products').fields.find((x) => x.name === 'sku')).toMatchObject({ unique: true });
    // the customers table has a full_name: the email is made from it
    expect(table(sql, 'customers').fields.find((x) => x.name === 'email')).toMatchObject({ type: 'email', options: { name: 'full_name' }, unique: true });
    expect(table(fixture('saas'), 'projects').unique).toEqual([['organization_id', 'slug']]);
  });

  it('puts parents first and generates external Supabase tables as auth_users', () => {
    const { definition } = importSql(fixture('supabase-app'));
    const names = definition.tables.map((t) => t.name);
    expect(names[0]).toBe('auth_users');
    expect(definition.tables[0]!.description).toMatch(/^postgres: auth\.users \(external/);
    for (const t of definition.tables)
      for (const f of t.fields.filter((x) => x.type === 'ref'))
        expect(names.indexOf(String(f.options!.table)), `${t.name}.${f.name}`).toBeLessThanOrEqual(names.indexOf(t.name));
  });

  it('follows a reference to a unique reference back to its root', () => {
    const { definition, notes } = importSql(fixture('supabase-app'));
    const posts = definition.tables.find((t) => t.name === 'posts')!;
    expect(posts.fields.find((x) => x.name === 'author_id')).toMatchObject({ type: 'ref', options: { table: 'auth_users', field: 'id' } });
    expect(notes.some((n) => /posts\.author_id draws from auth_users\.id/.test(n.message))).toBe(true);
  });

  it('keeps a nullable self reference', () => {
    expect(field(fixture('saas'), 'tasks', 'parent_id')).toMatchObject({ type: 'ref', options: { table: 'tasks', field: 'id' }, nullRate: 0.1 });
  });
});

describe('generators from names', () => {
  const cases: [string, string, string][] = [
    ['email text', 'email', 'internet.email'],
    ['first_name text', 'first_name', 'person.firstName'],
    ['last_name text', 'last_name', 'person.lastName'],
    ['full_name text', 'full_name', 'person.fullName'],
    ['username text', 'username', 'internet.username'],
    ['slug text', 'slug', 'helpers.fake'],
    ['website_url text', 'website_url', 'helpers.fake'],
    ['avatar_url text', 'avatar_url', 'image.avatar'],
    // in a users table a title is a job title
    ['title text', 'title', 'person.jobTitle'],
    ['description text', 'description', 'helpers.fake'],
    ['body text', 'body', 'helpers.fake'],
    ['phone text', 'phone', 'regex'],
    ['country text', 'country', 'location.country'],
    ['city text', 'city', 'location.city'],
    ['address text', 'address', 'location.streetAddress'],
    ['zip text', 'zip', 'location.zipCode'],
    ['ip_address text', 'ip_address', 'internet.ipv4'],
    ['color text', 'color', 'color.rgb'],
    ['status text', 'status', 'pick'],
    ['price numeric(8,2)', 'price', 'number.float'],
    ['like_count int', 'like_count', 'number.int'],
    ['version int', 'version', 'number.int'],
    ['published_at timestamptz', 'published_at', 'date.past'],
    ['expires_at timestamptz', 'expires_at', 'date.future'],
  ];
  it.each(cases)('%s → %s', (column, name, type) => {
    expect(field(`create table users (id int primary key, ${column});`, 'users', name).type).toBe(type);
  });

  it('chooses realistic ranges for counts and versions', () => {
    expect(field('create table t (like_count int not null)', 't', 'like_count').options).toEqual({ min: 0, max: 5000 });
    expect(field('create table t (comment_count int not null)', 't', 'comment_count').options).toEqual({ min: 0, max: 100 });
    expect(field('create table t (version int not null)', 't', 'version').options).toEqual({ min: 1, max: 20 });
  });
});

describe('robustness on real-world DDL', () => {
  it('imports partitions, inheritance, domains, quoted names and exclusion constraints without failing', () => {
    const { definition, notes } = importSql(`
set statement_timeout = 0;
begin;
create domain email_address as text check (value ~* '@');
create type address as (street text, city text);
create table if not exists "Accounts" ("accountId" bigint generated always as identity primary key, "Email" email_address not null, home address);
create table measurements (id bigint not null, at timestamptz not null, v real) partition by range (at);
create table measurements_2024 partition of measurements for values from ('2024-01-01') to ('2025-01-01');
create table base (id int primary key);
create table child (extra text) inherits (base);
create table bookings (id int primary key, during tstzrange, exclude using gist (during with &&));
alter table "Accounts" owner to postgres;
alter table only "Accounts" alter column "Email" set default 'x@example.com';
commit;`);
    expect(definition.tables.map((t) => t.name)).toEqual(['Accounts', 'measurements', 'base', 'child', 'bookings']);
    expect(definition.tables[0]!.fields.find((f) => f.name === 'Email')!.type).toBe('internet.email');
    expect(notes.length).toBeGreaterThan(5);
  });

  it('renames columns that are not identifiers and keeps the real name for loading', () => {
    const { definition } =
      importSql(`create table "Team Members" ("Member ID" int primary key, "e-mail" text not null unique, "9lives" int, "Joined At" timestamptz not null, "Left At" timestamptz check ("Left At" > "Joined At"));
create table badges (id int primary key, member int not null references "Team Members" ("Member ID"));`);
    const team = definition.tables[0]!;
    expect(team.name).toBe('Team_Members');
    expect(team.description).toBe('postgres: public.Team Members');
    expect(team.fields.map((f) => [f.name, f.description])).toEqual([
      ['Member_ID', 'postgres: Member ID'],
      ['e_mail', 'postgres: e-mail'],
      ['_9lives', 'postgres: 9lives'],
      ['Joined_At', 'postgres: Joined At'],
      ['Left_At', 'postgres: Left At'],
    ]);
    expect(team.primaryKey).toEqual(['Member_ID']);
    expect(team.fields[4]).toMatchObject({ type: 'dateAfter', options: { field: 'Joined_At' } });
    expect(definition.tables[1]!.fields[1]).toMatchObject({ type: 'ref', options: { table: 'Team_Members', field: 'Member_ID' } });
    expect(relationOf(team)).toEqual({ schema: 'public', name: 'Team Members' });
    expect(relationOf(importSql(fixture('supabase-app')).definition.tables[0]!)).toEqual({ schema: 'auth', name: 'users' });
  });
});

describe('comments', () => {
  const sql = `create table t (id int primary key, ref text not null, c1 varchar(20) not null, "Given Name" text, email text);
comment on column t.ref is 'SHA-1 of the commit';
comment on column t.c1 is 'customer phone number';
comment on column t."Given Name" is 'as typed at sign-up';
comment on column t.email is 'Primary address';
comment on table t is 'Customers of the shop';
comment on column t.email is null;`;

  it('become the descriptions of their fields and table', () => {
    const t = table(sql, 't');
    expect(t.description).toBe('Customers of the shop');
    expect(t.fields.find((f) => f.name === 'ref')?.description).toBe('SHA-1 of the commit');
    // COMMENT ... IS NULL removes the comment again
    expect(t.fields.find((f) => f.name === 'email')?.description).toBeUndefined();
    // a renamed field keeps its column on the first line, for loading, then the comment
    expect(t.fields.find((f) => f.name === 'Given_Name')?.description).toBe('postgres: Given Name\nas typed at sign-up');
    expect(relationOf(t)).toEqual({ schema: 'public', name: 't' });
  });

  it('that give examples make the values: one of a list, or the shape of one code', () => {
    const ddl = `create table events (id int primary key, org int not null, action varchar(64) not null check (action ~ '^[a-z_]+\\.[a-z_]+$'), number varchar(20) not null, unique (org, number));
comment on column events.action is 'e.g. repo.create, repo.archive, member.add';
comment on column events.number is 'Human readable number, e.g. EVT-000123';`;
    const t = table(ddl, 'events', 500);
    expect(t.fields.find((f) => f.name === 'action')).toMatchObject({ type: 'pick', options: { values: ['repo.create', 'repo.archive', 'member.add'] } });
    const plan = compile(parseDefinition(importSql(ddl, { rows: 500 }).definition), { seed: 'examples' });
    const number = t.fields.findIndex((f) => f.name === 'number');
    const rows = [...generateRows(plan, 'events', 0, 500)].flat();
    expect(rows.every((r) => /^EVT-[0-9]{6}$/.test(r[number] as string))).toBe(true);
  });

  it('keep the relation line first on a table of another schema', () => {
    const t = table(
      'create schema billing; create table billing.invoices (id int primary key); comment on table billing.invoices is $$Issued invoices.\nOne per order.$$;',
      'billing_invoices',
    );
    expect(t.description).toBe('postgres: billing.invoices\nIssued invoices.\nOne per order.');
    expect(relationOf(t)).toEqual({ schema: 'billing', name: 'invoices' });
  });

  it('choose a pattern when the name says nothing, and say so', () => {
    const { columns } = importSql(sql, { rows: 50 });
    expect(columns.find((c) => c.column === 'ref')).toMatchObject({
      pattern: 'sha1',
      reason: expect.stringContaining('from the comment "SHA-1 of the commit"'),
    });
    expect(columns.find((c) => c.column === 'c1')).toMatchObject({ pattern: 'phone' });
  });

  it('on an unknown table or column are a note, not an error', () => {
    const { notes } = importSql("create table t (id int primary key);\ncomment on column t.nope is 'x';\ncomment on table other is 'y';");
    expect(notes.map((n) => [n.line, n.message])).toEqual([
      [2, 'comment on t.nope: not created in this SQL; skipped'],
      [3, 'comment on other: not created in this SQL; skipped'],
    ]);
  });
});

describe('a unique text of an exact length', () => {
  it('keeps the length a CHECK asks for (no row suffix), unique, hex when the name says so', () => {
    const { definition } = importSql(
      `create table sessions (id serial primary key, token text not null unique check (length(token) = 64), token_hash char(40) not null unique check (char_length(token_hash) = 40));`,
      { rows: 3000 },
    );
    const plan = compile(parseDefinition(definition), { seed: 'exact-length' });
    const table = definition.tables[0]!;
    const [token, hash] = ['token', 'token_hash'].map((name) => table.fields.findIndex((f) => f.name === name));
    const rows = [...generateRows(plan, table.name, 0, 3000)].flat();
    expect(rows.every((r) => (r[token!] as string).length === 64 && /^[0-9a-f]{40}$/.test(r[hash!] as string))).toBe(true);
    expect(new Set(rows.map((r) => r[token!])).size).toBe(3000);
    expect(new Set(rows.map((r) => r[hash!])).size).toBe(3000);
  });

  it('fills a unique digest column to its declared length, as the name says, with no CHECK', () => {
    const { definition } = importSql(
      `create table api_tokens (id serial primary key, token_hash char(64) not null unique, repo int not null, sha char(40) not null, unique (repo, sha));`,
      { rows: 3000 },
    );
    const plan = compile(parseDefinition(definition), { seed: 'digest-length' });
    const table = definition.tables[0]!;
    const [hash, sha] = ['token_hash', 'sha'].map((name) => table.fields.findIndex((f) => f.name === name));
    const rows = [...generateRows(plan, table.name, 0, 3000)].flat();
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r[hash!] as string) && /^[0-9a-f]{40}$/.test(r[sha!] as string))).toBe(true);
    expect(new Set(rows.map((r) => r[hash!])).size).toBe(3000);
  });
});

describe('CHECKs on the case of a text', () => {
  it('draws a boolean with a DEFAULT mostly as its DEFAULT', () => {
    const sql = 'create table users (id int primary key, site_admin boolean not null default false, searchable boolean default true, verified boolean);';
    const t = table(sql, 'users');
    const probability = (name: string) => t.fields.find((f) => f.name === name)!.options?.probability;
    expect([probability('site_admin'), probability('searchable'), probability('verified')]).toEqual([0.2, 0.8, undefined]);
  });

  it('reads an integer column named for a table as a reference to it, when no foreign key says so', () => {
    const sql = `create table users (id serial primary key, last_event_id int);
create table repo (id serial primary key, name text not null);
create table events (id serial primary key, user_id int not null, created_by_user_id int, repository_id int references repo, repo_id int,
  tenant_id int default 1, external_id int, session_id text);
create table sessions (id serial primary key, event_id int references events);`;
    const { definition, notes } = importSql(sql, { rows: 50 });
    const events = definition.tables.find((t) => t.name === 'events')!;
    const typeOf = (t: TableDefinition, name: string) => {
      const f = t.fields.find((x) => x.name === name)!;
      return f.type === 'ref' ? `ref ${String(f.options!.table)}` : f.type;
    };
    expect(['user_id', 'created_by_user_id', 'repository_id', 'repo_id'].map((c) => typeOf(events, c))).toEqual([
      'ref users',
      'ref users',
      'ref repo',
      'ref repo',
    ]);
    // a DEFAULT, a name no table has, a text column: left as they were
    expect(['tenant_id', 'external_id', 'session_id'].map((c) => typeOf(events, c))).not.toContain('ref sessions');
    expect(typeOf(events, 'external_id')).toBe('number.int');
    // users.last_event_id → events would close a cycle (events.user_id → users)
    expect(
      typeOf(
        definition.tables.find((t) => t.name === 'users')!,
        'last_event_id',
      ),
    ).not.toMatch(/^ref/);
    expect(
      notes.some(
        (n) =>
          n.message ===
          'column events.user_id has no foreign key, but its name and type point at users.id: treated as one (its values are keys of generated rows)',
      ),
    ).toBe(true);
  });

  it('keeps a unique index over COALESCE(col, 0) unique, NULLs compared as the constant (the rest of the key unique alone, when it can vary)', () => {
    const sql = `create table users (id serial primary key);
create table orgs (id serial primary key);
create table extensions (id serial primary key, publisher_user_id int references users, publisher_org_id int references orgs, name text not null,
  check ((publisher_user_id is null) <> (publisher_org_id is null)));
create unique index extensions_publisher_name on extensions (coalesce(publisher_user_id, 0), coalesce(publisher_org_id, 0), name);
create table grants (id serial primary key, user_id int references users, org_id int references orgs, admin boolean not null);
create unique index grants_holder on grants (coalesce(user_id, 0), coalesce(org_id, 0), admin);`;
    const { definition, notes } = importSql(sql, { rows: 400 });
    const extensions = definition.tables.find((t) => t.name === 'extensions')!;
    expect(extensions.fields.find((f) => f.name === 'name')?.unique).toBe(true);
    // a flag cannot be unique on its own: the key stays whole
    expect(definition.tables.find((t) => t.name === 'grants')!.unique).toEqual([['user_id', 'org_id', 'admin']]);
    expect(notes.some((n) => /unique index on coalesce\(publisher_user_id, \.\.\.\) treated as unique\(publisher_user_id\)/.test(n.message))).toBe(true);
    const rows = [...generateRows(compile(parseDefinition(definition)), 'extensions', 0, 400)].flat();
    const at = (name: string) => extensions.fields.findIndex((f) => f.name === name);
    const keys = rows.map((r) => `${String(r[at('publisher_user_id')] ?? 0)}|${String(r[at('publisher_org_id')] ?? 0)}|${String(r[at('name')])}`);
    expect(new Set(keys).size).toBe(400);
  });

  it('lower-cases what lower(col) = col asks and upper-cases what upper(col) = col asks', () => {
    const { definition } = importSql(
      `create table accounts (id serial primary key, code varchar(12) not null check (lower(code) = code), handle text not null unique check (handle = lower(handle)), country char(2) not null check (upper(country) = country));`,
      { rows: 1000 },
    );
    const plan = compile(parseDefinition(definition), { seed: 'case' });
    const table = definition.tables[0]!;
    const at = (name: string) => table.fields.findIndex((f) => f.name === name);
    const rows = [...generateRows(plan, table.name, 0, 1000)].flat();
    for (const r of rows) {
      expect(r[at('code')]).toBe((r[at('code')] as string).toLowerCase());
      expect(r[at('handle')]).toBe((r[at('handle')] as string).toLowerCase());
      expect(r[at('country')]).toBe((r[at('country')] as string).toUpperCase());
    }
    expect(new Set(rows.map((r) => r[at('handle')])).size).toBe(1000);
  });
});

describe('narrow text columns', () => {
  // northwind: varchar(15) cities and countries, varchar(20) last names
  const ddl = `create table customers (
    id serial primary key, company_name varchar(40) not null, contact_name varchar(30), contact_title varchar(30),
    city varchar(15), country varchar(15), last_name varchar(20) not null, handle varchar(6) unique, title_of_courtesy varchar(25));`;
  it('keep their kind of value, cut to the column, where a cut value still reads as its kind', () => {
    const f = (name: string) => field(ddl, 'customers', name);
    expect(f('last_name')).toMatchObject({ type: 'person.lastName', maxLength: 20 });
    expect(f('city')).toMatchObject({ type: 'record', maxLength: 15 });
    expect(f('country')).toMatchObject({ type: 'record', maxLength: 15 });
    expect(f('contact_name')).toMatchObject({ type: 'person.fullName' });
    expect(f('contact_title')).toMatchObject({ type: 'person.jobTitle' });
    expect(f('title_of_courtesy').type).not.toBe('word.noun');
    // a unique column is never cut (two values could become one)
    expect(f('handle').maxLength).toBeUndefined();
  });

  it('generate values that fit the column', () => {
    const { definition } = importSql(ddl, { rows: 500 });
    const plan = compile(parseDefinition(definition));
    const table = definition.tables[0]!;
    const limits = { company_name: 40, contact_name: 30, contact_title: 30, city: 15, country: 15, last_name: 20, handle: 6, title_of_courtesy: 25 } as Record<
      string,
      number
    >;
    for (const row of [...generateRows(plan, 'customers', 0, 500)].flat())
      table.fields.forEach((f, k) => {
        if (typeof row[k] === 'string' && limits[f.name]) expect((row[k] as string).length, f.name).toBeLessThanOrEqual(limits[f.name]!);
      });
  });
});

describe('AdventureWorks-shaped DDL', () => {
  it('a key into a join row lays the rows out per join row and copies the other key columns from it', () => {
    const sql = `
      create table offers (id int primary key);
      create table products (id int primary key);
      create table offer_products (offer_id int not null references offers, product_id int not null references products, primary key (offer_id, product_id));
      create table orders (id int primary key);
      create table order_lines (
        order_id int not null references orders,
        line_id serial not null,
        offer_id int not null,
        product_id int not null,
        primary key (order_id, line_id),
        foreign key (offer_id, product_id) references offer_products (offer_id, product_id));`;
    const { definition, notes } = importSql(sql, { rows: 200 });
    const lines = definition.tables.find((t) => t.name === 'order_lines')!;
    expect(lines.fields.find((f) => f.name === 'product_id')).toMatchObject({ type: 'ref', options: { table: 'offer_products', childrenPerParent: {} } });
    expect(lines.fields.find((f) => f.name === 'offer_id')).toMatchObject({ type: 'lookup', options: { path: 'product_id.offer_id' } });
    expect(lines.fields.find((f) => f.name === 'line_id')).toMatchObject({ type: 'sequence' });
    expect(notes.map((n) => n.message)).toContain(
      'column order_lines.product_id references offer_products.product_id, a column of a join row: rows are laid out per offer_products row',
    );
    const plan = compile(definition as never, { seed: 'aw' });
    const rowsOf = (name: string) => [...generateRows(plan, name, 0, plan.tables.find((t) => t.name === name)!.rows)].flat();
    const pairs = new Set(rowsOf('offer_products').map(([o, p]) => `${o}/${p}`));
    const shape = plan.tables.find((t) => t.name === 'order_lines')!;
    const at = (name: string) => shape.columns.findIndex((c) => c.name === name);
    const got = rowsOf('order_lines');
    expect(got.length).toBeGreaterThan(0);
    for (const row of got) expect(pairs.has(`${row[at('offer_id')]}/${row[at('product_id')]}`)).toBe(true);
  });

  it('a column a sequence feeds is a sequence, whatever its comment says; "Primary key" names no kind', () => {
    const sql = `
      create table t (id int not null, detail_id int not null, primary key (id, detail_id));
      create sequence t_detail_id_seq;
      alter table only t alter column detail_id set default nextval('t_detail_id_seq'::regclass);
      comment on column t.detail_id is 'Primary key. One incremental unique number per product sold.';
      create table u (id int primary key, approved int);
      comment on column u.id is 'Primary key for u records.';`;
    expect(field(sql, 't', 'detail_id')).toMatchObject({ type: 'sequence' });
    expect(field(sql, 'u', 'id').type).toBe('sequence');
  });

  it('finds quoted domains and enums, and lists of values under upper() / lower()', () => {
    const sql = `
      create domain public."Flag" as boolean not null;
      create type public."Mood" as enum ('sad', 'ok');
      create table person (
        id int primary key,
        salariedflag public."Flag" default true not null,
        mood public."Mood",
        persontype character(2) not null,
        constraint ck_type check (persontype is null or upper(persontype::text) = any (array['SC'::text, 'VC'::text, 'IN'::text])));`;
    expect(field(sql, 'person', 'salariedflag').type).toBe('datatype.boolean');
    expect(field(sql, 'person', 'mood')).toMatchObject({ type: 'pick', options: { values: ['sad', 'ok'] } });
    expect(field(sql, 'person', 'persontype')).toMatchObject({ type: 'pick', options: { values: ['SC', 'VC', 'IN'] } });
  });

  it('keeps a CHECK\'s range over a comment\'s pattern ("Approved" is no 0/1 flag when status is 1–3)', () => {
    const sql = `
      create table document (id int primary key, status smallint not null, constraint ck_status check (status >= 1 and status <= 3));
      comment on column document.status is '1 = Pending approval, 2 = Approved, 3 = Obsolete';`;
    const status = field(sql, 'document', 'status');
    const plan = compile({ version: 1, tables: [{ name: 'document', rows: 300, fields: [status] }] } as never, { seed: 'doc' });
    const values = new Set([...generateRows(plan, 'document', 0, 300)].flat().map((r) => r[0]));
    expect([...values].every((v) => typeof v === 'number' && v >= 1 && v <= 3)).toBe(true);
  });

  it('orders the moments of a row and its children by names whose words run together', () => {
    const { definition } = importSql(
      `create table salesorderheader (salesorderid serial primary key, orderdate timestamp not null, modifieddate timestamp not null,
         discontinueddate timestamp);
       create table salesorderdetail (salesorderid int not null references salesorderheader, detailid serial, modifieddate timestamp not null,
         primary key (salesorderid, detailid));`,
      { rows: 500 },
    );
    const plan = compile(definition as never, { seed: 'aw' });
    const header = [...generateRows(plan, 'salesorderheader', 0, 500)].flat();
    for (const [, ordered, modified, discontinued] of header) {
      expect((modified as Date).getTime()).toBeGreaterThanOrEqual((ordered as Date).getTime());
      if (discontinued) expect((discontinued as Date).getTime()).toBeGreaterThanOrEqual((ordered as Date).getTime());
    }
    const lines = plan.tables.find((t) => t.name === 'salesorderdetail')!;
    for (const [order, , modified] of [...generateRows(plan, 'salesorderdetail', 0, lines.rows)].flat())
      expect((modified as Date).getTime()).toBeGreaterThanOrEqual((header[(order as number) - 1]![1] as Date).getTime());
  });

  it('pins what a branch of a CHECK pins: a root part has level 0 and quantity 1, whatever the draws', () => {
    const sql = `
      create table parts (
        id serial primary key,
        parent_id int references parts (id),
        level smallint not null,
        qty numeric(8,2) not null default 1.00,
        constraint level_shape check ((parent_id is null and level = 0 and qty = 1.00) or (parent_id is not null and level >= 1)));`;
    const parts = table(sql, 'parts', 3000);
    expect(parts.checks).toMatchObject([
      { name: 'level_shape', redraw: ['parent_id', 'level', 'qty'], fixes: [{ parent_id: null, level: 0, qty: 1 }, { parent_id: null }] },
    ]);
    const plan = compile({ version: 1, tables: [parts] } as never, { seed: 'bom' });
    const rows = [...generateRows(plan, 'parts', 0, 3000)].flat();
    for (const [, parent, level, qty] of rows) {
      if (parent === null) expect([level, qty]).toEqual([0, 1]);
      else expect(level as number).toBeGreaterThanOrEqual(1);
    }
    // row 0 has no earlier row to point at: only the fix meets the CHECK there
    expect(rows[0]!.slice(1)).toEqual([null, 0, 1]);
  });
});

describe('a CHECK tying a flag to another column', () => {
  it('holds on every row: after the random redraws, the flag is tried both ways and the column empty', () => {
    const sql = `create table releases (id serial primary key, is_draft boolean not null, published_at timestamptz,
        check (is_draft = (published_at is null)));`;
    const releases = table(sql, 'releases', 60_000);
    expect(releases.checks).toMatchObject([{ redraw: ['is_draft', 'published_at'], fixes: [{ is_draft: true }, { is_draft: false }, { published_at: null }] }]);
    const plan = compile({ version: 1, tables: [releases] } as never, { seed: 'flag' });
    const shape = plan.tables[0]!;
    const [draft, published] = ['is_draft', 'published_at'].map((c) => shape.columns.findIndex((col) => col.name === c));
    const rows = [...generateRows(plan, 'releases', 0, 60_000)].flat();
    expect(rows.filter((r) => r[draft!] !== (r[published!] === null))).toEqual([]);
  });
});

describe('airlines-demo-shaped DDL', () => {
  const rowsOf = (definition: unknown, name: string) => {
    const plan = compile(definition as never, { seed: 'air' });
    const shape = plan.tables.find((t) => t.name === name)!;
    const rows = [...generateRows(plan, name, 0, shape.rows)].flat();
    return rows.map((r) => Object.fromEntries(shape.columns.map((c, i) => [c.name, r[i]])));
  };

  it('an arrival the CHECK allows only after a departure is null whenever the departure is', () => {
    const { definition } = importSql(
      `create table flights (id serial primary key, scheduled_departure timestamptz not null, scheduled_arrival timestamptz not null,
        actual_departure timestamptz, actual_arrival timestamptz,
        check (scheduled_arrival > scheduled_departure),
        check (actual_arrival is null or (actual_departure is not null and actual_arrival is not null and actual_arrival > actual_departure)));`,
      { rows: 2000 },
    );
    const rows = rowsOf(definition, 'flights');
    expect(rows.some((r) => r.actual_departure === null)).toBe(true);
    expect(rows.some((r) => r.actual_arrival !== null)).toBe(true);
    for (const r of rows) if (r.actual_arrival !== null) expect((r.actual_arrival as Date).getTime()).toBeGreaterThan((r.actual_departure as Date).getTime());
  });

  it('a row keyed by its key into a join row is at most one per join row; a narrow key column gets a code that fits', () => {
    const { definition } = importSql(
      `create table tickets (ticket_no char(13) primary key);
       create table flights (flight_id serial primary key);
       create table ticket_flights (ticket_no char(13) not null references tickets, flight_id int not null references flights, primary key (ticket_no, flight_id));
       create table boarding_passes (ticket_no char(13) not null, flight_id int not null, primary key (ticket_no, flight_id),
         foreign key (ticket_no, flight_id) references ticket_flights (ticket_no, flight_id));
       create table aircrafts (aircraft_code char(3) primary key);
       create table seats (aircraft_code char(3) not null references aircrafts, seat_no varchar(4) not null, primary key (aircraft_code, seat_no));`,
      { rows: 500 },
    );
    const passes = (definition.tables as TableDefinition[]).find((t) => t.name === 'boarding_passes')!;
    expect(passes.fields.find((f) => f.name === 'flight_id')).toMatchObject({ options: { childrenPerParent: { min: 0, max: 1 } } });
    const keys = rowsOf(definition, 'boarding_passes').map((r) => `${r.ticket_no}/${r.flight_id}`);
    const pairs = new Set(rowsOf(definition, 'ticket_flights').map((r) => `${r.ticket_no}/${r.flight_id}`));
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(pairs.has(k)).toBe(true);
    const seats = rowsOf(definition, 'seats');
    for (const s of seats) expect(String(s.seat_no).length).toBeLessThanOrEqual(4);
    expect(new Set(seats.map((s) => `${s.aircraft_code}/${s.seat_no}`)).size).toBe(seats.length);
  });
});
