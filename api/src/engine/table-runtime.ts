// A table's compiled generators and how a block of rows is filled: per field, the PRNG is
// reseeded from hash(seed, table, field, block), so block 7 never depends on block 6 and a
// field's values never depend on its neighbours.
import type { BuiltField } from './fields.js';
import { type Key, NULL_PURPOSE, Rng, subKey, unitAt } from './random.js';
import type { Value } from './shape.js';

/** Rows per internal block. Part of the determinism contract: changing it changes every value. */
export const BLOCK_ROWS = 1024;

export type FieldMode = 'stream' | 'row' | 'rowSeeded';

export interface FieldRuntime {
  name: string;
  built: BuiltField;
  /** stream: one PRNG run per block; row: pure function of i; rowSeeded: PRNG reseeded per row. */
  mode: FieldMode;
  key: Key;
  nullRate: number;
  /**
   * Null decisions hashed from the row index instead of drawn from a per-block stream: set for
   * fields other tables read one row at a time (field paths), so `rowValue` knows a row's nulls.
   */
  rowNulls?: boolean;
}

// saved PRNG states of nested single-row reads (a child reading a parent reading a grandparent)
const MAX_NESTING = 1024;
const rngStack = new Float64Array(4 * MAX_NESTING);
/** Rows of one table computed apart per field (self-reference paths revisit the same ancestors). */
const APART_CACHE = 4096;
/**
 * Rows per field kept by rowValue (direct-mapped on the row index): children read their parents'
 * values at random rows (a comment its author's created_at), and each read recomputed the row.
 */
const ROW_CACHE = 4096;
let rngDepth = 0;

const NO_COLUMNS: Value[][] = [];

export class TableRuntime {
  /** Dependency order: a field comes after the fields of the row it reads. */
  readonly order: number[];
  private readonly nullRng = new Rng();
  private readonly indexByName: Map<string, number>;
  /** Last row computed by rowValue per field (-1: none) and its value, as a one-row `cols`. */
  private readonly cachedRow: Float64Array;
  private readonly cached: Value[][];
  private readonly nullKeys: Key[];
  /** The row rowValue is computing (-1: none). */
  private activeRow = -1;
  /** Per field, the rows rowValue computed (-1: none) and their values, in ROW_CACHE slots. */
  private readonly keptRows: (Float64Array | undefined)[];
  private readonly keptValues: Value[][];
  /** Fields whose values the table's row checks already worked out (row-checks.ts), read from there. */
  sharedValues: { has(f: number): boolean; valueAt(f: number, i: number): Value } | undefined;
  private apartRows: Float64Array | undefined;
  private apartValues: Value[] = [];
  private apartDepth = 0;

  constructor(
    readonly name: string,
    readonly rows: number,
    readonly fields: FieldRuntime[],
    private readonly rng: Rng,
  ) {
    this.order = dependencyOrder(fields);
    this.indexByName = new Map(fields.map((f, i) => [f.name, i]));
    this.cachedRow = new Float64Array(fields.length).fill(-1);
    this.cached = fields.map(() => [null]);
    this.nullKeys = fields.map((f) => subKey(f.key, NULL_PURPOSE));
    this.keptRows = fields.map(() => undefined);
    this.keptValues = fields.map(() => []);
  }

  /** Index of a field by name (throws when absent: paths are validated before compile). */
  fieldIndex(name: string): number {
    const f = this.indexByName.get(name);
    if (f === undefined) throw new RangeError(`table ${this.name} has no field "${name}"`);
    return f;
  }

  /** Value of field f at row j on its own (refs use this); only for row / rowSeeded fields. */
  valueAt(f: number, j: number): Value {
    const field = this.fields[f];
    if (field.built.deps.length > 0 || field.rowNulls) return this.rowValue(f, j);
    if (field.mode === 'rowSeeded') this.rng.reseed(rowKey(field.key), j);
    return field.built.value(j, NO_COLUMNS, 0);
  }

