import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Open } from 'unzipper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RowBatch } from '../engine/shape.js';
import { EXPORT_FORMATS, ExportWriteError, FormatError, parseFormat, writeExport, type ExportFormat, type TableSource } from './index.js';
import { batchesOf, fixtureTables, users, userRows } from './testing/fixtures.js';
import { readCsv } from './testing/readers.js';
import { MemoryWritable, render } from './testing/render.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tdg-formats-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sources = (size = 5): TableSource[] => fixtureTables().map((t) => ({ shape: t.shape, batches: batchesOf(t.rows, size) }));
const fresh = async (name: string) => {
  const d = join(dir, name);
  await mkdir(d);
  return d;
};

/** Many batches of the users table, so a run can be stopped half-way. */
function* manyUserBatches(count: number): Generator<RowBatch> {
  const rows = userRows();
  for (let i = 0; i < count; i++) yield rows.map((r) => [r[0] === null ? null : `${String(r[0]).slice(0, 24)}${String(i).padStart(12, '0')}`, ...r.slice(1)]);
}

/** Fails with ENOSPC once `limit` bytes have arrived, as a full disk does. */
class FullDisk extends Writable {
  received = 0;
  constructor(readonly limit: number) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.received += chunk.length;
    if (this.received > this.limit) callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    else callback();
  }
}

describe('formats and targets', () => {
  it('parseFormat reads names case-insensitively and names the valid ones otherwise', () => {
    expect(parseFormat(' CSV ')).toBe('csv');
    expect(() => parseFormat('xml')).toThrow(FormatError);
    expect(() => parseFormat('xml')).toThrow('format: unknown export format "xml" (valid: csv, json, ndjson, sql, xlsx)');
  });

  it.each(EXPORT_FORMATS.filter((f) => f !== 'csv' && f !== 'ndjson'))('%s: writes one file holding every table, and nothing else', async (format) => {
    const d = await fresh(`file-${format}`);
    const path = join(d, `export.${format}`);
    const result = await writeExport({ format, tables: sources() }, { kind: 'file', path });
    expect(result.files).toEqual([path]);
    expect(result.rows).toBe(fixtureTables().reduce((n, t) => n + t.rows.length, 0));
    expect(result.bytes).toBe((await stat(path)).size);
    expect(await readdir(d)).toEqual([`export.${format}`]);
  });

  it('writes one <table>.csv per table into a directory, new or existing', async () => {
    for (const existing of [false, true]) {
      const out = join(dir, `csv-dir-${existing}`);
      if (existing) await mkdir(out);
      const result = await writeExport({ format: 'csv', tables: sources() }, { kind: 'directory', path: out });
      expect(result.files).toEqual([join(out, 'teams.csv'), join(out, 'users.csv')]);
      expect((await readdir(out)).sort()).toEqual(['teams.csv', 'users.csv']);
      expect(readCsv(await readFile(join(out, 'users.csv')))).toHaveLength(userRows().length + 1);
      expect((await readdir(dir)).filter((n) => n.includes('.tmp-'))).toEqual([]);
    }
  });

  it('puts several ndjson tables into a zip, each entry equal to the table written alone', async () => {
    const path = join(await fresh('zip'), 'all.zip');
    const result = await writeExport({ format: 'ndjson', tables: sources() }, { kind: 'zip', path });
    expect(result.bytes).toBe((await stat(path)).size);
    const zip = await Open.file(path);
    expect(zip.files.map((f) => f.path)).toEqual(['teams.ndjson', 'users.ndjson']);
    for (const [i, t] of fixtureTables().entries()) {
      expect((await zip.files[i].buffer()).equals(await render('ndjson', [t]))).toBe(true);
    }
  });

  it('streams several csv tables as a zip to a stream target', async () => {
    const out = new MemoryWritable();
    const result = await writeExport({ format: 'csv', tables: sources() }, { kind: 'stream', stream: out });
    expect(result.bytes).toBe(out.buffer.length);
    const zip = await Open.buffer(out.buffer);
    expect(zip.files.map((f) => f.path)).toEqual(['teams.csv', 'users.csv']);
  });

  it('reports progress per batch: rows climb to the total, bytes to what the stream got', async () => {
    const seen: { rowsDone: number; bytesWritten: number }[] = [];
    const out = new MemoryWritable();
    const result = await writeExport({ format: 'sql', tables: sources(4) }, { kind: 'stream', stream: out }, (p) => seen.push(p));
    expect(seen.length).toBe(fixtureTables().reduce((n, t) => n + Math.ceil(t.rows.length / 4), 0));
    seen.slice(1).forEach((p, i) => expect(p.rowsDone).toBeGreaterThan(seen[i].rowsDone));
    expect(seen.at(-1)!.rowsDone).toBe(result.rows);
    expect(result.bytes).toBe(out.buffer.length);
  });

  it('one table to a stream: batches in, bytes out, with counts, and the stream ended', async () => {
    const out = new MemoryWritable();
    const rows = userRows();
    const result = await writeExport({ format: 'ndjson', tables: [{ shape: users, batches: batchesOf(rows, 10) }] }, { kind: 'stream', stream: out });
    expect(result.rows).toBe(rows.length);
    expect(result.bytes).toBe(out.buffer.length);
    expect(out.buffer.equals(await render('ndjson', [{ shape: users, rows }]))).toBe(true);
    expect(out.writableFinished).toBe(true);
  });

  it('writes empty tables as valid documents', async () => {
    const empty = fixtureTables().map((t) => ({ shape: t.shape, rows: [] }));
    expect(JSON.parse((await render('json', empty)).toString())).toEqual({ teams: [], users: [] });
    expect(JSON.parse((await render('json', [empty[0]])).toString())).toEqual([]);
    expect((await render('ndjson', [empty[0]])).toString()).toBe('');
  });
});

