import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { authPasswordOption } from '../auth-password.js';
import { CliError } from '../errors.js';
import { writeReportFile } from '../report-file.js';
import { parseRows } from './import-sql.js';
import { withNoDelay } from '../../db/no-delay.js';

export const summary =
  'seed <postgres-url> <definition.json> [--rows N] [--seed S] [--workers N] [--keep-constraints] [--auth-password P] [--report PATH]: generate and COPY rows into a database in one transaction (keys and indexes of empty tables rebuilt after the load where that costs less than checking the rows under them; Supabase auth.users sign in with P, or a password derived from the seed, printed; --report: the realism report of the rows as JSON, summary printed)';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      rows: { type: 'string' },
      seed: { type: 'string' },
      'batch-size': { type: 'string' },
      workers: { type: 'string' },
      'keep-constraints': { type: 'boolean' },
      'auth-password': { type: 'string' },
      report: { type: 'string' },
    },
  });
  const [url, file] = positionals;
  if (!url || !file) throw new CliError(`usage: tdg ${summary}`);
  const rows = parseRows(values.rows);
  const batchSize = parseRows(values['batch-size']);
  const workers = parseRows(values.workers);
  const authPassword = authPasswordOption(values['auth-password']);
  let definition: unknown;
  try {
    definition = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const { default: postgres } = await import('postgres');
  const { seedDatabase } = await import('../../seed/load.js');
  const { postgresTarget } = await import('../../seed/postgres-target.js');
  const { SMALL_TABLE } = await import('../../seed/deferred-constraints.js');
  const sql = postgres(url, withNoDelay({ max: 1, onnotice: () => {} }));
  try {
    const report = await seedDatabase(definition, postgresTarget(sql), {
      ...(rows === undefined ? {} : { rows }),
      ...(values.seed === undefined ? {} : { seed: values.seed }),
      ...(batchSize ? { batchSize } : {}),
      ...(workers === undefined ? {} : { workers }),
      ...(authPassword === undefined ? {} : { authPassword }),
      constraints: values['keep-constraints'] ? 'during' : 'after',
      report: values.report !== undefined,
      onTable: (t) =>
        process.stderr.write(
          `${t.relation.schema}.${t.relation.name}: ${t.rows} rows ${t.mode === 'updated' ? 'written into the rows its trigger made ' : ''}in ${seconds(t.ms - t.rebuildMs)}${t.rebuildMs > 0 ? ` (+ ${seconds(t.rebuildMs)} rebuilding keys)` : ''}\n`,
        ),
    });
    const { deferred, kept, rebuildMs } = report.constraints;
    const tableName = (r: { schema: string; name: string }) => `${r.schema}.${r.name}`;
    if (deferred.length) {
      process.stderr.write(
        `keys and indexes dropped for the load and rebuilt after it in ${seconds(rebuildMs)}: ${deferred.map((t) => tableName(t.relation)).join(', ')}\n`,
      );
    }
    // small tables are many on a big schema: one line for all of them
    const small = kept.filter((t) => t.reason === SMALL_TABLE);
    if (small.length)
      process.stderr.write(
        `loaded with their keys in place, being small enough that checking their rows costs less than rebuilding the keys: ${small.map((t) => tableName(t.relation)).join(', ')}\n`,
      );
    for (const t of kept) if (t.reason !== SMALL_TABLE) process.stderr.write(`${tableName(t.relation)}: loaded with its constraints in place (${t.reason})\n`);
    for (const l of report.leftOut)
      process.stderr.write(
        `${tableName(l.relation)}: ${l.columns.length ? `the database's table has no ${l.columns.join(', ')}; left out` : 'not in the database; not loaded'}\n`,
      );
    process.stdout.write(`seeded ${report.rows} rows in ${seconds(report.ms)} (${report.rowsPerSecond} rows/s), committed\n`);
    if (report.signIn)
      process.stdout.write(`${tableName(report.signIn.relation)}: ${report.signIn.users} users can sign in with password ${report.signIn.password}\n`);
    if (report.realism) process.stdout.write(await writeReportFile(values.report!, report.realism));
    return 0;
  } catch (error) {
    // the transaction was rolled back: nothing is left behind
    const message = (error as Error).message;
    if ((error as Error).name === 'DefinitionError') throw error;
    throw new CliError(`${message} (rolled back: nothing was loaded)`);
  } finally {
    await sql.end();
  }
}
