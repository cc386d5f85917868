// The schema definition: versioned plain JSON (what generator_schemas.schema_definition stores),
// validated structurally with zod, then semantically (types, options, names, references).
import { allLocales } from '@faker-js/faker';
import { z } from 'zod';
import { builtinOptions, isBuiltin, nestedFieldSchema } from './builtin-types.js';
import { fakerTypeById } from './catalog.js';
import { DefinitionError, formatPath, type DefinitionIssue } from './errors.js';
import { definitionTextIssues } from './definition-text.js';
import { outputBoundIssues } from './output-bounds.js';
import { checkFieldPath, resolveFieldPath, type ResolvedPath } from './field-path.js';
import { exactlyOneSchema } from './one-per-parent.js';
import { isoDate } from './options.js';
import { checkPathValue, pathValueDependencies, pathValueKind } from './path-values.js';
import { checkProfiles, profileDependencies, profilesSchema } from './profiles.js';
import { checkRelationField, relationDependencies } from './relations.js';
import { whereReads } from './parent-filter.js';
import type { ColumnKind } from './shape.js';
import { jsonSchemaKind } from './json-schema.js';
import { derivedTextDependencies } from './derived-text.js';
import { checkDateSeries, seriesFromPath } from './date-series.js';
import { checkRecordFields } from './locale-records.js';
import { dateRangeIssues, literalRangeIssues, sequenceRangeIssues } from './value-ranges.js';
import { checksSchema, checkTableChecks } from './row-checks.js';
import { aggregateKind, aggregateRead, checkAggregate } from './child-aggregates.js';
import { checkShare, shareKind } from './sibling-shares.js';

export const DEFAULT_REFERENCE_DATE = '2025-01-01T00:00:00.000Z';

const identifier = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must start with a letter or _ and hold only letters, digits and _');

const fieldSchema = z.strictObject({
  name: identifier,
  type: z.string().min(1),
  options: z.record(z.string(), z.unknown()).optional(),
  nullRate: z.number().min(0).max(1).optional(),
  unique: z.boolean().optional(),
  description: z.string().max(2000).optional(),
  exactlyOne: exactlyOneSchema.optional(),
  /** Text values lower- or upper-cased (CHECK (lower(code) = code)); other values pass as they are. */
  case: z.enum(['lower', 'upper']).optional(),
  /** Text values longer than this are cut to it, at the last space within it when there is one (varchar(n)). */
  maxLength: z.number().int().min(1).max(10_000_000).optional(),
});

const tableSchema = z.strictObject({
  name: identifier,
  rows: z.number().int().min(0).max(1_000_000_000).optional(),
  /** The most rows the table can have (its unique keys allow no more): a row count asked for the whole definition stops here. */
  maxRows: z.number().int().min(0).max(1_000_000_000).optional(),
  fields: z.array(fieldSchema).min(1).max(500),
  unique: z.array(z.array(identifier).min(1)).optional(),
  primaryKey: z.array(identifier).min(1).optional(),
  description: z.string().max(2000).optional(),
  profiles: profilesSchema.optional(),
  checks: checksSchema.optional(),
});

export const definitionSchema = z.strictObject({
  version: z.literal(1),
  locale: z.string().optional(),
  seed: z.union([z.string().max(200), z.number().finite()]).optional(),
  referenceDate: isoDate.optional(),
  tables: z.array(tableSchema).min(1).max(1000), // real schemas run to hundreds (MusicBrainz: 375); requests stay bounded by the body size
  name: z.string().max(200).optional(),
  description: z.string().max(2000).optional(),
});

export type Definition = z.infer<typeof definitionSchema>;
export type TableDefinition = z.infer<typeof tableSchema>;
export type FieldDefinition = z.infer<typeof fieldSchema>;
export type NestedFieldDefinition = z.infer<typeof nestedFieldSchema>;

export const DEFAULT_TABLE_ROWS = 100;

