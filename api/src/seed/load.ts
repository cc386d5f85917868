// Definition → rows → COPY, parent tables first, all in one transaction: a failure leaves nothing.
import { compile, generateRows, parseDefinition } from '../engine/index.js';
import type { TableShape } from '../engine/shape.js';
import { copyLines } from './copy-text.js';
import type { Relation, SeedTarget } from './target.js';

/** Options of a seed run. */
export interface SeedOptions {
  /** Seed of the generation (same seed, same rows). */
  seed?: string | number;
  /** Rows of every table, overriding the definition. */
  rows?: number;
  /** Rows generated and sent per chunk (default 5000). */
  batchSize?: number;
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

const POSTGRES_PREFIX = /^postgres: ("?)([^".\s]+)\1\.("?)([^"\s]+)\3/;

/** The relation a definition table loads into: its description names it when it is not public.<name>. */
export function relationOf(table: { name: string; description?: string | undefined }): Relation {
  const m = table.description ? POSTGRES_PREFIX.exec(table.description) : null;
  return m ? { schema: m[2]!, name: m[4]! } : { schema: 'public', name: table.name };
}

export async function seedDatabase(definitionJson: unknown, target: SeedTarget, options: SeedOptions = {}): Promise<SeedReport> {
  const definition = parseDefinition(definitionJson);
  const plan = compile(definition, { ...(options.seed !== undefined ? { seed: options.seed } : {}), ...(options.rows !== undefined ? { rows: options.rows } : {}) });
  const descriptions = new Map(definition.tables.map((t) => [t.name, t.description]));
  const batchSize = options.batchSize ?? 5000;
  const report: TableLoaded[] = [];
  const started = performance.now();
  await target.transaction(async (session) => {
    for (const table of plan.tables as TableShape[]) {
      const relation = relationOf({ name: table.name, description: descriptions.get(table.name) });
      const t0 = performance.now();
      async function* chunks(): AsyncGenerator<string> {
        for (const batch of generateRows(plan, table.name, 0, table.rows, batchSize)) yield copyLines(batch, table.columns);
      }
      if (table.rows > 0) await session.copy(relation, table.columns.map((c) => c.name), chunks());
      const loaded = { table: table.name, relation, rows: table.rows, ms: performance.now() - t0 };
      report.push(loaded);
      options.onTable?.(loaded);
    }
  });
  const ms = performance.now() - started;
  const rows = report.reduce((n, t) => n + t.rows, 0);
  return { tables: report, rows, ms, rowsPerSecond: ms > 0 ? Math.round((rows * 1000) / ms) : 0 };
}
