// Import real-world-shaped schemas, generate rows, COPY them into a database that has the DDL
// applied: the database enforces every CHECK, UNIQUE and FK, so a successful load proves them.
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/index.js';
import type { Definition } from '../../src/import/index.js';
import { importSql, introspect } from '../../src/import/index.js';
import { relationOf, seedDatabase } from '../../src/seed/load.js';
import { pgliteTarget } from '../../src/seed/pglite-target.js';
import { postgresTarget } from '../../src/seed/postgres-target.js';
import { fixture, openPglite, serverAvailable, SUPABASE_BASE, withServerDatabase } from './harness.js';

const ROWS = process.env.TDG_SLOW === '1' ? 10_000 : 2_000;
const FIXTURES = [
  { name: 'saas', base: '', schemas: ['public'] },
  { name: 'ecommerce', base: '', schemas: ['public'] },
  { name: 'supabase-app', base: SUPABASE_BASE, schemas: ['public'] },
  { name: 'names-and-schemas', base: '', schemas: ['public', 'billing'] },
  { name: 'partitioned', base: '', schemas: ['public'] },
  { name: 'classic', base: '', schemas: ['public'] },
  { name: 'billing', base: '', schemas: ['public'] },
];
// PGlite's start-up alone takes seconds on a busy machine
const TIMEOUT = 300_000;

let server = false;
beforeAll(async () => {
  server = await serverAvailable();
});

type Count = (relation: string) => Promise<number>;

/** Rows each table should get: ROWS, or what its parents' children-per-parent layout makes (importer rules). */
function plannedRows(definition: Definition, seed: string): Map<string, number> {
  const plan = compile(definition as Parameters<typeof compile>[0], { seed });
  return new Map(plan.tables.map((t) => [t.name, t.rows]));
}

async function expectFullTables(definition: Definition, seed: string, count: Count) {
  const planned = plannedRows(definition, seed);
  for (const table of definition.tables) {
    const { schema, name } = relationOf(table);
    const laidOut = table.fields.some((f) => f.type === 'ref' && (f.options as { childrenPerParent?: unknown }).childrenPerParent);
    if (!laidOut) expect(planned.get(table.name), `${schema}.${name}`).toBe(ROWS);
    expect(await count(`"${schema}"."${name.replace(/"/g, '""')}"`), `${schema}.${name}`).toBe(planned.get(table.name));
  }
}

const totalRows = (definition: Definition, seed: string) => [...plannedRows(definition, seed).values()].reduce((a, b) => a + b, 0);

describe.each(FIXTURES)('$name', ({ name, base, schemas }) => {
  const sql = fixture(name);

  it(
    `PGlite: introspection agrees with the DDL import, and ${ROWS} rows a table load with zero violations`,
    async () => {
      const db = await openPglite();
      try {
        await db.exec(base + sql);
        const imported = importSql(sql, { rows: ROWS });
        const fromCatalog = await introspect(async (text, params) => (await db.query<Record<string, unknown>>(text, params)).rows, { rows: ROWS, schemas });
        expect(fromCatalog.definition).toEqual(imported.definition);

        const report = await seedDatabase(imported.definition, pgliteTarget(db), { seed: name });
        expect(report.rows).toBe(totalRows(imported.definition, name));
        await expectFullTables(
          imported.definition,
          name,
          async (relation) => (await db.query<{ n: number }>(`select count(*)::int as n from ${relation}`)).rows[0]!.n,
        );
      } finally {
        await db.close();
      }
    },
    TIMEOUT,
  );

  it(
    `PostgreSQL server (when it answers): the same, in a fresh database`,
    async (ctx) => {
      if (!server) ctx.skip();
      await withServerDatabase(async (pg) => {
        await pg.unsafe(base + sql);
        const imported = importSql(sql, { rows: ROWS });
        const fromCatalog = await introspect((text, params) => pg.unsafe(text, params as never[]), { rows: ROWS, schemas });
        expect(fromCatalog.definition).toEqual(imported.definition);

        const report = await seedDatabase(imported.definition, postgresTarget(pg), { seed: name });
        expect(report.rows).toBe(totalRows(imported.definition, name));
        await expectFullTables(imported.definition, name, async (relation) => (await pg.unsafe(`select count(*)::int as n from ${relation}`))[0]!.n as number);
      });
    },
    TIMEOUT,
  );
});
