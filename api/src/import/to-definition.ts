// SchemaModel → Definition: foreign keys become refs, CHECKs become options, names pick generators.
import { analyzeCheck, flagPredicate, requiredJsonKeys, type ColumnRule } from './checks.js';
import type { Definition, FieldDefinition, TableDefinition } from './definition.js';
import { sessionSettingOf } from './session-defaults.js';
import { ImportError, type ImportNote, type ImportProblem, type SourcePlace } from './errors.js';
import { capacityOf, chooseGenerator, UNIQUE_TYPES, usualNullRate, type Generator } from './generators.js';
import { qualifiedName, type ColumnModel, type ConstraintModel, type SchemaModel, type TableModel, type TypeRef } from './model.js';
import { categoryOf, textLimit } from './type-category.js';
import { windowInstants } from './partitions.js';
import { proseFitting } from './prose.js';
import { inferRules, withRuleReasons } from './infer-rules.js';
import { authUserField, gotrueUserColumns, identitiesTable, isAuthUsers } from './supabase-auth.js';
import { applyTriggerFills } from './trigger-tables.js';
import { EXTERNAL_MARK } from './table-marks.js';
import { forwardRef } from '../engine/compile.js';

export interface MapOptions {
  /** The definition's reference instant (default: today, 00:00 UTC). */
  referenceDate?: string;
  /** Rows of every table (default 1000). */
  rows?: number;
  /** Share of NULLs in a nullable column without a default (default 0.1). */
  nullRate?: number;
}

/** Why a column got its generator: for printing column → generator → reason. */
export interface ColumnChoice {
  /** Definition table and field names (as in the definition). */
  table: string;
  column: string;
  type: string;
  options?: Record<string, unknown>;
  reason: string;
  /** The column-pattern id when a name pattern chose the generator. */
  pattern?: string;
}

export interface MapResult {
  definition: Definition;
  notes: ImportNote[];
  /** One entry per generated column, in definition order. */
  columns: ColumnChoice[];
}

/**
 * Supabase tables a schema commonly references, with their columns (tdg seed leaves out the
 * columns the target database's table lacks, e.g. a local shim's shorter auth.users).
 */
const KNOWN_EXTERNAL: Record<string, () => ColumnModel[]> = {
  'auth.users': gotrueUserColumns,
};

/**
 * Values in the text syntax of types with one (the mapper has no category for them): a point, a
 * box, a circle, a polygon, ranges (lower bound below the upper), bit strings of the declared length.
 */
export function shapedText(type: string, mods: readonly number[] = []): Generator | undefined {
  const regex = (pattern: string): Generator => ({ type: 'regex', options: { pattern, draw: 'compiled' } });
  switch (type) {
    case 'point':
      return regex('\\(-?1?[0-9]{1,2}\\.[0-9]{4},-?[1-8]?[0-9]\\.[0-9]{4}\\)');
    case 'box':
      return regex('\\([0-9]{1,2},[0-9]{1,2}\\),\\([0-9]{1,2},[0-9]{1,2}\\)');
    case 'circle':
      return regex('<\\([0-9]{1,2},[0-9]{1,2}\\),[1-9]>');
    case 'polygon':
    case 'path':
      return regex('\\(\\(0,0\\),\\([1-9],0\\),\\([1-9],[1-9]\\)\\)');
    case 'lseg':
      return regex('\\[\\(0,0\\),\\([1-9],[1-9]\\)\\]');
    case 'int4range':
    case 'int8range':
    case 'numrange':
      return regex('\\[[1-4][0-9],[5-9][0-9]\\)');
    case 'daterange':
    case 'tsrange':
    case 'tstzrange':
      return regex('\\[2025-0[1-6]-[12][0-8],2025-(0[7-9]|1[0-2])-[12][0-8]\\)');
    case 'bit':
      return regex(`[01]{${mods[0] ?? 1}}`);
    case 'varbit':
      return regex(`[01]{1,${mods[0] ?? 16}}`);
    // extension types with a text syntax of their own: a point of the cube extension, ltree label
    // paths, hstore pairs
    case 'cube':
      return regex('\\([1-9][0-9]{0,5}(, [1-9][0-9]{0,5}){0,5}\\)');
    case 'ltree':
      return regex('[a-z]{3,8}(\\.[a-z]{3,8}){0,3}');
    case 'hstore':
      return regex('"[a-z]{3,8}"=>"[a-z0-9]{1,8}"(, "[a-z]{3,8}"=>"[a-z0-9]{1,8}"){0,2}');
    default:
      return undefined;
  }
}

/** Where a column's values come from by a foreign key: a parent's column, or (`lookup`) the row another column picked. */
interface ColumnRef {
  table: string;
  field: string;
  self: boolean;
  lookup?: string;
}

/**
 * The foreign key column of a partial unique index whose WHERE marks one row per parent (see
 * flagPredicate): (account_id) WHERE is_default, or the flag named in the key as well —
 * (alert_id, recurring) WHERE recurring IS TRUE, where every row the index holds has the same flag.
 */
export function flaggedParentColumn(constraint: ConstraintModel, foreignColumns: ReadonlySet<string>): string | undefined {
  const flag = constraint.where ? flagPredicate(constraint.where) : undefined;
  if (!flag) return undefined;
  const [a, b] = constraint.columns;
  if (constraint.columns.length === 1) return foreignColumns.has(a!) ? a : undefined;
  if (constraint.columns.length !== 2) return undefined;
  const per = a === flag.column ? b : b === flag.column ? a : undefined;
  return per !== undefined && foreignColumns.has(per) ? per : undefined;
}

/** A partial unique index over its own flag (`unique (admin) where admin`): one such row in the whole table. */
export function flaggedOnce(constraint: ConstraintModel): boolean {
  return (
    constraint.kind === 'unique' && constraint.columns.length === 1 && !!constraint.where && flagPredicate(constraint.where)?.column === constraint.columns[0]
  );
}

/** A partial unique index over one foreign key column whose WHERE marks one row (see flaggedParentColumn). */
export function oneFlaggedPerParent(constraint: ConstraintModel, foreignColumns: ReadonlySet<string>): boolean {
  return flaggedParentColumn(constraint, foreignColumns) !== undefined;
}

const TIME_TYPE = /^(timestamp|timestamptz|date|timestamp with(out)? time zone)$/;

/**
 * Partitions of time that all end before today (pagila's payments of 2022): the schema's "now" is
 * where they end, so the rows of other tables (a payment's rental) happen in the same years.
 */
