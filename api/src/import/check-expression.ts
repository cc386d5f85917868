// A CHECK's SQL (as the Postgres parser gives it) → the engine's expression language, so the engine
// can evaluate the CHECK on each generated row and redraw what breaks it. Only what both languages
// mean the same way is translated; anything else gives undefined and is reported by the caller.
import { likeToRegex } from './check-regex.js';
import type { PgNode } from './model.js';

export interface TranslatedCheck {
  /** An expression that is true when the row passes (SQL: a NULL result passes too). */
  expr: string;
  /** The columns the CHECK reads. */
  columns: string[];
}

const str = (n: PgNode | undefined): string => n?.String?.sval ?? '';
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Words of the expression language that cannot stand as a bare field name. */
const RESERVED = new Set(['and', 'or', 'not', 'null', 'true', 'false', 'if']);
const COMPARE: Record<string, string> = { '=': '=', '<>': '<>', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);
const FUNCTIONS: Record<string, string> = {
  length: 'len',
  char_length: 'len',
  character_length: 'len',
  lower: 'lower',
  upper: 'upper',
  abs: 'abs',
  round: 'round',
  floor: 'floor',
  ceil: 'ceil',
  btrim: 'trim',
  cardinality: 'cardinality',
  array_length: 'array_length',
  // arrays the row holds start at 1: the upper bound is the length
  array_upper: 'array_length',
  trim: 'trim',
};
// COALESCE, GREATEST and LEAST reach us as CoalesceExpr and MinMaxExpr, not as function calls
const DAYS_PER: Record<string, number> = {
  year: 365.25,
  years: 365.25,
  mon: 30.44,
  month: 30.44,
  months: 30.44,
  week: 7,
  weeks: 7,
  day: 1,
  days: 1,
  hour: 1 / 24,
  hours: 1 / 24,
  minute: 1 / 1440,
  minutes: 1 / 1440,
  min: 1 / 1440,
  mins: 1 / 1440,
  second: 1 / 86400,
  seconds: 1 / 86400,
  sec: 1 / 86400,
  secs: 1 / 86400,
};

class Untranslatable extends Error {}

/** `'16 years'` → days (the expression language adds days to dates); undefined when not a plain interval. */
export function intervalDays(text: string): number | undefined {
  const parts = text
    .trim()
    .toLowerCase()
    .match(/-?\d+(\.\d+)?\s*[a-z]+/g);
  if (!parts || parts.join(' ').replace(/\s+/g, '') !== text.trim().toLowerCase().replace(/\s+/g, '')) return undefined;
  let days = 0;
  for (const part of parts) {
    const m = /^(-?\d+(?:\.\d+)?)\s*([a-z]+)$/.exec(part)!;
    const per = DAYS_PER[m[2]!];
    if (per === undefined) return undefined;
    days += Number(m[1]) * per;
  }
  return days;
}

