// Table-level CHECKs (`checks: [{ name, expr, redraw }]`) met by a bounded, deterministic redraw:
// a row whose check is not true gets its `redraw` fields recomputed with an attempt-salted key
// (attempt 1..16) until the check holds; the first attempt that passes stands (else the last).
// A check may also list `fixes`, tried after the random attempts: each sets some redraw fields to
// constants (a branch of the CHECK: `parent_id is null and level = 0 and qty = 1.00` → parent_id
// null, level 0, qty 1), which no random draw hits. The fields a fix leaves out keep their first
// draw; should every fix fail so, each is tried once more with those fields set (their first draw's
// value where it was null): exactly one of three set, where the fixes empty two, needs the third.
// Which attempt stands is a pure function of (seed, table, row): it is worked out on a scratch
// copy of the row, and the redrawn fields' generators return the value of that attempt, so
// fillBlock, rowValue and parentRow all see the final row in any chunk and any process.
import { z } from 'zod';
import type { FieldDefinition, TableDefinition } from './definition.js';
import { compileExpression, type Eval, ExpressionError, expressionPaths, parsedExpression, parseExpression } from './expression.js';
import { pathReader, resolveFieldPath } from './field-path.js';
import type { BuiltField } from './fields.js';
import { type Key, NULL_PURPOSE, type Rng, subKey, unitAt } from './random.js';
import type { Value } from './shape.js';
import { rowKey, type TableRuntime } from './table-runtime.js';

/** Attempts after the first draw: bounded, so a check that cannot be met costs 17 tries per row. */
export const CHECK_ATTEMPTS = 16;
/** Rows whose attempt vectors are kept (a power of two, at least a block of rows). */
const ATTEMPT_CACHE = 2048;

export const checksSchema = z
  .array(
    z.strictObject({
      name: z.string().min(1).max(200).describe('the constraint name (reported when the check cannot be met)'),
      expr: z.string().min(1).max(10_000).describe('must be true for every row (expression language; null counts as not true)'),
      redraw: z.array(z.string().min(1).max(63)).min(1).max(32).describe('fields of this table drawn again while the check is not true'),
      fixes: z
        .array(z.record(z.string().min(1).max(63), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()])))
        .max(8)
        .optional()
        .describe('tried in turn after the random attempts: each sets some redraw fields to constants (refs only to null)'),
    }),
  )
  .max(64);

export type TableCheck = z.infer<typeof checksSchema>[number];

type Options = Record<string, unknown> & { childrenPerParent?: unknown; scope?: unknown; sameAs?: unknown; distinctWithin?: unknown; include?: unknown };

/** Definition checks of a table's `checks` (`at` is the table's path). */
export function checkTableChecks(
  table: TableDefinition,
  at: string,
  tables: ReadonlyMap<string, TableDefinition>,
  add: (path: string, message: string) => void,
): void {
  const checks = (table as { checks?: TableCheck[] }).checks;
  if (!checks) return;
  const names = new Set<string>();
  const keyed = redrawGuardedColumns(table);
  checks.forEach((check, c) => {
    const where = `${at}.checks[${c}]`;
    if (names.has(check.name)) add(`${where}.name`, `duplicate check name "${check.name}"`);
    names.add(check.name);
    try {
      const node = parseExpression(check.expr);
      for (const { path, position } of expressionPaths(node)) {
        const resolved = resolveFieldPath(path, table, tables);
        if (typeof resolved === 'string') add(`${where}.expr`, `at position ${position}: ${resolved}`);
      }
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      add(`${where}.expr`, error.message);
    }
    const seen = new Set<string>();
    check.redraw.forEach((name, r) => {
      const here = `${where}.redraw[${r}]`;
      const field = table.fields.find((f) => f.name === name);
      if (!field) return add(here, `unknown field "${name}" (fields of ${table.name}: ${table.fields.map((f) => f.name).join(', ')})`);
      if (seen.has(name)) add(here, `names "${name}" twice`);
      seen.add(name);
      const why = unredrawable(field, keyed.has(name), table);
      if (why && !nullsOnlyRedraw(field, keyed.has(name), table)) add(here, `${table.name}.${name} cannot be redrawn: ${why}`);
    });
    check.fixes?.forEach((fix, x) => {
      for (const [name, value] of Object.entries(fix)) {
        const here = `${where}.fixes[${x}].${name}`;
        const field = table.fields.find((f) => f.name === name);
        if (!check.redraw.includes(name)) add(here, `"${name}" is not among the check's redraw fields (${check.redraw.join(', ')})`);
        else if (value !== null && field && unredrawable(field, keyed.has(name), table))
          add(here, `${table.name}.${name} keeps the value its rule chose, so it can only be fixed to null`);
        else if (
          value !== null &&
          table.fields.find((f) => f.name === name)?.type === 'ref' &&
          sequenceKeyOf(
            table.fields.find((f) => f.name === name)!,
            tables,
          ) === undefined
        )
          add(here, `a ref can only be fixed to null, or to a number when it points at a plain sequence (the parent row is then known)`);
      }
    });
  });
}

