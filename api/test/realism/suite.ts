// The realism suite: schemas of our own writing, each with a rules file of the SQL checks a
// developer would run on seeded data. For each schema: a fresh database with the DDL in force,
// `importSql` of the same DDL, `seedDatabase` into it, then every rule and a scan for columns
// filled with Latin lorem. Shared by the CI test (1,000 rows) and `pnpm bench realism` (10,000).
import { readdirSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { importSql } from '../../src/import/index.js';
import { seedDatabase } from '../../src/seed/load.js';
import { pgliteTarget } from '../../src/seed/pglite-target.js';
import { postgresTarget } from '../../src/seed/postgres-target.js';
import type { SeedTarget } from '../../src/seed/target.js';
import { loremWordCounts } from '../import/latin.js';
import { withNoDelay } from '../../src/db/no-delay.js';

const dir = new URL('./schemas/', import.meta.url);

export interface Rule {
  name: string;
  /** A query returning one row whose first column counts the violations. */
  sql: string;
}

export interface RealismSchema {
  name: string;
  ddl: string;
  rules: Rule[];
}

export function realismSchemas(): RealismSchema[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql') && !f.endsWith('.rules.sql'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.sql$/, '');
      return { name, ddl: readFileSync(new URL(f, dir), 'utf8'), rules: parseRules(readFileSync(new URL(`${name}.rules.sql`, dir), 'utf8')) };
    });
}

/** `-- rule: <name>` followed by one query, up to the next rule. */
export function parseRules(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const part of text.split(/^-- rule: /m).slice(1)) {
    const newline = part.indexOf('\n');
    const sql = part
      .slice(newline + 1)
      .trim()
      .replace(/;\s*$/, '');
    if (sql) rules.push({ name: part.slice(0, newline).trim(), sql });
  }
  return rules;
}

export interface RuleResult {
  name: string;
  violations: number;
  error?: string;
}

export interface LatinColumn {
  table: string;
  column: string;
  /** Share of the sampled words that are lorem words. */
  share: number;
}

export interface SchemaResult {
  name: string;
  seeded: boolean;
  /** Why the import or the seed failed. */
  error?: string;
  rows: number;
  rowsPerSecond: number;
  ms: number;
  /** Peak RSS and CPU seconds of the seed's process, when it ran in one of its own. */
  peakRssMB?: number;
  cpuSeconds?: number;
  rules: RuleResult[];
  latin: LatinColumn[];
}

/** A scratch database of one schema: a database on a server, or a PGlite in memory. */
export interface RealismDb {
  /** Its connection URL (a database on a server; none for PGlite). */
  url?: string;
  exec(statements: string): Promise<void>;
  query<T extends Record<string, unknown>>(statement: string): Promise<T[]>;
  target: SeedTarget;
  close(): Promise<void>;
}

