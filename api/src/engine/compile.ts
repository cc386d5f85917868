// definition -> plan: resolves row counts (children per parent), decides how uniqueness is
// guaranteed, orders tables parents-first and builds each field's generator. The plan's
// `tables` are plain data (printable); the generators hang off it in a WeakMap.
import { allLocales, base, en, Faker, type LocaleDefinition } from '@faker-js/faker';
import { directDraws, keepFakePatterns, keepFileExtensions, keepMustachePatterns } from './faker-shortcuts.js';
import { directTextMethods } from './faker-text-shortcuts.js';
import { ChildLayout, type PerParent } from './child-layout.js';
import {
  DEFAULT_REFERENCE_DATE,
  DEFAULT_TABLE_ROWS,
  declaredKind,
  fieldDependencies,
  kindOfValues,
  type Definition,
  type FieldDefinition,
  parseDefinition,
  type TableDefinition,
} from './definition.js';
import { DefinitionError, type DefinitionIssue } from './errors.js';
import { type BuiltField, type FieldContext, intSpace } from './fields.js';
import { joinKeyCovered, manyToManyIssues, parentKeyCovered } from './many-to-many.js';
import { profileDependencies, TableProfiles } from './profiles.js';
import { buildTableField, relationColumn, relationDependencies, relationReads } from './relations.js';
import { layoutEligible, whereReads } from './parent-filter.js';
import { untilRead } from './until-ref.js';
import { sameAsWhenPaths } from './scoped-ref.js';
import { orderedPairRows, orderedPairs } from './ordered-pairs.js';
import { childIndexKeyCovered, refRepeats, siblingDistinct, textCarrier } from './sibling-values.js';
import { fakerTypeById } from './catalog.js';
import { pathMayBeNull, pathReader, resolveFieldPath } from './field-path.js';
import { PATH_VALUE_TYPES, pathValueNullable } from './path-values.js';
import { keyOf, Permutation, Rng, type Key } from './random.js';
import { regexIndexSpace } from './regex.js';
import { jsonSchemaElementKind } from './json-schema.js';
import { sequenceRangeIssues } from './value-ranges.js';
import { checkAddressable, nullsOnlyRedraw, redrawGuardedColumns, tableChecks } from './row-checks.js';
import { aggregateRead } from './child-aggregates.js';
import type { ColumnShape, TableShape, Value } from './shape.js';
import { type FieldRuntime, TableRuntime } from './table-runtime.js';

export interface CompileOptions {
  /** Overrides the definition's seed. */
  seed?: string | number;
  /** Overrides every table's row count (children per parent still apply). */
  rows?: number;
  /** Only this table in `plan.tables` (the others still back its references). */
  table?: string;
}

export interface Plan {
  seed: string;
  locale: string;
  referenceDate: string;
  /** Parents first. */
  tables: TableShape[];
}

const runtimes = new WeakMap<Plan, Map<string, TableRuntime>>();

export function tableRuntime(plan: Plan, table: string): TableRuntime {
  const runtime = runtimes.get(plan)?.get(table);
  if (!runtime) throw new RangeError(`the plan has no table "${table}"`);
  return runtime;
}

type RefOptions = { table: string; field: string; childrenPerParent?: PerParent };

