// The definition the importer writes: plain JSON in the shape the engine's parseDefinition reads.
// Kept structural here so the importer does not depend on the engine's internals.

export interface FieldDefinition {
  name: string;
  type: string;
  options?: Record<string, unknown>;
  unique?: boolean;
  nullRate?: number;
  /** `postgres: <column>` when the column's name is not an identifier. */
  description?: string;
  /** Text lower- or upper-cased (the engine's field `case`). */
  case?: 'lower' | 'upper';
  /** Text cut to this many characters (the engine's field `maxLength`): varchar(n) narrower than some values. */
  maxLength?: number;
  /** One row per parent holds `value` (or true): see the engine's exactlyOne. */
  exactlyOne?: { per: string; value?: unknown };
}

export interface TableDefinition {
  name: string;
  rows: number;
  /** The most rows its unique keys allow (the engine caps any row count asked for there). */
  maxRows?: number;
  primaryKey?: string[];
  fields: FieldDefinition[];
  unique?: string[][];
  /** `postgres: auth.users (external ...)` when the relation is not the table name itself. */
  description?: string;
  /** Row variants chosen by a status column, or with no selector (see the engine's profiles). */
  profiles?: { field?: string; variants: { value?: unknown; weight: number; when?: string; fields: Record<string, unknown> }[] };
  /** CHECKs the engine evaluates per row, redrawing `redraw` while they fail. */
  checks?: { name: string; expr: string; redraw: string[]; fixes?: Record<string, string | number | boolean | null>[] }[];
}

export interface Definition {
  version: 1;
  locale: string;
  /** The instant relative dates count back from (the moment of import). */
  referenceDate?: string;
  tables: TableDefinition[];
}