function partitionEra(model: SchemaModel, today: Date): { end: Date; table: string; place: SourcePlace } | undefined {
  let era: { end: Date; table: string; place: SourcePlace } | undefined;
  for (const t of model.tables) {
    const w = t.partitionWindow;
    const column = w && t.columns.find((c) => c.name === w.column);
    if (!w || !column || !TIME_TYPE.test(column.type.name) || w.upper === undefined) continue;
    const end = windowInstants(w)?.to;
    if (!end) continue;
    if (end >= today) return undefined;
    if (!era || end > era.end) era = { end, table: t.name, place: t.place };
  }
  return era;
}

export function toDefinition(model: SchemaModel, options: MapOptions = {}): MapResult {
  const result = new Mapper(model, options).run();
  // relative dates count back from the moment of import (editable in the definition)
  const today = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
  const era = options.referenceDate ? undefined : partitionEra(model, today);
  if (era) result.notes.push({ ...era.place, message: `relative dates count back from ${era.end.toISOString()}, where the partitions of ${era.table} end` });
  result.definition.referenceDate = options.referenceDate ?? (era?.end ?? today).toISOString();
  withRuleReasons(
    result.definition,
    (result as { columns?: Parameters<typeof withRuleReasons>[1] }).columns,
    inferRules(model, result.definition, result.notes, definitionName),
  );
  compiledRegexes(result.definition.tables.flatMap((t) => t.fields));
  return result;
}

/**
 * Imported regex fields draw from the pattern compiled once (`draw: 'compiled'`): 5-15x faster than
 * faker's fromRegExp, which parses the pattern again for every value (phones, codes and numbers of
 * a real schema are mostly regexes). Hand-written definitions keep faker's values by default.
 */
function compiledRegexes(fields: { type: string; options?: Record<string, unknown> }[]): void {
  for (const field of fields) {
    const options = field.options as Record<string, unknown> | undefined;
    if (field.type === 'regex' && options) options.draw = 'compiled';
    // nested fields of json and array generators
    if (Array.isArray(options?.fields)) compiledRegexes(options.fields as typeof fields);
    if (options?.of && typeof options.of === 'object') compiledRegexes([options.of as (typeof fields)[number]]);
  }
}

class Mapper {
  private readonly notes: ImportNote[];
  private readonly problems: ImportProblem[] = [];
  private readonly tables = new Map<string, TableModel>();
  private readonly external = new Map<string, TableModel>();
  private readonly enums = new Map<string, string[]>();
  private readonly domains = new Map<string, TypeRef>();
  private readonly rows: number;
  /** `schema.table.column` of every column a foreign key points at: never NULL. */
  private readonly referenced = new Set<string>();
  private readonly nullRate: number;
  /** Why each column got its generator, keyed by definition table then column. */
  private readonly reasons = new Map<string, Map<string, { reason: string; pattern?: string }>>();

  constructor(
    private readonly model: SchemaModel,
    options: MapOptions,
  ) {
    this.notes = [...model.notes];
    this.rows = options.rows ?? 1000;
    this.nullRate = options.nullRate ?? 0.1;
    for (const t of model.tables) this.tables.set(`${t.schema}.${t.name}`, t);
    for (const e of model.enums) this.enums.set(e.name, e.values);
    for (const d of model.domains) this.domains.set(d.name, d.base);
  }

  private note(place: SourcePlace, message: string) {
    this.notes.push({ ...place, message });
  }

  private problem(place: SourcePlace, message: string) {
    this.problems.push({ ...place, message });
  }

  run(): MapResult {
    if (this.model.tables.length === 0) throw new ImportError([{ line: 1, column: 1, message: 'no CREATE TABLE found' }]);
    this.resolveForeignKeys();
    for (const t of this.model.tables.filter((t) => !t.columns.some((c) => !c.generated)))
      this.note(t.place, `table ${t.name} has no columns to generate; skipped`);
    const all = [...this.external.values(), ...this.model.tables.filter((t) => t.columns.some((c) => !c.generated))];
    const built = all.map((t) => this.table(t));
    if (this.problems.length) throw new ImportError(this.problems);
    this.triggerTables(all, built);
    this.statementTriggerTables(all, built);
    this.signInIdentities(built);
    const ordered = this.parentFirst(built);
    if (this.problems.length) throw new ImportError(this.problems);
    this.followRefChains(ordered);
    if (this.problems.length) throw new ImportError(this.problems);
    renameOddFields(ordered);
    this.notes.sort((a, b) => a.line - b.line || a.column - b.column);
    return { definition: { version: 1, locale: 'en', tables: ordered }, notes: this.notes, columns: this.choices(ordered) };
  }

  /**
   * A table a statement trigger fills from the rows loaded into another (INSERT INTO t SELECT ...
   * FROM newtab ... ON CONFLICT): the load makes its rows, so none are generated for it — rows of
   * its own would collide with the trigger's on its keys. Kept when another table references it.
   */
  private statementTriggerTables(models: TableModel[], built: TableDefinition[]): void {
    for (const fill of this.model.statementFills ?? []) {
      const k = models.findIndex((m) => m.schema === fill.target.schema && m.name === fill.target.table);
      const s = `${fill.source.schema}.${fill.source.table}`;
      const t = `${fill.target.schema}.${fill.target.table}`;
      if (k < 0 || !models.some((m) => m.schema === fill.source.schema && m.name === fill.source.table)) continue;
      const target = built[k]!;
      const referenced = built.some((other) => other !== target && other.fields.some((f) => f.type === 'ref' && f.options!.table === target.name));
      if (referenced) {
        this.note(
          fill.place,
          `trigger ${fill.trigger} on ${s} fills ${t} from the rows loaded; ${t} is referenced, so its generated rows are loaded too and may collide`,
        );
        continue;
      }
      target.rows = 0;
      target.maxRows = 0; // a row count asked for every table (tdg seed --rows) too
      this.note(fill.place, `table ${t}: its rows are made by statement trigger ${fill.trigger} from the rows loaded into ${s}, so tdg seed generates none`);
    }
  }

  /** Tables whose rows a trigger makes are written into those rows, not inserted (trigger-tables.ts). */
  private triggerTables(models: TableModel[], built: TableDefinition[]): void {
    if (!this.model.triggerFills.length) return;
    const tables = new Map(models.map((model, i) => [`${model.schema}.${model.name}`, { model, definition: built[i]! }]));
    applyTriggerFills(this.model.triggerFills, {
      tables,
      note: (place, message) => this.note(place, message),
      relationLine: (table, model, suffix) => {
        const comment = table.description?.startsWith(POSTGRES_PREFIX) ? table.description.split('\n').slice(1).join('\n') : table.description;
        table.description = `${POSTGRES_PREFIX}${model.schema}.${model.name}${suffix}${comment ? `\n${comment}` : ''}`.slice(0, 2000);
      },
      reason: (table, column, reason) => {
        if (!this.reasons.has(table.name)) this.reasons.set(table.name, new Map());
        this.reasons.get(table.name)!.set(column, { reason });
      },
    });
  }

