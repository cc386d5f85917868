import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CliError } from '../errors.js';
import { parseRows } from './import-sql.js';
import { withNoDelay } from '../../db/no-delay.js';

export const summary =
  'introspect <postgres-url> [--schema public]... [--out definition.json] [--rows N] [--json]: live database → definition (the same as import-sql of its DDL), with a table of column → generator → reason';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      schema: { type: 'string', multiple: true },
      out: { type: 'string', short: 'o' },
      rows: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      json: { type: 'boolean' },
    },
  });
  const [url] = positionals;
  if (!url) throw new CliError(`usage: tdg ${summary}`);
  const rows = parseRows(values.rows);
  const { default: postgres } = await import('postgres');
  const { introspect, ImportError } = await import('../../import/index.js');
  const sql = postgres(url, withNoDelay({ max: 1, onnotice: () => {} }));
  try {
    const result = await introspect((text, params) => sql.unsafe(text, params as never[]), {
      schemas: values.schema?.length ? values.schema : ['public'],
      ...(rows === undefined ? {} : { rows }),
    });
    const { writeImportReport } = await import('../import-report.js');
    const json = `${JSON.stringify(result.definition, null, 2)}\n`;
    if (values.out) {
      await writeFile(values.out, json);
      process.stderr.write(`wrote ${values.out} (${result.definition.tables.length} tables)\n`);
    } else if (!values.json) process.stdout.write(json);
    writeImportReport(result, { json: Boolean(values.json), quiet: Boolean(values.quiet), place: () => '' });
    return 0;
  } catch (error) {
    if (error instanceof ImportError) throw new CliError(error.problems.map((p) => p.message).join('\n'));
    throw error;
  } finally {
    await sql.end();
  }
}
