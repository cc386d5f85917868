// The rules of a definition checked with SQL on data already in a database (`tdg check`): the
// same rules as the report's (rules.ts), the same counts — rows checked (a null on either side
// says nothing, as in SQL) and rows violating — and, for examples, the keys of up to 5 violating
// rows. CHECKs in the expression language are the database's own to enforce, so they are skipped.
import { DEFAULT_REFERENCE_DATE, type Definition, type TableDefinition } from '../engine/index.js';
import { columnOf, relationOf } from '../seed/relation.js';
import type { RuleReport } from './report.js';
import { EXAMPLES } from './rule-state.js';
import { type Operand, type Rule, rulesOf } from './rules.js';

/** Runs one query and returns its rows (postgres.js `unsafe`, PGlite `query`). */
export type RunQuery = (sql: string) => Promise<Record<string, unknown>[]>;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: unknown) => `'${String(value).replace(/'/g, "''")}'`;

/** A rule's SQL: one row with `checked`, `violations` and `examples` (text[] of the violating rows' keys). */
export interface RuleQuery {
  rule: Rule;
  sql?: string;
  skipped?: string;
}

class Tables {
  private readonly byName: Map<string, TableDefinition>;
  constructor(readonly definition: Definition) {
    this.byName = new Map(definition.tables.map((t) => [t.name, t]));
  }

  get(name: string): TableDefinition {
    return this.byName.get(name)!;
  }

  relation(name: string): string {
    const r = relationOf(this.get(name));
    return `${ident(r.schema)}.${ident(r.name)}`;
  }

  column(table: string, field: string, alias: string): string {
    const f = this.get(table).fields.find((x) => x.name === field);
    return `${alias}.${ident(f ? columnOf(f) : field)}`;
  }

  /** A row's key as text, for examples: its primary key, else its ctid. */
  keyText(table: string, alias: string): string {
    const key = this.get(table).primaryKey;
    if (!key) return `${alias}.ctid::text`;
    return key.map((k) => `${literal(`${k}=`)} || coalesce(${this.column(table, k, alias)}::text, 'null')`).join(` || ', ' || `);
  }

  /** The value at a field path from a row of `table` (alias t0): nested lookups through the refs. */
  path(table: string, text: string, depth = 0, alias = 't0'): string {
    const [head, ...rest] = text.split('.');
    if (rest.length === 0) return this.column(table, head, alias);
    const ref = this.get(table).fields.find((f) => f.name === head)!;
    const { table: parent, field } = ref.options as { table: string; field: string };
    const inner = `p${depth + 1}`;
    // limit 1: a ref to a join's left column matches several rows holding the same value
    return `(select ${this.path(parent, rest.join('.'), depth + 1, inner)} from ${this.relation(parent)} ${inner} where ${this.column(parent, field, inner)} = ${this.column(table, head, alias)} limit 1)`;
  }
}

function operandSql(tables: Tables, table: string, o: Operand, referenceDate: string): string {
  if ('path' in o) return tables.path(table, o.path);
  if ('now' in o) return `${literal(referenceDate)}::timestamptz`;
  return typeof o.constant === 'number' ? String(o.constant) : `${literal(o.constant)}::timestamptz`;
}

/** Counts over the rows of `table` (alias t0) where `applies`, violating where `violates`. */
function countQuery(tables: Tables, table: string, applies: string, violates: string): string {
  return `select count(*) filter (where ${applies})::int as checked, count(*) filter (where ${applies} and ${violates})::int as violations,
  (array_agg(${tables.keyText(table, 't0')}) filter (where ${applies} and ${violates}))[1:${EXAMPLES}] as examples
from ${tables.relation(table)} t0`;
}

