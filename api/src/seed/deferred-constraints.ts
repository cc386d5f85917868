// Loading an empty table the way pg_restore does: its primary key, unique constraints, foreign
// keys (its own and those of other tables that point at it) and plain indexes are dropped before
// the COPY and recreated after it from the definitions the catalog gave — a table's keys and
// indexes once it is loaded, an FK once both its tables are. One index build over loaded rows
// costs a fraction of maintaining it row by row, and one FK check per table replaces a trigger
// call per row. NOT NULL, CHECK, EXCLUDE, defaults and triggers stay in place. All of it runs in
// the seed's transaction: a rebuild that fails rolls the whole seed back.
import { ident, literal, type CopySession, type Relation } from './target.js';

/** A table whose keys and indexes were dropped for the load and are rebuilt after it. */
export interface DeferredTable {
  relation: Relation;
  /** Constraints dropped: the table's own PRIMARY KEY / UNIQUE / FOREIGN KEY ones, and FKs of other tables into it ("table.name"). */
  constraints: string[];
  /** Plain indexes dropped (not those behind a constraint). */
  indexes: string[];
}

/** A table loaded with its constraints in place, and why. */
export interface KeptTable {
  relation: Relation;
  reason: string;
}

export interface Deferral {
  deferred: DeferredTable[];
  kept: KeptTable[];
  /**
   * Marks a relation as loaded and recreates what the tables loaded so far allow: its keys and
   * indexes, then the FKs whose both tables are loaded (or not being seeded). Resolves to the ms it took.
   */
  loaded(relation: Relation): Promise<number>;
  /** Recreates whatever is still dropped. Resolves to the ms it took. */
  finish(): Promise<number>;
}

/** A dropped constraint or index that could not be recreated over the seeded rows. */
export class ConstraintRebuildError extends Error {
  override name = 'ConstraintRebuildError';
  constructor(
    /** The table the constraint or index is on ("schema.table"). */
    readonly table: string,
    /** Its name. */
    readonly constraint: string,
    /** Its definition, as the catalog gave it. */
    readonly definition: string,
    /** Postgres' DETAIL of the failure (e.g. the duplicated or missing key), when it gave one. */
    readonly detail: string | undefined,
    cause: unknown,
  ) {
    const kind = definition.startsWith('CREATE') ? 'index' : 'constraint';
    const reason = `${(cause as Error).message}${detail ? ` (${detail})` : ''}`;
    // SQLSTATE class 23: integrity constraint violation
    const violated = String((cause as { code?: unknown }).code ?? '').startsWith('23');
    super(
      violated
        ? `${table}: the seeded rows violate ${kind} ${constraint} [${definition}], checked when it was rebuilt after the load: ${reason}`
        : `${table}: rebuilding ${kind} ${constraint} [${definition}] after the load failed: ${reason}`,
      { cause },
    );
  }
}

/** One statement of the rebuild, with what it recreates for the error message. */
interface Step {
  /** Tables ("schema.table") that must be loaded first. */
  needs: string[];
  table: string;
  name: string;
  definition: string;
  sql: string;
  /** CLUSTER ON, REPLICA IDENTITY and COMMENT statements that go with it. */
  extras: string[];
}

interface ConstraintRow extends Record<string, unknown> {
  table_sql: string;
  table_name: string;
  referenced: string | null;
  relkind: string;
  relispartition: boolean;
  /** Quoted for SQL. */
  name: string;
  conname: string;
  type: 'p' | 'u' | 'f';
  definition: string;
  comment: string | null;
  index_name: string | null;
  clustered: boolean | null;
  replica_identity: boolean | null;
  index_comment: string | null;
  tablespace: boolean | null;
}

interface IndexRow extends Record<string, unknown> {
  /** Quoted for SQL, with and without the schema. */
  name: string;
  qualified: string;
  relname: string;
  definition: string;
  clustered: boolean;
  replica_identity: boolean;
  comment: string | null;
  tablespace: boolean;
}

/** Why a table cannot take the fast path, when that is known without trying. */
class NotDeferrable extends Error {}

/**
 * Drops the keys and indexes of every relation that is empty and that the current role may alter,
 * each inside a savepoint: a table where any of it fails is left as it was, to load with its
 * constraints in place.
 */
