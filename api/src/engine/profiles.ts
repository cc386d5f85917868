// Row profiles (status machines): one weighted pick per row chooses a variant of the whole row
// (done ⇒ percent_complete 100; queued ⇒ finished_at null). The pick is a hash of the row index, so
// every field of the row sees the same variant in any chunk; each field then takes the variant's
// setting (a constant, null, or its own generator) or, when the variant says nothing, its default.
import { z } from 'zod';
import type { FieldDefinition, TableDefinition } from './definition.js';
import { compileExpression, expressionPaths, ExpressionError, parsedExpression, parseExpression } from './expression.js';
import { resolveFieldPath } from './field-path.js';
import type { BuiltField, FieldContext, ValueFn } from './fields.js';
import { type Key, NULL_PURPOSE, subKey, unit53At, unitAt } from './random.js';
import type { ColumnKind, Value } from './shape.js';

const name = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must start with a letter or _ and hold only letters, digits and _');

/** A field generator inside a variant: any field type with its options. */
export const profileSpecSchema = z.strictObject({
  type: z.string().min(1),
  options: z.record(z.string(), z.unknown()).optional(),
  nullRate: z.number().min(0).max(1).optional(),
});

/** A variant's setting of one field: null, a generator `{type, options}`, or a constant. */
const settingSchema = z.union([z.null(), profileSpecSchema, z.json()]);

export const profilesSchema = z.strictObject({
  field: name
    .optional()
    .describe(
      "the selector column: holds the chosen variant's value (e.g. status); without one, variants only shape the fields they set (debit 0 or credit 0)",
    ),
  variants: z
    .array(
      z.strictObject({
        value: z.json().optional().describe('the selector\'s value for this variant, e.g. "done" (required with a selector field)'),
        weight: z.number().min(0).max(1e9).optional().describe('relative share of rows (default 1)'),
        when: z
          .string()
          .min(1)
          .max(2000)
          .optional()
          .describe('an expression of the row and its parents (plan_id.trial_days > 0): the variant is only chosen for rows where it is true'),
        fields: z.record(name, settingSchema).optional().describe("per field: null, a constant, or {type, options} (omitted: the field's own generator)"),
      }),
    )
    .min(1)
    .max(1000),
});

export type Profiles = z.infer<typeof profilesSchema>;
type Setting = z.infer<typeof settingSchema>;
type Spec = z.infer<typeof profileSpecSchema>;

/** Types a variant cannot use: relations laid out by the table's parent, or refs of their own. */
const NOT_IN_VARIANTS = new Set(['ref']);

function isSpec(setting: Setting): setting is Spec {
  return setting !== null && typeof setting === 'object' && !Array.isArray(setting) && typeof (setting as { type?: unknown }).type === 'string';
}

export interface ProfileCheckContext {
  at: string;
  table: TableDefinition;
  tables: ReadonlyMap<string, TableDefinition>;
  add: (path: string, message: string) => void;
  /** Checks a field definition as if it stood in the table (type, options, paths). */
  checkSpec: (field: FieldDefinition, at: string) => void;
  kindOf: (field: FieldDefinition) => ColumnKind | undefined;
}

