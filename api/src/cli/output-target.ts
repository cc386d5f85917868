// Where `tdg generate --out PATH` writes: the CLI's rule over the formats' facts.
import { isOneFile, type ExportFormat, type Target } from '../formats/index.js';

/**
 * The `--out` rule: one file when the format's file can hold the export (a format that holds
 * several tables, or a single table), else one file per table, zipped when PATH ends in `.zip`
 * (any case), in the directory PATH otherwise.
 */
export function targetFor(format: ExportFormat, out: string, tableCount: number): Target {
  if (isOneFile(format, tableCount)) return { kind: 'file', path: out };
  return /\.zip$/i.test(out) ? { kind: 'zip', path: out } : { kind: 'directory', path: out };
}