  /** An external auth.users comes with GoTrue's email identity per user (what sign-up makes). */
  private signInIdentities(built: TableDefinition[]): void {
    const users = this.external.get('auth.users') && built.find((t) => t.name === definitionName('auth', 'users'));
    if (!users || this.tables.has('auth.identities') || !users.fields.some((f) => f.name === 'email')) return;
    const { table, reasons } = identitiesTable(users, `${POSTGRES_PREFIX}auth.identities${EXTERNAL_SUFFIX}`);
    built.push(table);
    this.reasons.set(table.name, new Map(Object.entries(reasons).map(([column, reason]) => [column, { reason }])));
    this.note(
      this.external.get('auth.users')!.place,
      'auth.identities is generated too: one email identity per user, as GoTrue makes at sign-up (left out when the database has none)',
    );
  }

  private choices(tables: TableDefinition[]): ColumnChoice[] {
    const out: ColumnChoice[] = [];
    for (const table of tables) {
      for (const field of table.fields) {
        const column = columnOf(field);
        const recorded = this.reasons.get(table.name)?.get(column);
        const why = recorded ?? { reason: field.type };
        if (field.type === 'ref' && !recorded) {
          const o = field.options as { table: string; field: string };
          why.reason = `foreign key → ${o.table}.${o.field}`;
        }
        out.push({
          table: table.name,
          column: field.name,
          type: field.type,
          ...(field.options ? { options: field.options } : {}),
          reason: why.reason,
          ...(why.pattern ? { pattern: why.pattern } : {}),
        });
      }
    }
    return out;
  }

  /** Every FK must point at a table of the SQL, or at a schema the SQL does not define (external). */
  private resolveForeignKeys(): void {
    const ownSchemas = new Set(this.model.tables.map((t) => t.schema));
    this.triggerKeysAsForeignKeys(ownSchemas);
    this.statementCopiesAsForeignKeys();
    this.impliedForeignKeys();
    for (const table of this.model.tables) {
      for (const fk of table.constraints.filter((c) => c.kind === 'foreign')) {
        const ref = fk.references!;
        const key = `${ref.schema}.${ref.table}`;
        const target = this.tables.get(key);
        if (target) {
          if (!ref.columns.length) ref.columns = primaryKeyOf(target) ?? [];
          for (const c of ref.columns) this.referenced.add(`${key}.${c}`);
          const missing = ref.columns.filter((c) => !target.columns.some((col) => col.name === c));
          if (!ref.columns.length)
            this.problem(
              fk.place,
              `table ${table.name}: foreign key (${fk.columns.join(', ')}) references ${qualifiedName(ref.schema, ref.table)}, which has no primary key`,
            );
          else if (missing.length)
            this.problem(fk.place, `table ${table.name}: foreign key references ${qualifiedName(ref.schema, ref.table)}.${missing[0]}, which does not exist`);
          continue;
        }
        if (ownSchemas.has(ref.schema)) {
          this.problem(
            fk.place,
            `table ${table.name}: foreign key (${fk.columns.join(', ')}) references unknown table ${qualifiedName(ref.schema, ref.table)}`,
          );
          continue;
        }
        if (!ref.columns.length) ref.columns = ['id'];
        let ext = this.external.get(key);
        if (!ext) {
          const known = KNOWN_EXTERNAL[key];
          ext = { schema: ref.schema, name: ref.table, columns: known ? known() : [], constraints: [], place: fk.place };
          this.external.set(key, ext);
          this.note(fk.place, `${qualifiedName(ref.schema, ref.table)} is outside this SQL: its rows are generated as an external table, loaded first`);
        }
        ref.columns.forEach((name, i) => {
          if (!ext.columns.some((c) => c.name === name)) {
            const own = table.columns.find((c) => c.name === fk.columns[i]);
            ext.columns.push({ name, type: own?.type ?? { name: 'uuid', mods: [], arrayDims: 0 }, notNull: true, generated: false, place: fk.place });
          }
        });
        if (!ext.constraints.some((c) => c.kind === 'primary')) ext.constraints.push({ kind: 'primary', columns: [...ref.columns], place: fk.place });
        else if (!sameColumns(primaryKeyOf(ext)!, ref.columns)) ext.constraints.push({ kind: 'unique', columns: [...ref.columns], place: fk.place });
      }
    }
  }

  /**
   * A trigger on a table outside the SQL (auth.users) that copies its new row's key into a key of
   * ours (profiles.id = new.id) ties them as a foreign key would, declared or not: so the outside
   * table is generated and the trigger fires.
   */
  private triggerKeysAsForeignKeys(ownSchemas: Set<string>): void {
    for (const fill of this.model.triggerFills) {
      const target = this.tables.get(`${fill.target.schema}.${fill.target.table}`);
      if (!target || ownSchemas.has(fill.source.schema)) continue;
      for (const { column, from } of fill.columns) {
        if (from.kind !== 'column') continue;
        const keyed = target.constraints.some((c) => (c.kind === 'primary' || c.kind === 'unique') && c.columns.length === 1 && c.columns[0] === column);
        const declared = target.constraints.some((c) => c.kind === 'foreign' && c.columns.includes(column));
        if (!keyed || declared) continue;
        target.constraints.push({
          kind: 'foreign',
          columns: [column],
          references: { schema: fill.source.schema, table: fill.source.table, columns: [from.column] },
          place: fill.place,
        });
        this.note(
          fill.place,
          `trigger ${fill.trigger} copies ${qualifiedName(fill.source.schema, fill.source.table)}.${from.column} into ${target.name}.${column}: treated as a foreign key`,
        );
      }
    }
  }

  /**
   * A statement trigger that copies a column of the loaded rows into a foreign key of another table
   * (INSERT INTO last_dequeues SELECT user_id ... FROM newtab, last_dequeues.user_id → users) makes
   * that column a foreign key too, declared or not: its values must be rows of the same parent, or
   * the trigger's rows break the key.
   */
  private statementCopiesAsForeignKeys(): void {
    for (const fill of this.model.statementFills ?? []) {
      const source = this.tables.get(`${fill.source.schema}.${fill.source.table}`);
      const target = this.tables.get(`${fill.target.schema}.${fill.target.table}`);
      if (!source || !target || source === target) continue;
      for (const { column, from } of fill.copies ?? []) {
        const fk = target.constraints.find((c) => c.kind === 'foreign' && c.columns.length === 1 && c.columns[0] === column);
        if (!fk || !source.columns.some((c) => c.name === from) || this.foreignColumns(source).has(from)) continue;
        source.constraints.push({
          kind: 'foreign',
          columns: [from],
          references: { ...fk.references!, columns: [...fk.references!.columns] },
          place: fill.place,
        });
        this.note(
          fill.place,
          `trigger ${fill.trigger} copies ${qualifiedName(fill.source.schema, fill.source.table)}.${from} into ${target.name}.${column}, a foreign key to ${qualifiedName(fk.references!.schema, fk.references!.table)}: ${from} is treated as one too`,
        );
      }
    }
  }

