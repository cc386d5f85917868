import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { TableShape } from '../../engine/shape.js';

// Independent parsers for each format, returning raw cells per row in column order.

/** csv-parse; an unquoted empty field is null, a quoted one is ''. Returns [header, ...rows]. */
export function readCsv(text: string | Buffer, options: { delimiter?: string } = {}): (string | null)[][] {
  return parseCsv(text, {
    bom: true,
    delimiter: options.delimiter ?? ',',
    cast: (value, context) => (context.quoting ? value : value === '' ? null : value),
  }) as (string | null)[][];
}

/** Removes the formula guard's apostrophe from a text cell. */
export function unguard(cell: string | null): string | null {
  return cell !== null && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export function objectsToRows(shape: TableShape, objects: Record<string, unknown>[]): unknown[][] {
  return objects.map((o) => {
    const keys = Object.keys(o);
    if (keys.join() !== shape.columns.map((c) => c.name).join()) throw new Error(`keys ${keys.join()} differ from columns`);
    return shape.columns.map((c) => o[c.name]);
  });
}

export async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Cell values of a sheet, rows 1..n, columns 1..width (empty cells are null). */
export function sheetValues(sheet: ExcelJS.Worksheet, width: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= width; c++) {
      const v = row.getCell(c).value;
      cells.push(v === undefined ? null : v);
    }
    rows.push(cells);
  }
  return rows;
}