export function compile(definition: Definition, options: CompileOptions = {}): Plan {
  const def = parseDefinition(definition);
  const issues: DefinitionIssue[] = [];
  const seed = String(options.seed ?? def.seed ?? 0);
  const locale = def.locale ?? 'en';
  const referenceDate = new Date(def.referenceDate ?? DEFAULT_REFERENCE_DATE);
  if (options.rows !== undefined && !(Number.isInteger(options.rows) && options.rows >= 0 && options.rows <= 1e9))
    throw new DefinitionError([{ path: 'rows', message: `must be an integer in [0, 1e9] (got ${options.rows})` }]);

  const tables = new Map(def.tables.map((t) => [t.name, t]));
  const tableIndex = new Map(def.tables.map((t, i) => [t.name, i]));
  if (options.table !== undefined && !tables.has(options.table))
    throw new DefinitionError([{ path: 'table', message: `unknown table "${options.table}" (tables: ${[...tables.keys()].join(', ')})` }]);

  // row counts: children-per-parent tables take theirs from their parent's
  const rows = new Map<string, number>();
  const layouts = new Map<string, ChildLayout>();
  const resolving = new Set<string>();
  const rowsOf = (table: TableDefinition): number => {
    const known = rows.get(table.name);
    if (known !== undefined) return known;
    const perParent = table.fields.find((f) => f.type === 'ref' && (f.options as RefOptions).childrenPerParent);
    let count = Math.min(options.rows ?? table.rows ?? DEFAULT_TABLE_ROWS, table.maxRows ?? Infinity);
    if (perParent) {
      const ref = perParent.options as RefOptions;
      if (resolving.has(table.name)) {
        issues.push({ path: `tables[${tableIndex.get(table.name)}]`, message: `children per parent form a cycle through table ${table.name}` });
        return 0;
      }
      resolving.add(table.name);
      const parentRows = rowsOf(tables.get(ref.table)!);
      resolving.delete(table.name);
      const parent = tables.get(ref.table)!;
      const selector = parent.profiles ? new TableProfiles(parent.profiles, keyOf(seed, parent.name, '', 'profiles')) : undefined;
      const eligible = selector && layoutEligible(perParent, parent, (j) => selector.selectorValueOf(j));
      const layout = ChildLayout.of(parentRows, ref.childrenPerParent!, keyOf(seed, table.name, perParent.name, 'children'), eligible);
      layouts.set(`${table.name}.${perParent.name}`, layout);
      count = layout.total;
    }
    if (count > 1e9) issues.push({ path: `tables[${tableIndex.get(table.name)}]`, message: `${count} rows is more than 1e9` });
    rows.set(table.name, count);
    return count;
  };
  def.tables.forEach(rowsOf);
  sequenceRangeIssues(
    def,
    (t) => rows.get(t.name),
    (path, message) => issues.push({ path, message }),
  );

  // fields that refs read one row at a time: stream generators there are reseeded per row
  const refTargets = new Set<string>();
  for (const table of def.tables)
    for (const field of table.fields)
      if (field.type === 'ref') {
        const ref = field.options as RefOptions;
        refTargets.add(`${ref.table}.${ref.field}`);
        const parentRows = rows.get(ref.table)!;
        const nullable = (field.nullRate ?? 0) >= 1;
        if (parentRows === 0 && rows.get(table.name)! > 0 && !nullable)
          issues.push({
            path: fieldPath(def, table, field, 'options.table'),
            message: `table ${ref.table} has 0 rows, so ${table.name}.${field.name} has nothing to reference`,
          });
      }

  const addressable = rowAddressable(def, tables);
  for (const id of relationReads(def, tables)) addressable.add(id);
  for (const id of checkAddressable(def, tables, allDependencies)) addressable.add(id);
  manyToManyIssues(def, rows, (path, message) => issues.push({ path, message }));
  const built = new Map<string, TableRuntime>();
  // a parent's values by row, once its table is built (ordered pairs compare their rows' values)
  const valuesOf = (table: string, field: string) => {
    let runtime: TableRuntime | undefined;
    let index = -1;
    return (row: number) => {
      if (!runtime) index = (runtime = built.get(table)!).fieldIndex(field);
      return runtime.valueAt(index, row);
    };
  };
  const { injective, digits } = planUniqueness(def, rows, seed, issues, layouts, valuesOf);
  const order = parentsFirst(def, issues);
  if (issues.length > 0) throw new DefinitionError(issues);

  const rng = new Rng();
  const faker = new Faker({ locale: localeChain(locale), randomizer: rng });
  faker.setDefaultRefDate(referenceDate);
  keepMustachePatterns(faker);
  keepFakePatterns(faker);
  directDraws(faker);
  keepFileExtensions(faker);
  directTextMethods(faker);

  const layoutOf = (table: string, field: string) => layouts.get(`${table}.${field}`);
  const runtimeOf = (table: string) => built.get(table)!;
  for (const table of def.tables) {
    const fieldIndex = new Map(table.fields.map((f, i) => [f.name, i]));
    const profiles = table.profiles ? new TableProfiles(table.profiles, keyOf(seed, table.name, '', 'profiles')) : undefined;
    const tableRows = rows.get(table.name)!;
    const checks = tableChecks(table, tables, allDependencies, rng, referenceDate, built);
    const guarded = redrawGuardedColumns(table);
    const fields: FieldRuntime[] = table.fields.map((field) => {
      const key = keyOf(seed, table.name, field.name);
      const ref = field.type === 'ref' ? (field.options as RefOptions) : undefined;
      const layout = layouts.get(`${table.name}.${field.name}`);
      const parentField = ref ? tables.get(ref.table)!.fields.findIndex((f) => f.name === ref.field) : -1;
      const context: FieldContext = {
        faker,
        rng,
        key,
        rows: tableRows,
        injective: injective.has(`${table.name}.${field.name}`),
        indexOf: digits.get(`${table.name}.${field.name}`),
        fieldIndex,
        parentValue: ref ? (j) => built.get(ref.table)!.valueAt(parentField, j) : undefined,
        parentRows: ref ? rows.get(ref.table) : undefined,
        parentOf: layout ? (i) => layout.parentOf(i) : undefined,
        selfReference: ref?.table === table.name,
        path: (text) => {
          const resolved = resolveFieldPath(text, table, tables);
          if (typeof resolved === 'string') throw new Error(`${table.name}.${field.name}: ${resolved}`);
          const reader = pathReader(resolved, fieldIndex, (name) => built.get(name)!);
          reader.kind = declaredKind(resolved.field, tables, tables.get(resolved.table));
          return reader;
        },
        kind: declaredKind(field, tables, table),
        referenceDate,
        record: (name) => ({ key: keyOf(seed, table.name, '', 'record', name), locale }),
      };
      const relation = { table, tables, key, rows, layoutOf, runtimeOf, parentValue: context.parentValue, referenceDate };
      // a case is applied to the value itself, so row checks and readers see the cased text
      const build = (ctx: typeof context, rel: typeof relation) =>
        withMaxLength(withCase(buildTableField(field, ctx, rel, profiles, declaredKind(field, tables, table)), field.case), field.maxLength);
      let result = build(context, relation);
      let nullRate = profiles?.touches(field.name) ? 0 : (field.nullRate ?? 0);
      if (checks?.redraws(field.name)) {
        // a field whose value must stay (scoped, keyed) is drawn again only as null or not
        const kept = result;
        const nullsOnly = nullsOnlyRedraw(field, guarded.has(field.name), table);
        const rebuild = nullsOnly ? () => kept : (salt: Key) => build({ ...context, key: salt }, { ...relation, key: salt });
        // (drawn again only as null or not, both sides are tried evenly)
        result = checks.redrawn(fieldIndex.get(field.name)!, key, result, rebuild, nullRate, nullsOnly ? 0.5 : nullRate);
        // its nulls are the redraw's now
        nullRate = 0;
      }
      const readByPath = addressable.has(`${table.name}.${field.name}`);
      const mode: FieldRuntime['mode'] = result.rowFunction ? 'row' : refTargets.has(`${table.name}.${field.name}`) || readByPath ? 'rowSeeded' : 'stream';
      const runtime: FieldRuntime = { name: field.name, built: result, mode, key, nullRate };
      if (readByPath) runtime.rowNulls = true;
      return runtime;
    });
    built.set(table.name, new TableRuntime(table.name, tableRows, fields, rng));
    checks?.attach(built.get(table.name)!);
  }

  const shapes = order.filter((t) => options.table === undefined || t.name === options.table).map((t) => tableShape(t, def, rows.get(t.name)!));
  const plan: Plan = { seed, locale, referenceDate: referenceDate.toISOString(), tables: shapes };
  runtimes.set(plan, built);
  return plan;
}

