// Before `tdg seed` writes a row: the CHECK constraints the target database holds on each loaded
// table — those the importer could not translate into a redrawn table check included — are
// evaluated by the database itself on the first generated rows, read as rows of the table's own
// type (json_populate_recordset: every table in one statement, no temporary table). A CHECK some
// of those rows break stops the seed there, naming table, constraint and columns, instead of
// failing the load halfway.
import { CheckUnmetError } from './check-preflight.js';
import { type CopySession, ident, literal, type Relation, relationName } from './target.js';

/**
 * Rows per table the target's CHECKs are tried on before the load: enough to meet a CHECK that a
 * share of rows break (1 in 100 is met with odds of 92 %); every row is checked by the load itself,
 * in the same transaction. More cost the seed more (2,000 made a 10-table seed 10-13 % slower).
 */
export const TARGET_PROBE_ROWS = 256;

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
  const wanted = new Set(relations.map(relationName));
  return rows.flatMap((r) => {
    const expr = checkExpressionOf(r.definition);
    return wanted.has(relationName(r)) && expr
      ? [{ schema: r.schema, name: r.name, constraint: r.constraint, expr, columns: r.columns ?? [], rewritten: r.rewritten }]
      : [];
  });
}

/**
 * Throws CheckUnmetError for the first CHECK of the target that some of the first rows of a table
 * break (TARGET_PROBE_ROWS at most). Checks reading a column the seed does not load (its DEFAULT, a
 * generated column) are left to the load, as are tables a BEFORE INSERT trigger may change rows of.
 */
export async function preflightTargetChecks(session: CopySession, tables: ProbedTable[], rows = TARGET_PROBE_ROWS): Promise<void> {
  const relations = tables.filter((t) => t.rows > 0).map((t) => t.relation);
  const checks = await targetChecks(session, relations);
  const probed = tables.flatMap((table) => {
    if (table.rows === 0) return [];
    const own = checks.filter(
      (c) =>
        c.schema === table.relation.schema &&
        c.name === table.relation.name &&
        !c.rewritten &&
        c.columns.length > 0 &&
        c.columns.every((column) => table.columns.includes(column)),
    );
    return own.length ? [{ table, own, n: Math.min(rows, table.rows) }] : [];
  });
  if (!probed.length) return;
  const json = await jsonColumns(
    session,
    probed.map((p) => p.table.relation),
  );
  const sources = probed.map(({ table, n }) => recordsetOf(table, copyRecords(table.copyText(n), table.columns, json.get(relationName(table.relation)))));
  const countsQuery = (ks: number[]) =>
    ks
      .map(
        (k) =>
          `select ${k} as k, json_build_array(${probed[k]!.own.map((c) => `count(*) filter (where not (${c.expr}))`).join(', ')}) as counts from ${sources[k]} as probe`,
      )
      .join('\nunion all\n');
  let counted: { k: number; counts: number[] }[] | undefined;
  try {
    counted = await session.savepoint((s) => s.query<{ k: number; counts: number[] }>(countsQuery(probed.map((_, k) => k))));
  } catch (error) {
    if ((error as { code?: string }).code !== '23514') return;
    // a value a domain's CHECK refuses: the table it belongs to, one statement each
    for (const [k, { table, n }] of probed.entries()) await inSavepoint(session, table, n, (s) => s.query(countsQuery([k])));
    return;
  }
  const countsOf = new Map(counted.map((r) => [Number(r.k), r.counts.map(Number)]));
  for (const [k, { table, own, n }] of probed.entries()) {
    const counts = countsOf.get(k) ?? [];
    const c = counts.findIndex((count) => count > 0);
    if (c < 0) continue;
    const check = own[c]!;
    const examples =
      (await inSavepoint(session, table, n, (s) =>
        s.query<{ row: number; values: Record<string, unknown> }>(
          `select (n - 1)::int as row, json_build_object(${check.columns.map((col) => `${literal(col)}, ${ident(col)}`).join(', ')}) as values
           from (select *, row_number() over () as n from ${sources[k]} as probe) p where not (${check.expr}) limit 1`,
        ),
      )) ?? [];
    throw new CheckUnmetError(
      table.table,
      check.constraint,
      check.columns,
      n,
      counts[c]!,
      examples[0] ? [{ row: examples[0].row, values: examples[0].values as Record<string, never> }] : [],
      'database',
    );
  }
}

/** Per table, its json and jsonb columns (their COPY text is a JSON document, read as one). */
async function jsonColumns(session: CopySession, relations: Relation[]): Promise<Map<string, Set<string>>> {
  const rows = await session.query<{ schema: string; name: string; column: string }>(
    `select n.nspname::text as schema, c.relname::text as name, a.attname::text as column
     from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
     where a.attnum > 0 and not a.attisdropped and a.atttypid in ('json'::regtype, 'jsonb'::regtype)
       and (n.nspname, c.relname) in (${relations.map((r) => `(${literal(r.schema)}, ${literal(r.name)})`).join(', ')})`,
  );
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = relationName(r);
    if (!out.has(key)) out.set(key, new Set());
    out.get(key)!.add(r.column);
  }
  return out;
}

/** The rows of COPY text as records of column → text (null for \N); json columns as their JSON value. */
export function copyRecords(bytes: Uint8Array, columns: string[], json: Set<string> = new Set()): Record<string, unknown>[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const records: Record<string, unknown>[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const fields = line.split('\t');
    const record: Record<string, unknown> = {};
    fields.forEach((field, i) => {
      const column = columns[i]!;
      if (field === '\\N') record[column] = null;
      else {
        const value = field.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c));
        record[column] = json.has(column) ? JSON.parse(value) : value;
      }
    });
    records.push(record);
  }
  return records;
}

/** Rows of a table's own row type, from records of its loaded columns. */
function recordsetOf(table: ProbedTable, records: Record<string, unknown>[]): string {
  return `json_populate_recordset(null::${ident(table.relation.schema)}.${ident(table.relation.name)}, ${literal(JSON.stringify(records))}::json)`;
}

/**
 * A probe query in a savepoint; undefined when the database could not run it (an expression the
 * probe cannot evaluate is left to the load). A value a domain's CHECK refuses stops the seed here.
 */
async function inSavepoint<T>(session: CopySession, table: ProbedTable, n: number, query: (s: CopySession) => Promise<T>): Promise<T | undefined> {
  try {
    return await session.savepoint(query);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (e?.code !== '23514') return undefined;
    throw new Error(`${table.table}: ${e.message ?? 'a CHECK fails'} (found on the first ${n} rows before the load; nothing was written)`, { cause: error });
  }
}
