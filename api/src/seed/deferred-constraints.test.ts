// Seeding with keys rebuilt after the load (the default): every PRIMARY KEY, UNIQUE, FOREIGN KEY
// and index comes back exactly as it was, a table that cannot take the fast path loads with its
// constraints in place, and rows that break a key fail the seed at the rebuild, leaving nothing.
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Definition } from '../import/index.js';
import { importSql } from '../import/index.js';
import { ConstraintRebuildError, SMALL_TABLE, worthDeferring } from './deferred-constraints.js';
import { seedDatabase, type SeedReport } from './load.js';
import { pgliteTarget } from './pglite-target.js';
import { postgresTarget } from './postgres-target.js';
import type { SeedTarget } from './target.js';
import { openPglite, serverAvailable, withServerDatabase } from '../../test/import/harness.js';

const SCHEMA = `
create table authors (
  id bigint primary key,
  email text not null,
  handle text not null,
  created_at timestamptz not null default now(),
  constraint authors_email_key unique (email) deferrable initially immediate
);
create unique index authors_handle_key on authors (handle) where handle <> '';
create index authors_email_lower_idx on authors (lower(email)) with (fillfactor = 70);
comment on constraint authors_email_key on authors is 'one account per address';
comment on index authors_handle_key is 'handles are unique when set';
create table posts (
  id bigint primary key,
  author_id bigint not null constraint posts_author_fk references authors (id) on delete cascade deferrable initially deferred,
  editor_id bigint references authors (id) on update restrict on delete set null,
  title text not null check (length(title) > 0),
  score int check (score >= 0)
);
create index posts_author_id_idx on posts (author_id) include (score);
alter table posts cluster on posts_author_id_idx;
alter table posts replica identity using index posts_pkey;
-- not seeded: its FK into posts has to be dropped with posts_pkey, and must come back
create table bookmarks (id int primary key, post_id bigint constraint bookmarks_post_fk references posts (id) on delete set null);`;

/** The seeded part: authors and posts (bookmarks stays empty). */
function definitionOf(rows: number, edit?: (tables: Definition['tables']) => void): Definition {
  const { definition } = importSql(SCHEMA, { rows });
  definition.tables = definition.tables.filter((t) => t.name !== 'bookmarks');
  edit?.(definition.tables);
  return definition;
}

const field = (tables: Definition['tables'], table: string, name: string) => tables.find((t) => t.name === table)!.fields.find((f) => f.name === name)!;

interface Db {
  target: SeedTarget;
  exec(sql: string): Promise<void>;
  rows<T extends Record<string, unknown>>(sql: string): Promise<T[]>;
}

const pglite = (db: PGlite): Db => ({
  target: pgliteTarget(db),
  exec: async (sql) => void (await db.exec(sql)),
  rows: async <T>(sql: string) => (await db.query<T>(sql)).rows,
});

/** Every constraint and index of the public schema, with everything a rebuild could lose. */
async function catalog(db: Db) {
  const constraints = await db.rows(`
    select conrelid::regclass::text as "table", conname as name, contype::text as type, pg_get_constraintdef(oid) as definition,
      condeferrable, condeferred, convalidated, obj_description(oid, 'pg_constraint') as comment
    from pg_constraint where connamespace = 'public'::regnamespace order by 1, 2`);
  const indexes = await db.rows(`
    select indrelid::regclass::text as "table", indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as definition,
      indisclustered, indisreplident, indisvalid, obj_description(indexrelid, 'pg_class') as comment
    from pg_index where indrelid in (select oid from pg_class where relnamespace = 'public'::regnamespace) order by 1, 2`);
  const tables = await db.rows(
    `select relname as name, relreplident::text as replica_identity from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by 1`,
  );
  return { constraints, indexes, tables };
}

