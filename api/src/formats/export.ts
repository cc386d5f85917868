import { randomBytes } from 'node:crypto';
import { createWriteStream, WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import archiver from 'archiver';
import type { RowBatch, TableShape } from '../engine/shape.js';
import { openDocument } from './document.js';
import { ExportWriteError, FormatError } from './errors.js';
import type { FormatOptions } from './options.js';
import { isRendered, type PieceTableWriter, type RenderedRows } from './pieces.js';
import { FORMATS, isOneFile, parseFormat, type ExportFormat } from './registry.js';
import type { ExportDocument } from './writer.js';

const ZIP_ENTRY_DATE = new Date('2000-01-01T00:00:00Z');

export interface TableSource {
  shape: TableShape;
  /**
   * The table's rows in order: row batches, or rows rendered already by `exportPieces(...).rows`
   * (not for xlsx), which go to the output as they are.
   */
  batches: Iterable<RowBatch | RenderedRows> | AsyncIterable<RowBatch | RenderedRows>;
}

export interface ExportInput {
  format: ExportFormat;
  options?: FormatOptions;
  /** Parent-first, as the engine's plan lists them. */
  tables: TableSource[];
}

/**
 * Where an export goes. `file`: one file (a format that holds several tables, or one table).
 * `directory`: one `<table>.<ext>` per table. `zip`: those files in one zip. `stream`: the bytes of
 * one file, or of a zip when the format holds one table a file and there are several (see
 * `outputFileOf` in registry.ts); the stream is ended on success and destroyed on failure. Which
 * target a path names is the caller's rule (the CLI's is in cli/output-target.ts).
 */
export type Target =
  { kind: 'file'; path: string } | { kind: 'directory'; path: string } | { kind: 'zip'; path: string } | { kind: 'stream'; stream: Writable };

export interface ExportProgress {
  rowsDone: number;
  /** Bytes of export content so far (before zip compression for zip targets). */
  bytesWritten: number;
}

export interface ExportResult {
  /** Final paths written (empty for a stream target). */
  files: string[];
  rows: number;
  /** Bytes that reached the target: file sizes on disk, or bytes written to the stream. */
  bytes: number;
}

// An error thrown by the row source (the engine), passed on untouched rather than blamed on the target.
class SourceFailure {
  constructor(readonly error: unknown) {}
}

/**
 * Streams all tables in the format to the target. File targets are written under a temporary name
 * beside the target and renamed on success; on any failure nothing is left under the target name.
 * Throws FormatError for bad input and ExportWriteError (naming the path) for output failures.
 */
export async function writeExport(input: ExportInput, target: Target, onProgress?: (p: ExportProgress) => void, signal?: AbortSignal): Promise<ExportResult> {
  const format = parseFormat(input.format);
  const tables = input.tables;
  if (tables.length === 0) throw new FormatError('tables: nothing to export (no tables)');
  const oneFile = isOneFile(format, tables.length);
  if (target.kind === 'file' && !oneFile) {
    throw new FormatError(`${target.path}: ${format} writes one file per table; ${tables.length} tables need a directory or a .zip`);
  }
  const label = target.kind === 'stream' ? '<stream>' : target.path;
  const run = new ExportRun(format, input.options, tables, onProgress, signal);
  const outputs: Writable[] = [];
  // closing the outputs wakes a write that waits for 'drain'; the catch below reports the abort
  const onAbort = () => outputs.forEach((s) => s.destroy());
  signal?.addEventListener('abort', onAbort, { once: true });
  const temps: string[] = [];

  try {
    if (signal?.aborted) throw signal.reason;
    let files: string[] = [];
    if (target.kind === 'stream') {
      outputs.push(target.stream);
      if (oneFile) {
        await run.document(tables, target.stream);
        return { files, rows: run.rowsDone, bytes: run.bytesWritten };
      }
      const zipped = await run.zip(target.stream, outputs);
      return { files, rows: run.rowsDone, bytes: zipped };
    }
    const temp = tempNameFor(target.path);
    temps.push(temp);
    if (target.kind === 'file') {
      await run.document(tables, open(temp, outputs));
      await rename(temp, target.path);
      files = [target.path];
    } else if (target.kind === 'zip') {
      await run.zip(open(temp, outputs), outputs);
      await rename(temp, target.path);
      files = [target.path];
    } else {
      await mkdir(temp);
      const names = fileNames(tables, FORMATS[format].extension);
      for (let t = 0; t < tables.length; t++) await run.document([tables[t]], open(join(temp, names[t]), outputs));
      files = await moveInto(temp, target.path, names);
    }
    temps.length = 0;
    let bytes = 0;
    for (const f of files) bytes += (await stat(f)).size;
    return { files, rows: run.rowsDone, bytes };
  } catch (error) {
    for (const s of outputs) if (!s.destroyed) s.destroy();
    // a file stream destroyed while still opening creates its file after all: wait until it has
    // closed, or the temp is removed first and the file appears after
    await Promise.all(
      outputs.filter((s): s is WriteStream => s instanceof WriteStream && !s.closed).map((s) => new Promise<void>((done) => s.once('close', () => done()))),
    );
    // a temp that could not even be created (ENOTDIR...) is nothing to clean up
    await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }).catch(() => {})));
    if (error instanceof SourceFailure) throw error.error;
    if (error instanceof FormatError) throw error;
    if (signal?.aborted) throw new ExportWriteError(label, 'ABORTED', signal.reason);
    throw new ExportWriteError(label, 'WRITE_FAILED', error);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

