// The shape of generated tables, shared by the engine (which produces it) and the formats
// (which consume it). Rows are positional: row[i] is the value of columns[i].

export type ColumnKind = 'text' | 'integer' | 'number' | 'boolean' | 'timestamp' | 'date' | 'uuid' | 'json' | 'array';

export interface ColumnShape {
  name: string;
  kind: ColumnKind;
  /** For `array` columns: the kind of the elements. */
  elementKind?: ColumnKind;
  nullable: boolean;
  unique: boolean;
  /** For `ref` columns: the parent table and column. */
  references?: { table: string; column: string };
}

export interface TableShape {
  name: string;
  /** Rows this table will have (after children-per-parent is applied). */
  rows: number;
  columns: ColumnShape[];
  /** Column names of the primary key, when the definition has one (first unique uuid/sequence `id` otherwise none). */
  primaryKey?: string[];
  /** Composite unique constraints (column names). Single-column unique is on the column. */
  unique: string[][];
}

export type Value = string | number | boolean | null | Date | Value[] | { [key: string]: Value };

export type Row = Value[];
export type RowBatch = Row[];
