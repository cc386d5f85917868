// Import real-world-shaped schemas, generate rows, COPY them into a database that has the DDL
// applied: the database enforces every CHECK, UNIQUE and FK, so a successful load proves them.
import { beforeAll, describe, expect, it } from 'vitest';
import { importSql, introspect } from '../../src/import/index.js';
import { relationOf, seedDatabase } from '../../src/seed/load.js';
import { pgliteTarget } from '../../src/seed/pglite-target.js';
import { postgresTarget } from '../../src/seed/postgres-target.js';
import { fixture, openPglite, serverAvailable, SUPABASE_BASE, withServerDatabase } from './harness.js';

const ROWS = process.env.TDG_SLOW === '1' ? 10_000 : 2_000;
const FIXTURES = [
  { name: 'saas', base: '' },
  { name: 'ecommerce', base: '' },
  { name: 'supabase-app', base: SUPABASE_BASE },
];

let server = false;
beforeAll(async () => {
  server = await serverAvailable();
});

describe.each(FIXTURES)('$name', ({ name, base }) => {
  const sql = fixture(name);

  it(`loads ${ROWS} rows a table into PGlite with zero violations`, async () => {
    const db = await openPglite();
    await db.exec(base + sql);
    const { definition } = importSql(sql, { rows: ROWS });
    const report = await seedDatabase(definition, pgliteTarget(db), { seed: name });
    expect(report.rows).toBe(ROWS * definition.tables.length);
    for (const table of definition.tables) {
      const { schema, name: relation } = relationOf(table);
      const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from "${schema}"."${relation}"`);
      expect(rows[0]!.n, `${schema}.${relation}`).toBe(ROWS);
    }
    await db.close();
  });

  it('introspecting the database gives the same definition as importing the DDL', async () => {
    const db = await openPglite();
    await db.exec(base + sql);
    const fromCatalog = await introspect(async (text, params) => (await db.query<Record<string, unknown>>(text, params)).rows, { rows: 500 });
    expect(fromCatalog.definition).toEqual(importSql(sql, { rows: 500 }).definition);
    await db.close();
  });

  it('loads into the PostgreSQL server (when it answers) with zero violations', async (ctx) => {
    if (!server) ctx.skip();
    await withServerDatabase(async (pg) => {
      await pg.unsafe(base + sql);
      const { definition } = importSql(sql, { rows: ROWS });
      const report = await seedDatabase(definition, postgresTarget(pg), { seed: name });
      expect(report.rows).toBe(ROWS * definition.tables.length);
      for (const table of definition.tables) {
        const { schema, name: relation } = relationOf(table);
        const [row] = await pg.unsafe(`select count(*)::int as n from "${schema}"."${relation}"`);
        expect(row!.n, `${schema}.${relation}`).toBe(ROWS);
      }
      const fromCatalog = await introspect((text, params) => pg.unsafe(text, params as never[]), { rows: 500 });
      expect(fromCatalog.definition).toEqual(importSql(sql, { rows: 500 }).definition);
    });
  });
});