  /**
   * An integer column named for a table of its schema (`user_id`, `created_by_user_id`,
   * `repository_id` → repo) that no foreign key declares, with no DEFAULT, reads as a reference to
   * that table's integer key: its values are keys of generated rows, not random integers. Not when
   * the reference would close a cycle of foreign keys.
   */
  private impliedForeignKeys(): void {
    const tables = new Map(this.model.tables.map((t) => [`${t.schema}.${t.name}`, t]));
    const parents = (t: TableModel) =>
      t.constraints.flatMap((c) =>
        c.kind === 'foreign' && tables.has(`${c.references!.schema}.${c.references!.table}`)
          ? [tables.get(`${c.references!.schema}.${c.references!.table}`)!]
          : [],
      );
    const reaches = (from: TableModel, to: TableModel, seen = new Set<TableModel>()): boolean =>
      from === to || (!seen.has(from) && (seen.add(from), parents(from).some((p) => reaches(p, to, seen))));
    const integer = (c: ColumnModel | undefined) => c !== undefined && c.type.arrayDims === 0 && ['int2', 'int4', 'int8'].includes(c.type.name);
    // NOT NULL columns first: where two would close a cycle, the one a row must have wins
    const columns = this.model.tables.flatMap((table) => table.columns.map((column) => ({ table, column })));
    for (const { table, column } of [...columns.filter((c) => c.column.notNull), ...columns.filter((c) => !c.column.notNull)]) {
      const stem = /^(\w+)_id$/.exec(column.name)?.[1];
      if (!stem || this.foreignColumns(table).has(column.name) || column.default || column.generated || !integer(column)) continue;
      const target = impliedTable(stem, (name) => tables.get(`${table.schema}.${name}`));
      const key = target && primaryKeyOf(target);
      if (!target || target === table || key?.length !== 1 || !integer(target.columns.find((c) => c.name === key[0])) || reaches(target, table)) continue;
      table.constraints.push({
        kind: 'foreign',
        columns: [column.name],
        references: { schema: target.schema, table: target.name, columns: [...key] },
        place: column.place,
      });
      this.note(
        column.place,
        `column ${table.name}.${column.name} has no foreign key, but its name and type point at ${qualifiedName(target.schema, target.name)}.${key[0]}: treated as one (its values are keys of generated rows)`,
      );
    }
  }

  /** Columns of the table's foreign keys. */
  private foreignColumns(table: TableModel): Set<string> {
    return new Set(table.constraints.filter((c) => c.kind === 'foreign').flatMap((c) => c.columns));
  }

  private resolveType(type: TypeRef): TypeRef {
    const base = this.domains.get(type.name);
    return base ? { ...base, arrayDims: base.arrayDims + type.arrayDims } : type;
  }

  private table(table: TableModel): TableDefinition {
    const name = definitionName(table.schema, table.name);
    const pk = primaryKeyOf(table);
    // a partial unique marking one row per parent (one default address per customer) is a rule
    // (infer-rules partialUniques), not a unique column; any other partial unique is kept whole,
    // which implies it
    const foreign = new Set(table.constraints.filter((c) => c.kind === 'foreign' && c.columns.length === 1).map((c) => c.columns[0]!));
    const uniques = table.constraints
      .filter((c) => c.kind === 'primary' || (c.kind === 'unique' && !(c.where && (oneFlaggedPerParent(c, foreign) || flaggedOnce(c)))))
      .flatMap((c) => {
        // a key over a GENERATED column (name_lower AS lower(name)): over the column it cases,
        // whose unique values the generators keep unique; over any other generated column: noted
        let columns = c.columns.map((name) => {
          const column = table.columns.find((col) => col.name === name);
          return column?.generated ? column.generatedFrom : name;
        });
        // a column holding the session's one value (tenant_id DEFAULT current_setting(...)) leaves
        // the rest of the key to be unique: (name, tenant_id) is unique names
        const session = (name: string | undefined) => name !== undefined && isSessionColumn(table, name);
        // unless the rest cannot be counted on to vary enough (a jsonb, a flag, an enum): then it varies
        const countable = (name: string | undefined) => {
          const type = table.columns.find((col) => col.name === name)?.type;
          return !!type && !this.enums.has(type.name) && !['json', 'jsonb', 'bool', 'boolean'].includes(this.resolveType(type).name);
        };
        const rest = columns.filter((name) => !session(name));
        if (columns.length > 1 && rest.length > 0 && rest.every(countable)) columns = rest;
        // COALESCE(publisher_user_id, 0) in a unique index: its NULLs compare equal there, which a
        // generated key does not promise; the rest of the key unique on its own implies it
        const plain = columns.filter((name) => !c.coalesced?.includes(name ?? ''));
        if (c.coalesced?.length && plain.length > 0 && plain.length < columns.length && plain.every(countable)) columns = plain;
        if (columns.every((name): name is string => name !== undefined)) return [columns];
        this.note(c.place, `table ${table.name}: key (${c.columns.join(', ')}) reads a GENERATED column; generated rows may violate it`);
        return [];
      });
    const rules = new Map<string, ColumnRule>();
    for (const check of table.constraints.filter((c) => c.kind === 'check')) {
      const analysis = analyzeCheck(check.expr!);
      if (!analysis.understood) this.note(check.place, `table ${table.name}: CHECK (${check.text}) is not understood; generated rows may violate it`);
      for (const [column, rule] of analysis.rules) rules.set(column, { ...rules.get(column), ...rule });
      for (const [column, keys] of requiredJsonKeys(check.expr!)) rules.set(column, { ...rules.get(column), jsonKeys: keys });
    }
    const refs = new Map<string, ColumnRef>();
    const foreignKeys = table.constraints.filter(
      (c): c is ConstraintModel & { references: NonNullable<ConstraintModel['references']> } => c.kind === 'foreign',
    );
    // single-column keys first: a composite key (tenant_id, project_id) → projects(tenant_id, id) then
    // overrides them, picking one parent row through one column and copying the others from it
    for (const fk of [...foreignKeys].sort((a, b) => a.columns.length - b.columns.length)) {
      const self = fk.references.schema === table.schema && fk.references.table === table.name;
      const target = definitionName(fk.references.schema, fk.references.table);
      if (fk.columns.length === 1) {
        refs.set(fk.columns[0]!, { table: target, field: fk.references.columns[0]!, self });
        continue;
      }
      const parent = this.tables.get(`${fk.references.schema}.${fk.references.table}`);
      const uniqueAlone = (c: string) =>
        parent?.constraints.some((k) => (k.kind === 'primary' || (k.kind === 'unique' && !k.where)) && k.columns.length === 1 && k.columns[0] === c) ?? false;
      // through a column unique on its own in the parent (projects.id), else the last one
      const alone = fk.references.columns.findIndex(uniqueAlone);
      // else the last that is not the session's one value (client_id of (client_id, tenant_id))
      const varying = fk.columns.findLastIndex((c) => !isSessionColumn(table, c));
      const anchor = alone >= 0 ? alone : varying >= 0 ? varying : fk.columns.length - 1;
      const through = fk.columns[anchor]!;
      refs.set(through, { table: target, field: fk.references.columns[anchor]!, self });
      fk.columns.forEach((column, i) => {
        if (i !== anchor) refs.set(column, { table: target, field: fk.references.columns[i]!, self, lookup: `${through}.${fk.references.columns[i]!}` });
      });
      this.note(
        fk.place,
        `table ${table.name}: composite foreign key (${fk.columns.join(', ')}): one ${fk.references.table} row through ${through}, the other columns copied from it`,
      );
    }
    const fields: FieldDefinition[] = [];
    const capacity = new Map<string, number>();
    /** The most rows the unique keys allow (a currency table keyed by char(3) codes). */
    let cap = { rows: Infinity, why: '' };
    for (const column of table.columns) {
      if (column.generated) {
        if (column.place.line > 0) this.note(column.place, `column ${table.name}.${column.name} is GENERATED by the database; not generated here`);
        continue;
      }
      const field = this.field(table, column, rules.get(column.name) ?? {}, uniques, pk, refs.get(column.name));
      if (!field) continue;
      fields.push(field.definition);
      capacity.set(column.name, field.capacity);
      if (field.definition.unique || (pk?.length === 1 && pk[0] === column.name)) {
        if (field.capacity < 1) this.problem(column.place, `column ${table.name}.${column.name} must be unique but its constraints allow no value`);
        else if (field.capacity < cap.rows) cap = { rows: field.capacity, why: `${column.name} allows ${field.capacity} distinct value(s)` };
      }
    }
    for (const rule of rules.keys())
      if (!table.columns.some((c) => c.name === rule)) this.note(table.place, `table ${table.name}: CHECK names unknown column ${rule}`);
    const composite = uniques.filter((u) => u.length > 1);
    for (const u of composite) {
      const product = u.reduce((p, c) => p * (capacity.get(c) ?? Infinity), 1);
      if (product < 1) this.problem(table.place, `table ${table.name}: (${u.join(', ')}) must be unique but allows no combination`);
      else if (product < cap.rows) cap = { rows: product, why: `(${u.join(', ')}) allows ${product} combination(s)` };
    }
    const definition: TableDefinition = { name, rows: Math.min(this.rows, cap.rows), fields };
    if (cap.rows <= 1e9) {
      // a row count asked for every table (tdg seed --rows) stops here too
      definition.maxRows = cap.rows;
      if (cap.rows < this.rows) this.note(table.place, `table ${table.name}: ${cap.rows} rows, not ${this.rows}: its unique key ${cap.why}`);
    }
    const external = this.external.has(`${table.schema}.${table.name}`);
    if (name !== table.name || table.schema !== 'public' || external)
      definition.description = `${POSTGRES_PREFIX}${table.schema}.${table.name}${external ? EXTERNAL_SUFFIX : ''}`;
    // COMMENT ON TABLE: after the relation line when there is one
    if (table.comment) definition.description = (definition.description ? `${definition.description}\n${table.comment}` : table.comment).slice(0, 2000);
    if (pk) definition.primaryKey = pk;
    const unique = composite.filter((u) => !(pk && sameColumns(u, pk)));
    if (unique.length) definition.unique = unique;
    return definition;
  }

