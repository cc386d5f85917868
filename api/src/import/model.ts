// The DDL-level model: what a schema says, before any choice about generators.
// Both the SQL importer and the catalog introspector produce it, so both paths agree.
import type { SourcePlace, ImportNote } from './errors.js';

/** A parsed expression node as libpg_query returns it (e.g. `{ A_Expr: {...} }`). */
export type PgNode = Record<string, any>;

export interface TypeRef {
  /** Lower-case type name without the `pg_catalog.` prefix: `int4`, `varchar`, `timestamptz`, `mood`. */
  name: string;
  /** The schema when written (`public.mood`), pg_catalog excluded. */
  schema?: string;
  /** Type modifiers: varchar(20) → [20], numeric(10,2) → [10, 2]. */
  mods: number[];
  /** 0 for scalars, 1 for `text[]`, ... */
  arrayDims: number;
}

export type DefaultValue =
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'null' }
  | { kind: 'now' }
  | { kind: 'uuid' }
  | { kind: 'sequence' }
  | { kind: 'expression'; text: string };

export interface ColumnModel {
  name: string;
  type: TypeRef;
  notNull: boolean;
  default?: DefaultValue;
  /** GENERATED ALWAYS AS (...) STORED: the database computes it, nothing is loaded. */
  generated: boolean;
  /** A generated column that cases or trims one other column (`lower(name)`): that column. */
  generatedFrom?: string;
  /** COMMENT ON COLUMN: what the column holds, in the schema author's words. */
  comment?: string;
  place: SourcePlace;
}

export interface ConstraintModel {
  kind: 'primary' | 'unique' | 'foreign' | 'check' | 'exclusion';
  /** EXCLUDE: each column's operator (`=`, `&&`), in the order of columns. */
  operators?: string[];
  name?: string;
  columns: string[];
  references?: { schema: string; table: string; columns: string[] };
  /** CHECK expression and its SQL text. */
  expr?: PgNode;
  text?: string;
  /** A partial unique index's WHERE: the rows the uniqueness applies to. */
  where?: PgNode;
  /** Columns a unique index reads through COALESCE(col, constant): their NULLs compare equal there. */
  coalesced?: string[];
  place: SourcePlace;
}

export interface TableModel {
  schema: string;
  name: string;
  columns: ColumnModel[];
  constraints: ConstraintModel[];
  /** COMMENT ON TABLE. */
  comment?: string;
  /** Integer keys of the rows the SQL itself INSERTs (reference data): the largest value per column. */
  insertedMax?: Record<string, number>;
  /** A range-partitioned table whose partitions make one window of its key column (bounds as written; none: open). */
  partitionWindow?: { column: string; lower?: string; upper?: string };
  place: SourcePlace;
}

export interface EnumModel {
  schema: string;
  name: string;
  values: string[];
}

export interface SchemaModel {
  tables: TableModel[];
  enums: EnumModel[];
  /** CREATE DOMAIN name → its base type. */
  domains: { schema: string; name: string; base: TypeRef }[];
  /** Row triggers on INSERT whose function inserts rows into another table (see trigger-fills.ts). */
  triggerFills: TriggerFill[];
  /** Statement triggers whose function inserts rows read from the statement's transition table. */
  statementFills?: {
    trigger: string;
    source: { schema: string; table: string };
    target: { schema: string; table: string };
    /** Target column ← the source column it copies (a bare column of the transition table). */
    copies?: { column: string; from: string }[];
    place: SourcePlace;
  }[];
  notes: ImportNote[];
}

/** Where a trigger-inserted column takes its value from. */
export type FillSource =
  /** `new.<column>`: a column of the row that fired the trigger. */
  | { kind: 'column'; column: string }
  /** `new.<column>->>'key'` (possibly inside an expression): a key of a json column of that row. */
  | { kind: 'jsonKey'; column: string; key: string; text: string }
  | { kind: 'expression'; text: string };

/** `create trigger ... after insert on S for each row execute function f()` where f inserts into T. */
export interface TriggerFill {
  trigger: string;
  /** The table the trigger is on (S). */
  source: { schema: string; table: string };
  /** The table its function inserts into (T), and what each inserted column is set to. */
  target: { schema: string; table: string };
  columns: { column: string; from: FillSource }[];
  place: SourcePlace;
}

/** `public.users` is written `users`; other schemas keep their prefix (`auth.users`). */
export function qualifiedName(schema: string, name: string): string {
  return schema === 'public' ? name : `${schema}.${name}`;
}
