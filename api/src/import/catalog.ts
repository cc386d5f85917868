// A live database's catalog → the same definition as importing its DDL. The catalog is read
// back as DDL (format_type, pg_get_expr, pg_get_constraintdef, pg_get_indexdef) and fed to the
// DDL importer, so both paths share one mapper and agree by construction.
import { parseDdl } from './parse-ddl.js';
import { toDefinition, type MapOptions, type MapResult } from './to-definition.js';
import { assertCompiles } from './validate.js';

/** Runs one catalog query with positional parameters; adapters wrap postgres.js or PGlite. */
export type CatalogQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

const ENUMS = `
select n.nspname as schema, t.typname as name,
       array_agg(e.enumlabel::text order by e.enumsortorder) as labels
  from pg_type t
  join pg_enum e on e.enumtypid = t.oid
  join pg_namespace n on n.oid = t.typnamespace
 where n.nspname = any($1::text[])
 group by n.nspname, t.typname, t.oid
 order by t.oid`;

const DOMAINS = `
select n.nspname as schema, t.typname as name, format_type(t.typbasetype, t.typtypmod) as base
  from pg_type t join pg_namespace n on n.oid = t.typnamespace
 where t.typtype = 'd' and n.nspname = any($1::text[])
 order by t.oid`;

const COLUMNS = `
select n.nspname as schema, c.relname as table, a.attname as column,
       format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
       pg_get_expr(d.adbin, d.adrelid) as default_expr, a.attidentity::text as identity,
       a.attgenerated::text as generated
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
 where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = any($1::text[])
 order by c.oid, a.attnum`;

// partitioned tables' keys, and their partitions with bounds (rows are loaded through the parent)
const PARTITION_KEYS = `
select n.nspname as schema, c.relname as table, pg_get_partkeydef(c.oid) as key
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where c.relkind = 'p' and not c.relispartition and n.nspname = any($1::text[])
 order by c.oid`;

const PARTITIONS = `
select pn.nspname as parent_schema, p.relname as parent, n.nspname as schema, c.relname as table, pg_get_expr(c.relpartbound, c.oid) as bound
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_inherits i on i.inhrelid = c.oid
  join pg_class p on p.oid = i.inhparent
  join pg_namespace pn on pn.oid = p.relnamespace
 where c.relispartition and c.relkind in ('r', 'p') and n.nspname = any($1::text[])
 order by c.oid`;

const CONSTRAINTS = `
select n.nspname as schema, c.relname as table, con.conname as name, pg_get_constraintdef(con.oid) as def
  from pg_constraint con
  join pg_class c on c.oid = con.conrelid
  join pg_namespace n on n.oid = c.relnamespace
 where con.contype in ('p', 'u', 'f', 'c', 'x') and n.nspname = any($1::text[])
 order by c.oid, con.oid`;

const UNIQUE_INDEXES = `
select pg_get_indexdef(i.indexrelid) as def
  from pg_index i
  join pg_class c on c.oid = i.indrelid
  join pg_namespace n on n.oid = c.relnamespace
 where i.indisunique and n.nspname = any($1::text[])
   and not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid and con.conrelid = i.indrelid)
 order by i.indexrelid`;

const COMMENTS = `
select n.nspname as schema, c.relname as table, null::name as column, obj_description(c.oid, 'pg_class') as comment, c.oid, 0 as attnum
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = any($1::text[]) and obj_description(c.oid, 'pg_class') is not null
union all
select n.nspname, c.relname, a.attname, col_description(c.oid, a.attnum), c.oid, a.attnum
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
 where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = any($1::text[]) and col_description(c.oid, a.attnum) is not null
 order by oid, attnum`;

