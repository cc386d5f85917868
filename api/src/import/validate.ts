// The importer never hands out a definition the engine would refuse: it is compiled once here,
// and engine issues are reported at the SQL line of the table or column they name.
import { compile, DefinitionError, type DefinitionIssue } from '../engine/index.js';
import type { Definition } from './definition.js';
import { ImportError, type ImportNote, type SourcePlace } from './errors.js';
import { requiredColumns } from './checks.js';
import type { SchemaModel } from './model.js';
import { definitionName } from './to-definition.js';

export function assertCompiles(definition: Definition, model: SchemaModel, notes?: ImportNote[]): void {
  for (let round = 0; ; round++) {
    try {
      compile(definition as Parameters<typeof compile>[0]);
      return;
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error;
      if (notes && round < 20 && emptyUnkeepableKeys(definition, model, error.issues, notes)) continue;
      throw importErrorOf(error, definition, model);
    }
  }
}

/**
 * A key nothing else can keep unique for the rows asked ((subscription_rate_card_id, position)
 * where the rows are numbered within the other parent) is kept by NULL, which a key never
 * compares equal: one nullable column of it (not laying rows out) is left empty, with a note —
 * one the partial index requires to be set, else a ref, else any.
 * Returns whether anything changed.
 */
function emptyUnkeepableKeys(definition: Definition, model: SchemaModel, issues: DefinitionIssue[], notes: ImportNote[]): boolean {
  let changed = false;
  for (const issue of issues) {
    const m = /^tables\[(\d+)\]\.unique\[(\d+)\]$/.exec(issue.path);
    if (!m || !issue.message.startsWith('cannot guarantee')) continue;
    const table = definition.tables[Number(m[1])]!;
    const key = table.unique?.[Number(m[2])] ?? [];
    const rows = /unique for (\d+) rows/.exec(issue.message)?.[1] ?? String(table.rows);
    const source = model.tables.find((t) => definitionName(t.schema, t.name) === table.name);
    const sameKey = (source?.constraints ?? []).filter(
      (c) => c.kind === 'unique' && c.columns.length === key.length && key.every((k) => c.columns.includes(k)),
    );
    const required = new Set(sameKey.flatMap((p) => (p.where ? requiredColumns(p.where) : [])));
    // a column the index reads through COALESCE: a NULL there is a value like any other
    const coalesced = new Set(sameKey.flatMap((c) => c.coalesced ?? []));
    const candidates = table.fields.filter((f) => {
      const o = (f.options ?? {}) as Record<string, unknown>;
      return (
        key.includes(f.name) &&
        !coalesced.has(f.name) &&
        (f.nullRate ?? 0) > 0 &&
        !o.childrenPerParent &&
        !o.distinctWithin &&
        !table.primaryKey?.includes(f.name)
      );
    });
    const field = candidates.find((f) => required.has(f.name)) ?? candidates.find((f) => f.type === 'ref') ?? candidates[0];
    if (!field || field.nullRate === 1) continue;
    field.nullRate = 1;
    changed = true;
    notes.push({
      ...placeOf(`tables[${m[1]}].fields[${table.fields.indexOf(field)}]`, definition, model),
      message: `column ${table.name}.${field.name} is left null: nothing else keeps (${key.join(', ')}) unique for ${rows} rows (${issue.message.replace(/^cannot guarantee \([^)]*\) unique for \d+ rows: /, '')})`,
    });
  }
  return changed;
}

function importErrorOf(error: DefinitionError, definition: Definition, model: SchemaModel): ImportError {
  return new ImportError(
    error.issues.map((issue) => {
      const place = placeOf(issue.path, definition, model);
      return { ...place, message: `${describe(issue.path, definition)}: ${issue.message}` };
    }),
  );
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
