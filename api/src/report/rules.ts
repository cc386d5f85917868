// The rules a definition promises, as data: every unique key, every foreign key, every inequality
// (after/before/dateAfter, with their bounds; child-after-parent when the other side is a parent's
// value), every scope, exactly-one flag, profile setting and translated CHECK. The report checks
// them on rows as they are made (rule-checks.ts), `tdg check` with SQL on a database (check-sql.ts).
import type { Definition, FieldDefinition, TableDefinition } from '../engine/index.js';

export type RuleKind = 'unique' | 'foreign-key' | 'inequality' | 'child-after-parent' | 'scope' | 'exactly-one' | 'profile' | 'check';

/** The other side of a comparison: a field path, the reference instant, or a constant. */
export type Operand = { path: string } | { now: true } | { constant: number | string };

export interface Comparison {
  /** A field path of the table's row. */
  left: string;
  op: '>=' | '>' | '<=' | '<' | '=';
  right: Operand;
  /**
   * A bound (atMost / atLeast) gives way where a side the value follows is already past it: the
   * engine then keeps the order (after the base) rather than the bound. Paths of those sides.
   */
  givesWayTo?: string[];
  /** Rows whose profile selector (path) holds one of these values set the field otherwise: not checked. */
  unlessIn?: { path: string; values: unknown[] };
}

export interface Rule {
  /** Stable within a definition: `table/kind/n`. */
  id: string;
  table: string;
  kind: RuleKind;
  /** What it says, in the user's words: `orders.shipped_at >= orders.created_at`. */
  name: string;
  /** unique: the key's columns. */
  key?: string[];
  /** foreign-key: the ref column and the parent column it holds. */
  ref?: { column: string; table: string; field: string };
  /** inequality, child-after-parent, scope: holds unless both sides are known and it is false. */
  compare?: Comparison;
  /** profile: when `when.path = when.value`, `then.path` is null (value null) or equals value. */
  profile?: { when: { path: string; value: unknown }; then: { path: string; value: unknown } };
  /** exactly-one: per parent of `per` that has children, exactly one row has `column = value`. */
  exactlyOne?: { per: string; column: string; value: unknown };
  /** check: the expression (the expression language; false is a violation, null is not, as in SQL). */
  expr?: string;
}

type Options = Record<string, unknown>;
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function operand(v: unknown): Operand | undefined {
  if (v === 'now') return { now: true };
  if (typeof v === 'number') return { constant: v };
  if (typeof v === 'string') return ISO_DATE.test(v) ? { constant: v } : { path: v };
  return undefined;
}

const operandText = (table: string, o: Operand) => ('path' in o ? `${table}.${o.path}` : 'now' in o ? 'now' : JSON.stringify(o.constant));

/** Every rule of a definition, tables in definition order, in a fixed order within a table. */
export function rulesOf(definition: Definition): Rule[] {
  const out: Rule[] = [];
  for (const table of definition.tables) {
    const add = (rule: Omit<Rule, 'id' | 'table'>) =>
      out.push({ id: `${table.name}/${rule.kind}/${out.filter((r) => r.table === table.name).length}`, table: table.name, ...rule });
    for (const key of keysOf(table)) add({ kind: 'unique', name: `${table.name} (${key.join(', ')}) unique`, key });
    for (const field of table.fields) fieldRules(table, field, add);
    profileRules(table, add);
    for (const check of table.checks ?? []) add({ kind: 'check', name: `${table.name} check ${check.name}: ${check.expr}`, expr: check.expr });
  }
  return out;
}

function keysOf(table: TableDefinition): string[][] {
  const keys: string[][] = [];
  const seen = new Set<string>();
  const push = (key: string[]) => {
    const text = key.join('\u0000');
    if (seen.has(text)) return;
    seen.add(text);
    keys.push(key);
  };
  if (table.primaryKey) push(table.primaryKey);
  for (const field of table.fields) if (field.unique) push([field.name]);
  for (const key of table.unique ?? []) push(key);
  return keys;
}