/**
 * Columns of the table's keys a redraw must leave alone. A key with a plain sequence in it (rates by
 * base, quote and a day series) is unique by that column alone, so its other columns are free.
 */
export function redrawGuardedColumns(table: Pick<TableDefinition, 'fields' | 'primaryKey' | 'unique'>): Set<string> {
  const carried = (key: string[]) =>
    key.length > 1 &&
    key.some((name) => {
      const f = table.fields.find((field) => field.name === name);
      const o = (f?.options ?? {}) as Options;
      return f?.type === 'sequence' && o.per === undefined && o.step !== 0;
    });
  return new Set([table.primaryKey ?? [], ...(table.unique ?? [])].filter((key) => !carried(key)).flat());
}

/**
 * Whether a field that cannot be drawn again may still have its nulls drawn again, keeping its
 * value where it is set: a nullable ref inside a scope, or a nullable key column (a NULL leaves a
 * key distinct, and the value kept is the one its rule chose). (plan_id IS NULL) <> (subscription_id
 * IS NULL) on two scoped refs is met this way.
 */
export function nullsOnlyRedraw(field: TableDefinition['fields'][number], keyed: boolean, table: TableDefinition): boolean {
  if (!((field.nullRate ?? 0) > 0) || field.exactlyOne || table.profiles?.field === field.name) return false;
  const o = (field.options ?? {}) as Options;
  if (field.type === 'ref' && (o.childrenPerParent || o.distinctWithin || o.include)) return false;
  return unredrawable(field, keyed, table) !== undefined;
}

/** Why drawing a field again would break one of its guarantees (undefined: it can be redrawn). */
function unredrawable(field: TableDefinition['fields'][number], keyed: boolean, table: TableDefinition): string | undefined {
  const o = (field.options ?? {}) as Options;
  if (field.unique) return 'it is unique (its values are a permutation of the rows)';
  if (keyed) return 'it is part of the primary key or a unique key';
  if (field.exactlyOne) return 'exactlyOne places its one value per parent';
  if (table.profiles?.field === field.name) return "it selects the row's profile";
  if (field.type === 'sequence' || field.type === 'constant') return `a ${field.type} is the same at every attempt`;
  if (field.type === 'ref') {
    if (o.childrenPerParent) return 'childrenPerParent lays the table out by its parent';
    if (o.scope) return 'a scoped ref keeps its row inside the scope';
    if (o.sameAs) return 'sameAs copies another ref';
    if (o.distinctWithin || o.include) return "a many-to-many ref's partners are fixed per left row";
  }
  return undefined;
}

type Dependencies = (field: TableDefinition['fields'][number], table: TableDefinition) => string[];

/** The same-row field a path reads first: its column, or the first ref it follows. */
function sameRowName(text: string, table: TableDefinition, tables: ReadonlyMap<string, TableDefinition>): string | undefined {
  const path = resolveFieldPath(text, table, tables);
  if (typeof path === 'string') return undefined;
  return path.steps.length === 0 ? path.column : path.steps[0].field;
}