  /** The time column that carries a composite primary key none of whose columns is a foreign key. */
  private seriesColumn(table: TableModel, pk: string[]): string | undefined {
    if (pk.length < 2) return undefined;
    const foreign = this.foreignColumns(table);
    if (pk.some((c) => foreign.has(c))) return undefined;
    // (id, created_at) with id a sequence or uuid (a partitioned table's key must hold its partition
    // column): the id keeps the key unique, and the time is free to be a time
    const own = (name: string) => table.columns.find((c) => c.name === name)?.default?.kind;
    if (pk.some((c) => own(c) === 'sequence' || own(c) === 'uuid')) return undefined;
    return [...pk].reverse().find((name) => {
      const column = table.columns.find((c) => c.name === name);
      const category = column && categoryOf(this.resolveType(column.type), new Set(this.enums.keys()));
      return category === 'date' || category === 'timestamp';
    });
  }

  private field(
    table: TableModel,
    column: ColumnModel,
    rule: ColumnRule,
    uniques: string[][],
    pk: string[] | undefined,
    ref: ColumnRef | undefined,
  ): { definition: FieldDefinition; capacity: number } | undefined {
    const type = this.resolveType(column.type);
    const enumValues = this.enums.get(type.name);
    const category = categoryOf(type, new Set(this.enums.keys()));
    // a pair key whose other column is part of a composite foreign key (boarding_passes(flight_id,
    // seat_no) with flight_id from a ticket's flight row): that column repeats, so this one is unique
    const repeating = (c: string) => table.constraints.some((k) => k.kind === 'foreign' && k.columns.length > 1 && k.columns.includes(c));
    const unique = uniques.some(
      (u) =>
        (u.length === 1 && u[0] === column.name) || (u.length === 2 && u.includes(column.name) && !ref && u.some((c) => c !== column.name && repeating(c))),
    );
    const inPk = pk?.includes(column.name) ?? false;
    const notNull = column.notNull || inPk;
    // a key (base, quote, rate_date) with no parent: a series in time carries it, the rest keep their meaning
    const series = inPk ? this.seriesColumn(table, pk!) : undefined;
    const out: FieldDefinition = { name: column.name, type: 'text' };
    let capacity = Infinity;
    // the engine gives the first row no earlier row to point at: a NOT NULL self-reference (a tree's
    // root column) points it at itself, as such trees do
    const selfRoot = !!ref?.self && notNull;
    if (column.comment) out.description = column.comment.slice(0, 1900);
    const auth = !ref && isAuthUsers(table.schema, table.name) ? authUserField(column.name) : undefined;
    if (auth === 'null') return undefined; // NULL (or its default), as GoTrue leaves it for an email user
    if (auth) {
      Object.assign(out, auth.field);
      if (column.comment) out.description = column.comment.slice(0, 1900);
      const name = definitionName(table.schema, table.name);
      if (!this.reasons.has(name)) this.reasons.set(name, new Map());
      this.reasons.get(name)!.set(column.name, { reason: auth.reason });
      return { definition: out, capacity: Infinity };
    } else if (ref?.lookup) {
      // a column of a composite foreign key: the value of the parent row its anchor column picked
      Object.assign(out, { type: 'lookup', options: { path: ref.lookup } });
    } else if (ref) {
      Object.assign(out, { type: 'ref', options: { table: ref.table, field: ref.field, ...(selfRoot ? { selfRoot: true } : {}) } });
    } else {
      if (category === 'unknown' && !shapedText(type.name, type.mods))
        this.note(
          column.place,
          `column ${table.name}.${column.name}: type ${type.schema ? `${type.schema}.` : ''}${type.name} is not known; generated as text`,
        );
      const ctx = {
        table: table.name,
        column: { ...column, type },
        category,
        rule,
        unique: unique || (inPk && pk!.length === 1),
        keyPart: !unique && (uniques.some((u) => u.length > 1 && u.includes(column.name)) || (inPk && pk!.length > 1)),
        siblings: table.columns.map((c) => c.name),
        textSiblings: this.textColumns(table),
        rows: this.rows,
        ...(enumValues ? { enumValues } : {}),
      };
      // a type with a text syntax of its own (point, ranges, bit strings): values in that syntax
      const shaped = category === 'unknown' ? shapedText(type.name, type.mods) : undefined;
      const choice = shaped
        ? { generator: shaped, reason: `type ${type.name}` }
        : chooseGenerator({ ...ctx, column: { ...column, type: { ...type, arrayDims: 0 } } });
      let generator: Generator = choice.generator;
      let why: { reason: string; pattern?: string } = { reason: choice.reason, ...('pattern' in choice && choice.pattern ? { pattern: choice.pattern } : {}) };
      if ('note' in choice && choice.note) this.note(column.place, `column ${table.name}.${column.name}: ${choice.note}`);
      if (generator.type === 'dateAfter') {
        // the engine leaves a dateAfter NULL when its base is NULL: only follow a base that is a date and as NOT NULL as we are
        const base = table.columns.find((c) => c.name === (generator.options as { field: string }).field);
        const baseCategory = base && categoryOf(this.resolveType(base.type), new Set(this.enums.keys()));
        if (!base || !(baseCategory === 'timestamp' || baseCategory === 'date') || (notNull && !base.notNull)) {
          generator = { type: 'date.past' };
          why = { reason: `${why.reason}, but that column cannot be followed: a past date` };
        }
      }
      // the key of range partitions of time: rows must fall into a partition
      const windowed = table.partitionWindow?.column === column.name && (category === 'date' || category === 'timestamp');
      const window = windowed ? windowInstants(table.partitionWindow!) : undefined;
      if (windowed && !window)
        this.note(column.place, `column ${table.name}.${column.name}: the bounds of its partitions are not read as times; rows may fall outside them`);
      if (window && series !== column.name) {
        // every row must fall into a partition: spread over the window they make, whatever else the column means
        generator = { type: 'date.between', options: { from: window.from.toISOString(), to: new Date(window.to.getTime() - 1).toISOString() } };
        why = { reason: `partitions: between ${window.from.toISOString()} and ${window.to.toISOString()}, spread over them` };
      } else if (window) {
        // a key carried by its time: steps that spread the rows over the partitions' window
        const span = window.to.getTime() - window.from.getTime();
        const units = [
          ['days', 86_400_000],
          ['hours', 3_600_000],
          ['minutes', 60_000],
          ['seconds', 1000],
        ] as const;
        const [unit, ms] = units.find(([, ms]) => Math.floor(span / ms / this.rows) >= 1) ?? units[3];
        const step = Math.max(1, Math.floor(span / ms / this.rows));
        generator = { type: 'sequence', options: { start: 0, step, unit, from: window.from.toISOString() } };
        why = {
          reason: `time of the key (${pk!.join(', ')}): one row per ${step} ${unit} from ${window.from.toISOString()}, inside its partitions, so the key never repeats`,
        };
      } else if (series === column.name) {
        const days = category === 'date';
        generator = { type: 'sequence', options: { start: -this.rows, step: 1, unit: days ? 'days' : 'hours' } };
        why = { reason: `time of the key (${pk!.join(', ')}): one row per ${days ? 'day' : 'hour'} up to the reference date, so the key never repeats` };
      } else if (
        (unique || (inPk && !series)) &&
        !UNIQUE_TYPES.has(generator.type) &&
        // a list beside a foreign key in a composite key (seats(aircraft_code, seat_no)): the engine
        // walks the pairs of parent rows and values, so the list keeps its meaning
        !(inPk && !unique && generator.type === 'pick' && pk!.length > 1 && pk!.some((c) => c !== column.name && this.foreignColumns(table).has(c)))
      ) {
        this.note(
          column.place,
          `column ${table.name}.${column.name} is unique; ${generator.type} cannot promise that, so it gets ${category === 'int' ? 'a sequence' : 'uuids'}`,
        );
        // a uuid (36 characters) does not fit a narrow key column (the airlines demo's seats.seat_no varchar(4)): letters and digits that do
        const limit = category === 'text' ? textLimit(type) : undefined;
        generator =
          category === 'int'
            ? { type: 'sequence', options: { start: 1, step: 1 } }
            : limit !== undefined && limit < 36
              ? { type: 'regex', options: { pattern: `[A-Z0-9]{${Math.min(limit, 12)}}` } }
              : { type: 'string.uuid' };
        why = {
          reason: `unique: ${why.reason.split(':')[0]} cannot promise uniqueness, so ${generator.type === 'regex' ? 'a code that fits' : generator.type}`,
        };
      }
      // after the keys of the rows the SQL inserts itself (tenants' id 1, 'default')
      const inserted = table.insertedMax?.[column.name];
      if (generator.type === 'sequence' && inserted !== undefined && !generator.options!.unit && Number(generator.options!.step) > 0) {
        generator = { ...generator, options: { ...generator.options, start: Math.max(Number(generator.options!.start), inserted + 1) } };
        why = { reason: `${why.reason}; after the ${inserted} the SQL's own rows hold` };
      }
      capacity = capacityOf(generator);
      if (generator.type === 'sequence')
        generator = {
          type: 'sequence',
          options: {
            start: generator.options!.start,
            step: generator.options!.step,
            ...(generator.options!.unit ? { unit: generator.options!.unit } : {}),
            ...(generator.options!.from ? { from: generator.options!.from } : {}),
          },
        };
      if (type.arrayDims > 0 && rule.subset && rule.values?.length) {
        // CHECK (col <@ ARRAY[...]): a subset of the values, each once
        generator = { type: 'array', options: { of: { type: 'pick', options: { values: rule.values } }, min: 1, max: rule.values.length, distinct: true } };
        why = { reason: `CHECK: a subset of ${rule.values.join(', ')}` };
        capacity = Infinity;
      } else if (type.arrayDims > 0) {
        // DEFAULT '{read}' names elements, not an element: its elements are the values ('{}': English words)
        const elements = generator.type === 'constant' ? arrayLiteralElements((generator.options as { value: unknown }).value) : undefined;
        if (elements) {
          generator = elements.length ? { type: 'pick', options: { values: elements } } : proseFitting('words', undefined);
          why = { reason: elements.length ? `DEFAULT: elements of the column default (${elements.join(', ')})` : 'text: English words (the default is empty)' };
        }
        // a list of picks holds each value once (keywords, tags), as many as the list has
        const picks = generator.type === 'pick' ? capacityOf(generator) : Infinity;
        // NOT NULL DEFAULT '{push}': the application always has some (a webhook listens to an event at least)
        const some = notNull && column.default?.kind === 'literal' && (arrayLiteralElements(column.default.value)?.length ?? 0) > 0;
        generator = { type: 'array', options: { of: generator, min: some ? 1 : 0, max: Math.min(4, picks), ...(picks < Infinity ? { distinct: true } : {}) } };
        why = { ...why, reason: `array of: ${why.reason}` };
        capacity = Infinity;
      }
      out.type = generator.type;
      if (generator.options) out.options = generator.options;
      if (choice.maxLength !== undefined && generator === choice.generator && !unique && !inPk) out.maxLength = choice.maxLength;
      const name = definitionName(table.schema, table.name);
      if (!this.reasons.has(name)) this.reasons.set(name, new Map());
      this.reasons.get(name)!.set(column.name, why);
    }
    if (unique) out.unique = true;
    // CHECK (lower(code) = code): the values cased (a unique regex keeps its own letters: casing could merge two)
    if (rule.case && !(out.unique && out.type === 'regex')) out.case = rule.case;
    if (!notNull && !this.referenced.has(`${table.schema}.${table.name}.${column.name}`)) {
      const d = column.default;
      const rate = d && d.kind !== 'null' ? 0 : (usualNullRate(column) ?? this.nullRate);
      if (rate > 0) out.nullRate = rate;
    }
    return { definition: out, capacity };
  }

