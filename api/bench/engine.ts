// Engine bench: rows/s of the 10-field table, and of three related tables using the relational
// primitives (relational.ts), each against a plain `faker.seed(42)` loop making the same columns in
// the same process; peak RSS (child process per size) to show memory stays flat.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { faker } from '@faker-js/faker';
import { compile, DEFAULT_REFERENCE_DATE, generateRows } from '../src/engine/index.js';
import { catalogTypeRates, plainFakerRate } from './catalog-types.js';
import { plainRelationalRows, relationalDefinition } from './relational.js';
import { plainFakerRow, tenFieldDefinition } from './ten-fields.js';

const here = dirname(fileURLToPath(import.meta.url));

export async function bench(opts: { quick: boolean }): Promise<void> {
  const rows = opts.quick ? 100_000 : 1_000_000;
  console.log(`engine: 10-field table, ${rows.toLocaleString('en')} rows`);
  // halves interleaved, so a change in machine load hits both sides alike
  let plainMs = 0;
  let engineMs = 0;
  const plan = compile(tenFieldDefinition(rows));
  faker.seed(42);
  faker.setDefaultRefDate(new Date(DEFAULT_REFERENCE_DATE));
  const half = Math.floor(rows / 2);
  for (const [start, end] of [
    [0, half],
    [half, rows],
  ]) {
    let t = performance.now();
    let sink = 0;
    for (let i = start; i < end; i++) sink += plainFakerRow(faker).length;
    plainMs += performance.now() - t;
    t = performance.now();
    for (const batch of generateRows(plan, 'people', start, end)) sink += batch.length;
    engineMs += performance.now() - t;
    if (sink < 0) console.log(sink);
  }
  const plainRate = rows / (plainMs / 1000);
  const engineRate = rows / (engineMs / 1000);
  console.log(`  plain faker.seed(42) loop: ${fmt(plainRate)} rows/s`);
  console.log(`  engine generateRows:       ${fmt(engineRate)} rows/s`);
  console.log(`  ratio engine / plain:      ${(engineRate / plainRate).toFixed(2)} (target >= 1.0)`);

  catalogueTypes(opts.quick ? 20_000 : 100_000);

  const sizes = opts.quick ? [100_000, 1_000_000] : [1_000_000, 10_000_000];
  for (const size of sizes) {
    const result = await peakRss(size, 'ten');
    console.log(
      `  peak RSS at ${size.toLocaleString('en')} rows: ${result.maxRssMB.toFixed(0)} MB (${fmt(result.rows / result.seconds)} rows/s in the child; target < 300 MB, flat)`,
    );
  }

  relational(rows);
  for (const size of sizes) {
    const result = await peakRss(size, 'relational');
    console.log(
      `  peak RSS at ${result.rows.toLocaleString('en')} rows: ${result.maxRssMB.toFixed(0)} MB (${fmt(result.rows / result.seconds)} rows/s in the child; flat)`,
    );
  }
}

const TYPE_TARGET = 200_000;

/** The slowest ten catalogue types by values/s, each beside faker's own method in a plain loop. */
function catalogueTypes(rows: number): void {
  const rates = catalogTypeRates(rows);
  const below = rates.filter((r) => r.rate < TYPE_TARGET);
  console.log(
    `engine: values per CPU second per catalogue type (${rates.length} types, ${rows.toLocaleString('en')} values each, one-field table, best of 3 rounds; ${below.length} below the target ${fmt(TYPE_TARGET)}${below.length > 0 ? `: ${below.map((r) => r.id).join(', ')}` : ''}); slowest ten:`,
  );
  for (const { id, rate } of rates.slice(0, 10)) {
    const plain = plainFakerRate(id, rows);
    const beside = plain === undefined ? '' : `  (plain faker ${fmt(plain)}/s, ${(rate / plain).toFixed(2)}x)`;
    console.log(`  ${id.padEnd(30)} ${fmt(rate).padStart(11)} values/s${beside}`);
  }
}

/** Three related tables (customers, addresses, orders) against the same columns from plain faker. */
function relational(rows: number): void {
  const plan = compile(relationalDefinition(rows));
  const total = plan.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `engine: three related tables (lookups, inequalities, scoped ref, many-to-many, exactly-one, profiles), ${total.toLocaleString('en')} rows (${plan.tables.map((t) => `${t.name} ${t.rows.toLocaleString('en')}`).join(', ')})`,
  );
  faker.seed(42);
  faker.setDefaultRefDate(new Date(DEFAULT_REFERENCE_DATE));
  let plainMs = 0;
  let engineMs = 0;
  let plainRows = 0;
  let sink = 0;
  const customers = plan.tables[0].rows;
  // halves interleaved, as above: each half of every table, then the plain loop's half of the customers
  for (const h of [0, 1]) {
    let t = performance.now();
    plainRows += plainRelationalRows(faker, h === 0 ? Math.floor(customers / 2) : customers - Math.floor(customers / 2), (row) => (sink += row.length));
    plainMs += performance.now() - t;
    t = performance.now();
    for (const table of plan.tables) {
      const half = Math.floor(table.rows / 2);
      for (const batch of generateRows(plan, table.name, h === 0 ? 0 : half, h === 0 ? half : table.rows)) sink += batch.length;
    }
    engineMs += performance.now() - t;
  }
  if (sink < 0) console.log(sink);
  const plainRate = plainRows / (plainMs / 1000);
  const engineRate = total / (engineMs / 1000);
  console.log(`  plain faker.seed(42) loop: ${fmt(plainRate)} rows/s (same columns, no relations kept)`);
  console.log(`  engine generateRows:       ${fmt(engineRate)} rows/s`);
  console.log(`  ratio engine / plain:      ${(engineRate / plainRate).toFixed(2)} (target >= 1.0)`);
}

async function peakRss(rows: number, definition: 'ten' | 'relational'): Promise<{ rows: number; seconds: number; maxRssMB: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'support', 'engine-peak-rss.ts'), String(rows), definition], {
    cwd: join(here, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`peak-RSS child for ${rows} rows exited with ${code}`);
  return JSON.parse(out.trim()) as { rows: number; seconds: number; maxRssMB: number };
}

function fmt(rate: number): string {
  return Math.round(rate).toLocaleString('en');
}
