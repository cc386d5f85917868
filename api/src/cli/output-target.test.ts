// The CLI's --out rule: a file when the format's one file holds the export, else a zip or a directory.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchesOf, fixtureTables } from '../formats/testing/fixtures.js';
import { EXPORT_FORMATS, FORMATS, writeExport } from '../formats/index.js';
import { targetFor } from './output-target.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tdg-cli-out-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('targetFor (--out)', () => {
  it('one file for sql/json/xlsx or one table; a directory or a zip for several csv/ndjson tables', () => {
    for (const f of ['sql', 'json', 'xlsx'] as const) expect(targetFor(f, 'out.x', 3)).toEqual({ kind: 'file', path: 'out.x' });
    expect(targetFor('csv', 'one.csv', 1)).toEqual({ kind: 'file', path: 'one.csv' });
    expect(targetFor('ndjson', 'out', 2)).toEqual({ kind: 'directory', path: 'out' });
    expect(targetFor('csv', 'out.ZIP', 2)).toEqual({ kind: 'zip', path: 'out.ZIP' });
  });

  it('keeps the path as given and chooses by the registry: a file iff the format holds several tables or there is at most one', () => {
    for (const format of EXPORT_FORMATS)
      for (const count of [0, 1, 2, 5])
        for (const out of ['out', 'out.zip', 'a/b/OUT.Zip', `x.${format}`, 'dir.zip/']) {
          const target = targetFor(format, out, count);
          expect(target).toEqual({ kind: target.kind, path: out });
          const kind = FORMATS[format].holdsSeveralTables || count <= 1 ? 'file' : /\.zip$/i.test(out) ? 'zip' : 'directory';
          expect(target.kind, `${format} ${count} ${out}`).toBe(kind);
        }
  });

  it.each(EXPORT_FORMATS)('%s: the target chosen for two tables is one writeExport takes, with files of the format (or a zip)', async (format) => {
    const tables = fixtureTables().map((t) => ({ shape: t.shape, batches: batchesOf(t.rows, 5) }));
    for (const name of ['out.zip', 'out']) {
      const d = await mkdtemp(join(dir, `${format}-`));
      const result = await writeExport({ format, tables }, targetFor(format, join(d, name), tables.length));
      const files = result.files.map((f) => extname(f).slice(1));
      if (FORMATS[format].holdsSeveralTables) expect(files).toEqual([name === 'out' ? '' : 'zip']);
      else if (name === 'out.zip') expect(files).toEqual(['zip']);
      else expect(files).toEqual(tables.map(() => FORMATS[format].extension));
      expect((await readdir(d)).length).toBe(1);
    }
  });
});