/** Names of `start` and every same-row field they are computed from. */
function sameRowClosure(table: TableDefinition, tables: ReadonlyMap<string, TableDefinition>, start: Iterable<string>, deps: Dependencies): Set<string> {
  const out = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (out.has(name)) continue;
    const field = table.fields.find((f) => f.name === name);
    if (!field) continue;
    out.add(name);
    for (const text of deps(field, table)) {
      const read = sameRowName(text, table, tables);
      if (read !== undefined && !out.has(read)) queue.push(read);
    }
  }
  return out;
}

function checkReads(check: TableCheck): string[] {
  try {
    return expressionPaths(parsedExpression(check.expr)).map((p) => p.path);
  } catch {
    return [];
  }
}

/** Fields of a checked table computed on the scratch row: what the checks read and redraw, and what those are computed from. */
function scratchFields(table: TableDefinition, tables: ReadonlyMap<string, TableDefinition>, deps: Dependencies): Set<string> {
  const checks = (table as { checks?: TableCheck[] }).checks ?? [];
  const start: string[] = [];
  for (const check of checks) {
    start.push(...check.redraw);
    for (const text of checkReads(check)) {
      const name = sameRowName(text, table, tables);
      if (name !== undefined) start.push(name);
    }
  }
  return sameRowClosure(table, tables, start, deps);
}

/**
 * Fields (`table.field`) that must be computable one row at a time because of checks: the scratch
 * row of each checked table, and the parent columns the checks read (with what they come from).
 */
export function checkAddressable(def: { tables: TableDefinition[] }, tables: ReadonlyMap<string, TableDefinition>, deps: Dependencies): string[] {
  const out: string[] = [];
  for (const table of def.tables) {
    const checks = (table as { checks?: TableCheck[] }).checks;
    if (!checks?.length) continue;
    for (const name of scratchFields(table, tables, deps)) out.push(`${table.name}.${name}`);
    for (const check of checks)
      for (const text of checkReads(check)) {
        const path = resolveFieldPath(text, table, tables);
        if (typeof path === 'string' || path.steps.length === 0) continue;
        const byTable = new Map<string, string[]>([[path.table, [path.column]]]);
        for (const step of path.steps.slice(1)) byTable.set(step.table, [...(byTable.get(step.table) ?? []), step.field]);
        for (const [name, start] of byTable) for (const f of sameRowClosure(tables.get(name)!, tables, start, deps)) out.push(`${name}.${f}`);
      }
  }
  return out;
}

export interface CheckFailure {
  /** The check's name (the SQL constraint's). */
  name: string;
  expr: string;
  /** Columns of the table the check reads (a parent path counts as its ref column). */
  columns: string[];
  /** Rows checked, and rows still failing after every attempt. */
  checked: number;
  failing: number;
  examples: { row: number; values: Record<string, Value> }[];
}

const holds = (v: Value): boolean => v !== null && v !== false && v !== 0 && v !== '' && !(typeof v === 'number' && Number.isNaN(v));

interface Redraw {
  /** Its slot in a row's attempt vector. */
  slot: number;
  raw: BuiltField;
  /** The first draw never null (the value its null draw hid). */
  set: BuiltField;
  /** Per fix (attempt CHECK_ATTEMPTS + 1 + x), its value; undefined: the fix leaves the field at its first draw. */
  fixes: (Value | undefined)[];
  build: (key: Key) => BuiltField;
  keys: Key[];
  salted: (BuiltField | undefined)[];
  /** A ref's parent row at fix x (-1: none or not a key value of the parent). */
  fixRow?: (x: number) => number;
}

