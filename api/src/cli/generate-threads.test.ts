// Threads must not change the output: every format's file is the same bytes with 1, 2 or 3
// threads, ranges made by workers and by this thread alike, and a failure leaves no file.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compile, parseDefinition, type Definition } from '../engine/index.js';
import { EXPORT_FORMATS, writeExport as writeFormats, type ExportFormat } from '../formats/index.js';
import { ReportBuilder } from '../report/index.js';
import { GeneratorPool } from '../seed/generator-pool.js';
import { run, writeExport } from './commands/generate.js';
import { threadedTables } from './generate-threads.js';
import { targetFor } from './output-target.js';

// several tables with references; row counts that are not multiples of the range size (256), one
// smaller than a range, one empty; values that need quoting and escaping in every format
const definition: Definition = parseDefinition({
  version: 1,
  seed: 'threads',
  tables: [
    {
      name: 'users',
      rows: 1000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'email', type: 'internet.email', unique: true },
        { name: 'joined', type: 'date.past' },
        { name: 'active', type: 'datatype.boolean' },
        { name: 'motto', type: 'pick', options: { values: ['plain', 'a, "quoted"\nline', 'é 漢 😀', '=SUM(A1)', ''] }, nullRate: 0.2 },
      ],
    },
    {
      name: 'orders',
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'user_id', type: 'ref', options: { table: 'users', field: 'id', childrenPerParent: { min: 1, max: 3 } } },
        { name: 'total', type: 'number.float', options: { min: 1, max: 999, fractionDigits: 2 } },
        { name: 'placed_at', type: 'date.recent' },
      ],
    },
    { name: 'tags', rows: 37, fields: [{ name: 'name', type: 'lorem.word' }] },
    { name: 'archive', rows: 0, fields: [{ name: 'id', type: 'sequence' }] },
  ],
});
const plan = compile(definition);
const RANGE_ROWS = 256;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tdg-threads-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** csv: a zip of one file per table; ndjson: a directory of them; json, sql, xlsx: one file. */
function outFor(format: ExportFormat, threads: number): string {
  return join(dir, `${format}-${threads}${format === 'csv' ? '.zip' : format === 'ndjson' ? '' : `.${format}`}`);
}

/** The files written, name → bytes (a directory's files by name). */
async function filesAt(path: string): Promise<Map<string, Buffer>> {
  if (!(await stat(path)).isDirectory()) return new Map([['', await readFile(path)]]);
  const names = (await readdir(path)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(path, name))] as const)));
}

/** An export on `threads` threads once every worker is up, so workers and this thread both make ranges. */
async function exportOnThreads(format: ExportFormat, threads: number, report?: ReportBuilder): Promise<number> {
  const source = await threadedTables(plan, format, { count: threads, definition, options: {}, rangeRows: RANGE_ROWS }, report);
  const chunk = vi.spyOn(GeneratorPool.prototype, 'chunk');
  try {
    await source.workersReady;
    await writeFormats({ format, tables: source.tables }, targetFor(format, outFor(format, threads), source.tables.length));
    return chunk.mock.calls.length;
  } finally {
    chunk.mockRestore();
    await source.close();
  }
}

