// `--report PATH` of tdg generate and tdg seed: the realism report as JSON, and its one-line summary.
import { writeFile } from 'node:fs/promises';
import { type Report, reportSummary } from '../report/index.js';
import { CliError } from './errors.js';

/** Writes the report to `path` and returns the line to print ("12 rules, 0 violations; report in PATH"). */
export async function writeReportFile(path: string, report: Report): Promise<string> {
  try {
    await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  } catch (error) {
    throw new CliError(`--report ${path}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const broken = report.rules.filter((r) => r.violations > 0).slice(0, 5);
  const lines = broken.map(
    (r) => `  ${r.name}: ${r.violations} of ${r.checked} rows (rows ${r.examples.join(', ')}${r.violations > r.examples.length ? ', …' : ''})`,
  );
  return [`realism: ${reportSummary(report)}; report in ${path}`, ...lines].join('\n') + '\n';
}