/** The plain sequence (no unit, no per) a ref points at, so a key value names its parent row. */
function sequenceKeyOf(field: FieldDefinition, tables: ReadonlyMap<string, TableDefinition>): { table: string; start: number; step: number } | undefined {
  const options = (field.options ?? {}) as { table?: string; field?: string };
  const target = tables.get(options.table ?? '')?.fields.find((f) => f.name === options.field);
  const o = (target?.options ?? {}) as { start?: number; step?: number; per?: string; unit?: string };
  if (target?.type !== 'sequence' || o.per !== undefined || o.unit !== undefined || (o.step ?? 1) === 0) return undefined;
  return { table: options.table!, start: o.start ?? 1, step: o.step ?? 1 };
}

const byRuntime = new WeakMap<TableRuntime, TableChecks>();

/** A field null at row i when the hash of (key, i) falls under the rate; its value is computed all the same (streams keep their pace). */
function withRowNulls(field: BuiltField, key: Key, rate: number): BuiltField {
  if (!(rate > 0)) return field;
  const value = field.value;
  const out: BuiltField = {
    ...field,
    value: (i, cols, k) => {
      const v = value(i, cols, k);
      return unitAt(key, i) < rate ? null : v;
    },
  };
  const pick = field.parentRow;
  if (pick) out.parentRow = (i) => (unitAt(key, i) < rate ? -1 : pick(i));
  return out;
}

/**
 * A checked table's runtime side. Per row, each redrawn field has an attempt (0: its first draw):
 * while a check fails, the fields of the failing checks move to the next attempt, so a field is
 * drawn again only for the checks it is named in. The vector is a pure function of the row.
 */
export class TableChecks {
  private runtime!: TableRuntime;
  private compiled: { check: TableCheck; evaluate: Eval; columns: number[]; slots: number[] }[] = [];
  private scratchOrder: number[] = [];
  private readonly redrawOf = new Map<number, Redraw>();
  // rows whose attempts are being worked out (nested: a self-reference reads an earlier row), innermost last
  private readonly stackRows: number[] = [];
  private readonly stackAttempts: Int32Array[] = [];
  private readonly scratch: Value[][][] = [];
  private readonly saved: Float64Array[] = [];
  /**
   * Recent rows worked out (direct-mapped by row): their attempt vectors and the scratch row's
   * values. A block is filled field by field, so each redrawn field of a row asks for the same
   * vector — worked out once, not once per field — and the fields of the scratch row take the
   * values the checks were evaluated on rather than computing them again.
   */
  private readonly cachedRows = new Float64Array(ATTEMPT_CACHE).fill(-1);
  private cachedAttempts = new Int32Array(0);
  private cachedValues: Value[] = [];
  /** Per field of the table, its place in the scratch row (-1: not in it). */
  private scratchPlace = new Int32Array(0);
  /** The fixes of all checks: attempts run up to CHECK_ATTEMPTS + 2 * fixCount (each fix, then each with the fields it leaves out set). */
  private fixCount = 0;

  constructor(
    private readonly table: TableDefinition,
    private readonly tables: ReadonlyMap<string, TableDefinition>,
    private readonly deps: Dependencies,
    private readonly rng: Rng,
  ) {}

  /** Whether compile must route this field through `redrawn`. */
  redraws(field: string): boolean {
    return ((this.table as { checks?: TableCheck[] }).checks ?? []).some((c) => c.redraw.includes(field));
  }