describe('failures leave nothing under the target name', () => {
  it('rejects several csv tables into one file, and no tables at all', async () => {
    const path = join(dir, 'two.csv');
    await expect(writeExport({ format: 'csv', tables: sources() }, { kind: 'file', path })).rejects.toThrow(FormatError);
    await expect(writeExport({ format: 'csv', tables: [] }, { kind: 'file', path })).rejects.toThrow('tables: nothing to export (no tables)');
    expect(existsSync(path)).toBe(false);
  });

  it.each([
    ['sql', 'file'],
    ['xlsx', 'file'],
    ['csv', 'zip'],
    ['ndjson', 'directory'],
  ] as const)('%s to a %s: names the path and the cause when the path cannot be written', async (format, kind) => {
    const blocker = join(dir, `a-file-${format}`);
    await writeFile(blocker, 'x');
    for (const path of [join(dir, 'missing', 'out'), join(blocker, 'out')]) {
      const error = await writeExport({ format, tables: sources() }, { kind, path }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExportWriteError);
      expect((error as ExportWriteError).message).toMatch(new RegExp(`^${path}: cannot write \\((ENOENT|ENOTDIR)`));
      expect((error as Error).message).not.toContain('\n');
      expect(existsSync(path)).toBe(false);
    }
  });

  it.each(EXPORT_FORMATS)('%s: a full disk mid-way gives ExportWriteError naming ENOSPC', async (format) => {
    const disk = new FullDisk(2_000);
    const error = await writeExport({ format, tables: [{ shape: users, batches: manyUserBatches(200) }] }, { kind: 'stream', stream: disk }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExportWriteError);
    expect((error as ExportWriteError).code).toBe('WRITE_FAILED');
    expect((error as Error).message).toMatch(/^<stream>: cannot write \(ENOSPC/);
  });

  it.each(EXPORT_FORMATS)('%s: a reader that goes away mid-way fails the export instead of hanging', async (format) => {
    const out = new MemoryWritable();
    let batches = 0;
    const error = await writeExport(
      { format, tables: [{ shape: users, batches: manyUserBatches(200) }] },
      { kind: 'stream', stream: out },
      () => ++batches === 20 && out.destroy(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportWriteError);
    expect((error as Error).message).toMatch(/^<stream>: cannot write \(the output stream was closed before the end\)$/);
  });

  const targets = (format: ExportFormat, d: string) =>
    format === 'csv' || format === 'ndjson'
      ? ([
          { kind: 'file', path: join(d, 'one.' + format) },
          { kind: 'zip', path: join(d, 'many.zip') },
          { kind: 'directory', path: join(d, 'many') },
        ] as const)
      : ([{ kind: 'file', path: join(d, 'out.' + format) }] as const);

  it.each(EXPORT_FORMATS)('%s: aborting mid-way removes the temporary output', async (format) => {
    const d = await fresh(`abort-${format}`);
    for (const target of targets(format, d)) {
      const controller = new AbortController();
      const tableCount = target.kind === 'file' && (format === 'csv' || format === 'ndjson') ? 1 : 2;
      const tables: TableSource[] = [
        { shape: users, batches: manyUserBatches(500) },
        { shape: { ...users, name: 'users_copy' }, batches: manyUserBatches(5) },
      ].slice(0, tableCount);
      let batches = 0;
      const error = await writeExport({ format, tables }, target, () => ++batches === 50 && controller.abort(), controller.signal).catch((e: unknown) => e);
      expect(error, JSON.stringify(target)).toBeInstanceOf(ExportWriteError);
      expect((error as ExportWriteError).code).toBe('ABORTED');
      expect(await readdir(d), JSON.stringify(target)).toEqual([]);
    }
  });

  it('passes an error of the row source through untouched and cleans up', async () => {
    const d = await fresh('source-error');
    const boom = new Error('engine failed');
    function* failing(): Generator<RowBatch> {
      yield userRows();
      throw boom;
    }
    const error = await writeExport({ format: 'csv', tables: [{ shape: users, batches: failing() }] }, { kind: 'file', path: join(d, 'x.csv') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBe(boom);
    expect(await readdir(d)).toEqual([]);
  });
});

describe('backpressure', () => {
  // a slow reader: the writers must wait for it instead of piling bytes up in memory
  class SlowReader extends Writable {
    maxBuffered = 0;
    delivered = 0;
    constructor() {
      super({ highWaterMark: 16 * 1024 });
    }
    override _write(chunk: Buffer, _enc: BufferEncoding, callback: (error?: Error | null) => void): void {
      this.maxBuffered = Math.max(this.maxBuffered, this.writableLength);
      this.delivered += chunk.length;
      setImmediate(callback);
    }
  }

  // (xlsx is left out: exceljs' own XML building is far slower than any reader here, so the test
  // could not tell; its writer waits for the zip output to drain all the same)
  it.each(['csv', 'json', 'ndjson', 'sql'] as const)('%s: rows are pulled only as fast as a slow reader takes the bytes', async (format) => {
    const out = new SlowReader();
    let deliveredWhenSourceDone = -1;
    function* source(): Generator<RowBatch> {
      yield* manyUserBatches(300);
      deliveredWhenSourceDone = out.delivered;
    }
    await writeExport({ format, tables: [{ shape: users, batches: source() }] }, { kind: 'stream', stream: out });
    // without backpressure the source would be drained while the reader had taken only a little
    expect(deliveredWhenSourceDone / out.delivered).toBeGreaterThan(0.5);
  });

  it.each(['csv', 'json', 'ndjson', 'sql'] as const)('%s: never more than one batch beyond the stream buffer', async (format) => {
    const out = new SlowReader();
    const batchBytes = (await render(format, [{ shape: users, rows: userRows() }])).length;
    await writeExport({ format, tables: [{ shape: users, batches: manyUserBatches(300) }] }, { kind: 'stream', stream: out });
    expect(out.maxBuffered).toBeLessThanOrEqual(16 * 1024 + batchBytes);
  });
});