/** Validate a definition (plain JSON); throws DefinitionError naming every bad place. */
export function parseDefinition(input: unknown): Definition {
  const unsafe = definitionTextIssues(input); // NUL, unpaired surrogates, runaway nesting: before any recursive check
  if (unsafe.length > 0) throw new DefinitionError(unsafe);
  const parsed = definitionSchema.safeParse(input);
  if (!parsed.success) {
    throw new DefinitionError(parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  const issues = checkDefinition(parsed.data);
  if (issues.length === 0) issues.push(...outputBoundIssues(parsed.data));
  if (issues.length > 0) throw new DefinitionError(issues);
  return parsed.data;
}

/** Types usable inside `json` fields and as `array` elements (no row links, no relations). */
const NESTED_FORBIDDEN = new Set(['ref', 'template', 'dateAfter', 'slug', 'email', 'record', 'lookup', 'after', 'before', 'expression', 'aggregate', 'share']);

function checkDefinition(def: Definition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  if (def.locale !== undefined && !Object.hasOwn(allLocales, def.locale)) {
    add('locale', `unknown locale "${def.locale}" (faker locales: ${Object.keys(allLocales).slice(0, 12).join(', ')}, ...)`);
  }
  const tables = new Map<string, TableDefinition>();
  def.tables.forEach((table, t) => {
    if (tables.has(table.name)) add(`tables[${t}].name`, `duplicate table name "${table.name}"`);
    tables.set(table.name, table);
  });

  def.tables.forEach((table, t) => {
    const at = `tables[${t}]`;
    const fields = new Map<string, FieldDefinition>();
    table.fields.forEach((field, f) => {
      if (fields.has(field.name)) add(`${at}.fields[${f}].name`, `duplicate field name "${field.name}"`);
      fields.set(field.name, field);
    });
    table.fields.forEach((field, f) => checkField(field, `${at}.fields[${f}]`, table, fields, tables, add));
    checkRecordFields(table.fields, (f) => `${at}.fields[${f}]`, def.locale ?? 'en', add);
    if (table.profiles)
      checkProfiles(table.profiles, {
        at,
        table,
        tables,
        add,
        checkSpec: (spec, where) => checkField(spec, where, table, fields, tables, add),
        kindOf: (f) => declaredKind(f, tables, table),
      });
    checkTableChecks(table, at, tables, add);
    table.unique?.forEach((columns, u) => {
      for (const name of columns)
        if (!fields.has(name)) add(`${at}.unique[${u}]`, `unknown field "${name}" (fields of ${table.name}: ${[...fields.keys()].join(', ')})`);
      if (new Set(columns).size !== columns.length) add(`${at}.unique[${u}]`, 'names a field twice');
    });
    table.primaryKey?.forEach((name, k) => {
      const field = fields.get(name);
      if (!field) add(`${at}.primaryKey[${k}]`, `unknown field "${name}"`);
      else if ((field.nullRate ?? 0) > 0) add(`${at}.primaryKey[${k}]`, `primary key field "${name}" cannot have a nullRate`);
    });
  });
  const cycle = findDependencyCycle(def, tables);
  if (cycle) add(cycle.path, cycle.message);
  // values a database cannot hold (value-ranges.ts)
  literalRangeIssues(def, add);
  dateRangeIssues(def, def.referenceDate ?? DEFAULT_REFERENCE_DATE, add);
  sequenceRangeIssues(
    def,
    (t) =>
      t.fields.some((f) => f.type === 'ref' && (f.options as { childrenPerParent?: unknown } | undefined)?.childrenPerParent)
        ? undefined
        : (t.rows ?? DEFAULT_TABLE_ROWS),
    add,
  );
  return issues;
}

function checkOptions(type: string, options: unknown, at: string, add: (p: string, m: string) => void): boolean {
  const schema = isBuiltin(type) ? builtinOptions[type] : fakerTypeById.get(type)?.options;
  if (!schema) {
    add(`${at}.type`, `unknown field type "${type}"${suggest(type)}`);
    return false;
  }
  const result = schema.safeParse(options ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      const rest = formatPath(issue.path);
      add(rest ? `${at}.options${rest.startsWith('[') ? '' : '.'}${rest}` : `${at}.options`, issue.message);
    }
    return false;
  }
  return true;
}

function checkNested(field: { type: string; options?: Record<string, unknown> }, at: string, add: (p: string, m: string) => void): void {
  if (NESTED_FORBIDDEN.has(field.type)) {
    add(`${at}.type`, `"${field.type}" cannot be nested inside json or array fields`);
    return;
  }
  if (!checkOptions(field.type, field.options, at, add)) return;
  if (field.type === 'json') {
    const nested = (field.options as { fields: { name: string; type: string; options?: Record<string, unknown> }[] }).fields;
    const names = new Set<string>();
    nested.forEach((child, i) => {
      if (names.has(child.name)) add(`${at}.options.fields[${i}].name`, `duplicate field name "${child.name}"`);
      names.add(child.name);
      checkNested(child, `${at}.options.fields[${i}]`, add);
    });
  }
  if (field.type === 'array') checkNested((field.options as { of: { type: string } }).of, `${at}.options.of`, add);
}

function checkField(
  field: FieldDefinition,
  at: string,
  table: TableDefinition,
  fields: Map<string, FieldDefinition>,
  tables: Map<string, TableDefinition>,
  add: (p: string, m: string) => void,
): void {
  if (!checkOptions(field.type, field.options, at, add)) return;
  const options = (field.options ?? {}) as Record<string, unknown>;
  checkRelationField(field, at, table, tables, add);
  const keyed = field.unique || table.primaryKey?.includes(field.name) || table.unique?.some((u) => u.includes(field.name));
  if (field.maxLength !== undefined && keyed) add(`${at}.maxLength`, 'a unique or key field cannot be cut to a length (two values could become one)');
  switch (field.type) {
    case 'json':
    case 'array':
      checkNested({ type: field.type, options }, at, add);
      if (field.unique) add(`${at}.unique`, `unique is not supported for ${field.type} fields`);
      return;
    case 'template':
      for (const name of templatePlaceholders(options.template as string)) {
        if (!fields.has(name)) add(`${at}.options.template`, `unknown field "${name}" in placeholder {{${name}}}`);
        else if (name === field.name) add(`${at}.options.template`, 'a template cannot use its own field');
      }
      return;
    case 'sequence':
      checkDateSeries(field, at, table, tables, (f, t) => declaredKind(f, tables, t), add);
      return;
    case 'dateAfter': {
      const path = checkFieldPath(options.field, `${at}.options.field`, table, tables, add);
      const base = path?.field;
      const kind = path ? declaredKind(path.field, tables, tables.get(path.table)) : undefined;
      if (!base) return;
      else if (base === field && path.steps.length === 0) add(`${at}.options.field`, 'a date cannot come after itself');
      else if (!['timestamp', 'date'].includes(kind ?? '')) add(`${at}.options.field`, `field "${path.text}" is not a date (it is ${kind})`);
      if (field.unique) add(`${at}.unique`, 'unique is not supported for dateAfter fields');
      return;
    }
    case 'slug':
    case 'email':
      for (const text of derivedTextDependencies(field.type, options)) {
        const where = `${at}.options.${Object.keys(options).find((k) => options[k] === text) ?? 'field'}`;
        const path = checkFieldPath(text, where, table, tables, add);
        if (path?.field === field) add(where, `a ${field.type} cannot read its own field`);
      }
      return;
    case 'lookup':
    case 'after':
    case 'before':
    case 'expression':
      checkPathValue(field, at, table, tables, (p) => declaredKind(p.field, tables, tables.get(p.table)), add);
      return;
    case 'aggregate':
      checkAggregate(field, at, table, tables, (name, column) => columnKind(name, column, tables), add);
      return;
    case 'share':
      checkShare(field, at, table, tables, (text) => pathKind(text, tables, table), add);
      return;
    case 'ref': {
      const parent = tables.get(options.table as string);
      if (!parent) {
        add(`${at}.options.table`, `unknown table "${String(options.table)}" (tables: ${[...tables.keys()].join(', ')})`);
        return;
      }
      const target = parent.fields.find((f) => f.name === options.field);
      if (!target) {
        add(`${at}.options.field`, `unknown field "${String(options.field)}" in table ${parent.name}`);
        return;
      }
      if (['template', 'dateAfter', 'json', 'array', 'lookup', 'after', 'before', 'expression', 'aggregate', 'share'].includes(target.type))
        add(`${at}.options.field`, `${parent.name}.${target.name} is a ${target.type} field and cannot be referenced`);
      if (target.type === 'ref') {
        // a row of a join table taken whole: laid out by that table (one review per enrolment), or
        // picked inside a scope (a project's lead among the members of its workspace); the value
        // is the join row's ref, never null
        const through = target.options as Record<string, unknown> | undefined;
        if (!options.childrenPerParent && !options.scope)
          add(
            `${at}.options.field`,
            `${parent.name}.${target.name} is a ref field: a ref to it must set childrenPerParent (rows taken one join row at a time) or a scope (a member of the row's group)`,
          );
        else if (through?.table === parent.name || (through?.scope as Record<string, unknown> | undefined)?.ifEmpty === 'null')
          add(`${at}.options.field`, `${parent.name}.${target.name} can be null (a self-reference or a scope that may be empty), so it cannot be referenced`);
        else if (field.unique) add(`${at}.unique`, `${parent.name}.${target.name} repeats its values, so a ref to it cannot be unique`);
      }
      if ((target.nullRate ?? 0) > 0) add(`${at}.options.field`, `${parent.name}.${target.name} has a nullRate, so it cannot be referenced`);
      if (options.childrenPerParent && parent === table) add(`${at}.options.childrenPerParent`, 'a self-reference cannot set children per parent');
      if (options.selfRoot && (parent !== table || options.scope || options.sameAs || options.where))
        add(`${at}.options.selfRoot`, 'selfRoot is for a plain self-reference (a ref to its own table, with no scope, sameAs or where)');
      const others = table.fields.filter((f) => f.type === 'ref' && (f.options as Record<string, unknown> | undefined)?.childrenPerParent);
      if (options.childrenPerParent && others.length > 1 && others[0] !== field)
        add(`${at}.options.childrenPerParent`, 'only one ref of a table can set children per parent');
      return;
    }
    default: {
      if (!field.unique) return;
      const faker = fakerTypeById.get(field.type);
      if (field.type === 'regex') return; // its space is checked when rows are known (compile)
      if (faker && !faker.unique && !['string.uuid', 'number.int', 'datatype.boolean'].includes(field.type))
        add(`${at}.unique`, `unique is not supported for type "${field.type}"`);
    }
  }
}

export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]);
}