  /**
   * Field f's generator giving the value of the attempt that stands for the row; `build(key)` builds
   * the same field with another key (attempt a uses subKey(key, 0x636b00 + a)). With a nullRate,
   * whether the row is null is drawn again too (the first attempt keeps the runtime's own null
   * draw): a CHECK may want the column set (`parent_id is not null and level >= 1`), and a redraw
   * that never changes nullness can never get there. The runtime then leaves its nulls to this.
   * `attemptNullRate`: the nulls of the later attempts (a field drawn again only as null or not
   * tries both sides evenly).
   */
  redrawn(f: number, key: Key, built: BuiltField, rebuild: (key: Key) => BuiltField, nullRate = 0, attemptNullRate = nullRate): BuiltField {
    const keys = Array.from({ length: CHECK_ATTEMPTS }, (_, a) => subKey(key, 0x636b00 + a + 1));
    const raw = withRowNulls(built, subKey(key, NULL_PURPOSE), nullRate);
    const build = (salt: Key) => withRowNulls(rebuild(salt), subKey(salt, NULL_PURPOSE), attemptNullRate);
    const slot = this.redrawOf.size;
    const name = this.table.fields[f]!.name;
    // the fixes of the first check that redraws this field and has any
    const field = this.table.fields[f]!;
    const sequence = field.type === 'ref' ? sequenceKeyOf(field, this.tables) : undefined;
    // a ref fixed to a key value: the parent row holding it, when the parent has that many rows
    const rowOf = (v: Value) => {
      if (!sequence || typeof v !== 'number') return -1;
      const r = (v - sequence.start) / sequence.step;
      return Number.isInteger(r) && r >= 0 && r < (this.runtimesOf.get(sequence.table)?.rows ?? 0) ? r : -1;
    };
    // the fixes of every check, one after another, in one numbering for all fields: at fix attempt k
    // the fields of that fix's check take its constants together (a field it leaves out: its first
    // draw), so a field two checks redraw (end dates of an 'ended' and a 'Various Artists' check)
    // follows the check being fixed
    const fixes = ((this.table as { checks?: TableCheck[] }).checks ?? []).flatMap((c) =>
      (c.fixes ?? []).map((fix) => (c.redraw.includes(name) && name in fix ? fix[name] : undefined)),
    );
    this.fixCount = Math.max(this.fixCount, fixes.length);
    const redraw: Redraw = { slot, raw, set: built, fixes, build, keys, salted: [] };
    if (sequence) {
      // checked once the parent is built: a key value beyond its rows leaves the field at its first draw
      let settled = false;
      redraw.fixRow = (x) => {
        if (!settled) {
          settled = true;
          redraw.fixes = redraw.fixes.map((v) => (v === null || v === undefined || rowOf(v) >= 0 ? v : undefined));
        }
        const v = redraw.fixes[x];
        return v === null || v === undefined ? -1 : rowOf(v);
      };
    }
    this.redrawOf.set(f, redraw);
    const wrapped: BuiltField = {
      rowFunction: raw.rowFunction,
      deps: raw.deps,
      value: (i, cols, k) => this.drawAt(redraw, this.attempt(i, slot), i, cols, k),
    };
    if (raw.parentRow) {
      const pick = raw.parentRow;
      const setPick = built.parentRow!;
      wrapped.parentRow = (i) => {
        const a = this.attempt(i, slot);
        if (a === 0) return pick(i);
        if (a > CHECK_ATTEMPTS) {
          const { x, set } = this.fixAt(a);
          if (redraw.fixRow && redraw.fixRow(x) >= 0) return redraw.fixRow(x);
          return redraw.fixes[x] === null ? -1 : set && redraw.fixes[x] === undefined ? setPick(i) : pick(i);
        }
        return this.salted(redraw, a).parentRow!(i);
      };
    }
    return wrapped;
  }

  /** Fix x of attempt a (past the random ones); `set`: its second round, fields it leaves out set. */
  private fixAt(a: number): { x: number; set: boolean } {
    const x = a - CHECK_ATTEMPTS - 1;
    return x < this.fixCount ? { x, set: false } : { x: x - this.fixCount, set: true };
  }

  /** The first draw a redrawn field takes at attempt a: never null in a fix's second round. */
  private firstDraw(redraw: Redraw, a: number): BuiltField {
    return a > CHECK_ATTEMPTS && this.fixAt(a).set ? redraw.set : redraw.raw;
  }

