// A definition's rules checked on rows as they are made. Each check keeps counts and the (at most
// EXAMPLES) smallest violating row numbers, so checks of row ranges merge into the check of their
// union whatever the split. Unique keys keep each key's first row; a table past UNIQUE_KEYS rows
// checks the keys whose hash falls in a fixed share, so memory stays bounded and a repeated key is
// either checked in every part or in none.
import { type Definition, type Plan, type Row, rowExpression, type RowExpression, type Value } from '../engine/index.js';
import { hashSpread } from './distinct.js';
import type { Comparison, Operand, Rule } from './rules.js';

export const EXAMPLES = 5;
/** Keys of one unique key remembered at most (about), per table. */
export const UNIQUE_KEYS = 50_000;

export interface RuleState {
  id: string;
  checked: number;
  violations: number;
  /** The smallest violating row numbers (0-based), ascending. */
  examples: number[];
  /** Why the rule was not checked here (it is counted in none of `checked`). */
  skipped?: string;
  /** unique: the share of keys checked (1: all), and each checked key's first row. */
  sampled?: number;
  keys?: [string, number][];
  /** exactly-one: groups whose ends this part did not see, as [parent key, rows holding the value, first row]. */
  open?: [string, number, number][];
}

export interface RuleCheck {
  readonly rule: Rule;
  add(row: Row, i: number): void;
  merge(other: RuleState): void;
  state(): RuleState;
}

function addExample(examples: number[], row: number): void {
  if (examples.length === EXAMPLES && row >= examples[EXAMPLES - 1]) return;
  if (examples.includes(row)) return;
  let at = examples.length;
  while (at > 0 && examples[at - 1] > row) at--;
  examples.splice(at, 0, row);
  if (examples.length > EXAMPLES) examples.pop();
}

abstract class CountingCheck implements RuleCheck {
  protected checked = 0;
  protected violations = 0;
  protected examples: number[] = [];
  protected skipped: string | undefined;
  constructor(readonly rule: Rule) {}
  abstract add(row: Row, i: number): void;

  protected violated(i: number): void {
    this.violations++;
    addExample(this.examples, i);
  }

  merge(other: RuleState): void {
    this.checked += other.checked;
    this.violations += other.violations;
    for (const row of other.examples) addExample(this.examples, row);
    this.skipped ??= other.skipped;
  }

  state(): RuleState {
    return {
      id: this.rule.id,
      checked: this.checked,
      violations: this.violations,
      examples: [...this.examples],
      ...(this.skipped ? { skipped: this.skipped } : {}),
    };
  }
}

/** A rule that is one expression per row: false (or 0) is a violation; null, as in SQL, is neither a violation nor a check. */
class ExpressionCheck extends CountingCheck {
  constructor(
    rule: Rule,
    private readonly evaluate: RowExpression,
  ) {
    super(rule);
  }

  add(row: Row, i: number): void {
    if (this.skipped) return;
    let v: Value;
    try {
      v = this.evaluate(row, i);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      this.skipped = `not checkable while generating: ${error.message}`;
      this.checked = this.violations = 0;
      this.examples = [];
      return;
    }
    if (v === null) return;
    this.checked++;
    if (v === false || v === 0) this.violated(i);
  }
}

const keyText = (v: Value): string => (v instanceof Date ? v.toISOString() : JSON.stringify(v));

class UniqueCheck extends CountingCheck {
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

/** A profile setting: when the selector holds the variant's value, the field is null or that constant. */
class ProfileCheck extends CountingCheck {
  constructor(
    rule: Rule,
    private readonly when: number,
    private readonly then: number,
  ) {
    super(rule);
  }

  add(row: Row, i: number): void {
    const { when, then } = this.rule.profile!;
    if (!sameValue(row[this.when], when.value)) return;
    this.checked++;
    if (!sameValue(row[this.then], then.value)) this.violated(i);
  }
}

function sameValue(v: Value, expected: unknown): boolean {
  if (v instanceof Date) return typeof expected === 'string' && v.getTime() === new Date(expected).getTime();
  return JSON.stringify(v) === JSON.stringify(expected);
}

function operandExpr(o: Operand): string {
  if ('path' in o) return o.path;
  if ('now' in o) return 'now()';
  return typeof o.constant === 'number' ? String(o.constant) : `date('${o.constant}')`;
}

/** `left op right`: null (not checked) when either side is null, as in SQL. */
export function comparisonExpr(c: Comparison): string {
  return `${c.left} ${c.op} ${operandExpr(c.right)}`;
}

/**
 * Exactly one row per parent holds the value. A table laid out by its parent holds each parent's
 * rows contiguously, so a group is closed when the parent changes between two consecutive rows;
 * groups cut by the edges of a part stay open (by parent key) until the parts are merged and read.
 */
class ExactlyOneCheck extends CountingCheck {
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

/** The checks of a table's rules, for rows of `plan` (its `definition` parsed). */
export function ruleChecks(plan: Plan, definition: Definition, rules: Rule[], table: string): RuleCheck[] {
  const shape = plan.tables.find((t) => t.name === table);
  if (!shape) throw new RangeError(`the plan has no table "${table}"`);
  const column = (name: string) => shape.columns.findIndex((c) => c.name === name);
  return rules
    .filter((r) => r.table === table)
    .map((rule): RuleCheck => {
      switch (rule.kind) {
        case 'unique':
          return new UniqueCheck(rule, rule.key!.map(column), Math.min(1, UNIQUE_KEYS / Math.max(1, shape.rows)));
        case 'foreign-key': {
          const { column: ref, field } = rule.ref!;
          return new ExpressionCheck(rule, rowExpression(plan, definition, table, `${ref} = ${ref}.${field}`));
        }
        case 'check':
          return new ExpressionCheck(rule, rowExpression(plan, definition, table, rule.expr!));
        case 'profile':
          return new ProfileCheck(rule, column(rule.profile!.when.path), column(rule.profile!.then.path));
        case 'exactly-one':
          return new ExactlyOneCheck(rule, column(rule.exactlyOne!.per), column(rule.exactlyOne!.column));
        default:
          return new ExpressionCheck(rule, rowExpression(plan, definition, table, comparisonExpr(rule.compare!)));
      }
    });
}
