import { createHash } from 'node:crypto';
import type { ColumnShape, RowBatch, TableShape } from '../engine/shape.js';
import { resolveSqlOptions, type SqlOptions } from './options.js';
import { DIALECTS, type Dialect } from './sql-dialects.js';
import { badValue } from './values.js';
import type { FormatPieces } from './pieces.js';

interface ForeignKey {
  table: TableShape;
  column: ColumnShape;
  parent: TableShape;
  parentColumn: string;
}

/**
 * One SQL script for all tables: every CREATE TABLE (keys, unique), INSERT batches parent-first, and —
 * so that self-references and cycles never fail the load — foreign keys added after the data
 * (PostgreSQL, MySQL) or declared DEFERRABLE INITIALLY DEFERRED (SQLite). An INSERT opens at every
 * row whose index in its table is a multiple of batchSize and closes after the row before the next
 * such one (or after the table's last row), so statements do not depend on how the rows are cut.
 */
export function sqlPieces(shapes: TableShape[], options?: SqlOptions): FormatPieces {
  const o = resolveSqlOptions(options);
  const d = DIALECTS[o.dialect];
  const { foreignKeys, skipped } = foreignKeysOf(shapes);
  const indexed = indexedColumns(shapes, foreignKeys);

  let documentHead = `-- tdg export (${d.name})\n` + d.preamble;
  if (o.transaction) documentHead += d.begin;
  if (!o.createTable) documentHead += d.deferChecks;
  for (const s of skipped) documentHead += `-- no foreign key for ${s}\n`;
  // every table exists before any row: SQLite resolves even deferred foreign keys at insert time
  if (o.createTable) for (const shape of shapes) documentHead += createTable(d, shape, indexed, foreignKeys);

  let documentTail = '';
  if (o.createTable && !d.inlineForeignKeys) {
    for (const fk of foreignKeys) {
      documentTail +=
        `ALTER TABLE ${d.ident(fk.table.name)} ADD CONSTRAINT ${d.ident(constraintName(fk))} ` +
        `FOREIGN KEY (${d.ident(fk.column.name)}) REFERENCES ${d.ident(fk.parent.name)} (${d.ident(fk.parentColumn)})${d.deferrable};\n`;
    }
  }
  if (!o.createTable) documentTail += d.restoreChecks;
  if (o.transaction) documentTail += d.commit;

  const inserts = shapes.map((shape) => insertRenderer(d, shape, o.batchSize));
  return {
    documentHead,
    tableHead: () => '',
    rows: (t, firstRow, batch) => inserts[t](firstRow, batch),
    // the last statement is open unless the table ended on a multiple of batchSize
    tableTail: (_t, rowCount) => (rowCount % o.batchSize === 0 ? '' : ';\n'),
    documentTail: () => documentTail,
  };
}

function insertRenderer(d: Dialect, shape: TableShape, batchSize: number) {
  const columns = shape.columns;
  const insertHead = `INSERT INTO ${d.ident(shape.name)} (${columns.map((c) => d.ident(c.name)).join(', ')}) VALUES\n`;

  return (firstRow: number, batch: RowBatch): string => {
    let text = '';
    for (let r = 0; r < batch.length; r++) {
      const row = batch[r];
      const rowIndex = firstRow + r;
      let tuple = rowIndex % batchSize === 0 ? insertHead + '(' : ',\n(';
      for (let i = 0; i < columns.length; i++) {
        const v = row[i];
        if (i > 0) tuple += ', ';
        if (v === null) tuple += 'NULL';
        else if (v === undefined) throw badValue(shape, rowIndex, columns[i], 'value is missing (row shorter than columns)');
        else {
          if (typeof v === 'number' && !Number.isFinite(v)) throw badValue(shape, rowIndex, columns[i], `number is not finite (${v})`);
          if (v instanceof Date && Number.isNaN(v.getTime())) throw badValue(shape, rowIndex, columns[i], 'invalid date');
          tuple += d.literal(v, columns[i]);
        }
      }
      text += tuple + ')';
      if ((rowIndex + 1) % batchSize === 0) text += ';\n';
    }
    return text;
  };
}

