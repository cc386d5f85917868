// The importer never hands out a definition the engine would refuse: it is compiled once here,
// and engine issues are reported at the SQL line of the table or column they name.
import { compile, DefinitionError } from '../engine/index.js';
import type { Definition } from './definition.js';
import { ImportError, type SourcePlace } from './errors.js';
import type { SchemaModel } from './model.js';
import { definitionName } from './to-definition.js';

export function assertCompiles(definition: Definition, model: SchemaModel): void {
  try {
    compile(definition as Parameters<typeof compile>[0]);
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    throw new ImportError(
      error.issues.map((issue) => {
        const place = placeOf(issue.path, definition, model);
        return { ...place, message: `${describe(issue.path, definition)}: ${issue.message}` };
      }),
    );
  }
}

function describe(path: string, definition: Definition): string {
  const m = /^tables\[(\d+)\](?:\.fields\[(\d+)\])?/.exec(path);
  const table = m ? definition.tables[Number(m[1])] : undefined;
  const field = m?.[2] !== undefined ? table?.fields[Number(m[2])] : undefined;
  return table ? `${table.name}${field ? `.${field.name}` : ''} (${path})` : path;
}

function placeOf(path: string, definition: Definition, model: SchemaModel): SourcePlace {
  const m = /^tables\[(\d+)\](?:\.fields\[(\d+)\])?/.exec(path);
  const table = m ? definition.tables[Number(m[1])] : undefined;
  const source = table && model.tables.find((t) => definitionName(t.schema, t.name) === table.name);
  const field = m?.[2] !== undefined ? table?.fields[Number(m[2])] : undefined;
  return source?.columns.find((c) => c.name === field?.name)?.place ?? source?.place ?? { line: 1, column: 1 };
}
