// The realism report of a plan's rows: per table its row count, per column its statistics
// (column-stats.ts), per rule of the definition its checks (rule-checks.ts). A ReportBuilder takes
// rows as they are made; its state is plain JSON, and the states of any split of the rows merge
// into the state of all of them (mergeReports), so chunks and workers each report their part.
import type { Definition, FieldDefinition, Plan, Row, TableShape } from '../engine/index.js';
import { type BucketRule, columnReport, type ColumnReport, ColumnStats, type ColumnState } from './column-stats.js';
import { closedRuleState } from './key-checks.js';
import { ruleChecks } from './rule-checks.js';
import type { RuleCheck, RuleState } from './rule-state.js';
import { type Rule, type RuleKind, rulesOf } from './rules.js';

export interface ReportState {
  tables: { name: string; rows: number; columns: ColumnState[] }[];
  rules: RuleState[];
}

export interface TableReport {
  name: string;
  rows: number;
  columns: ColumnReport[];
}

export interface RuleReport {
  id: string;
  table: string;
  kind: RuleKind;
  name: string;
  checked: number;
  violations: number;
  /** Up to 5 violating row numbers (0-based, in the table's order), smallest first. */
  examples: number[];
  /** tdg check: the keys of up to 5 violating rows of the database (`id=42`; the ctid without a primary key). */
  exampleKeys?: string[];
  /** unique keys of large tables: the share of keys checked. */
  sampled?: number;
  skipped?: string;
}

export interface Report {
  version: 1;
  tables: TableReport[];
  rules: RuleReport[];
  summary: { rules: number; checked: number; violations: number; skipped: number };
}

/** Linear buckets over a number field's declared [min, max]. */
const LINEAR_BUCKETS = 20;

/** Bucket bounds fixed by the definition: a declared numeric range, else decades; years for dates. */
function bucketsFor(field: FieldDefinition | undefined, kind: TableShape['columns'][number]['kind']): BucketRule | null {
  if (kind === 'date' || kind === 'timestamp') return { kind: 'years' };
  if (kind !== 'integer' && kind !== 'number') return null;
  const o = (field?.options ?? {}) as { min?: unknown; max?: unknown };
  if (typeof o.min === 'number' && typeof o.max === 'number' && o.max > o.min) return { kind: 'linear', from: o.min, to: o.max, count: LINEAR_BUCKETS };
  return { kind: 'decades' };
}

class TableReporter {
  rows = 0;
  readonly columns: ColumnStats[];
  constructor(
    readonly shape: TableShape,
    definition: Definition,
    readonly checks: RuleCheck[],
  ) {
    const fields = definition.tables.find((t) => t.name === shape.name)?.fields ?? [];
    this.columns = shape.columns.map(
      (c) =>
        new ColumnStats(
          c.name,
          c.kind,
          bucketsFor(
            fields.find((f) => f.name === c.name),
            c.kind,
          ),
        ),
    );
  }
}

export class ReportBuilder {
  private readonly tables = new Map<string, TableReporter>();
  readonly rules: Rule[];

  /** `definition` is the one `plan` was compiled from (parsed); `only`: a report of one table's rows (a chunk's). */
  constructor(plan: Plan, definition: Definition, only?: string) {
    const shapes = plan.tables.filter((t) => only === undefined || t.name === only);
    this.rules = rulesOf(definition).filter((r) => shapes.some((t) => t.name === r.table));
    for (const shape of shapes) this.tables.set(shape.name, new TableReporter(shape, definition, ruleChecks(plan, definition, this.rules, shape.name)));
  }

  /** The batches as they are, each added to the report on its way (rows `start`, `start + 1`, ...). */
  *passing(table: string, start: number, batches: Iterable<Row[]>): Generator<Row[]> {
    let at = start;
    for (const batch of batches) {
      this.add(table, at, batch);
      at += batch.length;
      yield batch;
    }
  }

  /** Rows `start`, `start + 1`, ... of `table`, as generateRows yields them. */
  add(table: string, start: number, batch: Row[]): void {
    const t = this.tables.get(table);
    if (!t) throw new RangeError(`the report has no table "${table}"`);
    const { columns, checks } = t;
    const width = columns.length;
    for (let r = 0; r < batch.length; r++) {
      const row = batch[r];
      for (let c = 0; c < width; c++) columns[c].add(row[c]);
      for (let k = 0; k < checks.length; k++) checks[k].add(row, start + r);
    }
    t.rows += batch.length;
  }

  merge(state: ReportState): void {
    for (const part of state.tables) {
      const t = this.tables.get(part.name);
      if (!t) throw new RangeError(`the report has no table "${part.name}"`);
      t.rows += part.rows;
      part.columns.forEach((c, i) => t.columns[i].merge(c));
    }
    const byId = new Map([...this.tables.values()].flatMap((t) => t.checks.map((c) => [c.rule.id, c] as const)));
    for (const rule of state.rules) byId.get(rule.id)?.merge(rule);
  }

  state(): ReportState {
    const tables = [...this.tables.values()];
    return {
      tables: tables.map((t) => ({ name: t.shape.name, rows: t.rows, columns: t.columns.map((c) => c.state()) })),
      rules: tables.flatMap((t) => t.checks.map((c) => c.state())),
    };
  }

  report(): Report {
    return reportOf(this.state(), this.rules);
  }
}

/** The merged state of parts of the same plan's rows (in any order). */
export function mergeReports(plan: Plan, definition: Definition, parts: ReportState[]): ReportState {
  const builder = new ReportBuilder(plan, definition);
  for (const part of parts) builder.merge(part);
  return builder.state();
}

/** The reader's report of a state (`rules` as the builder derived them). */
export function reportOf(state: ReportState, rules: Rule[]): Report {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const ruleReports = state.rules.map((open): RuleReport => {
    const s = closedRuleState(open);
    const rule = byId.get(s.id)!;
    return {
      id: s.id,
      table: rule.table,
      kind: rule.kind,
      name: rule.name,
      checked: s.checked,
      violations: s.violations,
      examples: s.examples,
      ...(s.sampled !== undefined && s.sampled < 1 ? { sampled: s.sampled } : {}),
      ...(s.skipped ? { skipped: s.skipped } : {}),
    };
  });
  return {
    version: 1,
    tables: state.tables.map((t) => ({ name: t.name, rows: t.rows, columns: t.columns.map(columnReport) })),
    rules: ruleReports,
    summary: {
      rules: ruleReports.length,
      checked: ruleReports.filter((r) => !r.skipped).length,
      violations: ruleReports.reduce((n, r) => n + r.violations, 0),
      skipped: ruleReports.filter((r) => r.skipped).length,
    },
  };
}

/** "12 rules, 0 violations" (and what was left to tdg check). */
export function reportSummary(report: Report): string {
  return rulesSummary(report.rules, 'not checked while generating');
}

/** "12 rules, 3 violations (in 2 rules); 1 <skipped>": the rules that were checked, and how many were not. */
export function rulesSummary(rules: RuleReport[], skippedWhat: string): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const checked = rules.filter((r) => !r.skipped);
  const violations = checked.reduce((n, r) => n + r.violations, 0);
  const broken = checked.filter((r) => r.violations > 0).length;
  const skipped = rules.length - checked.length;
  return `${count(checked.length, 'rule')}, ${count(violations, 'violation')}${broken ? ` (in ${count(broken, 'rule')})` : ''}${skipped ? `; ${skipped} ${skippedWhat}` : ''}`;
}