export function ruleQueries(definition: Definition): RuleQuery[] {
  const tables = new Tables(definition);
  const referenceDate = definition.referenceDate ?? DEFAULT_REFERENCE_DATE;
  return rulesOf(definition).map((rule): RuleQuery => {
    const { table } = rule;
    const col = (name: string) => tables.column(table, name, 't0');
    switch (rule.kind) {
      case 'unique': {
        const key = rule.key!.map(col);
        const present = key.map((k) => `${k} is not null`).join(' and ');
        return {
          rule,
          sql: `select count(*)::int as checked, count(*) filter (where n > 1)::int as violations,
  (array_agg(k order by n) filter (where n > 1))[1:${EXAMPLES}] as examples
from (select ${tables.keyText(table, 't0')} as k, row_number() over (partition by ${key.join(', ')} order by t0.ctid) as n
  from ${tables.relation(table)} t0 where ${present}) x`,
        };
      }
      case 'foreign-key': {
        const { column, table: parent, field } = rule.ref!;
        const exists = `exists (select 1 from ${tables.relation(parent)} p where ${tables.column(parent, field, 'p')} = ${col(column)})`;
        return { rule, sql: countQuery(tables, table, `${col(column)} is not null`, `not ${exists}`) };
      }
      case 'exactly-one': {
        const { per, column, value } = rule.exactlyOne!;
        return {
          rule,
          sql: `select count(*)::int as checked, count(*) filter (where hits <> 1)::int as violations,
  (array_agg(k) filter (where hits <> 1))[1:${EXAMPLES}] as examples
from (select ${literal(`${per}=`)} || ${col(per)}::text as k, count(*) filter (where ${col(column)}::text = ${literal(value)}) as hits
  from ${tables.relation(table)} t0 where ${col(per)} is not null group by ${col(per)}) x`,
        };
      }
      case 'profile': {
        const { when, then } = rule.profile!;
        const violates = then.value === null ? `${col(then.path)} is not null` : `${col(then.path)}::text is distinct from ${literal(then.value)}`;
        return { rule, sql: countQuery(tables, table, `${col(when.path)}::text = ${literal(when.value)}`, violates) };
      }
      case 'check':
        return { rule, skipped: 'a CHECK in the expression language: the database enforces its own constraint' };
      default: {
        const c = rule.compare!;
        const right = operandSql(tables, table, c.right, referenceDate);
        const test = `(${tables.path(table, c.left)} ${c.op} ${right})`;
        // rows where the bound gave way to a base past it, or whose profile sets the field otherwise
        const past = c.op === '<=' || c.op === '<' ? '>' : '<';
        const skips = [
          ...(c.givesWayTo ?? []).map((path) => `coalesce(${tables.path(table, path)} ${past} ${right}, false)`),
          ...(c.unlessIn ? [`coalesce(${tables.path(table, c.unlessIn.path)}::text in (${c.unlessIn.values.map((v) => literal(v)).join(', ')}), false)`] : []),
        ];
        const applies = skips.length ? `${test} is not null and not (${skips.join(' or ')})` : `${test} is not null`;
        return { rule, sql: countQuery(tables, table, applies, `not ${test}`) };
      }
    }
  });
}

/** Every rule of the definition checked on the database's rows (the session's time zone set to UTC, as the engine's dates are). */
export async function checkDatabase(definition: Definition, run: RunQuery): Promise<RuleReport[]> {
  const out: RuleReport[] = [];
  // a date column compared with a timestamp is its midnight in the session's zone
  await run(`set time zone 'UTC'`);
  for (const { rule, sql, skipped } of ruleQueries(definition)) {
    const base = { id: rule.id, table: rule.table, kind: rule.kind, name: rule.name };
    if (!sql) {
      out.push({ ...base, checked: 0, violations: 0, examples: [], skipped });
      continue;
    }
    const [row] = await run(sql);
    out.push({
      ...base,
      checked: Number(row!.checked),
      violations: Number(row!.violations),
      examples: [],
      exampleKeys: ((row!.examples as string[] | null) ?? []).map(String),
    });
  }
  return out;
}
