// Work of a request run in a generation thread (see preview-pool.ts): a preview (the engine's
// first rows of every table, and the realism report of those rows) or a DDL import (which
// samples generators against CHECK patterns).
// Expected failures come back as data, since an Error loses its class between threads.
import { threadId, type MessagePort } from 'node:worker_threads';
import { FakerError } from '@faker-js/faker';
import { compile, DefinitionError, parseDefinition, previewOf, type DefinitionIssue, type PreviewTable } from '../engine/index.js';
import type { ImportNote, ImportProblem } from '../import/errors.js';
import { previewReport, type Report } from '../report/index.js';
import type { ColumnChoice } from '../import/to-definition.js';

export interface PreviewTask {
  kind?: 'preview';
  definition: unknown;
  seed?: string | number;
  rows: number;
  /** Told when the task starts (with this thread's id), so its time limit leaves out the wait for a thread. */
  started?: MessagePort;
}

export interface ImportTask {
  kind: 'import';
  sql: string;
  started?: MessagePort;
}

export type PreviewReply = { tables: PreviewTable[]; report: Report } | { issues: DefinitionIssue[] } | { generationError: string };
export type ImportReply = { imported: { definition: unknown; notes: ImportNote[]; columns: ColumnChoice[] } } | { importProblems: ImportProblem[] };

function start(task: PreviewTask | ImportTask): void {
  task.started?.postMessage(threadId);
  task.started?.close();
}

export default async function runTask(task: PreviewTask | ImportTask): Promise<PreviewReply | ImportReply> {
  if (task.kind === 'import') {
    // loaded on the first import only (the SQL parser is large), before the task's time starts
    const { importSql, ImportError } = await import('../import/index.js');
    start(task);
    try {
      const { definition, notes, columns } = importSql(task.sql);
      return { imported: { definition, notes, columns } };
    } catch (error) {
      if (error instanceof ImportError) return { importProblems: error.problems };
      throw error;
    }
  }
  start(task);
  try {
    const definition = parseDefinition(task.definition);
    const plan = compile(definition, task.seed === undefined ? {} : { seed: task.seed });
    const tables = previewOf(plan, task.rows);
    return { tables, report: previewReport(plan, definition, tables) };
  } catch (error) {
    if (error instanceof DefinitionError) return { issues: error.issues };
    // faker refusing an option value or a locale lacking a list: the definition's fault
    if (error instanceof FakerError) return { generationError: error.message };
    throw error;
  }
}