export function translateCheck(
  expr: PgNode,
  fieldOf: (column: string) => string | undefined = (c) => c,
  as: 'check' | 'value' = 'check',
): TranslatedCheck | undefined {
  const columns = new Set<string>();
  const literal = (value: unknown): string => {
    if (value === null) return 'null';
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  };
  // SQL logic has three values; the expression language's `and`/`or` read null as false. So each
  // condition is carried as two never-null expressions: when it is surely true, when surely false.
  type Truth = { t: string; f: string };
  const fromValue = (v: string): Truth => ({ t: `if(isnull(${v}), false, ${v})`, f: `if(isnull(${v}), false, not (${v}))` });
  const asValue = (c: Truth): string => `if(${c.t}, true, if(${c.f}, false, null))`;
  const and = (parts: Truth[]): Truth => ({ t: parts.map((p) => `(${p.t})`).join(' and '), f: parts.map((p) => `(${p.f})`).join(' or ') });
  const or = (parts: Truth[]): Truth => ({ t: parts.map((p) => `(${p.t})`).join(' or '), f: parts.map((p) => `(${p.f})`).join(' and ') });
  const not = (c: Truth): Truth => ({ t: c.f, f: c.t });

  const condition = (node: PgNode): Truth => {
    if (node.BoolExpr) {
      const args: Truth[] = (node.BoolExpr.args ?? []).map(condition);
      if (node.BoolExpr.boolop === 'AND_EXPR') return and(args);
      if (node.BoolExpr.boolop === 'OR_EXPR') return or(args);
      if (node.BoolExpr.boolop === 'NOT_EXPR') return not(args[0]!);
      throw new Untranslatable();
    }
    if (node.NullTest) {
      const arg = value(node.NullTest.arg);
      const isNull = { t: `isnull(${arg})`, f: `not isnull(${arg})` };
      return node.NullTest.nulltesttype === 'IS_NULL' ? isNull : not(isNull);
    }
    if (node.BooleanTest) {
      // x IS [NOT] TRUE / FALSE / UNKNOWN: never null themselves
      const v = value(node.BooleanTest.arg);
      const known = { t: `not isnull(${v})`, f: `isnull(${v})` };
      const isTrue = { t: `if(isnull(${v}), false, ${v})`, f: `if(isnull(${v}), true, not (${v}))` };
      const isFalse = { t: `if(isnull(${v}), false, not (${v}))`, f: `if(isnull(${v}), true, ${v})` };
      const test = String(node.BooleanTest.booltesttype);
      const c = { IS_TRUE: isTrue, IS_NOT_TRUE: not(isTrue), IS_FALSE: isFalse, IS_NOT_FALSE: not(isFalse), IS_UNKNOWN: not(known), IS_NOT_UNKNOWN: known }[
        test
      ];
      if (!c) throw new Untranslatable();
      return c;
    }
    const e = node.A_Expr;
    if (e) {
      const op = str(e.name?.at(-1));
      if (e.kind === 'AEXPR_IN') {
        const left = value(e.lexpr);
        const any = or((e.rexpr?.List?.items ?? []).map((i: PgNode) => fromValue(`(${left} = ${value(i)})`)));
        return op === '=' ? any : not(any);
      }
      if (e.kind === 'AEXPR_OP_ANY' || e.kind === 'AEXPR_OP_ALL') {
        // x = ANY (ARRAY[2, 5, 6]), x <> ALL ('{a,b}'::text[]): one comparison per element
        const compare = COMPARE[op];
        if (!compare) throw new Untranslatable();
        const left = value(e.lexpr);
        // over an array the row holds (x = ANY (ips)): the quantified comparison itself
        const listed = e.rexpr?.TypeCast ? e.rexpr.TypeCast.arg : e.rexpr;
        if (!listed?.A_ArrayExpr && !listed?.A_Const)
          return fromValue(`${e.kind === 'AEXPR_OP_ANY' ? 'any_of' : 'all_of'}(${left}, '${compare}', ${value(e.rexpr)})`);
        const parts = arrayElements(e.rexpr).map((i) => fromValue(`(${left} ${compare} ${i === null ? 'null' : typeof i === 'string' ? i : value(i)})`));
        if (!parts.length) throw new Untranslatable();
        return e.kind === 'AEXPR_OP_ANY' ? or(parts) : and(parts);
      }
      if (e.kind === 'AEXPR_BETWEEN' || e.kind === 'AEXPR_NOT_BETWEEN') {
        const [lo, hi] = (e.rexpr?.List?.items ?? []).map(value);
        const x = value(e.lexpr);
        const between = and([fromValue(`(${x} >= ${lo})`), fromValue(`(${x} <= ${hi})`)]);
        return e.kind === 'AEXPR_BETWEEN' ? between : not(between);
      }
      if (e.kind === 'AEXPR_DISTINCT' || e.kind === 'AEXPR_NOT_DISTINCT') {
        const [a, b] = [value(e.lexpr), value(e.rexpr)];
        const same = `((isnull(${a}) and isnull(${b})) or (not isnull(${a}) and not isnull(${b}) and if(${a} = ${b}, true, false)))`;
        const c = { t: same, f: `not ${same}` };
        return e.kind === 'AEXPR_NOT_DISTINCT' ? c : not(c);
      }
    }
    return fromValue(value(node));
  };

  const value = (node: PgNode): string => {
    if (node.TypeCast) {
      const type = (node.TypeCast.typeName?.names ?? []).map(str).at(-1);
      const inner = node.TypeCast.arg;
      if (type === 'interval' && inner?.A_Const?.sval) {
        const days = intervalDays(inner.A_Const.sval.sval ?? '');
        if (days === undefined) throw new Untranslatable();
        return String(days);
      }
      // a cast between text, numbers and dates changes nothing the expression language distinguishes
      if (['text', 'varchar', 'int4', 'int8', 'int2', 'numeric', 'float8', 'float4', 'date', 'timestamptz', 'timestamp', 'bpchar'].includes(type ?? ''))
        return value(inner);
      // a text constant cast to a type of the schema (an enum label, a domain over text): the label itself
      if (inner?.A_Const?.sval && !['bool', 'json', 'jsonb', 'bytea', 'inet', 'cidr', 'money', 'time', 'timetz', 'uuid'].includes(type ?? ''))
        return value(inner);
      throw new Untranslatable();
    }
    if (node.ColumnRef) {
      const fields: PgNode[] = node.ColumnRef.fields ?? [];
      const column = str(fields.at(-1));
      const field = fieldOf(column);
      if (!column || !field || !IDENT.test(field) || RESERVED.has(field.toLowerCase())) throw new Untranslatable();
      columns.add(column);
      return field;
    }
    if (node.A_Const) {
      const c = node.A_Const;
      if (c.isnull) return 'null';
      if (c.ival) return String(c.ival.ival ?? 0);
      if (c.fval) return String(Number(c.fval.fval));
      if (c.sval) return literal(c.sval.sval ?? '');
      if (c.boolval) return String(c.boolval.boolval ?? false);
      throw new Untranslatable();
    }
    if (node.BoolExpr || node.NullTest || node.BooleanTest) return asValue(condition(node));
    if (node.CoalesceExpr) return `coalesce(${(node.CoalesceExpr.args ?? []).map(value).join(', ')})`;
    if (node.MinMaxExpr) return `${node.MinMaxExpr.op === 'IS_GREATEST' ? 'max' : 'min'}(${(node.MinMaxExpr.args ?? []).map(value).join(', ')})`;
    if (node.CaseExpr) {
      // CASE [x] WHEN c THEN v ... ELSE e END: nested if()s (a NULL condition takes the next branch)
      const c = node.CaseExpr;
      const whens: PgNode[] = (c.args ?? []).map((w: PgNode) => w.CaseWhen);
      let out = c.defresult ? value(c.defresult) : 'null';
      for (const w of [...whens].reverse()) {
        const test = c.arg ? `(${value(c.arg)} = ${value(w.expr)})` : asValue(condition(w.expr));
        out = `if(isnull(${test}), ${out}, if(${test}, ${value(w.result)}, ${out}))`;
      }
      return out;
    }
    if (node.FuncCall) {
      const name = str(node.FuncCall.funcname?.at(-1)).toLowerCase();
      if (name === 'now' || name === 'current_timestamp') return 'now()';
      // num_nonnulls(a, b, c) = 1: exactly one of them set
      if ((name === 'num_nonnulls' || name === 'num_nulls') && node.FuncCall.args?.length)
        return `(${(node.FuncCall.args as PgNode[]).map((a) => (name === 'num_nulls' ? `if(isnull(${value(a)}), 1, 0)` : `if(isnull(${value(a)}), 0, 1)`)).join(' + ')})`;
      if (name === 'array_lower' && node.FuncCall.args?.length === 2) {
        const length = `array_length(${(node.FuncCall.args as PgNode[]).map(value).join(', ')})`;
        return `if(isnull(${length}), null, 1)`;
      }
      const to = FUNCTIONS[name];
      // trim() does not change a generated value's length enough to matter for a CHECK on it
      if (to === 'trim' && node.FuncCall.args?.length === 1) return value(node.FuncCall.args[0]);
      if (!to || to === 'trim') throw new Untranslatable();
      return `${to}(${(node.FuncCall.args ?? []).map(value).join(', ')})`;
    }
    if (node.SQLValueFunction) {
      if (/CURRENT_(DATE|TIMESTAMP)|LOCALTIMESTAMP/.test(String(node.SQLValueFunction.op ?? ''))) return 'now()';
      throw new Untranslatable();
    }
    const e = node.A_Expr;
    if (!e) throw new Untranslatable();
    const op = str(e.name?.at(-1));
    if (['AEXPR_IN', 'AEXPR_OP_ANY', 'AEXPR_OP_ALL', 'AEXPR_BETWEEN', 'AEXPR_NOT_BETWEEN', 'AEXPR_DISTINCT', 'AEXPR_NOT_DISTINCT'].includes(e.kind))
      return asValue(condition(node));
    if (['~~', '!~~', '~~*', '!~~*'].includes(op) && ['AEXPR_OP', 'AEXPR_LIKE', 'AEXPR_ILIKE'].includes(e.kind)) {
      // x [NOT] [I]LIKE 'pattern' (pg_dump: x ~~ 'pattern'): matches() of the pattern as a regex
      // (any character a newline too; ILIKE on lower case); ESCAPE clauses reach us as a function
      const pattern = (e.rexpr?.TypeCast ? e.rexpr.TypeCast.arg : e.rexpr)?.A_Const?.sval?.sval;
      if (typeof pattern !== 'string') throw new Untranslatable();
      const folded = op.endsWith('*');
      const test = `matches(${folded ? `lower(${value(e.lexpr)})` : value(e.lexpr)}, ${literal(likeToRegex(folded ? pattern.toLowerCase() : pattern, '[\\s\\S]'))})`;
      return op.startsWith('!') ? `if(isnull(${test}), null, not ${test})` : test;
    }
    if (e.kind !== 'AEXPR_OP') throw new Untranslatable();
    if (!e.lexpr && op === '-') return `(0 - ${value(e.rexpr)})`;
    if (op === '~' || op === '!~') {
      // x ~ 'pattern': the expression language's matches(), for patterns JavaScript reads alike
      // (no POSIX classes, no ARE-only escapes)
      const pattern = (e.rexpr?.TypeCast ? e.rexpr.TypeCast.arg : e.rexpr)?.A_Const?.sval?.sval;
      if (typeof pattern !== 'string' || /\[\[:|\\[mMyYAZ]/.test(pattern)) throw new Untranslatable();
      try {
        new RegExp(pattern);
      } catch {
        throw new Untranslatable();
      }
      const test = `matches(${value(e.lexpr)}, ${literal(pattern)})`;
      return op === '~' ? test : `if(isnull(${test}), null, not ${test})`;
    }
    if (COMPARE[op]) return `(${value(e.lexpr)} ${COMPARE[op]} ${value(e.rexpr)})`;
    if (ARITHMETIC.has(op)) return `(${value(e.lexpr)} ${op} ${value(e.rexpr)})`;
    throw new Untranslatable();
  };
  /** The elements of ARRAY[...] (nodes) or of an array literal '{a,b}' (expression literals). */
  const arrayElements = (node: PgNode | undefined): (PgNode | string | null)[] => {
    const inner = node?.TypeCast ? node.TypeCast.arg : node;
    if (inner?.A_ArrayExpr) return inner.A_ArrayExpr.elements ?? [];
    const text = inner?.A_Const?.sval?.sval;
    if (typeof text !== 'string' || !/^\{.*\}$/s.test(text) || /["\\]/.test(text)) throw new Untranslatable();
    const body = text.slice(1, -1).trim();
    const numeric = (node?.TypeCast?.typeName?.names ?? []).map(str).some((n: string) => /^(int[248]|numeric|float[48])$/.test(n));
    return body === ''
      ? []
      : body.split(',').map((item) => {
          const v = item.trim();
          if (v.toUpperCase() === 'NULL') return null;
          if (numeric && Number.isFinite(Number(v))) return String(Number(v));
          return literal(v);
        });
  };
  try {
    // SQL: a CHECK passes unless it is false
    return { expr: as === 'value' ? value(expr) : `not (${condition(expr).f})`, columns: [...columns] };
  } catch (error) {
    if (error instanceof Untranslatable) return undefined;
    throw error;
  }
}

/** A value's SQL (one side of a CHECK) → the expression language: what it computes, not whether it holds. */
export function translateValue(node: PgNode, fieldOf: (column: string) => string | undefined = (c) => c): TranslatedCheck | undefined {
  return translateCheck(node, fieldOf, 'value');
}

/**
 * The constants each branch of a CHECK pins: `(parent_id is null and level = 0 and qty = 1.00) or
 * (parent_id is not null and level >= 1)` → [{ parent_id: null, level: 0, qty: 1 }]. A branch is one
 * side of a top-level OR (or the whole CHECK); its `column IS NULL` and `column = constant` parts
 * are kept, the rest is left to random draws. Branches that pin nothing are left out.
 */
export function checkFixes(expr: PgNode): Record<string, string | number | boolean | null>[] {
  const branches: PgNode[] = expr.BoolExpr?.boolop === 'OR_EXPR' ? (expr.BoolExpr.args ?? []) : [expr];
  const out: Record<string, string | number | boolean | null>[] = [];
  const columnOf = (node: PgNode | undefined): string | undefined => {
    const inner = node?.TypeCast ? node.TypeCast.arg : node;
    return inner?.ColumnRef ? str((inner.ColumnRef.fields ?? []).at(-1)) || undefined : undefined;
  };
  const constantOf = (node: PgNode | undefined): { value: string | number | boolean } | undefined => {
    const c = (node?.TypeCast ? node.TypeCast.arg : node)?.A_Const;
    if (!c || c.isnull) return undefined;
    if (c.ival) return { value: Number(c.ival.ival ?? 0) };
    if (c.fval) return { value: Number(c.fval.fval) };
    if (c.sval) return { value: c.sval.sval ?? '' };
    if (c.boolval) return { value: Boolean(c.boolval.boolval) };
    return undefined;
  };
  // (a IS NOT NULL) <> (b IS NOT NULL), or IS NULL on either side: one of the two empty
  const xor = expr.A_Expr?.kind === 'AEXPR_OP' && ['<>', '!='].includes(str(expr.A_Expr.name?.at(-1))) ? [expr.A_Expr.lexpr, expr.A_Expr.rexpr] : [];
  const nullTested = xor.map((side: PgNode) => (side?.NullTest ? columnOf(side.NullTest.arg) : undefined));
  if (nullTested.length === 2 && nullTested.every(Boolean)) return nullTested.map((column) => ({ [column!]: null }));
  for (const branch of branches) {
    const parts: PgNode[] = branch.BoolExpr?.boolop === 'AND_EXPR' ? (branch.BoolExpr.args ?? []) : [branch];
    const fix: Record<string, string | number | boolean | null> = {};
    for (const part of parts) {
      if (part.NullTest?.nulltesttype === 'IS_NULL') {
        const column = columnOf(part.NullTest.arg);
        if (column) fix[column] = null;
        continue;
      }
      const test = part.BooleanTest;
      if (test && ['IS_TRUE', 'IS_FALSE'].includes(String(test.booltesttype)) && columnOf(test.arg)) {
        fix[columnOf(test.arg)!] = test.booltesttype === 'IS_TRUE';
        continue;
      }
      const e = part.A_Expr;
      if (e?.kind === 'AEXPR_OP_ANY' && str(e.name?.at(-1)) === '=' && columnOf(e.lexpr)) {
        // x = ANY (ARRAY[2, 5, 6]): its first element
        const first = (e.rexpr?.TypeCast ? e.rexpr.TypeCast.arg : e.rexpr)?.A_ArrayExpr?.elements?.[0];
        const constant = constantOf(first);
        if (constant) fix[columnOf(e.lexpr)!] = constant.value;
        continue;
      }
      if (e?.kind !== 'AEXPR_OP' || str(e.name?.at(-1)) !== '=') continue;
      const [column, constant] = columnOf(e.lexpr) ? [columnOf(e.lexpr), constantOf(e.rexpr)] : [columnOf(e.rexpr), constantOf(e.lexpr)];
      if (column && constant) fix[column] = constant.value;
    }
    if (Object.keys(fix).length > 0) out.push(fix);
  }
  return out.slice(0, 8);
}
