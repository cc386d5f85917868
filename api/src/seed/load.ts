// Definition → rows → COPY, parent tables first, all in one transaction: a failure leaves nothing.
import { compile, generateRows, parseDefinition } from '../engine/index.js';
import type { TableShape } from '../engine/shape.js';
import { copyLines } from './copy-text.js';
import { GeneratorPool } from './generator-pool.js';
import { syncSequencesStatement, type Relation, type SeedTarget } from './target.js';

/** Options of a seed run. */
export interface SeedOptions {
  /** Seed of the generation (same seed, same rows). */
  seed?: string | number;
  /** Rows of every table, overriding the definition. */
  rows?: number;
  /** Rows generated and sent per chunk (default 5000; 16384 with workers). */
  batchSize?: number;
  /**
   * Worker threads generating rows beside the thread that feeds the database (default 0: all in
   * this thread). Rows are the same either way.
   */
  workers?: number;
  /** Called after each table is loaded. */
  onTable?: (progress: TableLoaded) => void;
}

export interface TableLoaded {
  table: string;
  relation: Relation;
  rows: number;
  ms: number;
}

export interface SeedReport {
  tables: TableLoaded[];
  rows: number;
  ms: number;
  rowsPerSecond: number;
}

/** The relation a definition table loads into: its description names it when it is not public.<name>. */
export function relationOf(table: { name: string; description?: string | undefined }): Relation {
  // written by the importer as `postgres: <schema>.<table>[ (external: ...)]`
  const text = table.description?.startsWith('postgres: ') ? table.description.slice(10).replace(/ \(external:.*$/s, '') : undefined;
  const dot = text?.indexOf('.') ?? -1;
  return text && dot > 0 ? { schema: text.slice(0, dot), name: text.slice(dot + 1) } : { schema: 'public', name: table.name };
}

export async function seedDatabase(definitionJson: unknown, target: SeedTarget, options: SeedOptions = {}): Promise<SeedReport> {
  const definition = parseDefinition(definitionJson);
  const compileOptions = {
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.rows !== undefined ? { rows: options.rows } : {}),
  };
  const plan = compile(definition, compileOptions);
  const descriptions = new Map(definition.tables.map((t) => [t.name, t.description]));
  // fields renamed from odd column names keep the column in their description
  const columnNames = new Map(
    definition.tables.map((t) => [t.name, new Map(t.fields.map((f) => [f.name, f.description?.startsWith('postgres: ') ? f.description.slice(10) : f.name]))]),
  );
  const workers = options.workers ?? 0;
  const batchSize = options.batchSize ?? (workers > 0 ? 16 * 1024 : 5000);
  const pool = workers > 0 ? new GeneratorPool(definition, compileOptions, workers) : undefined;
  const chunks = async function* (table: TableShape): AsyncGenerator<string> {
    if (pool) yield* pool.table(table.name, table.rows, batchSize);
    else for (const batch of generateRows(plan, table.name, 0, table.rows, batchSize)) yield copyLines(batch, table.columns);
  };
  const report: TableLoaded[] = [];
  const started = performance.now();
  try {
    await target.transaction(async (session) => {
      for (const table of plan.tables) {
        const relation = relationOf({ name: table.name, description: descriptions.get(table.name) });
        const t0 = performance.now();
        if (table.rows > 0) {
          const column = (name: string) => columnNames.get(table.name)?.get(name) ?? name;
          await session.copy(relation, table.columns.map((c) => column(c.name)), chunks(table));
          const integers = table.columns.filter((c) => c.kind === 'integer').map((c) => column(c.name));
          if (integers.length) await session.execute(syncSequencesStatement(relation, integers));
        }
        const loaded = { table: table.name, relation, rows: table.rows, ms: performance.now() - t0 };
        report.push(loaded);
        options.onTable?.(loaded);
      }
    });
  } finally {
    await pool?.close();
  }
  const ms = performance.now() - started;
  const rows = report.reduce((n, t) => n + t.rows, 0);
  return { tables: report, rows, ms, rowsPerSecond: ms > 0 ? Math.round((rows * 1000) / ms) : 0 };
}
