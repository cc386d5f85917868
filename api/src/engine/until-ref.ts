// Refs to rows that existed by a moment: a bid's bidder among the users signed up by the time the
// bid was placed. `until` {series, atMost} names a timeline of the target table (its rows in the
// order of their moments, timeline.ts) and a moment of this row (a field path); the rows whose
// moment is at most it are the first count of the table, worked out by arithmetic, and the ref picks
// uniformly among them (never the row `differentFrom` names). Nothing is scanned or held: the pick
// is a pure function of the row, the same in every chunking.
import { declaredKind, type FieldDefinition, type TableDefinition } from './definition.js';
import { resolveFieldPath, type ResolvedPath } from './field-path.js';
import type { BuiltField } from './fields.js';
import { subKey, unit53At } from './random.js';
import { pathValueAt, refChain, refSteps, type RelationContext } from './scoped-ref.js';
import type { Timeline } from './timeline.js';

type RefOptions = {
  table: string;
  until?: { series: string; atMost: string };
  scope?: unknown;
  sameAs?: unknown;
  distinctWithin?: string;
  differentFrom?: string;
  childrenPerParent?: unknown;
  where?: unknown;
  choice?: string;
};

/** Definition checks of `until` on a ref field (`at` is the field's path). */
export function checkUntil(
  field: FieldDefinition,
  at: string,
  table: TableDefinition,
  tables: ReadonlyMap<string, TableDefinition>,
  add: (path: string, message: string) => void,
): void {
  const options = field.options as RefOptions;
  if (!options.until) return;
  const where = `${at}.options.until`;
  const target = tables.get(options.table);
  if (!target) return;
  if (target === table) add(where, 'a self-reference picks an earlier row already: until is for refs to other tables');
  if (options.scope || options.sameAs || options.distinctWithin !== undefined || options.childrenPerParent || options.where || field.unique)
    add(
      where,
      'until picks among the rows that existed by a moment: it cannot be combined with scope, sameAs, distinctWithin, childrenPerParent, where or unique',
    );
  if (options.choice === 'skewed') add(where, 'until chooses uniformly: drop choice "skewed"');
  const series = target.fields.find((f) => f.name === options.until!.series);
  if (!series) add(`${where}.series`, `unknown field "${options.until.series}" in table ${target.name}`);
  else if (series.type !== 'timeline')
    add(`${where}.series`, `${target.name}.${series.name} must be a timeline (its rows in the order of their moments); it is ${series.type}`);
  else if ((series.nullRate ?? 0) > 0) add(`${where}.series`, `${target.name}.${series.name} cannot have a nullRate: every row needs its moment`);
  else if (target.profiles?.variants.some((v) => Object.hasOwn(v.fields ?? {}, series.name)))
    add(`${where}.series`, `${target.name}.${series.name} is set by a profile variant, so its rows are no longer in order`);
  else if (target.checks?.some((c) => c.redraw.includes(series.name)))
    add(`${where}.series`, `${target.name}.${series.name} is redrawn by a check, so its rows are no longer in order`);
  const path = resolveFieldPath(options.until.atMost, table, tables);
  if (typeof path === 'string') add(`${where}.atMost`, path);
  else if (path.steps[0]?.field === field.name) add(`${where}.atMost`, `"${path.text}" goes through ${field.name} itself, which picks by it`);
  else {
    const kind = declaredKind(path.field, tables, tables.get(path.table));
    if (kind !== undefined && kind !== 'timestamp' && kind !== 'date') add(`${where}.atMost`, `field "${path.text}" is not a date (it is ${kind})`);
  }
}

/** The path `until` reads (compile makes it row-addressable), when the ref has one. */
export function untilRead(field: FieldDefinition): string | undefined {
  return field.type === 'ref' ? (field.options as RefOptions).until?.atMost : undefined;
}

/** The generator of a ref with `until`; undefined for other refs. */
export function buildUntilRef(field: FieldDefinition, ctx: RelationContext): BuiltField | undefined {
  const options = field.options as RefOptions;
  if (!options.until) return undefined;
  const parentValue = ctx.parentValue!;
  const rows = ctx.rows.get(options.table)!;
  const choose = subKey(ctx.key, 7);
  const orNone = (field.nullRate ?? 0) > 0;
  const moment = momentReader(resolveFieldPath(options.until.atMost, ctx.table, ctx.tables) as ResolvedPath, ctx);
  const avoided =
    options.differentFrom === undefined
      ? undefined
      : refChain(refSteps(resolveFieldPath(options.differentFrom, ctx.table, ctx.tables) as ResolvedPath), ctx.runtimeOf);
  let line: Timeline | undefined;
  /**
   * A uniform row among those that existed by the row's moment (all rows when it is null), other
   * than the avoided one. When none did: null if the column may be null, else the first row to
   * arrive after the moment (the nearest to it).
   */
  const pickRow = (i: number): number => {
    if (!line) {
      const runtime = ctx.runtimeOf(options.table);
      line = runtime.fields[runtime.fieldIndex(options.until!.series)].built.timeline!;
    }
    const t = moment(i);
    const count = t === undefined ? rows : line.countUpTo(t);
    const avoid = avoided ? avoided(i) : -1;
    const others = avoid >= 0 && avoid < count ? count - 1 : count;
    if (others > 0) {
      const r = Math.floor(unit53At(choose, i) * others);
      return avoid >= 0 && avoid < count && r >= avoid ? r + 1 : r;
    }
    if (orNone) return -1;
    const next = count === avoid ? count + 1 : count;
    return next < rows ? next : avoid >= 0 && avoid < rows ? avoid : rows - 1;
  };
  return {
    value: (i) => {
      const r = pickRow(i);
      return r < 0 ? null : parentValue(r);
    },
    rowFunction: true,
    deps: [],
    parentRow: pickRow,
  };
}

/** Row i's moment at a path (epoch ms), undefined when it is null; read one row at a time. */
function momentReader(path: ResolvedPath, ctx: RelationContext): (i: number) => number | undefined {
  const read = pathValueAt(path, ctx);
  return (i) => {
    const value = read(i);
    return value instanceof Date ? value.getTime() : undefined;
  };
}
