// CHECK expressions → per-column rules the generators can honour. Anything else is reported.
import { likeDrawRegex, likeToRegex, postgresRegexToJs, similarToRegex, type CheckPattern } from './check-regex.js';
import type { PgNode } from './model.js';

export interface ColumnRule {
  /** Allowed values (IN / = ANY / =; an array's elements with `subset`). */
  values?: (string | number | boolean)[];
  /** CHECK (lower(col) = col) / upper: the text in one case. */
  case?: 'lower' | 'upper';
  /** `col <@ ARRAY[...]`: the array column holds distinct elements of `values`. */
  subset?: boolean;
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  minLength?: number;
  maxLength?: number;
  /** A regular expression the text must match (CHECK col ~ / ~* / SIMILAR TO '...'). */
  pattern?: CheckPattern;
  /** This column must be after (or not before) another column of the row. */
  after?: { column: string; strict: boolean };
  /** Columns that must be set whenever this one is (`x IS NULL OR (y IS NOT NULL AND x > y)`). */
  requires?: string[];
  /** CHECK (jsonb_typeof(col) = 'array'): the JSON value's kind. */
  jsonType?: 'array' | 'object';
  /** CHECK (col ? 'PackageGlob' AND col ->> 'PackageGlob' <> ''): keys the JSON object must hold, set. */
  jsonKeys?: string[];
}

/**
 * The keys a CHECK makes a jsonb object hold: `col ? 'k'` and `(col ->> 'k') <> ''` in its first
 * alternative (an OR of shapes: one shape is enough), not those it negates. Per column.
 */
export function requiredJsonKeys(expr: PgNode): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let node = expr;
  while (node?.BoolExpr?.boolop === 'OR_EXPR') node = node.BoolExpr.args[0];
  const parts: PgNode[] = node?.BoolExpr?.boolop === 'AND_EXPR' ? node.BoolExpr.args : [node];
  const add = (column: string | undefined, key: unknown) => {
    if (!column || typeof key !== 'string' || !key) return;
    const keys = out.get(column) ?? [];
    if (!keys.includes(key)) out.set(column, [...keys, key]);
  };
  for (const part of parts) {
    const e = part?.A_Expr;
    if (!e || e.kind !== 'AEXPR_OP') continue;
    const op = str(e.name?.at(-1));
    if (op === '?') add(columnOf(e.lexpr), constOf(e.rexpr));
    // (col ->> 'k') <> '': the key is there and not empty
    const get = unwrap(e.lexpr)?.A_Expr;
    if ((op === '<>' || op === '!=') && constOf(e.rexpr) === '' && get?.kind === 'AEXPR_OP' && str(get.name?.at(-1)) === '->>')
      add(columnOf(get.lexpr), constOf(get.rexpr));
  }
  return out;
}

export interface CheckAnalysis {
  rules: Map<string, ColumnRule>;
  /** Conjuncts that were not understood (their SQL is reported by the caller). */
  understood: boolean;
}

const str = (n: PgNode | undefined): string => n?.String?.sval ?? '';

function unwrap(node: PgNode): PgNode {
  while (node?.TypeCast) node = node.TypeCast.arg;
  return node;
}

/** The column a node names (`col`, `t.col`, `col::text`), else undefined. */
export function columnOf(node: PgNode): string | undefined {
  const n = unwrap(node);
  const fields: PgNode[] | undefined = n?.ColumnRef?.fields;
  return fields ? str(fields[fields.length - 1]) : undefined;
}

const NUMERIC_CAST = /^(int[248]|integer|smallint|bigint|numeric|decimal|float[48]|real)$/;

function constOf(node: PgNode): string | number | boolean | undefined {
  // '-1'::integer (pg_dump writes negative list values so) is the number -1
  const cast = (node?.TypeCast?.typeName?.names ?? []).map(str).at(-1);
  const n = unwrap(node);
  const c = n?.A_Const;
  if (!c || c.isnull) return undefined;
  if (c.ival) return c.ival.ival ?? 0;
  if (c.fval) return Number(c.fval.fval);
  if (c.sval && NUMERIC_CAST.test(cast ?? '') && c.sval.sval?.trim() !== '' && Number.isFinite(Number(c.sval.sval))) return Number(c.sval.sval);
  if (c.sval) return c.sval.sval ?? '';
  if (c.boolval) return c.boolval.boolval ?? false;
  return undefined;
}