/**
 * The field paths a field reads (see field-path.ts): `name` on its own row, `ref.name` on a parent
 * row. Compile makes path targets row-addressable; validation rejects cycles among them.
 */
export function fieldDependencies(field: FieldDefinition): string[] {
  const options = (field.options ?? {}) as Record<string, unknown>;
  switch (field.type) {
    case 'template':
      return templatePlaceholders(String(options.template ?? ''));
    case 'dateAfter':
      return [String(options.field)];
    case 'sequence': {
      const from = seriesFromPath(options);
      return from === undefined ? [] : [from];
    }
    case 'slug':
    case 'email':
      return derivedTextDependencies(field.type, options);
    case 'lookup':
    case 'after':
    case 'before':
    case 'expression':
      return pathValueDependencies(field);
    case 'share':
      return [String(options.of)];
    default:
      return [];
  }
}

/**
 * A cycle among fields reading each other (same row or through parents), as `a -> b -> a`; at
 * `tables[t].fields` when it stays in one row, else at the first field of the cycle.
 */
function findDependencyCycle(def: Definition, tables: ReadonlyMap<string, TableDefinition>): DefinitionIssue | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: { table: TableDefinition; field: FieldDefinition; via: string }[] = [];
  const visit = (table: TableDefinition, field: FieldDefinition, via: string): DefinitionIssue | undefined => {
    const id = `${table.name}.${field.name}`;
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') {
      const loop = stack.slice(stack.findIndex((n) => n.table === table && n.field === field));
      const start = loop[0];
      const sameRow = loop.every((n) => n.table === table) && [...loop.slice(1), { via }].every((n) => !n.via.includes('.'));
      const names = [...loop.map((n, x) => (x === 0 ? n : { ...n, via: n.via })), { table, field, via }];
      const text = sameRow
        ? names.map((n) => n.field.name).join(' -> ')
        : names.map((n, x) => (x === 0 ? `${n.table.name}.${n.field.name}` : `${n.table.name}.${n.field.name} (via ${n.via})`)).join(' -> ');
      const t = def.tables.indexOf(start.table);
      return sameRow
        ? { path: `tables[${t}].fields`, message: `fields depend on each other in a cycle: ${text}` }
        : {
            path: `tables[${t}].fields[${start.table.fields.indexOf(start.field)}]`,
            message: `fields depend on each other in a cycle through field paths: ${text}`,
          };
    }
    state.set(id, 'visiting');
    stack.push({ table, field, via });
    for (const text of [...fieldDependencies(field), ...profileDependencies(table, field.name, fieldDependencies), ...relationDependencies(field)]) {
      const path = resolveFieldPath(text, table, tables);
      if (typeof path === 'string') continue;
      // an earlier row of the same table (self-reference paths): well-founded, only the ref is read on this row
      const earlier = earlierRowPath(path, table, tables);
      const cycle = earlier ? visit(table, earlier, path.steps[0].field) : visit(tables.get(path.table)!, path.field, text);
      if (cycle) return cycle;
      // the ref a path starts at picks the row read: what it picks by comes first (until reads a moment of the row)
      const first = !earlier && path.steps.length > 0 ? table.fields.find((f) => f.name === path.steps[0].field) : undefined;
      const picked = first && first !== field ? visit(table, first, path.steps[0].field) : undefined;
      if (picked) return picked;
    }
    // a ref with where reads the state of the parents it draws (a path in the target table)
    const filter = whereReads(field);
    const target = filter && tables.get(filter.table);
    const filterPath = target && resolveFieldPath(filter.path, target, tables);
    if (filterPath && typeof filterPath !== 'string') {
      const cycle = visit(tables.get(filterPath.table)!, filterPath.field, `${field.name} where ${filter.path}`);
      if (cycle) return cycle;
    }
    // a parent's aggregate reads its children's column (a path down the child's ref)
    const children = aggregateRead(field);
    const childTable = children && tables.get(children.table);
    for (const column of children?.fields ?? []) {
      const childField = childTable?.fields.find((f) => f.name === column);
      if (!childTable || !childField) continue;
      const cycle = visit(childTable, childField, `${children!.table}.${children!.via}`);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const table of def.tables)
    for (const field of table.fields) {
      const cycle = visit(table, field, '');
      if (cycle) return cycle;
    }
  return undefined;
}

