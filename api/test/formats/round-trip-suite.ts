import { describe, expect, it } from 'vitest';
import type { Row, TableShape } from '../../src/engine/shape.js';
import { byFirstColumn, canonRows, canonTable, type Canon } from './canon.js';
import { answers, loadMysql, loadPglite, loadPostgresServer, loadSqlite, type Loaded } from '../../src/formats/testing/sql-engines.js';
import { objectsToRows, readCsv, readWorkbook, sheetValues, unguard } from '../../src/formats/testing/readers.js';
import { render } from '../../src/formats/testing/render.js';

// The same rows, written in every format and read back with an independent parser or the real
// database, must give the same values. Used with hand-made fixtures and with engine output.

export interface TableRows {
  shape: TableShape;
  rows: Row[];
}
const expected = (shape: TableShape, rows: Row[]): Canon[][] => byFirstColumn(canonRows(shape, rows));
const textKinds = new Set(['text', 'uuid']);

const [pgServerUp, mysqlUp] = await Promise.all([answers(5432), answers(3306)]);

async function expectDatabaseRows(tables: TableRows[], db: Loaded, jsonAsText: boolean): Promise<void> {
  try {
    for (const { shape, rows } of tables) {
      const raw = await db.rows(shape);
      const cells = jsonAsText ? raw : raw.map((r) => r.map((v, i) => (isJsonColumn(shape, i) && v !== null ? JSON.stringify(v) : v)));
      expect(byFirstColumn(canonTable(shape, cells)), shape.name).toEqual(expected(shape, rows));
    }
  } finally {
    await db.close();
  }
}

// What a workbook cannot keep: XML turns CR into LF on reading, and an empty string is an empty cell.
const asXlsxKeepsIt = (row: Canon[]): Canon[] => row.map((v) => (v === '' ? null : typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v));

const isJsonColumn = (shape: TableShape, i: number) => shape.columns[i].kind === 'json' || shape.columns[i].kind === 'array';

/** `foreignKeys`: how many foreign keys the SQL of these tables declares. */
export function roundTripSuite(label: string, tables: TableRows[], foreignKeys: number): void {
  describe(`${label}: rows read back equal the rows written`, () => {
    it('csv, parsed by csv-parse (formula guard undone)', async () => {
      for (const { shape, rows } of tables) {
        const [header, ...body] = readCsv(await render('csv', [{ shape, rows }]));
        expect(header).toEqual(shape.columns.map((c) => c.name));
        const cells = body.map((r) => r.map((v, i) => (textKinds.has(shape.columns[i].kind) ? unguard(v) : v)));
        expect(byFirstColumn(canonTable(shape, cells)), shape.name).toEqual(expected(shape, rows));
      }
    });

    it('json, one object of arrays for several tables', async () => {
      const doc = JSON.parse((await render('json', tables)).toString('utf8')) as Record<string, Record<string, unknown>[]>;
      expect(Object.keys(doc)).toEqual(tables.map((t) => t.shape.name));
      for (const { shape, rows } of tables) {
        const cells = objectsToRows(shape, doc[shape.name]).map((r) => r.map((v, i) => (isJsonColumn(shape, i) && v !== null ? JSON.stringify(v) : v)));
        expect(byFirstColumn(canonTable(shape, cells)), shape.name).toEqual(expected(shape, rows));
      }
    });

    it('json, a bare array for one table', async () => {
      const { shape, rows } = tables[1];
      const doc = JSON.parse((await render('json', [tables[1]])).toString('utf8')) as Record<string, unknown>[];
      expect(Array.isArray(doc)).toBe(true);
      expect(doc).toHaveLength(rows.length);
      expect(objectsToRows(shape, doc)[0][0]).toBe(rows[0][0]);
    });

    it('ndjson, one object per line', async () => {
      for (const { shape, rows } of tables) {
        const text = (await render('ndjson', [{ shape, rows }])).toString('utf8');
        expect(text.endsWith('\n')).toBe(true);
        const lines = text.slice(0, -1).split('\n');
        expect(lines).toHaveLength(rows.length);
        const objects = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
        const cells = objectsToRows(shape, objects).map((r) => r.map((v, i) => (isJsonColumn(shape, i) && v !== null ? JSON.stringify(v) : v)));
        expect(byFirstColumn(canonTable(shape, cells)), shape.name).toEqual(expected(shape, rows));
      }
    });

    it('xlsx, read by the exceljs reader', async () => {
      const workbook = await readWorkbook(await render('xlsx', tables));
      expect(workbook.worksheets.map((s) => s.name)).toEqual(tables.map((t) => t.shape.name));
      for (const { shape, rows } of tables) {
        const [header, ...body] = sheetValues(workbook.getWorksheet(shape.name)!, shape.columns.length);
        expect(header).toEqual(shape.columns.map((c) => c.name));
        expect(byFirstColumn(canonTable(shape, body)), shape.name).toEqual(expected(shape, rows).map(asXlsxKeepsIt));
      }
    });

    it('sql (postgres) loaded into PGlite with keys and foreign keys on', async () => {
      const db = await loadPglite((await render('sql', tables)).toString('utf8'));
      expect(await db.foreignKeyCount()).toBe(foreignKeys);
      await expectDatabaseRows(tables, db, false);
    });

    it.runIf(pgServerUp)('sql (postgres) loaded into the PostgreSQL server', async () => {
      const db = await loadPostgresServer((await render('sql', tables)).toString('utf8'));
      expect(await db.foreignKeyCount()).toBe(foreignKeys);
      await expectDatabaseRows(tables, db, false);
    });

    it('sql (sqlite) loaded into sql.js with foreign keys enforced', async () => {
      const db = await loadSqlite((await render('sql', tables, { dialect: 'sqlite' })).toString('utf8'));
      expect(await db.foreignKeyCount()).toBe(foreignKeys);
      expect(db.foreignKeyViolations()).toBe(0);
      await expectDatabaseRows(tables, db, true);
    });

    it.runIf(mysqlUp)('sql (mysql) loaded into the MySQL/MariaDB server', async () => {
      const db = await loadMysql((await render('sql', tables, { dialect: 'mysql' })).toString('utf8'));
      expect(await db.foreignKeyCount()).toBe(foreignKeys);
      await expectDatabaseRows(tables, db, false);
    });
  });
}
