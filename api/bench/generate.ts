// `tdg generate` bench: the 10-field people table to a CSV file with one thread and with one per
// core, in the same run (alternated, best of two each), with wall and CPU seconds and the ratio;
// beside them, the plain faker loop making the same columns and PostgreSQL's generate_series
// making similar columns as CSV (COPY … TO STDOUT): the ceilings tdg is held against.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { faker } from '@faker-js/faker';
import postgres from 'postgres';
import { writeExport } from '../src/cli/commands/generate.js';
import { compile, DEFAULT_REFERENCE_DATE } from '../src/engine/index.js';
import { plainFakerRow, tenFieldDefinition } from './ten-fields.js';

const SERVER = process.env.TDG_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Timed {
  seconds: number;
  cpuSeconds: number;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** `tdg generate` of the table to a CSV file on `threads` threads (CPU of every thread of this process). */
async function timeGenerate(rows: number, threads: number, dir: string): Promise<Timed> {
  const definition = tenFieldDefinition(rows);
  const out = join(dir, `people-${threads}.csv`);
  const started = performance.now();
  const cpu = cpuNow();
  // compiled inside the timing, as the command does
  const plan = compile(definition);
  const written = await writeExport(plan, 'csv', out, () => {}, undefined, { count: threads, definition, options: {} });
  const timed = { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuNow() - cpu };
  if (written.rows !== rows) throw new Error(`wrote ${written.rows} rows, expected ${rows}`);
  await rm(out);
  return timed;
}

function timePlainFaker(rows: number): Timed {
  faker.seed(42);
  faker.setDefaultRefDate(new Date(DEFAULT_REFERENCE_DATE));
  const started = performance.now();
  const cpu = cpuNow();
  let sink = 0;
  for (let i = 0; i < rows; i++) sink += plainFakerRow(faker).length;
  if (sink !== rows * 10) throw new Error('plain loop made short rows');
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuNow() - cpu };
}

// ten columns of the same kinds: uuid, two names and a company from small lists, an email, an
// age, a timestamp in the last 5 years, a city, a boolean and a sentence of lorem words (the
// subquery names i, so it is drawn again for every row)
const SERIES_SQL = (rows: number) => `copy (
  select gen_random_uuid(), (array['Ada','Grace','Alan','Edsger','Barbara','Donald'])[1 + floor(random() * 6)::int],
    (array['Lovelace','Hopper','Turing','Dijkstra','Liskov','Knuth'])[1 + floor(random() * 6)::int],
    'user' || i || '@example.com', 18 + floor(random() * 73)::int, now() - random() * interval '5 years',
    (array['Acme Inc','Globex','Initech','Umbrella'])[1 + floor(random() * 4)::int],
    (array['Paris','Lyon','Berlin','Oslo','Lima'])[1 + floor(random() * 5)::int], random() < 0.5,
    (select string_agg((array['lorem','ipsum','dolor','sit','amet','consectetur','adipiscing','elit'])[1 + floor(random() * 8)::int], ' ')
      from generate_series(1, 6) w where i > 0) || '.'
  from generate_series(1, ${rows}) i) to stdout with (format csv)`;

/** PostgreSQL making the rows as CSV, read and discarded by this process; CPU of the server's backend (from /proc), or undefined when it is not on this machine. */
async function timeGenerateSeries(rows: number): Promise<(Timed & { bytes: number }) | undefined> {
  const sql = postgres(SERVER, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    const [{ pid }] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const backendCpu = () => {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return undefined;
      }
    };
    const started = performance.now();
    const before = backendCpu();
    const cpu = cpuNow();
    let bytes = 0;
    for await (const chunk of await sql.unsafe(SERIES_SQL(rows)).readable()) bytes += (chunk as Buffer).length;
    const after = backendCpu();
    const seconds = (performance.now() - started) / 1000;
    return { seconds, cpuSeconds: cpuNow() - cpu + (before === undefined || after === undefined ? 0 : after - before), bytes };
  } catch (error) {
    console.log(`  PostgreSQL generate_series: no PostgreSQL at ${SERVER} (${(error as Error).message}); skipped`);
    return undefined;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** Linux's share of the last 10 s in which some runnable task waited for a CPU (/proc/pressure/cpu), if known. */
function cpuPressure(): string {
  try {
    const avg10 = /some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1];
    return avg10 === undefined ? '' : `, CPU pressure ${avg10} %`;
  } catch {
    return '';
  }
}

const best = (runs: Timed[]) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
const line = (label: string, rows: number, t: Timed) =>
  `  ${label.padEnd(44)} ${fmt(rows / t.seconds).padStart(9)} rows/s  ${t.seconds.toFixed(1).padStart(5)} s wall  ${t.cpuSeconds.toFixed(1).padStart(5)} CPU-s`;

export async function bench(opts: { quick: boolean }): Promise<void> {
  const rows = opts.quick ? 200_000 : 1_000_000;
  const cores = availableParallelism();
  console.log(
    `generate: 10-field people table, ${fmt(rows)} rows to a CSV file; ${cores} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}${cpuPressure()} (on a shared machine, threads share this process's part of the CPU: compare CPU-s)`,
  );
  const dir = await mkdtemp(join(tmpdir(), 'tdg-bench-generate-'));
  try {
    await timeGenerate(Math.min(rows, 20_000), 1, dir); // warm-up
    const one: Timed[] = [];
    const many: Timed[] = [];
    // alternated, so a change in the machine's load hits both alike
    for (let run = 0; run < 2; run++) {
      one.push(await timeGenerate(rows, 1, dir));
      many.push(await timeGenerate(rows, cores, dir));
    }
    const single = best(one);
    const threaded = best(many);
    const plain = timePlainFaker(rows);
    const series = await timeGenerateSeries(rows);
    console.log(line('tdg generate --threads 1', rows, single));
    console.log(line(`tdg generate --threads ${cores}`, rows, threaded));
    console.log(line('plain faker.seed(42) loop (values, no CSV)', rows, plain));
    if (series) console.log(line(`PostgreSQL generate_series → CSV (${(series.bytes / 1e6).toFixed(0)} MB)`, rows, series));
    const speedup = single.seconds / threaded.seconds;
    const target = cores >= 2 ? ` (target ≥ 1.7 on 2 cores ${speedup >= 1.7 ? 'met' : 'MISSED'})` : '';
    console.log(
      `  ratio --threads ${cores} / --threads 1:          ${speedup.toFixed(2)}${target}; CPU-s ${(threaded.cpuSeconds / single.cpuSeconds).toFixed(2)}×`,
    );
    console.log(
      `  ratio tdg / plain faker loop:                ${(plain.seconds / single.seconds).toFixed(2)} on 1 thread, ${(plain.seconds / threaded.seconds).toFixed(2)} on ${cores}`,
    );
    if (series)
      console.log(
        `  ratio tdg / PostgreSQL generate_series:      ${(series.seconds / single.seconds).toFixed(2)} on 1 thread, ${(series.seconds / threaded.seconds).toFixed(2)} on ${cores}`,
      );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