/**
 * The WHERE of a partial unique index that marks one row among its key's rows: a flag
 * (`where is_default`, `where is_primary = true`, `where is_current is true`) or a value of a
 * column (`where role = 'owner'`). Undefined for anything else (`where deleted_at is null`).
 */
export function flagPredicate(where: PgNode): { column: string; value?: string | number | boolean } | undefined {
  const node = unwrap(where);
  // with the rows a soft delete keeps (`is_default = true and deleted_at is null`): the flag among them
  if (node?.BoolExpr?.boolop === 'AND_EXPR') {
    // (the other terms only narrow the rows the index holds: keeping one flagged row among all of them is stricter)
    const flags = node.BoolExpr.args.map(flagPredicate).filter((f: unknown) => f !== undefined);
    return flags.length === 1 ? flags[0] : undefined;
  }
  const bare = columnOf(node);
  if (bare) return { column: bare };
  const test = node?.BooleanTest;
  if (test?.booltesttype === 'IS_TRUE') {
    const column = columnOf(test.arg);
    return column ? { column } : undefined;
  }
  const e = node?.A_Expr;
  if (e?.kind === 'AEXPR_OP' && str(e.name?.[0]) === '=') {
    const [column, value] = columnOf(e.lexpr) ? [columnOf(e.lexpr), constOf(e.rexpr)] : [columnOf(e.rexpr), constOf(e.lexpr)];
    if (column && value !== undefined) return value === true ? { column } : { column, value };
  }
  return undefined;
}

/** The columns a WHERE requires to be set (`col IS NOT NULL` ANDed with the rest). */
export function requiredColumns(where: PgNode): string[] {
  const node = unwrap(where);
  return (node?.BoolExpr?.boolop === 'AND_EXPR' ? node.BoolExpr.args : [node]).flatMap((term: PgNode) => {
    const test = unwrap(term)?.NullTest;
    const column = test?.nulltesttype === 'IS_NOT_NULL' ? columnOf(test.arg) : undefined;
    return column ? [column] : [];
  });
}

/** `length(col)`, `char_length(col)`, `character_length(col)` → col. */
function lengthOf(node: PgNode): string | undefined {
  const fn = unwrap(node)?.FuncCall;
  if (!fn || fn.args?.length !== 1) return undefined;
  const name = str(fn.funcname[fn.funcname.length - 1]).toLowerCase();
  if (!['length', 'char_length', 'character_length'].includes(name)) return undefined;
  // length(trim(col)) is the usual "not blank" idiom: same bound on col for our generators
  const inner = unwrap(fn.args[0]);
  if (inner.FuncCall && ['btrim', 'trim'].includes(str(inner.FuncCall.funcname.at(-1)).toLowerCase()) && inner.FuncCall.args?.length === 1)
    return columnOf(inner.FuncCall.args[0]);
  return columnOf(fn.args[0]);
}

/**
 * The column a list of values is about: `col`, or `upper(col)` / `lower(col)` / `trim(col)` —
 * AdventureWorks' `upper(persontype::text) = ANY (ARRAY['SC', 'VC', ...])`, where drawing one of
 * the listed values passes as well.
 */
function listedColumnOf(node: PgNode): string | undefined {
  const fn = unwrap(node)?.FuncCall;
  if (fn && fn.args?.length === 1 && ['upper', 'lower', 'btrim', 'trim'].includes(str(fn.funcname?.at(-1)).toLowerCase())) return columnOf(fn.args[0]);
  return columnOf(node);
}

/** Elements of ARRAY['a','b'] or '{a,b}'::text[]. */
function arrayValues(node: PgNode): (string | number | boolean)[] | undefined {
  const n = unwrap(node);
  if (n?.A_ArrayExpr) {
    const out = (n.A_ArrayExpr.elements ?? []).map(constOf);
    return out.every((v: unknown) => v !== undefined) ? out : undefined;
  }
  const text = constOf(n);
  if (typeof text === 'string' && text.startsWith('{') && text.endsWith('}')) {
    return text
      .slice(1, -1)
      .split(',')
      .map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
  }
  return undefined;
}

const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '<>': '<>', '!=': '<>' };