function fieldRules(table: TableDefinition, field: FieldDefinition, add: (rule: Omit<Rule, 'id' | 'table'>) => void): void {
  const o = (field.options ?? {}) as Options;
  const at = `${table.name}.${field.name}`;
  // the values of the profile selector whose variants set this field their own way
  const overriding = (table.profiles?.variants ?? []).filter((v) => v.fields !== undefined && field.name in v.fields).map((v) => v.value);
  const unlessIn = overriding.length && table.profiles?.field ? { unlessIn: { path: table.profiles.field, values: [...new Set(overriding)] } } : {};
  const compare = (op: Comparison['op'], right: Operand, givesWayTo?: string[]) => {
    const kind = 'path' in right && right.path.includes('.') ? 'child-after-parent' : 'inequality';
    add({
      kind,
      name: `${at} ${op} ${operandText(table.name, right)}`,
      compare: { left: field.name, op, right, ...(givesWayTo?.length ? { givesWayTo } : {}), ...unlessIn },
    });
  };
  if (field.type === 'ref') {
    add({
      kind: 'foreign-key',
      name: `${at} -> ${String(o.table)}.${String(o.field)}`,
      ref: { column: field.name, table: String(o.table), field: String(o.field) },
    });
    const scope = o.scope as { target: string; equals: string } | undefined;
    if (scope)
      add({
        kind: 'scope',
        name: `${at}.${scope.target} = ${table.name}.${scope.equals}`,
        compare: { left: `${field.name}.${scope.target}`, op: '=', right: { path: scope.equals } },
      });
    // a row picks among the target rows that existed by its moment
    const until = o.until as { series: string; atMost: string } | undefined;
    if (until)
      add({
        kind: 'child-after-parent',
        name: `${at}.${until.series} <= ${table.name}.${until.atMost}`,
        compare: { left: `${field.name}.${until.series}`, op: '<=', right: { path: until.atMost } },
      });
  }
  if (field.type === 'after' || field.type === 'before') {
    const after = field.type === 'after';
    const strict = o.strict === true;
    for (const from of list(o.from)) {
      const right = operand(from);
      if (right) compare(after ? (strict ? '>' : '>=') : strict ? '<' : '<=', right);
    }
    const bases = list(o.from).filter((from): from is string => typeof from === 'string' && !ISO_DATE.test(from) && from !== 'now');
    for (const bound of list(after ? o.atMost : o.atLeast)) {
      const right = operand(bound);
      if (right) compare(after ? '<=' : '>=', right, bases);
    }
  }
  if (field.type === 'dateAfter' && typeof o.field === 'string') compare('>=', { path: o.field });
  if (field.exactlyOne) {
    const one = field.exactlyOne as { per: string; value?: unknown };
    const value = one.value ?? (field.type === 'datatype.boolean' ? true : null);
    add({
      kind: 'exactly-one',
      name: `${at} = ${JSON.stringify(value)} once per ${table.name}.${one.per}`,
      exactlyOne: { per: one.per, column: field.name, value },
    });
  }
}

/**
 * A profile's null and constant settings, per selector value: `'queued' ⇒ finished_at is null`
 * when every variant of 'queued' sets it so (two variants of one value may split it differently).
 */
function profileRules(table: TableDefinition, add: (rule: Omit<Rule, 'id' | 'table'>) => void): void {
  const profiles = table.profiles;
  if (!profiles?.field) return;
  const isSpec = (s: unknown) => s !== null && typeof s === 'object' && !Array.isArray(s) && typeof (s as { type?: unknown }).type === 'string';
  const values = new Map<string, (typeof profiles.variants)[number][]>();
  for (const variant of profiles.variants) {
    const text = JSON.stringify(variant.value);
    values.set(text, [...(values.get(text) ?? []), variant]);
  }
  for (const variants of values.values()) {
    const [first] = variants;
    for (const [name, setting] of Object.entries(first.fields ?? {})) {
      if (isSpec(setting)) continue;
      const same = variants.every((v) => v.fields !== undefined && name in v.fields && JSON.stringify(v.fields[name]) === JSON.stringify(setting));
      if (!same) continue;
      add({
        kind: 'profile',
        name: `${table.name}.${profiles.field} = ${JSON.stringify(first.value)} => ${name} ${setting === null ? 'is null' : `= ${JSON.stringify(setting)}`}`,
        profile: { when: { path: profiles.field, value: first.value }, then: { path: name, value: setting } },
      });
    }
  }
}