  /** A redrawn field's value at attempt a: its first draw, a salted one, or a fix's constant. */
  private drawAt(redraw: Redraw, a: number, i: number, cols: Value[][], k: number): Value {
    if (a > CHECK_ATTEMPTS) {
      const { x, set } = this.fixAt(a);
      redraw.fixRow?.(x); // settles a ref's fixes against its parent's rows
      const fixed = redraw.fixes[x];
      if (fixed !== undefined) return fixed;
      if (set) return redraw.set.value(i, cols, k);
      a = 0;
    }
    if (a === 0) return redraw.raw.value(i, cols, k);
    const salted = this.salted(redraw, a);
    if (!salted.rowFunction) this.rng.reseed(rowKey(redraw.keys[a - 1]), i);
    return salted.value(i, cols, k);
  }

  private salted(redraw: Redraw, a: number): BuiltField {
    return (redraw.salted[a - 1] ??= redraw.build(redraw.keys[a - 1]));
  }

  referenceDate = new Date('2025-01-01T00:00:00.000Z');
  /** Compile's runtimes by table name (filled as tables are built; read on first use). */
  runtimesOf: ReadonlyMap<string, TableRuntime> = new Map();

  /** Called once the table's runtime exists: compiles the expressions and the scratch row's order. */
  attach(runtime: TableRuntime): void {
    this.runtime = runtime;
    byRuntime.set(runtime, this);
    const fieldIndex = new Map(this.table.fields.map((f, i) => [f.name, i]));
    const runtimeOf = (name: string) => {
      const rt = this.runtimesOf.get(name);
      if (!rt) throw new RangeError(`no runtime for table ${name}`);
      return rt;
    };
    for (const check of (this.table as { checks?: TableCheck[] }).checks ?? []) {
      const columns = new Set<number>();
      const evaluate = compileExpression(
        parsedExpression(check.expr),
        (text) => {
          const path = resolveFieldPath(text, this.table, this.tables);
          if (typeof path === 'string') throw new Error(`${this.table.name} check ${check.name}: ${path}`);
          const reader = pathReader(path, fieldIndex, runtimeOf);
          for (const d of reader.deps) columns.add(d);
          return reader.value;
        },
        { referenceDate: this.referenceDate },
      );
      const slots = check.redraw.map((name) => this.redrawOf.get(fieldIndex.get(name)!)!.slot);
      this.compiled.push({ check, evaluate, columns: [...columns], slots });
    }
    this.cachedAttempts = new Int32Array(ATTEMPT_CACHE * this.redrawOf.size);
    const scratch = scratchFields(this.table, this.tables, this.deps);
    this.scratchOrder = runtime.order.filter((f) => scratch.has(runtime.fields[f].name));
    this.cachedValues = new Array<Value>(ATTEMPT_CACHE * this.scratchOrder.length).fill(null);
    this.scratchPlace = new Int32Array(runtime.fields.length).fill(-1);
    this.scratchOrder.forEach((f, p) => (this.scratchPlace[f] = p));
    runtime.sharedValues = { has: (f) => this.scratchPlace[f] >= 0, valueAt: (f, i) => this.valueAt(f, i) };
  }

  /** The attempt of redrawn field `slot` that stands for row i. */
  private attempt(i: number, slot: number): number {
    for (let s = this.stackRows.length - 1; s >= 0; s--) if (this.stackRows[s] === i) return this.stackAttempts[s][slot];
    return this.cachedAttempts[this.worked(i) * this.redrawOf.size + slot];
  }

  /** Field f of the scratch row at row i, as the row will be written (the final attempt's value). */
  valueAt(f: number, i: number): Value {
    return this.cachedValues[this.worked(i) * this.scratchOrder.length + this.scratchPlace[f]];
  }

  /** Row i worked out and kept: its place in the cache. */
  private worked(i: number): number {
    const c = i & (ATTEMPT_CACHE - 1);
    if (this.cachedRows[c] !== i) {
      const { attempts, cols } = this.resolve(i);
      this.cachedRows[c] = i;
      this.cachedAttempts.set(attempts, c * this.redrawOf.size);
      const n = this.scratchOrder.length;
      for (let p = 0; p < n; p++) this.cachedValues[c * n + p] = cols[this.scratchOrder[p]][0];
    }
    return c;
  }