function createTable(d: Dialect, shape: TableShape, indexed: Set<string>, foreignKeys: ForeignKey[]): string {
  const pk = shape.primaryKey ?? [];
  const lines = shape.columns.map((c) => `  ${d.ident(c.name)} ${d.type(c, indexed.has(key(shape.name, c.name)))}${c.nullable ? '' : ' NOT NULL'}`);
  if (pk.length > 0) lines.push(`  PRIMARY KEY (${pk.map(d.ident).join(', ')})`);
  for (const c of shape.columns) {
    if (c.unique && !(pk.length === 1 && pk[0] === c.name)) lines.push(`  UNIQUE (${d.ident(c.name)})`);
  }
  for (const u of shape.unique) lines.push(`  UNIQUE (${u.map(d.ident).join(', ')})`);
  if (d.inlineForeignKeys) {
    for (const fk of foreignKeys.filter((f) => f.table === shape)) {
      lines.push(
        `  CONSTRAINT ${d.ident(constraintName(fk))} FOREIGN KEY (${d.ident(fk.column.name)}) ` +
          `REFERENCES ${d.ident(fk.parent.name)} (${d.ident(fk.parentColumn)})${d.deferrable}`,
      );
    }
  }
  return `CREATE TABLE ${d.ident(shape.name)} (\n${lines.join(',\n')}\n)${d.tableSuffix};\n`;
}

const key = (table: string, column: string) => `${table}\u0000${column}`;

// A foreign key needs a unique parent column; others are reported in a comment instead of failing the load.
function foreignKeysOf(shapes: TableShape[]): { foreignKeys: ForeignKey[]; skipped: string[] } {
  const byName = new Map(shapes.map((s) => [s.name, s]));
  const foreignKeys: ForeignKey[] = [];
  const skipped: string[] = [];
  for (const table of shapes) {
    for (const column of table.columns) {
      if (!column.references) continue;
      const { table: parentName, column: parentColumn } = column.references;
      const parent = byName.get(parentName);
      const where = `${table.name}.${column.name} -> ${parentName}.${parentColumn}`;
      if (!parent) skipped.push(`${where}: table not in this export`);
      else if (!parent.columns.some((c) => c.name === parentColumn)) skipped.push(`${where}: no such column`);
      else if (!isUniqueColumn(parent, parentColumn)) skipped.push(`${where}: parent column is not unique`);
      else foreignKeys.push({ table, column, parent, parentColumn });
    }
  }
  return { foreignKeys, skipped };
}

function isUniqueColumn(shape: TableShape, column: string): boolean {
  const pk = shape.primaryKey ?? [];
  return (pk.length === 1 && pk[0] === column) || shape.columns.some((c) => c.name === column && c.unique);
}

function indexedColumns(shapes: TableShape[], foreignKeys: ForeignKey[]): Set<string> {
  const set = new Set<string>();
  for (const s of shapes) {
    for (const c of s.primaryKey ?? []) set.add(key(s.name, c));
    for (const u of s.unique) for (const c of u) set.add(key(s.name, c));
    for (const c of s.columns) if (c.unique) set.add(key(s.name, c.name));
  }
  for (const fk of foreignKeys) {
    set.add(key(fk.table.name, fk.column.name));
    set.add(key(fk.parent.name, fk.parentColumn));
  }
  return set;
}

// PostgreSQL truncates names past 63 bytes and MySQL rejects past 64: keep them short and distinct
function constraintName(fk: ForeignKey): string {
  const name = `${fk.table.name}_${fk.column.name}_fkey`;
  if (Buffer.byteLength(name) <= 60) return name;
  const hash = createHash('sha1').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, 40)}_${hash}_fkey`;
}
