// `pnpm bench realism`: the realism suite (api/test/realism) at 10,000 rows per table (--quick: 1,000)
// against the PostgreSQL at TDG_BENCH_DATABASE_URL (default 127.0.0.1:5432): per schema, seeded or
// not, rules held/total, Latin-filled columns and the seed's rows/s.
import { describe, realismSchemas, runSchema, type SchemaResult } from '../test/realism/suite.js';

export async function bench({ quick }: { quick: boolean }): Promise<void> {
  const serverUrl = process.env.TDG_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const rows = Number(process.env.TDG_REALISM_ROWS ?? (quick ? 1000 : 10_000));
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--') && a !== 'realism');
  const results: SchemaResult[] = [];
  for (const schema of realismSchemas()) {
    if (only.length > 0 && !only.includes(schema.name)) continue;
    const result = await runSchema(schema, { serverUrl, rows });
    console.log(describe([result]));
    results.push(result);
  }
  const seeded = results.filter((r) => r.seeded).length;
  const rules = results.flatMap((r) => r.rules);
  const held = rules.filter((r) => r.violations === 0).length;
  const latin = results.reduce((n, r) => n + r.latin.length, 0);
  console.log(`\nrealism at ${rows} rows per table: ${seeded}/${results.length} schemas seeded, rules ${held}/${rules.length} held, ${latin} Latin-filled columns`);
}