async function serverDb(serverUrl: string, schema: string): Promise<RealismDb> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `tdg_realism_${schema.replace(/\W/g, '_')}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.unsafe(`create database ${name}`);
  const url = serverUrl.replace(/\/[^/]*$/, `/${name}`);
  const sql = postgres(url, withNoDelay({ max: 1, onnotice: () => {} }));
  return {
    url,
    exec: async (statements) => void (await sql.unsafe(statements).simple()),
    query: async <T extends Record<string, unknown>>(statement: string) => [...(await sql.unsafe<T[]>(statement))],
    target: postgresTarget(sql),
    async close() {
      await sql.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function pgliteDb(): Promise<RealismDb> {
  const pg = await PGlite.create();
  return {
    exec: async (statements) => void (await pg.exec(statements)),
    query: async <T extends Record<string, unknown>>(statement: string) => (await pg.query<T>(statement)).rows,
    target: pgliteTarget(pg),
    close: () => pg.close(),
  };
}

/** Columns most of whose sampled words are lorem words. */
export async function latinColumns(db: RealismDb, sample = 200): Promise<LatinColumn[]> {
  const columns = await db.query<{ table: string; column: string }>(`
    select c.table_name as table, c.column_name as column from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')
    order by c.table_name, c.ordinal_position`);
  const out: LatinColumn[] = [];
  for (const { table, column } of columns) {
    const rows = await db.query<{ v: string }>(`select "${column}"::text as v from "${table}" where "${column}" is not null limit ${sample}`);
    // the sample's words pooled: a column is Latin when over 30 % of them are lorem words
    let words = 0;
    let lorem = 0;
    for (const { v } of rows) {
      const counts = loremWordCounts(v);
      words += counts.words;
      lorem += counts.lorem;
    }
    if (words >= 10 && lorem / words > 0.3) out.push({ table, column, share: lorem / words });
  }
  return out;
}

export interface RunOptions {
  /** A PostgreSQL server URL whose user may create databases; none: PGlite in memory. */
  serverUrl?: string;
  rows: number;
  seed?: string;
  /** Seeds in place of seedDatabase in this process (the bench runs `tdg seed` in a child process). */
  seeder?: Seeder;
  /** Called with the seeded database before the rules run (the bench's COPY ceiling reads it). */
  afterSeed?: (db: RealismDb) => Promise<void>;
}

/** What a seed run reports: rows, time and, from a child process, its peak RSS. */
export interface SeedFigures {
  rows: number;
  rowsPerSecond: number;
  ms: number;
  peakRssMB?: number;
  /** CPU seconds of that process, start-up included. */
  cpuSeconds?: number;
}

export type Seeder = (definition: unknown, db: RealismDb, options: { rows: number; seed: string }) => Promise<SeedFigures>;

const seedHere: Seeder = (definition, db, options) => seedDatabase(definition, db.target, options);

/** Imports, seeds and checks one schema in a database of its own, dropped afterwards. */
export async function runSchema(schema: RealismSchema, options: RunOptions): Promise<SchemaResult> {
  const db = options.serverUrl ? await serverDb(options.serverUrl, schema.name) : await pgliteDb();
  const result: SchemaResult = { name: schema.name, seeded: false, rows: 0, rowsPerSecond: 0, ms: 0, rules: [], latin: [] };
  try {
    await db.exec(schema.ddl);
    try {
      const { definition } = importSql(schema.ddl, { rows: options.rows });
      const report = await (options.seeder ?? seedHere)(definition, db, { rows: options.rows, seed: options.seed ?? 'realism' });
      Object.assign(result, { seeded: true, rows: report.rows, rowsPerSecond: report.rowsPerSecond, ms: report.ms });
      if (report.peakRssMB !== undefined) result.peakRssMB = report.peakRssMB;
      if (report.cpuSeconds !== undefined) result.cpuSeconds = report.cpuSeconds;
    } catch (error) {
      result.error = (error as Error).message.split('\n').slice(0, 6).join('\n');
      return result;
    }
    await options.afterSeed?.(db);
    for (const rule of schema.rules) {
      try {
        const [row] = await db.query<Record<string, unknown>>(rule.sql);
        result.rules.push({ name: rule.name, violations: Number(Object.values(row ?? {})[0] ?? 0) });
      } catch (error) {
        result.rules.push({ name: rule.name, violations: -1, error: (error as Error).message });
      }
    }
    result.latin = await latinColumns(db);
    return result;
  } finally {
    await db.close();
  }
}

/** One line per schema, then the failing rules and Latin columns. */
export function describe(results: SchemaResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const held = r.rules.filter((x) => x.violations === 0).length;
    lines.push(
      `${r.name.padEnd(14)} ${r.seeded ? 'seeded' : 'NOT SEEDED'}  rules ${held}/${r.rules.length}  latin columns ${r.latin.length}` +
        (r.seeded ? `  ${r.rows} rows, ${r.rowsPerSecond} rows/s` : '') +
        (r.peakRssMB !== undefined ? `, peak RSS ${Math.round(r.peakRssMB)} MB` : ''),
    );
    if (r.error) lines.push(`    error: ${r.error.replace(/\n/g, '\n           ')}`);
    for (const x of r.rules) if (x.violations !== 0) lines.push(`    rule broken: ${x.name} (${x.error ?? `${x.violations} violations`})`);
    for (const l of r.latin) lines.push(`    latin: ${l.table}.${l.column} (${Math.round(l.share * 100)} % lorem words)`);
  }
  return lines.join('\n');
}
