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
}

export interface TableDefinition {
  name: string;
  rows: number;
  primaryKey?: string[];
  fields: FieldDefinition[];
  unique?: string[][];
  /** `postgres: auth.users (external ...)` when the relation is not the table name itself. */
  description?: string;
}

export interface Definition {
  version: 1;
  locale: string;
  tables: TableDefinition[];
}
