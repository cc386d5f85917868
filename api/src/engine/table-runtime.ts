// A table's compiled generators and how a block of rows is filled: per field, the PRNG is
// reseeded from hash(seed, table, field, block), so block 7 never depends on block 6 and a
// field's values never depend on its neighbours.
import type { BuiltField } from './fields.js';
import { type Key, Rng, subKey } from './random.js';
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
}

const NO_COLUMNS: Value[][] = [];

export class TableRuntime {
  /** Dependency order: a field comes after the fields of the row it reads. */
  readonly order: number[];
  private readonly nullRng = new Rng();

  constructor(
    readonly name: string,
    readonly rows: number,
    readonly fields: FieldRuntime[],
    private readonly rng: Rng,
  ) {
    this.order = dependencyOrder(fields);
  }

  /** Value of field f at row j on its own (refs use this); only for row / rowSeeded fields. */
  valueAt(f: number, j: number): Value {
    const field = this.fields[f];
    if (field.mode === 'rowSeeded') this.rng.reseed(rowKey(field.key), j);
    return field.built.value(j, NO_COLUMNS, 0);
  }

  newColumns(): Value[][] {
    return this.fields.map(() => new Array<Value>(BLOCK_ROWS));
  }

  /** Fills cols[f][0..count) with rows of the block; returns count. */
  fillBlock(block: number, cols: Value[][]): number {
    const base = block * BLOCK_ROWS;
    const count = Math.min(BLOCK_ROWS, this.rows - base);
    if (count <= 0) return 0;
    const rng = this.rng;
    for (const f of this.order) {
      const field = this.fields[f];
      const out = cols[f];
      const value = field.built.value;
      if (field.mode === 'stream') {
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
      if (field.nullRate > 0) {
        // nulls come from their own stream, so a field's values do not shift when nullRate changes
        const nulls = this.nullRng;
        nulls.reseed(subKey(field.key, 0x6e756c6c), block);
        const rate = field.nullRate;
        for (let k = 0; k < count; k++) if (nulls.next() < rate) out[k] = null;
      }
    }
    return count;
  }
}

const rowKeys = new WeakMap<Key, Key>();
function rowKey(key: Key): Key {
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