  /** The parent row ref field f picked at row j (-1: none, e.g. row 0 of a self-reference). */
  parentRow(f: number, j: number): number {
    const pick = this.fields[f].built.parentRow;
    if (!pick) throw new RangeError(`${this.name}.${this.fields[f].name} is not a ref field`);
    return pick(j);
  }

  /** Whether field f is null at row j by its nullRate (row-addressable fields only). */
  isNull(f: number, j: number): boolean {
    const field = this.fields[f];
    if (field.nullRate === 0) return false;
    if (!field.rowNulls) throw new RangeError(`${this.name}.${field.name} is not row-addressable (its nulls are a stream)`);
    return unitAt(this.nullKeys[f], j) < field.nullRate;
  }

  /**
   * Value of any row-addressable field f at row j, with its same-row dependencies computed first;
   * the same value fillBlock gives row j. The last row per field is cached, so consecutive
   * children of one parent cost one computation. The shared PRNG is left as it was found.
   */
  rowValue(f: number, j: number): Value {
    if (this.cachedRow[f] === j) return this.cached[f][0];
    // values are pure functions of the row: one computed before is that row's value still
    const slot = j & (ROW_CACHE - 1);
    const kept = this.keptRows[f];
    if (kept !== undefined && kept[slot] === j) {
      const value = this.keptValues[f]![slot]!;
      // same-row dependants read it from the one-row cache — unless another row of this table is
      // being computed (a self-reference path), whose values that cache holds
      if (this.activeRow === -1 || this.activeRow === j) {
        this.cachedRow[f] = j;
        this.cached[f][0] = value;
      }
      return value;
    }
    // another row of this table asked for while one is being computed (a self-reference path):
    // computed apart, so the cache the outer row reads from stays that row's
    if (this.activeRow !== -1 && this.activeRow !== j)
      return this.rowValueApart(
        f,
        j,
        this.fields.map(() => [null]),
        new Uint8Array(this.fields.length),
      );
    const outer = this.activeRow;
    this.activeRow = j;
    try {
      const deps = this.fields[f].built.deps;
      for (let d = 0; d < deps.length; d++) this.rowValue(deps[d], j);
      const value = this.computeRow(f, j, this.cached);
      this.cachedRow[f] = j;
      this.cached[f][0] = value;
      this.keep(f, j, value);
      return value;
    } finally {
      this.activeRow = outer;
    }
  }

  private keep(f: number, j: number, value: Value): void {
    let rows = this.keptRows[f];
    if (rows === undefined) {
      rows = this.keptRows[f] = new Float64Array(ROW_CACHE).fill(-1);
      this.keptValues[f] = new Array<Value>(ROW_CACHE).fill(null);
    }
    const slot = j & (ROW_CACHE - 1);
    rows[slot] = j;
    this.keptValues[f]![slot] = value;
  }

  private rowValueApart(f: number, j: number, cols: Value[][], done: Uint8Array): Value {
    if (done[f]) return cols[f][0];
    // values are pure functions of the row: a small direct-mapped cache per field serves the
    // ancestors a self-reference path keeps revisiting (row 0 of a tree is everyone's ancestor)
    if (this.apartRows === undefined) {
      this.apartRows = new Float64Array(this.fields.length * APART_CACHE).fill(-1);
      this.apartValues = new Array<Value>(this.fields.length * APART_CACHE).fill(null);
    }
    // the first rows are everyone's ancestors: they keep their slots; later rows share a few
    const slot = f * APART_CACHE + (j < APART_CACHE - 512 ? j : APART_CACHE - 512 + (j % 512));
    if (this.apartRows[slot] === j) {
      cols[f][0] = this.apartValues[slot];
      done[f] = 1;
      return cols[f][0];
    }
    if (this.apartDepth >= MAX_NESTING) throw new RangeError(`${this.name}: rows read through self-references nest more than ${MAX_NESTING} deep`);
    this.apartDepth++;
    try {
      const deps = this.fields[f].built.deps;
      for (let d = 0; d < deps.length; d++) this.rowValueApart(deps[d], j, cols, done);
      const value = this.computeRow(f, j, cols);
      cols[f][0] = value;
      done[f] = 1;
      this.apartRows[slot] = j;
      this.apartValues[slot] = value;
      return value;
    } finally {
      this.apartDepth--;
    }
  }