/**
 * Fields other rows read one row at a time through field paths (`customer_id.created_at`): the
 * targets, the refs followed after the first, and everything those compute from on their own row.
 * They are reseeded per row with hashed nulls so any single row can be computed; other fields
 * keep their block streams (and their values).
 */
function rowAddressable(def: Definition, tables: ReadonlyMap<string, TableDefinition>): Set<string> {
  const out = new Set<string>();
  const queue: string[] = [];
  const mark = (table: string, field: string) => {
    const id = `${table}.${field}`;
    if (out.has(id)) return;
    out.add(id);
    queue.push(id);
  };
  const pathsOf = (table: TableDefinition, field: FieldDefinition) => {
    const resolved = [];
    for (const text of [...fieldDependencies(field), ...profileDependencies(table, field.name, fieldDependencies)]) {
      const path = resolveFieldPath(text, table, tables);
      if (typeof path !== 'string') resolved.push(path);
    }
    return resolved;
  };
  for (const table of def.tables)
    for (const field of table.fields) {
      for (const path of pathsOf(table, field)) {
        if (path.steps.length === 0) continue;
        mark(path.table, path.column);
        for (const step of path.steps.slice(1)) mark(step.table, step.field);
      }
      // a join's partners since a moment of the left row read it one left row at a time
      const since = field.type === 'ref' ? (field.options as { since?: { atLeast: string } }).since : undefined;
      const sincePath = since && resolveFieldPath(since.atLeast, table, tables);
      if (sincePath && typeof sincePath !== 'string') {
        mark(sincePath.table, sincePath.column);
        for (const step of sincePath.steps.slice(1)) mark(step.table, step.field);
      }
      // a ref to the rows that existed by a moment of this row reads that moment one row at a time
      const untilPath = untilRead(field) !== undefined ? resolveFieldPath(untilRead(field), table, tables) : undefined;
      if (untilPath && typeof untilPath !== 'string') {
        mark(untilPath.table, untilPath.column);
        for (const step of untilPath.steps) mark(step.table, step.field);
      }
      // a ref the same as another only where its parents say so reads them one row at a time
      for (const text of sameAsWhenPaths(field)) {
        const whenPath = resolveFieldPath(text, table, tables);
        if (typeof whenPath === 'string') continue;
        mark(whenPath.table, whenPath.column);
        for (const step of whenPath.steps) mark(step.table, step.field);
      }
      // a ref that picks only parents in some state (where) reads that state one parent row at a time
      const filter = whereReads(field);
      const filterPath = filter && resolveFieldPath(filter.path, tables.get(filter.table)!, tables);
      if (filterPath && typeof filterPath !== 'string') {
        mark(filterPath.table, filterPath.column);
        for (const step of filterPath.steps) mark(step.table, step.field);
      }
      // a parent's aggregate reads its children one row at a time
      const children = aggregateRead(field);
      for (const column of children?.fields ?? []) if (tables.get(children!.table)?.fields.some((f) => f.name === column)) mark(children!.table, column);
      // a ref reads its target one row at a time: a target computed from its row needs that row too
      if (field.type !== 'ref') continue;
      const ref = field.options as RefOptions;
      const parent = tables.get(ref.table);
      const target = parent?.fields.find((f) => f.name === ref.field);
      if (parent && target && pathsOf(parent, target).length > 0) mark(parent.name, target.name);
    }
  while (queue.length > 0) {
    const id = queue.pop()!;
    const dot = id.indexOf('.');
    const table = tables.get(id.slice(0, dot))!;
    const field = table.fields.find((f) => f.name === id.slice(dot + 1))!;
    for (const path of pathsOf(table, field)) mark(table.name, path.steps.length === 0 ? path.column : path.steps[0].field);
  }
  return out;
}

