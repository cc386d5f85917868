// Column DEFAULTs that read a setting the application sets per session (Sourcegraph's
// `tenant_id integer DEFAULT current_setting('app.current_tenant')::integer`): the seed's own
// INSERTs always give those columns a value, but rows made by the database (a trigger inserting
// into another table) take the DEFAULT, and an unset setting fails them. Such settings are set
// for the seed's transaction only (set_config(..., true)), to a value of the column's type; a
// setting already set in the session is left as it is.
import { SESSION_VALUES } from '../import/session-defaults.js';
import { literal, type CopySession } from './target.js';

/** A custom setting (`app.current_tenant`) read by DEFAULTs, and the types of the columns reading it. */
export interface DefaultSetting {
  name: string;
  types: string[];
}

const READ = /current_setting\('([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_.]*)'(?:::text)?\)/g;

/** The value a setting gets: the one the importer gave the columns reading it (session-defaults.ts). */
export function settingValue(types: string[]): string {
  if (types.some((t) => t === 'uuid')) return SESSION_VALUES.uuid;
  if (types.some((t) => /^(smallint|integer|bigint|numeric|real|double precision)/.test(t))) return String(SESSION_VALUES.integer);
  return SESSION_VALUES.text;
}

/** Settings read by column DEFAULTs of the database's own tables. */
export async function defaultSettings(session: CopySession): Promise<DefaultSetting[]> {
  const rows = await session.query<{ expr: string; type: string }>(
    `select pg_get_expr(d.adbin, d.adrelid) as expr, format_type(a.atttypid, a.atttypmod) as type
       from pg_attrdef d join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
       join pg_class c on c.oid = d.adrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema') and pg_get_expr(d.adbin, d.adrelid) like '%current_setting(%'`,
  );
  const byName = new Map<string, Set<string>>();
  for (const { expr, type } of rows)
    for (const m of expr.matchAll(READ)) {
      // current_setting(name, true) returns NULL when unset: nothing fails
      if (new RegExp(`current_setting\\('${m[1]!.replace(/\./g, '\\.')}'(::text)?,`).test(expr)) continue;
      byName.set(m[1]!, (byName.get(m[1]!) ?? new Set()).add(type));
    }
  return [...byName].map(([name, types]) => ({ name, types: [...types].sort() }));
}

/** Sets, for this transaction, each setting DEFAULTs read that the session has not set. */
export async function setDefaultSettings(session: CopySession): Promise<DefaultSetting[]> {
  const set: DefaultSetting[] = [];
  for (const setting of await defaultSettings(session)) {
    const [row] = await session.query<{ value: string | null }>(`select current_setting(${literal(setting.name)}, true) as value`);
    if (row?.value) continue;
    await session.execute(`select set_config(${literal(setting.name)}, ${literal(settingValue(setting.types))}, true)`);
    set.push(setting);
  }
  return set;
}
