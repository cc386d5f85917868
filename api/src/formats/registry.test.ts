// The registry's facts against what the writers do: every format id has one descriptor, and its
// extension, content type and "holds several tables" agree with the bytes writeExport makes.
import { Writable } from 'node:stream';
import { Open } from 'unzipper';
import { describe, expect, it } from 'vitest';
import { batchesOf, fixtureTables } from './testing/fixtures.js';
import { readCsv, readWorkbook } from './testing/readers.js';
import { FormatError } from './errors.js';
import { exportPieces, openDocument, writeExport } from './index.js';
import { contentTypeOf, EXPORT_FORMATS, FORMATS, isOneFile, outputFileOf, parseFormat, ZIP, type ExportFormat } from './registry.js';

class Memory extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk);
    callback();
  }
  get buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

const tablesOf = (count: number) => fixtureTables().slice(0, count);

async function written(format: ExportFormat, count: number): Promise<Buffer> {
  const out = new Memory();
  await writeExport({ format, tables: tablesOf(count).map((t) => ({ shape: t.shape, batches: batchesOf(t.rows, 5) })) }, { kind: 'stream', stream: out });
  return out.buffer;
}

const isZip = (bytes: Buffer) => bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

/** Reads one file's bytes as its content type says, giving the number of data rows of each table in it. */
async function rowsByContentType(contentType: string, bytes: Buffer): Promise<number[]> {
  const type = contentType.split(';')[0];
  const text = bytes.toString('utf8');
  switch (type) {
    case 'text/csv':
      return [readCsv(bytes).length - 1];
    case 'application/json': {
      const value = JSON.parse(text) as unknown;
      return Array.isArray(value) ? [value.length] : Object.values(value as Record<string, unknown[]>).map((rows) => rows.length);
    }
    case 'application/x-ndjson':
      return [
        text
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as unknown).length,
      ];
    case 'application/sql':
      return sqlRowsByTable(text);
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      expect(isZip(bytes)).toBe(true);
      const book = await readWorkbook(bytes);
      return book.worksheets.map((sheet) => sheet.actualRowCount - 1);
    }
    default:
      throw new Error(`no reader for ${contentType}`);
  }
}

/** Rows of each table's INSERT statements, in order of first INSERT (quoted strings skipped: '' is a quote inside). */
function sqlRowsByTable(text: string): number[] {
  const rows = new Map<string, number>();
  for (const insert of text.matchAll(/^INSERT INTO "([^"]+)" \([^)]*\) VALUES\n/gm)) {
    let count = 0;
    let depth = 0;
    for (let i = insert.index + insert[0].length; i < text.length && !(depth === 0 && text[i] === ';'); i++) {
      const c = text[i];
      if (c === "'") {
        for (i++; i < text.length; i++) {
          if (text[i] !== "'") continue;
          if (text[i + 1] === "'") i++;
          else break;
        }
      } else if (c === '(') {
        if (depth++ === 0) count++;
      } else if (c === ')') depth--;
    }
    rows.set(insert[1], (rows.get(insert[1]) ?? 0) + count);
  }
  return [...rows.values()];
}

describe('format registry', () => {
  it('has exactly one descriptor per format id, named by it, with its own extension and content type', () => {
    expect(Object.keys(FORMATS).sort()).toEqual([...EXPORT_FORMATS].sort());
    for (const id of EXPORT_FORMATS) expect(FORMATS[id].id).toBe(id);
    const descriptors = Object.values(FORMATS);
    const extensions = [...descriptors.map((d) => d.extension), ZIP.extension];
    const contentTypes = [...descriptors.map((d) => d.contentType), ZIP.contentType];
    expect(new Set(extensions).size).toBe(extensions.length);
    expect(new Set(contentTypes).size).toBe(contentTypes.length);
    for (const extension of extensions) expect(extension).toMatch(/^[a-z0-9]+$/);
  });

  it('parseFormat reads every id in any case and with blanks around, and nothing else', () => {
    for (const id of EXPORT_FORMATS) {
      expect(parseFormat(id)).toBe(id);
      expect(parseFormat(` ${id.toUpperCase()}\t`)).toBe(id);
    }
    for (const other of ['', 'zip', 'xml', 'csv2', 'toString', '__proto__', 'hasOwnProperty']) expect(() => parseFormat(other), other).toThrow(FormatError);
  });

  it('contentTypeOf a file name is the content type of the format (or zip) its extension names, in any case', () => {
    for (const d of [...Object.values(FORMATS), ZIP]) {
      expect(contentTypeOf(`owner/export/export.${d.extension}`)).toBe(d.contentType);
      expect(contentTypeOf(`EXPORT.${d.extension.toUpperCase()}`)).toBe(d.contentType);
    }
    for (const other of ['part-0001.rows', 'a/b/c.bytes', 'x.txt', 'x.csv.tmp']) expect(contentTypeOf(other)).toBe('application/octet-stream');
  });

  it('one file holds the export iff the format holds several tables or there is one table; else a zip', () => {
    for (const id of EXPORT_FORMATS)
      for (const count of [0, 1, 2, 3]) {
        const oneFile = FORMATS[id].holdsSeveralTables || count <= 1;
        expect(isOneFile(id, count)).toBe(oneFile);
        expect(outputFileOf(id, count)).toEqual(oneFile ? { extension: FORMATS[id].extension, contentType: FORMATS[id].contentType } : ZIP);
      }
  });

  it.each(EXPORT_FORMATS)(
    '%s: the bytes written are what the output file says: a zip of one file per table, or one file of the content type',
    async (format) => {
      for (const count of [1, 2]) {
        const tables = tablesOf(count);
        const bytes = await written(format, count);
        const output = outputFileOf(format, count);
        if (output.contentType === ZIP.contentType) {
          // a zip content type only where the format holds one table a file and there are several
          expect(FORMATS[format].holdsSeveralTables || count === 1).toBe(false);
          expect(isZip(bytes)).toBe(true);
          const zip = await Open.buffer(bytes);
          expect(zip.files.map((f) => f.path)).toEqual(tables.map((t) => `${t.shape.name}.${FORMATS[format].extension}`));
          for (const [i, file] of zip.files.entries())
            expect(await rowsByContentType(FORMATS[format].contentType, await file.buffer())).toEqual([tables[i].rows.length]);
        } else {
          expect(output.contentType).toBe(FORMATS[format].contentType);
          expect(await rowsByContentType(output.contentType, bytes)).toEqual(tables.map((t) => t.rows.length));
        }
      }
    },
  );

  it.each(EXPORT_FORMATS)('%s: one document takes a second table iff the format holds several tables', async (format) => {
    const [first, second] = fixtureTables().map((t) => t.shape);
    const document = openDocument(format, [first, second], new Memory());
    await (await document.startTable(first)).end();
    const again = document.startTable(second).then((w) => w.end());
    if (FORMATS[format].holdsSeveralTables) await expect(again).resolves.toBeUndefined();
    else await expect(again).rejects.toThrow(/one file holds one table/);
  });

  it.each(EXPORT_FORMATS)('%s: a format made of pieces has exportPieces that give its bytes; a writer of its own has none', async (format) => {
    const writer = FORMATS[format].writer;
    const [table] = tablesOf(1);
    const pieces = exportPieces(format, [table.shape]);
    if (writer.kind === 'document') {
      expect(pieces).toBeUndefined();
      return;
    }
    expect(pieces).toBeDefined();
    const text = pieces!.head(0) + pieces!.rows(0, 0, table.rows) + pieces!.tail(0, table.rows.length);
    expect(Buffer.from(text, 'utf8').equals(await written(format, 1))).toBe(true);
  });
});
