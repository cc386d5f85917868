// A schema definition as a diagram: a box per table (its fields, its rows), an edge per ref from
// the parent table to the child, and the engine's realism rules in words (parent-relative values,
// scoped refs, many-to-many joins, row profiles, inequalities, computed values), each at the
// field it belongs to so that the builder can open that field's editor. Laid out in columns:
// every table right of the tables it references (self-references and cycles aside).
import { DEFAULT_ROWS, type Definition, type FieldDefinition, type TableDefinition } from '$lib/definition';

export type RuleKind = 'parent value' | 'inequality' | 'scoped ref' | 'many-to-many' | 'row profiles' | 'computed' | 'parent filter' | 'pair';

export interface GraphRule {
  kind: RuleKind;
  table: string;
  tableIndex: number;
  /** The field the rule is set on; null for a table's rule (its row profiles). */
  field: string | null;
  fieldIndex: number | null;
  text: string;
}

export interface GraphTable {
  id: string;
  table: string;
  tableIndex: number;
  rows: string;
  x: number;
  y: number;
  height: number;
  fields: { name: string; type: string; fieldIndex: number; ruled: boolean }[];
  /** Fields past the box's room. */
  moreFields: number;
}

export interface GraphEdge {
  id: string;
  /** The parent (referenced) table. */
  source: string;
  /** The child table, whose field holds the ref. */
  target: string;
  field: string;
  tableIndex: number;
  fieldIndex: number;
  label: string;
  manyToMany: boolean;
}

export interface SchemaGraph {
  tables: GraphTable[];
  edges: GraphEdge[];
  rules: GraphRule[];
  width: number;
  height: number;
}

export const LAYOUT = { nodeWidth: 240, headerHeight: 48, fieldHeight: 22, maxFields: 10, gapX: 110, gapY: 36 } as const;

type Options = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const paths = (value: unknown): string => (Array.isArray(value) ? value.map(String).join(' / ') : String(value));

function range(min: unknown, max: unknown, unit: string): string {
  const lo = typeof min === 'number' ? min : 0;
  const hi = typeof max === 'number' ? max : null;
  return hi === null ? `at least ${lo} ${unit}` : lo === hi ? `${lo} ${unit}` : `${lo}–${hi} ${unit}`;
}

/** What a field's options make of its value, in words, or null for a field with no rule. */
function fieldRule(field: FieldDefinition, table: TableDefinition): { kind: RuleKind; text: string } | null {
  const o: Options = field.options ?? {};
  switch (field.type) {
    case 'lookup':
      return { kind: 'parent value', text: `${field.name} = ${paths(o.path)}` };
    case 'after':
    case 'before': {
      const sign = field.type === 'after' ? (o.strict ? '>' : '≥') : o.strict ? '<' : '≤';
      const by = o.max !== undefined || o.min !== undefined ? ` by ${range(o.min, o.max, str(o.unit) ?? 'days')}` : '';
      const bound = field.type === 'after' ? o.atMost : o.atLeast;
      const within = bound !== undefined ? `, ${field.type === 'after' ? 'at most' : 'at least'} ${paths(bound)}` : '';
      return { kind: 'inequality', text: `${field.name} ${sign} ${paths(o.from)}${by}${within}` };
    }
    case 'dateAfter':
      return { kind: 'inequality', text: `${field.name} after ${paths(o.field)} by ${range(o.minDays, o.maxDays, 'days')}` };
    case 'expression':
      return { kind: 'computed', text: `${field.name} = ${String(o.expr ?? '')}` };
    case 'aggregate':
      return { kind: 'computed', text: `${field.name} = ${String(o.fn ?? 'sum')} of ${String(o.table ?? '?')}.${String(o.field ?? '*')} per row` };
    case 'share':
      return { kind: 'computed', text: `${field.name}: a share of ${paths(o.of)} split among the rows of one ${String(o.per ?? 'parent')}` };
    case 'ref':
      return refRule(field, table, o);
  }
  return null;
}

function refRule(field: FieldDefinition, table: TableDefinition, o: Options): { kind: RuleKind; text: string } | null {
  const parent = String(o.table ?? '?');
  const scope = o.scope as { target?: unknown; equals?: unknown } | undefined;
  if (scope) return { kind: 'scoped ref', text: `${field.name}: only ${parent} rows under the same ${String(scope.equals)} (via ${String(scope.target)})` };
  const partner = str(o.distinctWithin);
  if (partner) {
    const left = table.fields.find((f) => f.name === partner);
    const leftParent = String(left?.options?.table ?? '?');
    return {
      kind: 'many-to-many',
      text: `${table.name} joins ${leftParent} ↔ ${parent}: each ${leftParent} with distinct ${parent} rows${o.excludeSelf ? ', never itself' : ''}`,
    };
  }
  const where = o.where as { path?: unknown; in?: unknown } | undefined;
  if (where)
    return {
      kind: 'parent filter',
      text: `${field.name}: only ${parent} rows whose ${String(where.path)} is ${Array.isArray(where.in) ? where.in.map(String).join(', ') : '…'}`,
    };
  const until = o.until as { series?: unknown; atMost?: unknown } | undefined;
  if (until) return { kind: 'parent filter', text: `${field.name}: only ${parent} rows whose ${String(until.series)} is at most ${String(until.atMost)}` };
  if (str(o.greaterThan)) return { kind: 'pair', text: `${field.name} > ${String(o.greaterThan)}: an unordered pair of distinct ${parent} rows` };
  if (str(o.differentFrom)) return { kind: 'inequality', text: `${field.name} ≠ ${String(o.differentFrom)}` };
  const sameAs = o.sameAs as { path?: unknown; rate?: unknown } | undefined;
  if (sameAs) {
    const share = typeof sameAs.rate === 'number' ? `${Math.round(sameAs.rate * 100)} % of rows` : 'every row';
    return { kind: 'parent value', text: `${field.name} = ${String(sameAs.path)} for ${share}` };
  }
  return null;
}