  /** Plain text columns of a table that the engine generates (what a slug or an email can be derived from). */
  private textColumns(table: TableModel): string[] {
    const foreign = this.foreignColumns(table);
    return table.columns
      .filter(
        (c) => !c.generated && !foreign.has(c.name) && categoryOf(this.resolveType(c.type), new Set(this.enums.keys())) === 'text' && c.type.arrayDims === 0,
      )
      .map((c) => c.name);
  }

  /**
   * The engine cannot reference a field that is itself a ref (posts.author_id → profiles.id →
   * auth.users.id). When every hop is a unique ref between tables of equal size, the values are
   * the same set, so the child draws from the root instead.
   */
  private followRefChains(tables: TableDefinition[]): void {
    const byName = new Map(tables.map((t) => [t.name, t]));
    for (const table of tables) {
      for (const field of table.fields) {
        if (field.type !== 'ref') continue;
        const options = field.options as { table: string; field: string };
        const start = `${options.table}.${options.field}`;
        let parent = byName.get(options.table);
        let target = parent?.fields.find((f) => f.name === options.field);
        const seen = new Set<string>();
        while (parent && target?.type === 'ref' && !seen.has(parent.name)) {
          seen.add(parent.name);
          const next = target.options as { table: string; field: string };
          const grand = byName.get(next.table);
          const place = this.placeOf(table.name, field.name);
          const own = field.options as Record<string, unknown>;
          const layoutTaken = table.fields.some((f) => f !== field && f.type === 'ref' && (f.options as Record<string, unknown>).childrenPerParent);
          if (!target.unique && !field.unique && !own.scope && !own.childrenPerParent && !layoutTaken && next.table !== parent.name && !target.nullRate) {
            // a key into a join row (order lines → special_offer_products(offer, product)): the
            // join row is taken whole, rows laid out one join row at a time; the other columns of
            // the key are read from that row. When those columns are this table's key too (a
            // boarding pass per ticket_flights row), at most one row per join row
            const keyed = [table.primaryKey ?? [], ...(table.unique ?? [])].some(
              (key) => key.length > 0 && key.includes(field.name) && key.every((c) => c === field.name || lookupOf(table, c)?.startsWith(`${field.name}.`)),
            );
            own.childrenPerParent = keyed ? { min: 0, max: 1 } : { min: 1, max: 3 };
            this.note(place, `column ${table.name}.${field.name} references ${start}, a column of a join row: rows are laid out per ${parent.name} row`);
            break;
          }
          if (!target.unique || !grand || grand.rows !== parent.rows) {
            this.problem(
              place,
              `column ${table.name}.${field.name} references ${start}, which is itself a non-unique foreign key; reference ${next.table}.${next.field} instead`,
            );
            break;
          }
          this.note(
            place,
            `column ${table.name}.${field.name} draws from ${next.table}.${next.field} (the same values as ${start} while both tables have the same row count)`,
          );
          options.table = next.table;
          options.field = next.field;
          parent = grand;
          target = grand.fields.find((f) => f.name === next.field);
        }
      }
    }
  }

