import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from './generate.js';
import { CliError } from '../errors.js';
import { DefinitionError } from '../../engine/index.js';
import type { Report } from '../../report/index.js';

let dir: string;
let definitionPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tdg-generate-'));
  definitionPath = join(dir, 'definition.json');
  await writeFile(
    definitionPath,
    JSON.stringify({
      version: 1,
      tables: [
        {
          name: 'users',
          rows: 300,
          fields: [
            { name: 'id', type: 'string.uuid' },
            { name: 'email', type: 'internet.email', unique: true },
            { name: 'joined', type: 'date.past' },
          ],
        },
        {
          name: 'orders',
          fields: [
            { name: 'user_id', type: 'ref', options: { table: 'users', field: 'id', childrenPerParent: { min: 1, max: 3 } } },
            { name: 'total', type: 'number.int', options: { min: 1, max: 99 } },
          ],
        },
      ],
    }),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lines = async (path: string) =>
  (await readFile(path, 'utf8'))
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('tdg generate', () => {
  it('writes one ndjson file for one table, byte-identical for the same seed', async () => {
    const a = join(dir, 'a.ndjson');
    const b = join(dir, 'b.ndjson');
    expect(await run([definitionPath, '--seed', '7', '--rows', '120', '--table', 'users', '--format', 'ndjson', '--out', a])).toBe(0);
    expect(await run([definitionPath, '--seed', '7', '--rows', '120', '--table', 'users', '--out', b])).toBe(0);
    expect(await readFile(a, 'utf8')).toBe(await readFile(b, 'utf8'));
    const rows = await lines(a);
    expect(rows).toHaveLength(120);
    expect(Object.keys(rows[0])).toEqual(['id', 'email', 'joined']);
    expect(new Date(rows[0].joined as string).toISOString()).toBe(rows[0].joined);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('writes a directory of per-table files when there are several tables; children follow parents', async () => {
    const out = join(dir, 'all');
    expect(await run([definitionPath, '--seed', '7', '--out', out])).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['orders.ndjson', 'users.ndjson']);
    const users = await lines(join(out, 'users.ndjson'));
    const orders = await lines(join(out, 'orders.ndjson'));
    expect(users).toHaveLength(300);
    expect(orders.length).toBeGreaterThanOrEqual(300);
    expect(orders.length).toBeLessThanOrEqual(900);
    const ids = new Set(users.map((u) => u.id));
    expect(orders.filter((o) => !ids.has(o.user_id))).toEqual([]);
  });

  it('writes every format: a file for sql, json and xlsx; a zip for several csv tables; the same rows in each', async () => {
    const sql = join(dir, 'out.sql');
    const json = join(dir, 'out.json');
    const xlsx = join(dir, 'out.xlsx');
    const zip = join(dir, 'out.zip');
    const csv = join(dir, 'users.csv');
    for (const [format, out, extra] of [
      ['sql', sql, []],
      ['json', json, []],
      ['xlsx', xlsx, []],
      ['csv', zip, []],
      ['csv', csv, ['--table', 'users']],
    ] as const) {
      expect(await run([definitionPath, '--seed', '7', '--format', format, '--out', out, ...extra])).toBe(0);
    }
    const fromJson = JSON.parse(await readFile(json, 'utf8')) as { users: Record<string, unknown>[]; orders: unknown[] };
    const fromNdjson = await lines(join(dir, 'all', 'users.ndjson'));
    expect(fromJson.users).toEqual(fromNdjson);
    expect((await readFile(sql, 'utf8')).match(/insert into/gi)?.length).toBeGreaterThan(0);
    expect((await readFile(zip)).subarray(0, 2).toString()).toBe('PK');
    expect((await readFile(xlsx)).subarray(0, 2).toString()).toBe('PK');
    const csvLines = (await readFile(csv, 'utf8')).trimEnd().split('\r\n');
    expect(csvLines[0]).toBe('id,email,joined');
    expect(csvLines.slice(1).map((line) => line.split(',')[0])).toEqual(fromNdjson.map((u) => u.id));
  });

  it('writes the same zip and workbook on any day (entries carry a fixed date)', async () => {
    const again = join(dir, 'again.zip');
    expect(await run([definitionPath, '--seed', '7', '--format', 'csv', '--out', again])).toBe(0);
    const zip = await readFile(again);
    expect(zip.equals(await readFile(join(dir, 'out.zip')))).toBe(true);
    // the first entry's DOS date (local file header, offset 12) is the fixed one, not today's
    const fixed = new Date('2000-01-01T00:00:00Z');
    const dosDate = ((fixed.getFullYear() - 1980) << 9) | ((fixed.getMonth() + 1) << 5) | fixed.getDate();
    expect(zip.readUInt16LE(12)).toBe(dosDate);
    // likewise a workbook, whose first entries exceljs writes while it is being constructed
    expect((await readFile(join(dir, 'out.xlsx'))).readUInt16LE(12)).toBe(dosDate);
  });

  it('refuses an unknown format, naming it and the known ones, and writes nothing', async () => {
    await expect(run([definitionPath, '--format', 'parquet', '--out', join(dir, 'p.out')])).rejects.toThrow(/parquet.*csv/s);
    expect((await readdir(dir)).filter((f) => f.startsWith('p.out'))).toEqual([]);
  });

  it('reports user mistakes as errors that name the place', async () => {
    await expect(run([definitionPath, '--seed', '1'])).rejects.toThrow(CliError);
    await expect(run([definitionPath, '--rows', 'many', '--out', join(dir, 'x')])).rejects.toThrow(/--rows/);
    await expect(run([join(dir, 'missing.json'), '--out', join(dir, 'x')])).rejects.toThrow(/cannot read/);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ version: 1, tables: [{ name: 't', fields: [{ name: 'n', type: 'number.int', options: { min: 5, max: 2 } }] }] }));
    await expect(run([bad, '--out', join(dir, 'x')])).rejects.toThrow(DefinitionError);
    await expect(run([bad, '--out', join(dir, 'x')])).rejects.toThrow('tables[0].fields[0].options.max: must be >= min (got 2 < 5)');
    await writeFile(bad, '{ not json');
    await expect(run([bad, '--out', join(dir, 'x')])).rejects.toThrow(/not valid JSON/);
    expect((await readdir(dir)).filter((f) => f === 'x' || f.includes('.tmp'))).toEqual([]);
  });

  it('writes the realism report with --report and prints its summary; a violated CHECK shows its rows', async () => {
    const checked = join(dir, 'checked.json');
    const definition = JSON.parse(await readFile(definitionPath, 'utf8')) as { tables: Record<string, unknown>[] };
    // total is 1..99 and the CHECK wants more than 95: redraws leave some rows failing
    definition.tables[1].checks = [{ name: 'big_total', expr: 'total > 95', redraw: ['total'] }];
    await writeFile(checked, JSON.stringify(definition));
    const reportPath = join(dir, 'report.json');
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    try {
      expect(await run([checked, '--seed', '7', '--out', join(dir, 'reported'), '--report', reportPath])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const report = JSON.parse(await readFile(reportPath, 'utf8')) as Report;
    const orders = await lines(join(dir, 'reported', 'orders.ndjson'));
    expect(report.tables.map((t) => [t.name, t.rows])).toEqual([
      ['users', 300],
      ['orders', orders.length],
    ]);
    const check = report.rules.find((r) => r.kind === 'check')!;
    const failing = orders.flatMap((o, i) => ((o.total as number) > 95 ? [] : [i]));
    expect(failing.length).toBeGreaterThan(0);
    expect(check).toMatchObject({ checked: orders.length, violations: failing.length, examples: failing.slice(0, 5) });
    expect(report.rules.filter((r) => r.kind !== 'check').every((r) => r.violations === 0)).toBe(true);
    expect(out).toContain(`realism: ${report.rules.length} rules, ${failing.length} violations (in 1 rule); report in ${reportPath}`);
    expect(out).toContain(`orders check big_total: total > 95: ${failing.length} of ${orders.length} rows (rows ${failing.slice(0, 5).join(', ')}`);
  });
});