describe('tdg generate --threads', () => {
  it.each(EXPORT_FORMATS)('%s: the same bytes with 1, 2 and 3 threads', { timeout: 120_000 }, async (format) => {
    // one thread: the single-thread path of tdg generate
    await writeExport(plan, format, outFor(format, 1), () => {});
    const one = await filesAt(outFor(format, 1));
    for (const threads of [2, 3]) {
      const byWorkers = await exportOnThreads(format, threads);
      // workers made some of the ranges (not every one: this thread makes some too)
      expect(byWorkers).toBeGreaterThan(0);
      const many = await filesAt(outFor(format, threads));
      expect([...many.keys()]).toEqual([...one.keys()]);
      for (const [name, bytes] of one) expect(many.get(name)!.equals(bytes), `${format} ${name} with ${threads} threads`).toBe(true);
    }
    // the rows are all there: one file a table for csv and ndjson, else every table in one file
    expect(one.size).toBe(format === 'ndjson' ? plan.tables.length : 1);
    if (format === 'json') {
      const tables = JSON.parse(one.get('')!.toString()) as Record<string, unknown[]>;
      expect(plan.tables.map((t) => tables[t.name].length)).toEqual(plan.tables.map((t) => t.rows));
    }
  });

  it('makes the same realism report whichever thread made which range', { timeout: 120_000 }, async () => {
    const single = new ReportBuilder(plan, definition);
    await writeExport(plan, 'ndjson', join(dir, 'reported-1'), () => {}, single);
    const threaded = new ReportBuilder(plan, definition);
    const source = await threadedTables(plan, 'ndjson', { count: 3, definition, options: {}, rangeRows: RANGE_ROWS }, threaded);
    try {
      await source.workersReady;
      await writeFormats({ format: 'ndjson', tables: source.tables }, targetFor('ndjson', join(dir, 'reported-3'), source.tables.length));
    } finally {
      await source.close();
    }
    expect(threaded.report()).toEqual(single.report());
  });

  it('starts no worker for an export of one range', async () => {
    const small = compile(definition, { rows: 10, table: 'tags' });
    const source = await threadedTables(small, 'csv', { count: 4, definition, options: { rows: 10, table: 'tags' } });
    expect(source.workers).toBe(0);
  });

  it('--threads N on the command line gives the bytes of --threads 1', { timeout: 120_000 }, async () => {
    const path = join(dir, 'cli.json');
    await writeFile(path, JSON.stringify(definition));
    // 6000 users: more than one range of the default size, so a worker starts
    for (const threads of ['1', '2'])
      expect(await run([path, '--rows', '6000', '--format', 'sql', '--threads', threads, '--out', join(dir, `cli-${threads}.sql`)])).toBe(0);
    expect((await readFile(join(dir, 'cli-2.sql'))).equals(await readFile(join(dir, 'cli-1.sql')))).toBe(true);
    await expect(run([path, '--threads', '0', '--out', join(dir, 'x.sql')])).rejects.toThrow('--threads: expected a whole number >= 1 (got "0")');
  });

  describe('a definition that fails while its rows are generated', () => {
    // no order qualifies as a parent of a shipment: the engine throws at the first shipment row
    const failing = parseDefinition({
      version: 1,
      tables: [
        {
          name: 'orders',
          rows: 9000,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'status', type: 'pick', options: { values: ['pending', 'shipped'] } },
          ],
        },
        {
          name: 'shipments',
          rows: 9000,
          fields: [{ name: 'order_id', type: 'ref', options: { table: 'orders', field: 'id', where: { path: 'status', in: ['lost'] } } }],
        },
      ],
    });
    const message = 'shipments.order_id: no orders row has status in ("lost")';

    it('a worker reports the engine’s error for its range', { timeout: 60_000 }, async () => {
      const pool = new GeneratorPool(failing, {}, 1, undefined, 'csv');
      try {
        await pool.untilReady;
        await expect(pool.chunk('orders', 0, 100)).resolves.toBeInstanceOf(Uint8Array);
        await expect(pool.chunk('shipments', 4096, 8192)).rejects.toThrow(message);
      } finally {
        await pool.close();
      }
    });

    it('fails the command with that error and leaves no file behind', { timeout: 60_000 }, async () => {
      const path = join(dir, 'failing.json');
      await writeFile(path, JSON.stringify(failing));
      const before = await readdir(dir);
      for (const [format, out] of [
        ['sql', join(dir, 'failed.sql')],
        ['csv', join(dir, 'failed.zip')],
        ['ndjson', join(dir, 'failed')],
      ])
        await expect(run([path, '--format', format, '--threads', '3', '--out', out])).rejects.toThrow(message);
      expect(await readdir(dir)).toEqual(before);
    });
  });
});
