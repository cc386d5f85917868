// The PostgreSQL ceiling of a realism seed: the rows `tdg seed` loaded, written out as CSV, then
// loaded with psql `\copy` into bare tables of a fresh database with the same DDL (its keys, FKs
// and plain indexes dropped), the keys added afterwards, all in one transaction — the time the
// server itself needs for what the seed does, with no generation at all.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

export interface Ceiling {
  rows: number;
  ms: number;
  rowsPerSecond: number;
}

/** psql to use: TDG_PSQL, else /usr/bin/psql or psql on the PATH. */
export function psqlPath(): string {
  return process.env.TDG_PSQL ?? (existsSync('/usr/bin/psql') ? '/usr/bin/psql' : 'psql');
}

interface TableRow extends Record<string, unknown> {
  /** Quoted for SQL: "schema"."table". */
  name: string;
  /** Quoted, comma-separated: the columns COPY can write (generated ones left out). */
  columns: string;
}

const tablesQuery = `
  select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name,
    (select string_agg(quote_ident(a.attname), ', ' order by a.attnum) from pg_attribute a
      where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and not c.relispartition
    and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
  order by c.oid`;

async function psql(url: string, script: string, dir: string): Promise<{ ms: number; out: string }> {
  const file = join(dir, `script-${Date.now()}.sql`);
  await writeFile(file, script);
  const started = performance.now();
  const child = spawn(psqlPath(), ['-X', '-v', 'ON_ERROR_STOP=1', '-1', '-f', file, '-d', url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`psql exited with ${code}: ${err.trim().split('\n').slice(-4).join('\n')}`);
  return { ms, out };
}

/**
 * Copies the rows of every table of the seeded database (`seededUrl`) into a fresh database of
 * `serverUrl` made from `ddl`, as above, and times that load (psql's run, start to exit).
 */
export async function copyCeiling(serverUrl: string, seededUrl: string, ddl: string): Promise<Ceiling> {
  const dir = await mkdtemp(join(tmpdir(), 'tdg-ceiling-'));
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `tdg_ceiling_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let sql: postgres.Sql | undefined;
  try {
    const seeded = postgres(seededUrl, { max: 1, onnotice: () => {} });
    const tables = [...(await seeded.unsafe<TableRow[]>(tablesQuery))];
    await seeded.end();
    const file = (k: number) => `'${join(dir, `${k}.csv`).replace(/'/g, "''")}'`;
    const exported = await psql(seededUrl, tables.map((t, k) => `\\copy ${t.name} (${t.columns}) to ${file(k)} csv\n`).join(''), dir);
    const rows = [...exported.out.matchAll(/^COPY (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);

    await admin.unsafe(`create database ${name}`);
    sql = postgres(serverUrl.replace(/\/[^/]*$/, `/${name}`), { max: 1, onnotice: () => {} });
    await sql.unsafe(ddl).simple();
    // bare tables: keys, FKs and plain indexes dropped, recreated after the load (keys before FKs)
    const constraints = await sql.unsafe<{ drop: string; add: string; fk: boolean }[]>(`
      select format('alter table %s drop constraint %I', con.conrelid::regclass, con.conname) as drop,
        format('alter table %s add constraint %I %s', con.conrelid::regclass, con.conname, pg_get_constraintdef(con.oid)) as add,
        con.contype = 'f' as fk
      from pg_constraint con join pg_namespace n on n.oid = con.connamespace
      where con.contype in ('p', 'u', 'f') and con.conparentid = 0 and n.nspname not in ('pg_catalog', 'information_schema')
      order by con.contype <> 'f', con.oid`);
    const indexes = await sql.unsafe<{ drop: string; add: string }[]>(`
      select format('drop index %s', i.indexrelid::regclass) as drop, pg_get_indexdef(i.indexrelid) as add
      from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
        and not exists (select from pg_constraint con where con.conindid = i.indexrelid and con.contype in ('p', 'u', 'x'))
      order by i.indexrelid`);
    for (const c of constraints) await sql.unsafe(c.drop);
    for (const i of indexes) await sql.unsafe(i.drop);
    await sql.end();
    sql = undefined;

    const keys = constraints.filter((c) => !c.fk).map((c) => c.add);
    const fks = constraints.filter((c) => c.fk).map((c) => c.add);
    const script = [
      ...tables.map((t, k) => `\\copy ${t.name} (${t.columns}) from ${file(k)} csv`),
      ...[...keys, ...indexes.map((i) => i.add), ...fks].map((s) => `${s};`),
    ].join('\n');
    const { ms } = await psql(serverUrl.replace(/\/[^/]*$/, `/${name}`), `${script}\n`, dir);
    return { rows, ms, rowsPerSecond: Math.round((rows * 1000) / ms) };
  } finally {
    await sql?.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
  }
}
