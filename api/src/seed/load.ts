// Definition → rows → COPY, parent tables first, all in one transaction: a failure leaves nothing.
import { availableParallelism } from 'node:os';
import { compile, parseDefinition } from '../engine/index.js';
import { preflightChecks } from './check-preflight.js';
import { preflightTargetChecks } from './target-checks.js';
import { copyTextOf } from './copy-text.js';
import { deferConstraints, type DeferredTable, type KeptTable } from './deferred-constraints.js';
import { ChunkFeed, GeneratorPool } from './generator-pool.js';
import { setDefaultSettings } from './session-settings.js';
import { relationName, syncSequencesStatement, type Relation, type SeedTarget } from './target.js';
import { withSignInPassword } from './auth-users.js';
import { fitExternalTables, type LeftOut } from './external-tables.js';
import { columnOf, relationOf, triggerMade } from './relation.js';
import { loadTriggerRows } from './trigger-rows.js';
import { type Report, ReportBuilder } from '../report/index.js';

export { relationOf } from './relation.js';

/** Options of a seed run. */
export interface SeedOptions {
  /** Seed of the generation (same seed, same rows). */
  seed?: string | number;
  /** Rows of every table, overriding the definition. */
  rows?: number;
  /** Rows generated and sent per chunk (default 1024; 16384 with workers): a multiple of the engine's 1024-row blocks is best. */
  batchSize?: number;
  /**
   * Worker threads generating rows beside the thread that feeds the database (default 2 on four
   * cores or more for a seed of 50,000 rows or more, else 0: all in this thread). This thread
   * generates too whenever it would wait for a worker. Rows are the same either way.
   */
  workers?: number;
  /**
   * When the keys of the tables are checked. 'after' (default): an empty table the current role
   * owns, with rows enough for a rebuild to pay (see deferSmallTables), loads without its PRIMARY KEY, UNIQUE and FOREIGN KEY constraints and plain indexes
   * (FKs of other tables into it included), which are rebuilt as they were right after its COPY
   * (an FK once both its tables are loaded), in the same transaction — as pg_restore does; a
   * violation fails the seed with a ConstraintRebuildError. 'during': every constraint stays in
   * place and is checked row by row (CLI: --keep-constraints).
   */
  constraints?: 'during' | 'after';
  /**
   * With constraints 'after': drop the keys of small tables too (default false: a table keeps its
   * keys when checking its rows under them is estimated to cost less than rebuilding them).
   */
  deferSmallTables?: boolean;
  /**
   * The password of every seeded Supabase user (auth.users.encrypted_password is its bcrypt
   * hash). Default: derived from the seed, so the same seed gives the same password.
   */
  authPassword?: string;
  /** Called after each table is loaded. */
  onTable?: (progress: TableLoaded) => void;
  /** Make the realism report of the seeded rows (SeedReport.realism) while they are generated. */
  report?: boolean;
}

export interface TableLoaded {
  table: string;
  relation: Relation;
  rows: number;
  /** Time of the table's COPY and of the rebuild that followed it. */
  ms: number;
  /** Keys, indexes and FKs rebuilt right after this table's COPY (constraints 'after'). */
  rebuildMs: number;
  /** 'updated' when a trigger had made the table's rows and the generated values were written into them. */
  mode?: 'inserted' | 'updated';
}

export interface SeedReport {
  tables: TableLoaded[];
  rows: number;
  ms: number;
  rowsPerSecond: number;
  constraints: ConstraintsReport;
  /** Supabase users who can sign in, and with what password (when the definition seeds auth.users). */
  signIn?: { relation: Relation; users: number; password: string };
  /** Columns of tables defined outside the imported SQL that the target's table lacks: not loaded. */
  leftOut: LeftOut[];
  /** The realism report of the rows (with `report: true`). */
  realism?: Report;
}

export interface ConstraintsReport {
  mode: 'during' | 'after';
  /** Tables loaded with their keys and indexes dropped, rebuilt after the load. */
  deferred: DeferredTable[];
  /** Tables loaded with their constraints in place (with 'after': why they could not be deferred). */
  kept: KeptTable[];
  /** Time spent recreating the dropped keys and indexes. */
  rebuildMs: number;
}