// row triggers whose PL/pgSQL function may insert into the schemas' tables: on those tables, and
// on Supabase's auth.users (on_auth_user_created filling public.profiles)
const TRIGGERS = `
select pg_get_triggerdef(t.oid) as def, pg_get_functiondef(p.oid) as fn, p.oid::int8::text as fn_oid
  from pg_trigger t
  join pg_class c on c.oid = t.tgrelid
  join pg_namespace n on n.oid = c.relnamespace
  join pg_proc p on p.oid = t.tgfoid
  join pg_language l on l.oid = p.prolang
 where not t.tgisinternal and l.lanname = 'plpgsql'
   and (n.nspname = any($1::text[]) or (n.nspname = 'auth' and c.relname = 'users'))
 order by t.oid`;

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Reads the catalog of the given schemas back as DDL. */
export async function catalogDdl(query: CatalogQuery, schemas: string[]): Promise<string> {
  const out: string[] = [];
  for (const e of await query(ENUMS, [schemas])) {
    out.push(`CREATE TYPE ${ident(String(e.schema))}.${ident(String(e.name))} AS ENUM (${(e.labels as string[]).map(literal).join(', ')});`);
  }
  for (const d of await query(DOMAINS, [schemas])) {
    out.push(`CREATE DOMAIN ${ident(String(d.schema))}.${ident(String(d.name))} AS ${d.base};`);
  }
  const tables = new Map<string, string[]>();
  for (const c of await query(COLUMNS, [schemas])) {
    const key = `${ident(String(c.schema))}.${ident(String(c.table))}`;
    let parts = `${ident(String(c.column))} ${c.type}`;
    if (c.generated === 's') parts += ` GENERATED ALWAYS AS (${c.default_expr}) STORED`;
    else if (c.identity === 'a' || c.identity === 'd') parts += ` GENERATED BY DEFAULT AS IDENTITY`;
    else if (c.default_expr != null) parts += ` DEFAULT ${c.default_expr}`;
    if (c.not_null) parts += ' NOT NULL';
    if (!tables.has(key)) tables.set(key, []);
    tables.get(key)!.push(parts);
  }
  const partitionKeys = new Map((await query(PARTITION_KEYS, [schemas])).map((p) => [`${ident(String(p.schema))}.${ident(String(p.table))}`, String(p.key)]));
  for (const [key, columns] of tables) {
    const by = partitionKeys.get(key);
    out.push(`CREATE TABLE ${key} (\n  ${columns.join(',\n  ')}\n)${by ? ` PARTITION BY ${by}` : ''};`);
  }
  for (const p of await query(PARTITIONS, [schemas])) {
    out.push(
      `ALTER TABLE ${ident(String(p.parent_schema))}.${ident(String(p.parent))} ATTACH PARTITION ${ident(String(p.schema))}.${ident(String(p.table))} ${p.bound};`,
    );
  }
  for (const c of await query(CONSTRAINTS, [schemas])) {
    out.push(`ALTER TABLE ${ident(String(c.schema))}.${ident(String(c.table))} ADD CONSTRAINT ${ident(String(c.name))} ${c.def};`);
  }
  for (const i of await query(UNIQUE_INDEXES, [schemas])) out.push(`${i.def};`);
  for (const c of await query(COMMENTS, [schemas])) {
    const table = `${ident(String(c.schema))}.${ident(String(c.table))}`;
    out.push(
      c.column == null
        ? `COMMENT ON TABLE ${table} IS ${literal(String(c.comment))};`
        : `COMMENT ON COLUMN ${table}.${ident(String(c.column))} IS ${literal(String(c.comment))};`,
    );
  }
  const functions = new Set<string>();
  for (const t of await query(TRIGGERS, [schemas])) {
    if (!functions.has(String(t.fn_oid))) out.push(`${String(t.fn).trim()};`);
    functions.add(String(t.fn_oid));
    out.push(`${t.def};`);
  }
  return out.join('\n') + '\n';
}

/** A live database → definition, through the same mapper as importSql. */
export async function introspect(query: CatalogQuery, options: MapOptions & { schemas?: string[] } = {}): Promise<MapResult & { ddl: string }> {
  const ddl = await catalogDdl(query, options.schemas ?? ['public']);
  const model = parseDdl(ddl);
  const result = toDefinition(model, options);
  assertCompiles(result.definition, model, result.notes);
  return { ...result, ddl };
}