  private resolve(i: number): { attempts: Int32Array; failed: number[]; cols: Value[][] } {
    const depth = this.stackRows.length;
    if (depth >= 512) throw new RangeError(`${this.table.name}: checks nest too deeply through self-references`);
    const cols = (this.scratch[depth] ??= this.runtime.fields.map(() => [null]));
    const saved = (this.saved[depth] ??= new Float64Array(4));
    const attempts = new Int32Array(this.redrawOf.size);
    this.rng.save(saved, 0);
    this.stackRows.push(i);
    this.stackAttempts.push(attempts);
    let failed: number[] = [];
    try {
      for (let a = 0; ; a++) {
        this.fill(i, attempts, cols);
        failed = [];
        for (let c = 0; c < this.compiled.length; c++) if (!holds(this.compiled[c].evaluate(i, cols, 0))) failed.push(c);
        if (failed.length === 0 || a === CHECK_ATTEMPTS + 2 * this.fixCount) break;
        // the fields of the failing checks are drawn again; the last attempt stands
        for (const c of failed) for (const slot of this.compiled[c].slots) attempts[slot] = a + 1;
      }
    } finally {
      this.stackRows.pop();
      this.stackAttempts.pop();
      this.rng.load(saved, 0);
    }
    return { attempts, failed, cols };
  }

  /** The scratch row: the fields' own generators, redrawn ones at their attempt's key. */
  private fill(i: number, attempts: Int32Array, cols: Value[][]): void {
    const rt = this.runtime;
    for (const f of this.scratchOrder) {
      const field = rt.fields[f];
      const redraw = this.redrawOf.get(f);
      const a = redraw ? attempts[redraw.slot] : 0;
      let value: Value;
      if (redraw && a > 0 && (a <= CHECK_ATTEMPTS || redraw.fixes[this.fixAt(a).x] !== undefined)) value = this.drawAt(redraw, a, i, cols, 0);
      else {
        const built = redraw ? this.firstDraw(redraw, a) : field.built;
        if (field.mode !== 'row') this.rng.reseed(rowKey(field.key), i);
        value = built.value(i, cols, 0);
      }
      if (field.nullRate > 0 && rt.isNull(f, i)) value = null;
      cols[f][0] = value;
    }
  }

  /** Rows [0, rows) checked as they will be written: per check, how many still fail after every attempt. */
  failures(rows: number): CheckFailure[] {
    const out: CheckFailure[] = this.compiled.map(({ check, columns }) => ({
      name: check.name,
      expr: check.expr,
      columns: columns.map((f) => this.runtime.fields[f].name),
      checked: rows,
      failing: 0,
      examples: [],
    }));
    for (let i = 0; i < rows; i++) {
      const { failed, cols } = this.resolve(i);
      for (const c of failed) {
        const failure = out[c];
        failure.failing++;
        if (failure.examples.length < 3)
          failure.examples.push({ row: i, values: Object.fromEntries(this.compiled[c].columns.map((f) => [this.runtime.fields[f].name, cols[f][0]])) });
      }
    }
    return out;
  }
}

/** Compile's hook: the checks of a table (undefined when it has none). */
export function tableChecks(
  table: TableDefinition,
  tables: ReadonlyMap<string, TableDefinition>,
  deps: Dependencies,
  rng: Rng,
  referenceDate: Date,
  built: ReadonlyMap<string, TableRuntime>,
): TableChecks | undefined {
  if (!(table as { checks?: TableCheck[] }).checks?.length) return undefined;
  const checks = new TableChecks(table, tables, deps, rng);
  checks.referenceDate = referenceDate;
  checks.runtimesOf = built;
  return checks;
}

/** Per check of `table`, rows among the first `rows` still failing after every attempt (empty: no checks). */
export function checkFailuresOf(runtime: TableRuntime, rows: number): CheckFailure[] {
  const checks = byRuntime.get(runtime);
  return checks ? checks.failures(Math.min(rows, runtime.rows)) : [];
}