/**
 * Worker threads used when the options name none: two on four cores or more, for a seed big
 * enough to repay their start-up (their own tsx loader thread, the engine's imports, JIT warm-up:
 * 1–3 CPU-seconds each); none on fewer cores, where in `pnpm bench seed` one worker beside this
 * thread gained up to a quarter on a quiet machine and lost a third on a busy one.
 */
export function defaultWorkers(rows = Infinity): number {
  return availableParallelism() >= 4 && rows >= 50_000 ? 2 : 0;
}

export async function seedDatabase(definitionJson: unknown, target: SeedTarget, options: SeedOptions = {}): Promise<SeedReport> {
  const parsed = parseDefinition(definitionJson);
  const compileOptions = {
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.rows !== undefined ? { rows: options.rows } : {}),
  };
  const fitted = await fitExternalTables(parsed, target);
  // the same default seed as compile's
  const auth = withSignInPassword(fitted.definition, String(options.seed ?? parsed.seed ?? 0), options.authPassword);
  const definition = fitted.leftOut.length || auth ? parseDefinition(auth?.definition ?? fitted.definition) : parsed;
  const plan = compile(definition, compileOptions);
  const descriptions = new Map(definition.tables.map((t) => [t.name, t.description]));
  // fields renamed from odd column names keep the column in their description
  const columnNames = new Map(definition.tables.map((t) => [t.name, new Map(t.fields.map((f) => [f.name, columnOf(f)]))]));
  // tables whose rows a trigger makes while their source table loads (Supabase's profiles)
  const triggerTables = new Map(definition.tables.flatMap((t) => (triggerMade(t) ? [[t.name, triggerMade(t)!] as const] : [])));
  // table checks that generated rows cannot meet are reported before anything is written
  preflightChecks(plan, undefined, (table, field) => columnNames.get(table)?.get(field) ?? field);
  const realism = options.report ? new ReportBuilder(plan, definition) : undefined;
  const here = (table: string, start: number, end: number) => copyTextOf(plan, table, start, end, realism && ((at, batch) => realism.add(table, at, batch)));
  const workers = options.workers ?? defaultWorkers(plan.tables.reduce((n, t) => n + t.rows, 0));
  // whole blocks of the engine (1024 rows) per chunk: a chunk ending inside a block makes the next
  // one compute that block's first rows again (5000 rows a chunk cost 12 % more values). One block
  // a chunk in this thread: a chunk's text lives until it is sent, and bigger ones outlived young-
  // generation GCs into the old generation (peak RSS of a prose-heavy seed 300 MB at 4096, 220 at 1024)
  const batchSize = options.batchSize ?? (workers > 0 ? 16 * 1024 : 1024);
  // started first: the workers load the engine while the catalog is read
  const pool = workers > 0 ? new GeneratorPool(definition, compileOptions, workers, realism && ((part) => realism.merge(part))) : undefined;
  const feed = new ChunkFeed(pool, plan.tables, batchSize, here);
  const mode = options.constraints ?? 'after';
  const relations = plan.tables.map((table) => relationOf({ name: table.name, description: descriptions.get(table.name) }));
  const report: TableLoaded[] = [];
  let constraints: ConstraintsReport = { mode, deferred: [], kept: [], rebuildMs: 0 };
  const started = performance.now();
  try {
    await target.transaction(async (session) => {
      await setDefaultSettings(session);
      // the target's own CHECKs (those no table check redraws for included) on the first rows, before any is written
      await preflightTargetChecks(
        session,
        plan.tables.flatMap((table, k) =>
          triggerTables.has(table.name)
            ? []
            : [
                {
                  table: table.name,
                  relation: relations[k]!,
                  columns: table.columns.map((c) => columnNames.get(table.name)?.get(c.name) ?? c.name),
                  rows: table.rows,
                  copyText: (n: number) => copyTextOf(plan, table.name, 0, n),
                },
              ],
        ),
      );
      const seeded = relations.filter((r, k) => plan.tables[k]!.rows > 0 && relations.findIndex((o) => relationName(o) === relationName(r)) === k);
      // the tables of the definition loaded into a relation (with their place in the plan)
      const tablesAt = (relation: Relation) => plan.tables.flatMap((t, k) => (relationName(relations[k]!) === relationName(relation) ? [{ t, k }] : []));
      // a table referencing one loaded after it (a cycle of foreign keys broken at a nullable one)
      const referencesLater = (relation: Relation) =>
        tablesAt(relation).some(({ t, k }) => t.columns.some((c) => c.references && plan.tables.findIndex((p) => p.name === c.references!.table) > k));
      const madeByTrigger = (relation: Relation) => tablesAt(relation).some(({ t }) => triggerTables.has(t.name));
      const rowsOf = (relation: Relation) => tablesAt(relation).reduce((n, { t }) => n + t.rows, 0);
      const deferral =
        mode === 'after'
          ? await deferConstraints(
              session,
              seeded.map((relation) => ({
                relation,
                rows: rowsOf(relation),
                forward: referencesLater(relation),
                ...(madeByTrigger(relation) ? { keep: 'a trigger inserts its rows while other tables load (its keys may be what ON CONFLICT needs)' } : {}),
              })),
              { smallTables: options.deferSmallTables ?? false },
            )
          : undefined;
      // sequences are moved past each table's keys right after its COPY, as the statements that
      // follow may insert into it (a trigger), but not waited for: the next table's statements
      // queue behind them on the connection
      const syncs: Promise<void>[] = [];
      let rebuildMs = 0;
      try {
        for (const [k, table] of plan.tables.entries()) {
          const relation = relations[k]!;
          const t0 = performance.now();
          let tableRebuildMs = 0;
          let mode: TableLoaded['mode'];
          if (table.rows > 0) {
            const column = (name: string) => columnNames.get(table.name)?.get(name) ?? name;
            const columns = table.columns.map((c) => column(c.name));
            const made = triggerTables.get(table.name);
            if (made) mode = await loadTriggerRows(session, relation, columns, feed.table(table.name), table.rows, { ...made, match: made.match.map(column) });
            else await session.copy(relation, columns, feed.table(table.name));
            // its keys now; the next table is generated meanwhile
            if (deferral) tableRebuildMs = await feed.meanwhile(deferral.loaded(relation));
            const integers = table.columns.filter((c) => c.kind === 'integer').map((c) => column(c.name));
            if (integers.length) {
              const sync = session.execute(syncSequencesStatement(relation, integers));
              sync.catch(() => {}); // awaited below
              syncs.push(sync);
            }
          }
          rebuildMs += tableRebuildMs;
          const done: TableLoaded = {
            table: table.name,
            relation,
            rows: table.rows,
            ms: performance.now() - t0,
            rebuildMs: tableRebuildMs,
            ...(mode ? { mode } : {}),
          };
          report.push(done);
          options.onTable?.(done);
        }
        if (deferral) rebuildMs += await deferral.finish();
        await Promise.all(syncs);
      } catch (error) {
        // a sequence that failed aborted the transaction: its error is the one to report
        await Promise.all(syncs);
        throw error;
      }
      constraints = deferral
        ? { mode, deferred: deferral.deferred, kept: deferral.kept, rebuildMs }
        : { mode, deferred: [], kept: seeded.map((relation) => ({ relation, reason: 'constraints kept during the load' })), rebuildMs: 0 };
    });
  } finally {
    await pool?.close();
  }
  const ms = performance.now() - started;
  const rows = report.reduce((n, t) => n + t.rows, 0);
  const users = auth && plan.tables.find((t) => t.name === auth.signIn.table)?.rows;
  return {
    tables: report,
    rows,
    ms,
    rowsPerSecond: ms > 0 ? Math.round((rows * 1000) / ms) : 0,
    constraints,
    ...(auth && users ? { signIn: { relation: auth.signIn.relation, users, password: auth.signIn.password } } : {}),
    leftOut: fitted.leftOut,
    ...(realism ? { realism: realism.report() } : {}),
  };
}