export async function deferConstraints(session: CopySession, relations: Relation[]): Promise<Deferral> {
  const deferred: DeferredTable[] = [];
  const kept: KeptTable[] = [];
  const keys: Step[] = [];
  const foreignKeys: Step[] = [];
  for (const relation of relations) {
    try {
      const dropped = await session.savepoint((inner) => dropFor(inner, relation));
      keys.push(...dropped.keys);
      foreignKeys.push(...dropped.foreignKeys);
      deferred.push(dropped.table);
    } catch (error) {
      kept.push({ relation, reason: error instanceof NotDeferrable ? error.message : `dropping its keys failed: ${(error as Error).message}` });
    }
  }
  // keys ahead of FKs: an FK is ready only once its referenced table is loaded, when that table's key is ready too
  const pending = [...keys, ...foreignKeys];
  const seeded = new Set(relations.map(nameOf));
  const done = new Set<string>();
  let tablespaceReset = false;
  const run = async (ready: (step: Step) => boolean): Promise<number> => {
    const started = performance.now();
    const steps = pending.filter(ready);
    if (steps.length === 0) return 0;
    for (const step of steps) pending.splice(pending.indexOf(step), 1);
    // every statement is sent at once and the server runs them in order: one round trip rather than
    // one per statement, each of which waited for this thread to finish the chunk of rows it was
    // generating meanwhile while the server sat idle. The first failure is the one reported (the
    // statements after it fail only because the transaction is aborted).
    const sent: { step?: Step; done: Promise<void> }[] = [];
    if (!tablespaceReset) {
      // the dropped indexes lived in the database's default tablespace (others are not deferred)
      sent.push({ done: session.execute(`set local default_tablespace = ''`) });
      tablespaceReset = true;
    }
    for (const step of steps) {
      sent.push({ step, done: session.execute(step.sql) });
      for (const extra of step.extras) sent.push({ done: session.execute(extra) });
    }
    for (const { done } of sent) done.catch(() => {}); // awaited below, in order
    for (const { step, done } of sent) {
      try {
        await done;
      } catch (error) {
        if (!step) throw error;
        throw new ConstraintRebuildError(step.table, step.name, step.definition, (error as { detail?: string }).detail || undefined, error);
      }
    }
    return performance.now() - started;
  };
  return {
    deferred,
    kept,
    loaded(relation) {
      done.add(nameOf(relation));
      return run((step) => step.needs.every((table) => done.has(table) || !seeded.has(table)));
    },
    finish: () => run(() => true),
  };
}

const nameOf = (relation: Relation) => `${relation.schema}.${relation.name}`;

