// Loading an empty table the way pg_restore does: its primary key, unique constraints, foreign
// keys (its own and those of other tables that point at it) and plain indexes are dropped before
// the COPY and recreated after it from the definitions the catalog gave — a table's keys and
// indexes once it is loaded, an FK once both its tables are. One index build over loaded rows
// costs a fraction of maintaining it row by row, and one FK check per table replaces a trigger
// call per row — for a table with enough rows: a small one keeps its keys, as a rebuild's fixed
// cost (milliseconds per key) outweighs the checks of a few hundred rows. NOT NULL, CHECK,
// EXCLUDE, defaults and triggers stay in place. All of it runs in the seed's transaction: a
// rebuild that fails rolls the whole seed back.
import { ident, literal, relationName, type CopySession, type Relation } from './target.js';

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
  /** OIDs, as text: of the constraint, its table and the table its FK references ('0' when none). */
  id: string;
  conrelid: string;
  confrelid: string;
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
  /** OID of its table, as text. */
  indrelid: string;
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

/** A table to seed and how many rows it gets. */
export interface SeededTable {
  relation: Relation;
  rows: number;
  /**
   * It references a table loaded after it (a cycle of foreign keys broken at a nullable one): its
   * keys are dropped whatever its size, the FK rebuilt once the other table is loaded.
   */
  forward?: boolean;
  /**
   * Why its keys must stay during the load, whatever its size: a trigger inserts into it while other
   * tables load, and its INSERT ... ON CONFLICT needs the unique key as its arbiter.
   */
  keep?: string;
}

export interface DeferOptions {
  /** Drop the keys of small tables too, where checking their rows under the keys costs less than rebuilding them (default false). */
  smallTables?: boolean;
}

/** Kept-table reason of a table too small for the rebuild to pay. */
export const SMALL_TABLE = 'small enough that checking its rows under its keys costs less than rebuilding them';

// What dropping and rebuilding costs against loading under the keys, measured on PostgreSQL 15 (20
// tables a run, each variant inside one transaction, commit included): rebuilding costs a fixed
// ~5 ms per key or index and ~4 ms per FK (catalog updates, a new index file and the old one's
// removal at commit, the FK check's query); loading under them costs ~1.5 µs per row and index (a
// btree insertion) and ~7 µs per row and FK (the RI trigger's lookup) more than a build or a check
// over the loaded rows. Break-even for a primary key and two FKs: ~1,100 rows.
const REBUILD_US = { index: 5000, foreignKey: 4000 };
const PER_ROW_US = { index: 1.5, foreignKey: 7 };

/** Whether dropping a table's keys for its load is estimated to cost less than loading under them. */
export function worthDeferring(rows: number, own: { indexes: number; foreignKeys: number }, dropped: { indexes: number; foreignKeys: number }): boolean {
  const rebuild = dropped.indexes * REBUILD_US.index + dropped.foreignKeys * REBUILD_US.foreignKey;
  const underKeys = rows * (own.indexes * PER_ROW_US.index + own.foreignKeys * PER_ROW_US.foreignKey);
  return underKeys >= rebuild;
}

/**
 * Drops the keys and indexes of every relation that is empty, that the current role may alter
 * and (unless `smallTables`) that gets enough rows for the rebuild to pay: read from the catalog
 * for all tables at once and dropped in one batch, inside a savepoint. When the batch fails (a view
 * depends on a key ...) each table is tried on its own in a savepoint, and one where any of it
 * fails is left as it was, to load with its constraints in place.
 */