/** Definition checks of a table's `profiles` (structure is already validated by zod). */
export function checkProfiles(profiles: Profiles, ctx: ProfileCheckContext): void {
  const { table, add } = ctx;
  const at = `${ctx.at}.profiles`;
  const byName = new Map(table.fields.map((f) => [f.name, f]));
  const keyed = new Set([...(table.primaryKey ?? []), ...(table.unique ?? []).flat(), ...table.fields.filter((f) => f.unique).map((f) => f.name)]);
  const selector = profiles.field === undefined ? undefined : byName.get(profiles.field);
  if (profiles.field !== undefined && !selector)
    add(`${at}.field`, `unknown field "${profiles.field}" (fields of ${table.name}: ${[...byName.keys()].join(', ')})`);
  else if (selector && keyed.has(selector.name)) add(`${at}.field`, `${selector.name} is unique or part of a key, so it cannot repeat a variant's value`);
  else if (selector?.type === 'ref') add(`${at}.field`, `${selector.name} is a ref and cannot be a profile selector`);
  if (!(profiles.variants.reduce((a, v) => a + (v.weight ?? 1), 0) > 0)) add(`${at}.variants`, 'weights must not all be 0');
  // a row whose conditions all fail still needs a variant
  if (profiles.variants.some((v) => v.when !== undefined) && !profiles.variants.some((v) => v.when === undefined && (v.weight ?? 1) > 0))
    add(`${at}.variants`, 'at least one variant with a weight must have no `when`: rows where every condition is false take it');
  profiles.variants.forEach((variant, v) => {
    if (variant.when !== undefined) checkCondition(variant.when, `${at}.variants[${v}].when`, table, ctx.tables, add);
  });
  // a value may repeat: its rows then take one of several weighted shapes (a coupon that repeats
  // is a percent-off or an amount-off one)
  profiles.variants.forEach((variant, v) => {
    if (profiles.field !== undefined) {
      if (variant.value === undefined) add(`${at}.variants[${v}].value`, `required: the value ${profiles.field} holds in this variant's rows`);
    } else if (variant.value !== undefined) add(`${at}.variants[${v}].value`, 'a value needs a selector: set profiles.field to the column that holds it');
    for (const [fieldName, setting] of Object.entries(variant.fields ?? {})) {
      const where = `${at}.variants[${v}].fields.${fieldName}`;
      const field = byName.get(fieldName);
      if (!field) {
        add(where, `unknown field "${fieldName}" in table ${table.name}`);
        continue;
      }
      if (field === selector) add(where, `${fieldName} is the selector: its value is the variant's value`);
      else if (keyed.has(fieldName)) add(where, `${fieldName} is unique or part of a key; profiles cannot change it`);
      else if (field.type === 'ref') add(where, `${fieldName} is a ref field; profiles cannot change it`);
      else if (field.exactlyOne) add(where, `${fieldName} has exactlyOne; profiles cannot change it`);
      if (setting === null) {
        if (field.type !== 'ref' && (table.primaryKey ?? []).includes(fieldName)) add(where, 'a key field cannot be null');
        continue;
      }
      const kind = ctx.kindOf(field);
      if (isSpec(setting)) {
        if (NOT_IN_VARIANTS.has(setting.type)) {
          add(`${where}.type`, `"${setting.type}" cannot be used inside a profile variant`);
          continue;
        }
        const spec: FieldDefinition = { name: fieldName, type: setting.type, options: setting.options, nullRate: setting.nullRate };
        ctx.checkSpec(spec, where);
        const specKind = ctx.kindOf(spec);
        if (kind && specKind && !compatible(specKind, kind)) add(`${where}.type`, `gives ${specKind} values but ${fieldName} holds ${kind}`);
        continue;
      }
      if (typeof setting === 'object' && !Array.isArray(setting) && Object.hasOwn(setting, 'type'))
        add(where, 'an object with "type" is read as a generator {type, options, nullRate}; write a constant object as {type: "constant", options: {value}}');
      else if (kind && !constantFits(setting, kind)) add(where, `${JSON.stringify(setting)} is not a ${kind} value (${fieldName} holds ${kind})`);
    }
  });
}

function checkCondition(
  expr: string,
  at: string,
  table: TableDefinition,
  tables: ReadonlyMap<string, TableDefinition>,
  add: (path: string, message: string) => void,
) {
  try {
    for (const { path, position } of expressionPaths(parseExpression(expr))) {
      const resolved = resolveFieldPath(path, table, tables);
      if (typeof resolved === 'string') add(at, `at position ${position}: ${resolved}`);
    }
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    add(at, error.message);
  }
}

/** The field paths the variants' conditions read. */
function conditionPaths(profiles: Profiles): string[] {
  const out: string[] = [];
  for (const v of profiles.variants)
    if (v.when !== undefined)
      try {
        out.push(...expressionPaths(parsedExpression(v.when)).map((p) => p.path));
      } catch {
        // reported by checkProfiles
      }
  return out;
}

function compatible(given: ColumnKind, column: ColumnKind): boolean {
  if (given === column) return true;
  if (column === 'number' && given === 'integer') return true;
  if ((column === 'timestamp' && given === 'date') || (column === 'date' && given === 'timestamp')) return true;
  return column === 'text' && given === 'uuid';
}

