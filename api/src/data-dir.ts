// The data directory (TDG_DATA_DIR) is checked once, before anything is opened in it: created one
// folder at a time (Node's recursive mkdir loops forever under /proc) and proven writable by
// writing a file (root passes every permission check, so access() proves nothing).
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export class DataDirError extends Error {
  override name = 'DataDirError';
  constructor(
    message: string,
    /** The errno code behind it (ENOENT, EACCES …), when there is one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

const reason = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** Creates `dir` if needed and checks that files can be written in it; resolves to its absolute path. */
export async function prepareDataDir(dir: string, variable = 'TDG_DATA_DIR'): Promise<string> {
  const absolute = resolve(dir);
  const fail = (what: string, error?: unknown) =>
    new DataDirError(
      `${variable} ${dir}: ${what}${error === undefined ? '' : ` (${reason(error)})`}; set ${variable} to a writable folder`,
      error === undefined ? 'ENOTDIR' : reason(error),
    );
  const missing: string[] = [];
  for (let at = absolute; ; at = dirname(at)) {
    const info = await stat(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw fail(`cannot look at ${at}`, error);
    });
    if (info) {
      if (!info.isDirectory()) throw fail(`${at} is not a folder`);
      break;
    }
    if (dirname(at) === at) throw fail('no part of the path exists');
    missing.unshift(at);
  }
  for (const folder of missing) {
    await mkdir(folder).catch(async (error: NodeJS.ErrnoException) => {
      // someone else made it meanwhile
      if (error.code === 'EEXIST' && (await lstat(folder).catch(() => undefined))?.isDirectory()) return;
      throw fail(`cannot create ${folder}`, error);
    });
  }
  const probe = `${absolute}/.tdg-write-check-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(probe, 'ok', { flag: 'wx' });
  } catch (error) {
    throw fail('cannot write files in it', error);
  }
  await rm(probe, { force: true });
  return absolute;
}