  private placeOf(table: string, field: string): SourcePlace {
    const model = this.model.tables.find((t) => definitionName(t.schema, t.name) === table);
    return model?.columns.find((c) => c.name === field)?.place ?? model?.place ?? { line: 1, column: 1 };
  }

  /**
   * Parents before children (external tables first). A cycle is broken, as compile does, at a
   * nullable foreign key (batch_changes.batch_spec_id NOT NULL ↔ batch_specs.batch_change_id
   * NULL): that table is placed by its other keys. A cycle of NOT NULL keys is an error naming its
   * tables.
   */
  private parentFirst(tables: TableDefinition[]): TableDefinition[] {
    const byName = new Map(tables.map((t) => [t.name, t]));
    const parentsOf = (t: TableDefinition) =>
      t.fields.flatMap((f) => (f.type === 'ref' && f.options!.table !== t.name && byName.has(String(f.options!.table)) ? [String(f.options!.table)] : []));
    // whether `from` reaches `to` through foreign keys
    const reaches = (from: string, to: string) => {
      const seen = new Set<string>();
      const stack = [from];
      while (stack.length) {
        const name = stack.pop()!;
        if (name === to) return true;
        if (seen.has(name)) continue;
        seen.add(name);
        stack.push(...parentsOf(byName.get(name)!));
      }
      return false;
    };
    const order = (skipNullable: boolean) => {
      const state = new Map<string, 'visiting' | 'done'>();
      const out: TableDefinition[] = [];
      const cycles: { table: TableDefinition; path: string[] }[] = [];
      const visit = (t: TableDefinition, path: string[]) => {
        const s = state.get(t.name);
        if (s === 'done') return;
        if (s === 'visiting') {
          cycles.push({ table: t, path: [...path.slice(path.indexOf(t.name)), t.name] });
          return;
        }
        state.set(t.name, 'visiting');
        for (const f of t.fields) {
          if (f.type !== 'ref') continue;
          const parent = byName.get(String(f.options!.table));
          if (skipNullable && parent && breakableRef(f, parent) && reaches(parent.name, t.name)) continue;
          if (parent && parent !== t) visit(parent, [...path, t.name]);
        }
        state.set(t.name, 'done');
        out.push(t);
      };
      for (const t of tables) visit(t, []);
      return { out, cycles };
    };
    const first = order(false);
    if (!first.cycles.length) return first.out;
    const second = order(true);
    for (const cycle of second.cycles) {
      const model = this.model.tables.find((m) => definitionName(m.schema, m.name) === cycle.table.name);
      this.problem(model?.place ?? { line: 1, column: 1 }, `foreign keys form a cycle (${cycle.path.join(' → ')}); make one of them nullable or drop it`);
    }
    for (const cycle of first.cycles) {
      const model = this.model.tables.find((m) => definitionName(m.schema, m.name) === cycle.table.name);
      if (!second.cycles.length)
        this.note(
          model?.place ?? { line: 1, column: 1 },
          `foreign keys form a cycle (${cycle.path.join(' → ')}); broken at a nullable key or one to a sequence (its table's keys are rebuilt after the load)`,
        );
    }
    return second.out;
  }
}

