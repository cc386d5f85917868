// Public face of the importer: SQL (or a live catalog) in, a plain definition plus notes out.
import { parseDdl } from './parse-ddl.js';
import { toDefinition, type MapOptions, type MapResult } from './to-definition.js';
import { assertCompiles } from './validate.js';

export type { Definition, FieldDefinition, TableDefinition } from './definition.js';
export { ImportError, type ImportNote, type ImportProblem } from './errors.js';
export type { ColumnChoice, MapOptions, MapResult } from './to-definition.js';
export { introspect, type CatalogQuery } from './catalog.js';

/**
 * PostgreSQL DDL → definition. Throws ImportError (with line and column of each problem) when
 * the SQL does not parse, a foreign key names an unknown table, or a constraint cannot be met.
 */
export function importSql(sql: string, options: MapOptions = {}): MapResult {
  const model = parseDdl(sql);
  const result = toDefinition(model, options);
  assertCompiles(result.definition, model, result.notes);
  return result;
}
