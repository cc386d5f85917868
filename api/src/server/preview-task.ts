// One preview, run in a preview thread (see preview-pool.ts): the engine's first rows of every
// table. Expected failures come back as data, since an Error loses its class between threads.
import type { MessagePort } from 'node:worker_threads';
import { FakerError } from '@faker-js/faker';
import { DefinitionError, previewRows, type DefinitionIssue, type PreviewTable } from '../engine/index.js';

export interface PreviewTask {
  definition: unknown;
  seed?: string | number;
  rows: number;
  /** Told when the task starts, so its time limit leaves out the wait for a thread. */
  started?: MessagePort;
}

export type PreviewReply = { tables: PreviewTable[] } | { issues: DefinitionIssue[] } | { generationError: string };

export default function runPreview(task: PreviewTask): PreviewReply {
  task.started?.postMessage('started');
  task.started?.close();
  try {
    return { tables: previewRows(task.definition, task.seed, task.rows) };
  } catch (error) {
    if (error instanceof DefinitionError) return { issues: error.issues };
    // faker refusing an option value or a locale lacking a list: the definition's fault
    if (error instanceof FakerError) return { generationError: error.message };
    throw error;
  }
}