export function analyzeCheck(expr: PgNode): CheckAnalysis {
  const rules = new Map<string, ColumnRule>();
  const rule = (column: string): ColumnRule => {
    let r = rules.get(column);
    if (!r) rules.set(column, (r = {}));
    return r;
  };
  const lower = (r: ColumnRule, v: number, exclusive: boolean) => {
    if (r.min === undefined || v > r.min || (v === r.min && exclusive)) Object.assign(r, { min: v, minExclusive: exclusive });
  };
  const upper = (r: ColumnRule, v: number, exclusive: boolean) => {
    if (r.max === undefined || v < r.max || (v === r.max && exclusive)) Object.assign(r, { max: v, maxExclusive: exclusive });
  };

  const visit = (node: PgNode): boolean => {
    node = unwrap(node);
    if (node.BoolExpr?.boolop === 'AND_EXPR') return node.BoolExpr.args.map(visit).every(Boolean);
    // `col IS NULL OR <rule on col>`: NULLs pass anyway, so the rule is what generated values need
    if (node.BoolExpr?.boolop === 'OR_EXPR' && node.BoolExpr.args.length === 2) {
      const [a, b] = node.BoolExpr.args.map(unwrap);
      const isNull = (n: PgNode) => n.NullTest?.nulltesttype === 'IS_NULL' && columnOf(n.NullTest.arg) !== undefined;
      const [nullable, rest] = isNull(a) ? [a, b] : isNull(b) ? [b, a] : [undefined, undefined];
      if (!nullable) return false;
      // the other columns this branch wants set are set whenever the column is: the airlines demo's
      // actual_arrival IS NULL OR (actual_departure IS NOT NULL AND actual_arrival > actual_departure)
      const column = columnOf(nullable.NullTest.arg)!;
      const parts: PgNode[] = rest.BoolExpr?.boolop === 'AND_EXPR' ? rest.BoolExpr.args.map(unwrap) : [rest];
      const needed = parts
        .filter((p) => p.NullTest?.nulltesttype === 'IS_NOT_NULL')
        .map((p) => columnOf(p.NullTest.arg))
        .filter((c): c is string => c !== undefined && c !== column);
      if (needed.length) rule(column).requires = [...new Set([...(rule(column).requires ?? []), ...needed])];
      return visit(rest);
    }
    if (node.NullTest) return node.NullTest.nulltesttype === 'IS_NOT_NULL' && columnOf(node.NullTest.arg) !== undefined;
    const e = node.A_Expr;
    if (!e) return false;
    const op = str(e.name?.[e.name.length - 1]);
    if (e.kind === 'AEXPR_IN' && op === '=') {
      const column = listedColumnOf(e.lexpr);
      const values = (e.rexpr?.List?.items ?? []).map(constOf);
      if (!column || values.some((v: unknown) => v === undefined)) return false;
      rule(column).values = values;
      return true;
    }
    // `scopes <@ array['read', 'write']`: every element one of the values (an array column's elements)
    if (e.kind === 'AEXPR_OP' && op === '<@') {
      const column = columnOf(e.lexpr);
      const values = arrayValues(e.rexpr);
      if (!column || !values) return false;
      Object.assign(rule(column), { values, subset: true });
      return true;
    }
    if (e.kind === 'AEXPR_OP_ANY' && op === '=') {
      const column = listedColumnOf(e.lexpr);
      const values = arrayValues(e.rexpr);
      if (!column || !values) return false;
      rule(column).values = values;
      return true;
    }
    if (e.kind === 'AEXPR_BETWEEN') {
      const [lo, hi] = (e.rexpr?.List?.items ?? []).map(constOf);
      const column = columnOf(e.lexpr);
      const len = lengthOf(e.lexpr);
      if (typeof lo !== 'number' || typeof hi !== 'number') return false;
      if (column) {
        lower(rule(column), lo, false);
        upper(rule(column), hi, false);
        return true;
      }
      if (len) {
        const r = rule(len);
        r.minLength = Math.max(r.minLength ?? 0, lo);
        r.maxLength = Math.min(r.maxLength ?? Infinity, hi);
        return true;
      }
      return false;
    }
    // lower(code) = code / code = upper(code): the column's text in one case
    if (e.kind === 'AEXPR_OP' && op === '=') {
      for (const [call, plain] of [
        [e.lexpr, e.rexpr],
        [e.rexpr, e.lexpr],
      ]) {
        const fn = unwrap(call)?.FuncCall;
        const name = fn && fn.args?.length === 1 ? str(fn.funcname?.at(-1)).toLowerCase() : undefined;
        const column = columnOf(plain);
        if ((name === 'lower' || name === 'upper') && column && columnOf(fn.args[0]) === column) {
          rule(column).case = name;
          return true;
        }
      }
    }
    if ((e.kind === 'AEXPR_OP' || e.kind === 'AEXPR_SIMILAR') && (op === '~' || op === '~*')) {
      const column = columnOf(e.lexpr);
      // SIMILAR TO arrives as `~ similar_to_escape('...')` (from the parser and from pg_get_constraintdef)
      const fn = unwrap(e.rexpr)?.FuncCall;
      const similar = fn && str(fn.funcname?.at(-1)) === 'similar_to_escape' && fn.args?.length === 1;
      const value = constOf(similar ? fn.args[0] : e.rexpr);
      if (!column || typeof value !== 'string') return false;
      const sql = similar ? `SIMILAR TO '${value}'` : `${op} '${value}'`;
      rule(column).pattern = { source: similar ? similarToRegex(value) : postgresRegexToJs(value), flags: op === '~*' ? 'i' : '', sql };
      return true;
    }
    // jsonb_typeof(col) = 'array' / 'object': the kind of JSON value
    if (e.kind === 'AEXPR_OP' && op === '=') {
      const sides = [e.lexpr, e.rexpr];
      const fn = sides.map((n) => unwrap(n)?.FuncCall).find((f) => f && ['jsonb_typeof', 'json_typeof'].includes(str(f.funcname?.at(-1))));
      const column = fn?.args?.length === 1 ? columnOf(fn.args[0]) : undefined;
      const kind = sides.map((n) => constOf(n)).find((v) => v === 'array' || v === 'object');
      if (column && kind) {
        rule(column).jsonType = kind as 'array' | 'object';
        return true;
      }
    }
    // col LIKE 'https://%' / ILIKE: the pattern as a regex (% and _ wildcards, the rest literal);
    // pg_dump writes them as the operators themselves (`col ~~ 'refs/heads/%'::text`)
    if (((e.kind === 'AEXPR_LIKE' || e.kind === 'AEXPR_OP') && op === '~~') || ((e.kind === 'AEXPR_ILIKE' || e.kind === 'AEXPR_OP') && op === '~~*')) {
      const column = columnOf(e.lexpr);
      const value = constOf(e.rexpr);
      if (!column || typeof value !== 'string') return false;
      rule(column).pattern = {
        source: likeToRegex(value),
        draw: likeDrawRegex(value),
        flags: op === '~~*' ? 'i' : '',
        sql: `${op === '~~' ? 'LIKE' : 'ILIKE'} '${value}'`,
      };
      return true;
    }
    if (e.kind !== 'AEXPR_OP' || !(op in FLIP)) return false;
    let left = e.lexpr;
    let right = e.rexpr;
    let o = op;
    if (constOf(left) !== undefined) [left, right, o] = [right, left, FLIP[op]!];
    const value = constOf(right);
    const column = columnOf(left);
    const other = columnOf(right);
    if (column && other && ['>', '>=', '<', '<='].includes(o)) {
      // ends_at > starts_at: the later column is generated after the earlier one
      const [later, earlier] = o.startsWith('>') ? [column, other] : [other, column];
      rule(later).after = { column: earlier, strict: !o.endsWith('=') };
      return true;
    }
    if (value === undefined) return false;
    if (column) {
      const r = rule(column);
      if (o === '=') r.values = [value];
      else if (o === '<>') {
        if (value === '') r.minLength = Math.max(r.minLength ?? 0, 1);
        else return false;
      } else if (typeof value === 'number') {
        if (o[0] === '>') lower(r, value, o === '>');
        else upper(r, value, o === '<');
      } else return false;
      return true;
    }
    const len = lengthOf(left);
    if (len && typeof value === 'number') {
      const r = rule(len);
      if (o === '>' || o === '>=') r.minLength = Math.max(r.minLength ?? 0, o === '>' ? value + 1 : value);
      else if (o === '<' || o === '<=') r.maxLength = Math.min(r.maxLength ?? Infinity, o === '<' ? value - 1 : value);
      else if (o === '=') Object.assign(r, { minLength: value, maxLength: value });
      else return false;
      return true;
    }
    return false;
  };

  const understood = visit(expr);
  return { rules, understood };
}
