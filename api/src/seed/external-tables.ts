// Tables defined outside the imported SQL (Supabase's auth.users) are generated with the columns
// the importer knows (GoTrue's); the target database may have fewer (a local shim, an older
// GoTrue). Fields whose column the target lacks are left out, with the fields computed from them.
import type { Definition } from '../engine/index.js';
import { columnOf, isExternal, relationOf } from './relation.js';
import { literal, type Relation, type SeedTarget } from './target.js';

export interface LeftOut {
  relation: Relation;
  /** Columns the database's table lacks; empty when the database has no such table at all. */
  columns: string[];
}

export async function fitExternalTables(definition: Definition, target: SeedTarget): Promise<{ definition: Definition; leftOut: LeftOut[] }> {
  const external = definition.tables.filter((t) => isExternal(t));
  if (!external.length) return { definition, leftOut: [] };
  const present = new Map<string, Set<string>>();
  await target.transaction(async (session) => {
    for (const table of external) {
      const { schema, name } = relationOf(table);
      const rows = await session.query<{ name: string }>(
        `select column_name::text as name from information_schema.columns where table_schema = ${literal(schema)} and table_name = ${literal(name)}`,
      );
      present.set(table.name, new Set(rows.map((r) => r.name)));
    }
  });
  const leftOut: LeftOut[] = [];
  // a missing table that nothing references (auth.identities beside a shim) is left out; one that
  // is referenced is left to fail at its COPY, which names it
  const missing = new Set(
    external
      .filter(
        (t) => !present.get(t.name)?.size && !definition.tables.some((o) => o !== t && o.fields.some((f) => f.type === 'ref' && f.options?.table === t.name)),
      )
      .map((t) => t.name),
  );
  for (const name of missing) leftOut.push({ relation: relationOf(definition.tables.find((t) => t.name === name)!), columns: [] });
  const tables = definition.tables
    .filter((t) => !missing.has(t.name))
    .map((table) => {
      const columns = present.get(table.name);
      if (!columns?.size) return table;
      const dropped = new Set(table.fields.filter((f) => !columns.has(columnOf(f))).map((f) => f.name));
      // and the fields computed from them (email_confirmed_at after created_at ...)
      for (let grew = true; grew;) {
        grew = false;
        for (const f of table.fields)
          if (!dropped.has(f.name) && [...dropped].some((d) => mentions(f.options, d))) {
            dropped.add(f.name);
            grew = true;
          }
      }
      if (!dropped.size) return table;
      leftOut.push({ relation: relationOf(table), columns: table.fields.filter((f) => dropped.has(f.name)).map(columnOf) });
      const keep = (names: string[]) => names.every((n) => !dropped.has(n));
      const { unique, primaryKey, ...rest } = table;
      return {
        ...rest,
        fields: table.fields.filter((f) => !dropped.has(f.name)),
        ...(primaryKey && keep(primaryKey) ? { primaryKey } : {}),
        ...(unique?.filter(keep).length ? { unique: unique.filter(keep) } : {}),
      };
    });
  return { definition: { ...definition, tables }, leftOut };
}

/** Options that name fields of the row (paths, expressions, templates). */
const PATH_OPTIONS = ['field', 'from', 'path', 'firstName', 'lastName', 'name', 'expr', 'template'];

/** Whether a field's options name another field: a path (`created_at`, `created_at.x`) or a word of an expression. */
function mentions(options: Record<string, unknown> | undefined, name: string): boolean {
  const word = new RegExp(`(^|[^A-Za-z0-9_.])${name}([^A-Za-z0-9_]|$)`);
  const names = (v: unknown): boolean => (typeof v === 'string' ? v.startsWith(`${name}.`) || word.test(v) : Array.isArray(v) && v.some(names));
  return PATH_OPTIONS.some((k) => names(options?.[k]));
}
