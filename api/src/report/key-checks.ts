// Rules checked across rows: unique keys keep each key's first row (a table past UNIQUE_KEYS rows
// checks the keys whose hash falls in a fixed share, so memory stays bounded and a repeated key is
// either checked in every part or in none); exactly-one flags count per parent group.
import type { Row } from '../engine/index.js';
import { hashSpread } from './distinct.js';
import type { Rule } from './rules.js';
import { addExample, CountingCheck, keyText, type RuleState, sameValue } from './rule-state.js';

/** Keys of one unique key remembered at most (about), per table. */
export const UNIQUE_KEYS = 50_000;

export class UniqueCheck extends CountingCheck {
  private readonly firstRow = new Map<string, number>();
  private readonly threshold: number;

  constructor(
    rule: Rule,
    private readonly columns: number[],
    readonly sampled: number,
  ) {
    super(rule);
    this.threshold = sampled * 2 ** 32;
  }

  add(row: Row, i: number): void {
    let key = '';
    if (this.columns.length === 1) {
      // one column: its text is the key as it is
      const v = row[this.columns[0]];
      if (v === null) return;
      key = typeof v === 'string' ? v : keyText(v);
    } else
      for (const c of this.columns) {
        const v = row[c];
        if (v === null) return; // a key with a null is not compared, as in SQL
        key += key === '' ? keyText(v) : `,${keyText(v)}`;
      }
    // which keys a large table checks: equal keys always agree, and a long key costs no more than a short one
    if (this.sampled < 1 && hashSpread(key) >= this.threshold) return;
    this.seen(key, i, 1);
  }

  private seen(key: string, row: number, rows: number): void {
    this.checked += rows;
    const first = this.firstRow.get(key);
    if (first === undefined) {
      this.firstRow.set(key, row);
      return;
    }
    // the later of the two rows is the duplicate: the same rows whatever order the parts came in
    this.violated(Math.max(first, row));
    if (row < first) this.firstRow.set(key, row);
  }

  override merge(other: RuleState): void {
    this.violations += other.violations;
    for (const row of other.examples) addExample(this.examples, row);
    // a key first seen in both parts is one more duplicate
    for (const [key, row] of other.keys ?? []) this.seen(key, row, 0);
    this.checked += other.checked;
  }

  // keys in the order seen: merging does not depend on it, and sorting 50,000 keys cost more than checking them
  override state(): RuleState {
    return { ...super.state(), sampled: this.sampled, keys: [...this.firstRow] };
  }
}

/**
 * Exactly one row per parent holds the value. A table laid out by its parent holds each parent's
 * rows contiguously, so a group is closed when the parent changes between two consecutive rows;
 * groups cut by the edges of a part stay open (by parent key) until the parts are merged and read.
 */
export class ExactlyOneCheck extends CountingCheck {
  private key: string | null = null;
  private hits = 0;
  private first = -1;
  private startsOpen = true;
  private last = -2;
  private readonly open = new Map<string, [number, number]>();

  constructor(
    rule: Rule,
    private readonly per: number,
    private readonly column: number,
  ) {
    super(rule);
  }

  add(row: Row, i: number): void {
    const parent = row[this.per];
    const key = parent === null ? null : keyText(parent);
    const contiguous = i === this.last + 1;
    if (!contiguous || key !== this.key) this.closeRun(contiguous);
    this.last = i;
    if (key === null) return;
    if (this.key === null) {
      this.key = key;
      this.first = i;
      this.startsOpen = !contiguous;
      this.hits = 0;
    }
    if (sameValue(row[this.column], this.rule.exactlyOne!.value)) this.hits++;
  }

  /** Ends the current group: known whole when it began and ended inside one run of rows. */
  private closeRun(endsInside: boolean): void {
    if (this.key === null) return;
    if (this.startsOpen || !endsInside) this.keepOpen(this.key, this.hits, this.first);
    else this.judge(this.hits, this.first);
    this.key = null;
  }

  private keepOpen(key: string, hits: number, first: number): void {
    const had = this.open.get(key);
    this.open.set(key, had ? [had[0] + hits, Math.min(had[1], first)] : [hits, first]);
  }

  private judge(hits: number, first: number): void {
    this.checked++;
    if (hits !== 1) this.violated(first);
  }

  override merge(other: RuleState): void {
    super.merge(other);
    for (const [key, hits, first] of other.open ?? []) this.keepOpen(key, hits, first);
  }

  override state(): RuleState {
    const open = new Map(this.open);
    if (this.key !== null) {
      const had = open.get(this.key);
      open.set(this.key, had ? [had[0] + this.hits, Math.min(had[1], this.first)] : [this.hits, this.first]);
    }
    return { ...super.state(), open: [...open].map(([key, [hits, first]]) => [key, hits, first] as [string, number, number]).sort((a, b) => a[2] - b[2]) };
  }
}

/** A state with its open groups judged: what a report shows once every part is in. */
export function closedRuleState(state: RuleState): RuleState {
  if (!state.open) return state;
  const examples = [...state.examples];
  let violations = state.violations;
  for (const [, hits, first] of state.open)
    if (hits !== 1) {
      violations++;
      addExample(examples, first);
    }
  const { open, ...rest } = state;
  return { ...rest, checked: state.checked + open.length, violations, examples };
}
