// Imports, seeds and checks the candidate schemas here, like the realism suite, but keeps each
// database (cand_<schema>_<rows>) for inspection and writes the definition and results beside.
// usage: cd api && npx tsx test/realism/candidates/run.ts <rows> [schema...]
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import postgres from 'postgres';
import { importSql } from '../../../src/import/index.js';
import { seedDatabase } from '../../../src/seed/load.js';
import { postgresTarget } from '../../../src/seed/postgres-target.js';
import { describe, latinColumns, parseRules, type RealismDb, type SchemaResult } from '../suite.js';

const serverUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const dir = new URL('./', import.meta.url);
const rows = Number(process.argv[2] ?? 1000);
const only = process.argv.slice(3);
const out = new URL('./out/', dir);
mkdirSync(out, { recursive: true });

for (const f of readdirSync(dir).filter((f) => f.endsWith('.sql') && !f.endsWith('.rules.sql')).sort()) {
  const name = f.replace(/\.sql$/, '');
  if (only.length && !only.includes(name)) continue;
  let ddl = readFileSync(new URL(f, dir), 'utf8');
  // STRIP_PARTIAL=1: without the partial unique indexes (the importer refuses them on a ref column)
  // REPLACE=<json file of [from, to] pairs>: textual edits to try a variant of the DDL
  if (process.env.REPLACE) for (const [a, b] of JSON.parse(readFileSync(process.env.REPLACE, 'utf8')) as [string, string][]) ddl = ddl.split(a).join(b);
  if (process.env.STRIP_PARTIAL === '1') ddl = ddl.replace(/^create unique index [^;]* where [^;]*;\n/gim, '');
  const rules = parseRules(readFileSync(new URL(`${name}.rules.sql`, dir), 'utf8'));
  const dbName = `cand_${name}_${rows}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.unsafe(`create database ${dbName}`);
  await admin.end();
  const sql = postgres(serverUrl.replace(/\/[^/]*$/, `/${dbName}`), { max: 1, onnotice: () => {} });
  const db: RealismDb = {
    exec: async (s) => void (await sql.unsafe(s).simple()),
    query: async <T extends Record<string, unknown>>(s: string) => [...(await sql.unsafe<T[]>(s))],
    target: postgresTarget(sql),
    close: async () => void (await sql.end()),
  };
  const result: SchemaResult = { name, seeded: false, rows: 0, rowsPerSecond: 0, ms: 0, rules: [], latin: [] };
  try {
    await db.exec(ddl);
    try {
      const { definition } = importSql(ddl, { rows });
      writeFileSync(new URL(`${name}.${rows}${process.env.STRIP_PARTIAL === '1' || process.env.REPLACE ? '.variant' : ''}.definition.json`, out), JSON.stringify(definition, null, 2));
      const report = await seedDatabase(definition, db.target, { rows, seed: 'realism' });
      Object.assign(result, { seeded: true, rows: report.rows, rowsPerSecond: report.rowsPerSecond, ms: report.ms });
    } catch (error) {
      result.error = (error as Error).stack ?? (error as Error).message;
    }
    if (result.seeded) {
      for (const rule of rules) {
        try {
          const [row] = await db.query<Record<string, unknown>>(rule.sql);
          result.rules.push({ name: rule.name, violations: Number(Object.values(row ?? {})[0] ?? 0) });
        } catch (error) {
          result.rules.push({ name: rule.name, violations: -1, error: (error as Error).message });
        }
      }
      result.latin = await latinColumns(db);
    }
  } finally {
    await db.close();
  }
  const tag = process.env.STRIP_PARTIAL === '1' || process.env.REPLACE ? '.variant' : '';
  writeFileSync(new URL(`${name}.${rows}${tag}.result.json`, out), JSON.stringify(result, null, 2));
  console.log(describe([result]));
  if (result.error) console.log(result.error);
}