async function counts(db: Db) {
  const [row] = await db.rows<{ authors: number; posts: number; bookmarks: number }>(
    'select (select count(*) from authors)::int as authors, (select count(*) from posts)::int as posts, (select count(*) from bookmarks)::int as bookmarks',
  );
  return row!;
}

const names = (report: SeedReport) => ({
  deferred: report.constraints.deferred.map((t) => t.relation.name),
  kept: report.constraints.kept.map((t) => t.relation.name),
});

let server = false;
beforeAll(async () => {
  server = await serverAvailable();
});

const BACKENDS: { name: string; run: (fn: (db: Db) => Promise<void>) => Promise<void>; needsServer: boolean }[] = [
  {
    name: 'PGlite',
    needsServer: false,
    run: async (fn) => {
      const db = await openPglite();
      try {
        await fn(pglite(db));
      } finally {
        await db.close();
      }
    },
  },
  {
    name: 'PostgreSQL server',
    needsServer: true,
    run: (fn) =>
      withServerDatabase((sql) =>
        fn({
          target: postgresTarget(sql),
          exec: async (text) => void (await sql.unsafe(text).simple()),
          rows: async <T>(text: string) => [...(await sql.unsafe(text))] as T[],
        }),
      ),
  },
];
const TIMEOUT = 300_000;

