import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirError, prepareDataDir } from './data-dir.js';

let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tdg-data-dir-'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('prepareDataDir', () => {
  it('creates missing folders and leaves no probe file behind', async () => {
    const dir = join(base, 'a', 'b', 'c');
    expect(await prepareDataDir(dir)).toBe(dir);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['/proc/tdg-test-data', /cannot create \/proc\/tdg-test-data/],
    ['/proc/self', /cannot write files in it/],
  ])('refuses %s with a message naming the variable, at once', async (dir, reason) => {
    await expect(prepareDataDir(dir)).rejects.toThrow(DataDirError);
    await expect(prepareDataDir(dir)).rejects.toThrow(reason);
    await expect(prepareDataDir(dir)).rejects.toThrow(/^TDG_DATA_DIR .*set TDG_DATA_DIR to a writable folder$/);
  });

  it('refuses a path through a file', async () => {
    const file = join(base, 'a-file');
    await writeFile(file, 'x');
    await expect(prepareDataDir(join(file, 'data'))).rejects.toThrow(/ENOTDIR|is not a folder/);
  });
});
