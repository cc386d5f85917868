// What a rule's check keeps, and how parts merge: counts and the (at most EXAMPLES) smallest
// violating row numbers, so the checks of row ranges merge into the check of their union whatever
// the split. The checks themselves are rule-checks.ts (row by row) and key-checks.ts (across rows).
import type { Row, Value } from '../engine/index.js';
import type { Rule } from './rules.js';

export const EXAMPLES = 5;

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

export function addExample(examples: number[], row: number): void {
  if (examples.length === EXAMPLES && row >= examples[EXAMPLES - 1]) return;
  if (examples.includes(row)) return;
  let at = examples.length;
  while (at > 0 && examples[at - 1] > row) at--;
  examples.splice(at, 0, row);
  if (examples.length > EXAMPLES) examples.pop();
}

export abstract class CountingCheck implements RuleCheck {
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

export const keyText = (v: Value): string => (v instanceof Date ? v.toISOString() : JSON.stringify(v));

export function sameValue(v: Value, expected: unknown): boolean {
  if (v instanceof Date) return typeof expected === 'string' && v.getTime() === new Date(expected).getTime();
  return JSON.stringify(v) === JSON.stringify(expected);
}
