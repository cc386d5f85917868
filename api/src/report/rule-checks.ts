// A definition's rules checked on rows as they are made: one expression per row (foreign keys,
// inequalities, child-after-parent, scopes, CHECKs), profile settings, and the checks across rows
// (key-checks.ts), each as a RuleCheck whose state merges exactly (rule-state.ts).
import { type Definition, type Plan, type Row, rowExpression, type RowExpression, type Value } from '../engine/index.js';
import { ExactlyOneCheck, UNIQUE_KEYS, UniqueCheck } from './key-checks.js';
import { CountingCheck, type RuleCheck, sameValue } from './rule-state.js';
import type { Comparison, Operand, Rule } from './rules.js';

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

function operandExpr(o: Operand): string {
  if ('path' in o) return o.path;
  if ('now' in o) return 'now()';
  return typeof o.constant === 'number' ? String(o.constant) : `date('${o.constant}')`;
}

/** `left op right`: null (not checked) when either side is null, as in SQL. */
export function comparisonExpr(c: Comparison): string {
  const test = `${c.left} ${c.op} ${operandExpr(c.right)}`;
  // rows where the bound gave way to a base past it, or whose profile sets the field otherwise: null (not checked)
  const past = c.op === '<=' || c.op === '<' ? '>' : '<';
  const skips = [
    ...(c.givesWayTo ?? []).map((path) => `coalesce(${path} ${past} ${operandExpr(c.right)}, false)`),
    ...(c.unlessIn?.values ?? []).map((v) => `coalesce(${c.unlessIn!.path} = ${expressionLiteral(v)}, false)`),
  ];
  return skips.length ? `if(${skips.join(' or ')}, null, ${test})` : test;
}

const expressionLiteral = (v: unknown): string =>
  typeof v === 'number' || typeof v === 'boolean' ? String(v) : `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

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