async function dropFor(session: CopySession, relation: Relation): Promise<{ table: DeferredTable; keys: Step[]; foreignKeys: Step[] }> {
  const table = `${ident(relation.schema)}.${ident(relation.name)}`;
  const oid = `${literal(table)}::regclass`;
  const [about] = await session.query<{ relkind: string; relispartition: boolean; owner: boolean }>(
    `select relkind::text as relkind, relispartition, pg_has_role(relowner, 'USAGE') as owner from pg_class where oid = ${oid}`,
  );
  if (!about) throw new NotDeferrable('not found in the catalog');
  if (about.relkind !== 'r' || about.relispartition) throw new NotDeferrable('partitioned tables and partitions keep their constraints');
  if (!about.owner) throw new NotDeferrable('the current role does not own it');
  // from here until commit nobody else writes to it, so it stays empty
  await session.execute(`lock table only ${table} in access exclusive mode`);
  const [filled] = await session.query<{ filled: boolean }>(`select exists (select from only ${table}) as filled`);
  if (filled!.filled) throw new NotDeferrable('not empty');

  const constraints = await session.query<ConstraintRow>(`
    select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as table_sql, n.nspname || '.' || c.relname as table_name,
      (select rn.nspname || '.' || rc.relname from pg_class rc join pg_namespace rn on rn.oid = rc.relnamespace where rc.oid = con.confrelid) as referenced,
      c.relkind::text as relkind, c.relispartition, quote_ident(con.conname) as name, con.conname,
      con.contype::text as type, pg_get_constraintdef(con.oid) as definition, obj_description(con.oid, 'pg_constraint') as comment,
      quote_ident(ic.relname) as index_name, ix.indisclustered as clustered, ix.indisreplident as replica_identity,
      obj_description(ix.indexrelid, 'pg_class') as index_comment, ic.reltablespace <> 0 as tablespace
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_index ix on con.contype in ('p', 'u') and ix.indexrelid = con.conindid
    left join pg_class ic on ic.oid = ix.indexrelid
    where con.conparentid = 0
      and ((con.conrelid = ${oid} and con.contype in ('p', 'u', 'f')) or (con.confrelid = ${oid} and con.contype = 'f'))
    order by con.contype <> 'f', con.oid`);
  // indexes behind a PRIMARY KEY, UNIQUE or EXCLUDE constraint go with the constraint; invalid
  // ones (a failed CREATE INDEX CONCURRENTLY) are left alone
  const indexes = await session.query<IndexRow>(`
    select quote_ident(ic.relname) as name, quote_ident(n.nspname) || '.' || quote_ident(ic.relname) as qualified, ic.relname, pg_get_indexdef(i.indexrelid) as definition,
      i.indisclustered as clustered, i.indisreplident as replica_identity,
      obj_description(i.indexrelid, 'pg_class') as comment, ic.reltablespace <> 0 as tablespace
    from pg_index i
    join pg_class ic on ic.oid = i.indexrelid
    join pg_namespace n on n.oid = ic.relnamespace
    where i.indrelid = ${oid} and i.indisvalid
      and not exists (select from pg_constraint con where con.conindid = i.indexrelid and con.conrelid = i.indrelid and con.contype in ('p', 'u', 'x'))
    order by i.indexrelid`);
  if (constraints.some((c) => c.relkind !== 'r' || c.relispartition)) throw new NotDeferrable('a partitioned table has a foreign key into it');
  if ([...constraints, ...indexes].some((c) => c.tablespace)) throw new NotDeferrable('an index of it is in its own tablespace');
  if (constraints.length + indexes.length === 0) throw new NotDeferrable('it has no keys or indexes to defer');

  const keys: Step[] = [];
  const foreignKeys: Step[] = [];
  // dropped FKs first (they need the keys), then the keys, then the plain indexes
  for (const c of constraints) {
    await session.execute(`alter table ${c.table_sql} drop constraint ${c.name}`);
    const extras: string[] = [];
    if (c.comment !== null) extras.push(`comment on constraint ${c.name} on ${c.table_sql} is ${literal(c.comment)}`);
    if (c.index_name !== null) {
      if (c.clustered) extras.push(`alter table ${c.table_sql} cluster on ${c.index_name}`);
      if (c.replica_identity) extras.push(`alter table ${c.table_sql} replica identity using index ${c.index_name}`);
      if (c.index_comment !== null) extras.push(`comment on index ${ident(relation.schema)}.${c.index_name} is ${literal(c.index_comment)}`);
    }
    const needs = c.type === 'f' ? [c.table_name, c.referenced!] : [c.table_name];
    const step = {
      needs,
      table: c.table_name,
      name: c.conname,
      definition: c.definition,
      sql: `alter table ${c.table_sql} add constraint ${c.name} ${c.definition}`,
      extras,
    };
    (c.type === 'f' ? foreignKeys : keys).push(step);
  }
  for (const i of indexes) {
    await session.execute(`drop index ${i.qualified}`);
    const extras: string[] = [];
    if (i.clustered) extras.push(`alter table ${table} cluster on ${i.name}`);
    if (i.replica_identity) extras.push(`alter table ${table} replica identity using index ${i.name}`);
    if (i.comment !== null) extras.push(`comment on index ${i.qualified} is ${literal(i.comment)}`);
    keys.push({ needs: [nameOf(relation)], table: nameOf(relation), name: i.relname, definition: i.definition, sql: i.definition, extras });
  }
  return {
    table: {
      relation,
      constraints: constraints.map((c) => `${c.table_name}.${c.conname}`),
      indexes: indexes.map((i) => `${relation.schema}.${i.relname}`),
    },
    keys,
    foreignKeys,
  };
}