class ExportRun {
  rowsDone = 0;
  private bytesBefore = 0;
  private current: ExportDocument | undefined;

  constructor(
    readonly format: ExportFormat,
    readonly options: FormatOptions | undefined,
    readonly tables: TableSource[],
    readonly onProgress: ((p: ExportProgress) => void) | undefined,
    readonly signal: AbortSignal | undefined,
  ) {}

  get bytesWritten(): number {
    return this.bytesBefore + (this.current?.bytesWritten ?? 0);
  }

  /** Writes the tables into one document on `stream` and waits until it is flushed. */
  async document(tables: TableSource[], stream: Writable): Promise<void> {
    const document = openDocument(
      this.format,
      tables.map((t) => t.shape),
      stream,
      this.options,
    );
    this.current = document;
    for (const table of tables) {
      const writer = await document.startTable(table.shape);
      const iterator = iterate(table.batches);
      for (;;) {
        this.signal?.throwIfAborted();
        let next: IteratorResult<RowBatch | RenderedRows>;
        try {
          next = await iterator.next();
        } catch (error) {
          throw new SourceFailure(error);
        }
        if (next.done) break;
        const piece = next.value;
        if (isRendered(piece)) {
          if (!('writeRendered' in writer)) throw new FormatError(`${this.format}: rows rendered beforehand cannot be written in this format`);
          await (writer as PieceTableWriter).writeRendered(piece);
          this.rowsDone += piece.rows;
        } else {
          await writer.writeBatch(piece);
          this.rowsDone += piece.length;
        }
        this.onProgress?.({ rowsDone: this.rowsDone, bytesWritten: this.bytesWritten });
      }
      await writer.end();
    }
    this.signal?.throwIfAborted();
    await document.end();
    this.bytesBefore += document.bytesWritten;
    this.current = undefined;
  }

  /** One entry per table in a zip written to `stream`; resolves with the zip's size. */
  async zip(stream: Writable, outputs: Writable[]): Promise<number> {
    const archive = archiver('zip', { zlib: { level: 6 } });
    let failure: unknown;
    const fail = (error: unknown) => {
      failure ??= error;
      outputs.forEach((s) => s.destroy());
    };
    archive.on('error', fail);
    archive.on('warning', fail);
    stream.on('error', fail);
    const flushed = new Promise<void>((resolve, reject) => {
      stream.on('close', () => (failure ? reject(failure) : resolve()));
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    flushed.catch(() => {}); // awaited below, unless a table fails first
    archive.pipe(stream);
    const names = fileNames(this.tables, FORMATS[this.format].extension);
    for (let t = 0; t < this.tables.length; t++) {
      const entry = new PassThrough();
      outputs.push(entry);
      // a fixed entry date: the same rows make the same zip, byte for byte, on any day
      archive.append(entry, { name: names[t], date: ZIP_ENTRY_DATE });
      await this.document([this.tables[t]], entry);
      if (failure) throw failure;
    }
    await archive.finalize();
    await flushed;
    if (failure) throw failure;
    return archive.pointer();
  }
}

function iterate<T>(batches: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
}

function open(path: string, outputs: Writable[]): Writable {
  const stream = createWriteStream(path, { flags: 'wx' });
  outputs.push(stream);
  return stream;
}

function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${randomBytes(6).toString('hex')}`);
}

/** `<table>.<ext>`, made safe as a file name and unique without regard to case. */
export function fileNames(tables: TableSource[], ext: string): string[] {
  const taken = new Set<string>();
  return tables.map(({ shape }) => {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is matched here
    const base = shape.name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_') || 'table';
    let name = `${base}.${ext}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.${ext}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

// A new directory is renamed into place whole; into an existing one the files move one by one.
async function moveInto(temp: string, target: string, names: string[]): Promise<string[]> {
  const existing = await stat(target).catch(() => undefined);
  if (!existing) {
    await rename(temp, target);
  } else {
    if (!existing.isDirectory()) throw new Error(`${target} exists and is not a directory`);
    for (const name of names) await rename(join(temp, name), join(target, name));
    if ((await readdir(temp)).length === 0) await rm(temp, { recursive: true });
  }
  return names.map((n) => join(target, n));
}