function constantFits(value: Value, kind: ColumnKind): boolean {
  switch (kind) {
    case 'text':
    case 'uuid':
      return typeof value === 'string';
    case 'integer':
      return Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'timestamp':
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'array':
      return Array.isArray(value);
    case 'json':
      return typeof value === 'object';
  }
}

/** Field paths a variant's generators read for a field (for cycle checks and row-addressable parents). */
export function profileDependencies(table: TableDefinition, fieldName: string, dependencies: (field: FieldDefinition) => string[]): string[] {
  const profiles = (table as { profiles?: Profiles }).profiles;
  if (!profiles) return [];
  const out: string[] = [];
  // every field a profile touches reads the row's variant, which reads the conditions
  if (fieldName === profiles.field || profiles.variants.some((v) => v.fields?.[fieldName] !== undefined)) out.push(...conditionPaths(profiles));
  for (const variant of profiles.variants) {
    const setting = variant.fields?.[fieldName];
    if (setting !== undefined && isSpec(setting)) out.push(...dependencies({ name: fieldName, type: setting.type, options: setting.options }));
  }
  return out;
}

/**
 * What profiles do to a column's shape: the selector takes its variants' values (`values`), and a
 * field some variant sets to null (or to a generator that may give null) becomes nullable.
 */
export function profileColumn(
  profiles: Profiles | undefined,
  field: string,
  dependencies: (field: FieldDefinition) => string[],
): { values?: Value[]; nullable: boolean } {
  if (!profiles) return { nullable: false };
  if (profiles.field !== undefined && field === profiles.field) {
    const values = profiles.variants.map((v) => (v.value ?? null) as Value);
    return { values, nullable: values.includes(null) };
  }
  const nullable = profiles.variants.some((v) => {
    const s = v.fields?.[field];
    if (s === null) return true;
    if (s === undefined || !isSpec(s)) return false;
    // a generator reading other values (e.g. after a date the variant leaves null) may give null
    return (s.nullRate ?? 0) > 0 || (s.type === 'constant' && s.options?.value === null) || dependencies({ name: field, ...s }).length > 0;
  });
  return { nullable };
}

/** A table's compiled profiles: the variant of each row, and the wrapping of the fields they touch. */
export class TableProfiles {
  /** The selector column ('' when the variants have none: no field has that name). */
  readonly selector: string;
  private readonly values: Value[];
  private readonly cumulative: Float64Array;
  private readonly total: number;
  private readonly choose: Key;
  private readonly touched: Set<string>;
  // every touched field of a row asks for its variant: remember the last row's
  private lastRow = -1;
  private lastVariant = 0;
  /** Per variant its condition (undefined: none), compiled on the first wrap; and what they read on the row. */
  private conditions: (ValueFn | undefined)[] | undefined;
  private conditionDeps: number[] = [];
  private readonly weights: Float64Array;

  /**
   * The selector's value of row i when no variant has a condition (a hash of i alone, known before
   * any table is built): what a layout filtered by the parent's state reads.
   */
  selectorValueOf(i: number): Value {
    return this.values[this.variantOf(i)];
  }

  constructor(
    private readonly profiles: Profiles,
    key: Key,
  ) {
    this.selector = profiles.field ?? '';
    this.values = profiles.variants.map((v) => (v.value ?? null) as Value);
    this.cumulative = new Float64Array(profiles.variants.length);
    let total = 0;
    profiles.variants.forEach((v, k) => (this.cumulative[k] = total += v.weight ?? 1));
    this.total = total;
    this.weights = Float64Array.from(profiles.variants, (v) => v.weight ?? 1);
    this.choose = subKey(key, 0x70726f66);
    this.touched = new Set(profiles.variants.flatMap((v) => Object.keys(v.fields ?? {})));
  }

  /**
   * The variant index of row i (a hash of i: the same for every field and every chunk). With
   * conditions, the same hash picks by weight among the variants whose `when` is true for the row
   * (read from its values in cols[d][k], which the touched fields depend on).
   */
  variantOf(i: number, cols?: Value[][], k = 0): number {
    if (i === this.lastRow) return this.lastVariant;
    const conditions = this.conditions;
    let v = 0;
    if (conditions === undefined) {
      const u = unit53At(this.choose, i) * this.total;
      const c = this.cumulative;
      while (c[v] <= u && v < c.length - 1) v++;
    } else {
      const allowed = new Array<boolean>(conditions.length);
      let total = 0;
      for (let x = 0; x < conditions.length; x++) {
        const when = conditions[x];
        allowed[x] = when === undefined || when(i, cols!, k) === true;
        if (allowed[x]) total += this.weights[x];
      }
      let u = unit53At(this.choose, i) * total;
      v = -1;
      for (let x = 0; x < conditions.length; x++) {
        if (!allowed[x] || this.weights[x] === 0) continue;
        v = x;
        if ((u -= this.weights[x]) < 0) break;
      }
    }
    this.lastRow = i;
    this.lastVariant = v;
    return v;
  }

