// Types with a text syntax of their own (geometry, ranges, bit strings) and NOT NULL times after a
// nullable parent: what the importer generates, Postgres (PGlite) accepts.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, generateRows } from '../engine/index.js';
import { copyLines } from '../seed/copy-text.js';
import { importSql } from './index.js';

const DDL = `
create table things (id serial primary key, loc point, area box, zone circle, shape polygon, seg lseg,
  during tstzrange, days daterange, nums int4range, amounts numrange, flags bit(8), vflags varbit(16));
create table events (id serial primary key, thing_id int references things(id), at timestamptz not null);
`;

const pg = new PGlite();
afterAll(() => pg.close());

describe('values in the syntax of their type', () => {
  it('loads into Postgres: points, boxes, circles, polygons, segments, ranges and bit strings; a NOT NULL time after a nullable parent is never null', async () => {
    const { definition } = importSql(DDL, { rows: 300, referenceDate: '2025-06-01T00:00:00.000Z' });
    await pg.exec(DDL);
    const plan = compile(definition as Parameters<typeof compile>[0], { seed: 'shaped' });
    for (const table of plan.tables) {
      const rows = [...generateRows(plan, table.name, 0, table.rows)].flat();
      const columns = table.columns.map((c) => c.name);
      const text = copyLines(rows, table.columns);
      await pg.query(`copy ${table.name} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([text]) });
    }
    const [things] = (await pg.query<{ n: number; points: number }>(`select count(*)::int as n, count(loc)::int as points from things`)).rows;
    expect(things!.n).toBe(300);
    expect(things!.points).toBeGreaterThan(0);
    const [events] = (
      await pg.query<{ n: number; orphans: number }>(`select count(*)::int as n, count(*) filter (where thing_id is null)::int as orphans from events`)
    ).rows;
    expect(events!.n).toBeGreaterThan(0);
    expect(events!.orphans).toBeGreaterThan(0); // the case that needs the fallback
  });
});

describe('types of extensions (cube, ltree, hstore)', () => {
  it('loads into Postgres with the extensions in place', async () => {
    const { cube } = await import('@electric-sql/pglite/contrib/cube');
    const { ltree } = await import('@electric-sql/pglite/contrib/ltree');
    const { hstore } = await import('@electric-sql/pglite/contrib/hstore');
    const db = await PGlite.create({ extensions: { cube, ltree, hstore } });
    try {
      const ddl = `create extension cube; create extension ltree; create extension hstore;
        create table media (id serial primary key, toc cube not null, path ltree not null, attrs hstore);`;
      const { definition } = importSql(ddl, { rows: 200 });
      await db.exec(ddl);
      const plan = compile(definition as Parameters<typeof compile>[0], { seed: 'extensions' });
      const table = plan.tables.find((t) => t.name === 'media')!;
      const rows = [...generateRows(plan, 'media', 0, table.rows)].flat();
      await db.query(`copy media (${table.columns.map((c) => c.name).join(', ')}) from '/dev/blob'`, [], { blob: new Blob([copyLines(rows, table.columns)]) });
      const [stats] = (await db.query<{ n: number; dims: number }>(`select count(*)::int as n, max(cube_dim(toc))::int as dims from media`)).rows;
      expect(stats).toEqual({ n: 200, dims: expect.any(Number) });
      expect(stats!.dims).toBeGreaterThan(1);
    } finally {
      await db.close();
    }
  });
});
