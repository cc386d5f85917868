// `pnpm bench realism [schema...]`: the realism suite (api/test/realism) at 10,000 rows per table
// (--quick: 1,000; TDG_REALISM_ROWS) against the PostgreSQL at TDG_BENCH_DATABASE_URL (default
// 127.0.0.1:5432): per schema, seeded or not, rules held/total, Latin-filled columns, the rows/s
// and peak RSS of `tdg seed` (run as a child process, as a user runs it) and, in the same run, the
// PostgreSQL ceiling: the same rows as CSV through psql `\copy` into bare tables, keys added after
// (TDG_REALISM_CEILING=0 leaves it out). Target: rows/s ≥ min(100,000, ceiling / 2), RSS < 300 MB.
import { copyCeiling, type Ceiling } from './support/copy-ceiling.js';
import { cliSeeder } from './support/cli-seeder.js';
import { describe, realismSchemas, runSchema, type SchemaResult } from '../test/realism/suite.js';

const TARGET_ROWS_PER_SECOND = 100_000;
const TARGET_RSS_MB = 300;

export async function bench({ quick }: { quick: boolean }): Promise<void> {
  const serverUrl = process.env.TDG_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const rows = Number(process.env.TDG_REALISM_ROWS ?? (quick ? 1000 : 10_000));
  const withCeiling = process.env.TDG_REALISM_CEILING !== '0';
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--') && a !== 'realism');
  const results: SchemaResult[] = [];
  const speed: string[] = [];
  let met = 0;
  for (const schema of realismSchemas()) {
    if (only.length > 0 && !only.includes(schema.name)) continue;
    let ceiling: Ceiling | string | undefined;
    const result = await runSchema(schema, {
      serverUrl,
      rows,
      seeder: cliSeeder,
      afterSeed: withCeiling
        ? async (db) => {
            ceiling = await copyCeiling(serverUrl, db.url!, schema.ddl).catch((error: Error) => `ceiling failed: ${error.message}`);
          }
        : undefined,
    });
    console.log(describe([result]));
    results.push(result);
    if (!result.seeded) continue;
    const c = typeof ceiling === 'object' ? ceiling : undefined;
    const target = Math.min(TARGET_ROWS_PER_SECOND, c ? c.rowsPerSecond / 2 : TARGET_ROWS_PER_SECOND);
    const ok = result.rowsPerSecond >= target && (result.peakRssMB ?? 0) < TARGET_RSS_MB;
    if (ok) met++;
    const line =
      `${schema.name.padEnd(14)} tdg seed ${result.rowsPerSecond} rows/s, peak RSS ${Math.round(result.peakRssMB ?? 0)} MB, ${(result.cpuSeconds ?? 0).toFixed(1)} CPU-s; ` +
      (c
        ? `ceiling ${c.rowsPerSecond} rows/s (${c.rows} rows in ${(c.ms / 1000).toFixed(2)} s), ${Math.round((100 * result.rowsPerSecond) / c.rowsPerSecond)} % of it`
        : (ceiling ?? 'no ceiling')) +
      `; target ${Math.round(target)} rows/s: ${ok ? 'met' : 'NOT MET'}`;
    console.log(`    ${line}`);
    speed.push(line);
  }
  const seeded = results.filter((r) => r.seeded).length;
  const rules = results.flatMap((r) => r.rules);
  const held = rules.filter((r) => r.violations === 0).length;
  const latin = results.reduce((n, r) => n + r.latin.length, 0);
  console.log(
    `\nrealism at ${rows} rows per table: ${seeded}/${results.length} schemas seeded, rules ${held}/${rules.length} held, ${latin} Latin-filled columns`,
  );
  console.log(
    `speed (tdg seed vs PostgreSQL ceiling; target ≥ min(${TARGET_ROWS_PER_SECOND}, ceiling/2) rows/s, peak RSS < ${TARGET_RSS_MB} MB): met by ${met}/${seeded} seeded schemas`,
  );
  for (const line of speed) console.log(`  ${line}`);
}