describe.each(BACKENDS)('seed with keys rebuilt after the load ($name)', ({ run, needsServer }) => {
  it(
    'recreates every key, FK and index as it was, the unseeded FK into a seeded table included',
    async (ctx) => {
      if (needsServer && !server) ctx.skip();
      await run(async (db) => {
        await db.exec(SCHEMA);
        const before = await catalog(db);
        const report = await seedDatabase(definitionOf(400), db.target, { seed: 'deferred', deferSmallTables: true });
        expect(names(report)).toEqual({ deferred: ['authors', 'posts'], kept: [] });
        expect(report.constraints.deferred.flatMap((t) => t.constraints).sort()).toEqual([
          'public.authors.authors_email_key',
          'public.authors.authors_pkey',
          'public.bookmarks.bookmarks_post_fk',
          'public.posts.posts_author_fk',
          'public.posts.posts_editor_id_fkey',
          'public.posts.posts_pkey',
        ]);
        expect(report.constraints.deferred.find((t) => t.relation.name === 'authors')!.indexes.sort()).toEqual([
          'public.authors_email_lower_idx',
          'public.authors_handle_key',
        ]);
        expect(await catalog(db)).toEqual(before);
        expect(await counts(db)).toEqual({ authors: 400, posts: 400, bookmarks: 0 });
        // zero violations, checked by the database itself and by hand
        const [check] = await db.rows<{ orphans: number; emails: number; handles: number }>(`select
        (select count(*) from posts p where not exists (select from authors a where a.id = p.author_id))::int as orphans,
        (select count(distinct email) from authors)::int as emails,
        (select count(distinct handle) from authors)::int as handles`);
        expect(check).toEqual({ orphans: 0, emails: 400, handles: 400 });
        // the rebuilt constraints are enforced
        await expect(db.exec('insert into bookmarks values (1, -5)')).rejects.toThrow(/bookmarks_post_fk/);
        await expect(db.exec(`insert into authors (id, email, handle) select 100000, email, 'someone new' from authors limit 1`)).rejects.toThrow(
          /authors_email_key/,
        );
        await expect(db.exec(`insert into authors (id, email, handle) select id, 'new@example.test', 'someone new' from authors limit 1`)).rejects.toThrow(
          /authors_pkey/,
        );
        await db.exec('insert into bookmarks select 1, id from posts limit 1');
      });
    },
    TIMEOUT,
  );

  it(
    'loads a table that already has rows with its constraints in place, and defers the others',
    async (ctx) => {
      if (needsServer && !server) ctx.skip();
      await run(async (db) => {
        await db.exec(SCHEMA);
        await db.exec(`insert into authors (id, email, handle) values (1000000, 'already@example.test', 'already here')`);
        const before = await catalog(db);
        const report = await seedDatabase(definitionOf(300), db.target, { seed: 'non-empty', deferSmallTables: true });
        expect(names(report)).toEqual({ deferred: ['posts'], kept: ['authors'] });
        expect(report.constraints.kept[0]!.reason).toBe('not empty');
        expect(await catalog(db)).toEqual(before);
        expect(await counts(db)).toEqual({ authors: 301, posts: 300, bookmarks: 0 });
      });
    },
    TIMEOUT,
  );

  it(
    'falls back to the old way for a table whose key a view depends on',
    async (ctx) => {
      if (needsServer && !server) ctx.skip();
      await run(async (db) => {
        await db.exec(SCHEMA);
        // email is selected ungrouped: legal only through authors_pkey, so the view depends on it
        await db.exec(
          'create view post_counts as select a.id, a.email, count(p.id) as posts from authors a left join posts p on p.author_id = a.id group by a.id',
        );
        const before = await catalog(db);
        const report = await seedDatabase(definitionOf(200), db.target, { seed: 'view', deferSmallTables: true });
        expect(names(report)).toEqual({ deferred: ['posts'], kept: ['authors'] });
        expect(report.constraints.kept[0]!.reason).toMatch(/^dropping its keys failed: .*depend/);
        expect(await catalog(db)).toEqual(before);
        expect(await counts(db)).toEqual({ authors: 200, posts: 200, bookmarks: 0 });
        const [view] = await db.rows<{ n: number }>('select sum(posts)::int as n from post_counts');
        expect(view!.n).toBe(200);
      });
    },
    TIMEOUT,
  );

  it(
    'fails on a UNIQUE violation found by the rebuild, naming table and constraint, and leaves nothing',
    async (ctx) => {
      if (needsServer && !server) ctx.skip();
      await run(async (db) => {
        await db.exec(SCHEMA);
        const before = await catalog(db);
        // 300 emails out of three values: duplicates for sure
        const definition = definitionOf(300, (tables) =>
          Object.assign(field(tables, 'authors', 'email'), { type: 'number.int', options: { min: 1, max: 3 }, unique: false }),
        );
        const failure = await seedDatabase(definition, db.target, { seed: 'dup', deferSmallTables: true }).catch((e: unknown) => e);
        expect(failure).toBeInstanceOf(ConstraintRebuildError);
        const error = failure as ConstraintRebuildError;
        expect(error).toMatchObject({ table: 'public.authors', constraint: 'authors_email_key', definition: 'UNIQUE (email) DEFERRABLE' });
        expect(error.detail).toMatch(/^Key \(email\)=\([123]\) is duplicated\.$/);
        expect(error.message).toMatch(
          /^public\.authors: the seeded rows violate constraint authors_email_key \[UNIQUE \(email\) DEFERRABLE\], checked when it was rebuilt after the load: .*Key \(email\)=\([123]\) is duplicated/,
        );
        expect(await counts(db)).toEqual({ authors: 0, posts: 0, bookmarks: 0 });
        expect(await catalog(db)).toEqual(before);
      });
    },
    TIMEOUT,
  );

  it(
    'fails on an FK violation found by the rebuild, and leaves nothing',
    async (ctx) => {
      if (needsServer && !server) ctx.skip();
      await run(async (db) => {
        await db.exec(SCHEMA);
        const before = await catalog(db);
        // no author has an id this high
        const definition = definitionOf(300, (tables) =>
          Object.assign(field(tables, 'posts', 'author_id'), { type: 'number.int', options: { min: 900000, max: 900010 } }),
        );
        const failure = (await seedDatabase(definition, db.target, { seed: 'orphans', deferSmallTables: true }).catch(
          (e: unknown) => e,
        )) as ConstraintRebuildError;
        expect(failure).toBeInstanceOf(ConstraintRebuildError);
        expect(failure).toMatchObject({ table: 'public.posts', constraint: 'posts_author_fk' });
        expect(failure.message).toContain('[FOREIGN KEY (author_id) REFERENCES authors(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED]');
        expect(failure.detail).toMatch(/^Key \(author_id\)=\(9000\d\d\) is not present in table "authors"\.$/);
        expect(await counts(db)).toEqual({ authors: 0, posts: 0, bookmarks: 0 });
        expect(await catalog(db)).toEqual(before);
      });
    },
    TIMEOUT,
  );

  it(
    'keeps the keys of tables too small for a rebuild to pay, and the violation is refused by the key during the COPY',
    async (ctx) => {
      if (needsServer && !server) ctx.skip();
      await run(async (db) => {
        await db.exec(SCHEMA);
        const before = await catalog(db);
        const report = await seedDatabase(definitionOf(200), db.target, { seed: 'small' });
        expect(names(report)).toEqual({ deferred: [], kept: ['authors', 'posts'] });
        expect(report.constraints.kept.map((t) => t.reason)).toEqual([SMALL_TABLE, SMALL_TABLE]);
        expect(await catalog(db)).toEqual(before);
        expect(await counts(db)).toEqual({ authors: 200, posts: 200, bookmarks: 0 });
        await db.exec('truncate authors, posts, bookmarks');
        const definition = definitionOf(200, (tables) =>
          Object.assign(field(tables, 'authors', 'email'), { type: 'number.int', options: { min: 1, max: 3 }, unique: false }),
        );
        const failure = await seedDatabase(definition, db.target, { seed: 'dup' }).catch((e: unknown) => e);
        expect(failure).not.toBeInstanceOf(ConstraintRebuildError);
        expect((failure as Error).message).toMatch(/duplicate key value violates unique constraint "authors_email_key"/);
        expect(await counts(db)).toEqual({ authors: 0, posts: 0, bookmarks: 0 });
        expect(await catalog(db)).toEqual(before);
      });
    },
    TIMEOUT,
  );

  it(
    'defers a big table beside a small one kept; an FK of the big one failing its rebuild names its table and leaves nothing, the small one included',
    async (ctx) => {
      if (needsServer && !server) ctx.skip();
      await run(async (db) => {
        await db.exec(SCHEMA);
        const before = await catalog(db);
        const sized = (tables: Definition['tables']) => {
          tables.find((t) => t.name === 'authors')!.rows = 50;
          tables.find((t) => t.name === 'posts')!.rows = 4000;
        };
        const report = await seedDatabase(definitionOf(100, sized), db.target, { seed: 'mixed' });
        expect(names(report)).toEqual({ deferred: ['posts'], kept: ['authors'] });
        expect(report.constraints.kept[0]!.reason).toBe(SMALL_TABLE);
        expect(await catalog(db)).toEqual(before);
        expect(await counts(db)).toEqual({ authors: 50, posts: 4000, bookmarks: 0 });
        await db.exec('truncate authors, posts, bookmarks');
        const orphans = definitionOf(100, (tables) => {
          sized(tables);
          Object.assign(field(tables, 'posts', 'author_id'), { type: 'number.int', options: { min: 900000, max: 900010 } });
        });
        const failure = (await seedDatabase(orphans, db.target, { seed: 'mixed orphans' }).catch((e: unknown) => e)) as ConstraintRebuildError;
        expect(failure).toBeInstanceOf(ConstraintRebuildError);
        expect(failure).toMatchObject({ table: 'public.posts', constraint: 'posts_author_fk' });
        expect(failure.message).toMatch(/^public\.posts: the seeded rows violate constraint posts_author_fk /);
        expect(await counts(db)).toEqual({ authors: 0, posts: 0, bookmarks: 0 });
        expect(await catalog(db)).toEqual(before);
      });
    },
    TIMEOUT,
  );

  it(
    "keeps every constraint during the load with constraints: 'during' (the old path)",
    async (ctx) => {
      if (needsServer && !server) ctx.skip();
      await run(async (db) => {
        await db.exec(SCHEMA);
        const before = await catalog(db);
        const report = await seedDatabase(definitionOf(300), db.target, { seed: 'during', constraints: 'during' });
        expect(report.constraints).toMatchObject({ mode: 'during', deferred: [], rebuildMs: 0 });
        expect(names(report).kept).toEqual(['authors', 'posts']);
        expect(await counts(db)).toEqual({ authors: 300, posts: 300, bookmarks: 0 });
        expect(await catalog(db)).toEqual(before);
        // a duplicate is refused by the unique index during the COPY itself
        await db.exec('truncate authors, posts, bookmarks');
        const definition = definitionOf(300, (tables) =>
          Object.assign(field(tables, 'authors', 'email'), { type: 'number.int', options: { min: 1, max: 3 }, unique: false }),
        );
        const failure = await seedDatabase(definition, db.target, { seed: 'dup', constraints: 'during' }).catch((e: unknown) => e);
        expect(failure).not.toBeInstanceOf(ConstraintRebuildError);
        expect((failure as Error).message).toMatch(/duplicate key value violates unique constraint "authors_email_key"/);
        expect(await counts(db)).toEqual({ authors: 0, posts: 0, bookmarks: 0 });
      });
    },
    TIMEOUT,
  );
});