/**
 * The ref field a path starts with when the path only follows self-references that always pick an
 * earlier row (plain or scoped, not sameAs) of a table no ref cycle through other tables leads back
 * to: reading it is well-founded (row 0, or the first row of a scope, has no parent).
 */
function earlierRowPath(path: ResolvedPath, table: TableDefinition, tables: ReadonlyMap<string, TableDefinition>): FieldDefinition | undefined {
  if (path.steps.length === 0) return undefined;
  for (const step of path.steps) {
    if (step.table !== table.name || step.parent !== table.name) return undefined;
    const ref = table.fields.find((f) => f.name === step.field)!;
    const o = (ref.options ?? {}) as Record<string, unknown>;
    if (o.sameAs !== undefined || o.distinctWithin !== undefined || o.include !== undefined) return undefined;
  }
  // a ref cycle through other tables could lead back to any row of this one
  const seen = new Set<string>();
  const queue = table.fields.filter((f) => f.type === 'ref').map((f) => String((f.options as { table?: unknown }).table));
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (name === table.name || seen.has(name)) continue;
    seen.add(name);
    for (const f of tables.get(name)?.fields ?? []) {
      if (f.type !== 'ref') continue;
      const parent = String((f.options as { table?: unknown }).table);
      if (parent === table.name) return undefined;
      queue.push(parent);
    }
  }
  return table.fields.find((f) => f.name === path.steps[0].field);
}