  /** Compiles the variants' conditions once (field paths read through `path`); their same-row deps. */
  private bindConditions(path: FieldContext['path'], referenceDate: Date | undefined): number[] {
    if (this.conditions !== undefined || !this.profiles.variants.some((v) => v.when !== undefined)) return this.conditionDeps;
    const deps = new Set<number>();
    this.conditions = this.profiles.variants.map((v) =>
      v.when === undefined
        ? undefined
        : compileExpression(
            parsedExpression(v.when),
            (text) => {
              const reader = path!(text);
              for (const d of reader.deps) deps.add(d);
              return reader.value;
            },
            { referenceDate: referenceDate ?? new Date('2025-01-01T00:00:00.000Z') },
          ),
    );
    this.conditionDeps = [...deps];
    return this.conditionDeps;
  }

  /** Whether compile must hand this field to `wrap` (its nullRate then applies inside). */
  touches(field: string): boolean {
    return field === this.selector || this.touched.has(field);
  }

  /**
   * The generator of a touched field: per variant a constant, null, a generator built by
   * `buildSpec`, or the field's own generator `own` (with its nullRate, hashed per row).
   */
  wrap(
    field: FieldDefinition,
    own: BuiltField,
    key: Key,
    kind: ColumnKind | undefined,
    buildSpec: (spec: FieldDefinition, key: Key) => BuiltField,
    context?: Pick<FieldContext, 'path' | 'referenceDate'>,
  ): BuiltField {
    const conditionDeps = this.bindConditions(context?.path, context?.referenceDate);
    if (field.name === this.selector) {
      const values = this.values;
      return { value: (i, cols, k) => values[this.variantOf(i, cols, k)], rowFunction: true, deps: conditionDeps };
    }
    const count = this.profiles.variants.length;
    // per variant: 0 own generator, 1 constant (incl. null), 2 its generator
    const how = new Uint8Array(count);
    const constants: Value[] = new Array(count).fill(null);
    const generators: (ValueFn | undefined)[] = new Array(count);
    const nullRates = new Float64Array(count);
    const nullKeys: Key[] = new Array(count);
    const deps = new Set([...own.deps, ...conditionDeps]);
    let rowFunction = own.rowFunction;
    this.profiles.variants.forEach((variant, v) => {
      const setting = variant.fields?.[field.name];
      if (setting === undefined) {
        how[v] = 0;
        nullRates[v] = field.nullRate ?? 0;
        nullKeys[v] = subKey(key, NULL_PURPOSE);
      } else if (isSpec(setting)) {
        how[v] = 2;
        const specKey = subKey(key, 0x7661 + v);
        const built = buildSpec({ name: field.name, type: setting.type, options: setting.options }, specKey);
        generators[v] = built.value;
        for (const d of built.deps) deps.add(d);
        rowFunction &&= built.rowFunction;
        nullRates[v] = setting.nullRate ?? 0;
        nullKeys[v] = subKey(specKey, NULL_PURPOSE);
      } else {
        how[v] = 1;
        // ISO text set on a date column is a date, like every other value of that column
        constants[v] = typeof setting === 'string' && (kind === 'timestamp' || kind === 'date') ? new Date(setting) : (setting as Value);
      }
    });
    const ownValue = own.value;
    const value: ValueFn = (i, cols, k) => {
      const v = this.variantOf(i, cols, k);
      const h = how[v];
      if (h === 1) return constants[v];
      const out = h === 0 ? ownValue(i, cols, k) : generators[v]!(i, cols, k);
      return nullRates[v] > 0 && unitAt(nullKeys[v], i) < nullRates[v] ? null : out;
    };
    return { value, rowFunction, deps: [...deps] };
  }
}