export async function deferConstraints(session: CopySession, tables: SeededTable[], options: DeferOptions = {}): Promise<Deferral> {
  const relations = tables.map((t) => t.relation);
  let plans: Map<Relation, Plan | NotDeferrable>;
  try {
    plans = await session.savepoint((inner) => dropAll(inner, tables, options));
  } catch {
    plans = new Map();
    for (const table of tables) {
      try {
        const [plan] = await session.savepoint(async (inner) => [...(await dropAll(inner, [table], options)).values()]);
        plans.set(table.relation, plan!);
      } catch (error) {
        plans.set(table.relation, new NotDeferrable(`dropping its keys failed: ${(error as Error).message}`));
      }
    }
  }
  const deferred: DeferredTable[] = [];
  const kept: KeptTable[] = [];
  const keys: Step[] = [];
  const foreignKeys: Step[] = [];
  for (const relation of relations) {
    const plan = plans.get(relation)!;
    if (plan instanceof NotDeferrable) {
      kept.push({ relation, reason: plan.message });
      continue;
    }
    keys.push(...plan.keys);
    foreignKeys.push(...plan.foreignKeys);
    deferred.push(plan.table);
  }
  // keys ahead of FKs: an FK is ready only once its referenced table is loaded, when that table's key is ready too
  const pending = [...keys, ...foreignKeys];
  const seeded = new Set(relations.map(relationName));
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
      done.add(relationName(relation));
      return run((step) => step.needs.every((table) => done.has(table) || !seeded.has(table)));
    },
    finish: () => run(() => true),
  };
}

/** A table whose keys were dropped, and the steps that rebuild them. */
interface Plan {
  table: DeferredTable;
  keys: Step[];
  foreignKeys: Step[];
}

/**
 * Reads the catalog for all the tables at once (four queries), locks them, and drops the keys and
 * indexes of those that take the fast path in one batch of statements: a few round trips in all
 * rather than a dozen per table.
 */
