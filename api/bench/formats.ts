// Formats benchmark: rows/s and MB/s per format for the 10-field table, each next to generation
// alone in the same run, the cost of the realism report on a CSV export, and the peak RSS of a
// 10M-row CSV export in a child process.
import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RowBatch } from '../src/engine/index.js';
import { compile, generateRows, parseDefinition, type Plan } from '../src/engine/index.js';
import { writeExport, type ExportFormat } from '../src/formats/index.js';
import { ReportBuilder, reportSummary } from '../src/report/index.js';
import { tenFieldDefinition } from './ten-fields.js';

const BATCH = 1000;

/** Swallows bytes, counting them: the figures measure the formats, not a disk. */
class Discard extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _enc: BufferEncoding, callback: () => void): void {
    this.bytes += chunk.length;
    callback();
  }
}

function planFor(rows: number): Plan {
  return compile(tenFieldDefinition(rows));
}

function timeGeneration(plan: Plan, rows: number): number {
  const started = performance.now();
  let n = 0;
  for (const batch of generateRows(plan, 'people', 0, rows, BATCH)) n += batch.length;
  if (n !== rows) throw new Error(`generated ${n} rows, expected ${rows}`);
  return (performance.now() - started) / 1000;
}

async function timeFormat(plan: Plan, format: ExportFormat, rows: number, report?: ReportBuilder): Promise<{ seconds: number; bytes: number }> {
  const out = new Discard();
  const started = performance.now();
  const shape = plan.tables[0];
  const generated = generateRows(plan, shape.name, 0, rows, BATCH);
  const batches = report ? report.passing(shape.name, 0, generated) : generated;
  const result = await writeExport({ format, tables: [{ shape, batches }] }, { kind: 'stream', stream: out });
  if (result.rows !== rows) throw new Error(`${format}: wrote ${result.rows} rows, expected ${rows}`);
  return { seconds: (performance.now() - started) / 1000, bytes: out.bytes };
}

/** The format on its own: the same pre-generated batches written over and over. */
async function timeFormatAlone(plan: Plan, format: ExportFormat, rows: number): Promise<number> {
  const shape = plan.tables[0];
  const sample = [...generateRows(plan, shape.name, 0, Math.min(rows, 20_000), BATCH)];
  function* repeat(): Generator<RowBatch> {
    for (let done = 0; done < rows;) {
      for (const batch of sample) {
        if (done >= rows) return;
        yield batch;
        done += batch.length;
      }
    }
  }
  const started = performance.now();
  await writeExport({ format, tables: [{ shape, batches: repeat() }] }, { kind: 'stream', stream: new Discard() });
  return (performance.now() - started) / 1000;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function bench(opts: { quick: boolean }): Promise<void> {
  const rows = opts.quick ? 100_000 : 1_000_000;
  // exceljs is an order of magnitude slower than the rest: a smaller run gives its rate
  const xlsxRows = opts.quick ? 20_000 : 200_000;
  const plan = planFor(rows);
  console.log(`formats: 10-field table, ${fmt(rows)} rows (xlsx ${fmt(xlsxRows)}), batches of ${BATCH}, output discarded`);
  timeGeneration(plan, Math.min(rows, 50_000)); // warm-up
  for (const format of ['csv', 'ndjson', 'sql', 'json', 'xlsx'] as const) {
    const n = format === 'xlsx' ? xlsxRows : rows;
    // generation alone right before each format, so both see the same machine load
    const generation = timeGeneration(plan, n);
    const { seconds, bytes } = await timeFormat(plan, format, n);
    const ratio = generation / seconds;
    const aloneRows = Math.min(n, format === 'xlsx' ? 20_000 : 200_000);
    const alone = await timeFormatAlone(plan, format, aloneRows);
    console.log(
      `  ${format.padEnd(6)} ${fmt(n / seconds).padStart(9)} rows/s ${(bytes / 1e6 / seconds).toFixed(1).padStart(6)} MB/s ` +
        `${(bytes / 1e6).toFixed(0).padStart(5)} MB | generation alone ${fmt(n / generation).padStart(9)} rows/s | ` +
        `ratio ${ratio.toFixed(2)}${format === 'xlsx' ? '' : ratio >= 0.85 ? ' (target ≥ 0.85 met)' : ' (target ≥ 0.85 MISSED)'} | ` +
        `format alone ${fmt(aloneRows / alone)} rows/s`,
    );
  }
  await benchReport(opts.quick ? 100_000 : 500_000);
  const rssRows = opts.quick ? 200_000 : 10_000_000;
  const { maxRssKb, seconds } = await peakRssOfCsvExport(rssRows);
  console.log(
    `  csv peak RSS at ${fmt(rssRows)} rows: ${(maxRssKb / 1024).toFixed(0)} MB (target < 300 MB) in ${seconds.toFixed(0)} s, ${fmt(rssRows / seconds)} rows/s`,
  );
}

/**
 * The realism report's cost: a CSV export of the 10-field table with and without the report,
 * alternated three times in this process (the best run of each); once with column statistics
 * only, once with its id a primary key as well (a unique check: a map of keys, sampled past 50,000).
 */
export async function benchReport(rows: number): Promise<void> {
  for (const keyed of [false, true]) {
    const definition = parseDefinition(tenFieldDefinition(rows));
    if (keyed) definition.tables[0].primaryKey = ['id'];
    const plan = compile(definition);
    const without: number[] = [];
    const withReport: number[] = [];
    let summary = '';
    for (let run = 0; run < 3; run++) {
      without.push((await timeFormat(plan, 'csv', rows)).seconds);
      const report = new ReportBuilder(plan, definition);
      withReport.push((await timeFormat(plan, 'csv', rows, report)).seconds);
      summary = reportSummary(report.report());
    }
    const plain = Math.min(...without);
    const reported = Math.min(...withReport);
    const overhead = (reported / plain - 1) * 100;
    console.log(
      `  csv + realism report ${fmt(rows / reported).padStart(9)} rows/s | without ${fmt(rows / plain).padStart(9)} rows/s | ` +
        `overhead ${overhead.toFixed(1)} % ${overhead <= 10 ? '(target ≤ 10 % met)' : '(target ≤ 10 % MISSED)'} | ${fmt(rows)} rows, ${keyed ? 'id a primary key' : 'columns only'}: ${summary}`,
    );
  }
}

/** Runs a CSV export of `rows` rows to /dev/null in a child process and reads its maxRSS. */
function peakRssOfCsvExport(rows: number): Promise<{ maxRssKb: number; seconds: number }> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', self, '--csv-rss-child', String(rows)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const match = /maxRss=(\d+) seconds=([\d.]+)/.exec(out);
      if (code !== 0 || !match) reject(new Error(`csv RSS child exited with ${code}: ${out.trim()}`));
      else resolve({ maxRssKb: Number(match[1]), seconds: Number(match[2]) });
    });
  });
}

async function csvRssChild(rows: number): Promise<void> {
  const plan = planFor(rows);
  const { seconds } = await timeFormat(plan, 'csv', rows);
  console.log(`maxRss=${process.resourceUsage().maxRSS} seconds=${seconds.toFixed(1)}`);
}

// run as a script (by peakRssOfCsvExport), not when bench/main.ts imports this part
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv[2] === '--csv-rss-child') {
  await csvRssChild(Number(process.argv[3]));
}
