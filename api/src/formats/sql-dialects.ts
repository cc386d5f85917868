import type { ColumnKind, ColumnShape, Value } from '../engine/shape.js';
import type { SqlDialect } from './options.js';
import { isoDate } from './values.js';

// How each database spells identifiers, types and literals. Literals are hand-built for speed;
// the dialect tests load the output into the real engines (PGlite/PostgreSQL, sql.js, MySQL).

export interface Dialect {
  name: SqlDialect;
  ident(name: string): string;
  /** Column type; `indexed` marks columns in a key (MySQL needs a bounded VARCHAR there). */
  type(column: ColumnShape, indexed: boolean): string;
  /** SQL literal of a non-null value for the column; `null` is handled by the caller. */
  literal(value: Exclude<Value, null>, column: ColumnShape): string;
  begin: string;
  commit: string;
  /** Lines after the transaction starts when the tables already exist (no CREATE TABLE). */
  deferChecks: string;
  /** Lines before the commit that undo `deferChecks`. */
  restoreChecks: string;
  preamble: string;
  /** CREATE TABLE suffix (engine, charset). */
  tableSuffix: string;
  /** Foreign keys are declared inside CREATE TABLE (SQLite cannot add them later). */
  inlineForeignKeys: boolean;
  /** Foreign key suffix so a later load into the same tables can defer checks to the commit. */
  deferrable: string;
}

const doubleQuoted = (name: string) => '"' + name.replace(/"/g, '""') + '"';
// most values need no escaping: test before replacing
const standardString = (s: string) => (s.indexOf("'") === -1 ? "'" + s + "'" : "'" + s.replace(/'/g, "''") + "'");
// MySQL reads backslash escapes in strings unless NO_BACKSLASH_ESCAPES is set (mysqldump does the same)
const MYSQL_SPECIAL = /[\\'\0]/;
const mysqlString = (s: string) =>
  MYSQL_SPECIAL.test(s) ? "'" + s.replace(/[\\'\0]/g, (c) => (c === "'" ? "''" : c === '\\' ? '\\\\' : '\\0')) + "'" : "'" + s + "'";

function numberText(n: number, column: ColumnShape): string {
  // String(1e21) is '1e+21', which a bigint column rejects
  if (column.kind === 'integer' && Number.isInteger(n) && Math.abs(n) >= 1e21) return BigInt(n).toString();
  return String(n);
}

function json(value: Value): string {
  return JSON.stringify(value);
}

const PG_TYPES: Record<ColumnKind, string> = {
  text: 'text',
  integer: 'bigint',
  number: 'double precision',
  boolean: 'boolean',
  timestamp: 'timestamptz',
  date: 'date',
  uuid: 'uuid',
  json: 'jsonb',
  array: 'jsonb',
};

function pgElementType(column: ColumnShape): string {
  const element = column.elementKind ?? 'text';
  return element === 'array' ? 'jsonb' : PG_TYPES[element];
}

const postgres: Dialect = {
  name: 'postgres',
  ident: doubleQuoted,
  type: (column) => (column.kind === 'array' ? pgElementType(column) + '[]' : PG_TYPES[column.kind]),
  literal(value, column) {
    if (column.kind === 'json') return standardString(json(value));
    if (column.kind === 'array' && Array.isArray(value)) {
      const element: ColumnShape = { ...column, kind: column.elementKind === 'array' ? 'json' : (column.elementKind ?? 'text') };
      const items = value.map((v) => (v === null ? 'NULL' : postgres.literal(v, element)));
      return 'ARRAY[' + items.join(',') + ']::' + pgElementType(column) + '[]';
    }
    if (typeof value === 'string') return standardString(value);
    if (typeof value === 'number') return numberText(value, column);
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (value instanceof Date) return "'" + (column.kind === 'date' ? isoDate(value) : value.toISOString()) + "'";
    return standardString(json(value));
  },
  preamble: 'SET standard_conforming_strings = on;\n',
  begin: 'BEGIN;\n',
  commit: 'COMMIT;\n',
  deferChecks: 'SET CONSTRAINTS ALL DEFERRED;\n',
  restoreChecks: '',
  tableSuffix: '',
  inlineForeignKeys: false,
  deferrable: ' DEFERRABLE INITIALLY DEFERRED',
};

const MYSQL_TYPES: Record<ColumnKind, string> = {
  text: 'TEXT',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  timestamp: 'DATETIME(3)',
  date: 'DATE',
  uuid: 'CHAR(36)',
  json: 'JSON',
  array: 'JSON',
};

const mysql: Dialect = {
  name: 'mysql',
  ident: (name) => '`' + name.replace(/`/g, '``') + '`',
  // a TEXT column cannot be a key without a prefix length; 255 utf8mb4 chars fit any InnoDB index
  type: (column, indexed) => (column.kind === 'text' && indexed ? 'VARCHAR(255)' : MYSQL_TYPES[column.kind]),
  literal(value, column) {
    if (column.kind === 'json' || column.kind === 'array') return mysqlString(json(value));
    if (typeof value === 'string') return mysqlString(value);
    if (typeof value === 'number') return numberText(value, column);
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    // DATETIME has no zone: the UTC wall time is stored
    if (value instanceof Date) return "'" + (column.kind === 'date' ? isoDate(value) : value.toISOString().replace('T', ' ').replace('Z', '')) + "'";
    return mysqlString(json(value));
  },
  preamble: 'SET NAMES utf8mb4;\n',
  begin: 'START TRANSACTION;\n',
  commit: 'COMMIT;\n',
  deferChecks: 'SET FOREIGN_KEY_CHECKS = 0;\n',
  restoreChecks: 'SET FOREIGN_KEY_CHECKS = 1;\n',
  tableSuffix: ' DEFAULT CHARSET=utf8mb4',
  inlineForeignKeys: false,
  deferrable: '',
};

const SQLITE_TYPES: Record<ColumnKind, string> = {
  text: 'TEXT',
  integer: 'INTEGER',
  number: 'REAL',
  boolean: 'INTEGER',
  timestamp: 'TEXT',
  date: 'TEXT',
  uuid: 'TEXT',
  json: 'TEXT',
  array: 'TEXT',
};

const sqlite: Dialect = {
  name: 'sqlite',
  ident: doubleQuoted,
  type: (column) => SQLITE_TYPES[column.kind],
  literal(value, column) {
    if (column.kind === 'json' || column.kind === 'array') return standardString(json(value));
    if (typeof value === 'string') return standardString(value);
    if (typeof value === 'number') return numberText(value, column);
    if (typeof value === 'boolean') return value ? '1' : '0';
    if (value instanceof Date) return "'" + (column.kind === 'date' ? isoDate(value) : value.toISOString()) + "'";
    return standardString(json(value));
  },
  preamble: '',
  begin: 'BEGIN;\n',
  commit: 'COMMIT;\n',
  deferChecks: 'PRAGMA defer_foreign_keys = ON;\n',
  restoreChecks: '',
  tableSuffix: '',
  inlineForeignKeys: true,
  deferrable: ' DEFERRABLE INITIALLY DEFERRED',
};

export const DIALECTS: Record<SqlDialect, Dialect> = { postgres, mysql, sqlite };
