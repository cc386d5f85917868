// Previews are generated in a pool of worker threads (piscina), never on the API's event loop:
// each task has a heap limit and a time limit, and a thread that passes either is ended and
// replaced while the process and every other request go on. Users take turns for the threads
// (fair-queue.ts): a user's tasks wait in a line of their own, so one user's flood is refused
// for its own excess and never makes another user's preview fail.
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { siblingModule, tsxEsmApi } from '../threads/module-worker.js';
import { createFairQueue, QueueRefusal } from './fair-queue.js';
import type { ImportReply, ImportTask, PreviewReply, PreviewTask } from './preview-task.js';

export interface PreviewPoolOptions {
  /** Threads generating previews at once. */
  threads: number;
  /** V8 old-generation heap of each thread, in MB. */
  memoryMb: number;
  /** Time a task may run once a thread has taken it, in ms. */
  timeoutMs: number;
  /** Tasks waiting for a thread, all users together (default 256 per thread). */
  maxQueue?: number;
  /** Tasks one user may have waiting (default 32). */
  maxQueuePerUser?: number;
  /** Tasks of one user handed to the threads at once (default 2 per thread); the rest wait their turn. */
  inThreadsPerUser?: number;
  /** Longest wait for a thread before a task is refused as busy, in ms (default 3 × timeoutMs: long enough for the tasks ahead in its turn to reach their time limit). */
  maxWaitMs?: number;
}

/** A preview stopped by a limit: it ran too long, needed too much memory, or too many were waiting. */
export class PreviewLimitError extends Error {
  override name = 'PreviewLimitError';
  constructor(
    readonly reason: 'time' | 'memory' | 'busy',
    message: string,
    readonly limit: number,
  ) {
    super(message);
  }
}

export interface PreviewPool {
  /** `user` is whose line the task waits in (their `sub`); tasks without one share a line. */
  run(task: Omit<PreviewTask, 'started'>, user?: string): Promise<PreviewReply>;
  /** importSql in a thread, under the same limits (it parses user SQL and samples generators). */
  runImport(sql: string, user?: string): Promise<ImportReply>;
  /** Tasks handed to the pool so far (a preview refused before it runs is not one). */
  readonly tasksRun: number;
  /** Starts the threads now rather than with the first preview (a server: its first users wait no start). */
  warm(): void;
  close(): Promise<void>;
}

/** Allowance for a thread to start (load the engine) before a task's own time begins. */
const STARTUP_MS = 60_000;

// Tasks handed to a thread at once: it runs them one after another without waiting for the API's
// thread in between (which, busy with requests, would otherwise pace the previews). So no task is
// given piscina an abort signal (a thread with an abortable task takes no other); a task past its
// time limit ends its thread by id, and the tasks that thread had not started run again.
const TASKS_PER_THREAD = 16;

