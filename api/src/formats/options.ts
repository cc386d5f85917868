import { FormatError } from './errors.js';

/** Options of the CSV format (RFC 4180, written with papaparse). */
export interface CsvOptions {
  /** Field separator, one character other than `"`, CR or LF. Default `,`. */
  delimiter?: string;
  /** Quote every field, not only those that need it. Default false. Empty strings are always quoted so they differ from null (an empty field). */
  quoteAll?: boolean;
  /** Line ending. Default `\r\n` (RFC 4180 and papaparse's default). */
  newline?: '\r\n' | '\n';
  /** Start the file with a UTF-8 byte order mark so Excel detects the encoding. Default false. */
  bom?: boolean;
  /** Write a header row with the column names. Default true. */
  header?: boolean;
  /**
   * Guard against spreadsheet formula injection (OWASP "CSV injection"): a text cell starting with
   * `=`, `+`, `-`, `@`, tab or CR is prefixed with a single quote `'` and quoted. Numbers, booleans
   * and dates are never touched (a negative number stays `-5`), nor are json/array columns (JSON
   * text cannot start with a formula character except a minus sign of a number). Default true.
   */
  formulaGuard?: boolean;
}

export type SqlDialect = 'postgres' | 'mysql' | 'sqlite';

/** Options of the SQL format. */
export interface SqlOptions {
  /** Target database. Default `postgres`. */
  dialect?: SqlDialect;
  /** Emit `CREATE TABLE` with primary, unique and foreign keys before the data. Default true. */
  createTable?: boolean;
  /** Rows per `INSERT` statement. Default 1000. */
  batchSize?: number;
  /** Wrap the whole script in one transaction. Default true. */
  transaction?: boolean;
}

/** Options of the JSON format (an array per table, an object of arrays for several). None yet. */
export type JsonOptions = Record<string, never>;
/** Options of the NDJSON format (one object per line). None yet. */
export type NdjsonOptions = Record<string, never>;
/** Options of the XLSX format (one sheet per table). None yet. */
export type XlsxOptions = Record<string, never>;

export interface FormatOptionsMap {
  csv: CsvOptions;
  json: JsonOptions;
  ndjson: NdjsonOptions;
  sql: SqlOptions;
  xlsx: XlsxOptions;
}

export type FormatOptions = CsvOptions | SqlOptions | JsonOptions | NdjsonOptions | XlsxOptions;

export type ResolvedCsvOptions = Required<CsvOptions>;
export type ResolvedSqlOptions = Required<SqlOptions>;

export function resolveCsvOptions(o: CsvOptions = {}): ResolvedCsvOptions {
  const r: ResolvedCsvOptions = {
    delimiter: o.delimiter ?? ',',
    quoteAll: o.quoteAll ?? false,
    newline: o.newline ?? '\r\n',
    bom: o.bom ?? false,
    header: o.header ?? true,
    formulaGuard: o.formulaGuard ?? true,
  };
  if (typeof r.delimiter !== 'string' || r.delimiter.length !== 1 || /["\r\n\uFEFF]/.test(r.delimiter)) {
    throw new FormatError(`csv.delimiter: must be one character other than '"', CR or LF (got ${JSON.stringify(r.delimiter)})`);
  }
  if (r.newline !== '\r\n' && r.newline !== '\n') {
    throw new FormatError(`csv.newline: must be "\\r\\n" or "\\n" (got ${JSON.stringify(r.newline)})`);
  }
  return r;
}

export function resolveSqlOptions(o: SqlOptions = {}): ResolvedSqlOptions {
  const r: ResolvedSqlOptions = {
    dialect: o.dialect ?? 'postgres',
    createTable: o.createTable ?? true,
    batchSize: o.batchSize ?? 1000,
    transaction: o.transaction ?? true,
  };
  if (!['postgres', 'mysql', 'sqlite'].includes(r.dialect)) {
    throw new FormatError(`sql.dialect: unknown dialect "${r.dialect}" (valid: postgres, mysql, sqlite)`);
  }
  if (!Number.isInteger(r.batchSize) || r.batchSize < 1) {
    throw new FormatError(`sql.batchSize: must be a whole number ≥ 1 (got ${r.batchSize})`);
  }
  return r;
}
