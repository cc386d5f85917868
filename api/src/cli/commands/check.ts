// `tdg check <database-url> <definition.json> [--report PATH]`: the definition's rules checked
// with SQL on the rows already in a database (a seeded one, or your own data).
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseDefinition } from '../../engine/index.js';
import { CliError } from '../errors.js';
import { withNoDelay } from '../../db/no-delay.js';

export const summary =
  "check <postgres-url> <definition.json> [--report PATH]: check the definition's rules (unique keys, foreign keys, inequalities, scopes, exactly-one flags, profiles) with SQL on the rows in a database; exit 1 on a violation";

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { report: { type: 'string' } } });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [url, file] = positionals;
  if (!url || !file || positionals.length !== 2) throw new CliError(`usage: tdg ${summary}`);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const definition = parseDefinition(json);
  const [{ default: postgres }, { checkDatabase, rulesSummary }] = await Promise.all([import('postgres'), import('../../report/index.js')]);
  const sql = postgres(url, withNoDelay({ max: 1, onnotice: () => {} }));
  try {
    const rules = await checkDatabase(definition, async (text) => (await sql.unsafe(text)) as unknown as Record<string, unknown>[]);
    for (const r of rules) {
      if (r.skipped) continue;
      const more = r.violations > (r.exampleKeys?.length ?? 0) ? '; …' : '';
      const status = r.violations === 0 ? `${r.checked} rows ok` : `${r.violations} of ${r.checked} rows violate (${r.exampleKeys?.join('; ')}${more})`;
      process.stdout.write(`${r.name}: ${status}\n`);
    }
    process.stdout.write(`${rulesSummary(rules, 'CHECKs left to the database')}\n`);
    if (values.report) {
      await writeFile(values.report, `${JSON.stringify({ version: 1, rules }, null, 2)}\n`);
    }
    return rules.some((r) => r.violations > 0) ? 1 : 0;
  } finally {
    await sql.end();
  }
}