  /** Field f at row j from its dependencies' values in cols[d][0], nulls applied; the PRNG is left as found. */
  private computeRow(f: number, j: number, cols: Value[][]): Value {
    const field = this.fields[f];
    if (field.mode === 'stream') throw new RangeError(`${this.name}.${field.name} is not row-addressable (compile marks the fields paths read)`);
    let value: Value;
    if (field.mode === 'rowSeeded') {
      if (rngDepth === MAX_NESTING) throw new RangeError('field paths nest too deeply');
      const at = 4 * rngDepth++;
      this.rng.save(rngStack, at);
      try {
        this.rng.reseed(rowKey(field.key), j);
        value = field.built.value(j, cols, 0);
      } finally {
        this.rng.load(rngStack, at);
        rngDepth--;
      }
    } else value = field.built.value(j, cols, 0);
    if (field.nullRate > 0 && this.isNull(f, j)) value = null;
    return value;
  }

  newColumns(): Value[][] {
    return this.fields.map(() => new Array<Value>(BLOCK_ROWS));
  }

  /**
   * Fills cols[f][0..count) with rows of the block; returns count. Rows past `upTo` are left out:
   * every draw of a row comes after those of the rows before it, so the first rows are the same.
   */
  fillBlock(block: number, cols: Value[][], upTo = BLOCK_ROWS): number {
    const base = block * BLOCK_ROWS;
    const count = Math.min(BLOCK_ROWS, upTo, this.rows - base);
    if (count <= 0) return 0;
    const rng = this.rng;
    const shared = this.sharedValues;
    for (const f of this.order) {
      const field = this.fields[f];
      const out = cols[f];
      const value = field.built.value;
      if (shared?.has(f)) {
        for (let k = 0; k < count; k++) out[k] = shared.valueAt(f, base + k);
      } else if (field.mode === 'stream') {
        rng.reseed(field.key, block);
        for (let k = 0; k < count; k++) out[k] = value(base + k, cols, k);
      } else if (field.mode === 'row') {
        for (let k = 0; k < count; k++) out[k] = value(base + k, cols, k);
      } else {
        const key = rowKey(field.key);
        for (let k = 0; k < count; k++) {
          rng.reseed(key, base + k);
          out[k] = value(base + k, cols, k);
        }
      }
      if (field.nullRate > 0 && field.rowNulls) {
        const key = this.nullKeys[f];
        const rate = field.nullRate;
        for (let k = 0; k < count; k++) if (unitAt(key, base + k) < rate) out[k] = null;
      } else if (field.nullRate > 0) {
        // nulls come from their own stream, so a field's values do not shift when nullRate changes
        const nulls = this.nullRng;
        nulls.reseed(subKey(field.key, NULL_PURPOSE), block);
        const rate = field.nullRate;
        for (let k = 0; k < count; k++) if (nulls.next() < rate) out[k] = null;
      }
    }
    return count;
  }
}

const rowKeys = new WeakMap<Key, Key>();
/** The key a rowSeeded field's PRNG is reseeded from, per row (row-checks.ts redraws with it too). */
export function rowKey(key: Key): Key {
  let k = rowKeys.get(key);
  if (!k) rowKeys.set(key, (k = subKey(key, 0x726f77)));
  return k;
}

function dependencyOrder(fields: FieldRuntime[]): number[] {
  const order: number[] = [];
  const placed = new Set<number>();
  const place = (f: number) => {
    if (placed.has(f)) return;
    placed.add(f);
    for (const d of fields[f].built.deps) place(d);
    order.push(f);
  };
  fields.forEach((_, f) => place(f));
  return order;
}