describe.each(BACKENDS)('a table a trigger inserts into while another loads ($name)', ({ run, needsServer }) => {
  // the trigger's INSERT ... ON CONFLICT needs the table's unique key as its arbiter: the key stays
  const SQL = `
create table questions (id int primary key, status text not null);
create table search_queue (id serial primary key, question_id int not null references questions, attempts int not null default 0,
  unique (question_id));
create function enqueue() returns trigger language plpgsql as $$ begin
  insert into search_queue (question_id) values (new.id) on conflict (question_id) do update set attempts = search_queue.attempts + 1;
  return new;
end $$;
create trigger enqueue after insert on questions for each row execute function enqueue();`;

  it(
    'keeps its keys during the load, small tables deferred or not',
    async (ctx) => {
      if (needsServer && !server) ctx.skip();
      await run(async (db) => {
        await db.exec(SQL);
        const report = await seedDatabase(importSql(SQL, { rows: 50 }).definition, db.target, { seed: 'queue', deferSmallTables: true });
        expect(report.constraints.kept.map((k) => [k.relation.name, k.reason])).toEqual([
          ['search_queue', 'a trigger inserts its rows while other tables load (its keys may be what ON CONFLICT needs)'],
        ]);
        expect(await db.rows<{ n: number }>('select count(*)::int as n from search_queue')).toEqual([{ n: 50 }]);
      });
    },
    TIMEOUT,
  );
});

describe('worthDeferring', () => {
  const own = { indexes: 2, foreignKeys: 2 };
  it('pays from some number of rows on, and ever after', () => {
    const worth = Array.from({ length: 20_000 }, (_, rows) => worthDeferring(rows, own, own));
    const from = worth.indexOf(true);
    expect(from).toBeGreaterThan(0);
    expect(worth.slice(from).every(Boolean)).toBe(true);
    expect(worthDeferring(0, own, own)).toBe(false);
  });
  it('needs more rows when FKs of other tables into it must be rebuilt too, and for keys than for FKs', () => {
    const threshold = (o: typeof own, dropped: typeof own) =>
      Array.from({ length: 10_000 }, (_, k) => k * 10).findIndex((rows) => worthDeferring(rows, o, dropped));
    expect(threshold(own, { indexes: 2, foreignKeys: 5 })).toBeGreaterThan(threshold(own, own));
    const keysOnly = { indexes: 2, foreignKeys: 0 };
    const fksOnly = { indexes: 0, foreignKeys: 2 };
    expect(threshold(keysOnly, keysOnly)).toBeGreaterThan(threshold(fksOnly, fksOnly));
  });
});