async function dropAll(session: CopySession, tables: SeededTable[], options: DeferOptions): Promise<Map<Relation, Plan | NotDeferrable>> {
  const plans = new Map<Relation, Plan | NotDeferrable>();
  const sqlName = (relation: Relation) => `${ident(relation.schema)}.${ident(relation.name)}`;
  const about = await session.query<{ k: number; oid: string | null; relkind: string | null; relispartition: boolean | null; owner: boolean | null }>(`
    select r.k::int as k, c.oid::text as oid, c.relkind::text as relkind, c.relispartition, pg_has_role(c.relowner, 'USAGE') as owner
    from unnest(array[${tables.map((t) => literal(sqlName(t.relation))).join(', ')}]::text[]) with ordinality as r(name, k)
    left join pg_class c on c.oid = to_regclass(r.name)
    order by r.k`);
  const candidates: (SeededTable & { oid: string })[] = [];
  for (const [k, table] of tables.entries()) {
    const row = about[k]!;
    if (table.keep) plans.set(table.relation, new NotDeferrable(table.keep));
    else if (!row.oid) plans.set(table.relation, new NotDeferrable('not found in the catalog'));
    else if (row.relkind !== 'r' || row.relispartition)
      plans.set(table.relation, new NotDeferrable('partitioned tables and partitions keep their constraints'));
    else if (!row.owner) plans.set(table.relation, new NotDeferrable('the current role does not own it'));
    else candidates.push({ ...table, oid: row.oid });
  }
  if (candidates.length === 0) return plans;
  // from here until commit nobody else writes to them, so the empty ones stay empty
  await session.execute(`lock table only ${candidates.map((c) => sqlName(c.relation)).join(', ')} in access exclusive mode`);
  const filled = await session.query<{ k: number }>(
    candidates.map((c, k) => `select ${k} as k where exists (select from only ${sqlName(c.relation)})`).join('\nunion all '),
  );
  const full = new Set(filled.map((r) => Number(r.k)));
  const oids = `array[${candidates.map((c) => c.oid).join(', ')}]::oid[]`;
  const constraints = await session.query<ConstraintRow>(`
    select con.oid::text as id, con.conrelid::text as conrelid, con.confrelid::text as confrelid,
      quote_ident(n.nspname) || '.' || quote_ident(c.relname) as table_sql, n.nspname || '.' || c.relname as table_name,
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
      and ((con.conrelid = any(${oids}) and con.contype in ('p', 'u', 'f')) or (con.confrelid = any(${oids}) and con.contype = 'f'))
    order by con.contype <> 'f', con.oid`);
  // indexes behind a PRIMARY KEY, UNIQUE or EXCLUDE constraint go with the constraint; invalid
  // ones (a failed CREATE INDEX CONCURRENTLY) are left alone
  const indexes = await session.query<IndexRow>(`
    select i.indrelid::text as indrelid, quote_ident(ic.relname) as name, quote_ident(n.nspname) || '.' || quote_ident(ic.relname) as qualified, ic.relname,
      pg_get_indexdef(i.indexrelid) as definition, i.indisclustered as clustered, i.indisreplident as replica_identity,
      obj_description(i.indexrelid, 'pg_class') as comment, ic.reltablespace <> 0 as tablespace
    from pg_index i
    join pg_class ic on ic.oid = i.indexrelid
    join pg_namespace n on n.oid = ic.relnamespace
    where i.indrelid = any(${oids}) and i.indisvalid
      and not exists (select from pg_constraint con where con.conindid = i.indexrelid and con.conrelid = i.indrelid and con.contype in ('p', 'u', 'x'))
    order by i.indexrelid`);

  // table by table, in order: an FK between two of them goes with the first, as when each was done on its own
  const dropped = new Set<string>();
  const drops: string[] = [];
  for (const [k, candidate] of candidates.entries()) {
    const { relation, oid, rows } = candidate;
    const mine = constraints.filter((c) => !dropped.has(c.id) && (c.conrelid === oid || (c.confrelid === oid && c.type === 'f')));
    const ownIndexes = indexes.filter((i) => i.indrelid === oid);
    const fail = (reason: string) => plans.set(relation, new NotDeferrable(reason));
    if (full.has(k)) fail('not empty');
    else if (mine.some((c) => c.relkind !== 'r' || c.relispartition)) fail('a partitioned table has a foreign key into it');
    else if ([...mine, ...ownIndexes].some((c) => c.tablespace)) fail('an index of it is in its own tablespace');
    else if (mine.length + ownIndexes.length === 0) fail('it has no keys or indexes to defer');
    else if (
      !options.smallTables &&
      !candidate.forward &&
      !worthDeferring(
        rows,
        {
          indexes: mine.filter((c) => c.conrelid === oid && c.type !== 'f').length + ownIndexes.length,
          foreignKeys: mine.filter((c) => c.conrelid === oid && c.type === 'f').length,
        },
        { indexes: mine.filter((c) => c.type !== 'f').length + ownIndexes.length, foreignKeys: mine.filter((c) => c.type === 'f').length },
      )
    )
      fail(SMALL_TABLE);
    else {
      for (const c of mine) dropped.add(c.id);
      const plan = stepsFor(relation, mine, ownIndexes);
      drops.push(...plan.drops);
      plans.set(relation, plan);
    }
  }
  // dropped FKs first (they need the keys), then the keys, then the plain indexes, table after table
  if (drops.length) await session.execute(drops.join(';\n'));
  return plans;
}

/** The statements that drop a table's keys and indexes, and the steps that recreate them. */
function stepsFor(relation: Relation, constraints: ConstraintRow[], indexes: IndexRow[]): Plan & { drops: string[] } {
  const table = `${ident(relation.schema)}.${ident(relation.name)}`;
  const drops: string[] = [];
  const keys: Step[] = [];
  const foreignKeys: Step[] = [];
  for (const c of constraints) {
    drops.push(`alter table ${c.table_sql} drop constraint ${c.name}`);
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
    drops.push(`drop index ${i.qualified}`);
    const extras: string[] = [];
    if (i.clustered) extras.push(`alter table ${table} cluster on ${i.name}`);
    if (i.replica_identity) extras.push(`alter table ${table} replica identity using index ${i.name}`);
    if (i.comment !== null) extras.push(`comment on index ${i.qualified} is ${literal(i.comment)}`);
    keys.push({ needs: [relationName(relation)], table: relationName(relation), name: i.relname, definition: i.definition, sql: i.definition, extras });
  }
  return {
    table: {
      relation,
      constraints: constraints.map((c) => `${c.table_name}.${c.conname}`),
      indexes: indexes.map((i) => `${relation.schema}.${i.relname}`),
    },
    keys,
    foreignKeys,
    drops,
  };
}
