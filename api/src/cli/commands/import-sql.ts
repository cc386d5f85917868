import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CliError } from '../errors.js';

export const summary =
  'import-sql <file.sql> [--out definition.json] [--rows N] [--json]: PostgreSQL DDL → definition, with a table of column → generator → reason (--json: all of it as data)';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, rows: { type: 'string' }, quiet: { type: 'boolean', short: 'q' }, json: { type: 'boolean' } },
  });
  const [file] = positionals;
  if (!file) throw new CliError(`usage: tdg ${summary}`);
  const rows = parseRows(values.rows);
  const sql = await readFile(file, 'utf8').catch((e: Error) => {
    throw new CliError(`cannot read ${file}: ${e.message}`);
  });
  const { importSql, ImportError } = await import('../../import/index.js');
  let result;
  try {
    result = importSql(sql, rows === undefined ? {} : { rows });
  } catch (error) {
    if (error instanceof ImportError) throw new CliError(error.problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    throw error;
  }
  const { writeImportReport } = await import('../import-report.js');
  const json = `${JSON.stringify(result.definition, null, 2)}\n`;
  if (values.out) {
    await writeFile(values.out, json);
    process.stderr.write(`wrote ${values.out} (${result.definition.tables.length} tables)\n`);
  } else if (!values.json) process.stdout.write(json);
  writeImportReport(result, { json: Boolean(values.json), quiet: Boolean(values.quiet), place: (n) => `${file}:${n.line}:${n.column}: ` });
  return 0;
}

export function parseRows(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const rows = Number(text);
  if (!Number.isInteger(rows) || rows < 0) throw new CliError(`--rows must be a non-negative integer (got ${text})`);
  return rows;
}