export function createPreviewPool(options: PreviewPoolOptions): PreviewPool {
  const task = siblingModule('preview-task', import.meta.url).href;
  const maxQueue = options.maxQueue ?? 256 * options.threads;
  const queue = createFairQueue({
    slots: TASKS_PER_THREAD * options.threads,
    perOwnerSlots: options.inThreadsPerUser ?? 2 * options.threads,
    maxWaiting: maxQueue,
    maxWaitingPerOwner: options.maxQueuePerUser ?? 32,
    maxWaitMs: options.maxWaitMs ?? 3 * options.timeoutMs,
  });
  let pool: Piscina<PreviewTask | ImportTask, PreviewReply | ImportReply> | undefined;
  // made with the first preview (tests and CLI runs that never preview start no thread); then
  // `threads` are kept up, so a thread ended by a limit is replaced for the tasks queued behind it
  const threads = () => {
    if (pool) return pool;
    pool = new Piscina<PreviewTask | ImportTask, PreviewReply | ImportReply>({
      filename: fileURLToPath(new URL('./preview-task-entry.mjs', import.meta.url)),
      workerData: { tsx: task.endsWith('.ts') ? tsxEsmApi() : null, task },
      minThreads: options.threads,
      maxThreads: options.threads,
      concurrentTasksPerWorker: TASKS_PER_THREAD,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: Math.min(32, Math.max(4, options.memoryMb >> 3)) },
    });
    // a replacement thread that fails on its own has no task to fail: nothing to do but not crash
    pool.on('error', () => {});
    return pool;
  };
  let tasksRun = 0;

  async function run(input: Omit<PreviewTask, 'started'> | Omit<ImportTask, 'started'>, user: string): Promise<PreviewReply | ImportReply> {
    // admission here, not piscina's maxQueue (which also counts threads still starting)
    const what = input.kind === 'import' ? 'the import' : 'the preview';
    let release: () => void;
    try {
      release = await queue.acquire(user);
    } catch (error) {
      if (error instanceof QueueRefusal) throw new PreviewLimitError('busy', `${error.message}; try again in a moment`, error.limit);
      throw error;
    }
    try {
      tasksRun++;
      for (let attempt = 0; ; attempt++) {
        const outcome = await runOnce(input, what);
        if ('reply' in outcome) return outcome.reply;
        // ended with its thread before it started (another task's limit): once more
        if (!outcome.started && attempt === 0) continue;
        throw outcome.error;
      }
    } finally {
      release();
    }
  }

  type Outcome = { reply: PreviewReply | ImportReply } | { error: unknown; started: boolean };

  async function runOnce(input: Omit<PreviewTask, 'started'> | Omit<ImportTask, 'started'>, what: string): Promise<Outcome> {
    const { port1, port2 } = new MessageChannel();
    // made when a limit is hit, not for every task (an Error takes its stack trace when made)
    const timeLimit = () => new PreviewLimitError('time', `${what} ran longer than ${options.timeoutMs} ms and was stopped`, options.timeoutMs);
    let limitHit = false;
    let started = false;
    let timer: NodeJS.Timeout | undefined;
    let giveUp!: (outcome: Outcome) => void;
    const gaveUp = new Promise<Outcome>((resolve) => (giveUp = resolve));
    port1.once('message', (threadId: number) => {
      started = true;
      timer = setTimeout(() => {
        limitHit = true;
        // piscina then fails this thread's tasks and starts another thread
        void threads()
          .threads.find((thread) => thread.threadId === threadId)
          ?.terminate();
      }, options.timeoutMs);
    });
    // a task no thread has started in time (threads failing to start): given up, left to finish unseen
    const overall = setTimeout(() => giveUp({ error: timeLimit(), started: true }), options.timeoutMs + STARTUP_MS);
    const ran = threads()
      .run({ ...input, started: port2 } as PreviewTask | ImportTask, { transferList: [port2] })
      .then(
        (reply): Outcome => (limitHit ? { error: timeLimit(), started: true } : { reply }),
        (error): Outcome => {
          if (limitHit) return { error: timeLimit(), started: true };
          const { code, message } = error as { code?: string; message?: string };
          if (code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory limit/i.test(message ?? ''))
            return {
              error: new PreviewLimitError(
                'memory',
                `${what} needed more than the ${options.memoryMb} MB a generation thread may use and was stopped`,
                options.memoryMb,
              ),
              started,
            };
          return { error, started };
        },
      );
    try {
      return await Promise.race([ran, gaveUp]);
    } finally {
      clearTimeout(timer);
      clearTimeout(overall);
      port1.close();
    }
  }

  return {
    run: (task, user = '') => run(task, user) as Promise<PreviewReply>,
    runImport: (sql, user = '') => run({ kind: 'import', sql }, user) as Promise<ImportReply>,
    get tasksRun() {
      return tasksRun;
    },
    warm: () => void threads(),
    close: async () => {
      await pool?.destroy();
    },
  };
}
