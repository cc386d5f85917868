// Before `tdg seed` writes a row: the CHECK constraints the target database holds on each loaded
// table — those the importer could not translate into a redrawn table check included — are
// evaluated by the database itself on the first generated rows, copied into a temporary table of
// the loaded columns. A CHECK some of those rows break stops the seed there, naming table,
// constraint and columns, instead of failing the load halfway.
import { CheckUnmetError } from './check-preflight.js';

/**
 * Rows per table the target's CHECKs are tried on before the load: enough to meet a CHECK that a
 * share of rows break (1 in 100 is met with odds of 92 %); every row is checked by the load itself,
 * in the same transaction. More cost the seed more (2,000 made a 10-table seed 10-13 % slower).
 */
export const TARGET_PROBE_ROWS = 256;
import { type CopySession, ident, literal, type Relation } from './target.js';

/** A table to probe: its relation, the columns loaded (database names) and the COPY text of its first n rows. */
export interface ProbedTable {
  table: string;
  relation: Relation;
  columns: string[];
  rows: number;
  copyText: (rows: number) => Uint8Array;
}

interface TargetCheck {
  schema: string;
  name: string;
  constraint: string;
  /** The CHECK's expression, as pg_get_constraintdef writes it. */
  expr: string;
  columns: string[];
  /** The table has a BEFORE INSERT row trigger: the rows it stores may not be the rows loaded. */
  rewritten: boolean;
}

/** `CHECK ((a > 0)) NOT VALID` → `(a > 0)`; undefined for anything else. */
export function checkExpressionOf(definition: string): string | undefined {
  const m = /^CHECK \((.*)\)(?: NO INHERIT)?(?: NOT VALID)?$/s.exec(definition.trim());
  return m?.[1];
}

async function targetChecks(session: CopySession, relations: Relation[]): Promise<TargetCheck[]> {
  const schemas = [...new Set(relations.map((r) => r.schema))];
  if (!schemas.length) return [];
  const rows = await session.query<{ schema: string; name: string; constraint: string; definition: string; columns: string[] | null; rewritten: boolean }>(
    `select n.nspname::text as schema, c.relname::text as name, con.conname::text as constraint, pg_get_constraintdef(con.oid) as definition,
       (select json_agg(a.attname::text order by a.attnum) from pg_attribute a where a.attrelid = c.oid and a.attnum = any (con.conkey)) as columns,
       exists (select 1 from pg_trigger t where t.tgrelid = c.oid and not t.tgisinternal and t.tgenabled <> 'D' and (t.tgtype & 7) = 7) as rewritten
     from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
     where con.contype = 'c' and n.nspname in (${schemas.map(literal).join(', ')})
     order by n.nspname, c.relname, con.conname`,
  );
  const wanted = new Set(relations.map((r) => `${r.schema}.${r.name}`));
  return rows.flatMap((r) => {
    const expr = checkExpressionOf(r.definition);
    return wanted.has(`${r.schema}.${r.name}`) && expr
      ? [{ schema: r.schema, name: r.name, constraint: r.constraint, expr, columns: r.columns ?? [], rewritten: r.rewritten }]
      : [];
  });
}

const PROBE: Relation = { schema: 'pg_temp', name: 'tdg_check_probe' };

/**
 * Throws CheckUnmetError for the first CHECK of the target that some of the first rows of a table
 * break (TARGET_PROBE_ROWS at most). Checks reading a column the seed does not load (its DEFAULT, a
 * generated column) are left to the load, as are tables a BEFORE INSERT trigger may change rows of.
 */
export async function preflightTargetChecks(session: CopySession, tables: ProbedTable[], rows = TARGET_PROBE_ROWS): Promise<void> {
  const checks = await targetChecks(
    session,
    tables.filter((t) => t.rows > 0).map((t) => t.relation),
  );
  for (const table of tables) {
    if (table.rows === 0) continue;
    const own = checks.filter(
      (c) =>
        c.schema === table.relation.schema &&
        c.name === table.relation.name &&
        !c.rewritten &&
        c.columns.length > 0 &&
        c.columns.every((column) => table.columns.includes(column)),
    );
    if (!own.length) continue;
    const n = Math.min(rows, table.rows);
    const failing = await probeTable(session, table, own, n);
    if (failing)
      throw new CheckUnmetError(
        table.table,
        failing.constraint,
        failing.columns,
        n,
        failing.count,
        failing.example ? [{ row: failing.example.row, values: failing.example.values as Record<string, never> }] : [],
        'database',
      );
  }
}

/** The first of `own` that rows break, with how many and an example; undefined when none, or when the probe could not tell. */
async function probeTable(
  session: CopySession,
  table: ProbedTable,
  own: TargetCheck[],
  n: number,
): Promise<{ constraint: string; columns: string[]; count: number; example?: { row: number; values: Record<string, unknown> } } | undefined> {
  const probe = `${ident(PROBE.schema)}.${ident(PROBE.name)}`;
  try {
    return await session.savepoint(async (s) => {
      await s.execute(
        `create temp table ${ident(PROBE.name)} as select ${table.columns.map(ident).join(', ')} from ${ident(table.relation.schema)}.${ident(table.relation.name)} with no data`,
      );
      try {
        await s.copy(
          PROBE,
          table.columns,
          (async function* () {
            yield table.copyText(n);
          })(),
        );
        const [counts] = await s.query<Record<string, number>>(
          `select ${own.map((c, k) => `count(*) filter (where not (${c.expr}))::int as f${k}`).join(', ')} from ${probe}`,
        );
        const k = own.findIndex((_, k) => Number(counts?.[`f${k}`] ?? 0) > 0);
        if (k < 0) return undefined;
        const check = own[k]!;
        const [example] = await s.query<{ row: number; values: Record<string, unknown> }>(
          `select (n - 1)::int as row, json_build_object(${check.columns.map((c) => `${literal(c)}, ${ident(c)}`).join(', ')}) as values
           from (select *, row_number() over () as n from ${probe}) p where not (${check.expr}) limit 1`,
        );
        return { constraint: check.constraint, columns: check.columns, count: Number(counts![`f${k}`]), ...(example ? { example } : {}) };
      } finally {
        await s.execute(`drop table if exists ${probe}`);
      }
    });
  } catch (error) {
    // a domain's CHECK the COPY itself broke; anything else (an expression the probe cannot run) is left to the load
    const e = error as { code?: string; message?: string };
    if (e?.code !== '23514') return undefined;
    throw new Error(`${table.table}: ${e.message ?? 'a CHECK fails'} (found on the first ${n} rows before the load; nothing was written)`, { cause: error });
  }
}