/** Every path a field reads on its row or its parents (generators, profile variants, relations). */
function allDependencies(field: FieldDefinition, table: TableDefinition): string[] {
  return [...fieldDependencies(field), ...profileDependencies(table, field.name, fieldDependencies), ...relationDependencies(field)];
}

function localeChain(locale: string): LocaleDefinition[] {
  const chosen = (allLocales as Record<string, LocaleDefinition>)[locale];
  return locale === 'en' || locale === 'base' ? [en, base] : [chosen, en, base];
}

function fieldPath(def: Definition, table: TableDefinition, field: FieldDefinition, rest: string): string {
  return `tables[${def.tables.indexOf(table)}].fields[${table.fields.indexOf(field)}].${rest}`;
}

/** How many distinct values a field can be made to take, one per row (0: it cannot). */
const NO_REF_FIELDS: ReadonlySet<string> = new Set();

/** A field whose text values pass through `map` (other values pass as they are). */
function mapText(built: BuiltField, map: (v: string) => string): BuiltField {
  const value = built.value;
  return {
    ...built,
    value: (i, cols, k) => {
      const v = value(i, cols, k);
      return typeof v === 'string' ? map(v) : v;
    },
  };
}

/** A field's values lower- or upper-cased (text only). */
function withCase(built: BuiltField, textCase: 'lower' | 'upper' | undefined): BuiltField {
  if (!textCase) return built;
  return mapText(built, textCase === 'lower' ? (v) => v.toLowerCase() : (v) => v.toUpperCase());
}