let kindDepth = 0;
const kindResolving = new Set<object>();

/**
 * The column kind a field produces (refs take their target's kind; fields that copy or offset a
 * field path take the kind found at its end, which needs `table`, the field's own table).
 */
export function declaredKind(
  field: { type: string; options?: Record<string, unknown> },
  tables?: ReadonlyMap<string, TableDefinition>,
  table?: TableDefinition,
): ColumnKind | undefined {
  if (kindDepth > 32 || kindResolving.has(field)) return undefined; // a cycle of paths (or a self-reference path): the other sides decide
  kindDepth++;
  kindResolving.add(field);
  try {
    return kindOf(field, tables, table);
  } finally {
    kindDepth--;
    kindResolving.delete(field);
  }
}

/** The kind at the end of a field path read from a row of `table`. */
export function pathKind(text: unknown, tables: ReadonlyMap<string, TableDefinition> | undefined, table: TableDefinition | undefined): ColumnKind | undefined {
  if (!tables || !table) return undefined;
  const path = resolveFieldPath(text, table, tables);
  return typeof path === 'string' ? undefined : declaredKind(path.field, tables, tables.get(path.table));
}

function kindOf(
  field: { type: string; options?: Record<string, unknown> },
  tables?: ReadonlyMap<string, TableDefinition>,
  table?: TableDefinition,
): ColumnKind | undefined {
  const options = (field.options ?? {}) as Record<string, unknown>;
  switch (field.type) {
    case 'sequence':
      if (options.unit !== undefined) return options.range === undefined ? 'timestamp' : 'text';
      return Number.isInteger(options.start ?? 1) && Number.isInteger(options.step ?? 1) ? 'integer' : 'number';
    case 'pick':
      return kindOfValues((options.values as unknown[]) ?? []);
    case 'constant':
      return kindOfValues([options.value]);
    case 'regex':
    case 'template':
    case 'slug':
    case 'email':
    case 'record':
      return 'text';
    case 'json':
      return 'json';
    case 'array':
      return options.json === true ? 'json' : 'array';
    case 'jsonSchema':
      return jsonSchemaKind(options.schema);
    case 'dateAfter':
    case 'timeline':
      return 'timestamp';
    case 'lookup':
    case 'after':
    case 'before':
    case 'expression':
      return pathValueKind(field, (text) => pathKind(text, tables, table));
    case 'ref': {
      const parent = tables?.get(String(options.table));
      const target = parent?.fields.find((f) => f.name === options.field);
      return target && target.type !== 'ref' ? declaredKind(target, tables, parent) : undefined;
    }
    case 'share':
      return shareKind(field, (text) => pathKind(text, tables, table));
    case 'aggregate':
      return aggregateKind(field, (name, column) => (tables ? columnKind(name, column, tables) : undefined));
    default:
      return fakerTypeById.get(field.type)?.kind;
  }
}

/** The kind of a column of a table, by names. */
function columnKind(name: string, column: string, tables: ReadonlyMap<string, TableDefinition>): ColumnKind | undefined {
  const table = tables.get(name);
  const field = table?.fields.find((f) => f.name === column);
  return field ? declaredKind(field, tables, table) : undefined;
}

/** The kind of a list of JSON values: one shared kind, else text. */
export function kindOfValues(values: unknown[]): ColumnKind {
  const kinds = new Set(
    values
      .filter((v) => v !== null)
      .map((v): ColumnKind => {
        if (typeof v === 'string') return 'text';
        if (typeof v === 'boolean') return 'boolean';
        if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
        if (Array.isArray(v)) return 'array';
        return 'json';
      }),
  );
  if (kinds.size === 1) return [...kinds][0];
  if (kinds.size === 2 && kinds.has('integer') && kinds.has('number')) return 'number';
  return kinds.size === 0 ? 'text' : 'json';
}

function suggest(type: string): string {
  const candidates = [...fakerTypeById.keys(), ...Object.keys(builtinOptions)];
  let best = '';
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(type.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(type.length / 4)) ? ` (did you mean "${best}"?)` : ' (see the field type catalog)';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
