// What a trigger function inserts: the INSERT statements of a PL/pgSQL body, each parsed with the
// real Postgres parser, and where each inserted column takes its value from (`new.id`,
// `new.raw_user_meta_data->>'full_name'`, or anything else). The classic Supabase
// `on_auth_user_created` trigger filling public.profiles is the case this is for.
import { deparseSync, loadModule, parseSync } from 'pgsql-parser';
import type { FillSource, PgNode } from './model.js';

await loadModule(); // once per process; parse-ddl.ts awaits the same module

export interface TriggerInsert {
  schema: string;
  table: string;
  columns: { column: string; from: FillSource }[];
}

function exprText(node: PgNode): string {
  try {
    return deparseSync(node as any)
      .replace(/\s+/g, ' ')
      .trim();
  } catch {
    return JSON.stringify(node);
  }
}

const str = (node: PgNode | undefined): string => node?.String?.sval ?? '';

/** The INSERT ... VALUES / INSERT ... SELECT statements of a function body that use `new`. */
export function insertsOf(body: string): TriggerInsert[] {
  const out: TriggerInsert[] = [];
  for (const text of insertTexts(body)) {
    let stmt: PgNode | undefined;
    try {
      stmt = parseSync(text).stmts?.[0]?.stmt?.InsertStmt;
    } catch {
      continue; // PL/pgSQL variables or syntax the SQL parser does not take: not understood, skipped
    }
    if (!stmt?.relation) continue;
    const select = stmt.selectStmt?.SelectStmt;
    const values: PgNode[] | undefined =
      select?.valuesLists?.length === 1 ? select.valuesLists[0].List.items : select?.targetList?.map((t: PgNode) => t.ResTarget.val);
    const names: string[] = (stmt.cols ?? []).map((c: PgNode) => c.ResTarget.name);
    if (!values || names.length !== values.length) continue;
    const columns = names.map((column, i) => ({ column, from: sourceOf(values[i]!) }));
    if (!columns.some((c) => c.from.kind !== 'expression')) continue;
    out.push({ schema: stmt.relation.schemaname ?? 'public', table: stmt.relation.relname, columns });
  }
  return out;
}

/**
 * The tables a statement trigger's function fills from its transition table
 * (`INSERT INTO t SELECT ... FROM newtab`, REFERENCING NEW TABLE AS newtab), with what each
 * selected item copies: a bare column of the transition table, else undefined. `into` is the
 * INSERT's column list (absent: the target's columns in order).
 */
export function transitionInsertsOf(body: string, transition: string): { schema: string; table: string; into?: string[]; copies: (string | undefined)[] }[] {
  const out: ReturnType<typeof transitionInsertsOf> = [];
  for (const text of insertTexts(body)) {
    let stmt: PgNode | undefined;
    try {
      stmt = parseSync(text).stmts?.[0]?.stmt?.InsertStmt;
    } catch {
      continue;
    }
    const from: PgNode[] = stmt?.selectStmt?.SelectStmt?.fromClause ?? [];
    // FROM newtab, or newtab joined to other tables (FROM newtab JOIN documents ON ...)
    const reads = (f: PgNode | undefined): boolean =>
      f?.RangeVar?.relname?.toLowerCase() === transition.toLowerCase() || (!!f?.JoinExpr && (reads(f.JoinExpr.larg) || reads(f.JoinExpr.rarg)));
    if (!stmt?.relation || !from.some(reads)) continue;
    const items: PgNode[] = stmt.selectStmt.SelectStmt.targetList ?? [];
    const copies = items.map((item) => {
      let bare = item.ResTarget?.val;
      while (bare?.TypeCast) bare = bare.TypeCast.arg;
      const fields: PgNode[] | undefined = bare?.ColumnRef?.fields;
      // user_id, newtab.user_id
      return fields && (fields.length === 1 || str(fields[0]).toLowerCase() === transition.toLowerCase()) ? str(fields.at(-1)) || undefined : undefined;
    });
    const into: string[] = (stmt.cols ?? []).map((c: PgNode) => c.ResTarget.name);
    out.push({ schema: stmt.relation.schemaname ?? 'public', table: stmt.relation.relname, ...(into.length ? { into } : {}), copies });
  }
  return out;
}

/** `new.col` → the column; an expression reading `new.col->>'key'` → that key; anything else as text. */
function sourceOf(node: PgNode): FillSource {
  let bare = node;
  while (bare.TypeCast) bare = bare.TypeCast.arg;
  const ref = newColumn(bare);
  if (ref) return { kind: 'column', column: ref };
  const key = findJsonKey(node);
  if (key) return { kind: 'jsonKey', ...key, text: exprText(node) };
  return { kind: 'expression', text: exprText(node) };
}

function newColumn(node: PgNode): string | undefined {
  const fields: PgNode[] | undefined = node.ColumnRef?.fields;
  return fields?.length === 2 && str(fields[0]).toLowerCase() === 'new' ? str(fields[1]) : undefined;
}

function findJsonKey(node: unknown): { column: string; key: string } | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const expr = (node as PgNode).A_Expr;
  if (expr && ['->>', '->'].includes(str(expr.name?.[0]))) {
    const column = newColumn(expr.lexpr ?? {});
    const key = expr.rexpr?.A_Const?.sval?.sval;
    if (column && typeof key === 'string') return { column, key };
  }
  for (const value of Object.values(node)) {
    const found = findJsonKey(value);
    if (found) return found;
  }
  return undefined;
}

/** `insert into ... ;` pieces of a body, cut at the first semicolon outside quotes. */
function insertTexts(body: string): string[] {
  const out: string[] = [];
  const start = /\binsert\s+into\b/gi;
  for (let m = start.exec(body); m; m = start.exec(body)) {
    let i = m.index;
    let quote: string | undefined;
    for (; i < body.length; i++) {
      const ch = body[i]!;
      if (quote) {
        if (ch === quote) quote = undefined;
      } else if (ch === "'" || ch === '"') quote = ch;
      else if (ch === ';') break;
    }
    out.push(body.slice(m.index, i));
    start.lastIndex = i;
  }
  return out;
}
