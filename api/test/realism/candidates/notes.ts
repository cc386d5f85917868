// Prints the importer's notes for each candidate schema (with the same STRIP_PARTIAL / REPLACE knobs as run.ts).
// usage: cd api && npx tsx test/realism/candidates/notes.ts [schema...]
import { readdirSync, readFileSync } from 'node:fs';
import { importSql } from '../../../src/import/index.js';

const dir = new URL('./', import.meta.url);
const only = process.argv.slice(2);
for (const f of readdirSync(dir).filter((f) => f.endsWith('.sql') && !f.endsWith('.rules.sql')).sort()) {
  const name = f.replace(/\.sql$/, '');
  if (only.length && !only.includes(name)) continue;
  let ddl = readFileSync(new URL(f, dir), 'utf8');
  if (process.env.REPLACE) for (const [a, b] of JSON.parse(readFileSync(process.env.REPLACE, 'utf8')) as [string, string][]) ddl = ddl.split(a).join(b);
  if (process.env.STRIP_PARTIAL === '1') ddl = ddl.replace(/^create unique index [^;]* where [^;]*;\n/gim, '');
  try {
    const result = importSql(ddl, { rows: 1000 });
    console.log(`== ${name}`);
    for (const n of (result as unknown as { notes?: unknown[] }).notes ?? []) console.log('  ', JSON.stringify(n));
  } catch (error) {
    console.log(`== ${name}: ${(error as Error).message}`);
  }
}
