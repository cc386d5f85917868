import { compile, DefinitionError, parseDefinition, type Definition } from '../engine/index.js';
import { rowCountsOf, type TableRows } from '../exports/table-rows.js';
import { LimitError, ValidationError } from './errors.js';

function asValidationError(error: unknown): unknown {
  return error instanceof DefinitionError ? new ValidationError(error.issues.map((issue) => ({ path: issue.path, message: issue.message }))) : error;
}

/**
 * The engine's parse of a definition, or a ValidationError carrying every problem's path. The one
 * check of a definition on save, preview and export: it also compiles (one row a table, so it is
 * cheap), so what an export would refuse whatever its row count — ref cycles, unknown fields —
 * is refused when the schema is saved, not when it runs.
 */
export function checkDefinition(json: unknown): Definition {
  try {
    const definition = parseDefinition(json);
    compileOnce(definition);
    return definition;
  } catch (error) {
    throw asValidationError(error);
  }
}

// Definitions that compiled, by their text: an editor previews the same definition again and
// again (another seed, more rows), and a compile builds a faker per locale (more than the rest
// of a small preview's work on this thread). Only successes are kept, so every refusal is fresh.
const COMPILED_ENTRIES = 500;
const COMPILED_MAX_CHARS = 64 * 1024;
const compiled = new Set<string>();

function compileOnce(definition: Definition): void {
  const text = JSON.stringify(definition);
  if (compiled.has(text)) {
    compiled.delete(text);
    compiled.add(text);
    return;
  }
  compile(definition, { rows: 1 });
  if (text.length > COMPILED_MAX_CHARS) return;
  if (compiled.size >= COMPILED_ENTRIES) compiled.delete(compiled.values().next().value!);
  compiled.add(text);
}

/** Rows an export of `rowCount` (and `tableRows`) writes over all tables (children per parent multiply it). */
export function rowsOverAllTables(definition: Definition, rowCount: number, tableRows?: TableRows): number {
  const counted = rowCountsOf(definition, rowCount, tableRows);
  return compile(counted.definition, counted.rows === undefined ? {} : { rows: counted.rows }).tables.reduce((sum, table) => sum + table.rows, 0);
}

/** rowsOverAllTables, or a LimitError past `maxRows`. */
export function checkExportSize(definition: Definition, rowCount: number, maxRows: number, tableRows?: TableRows): number {
  let total: number;
  try {
    total = rowsOverAllTables(definition, rowCount, tableRows);
  } catch (error) {
    throw asValidationError(error);
  }
  if (total > maxRows) {
    const asked = tableRows ? 'these row counts make' : `${rowCount} rows make`;
    throw new LimitError(`rowCount: ${asked} ${total} rows over all tables; the limit is ${maxRows} per export`, maxRows, total);
  }
  return total;
}
