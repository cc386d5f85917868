// One entry point from compile and validation for the row-relation primitives: scoped refs,
// many-to-many partners, per-parent exactly-one and row profiles (each in its own module).
import type { FieldDefinition, TableDefinition } from './definition.js';
import { resolveFieldPath } from './field-path.js';
import { buildField, type BuiltField, type FieldContext } from './fields.js';
import { buildManyToMany, checkManyToMany } from './many-to-many.js';
import { buildWhereRef, checkWhere } from './parent-filter.js';
import { buildUntilRef, checkUntil } from './until-ref.js';
import { buildAggregate } from './child-aggregates.js';
import { buildShare } from './sibling-shares.js';
import { buildExactlyOne, checkExactlyOne } from './one-per-parent.js';
import { profileColumn, type Profiles, type TableProfiles } from './profiles.js';
import { buildChildIndex, checkChildIndex } from './sibling-values.js';
import { checkOrderedPair } from './ordered-pairs.js';
import { buildScopedRef, checkScopedRef, refSteps, type RelationContext, sameAsWhenPaths, scopeNullable } from './scoped-ref.js';
import type { ColumnKind, Value } from './shape.js';

type RefOptions = {
  scope?: { equals: string };
  sameAs?: { path: string };
  include?: string;
  differentFrom?: string;
  since?: { atLeast: string };
  until?: { atMost: string };
};

/** Table-aware checks of a field's relation options (`at` is the field's path). */
export function checkRelationField(
  field: FieldDefinition,
  at: string,
  table: TableDefinition,
  tables: ReadonlyMap<string, TableDefinition>,
  add: (path: string, message: string) => void,
): void {
  if (field.exactlyOne) checkExactlyOne(field, at, table, add);
  if (field.type === 'sequence') checkChildIndex(field, at, table, add);
  if (field.type !== 'ref') return;
  checkScopedRef(field, at, table, tables, add);
  checkOrderedPair(field, at, table, add);
  checkManyToMany(field, at, table, tables, add);
  checkWhere(field, at, table, tables, add);
  checkUntil(field, at, table, tables, add);
}

/** The field paths a ref's relation options read (scope.equals, sameAs and its condition, include, ...). */
function relationPaths(field: FieldDefinition): string[] {
  const options = field.options as RefOptions;
  return [
    options.scope?.equals,
    options.sameAs?.path,
    options.include,
    options.differentFrom,
    options.since?.atLeast,
    options.until?.atMost,
    ...sameAsWhenPaths(field),
  ].filter((text): text is string => typeof text === 'string');
}

/**
 * Nullable refs that relation fields follow one row at a time (`table.field`): compile gives them
 * row-hashed nulls so `isNull` can answer for any row.
 */
export function relationReads(def: { tables: TableDefinition[] }, tables: ReadonlyMap<string, TableDefinition>): string[] {
  const out: string[] = [];
  for (const table of def.tables)
    for (const field of table.fields) {
      if (field.type !== 'ref') continue;
      for (const text of relationPaths(field)) {
        const path = resolveFieldPath(text, table, tables);
        if (typeof path === 'string') continue;
        for (const s of refSteps(path)) if ((tables.get(s.table)!.fields.find((f) => f.name === s.field)?.nullRate ?? 0) > 0) out.push(`${s.table}.${s.field}`);
      }
    }
  return out;
}

/**
 * The refs a relation field follows to pick its row (scope.equals, sameAs, include), every hop as
 * its own path (`a`, `a.b`): a hop may itself be a scoped ref, so cycles must be seen through it.
 */
export function relationDependencies(field: FieldDefinition): string[] {
  if (field.type !== 'ref') return [];
  const out: string[] = [];
  for (const text of relationPaths(field)) {
    const parts = text.split('.');
    for (let n = 1; n <= parts.length; n++) out.push(parts.slice(0, n).join('.'));
  }
  return out;
}

/** A field's generator: relation builders first, then the plain one; profiles wrap what they touch. */
export function buildTableField(
  field: FieldDefinition,
  context: FieldContext,
  relation: RelationContext,
  profiles: TableProfiles | undefined,
  kind: ColumnKind | undefined,
): BuiltField {
  const build = () =>
    field.exactlyOne
      ? buildExactlyOne(field, relation)
      : field.type === 'ref'
        ? (buildManyToMany(field, relation) ??
          buildUntilRef(field, relation) ??
          buildScopedRef(field, relation) ??
          buildWhereRef(field, relation) ??
          buildField(field, context))
        : (buildAggregate(field, relation, kind) ??
          buildShare(field, relation, context.path) ??
          buildChildIndex(field, relation, context.path) ??
          buildField(field, context));
  if (!profiles?.touches(field.name)) return build();
  // the selector's own generator is replaced by the variant's value: it is never built
  const own: BuiltField = field.name === profiles.selector ? { value: () => null, rowFunction: true, deps: [] } : build();
  const plain = { injective: false, indexOf: undefined, parentValue: undefined, parentRows: undefined, parentOf: undefined, selfReference: false };
  return profiles.wrap(field, own, context.key, kind, (spec, key) => buildField(spec, { ...context, ...plain, key }), context);
}

/** How relations shape a column: a profile selector's values (for its kind) and extra nullability. */
export function relationColumn(
  table: TableDefinition,
  field: FieldDefinition,
  dependencies: (field: FieldDefinition) => string[],
): { values?: Value[]; nullable: boolean } {
  const profiled = profileColumn((table as { profiles?: Profiles }).profiles, field.name, dependencies);
  return { values: profiled.values, nullable: profiled.nullable || scopeNullable(field) };
}