/** Text longer than `max` cut to it: at its last space within `max` (trailing punctuation dropped), else exactly at `max`. */
export function cutText(v: string, max: number): string {
  if (v.length <= max) return v;
  const space = v.lastIndexOf(' ', max);
  const cut = space > 0 ? v.slice(0, space) : v.slice(0, max);
  return cut.replace(/[\s,;:.'&/-]+$/, '') || v.slice(0, max);
}

/** A field's text values kept within `max` characters (varchar(n)). */
function withMaxLength(built: BuiltField, max: number | undefined): BuiltField {
  return max === undefined ? built : mapText(built, (v) => cutText(v, max));
}

function uniqueSpace(
  field: FieldDefinition,
  table: TableDefinition,
  rows: Map<string, number>,
  own = false,
  refFields: ReadonlySet<string> = NO_REF_FIELDS,
): number {
  const options = (field.options ?? {}) as Record<string, unknown>;
  switch (field.type) {
    case 'string.uuid':
      return 2 ** 32;
    case 'number.int':
      return intSpace(options).size;
    case 'datatype.boolean':
      return 2;
    case 'sequence':
      if (options.per !== undefined) return 0; // positions repeat across parents
      return options.step === 0 ? 1 : Infinity;
    case 'constant':
      return 1;
    case 'pick':
      return new Set((options.values as unknown[]).map((v) => JSON.stringify(v))).size;
    case 'template':
    case 'slug':
    case 'email':
      return Infinity;
    case 'regex':
      // a column unique on its own may widen the space to its rows (quantifiers carry digits), composites keep the head/tail one
      return regexIndexSpace(
        options.pattern as string,
        options.maxLength as number | undefined,
        own ? rows.get(table.name) : undefined,
        options.minLength as number | undefined,
      );
    case 'ref': {
      const ref = options as RefOptions;
      // a ref to another ref copies a column whose values repeat (a join's user_id): never injective;
      // nor is one that picks inside a scope, follows another ref or pairs partners (its own rules choose the row)
      const shaped = options.scope !== undefined || options.sameAs !== undefined || options.distinctWithin !== undefined;
      if (ref.childrenPerParent || shaped || ref.table === table.name || refFields.has(`${ref.table}.${ref.field}`)) return 0;
      return rows.get(ref.table)!;
    }
    default:
      return fakerTypeById.get(field.type)?.unique ? Infinity : 0;
  }
}

/** Spaces a composite's columns can be walked by index (0: not finite or not indexable). */
function finiteSpace(field: FieldDefinition, table: TableDefinition, rows: Map<string, number>, refFields: ReadonlySet<string>): number {
  if (!['pick', 'datatype.boolean', 'number.int', 'constant', 'ref', 'regex'].includes(field.type)) return 0;
  return uniqueSpace(field, table, rows, false, refFields);
}

/**
 * Fields that must be row-index-injective: unique, single primary keys, one column per composite.
 * A composite none of whose columns can carry it alone walks a keyed permutation of the product
 * of its columns' spaces instead (e.g. order_items(order_id, product_id)): `digits`.
 */
function planUniqueness(
  def: Definition,
  rows: Map<string, number>,
  seed: string,
  issues: DefinitionIssue[],
  layouts: ReadonlyMap<string, ChildLayout>,
  valuesOf: (table: string, field: string) => (row: number) => Value,
): { injective: Set<string>; digits: Map<string, (i: number) => number> } {
  const injective = new Set<string>();
  const digits = new Map<string, (i: number) => number>();
  const tablesByName = new Map(def.tables.map((t) => [t.name, t]));
  const refFields = new Set(def.tables.flatMap((t) => t.fields.filter((f) => f.type === 'ref').map((f) => `${t.name}.${f.name}`)));
  def.tables.forEach((table, t) => {
    const count = rows.get(table.name)!;
    const byName = new Map(table.fields.map((f) => [f.name, f]));
    const require = (field: FieldDefinition, path: string) => {
      const space = uniqueSpace(field, table, rows, true, refFields);
      // a nullable unique ref with fewer parents than rows: each parent once, the other rows null (fields.ts ref)
      if (field.type === 'ref' && (field.nullRate ?? 0) > 0 && space > 0 && !path.includes('primaryKey')) injective.add(`${table.name}.${field.name}`);
      else if (space === 0) issues.push({ path, message: `field "${field.name}" (${field.type}) cannot be made unique` });
      else if (space < count) issues.push({ path, message: `only ${space} distinct value${space === 1 ? '' : 's'} of ${field.name} for ${count} rows` });
      else injective.add(`${table.name}.${field.name}`);
    };
    table.fields.forEach((field, f) => {
      if (field.unique) require(field, `tables[${t}].fields[${f}].unique`);
    });
    if (table.primaryKey?.length === 1) {
      const field = byName.get(table.primaryKey[0])!;
      if (!field.unique) require(field, `tables[${t}].primaryKey`);
    }
    // ordered pairs (tag1 < tag2): both refs walk the pairs of their parent's rows
    const pairs = orderedPairs(table);
    for (const [low, high] of pairs) {
      const { table: parent, field } = low.options as { table: string; field: string };
      const parentRows = rows.get(parent)!;
      const total = (parentRows * (parentRows - 1)) / 2;
      const keyed = [...(table.unique ?? []), ...(table.primaryKey && table.primaryKey.length > 1 ? [table.primaryKey] : [])].some(
        (key) => key.includes(low.name) && key.includes(high.name),
      );
      if (total < 1 || (keyed && total < count))
        issues.push({
          path: `tables[${t}].fields[${table.fields.indexOf(high)}].options.greaterThan`,
          message: `only ${total} pair${total === 1 ? '' : 's'} of distinct ${parent} rows for ${count} rows of ${table.name}`,
        });
      const rowsOf = orderedPairRows(parentRows, keyOf(seed, table.name, 'pairs', low.name, high.name), valuesOf(parent, field));
      digits.set(`${table.name}.${low.name}`, rowsOf.low);
      digits.set(`${table.name}.${high.name}`, rowsOf.high);
    }
    const composites = [...(table.unique ?? []).map((c, u) => ({ columns: c, path: `tables[${t}].unique[${u}]` }))];
    if (table.primaryKey && table.primaryKey.length > 1) composites.push({ columns: table.primaryKey, path: `tables[${t}].primaryKey` });
    for (const { columns, path } of composites) {
      const fields = columns.map((c) => byName.get(c)!);
      if (fields.some((f) => injective.has(`${table.name}.${f.name}`))) continue;
      // a column that is always null leaves every tuple distinct (NULLs are never equal in a key)
      if (fields.some((f) => (f.nullRate ?? 0) >= 1)) continue;
      if (pairs.some(([low, high]) => fields.includes(low) && fields.includes(high))) continue; // distinct pairs by construction
      const repeats = (ref: FieldDefinition) => refRepeats(ref, tablesByName);
      if (joinKeyCovered(table, columns) || childIndexKeyCovered(table, columns, repeats)) continue; // distinct within each parent by construction
      if (parentKeyCovered(table, columns, tablesByName)) continue; // a different parent row each, copying its key
      // one row-index-injective column makes the whole tuple unique
      const carrier = [...fields].reverse().find((f) => uniqueSpace(f, table, rows, false, refFields) >= count);
      if (carrier) {
        injective.add(`${table.name}.${carrier.name}`);
        continue;
      }
      // the shortest run of trailing columns whose product space holds the rows
      const used: { field: FieldDefinition; radix: number }[] = [];
      let product = 1;
      for (const field of [...fields].reverse()) {
        const radix = finiteSpace(field, table, rows, refFields);
        if (radix === 0 || digits.has(`${table.name}.${field.name}`)) continue;
        used.push({ field, radix });
        product *= radix;
        if (product >= count) break;
      }
      if (product < count || product > Number.MAX_SAFE_INTEGER) {
        // (parent ref, col): col need only be distinct among the rows of one parent
        const sibling = siblingDistinct(
          table,
          fields,
          (name) => layouts.get(`${table.name}.${name}`),
          (f) => finiteSpace(f, table, rows, refFields),
          (f) => digits.has(`${table.name}.${f.name}`),
          keyOf(seed, table.name, 'siblings', ...columns),
          repeats,
        );
        if ('field' in sibling) {
          digits.set(`${table.name}.${sibling.field}`, sibling.indexOf);
          continue;
        }
        const text = textCarrier(
          fields,
          (f) => fakerTypeById.get(f.type)?.kind === 'text',
          (f) => digits.has(`${table.name}.${f.name}`),
        );
        if (text) {
          injective.add(`${table.name}.${text.name}`);
          continue;
        }
        issues.push({
          path,
          message: `cannot guarantee (${columns.join(', ')}) unique for ${count} rows: its columns have only ${product} combinations${sibling.hint}`,
        });
        continue;
      }
      const permutation = new Permutation(product, keyOf(seed, table.name, 'unique', ...columns));
      let lastRow = -1;
      let lastValue = 0;
      const combination = (i: number) => (i === lastRow ? lastValue : ((lastRow = i), (lastValue = permutation.at(i))));
      let stride = 1;
      for (const { field, radix } of used) {
        const s = stride;
        digits.set(`${table.name}.${field.name}`, (i) => Math.floor(combination(i) / s) % radix);
        stride *= radix;
      }
    }
  });
  return { injective, digits };
}

/**
 * A ref that may point at a table generated after its own (`target`: the field it references): it
 * lays out no children, and it may be null or its target is a plain sequence (a key known from the
 * row index alone, before the target table is written; a cycle of NOT NULL foreign keys such as
 * staff → store → staff). The importer breaks cycles of foreign keys by the same rule.
 */
export function forwardRef(field: Pick<FieldDefinition, 'options' | 'nullRate'>, target: Pick<FieldDefinition, 'type' | 'options'> | undefined): boolean {
  const ref = field.options as RefOptions;
  if (ref.childrenPerParent) return false;
  if ((field.nullRate ?? 0) > 0) return true;
  return target?.type === 'sequence' && (target.options as { per?: unknown } | undefined)?.per === undefined;
}

/** Topological order, parents first; a cycle is broken at a ref that may be filled later (forwardRef). */
function parentsFirst(def: Definition, issues: DefinitionIssue[]): TableDefinition[] {
  type Edge = { child: string; parent: string; breakable: boolean };
  const edges: Edge[] = [];
  for (const table of def.tables)
    for (const field of table.fields)
      if (field.type === 'ref') {
        const ref = field.options as RefOptions;
        const target = def.tables.find((t) => t.name === ref.table)?.fields.find((f) => f.name === ref.field);
        if (ref.table !== table.name) edges.push({ child: table.name, parent: ref.table, breakable: forwardRef(field, target) });
      }
  const attempt = (active: Edge[]) => {
    const pending = new Map(def.tables.map((t) => [t.name, 0]));
    for (const e of active) pending.set(e.child, pending.get(e.child)! + 1);
    const order: TableDefinition[] = [];
    const done = new Set<string>();
    while (order.length < def.tables.length) {
      const next = def.tables.find((t) => !done.has(t.name) && pending.get(t.name) === 0);
      if (!next) return { order, stuck: def.tables.filter((t) => !done.has(t.name)).map((t) => t.name) };
      order.push(next);
      done.add(next.name);
      for (const e of active) if (e.parent === next.name) pending.set(e.child, pending.get(e.child)! - 1);
    }
    return { order, stuck: [] as string[] };
  };
  const first = attempt(edges);
  if (first.stuck.length === 0) return first.order;
  const second = attempt(edges.filter((e) => !e.breakable));
  if (second.stuck.length === 0) return second.order;
  issues.push({
    path: 'tables',
    message: `tables reference each other in a cycle (${second.stuck.join(', ')}); give one of those refs a nullRate, or point it at a sequence, so it can be filled later`,
  });
  return second.order;
}

function tableShape(table: TableDefinition, def: Definition, rows: number): TableShape {
  const tables = new Map(def.tables.map((t) => [t.name, t]));
  const byName = new Map(table.fields.map((f) => [f.name, f]));
  const columns = table.fields.map((field): ColumnShape => {
    const options = (field.options ?? {}) as Record<string, unknown>;
    const ref = field.type === 'ref' ? (options as RefOptions) : undefined;
    const related = relationColumn(table, field, fieldDependencies);
    const kind = (related.values ? kindOfValues(related.values) : declaredKind(field, tables, table)) ?? 'text';
    let nullable = (field.nullRate ?? 0) > 0 || related.nullable;
    if (ref?.table === table.name) nullable = true; // row 0 has no earlier parent
    if (field.type === 'dateAfter') nullable ||= (byName.get(options.field as string)?.nullRate ?? 0) > 0;
    if (PATH_VALUE_TYPES.has(field.type)) nullable ||= pathValueNullable(field, (text) => pathMayBeNull(text, table, tables));
    if (field.type === 'constant') nullable ||= options.value === null;
    if (field.type === 'share') nullable ||= pathMayBeNull(options.of, table, tables);
    if (field.type === 'pick') nullable ||= (options.values as unknown[]).includes(null);
    const column: ColumnShape = {
      name: field.name,
      kind,
      nullable,
      unique: Boolean(field.unique) || (table.primaryKey?.length === 1 && table.primaryKey[0] === field.name),
    };
    if (kind === 'array') {
      const of = field.type === 'array' ? (options.of as FieldDefinition) : undefined;
      column.elementKind = of
        ? (declaredKind(of, tables) ?? 'text')
        : field.type === 'jsonSchema'
          ? jsonSchemaElementKind(options.schema)
          : fakerTypeById.get(field.type)?.elementKind;
    }
    if (ref) column.references = { table: ref.table, column: ref.field };
    return column;
  });
  const shape: TableShape = { name: table.name, rows, columns, unique: table.unique?.map((u) => [...u]) ?? [] };
  const primaryKey = table.primaryKey ?? inferPrimaryKey(table);
  if (primaryKey) shape.primaryKey = [...primaryKey];
  return shape;
}

/** No declared key: a unique uuid/sequence field (or one named id) serves as the primary key. */
function inferPrimaryKey(table: TableDefinition): string[] | undefined {
  const key = table.fields.find(
    (f) =>
      (f.type === 'string.uuid' || (f.type === 'sequence' && (f.options as { step?: number } | undefined)?.step !== 0)) &&
      (f.unique || f.name === 'id') &&
      !f.nullRate,
  );
  return key ? [key.name] : undefined;
}