function profileRule(table: TableDefinition): string | null {
  const profiles = table.profiles as { field?: string; variants?: { value?: unknown; weight?: number; when?: string }[] } | undefined;
  const variants = profiles?.variants ?? [];
  if (variants.length === 0) return null;
  const total = variants.reduce((sum, v) => sum + (v.weight ?? 1), 0) || 1;
  const listed = variants
    .slice(0, 6)
    .map(
      (v, i) =>
        `${v.value !== undefined ? String(v.value) : `variant ${i + 1}`} ${Math.round(((v.weight ?? 1) / total) * 100)} %${v.when ? ` when ${v.when}` : ''}`,
    )
    .join(', ');
  const more = variants.length > 6 ? ` and ${variants.length - 6} more` : '';
  return `${profiles?.field ? `rows by ${profiles.field}` : 'row variants'}: ${listed}${more}`;
}

function refOf(field: FieldDefinition): { table: string; perParent: { min: unknown; max: unknown } | null; skewed: boolean } | null {
  if (field.type !== 'ref') return null;
  const o: Options = field.options ?? {};
  const table = str(o.table);
  if (!table) return null;
  const per = o.childrenPerParent as { min?: unknown; max?: unknown } | undefined;
  return { table, perParent: per ? { min: per.min, max: per.max } : null, skewed: o.choice === 'skewed' };
}

/** Column of each table: 0 for tables that reference none, else one past the furthest parent. */
function columnsOf(definition: Definition): Map<string, number> {
  const byName = new Map(definition.tables.map((t) => [t.name, t]));
  const column = new Map<string, number>();
  const visiting = new Set<string>();
  const columnOf = (name: string): number => {
    const known = column.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return 0; // a cycle: the edge that closes it is drawn backwards
    visiting.add(name);
    let at = 0;
    for (const field of byName.get(name)?.fields ?? []) {
      const ref = refOf(field);
      if (ref && ref.table !== name && byName.has(ref.table)) at = Math.max(at, columnOf(ref.table) + 1);
    }
    visiting.delete(name);
    column.set(name, at);
    return at;
  };
  for (const table of definition.tables) columnOf(table.name);
  return column;
}

export function schemaGraph(definition: Definition): SchemaGraph {
  const names = new Set(definition.tables.map((t) => t.name));
  const columns = columnsOf(definition);
  const rules: GraphRule[] = [];
  const edges: GraphEdge[] = [];
  definition.tables.forEach((table, tableIndex) => {
    const profiles = profileRule(table);
    if (profiles) rules.push({ kind: 'row profiles', table: table.name, tableIndex, field: null, fieldIndex: null, text: profiles });
    table.fields.forEach((field, fieldIndex) => {
      const rule = fieldRule(field, table);
      if (rule) rules.push({ ...rule, table: table.name, tableIndex, field: field.name, fieldIndex });
      const ref = refOf(field);
      if (!ref || !names.has(ref.table)) return;
      const per = ref.perParent ? `${String(ref.perParent.min)}–${String(ref.perParent.max)} per ${ref.table}` : ref.skewed ? 'skewed' : '';
      edges.push({
        id: `${table.name}.${field.name}`,
        source: ref.table,
        target: table.name,
        field: field.name,
        tableIndex,
        fieldIndex,
        label: per ? `${field.name} (${per})` : field.name,
        manyToMany: str(field.options?.distinctWithin) !== null,
      });
    });
  });
  // a join's left ref is many-to-many too
  for (const edge of edges) {
    if (
      edges.some(
        (other) =>
          other.target === edge.target &&
          other.manyToMany &&
          definition.tables[other.tableIndex]!.fields[other.fieldIndex]!.options?.distinctWithin === edge.field,
      )
    )
      edge.manyToMany = true;
  }

  const ruled = new Set(rules.map((r) => `${r.table}.${r.field}`));
  const nextY = new Map<number, number>();
  let width = 0;
  let height = 0;
  const tables = definition.tables.map((table, tableIndex): GraphTable => {
    const column = columns.get(table.name) ?? 0;
    const shown = table.fields.slice(0, LAYOUT.maxFields);
    const boxHeight = LAYOUT.headerHeight + (shown.length + (table.fields.length > shown.length ? 1 : 0)) * LAYOUT.fieldHeight + 8;
    const x = column * (LAYOUT.nodeWidth + LAYOUT.gapX);
    const y = nextY.get(column) ?? 0;
    nextY.set(column, y + boxHeight + LAYOUT.gapY);
    width = Math.max(width, x + LAYOUT.nodeWidth);
    height = Math.max(height, y + boxHeight);
    const perParent = table.fields.map(refOf).find((r) => r?.perParent);
    return {
      id: table.name,
      table: table.name,
      tableIndex,
      rows: perParent ? `${String(perParent.perParent!.min)}–${String(perParent.perParent!.max)} per ${perParent.table}` : `${table.rows ?? DEFAULT_ROWS} rows`,
      x,
      y,
      height: boxHeight,
      fields: shown.map((field, fieldIndex) => ({ name: field.name, type: field.type, fieldIndex, ruled: ruled.has(`${table.name}.${field.name}`) })),
      moreFields: table.fields.length - shown.length,
    };
  });
  return { tables, edges, rules, width, height };
}