/** A column whose DEFAULT reads a session setting (session-defaults.ts). */
function isSessionColumn(table: TableModel, name: string): boolean {
  const d = table.columns.find((col) => col.name === name)?.default;
  return d?.kind === 'expression' && sessionSettingOf(d.text) !== undefined;
}

/** A ref compile may fill after its table's rows: the engine's rule (forwardRef). */
function breakableRef(field: FieldDefinition, parent: TableDefinition): boolean {
  return forwardRef(
    field,
    parent.fields.find((f) => f.name === (field.options as Record<string, unknown>).field),
  );
}

const TABLE_SYNONYMS: Record<string, string[]> = { repository: ['repo'], repo: ['repository'], org: ['organization'], organization: ['org'] };

/** The table a column's stem names (`created_by_user` → users, `repository` → repo): the whole stem first, then its last word. */
function impliedTable(stem: string, find: (name: string) => TableModel | undefined): TableModel | undefined {
  const word = stem.split('_').at(-1)!;
  for (const base of [...new Set([stem, word])])
    for (const name of [base, ...(TABLE_SYNONYMS[base] ?? [])])
      for (const form of [name, `${name}s`, `${name}es`, name.replace(/y$/, 'ies')]) {
        const found = find(form);
        if (found) return found;
      }
  return undefined;
}

function primaryKeyOf(table: TableModel): string[] | undefined {
  return table.constraints.find((c) => c.kind === 'primary')?.columns;
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((c) => b.includes(c));
}

/** Definition tables carry the Postgres relation in their description when the names differ. */
export const POSTGRES_PREFIX = 'postgres: ';
export const EXTERNAL_SUFFIX = EXTERNAL_MARK;

/** The Postgres column of a definition field: its name, or the first line of a `postgres: ` description. */
/** The path a lookup field of the table reads (undefined for other fields). */
function lookupOf(table: TableDefinition, name: string): string | undefined {
  const f = table.fields.find((x) => x.name === name);
  return f?.type === 'lookup' ? String((f.options as { path?: unknown } | undefined)?.path ?? '') : undefined;
}

export function columnOf(field: { name: string; description?: string | undefined }): string {
  return field.description?.startsWith(POSTGRES_PREFIX) ? field.description.slice(POSTGRES_PREFIX.length).split('\n')[0]! : field.name;
}

/** Table names in a definition are identifiers: `auth.users` becomes `auth_users`. */
export function definitionName(schema: string, name: string): string {
  const raw = schema === 'public' ? name : `${schema}_${name}`;
  const clean = raw.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=[0-9])/, '_');
  return clean.slice(0, 63);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Field names in a definition are identifiers; a column such as "First Name" becomes First_Name,
 * and its field keeps the real column in its description (`postgres: First Name`) for loading.
 */
function renameOddFields(tables: TableDefinition[]): void {
  const renames = new Map<string, Map<string, string>>();
  for (const table of tables) {
    const map = new Map<string, string>();
    const taken = new Set(table.fields.map((f) => f.name).filter((n) => IDENTIFIER.test(n)));
    for (const field of table.fields) {
      if (IDENTIFIER.test(field.name)) continue;
      let clean = field.name
        .replace(/[^A-Za-z0-9_]/g, '_')
        .replace(/^(?=[0-9])/, '_')
        .slice(0, 60);
      while (taken.has(clean)) clean = `${clean}_`;
      taken.add(clean);
      map.set(field.name, clean);
    }
    if (map.size) renames.set(table.name, map);
  }
  const rename = (table: string, name: string) => renames.get(table)?.get(name) ?? name;
  for (const table of tables) {
    for (const field of table.fields) {
      const options = field.options as Record<string, unknown> | undefined;
      if (field.type === 'ref') options!.field = rename(String(options!.table), String(options!.field));
      if (field.type === 'dateAfter') options!.field = rename(table.name, String(options!.field));
      if (field.type === 'slug') options!.field = rename(table.name, String(options!.field));
      if (field.type === 'email')
        for (const k of ['firstName', 'lastName', 'name']) if (typeof options![k] === 'string') options![k] = rename(table.name, options![k] as string);
      const clean = rename(table.name, field.name);
      if (clean !== field.name) {
        // the column on the first line, its comment (if any) after it
        field.description = `${POSTGRES_PREFIX}${field.name}${field.description ? `\n${field.description}` : ''}`.slice(0, 2000);
        field.name = clean;
      }
    }
    if (table.primaryKey) table.primaryKey = table.primaryKey.map((c) => rename(table.name, c));
    if (table.unique) table.unique = table.unique.map((u) => u.map((c) => rename(table.name, c)));
  }
}

/** The elements of a Postgres array literal (`{read,"write all"}` → read, write all); undefined when it is not one. */
export function arrayLiteralElements(value: unknown): string[] | undefined {
  if (typeof value !== 'string' || !/^\{.*\}$/s.test(value.trim())) return undefined;
  const body = value.trim().slice(1, -1);
  if (!body.trim()) return [];
  const out: string[] = [];
  for (const m of body.matchAll(/\s*(?:"((?:[^"\\]|\\.)*)"|([^,]*))\s*(?:,|$)/g)) {
    if (m.index === body.length) break;
    const element = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!.trim();
    if (element.toUpperCase() !== 'NULL') out.push(element);
  }
  return out;
}
