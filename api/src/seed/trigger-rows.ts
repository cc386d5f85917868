// Loading a table whose rows a trigger made while its source table loaded (Supabase's profiles,
// one per auth.users row): the generated rows go into a temporary table and are written into the
// trigger's rows, matched on the columns the trigger copied from the source row. When the target
// database has no such trigger (the table is still empty), the rows are inserted as usual. A
// trigger that fires for some rows only leaves the generated rows of the others out.
import { ident, literal, type CopySession, type Relation } from './target.js';

export interface TriggerTable {
  trigger: string;
  source: string;
  /** Columns (as in the database) that tie a generated row to the trigger's row. */
  match: string[];
}

/** 'inserted' when the trigger made no rows (plain COPY), else 'updated'. */
export async function loadTriggerRows(
  session: CopySession,
  relation: Relation,
  columns: string[],
  data: AsyncIterable<Uint8Array>,
  rows: number,
  made: TriggerTable,
): Promise<'inserted' | 'updated'> {
  const table = `${ident(relation.schema)}.${ident(relation.name)}`;
  const [{ n: existing } = { n: 0 }] = await session.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  if (existing === 0) {
    await session.copy(relation, columns, data);
    return 'inserted';
  }
  const temp = `tdg_trigger_rows_${relation.name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40)}`;
  await session.execute(`create temp table ${ident(temp)} on commit drop as select ${columns.map(ident).join(', ')} from ${table} with no data`);
  await session.copy({ schema: 'pg_temp', name: temp }, columns, data);
  const on = made.match.map((c) => `t.${ident(c)} = x.${ident(c)}`).join(' and ');
  const set = columns.filter((c) => !made.match.includes(c)).map((c) => `${ident(c)} = x.${ident(c)}`);
  // a key column the UPDATE sets (the id a sequence gave the trigger's row) is checked row by row:
  // row 5 taking id 3 while row 3 still has it fails. Integer keys are first moved past every
  // value either side holds, so no new value meets an old one
  const keys = await session.query<{ name: string }>(
    `select distinct a.attname as name from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = ${literal(table)}::regclass and i.indisunique and a.atttypid in ('int2'::regtype, 'int4'::regtype, 'int8'::regtype)`,
  );
  const moved = keys.map((k) => k.name).filter((c) => columns.includes(c) && !made.match.includes(c));
  if (moved.length)
    await session.execute(
      `update ${table} set ${moved
        .map((c) => `${ident(c)} = ${ident(c)} + greatest((select max(${ident(c)}) from ${table}), (select max(${ident(c)}) from ${ident(temp)}), 0) + 1`)
        .join(', ')}`,
    );
  const [{ n: matched } = { n: 0 }] = await session.query<{ n: number }>(
    set.length
      ? `with u as (update ${table} t set ${set.join(', ')} from ${ident(temp)} x where ${on} returning 1) select count(*)::int as n from u`
      : `select count(*)::int as n from ${table} t join ${ident(temp)} x on ${on}`,
  );
  await session.execute(`drop table ${ident(temp)}`);
  // a trigger that fires for some source rows only (IF new.status <> 'processing') made fewer: the
  // generated rows of the others are left out, as the application would never have them
  if (matched !== existing || existing > rows)
    throw new Error(
      `${relation.schema}.${relation.name}: trigger ${made.trigger} on ${made.source} made ${existing} rows, and ${matched} of the ${rows} generated rows matched one on ${made.match.join(', ')}; ` +
        `give both tables the same rows in the definition, so each row the trigger made gets its values`,
    );
  return 'updated';
}
