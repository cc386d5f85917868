// `tdg generate <definition.json> --seed S [--rows N] [--table T] --format csv|json|ndjson|sql|xlsx --out PATH [--threads N]`
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { compile, generateRows, parseDefinition, type Plan } from '../../engine/index.js';
import { ReportBuilder } from '../../report/index.js';
import { withSignInPassword } from '../../seed/auth-users.js';
import { authPasswordOption } from '../auth-password.js';
import { CliError } from '../errors.js';
import type { GenerateThreads } from '../generate-threads.js';
import { writeReportFile } from '../report-file.js';

export const summary =
  'generate rows from a schema definition: generate <definition.json> --seed S [--rows N] [--table T] --format csv|json|ndjson|sql|xlsx --out PATH [--threads N] [--auth-password P] [--report PATH]';

const USAGE = `usage: tdg generate <definition.json> [--seed S] [--rows N] [--table T] [--format ndjson|csv|json|sql|xlsx] --out PATH

  --seed S      seed (default: the definition's seed, else 0); same seed, same bytes
  --rows N      rows for every table (children-per-parent tables still follow their parents)
  --table T     only this table
  --format F    csv, json, ndjson (default), sql or xlsx
  --out PATH    output file; a directory (or .zip) when several tables need one file each
  --threads N   threads generating rows (default: the machine's ${availableParallelism()}); each table is cut
                into row ranges written in order, so the bytes are those of --threads 1
  --auth-password P   Supabase auth.users sign in with P (default: a password derived from the seed, printed)
  --report PATH the realism report as JSON: per column nulls, distinct values, ranges, histograms;
                per rule of the definition rows checked and violations (summary printed)
`;

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        rows: { type: 'string' },
        table: { type: 'string' },
        format: { type: 'string', default: 'ndjson' },
        out: { type: 'string', short: 'o' },
        'auth-password': { type: 'string' },
        report: { type: 'string' },
        threads: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`expected one definition file (got ${positionals.length}); see tdg generate --help`);
  if (!values.out) throw new CliError('--out PATH is required');
  const rows = values.rows === undefined ? undefined : Number(values.rows);
  if (rows !== undefined && !(Number.isInteger(rows) && rows >= 0)) throw new CliError(`--rows: expected a whole number >= 0 (got "${values.rows}")`);
  const threads = values.threads === undefined ? availableParallelism() : Number(values.threads);
  if (!(Number.isInteger(threads) && threads >= 1)) throw new CliError(`--threads: expected a whole number >= 1 (got "${values.threads}")`);

  const authPassword = authPasswordOption(values['auth-password']);
  const given = parseDefinition(await readDefinition(positionals[0]));
  // Supabase auth.users: the users sign in with a known password, as after tdg seed (same seed, same password)
  const signIn = withSignInPassword(given, String(values.seed ?? given.seed ?? 0), authPassword);
  const definition = signIn?.definition ?? given;
  const options = { seed: values.seed, rows, table: values.table };
  const plan = compile(definition, options);
  const progress = process.stderr.isTTY ? new ProgressBar(plan.tables.reduce((n, t) => n + t.rows, 0)) : undefined;
  const started = performance.now();
  const realism = values.report === undefined ? undefined : new ReportBuilder(plan, definition);
  const written = await writeExport(plan, values.format!, values.out, (done) => progress?.update(done), realism, { count: threads, definition, options });
  progress?.finish();
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`wrote ${written.rows} rows to ${written.files.join(', ')} in ${seconds.toFixed(1)}s\n`);
  if (realism) process.stdout.write(await writeReportFile(values.report!, realism.report()));
  const users = signIn && plan.tables.find((t) => t.name === signIn.signIn.table)?.rows;
  if (signIn && users)
    process.stderr.write(
      `${signIn.signIn.relation.schema}.${signIn.signIn.relation.name}: ${users} users can sign in with password ${signIn.signIn.password}\n`,
    );
  return 0;
}

async function readDefinition(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * The only place that knows formats: the plan's tables, streamed into the formats module's writers
 * (and the report, if any). With more than one thread the tables are generated in row ranges on
 * worker threads (generate-threads.ts); with one, in this thread as they are written.
 */
export async function writeExport(
  plan: Plan,
  format: string,
  out: string,
  onRows: (rowsDone: number) => void,
  report?: ReportBuilder,
  threads?: GenerateThreads,
): Promise<{ rows: number; files: string[] }> {
  const [formats, { targetFor }, { threadedTables }] = await Promise.all([
    import('../../formats/index.js'),
    import('../output-target.js'),
    import('../generate-threads.js'),
  ]);
  const parsedFormat = formats.parseFormat(format);
  const source =
    threads && threads.count > 1
      ? await threadedTables(plan, parsedFormat, threads, report)
      : {
          tables: plan.tables.map((shape) => {
            const batches = generateRows(plan, shape.name, 0, shape.rows);
            return { shape, batches: report ? report.passing(shape.name, 0, batches) : batches };
          }),
          close: async () => {},
        };
  try {
    const result = await formats.writeExport({ format: parsedFormat, tables: source.tables }, targetFor(parsedFormat, out, source.tables.length), (p) =>
      onRows(p.rowsDone),
    );
    return { rows: result.rows, files: result.files };
  } finally {
    await source.close();
  }
}

class ProgressBar {
  private last = 0;
  private readonly started = performance.now();
  constructor(private readonly total: number) {}

  update(done: number): void {
    const now = performance.now();
    if (now - this.last < 100 && done < this.total) return;
    this.last = now;
    const fraction = this.total === 0 ? 1 : done / this.total;
    const width = 30;
    const filled = Math.round(fraction * width);
    const rate = done / Math.max(0.001, (now - this.started) / 1000);
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${done}/${this.total} rows ${Math.round(rate)} rows/s`,
    );
  }

  finish(): void {
    process.stderr.write('\n');
  }
}
