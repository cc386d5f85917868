// A run under a lease: a heartbeat renews it, and the run's signal aborts when the lease is lost,
// the export cancelled (a notice runs the check at once) or the worker stops.
import type { LeaseState } from '../exports/model.js';
import type { JobContext } from './job-context.js';

/** Why a run stopped early. */
export class Interrupted extends Error {
  constructor(readonly state: LeaseState | 'stopping') {
    super(`export run interrupted: ${state}`);
  }
}

/**
 * Runs `check` now, or — while one runs — once more after it, however often it was asked meanwhile:
 * a cancel notice during a renewal that read the old status must not wait for the next beat.
 */
function oneAtATime(check: () => Promise<void>): () => void {
  let running = false;
  let askedAgain = false;
  const run = () => {
    if (running) {
      askedAgain = true;
      return;
    }
    running = true;
    check().finally(() => {
      running = false;
      if (askedAgain) {
        askedAgain = false;
        run();
      }
    });
  };
  return run;
}

/** Runs `fn` with a heartbeat; its signal aborts with an Interrupted when the lease is no longer held. */
export async function withLease<T>(ctx: JobContext, exportId: string, renew: () => Promise<LeaseState>, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = () => controller.abort(new Interrupted('stopping'));
  if (ctx.stopping.aborted) stop();
  ctx.stopping.addEventListener('abort', stop, { once: true });
  const check = oneAtATime(async () => {
    if (controller.signal.aborted) return;
    const state = await renew().catch(() => 'held' as const); // a missed heartbeat is retried; the lease outlives several
    if (state !== 'held') controller.abort(new Interrupted(state));
  });
  const timer = setInterval(check, ctx.heartbeatMs);
  const unwatch = ctx.watch(exportId, check);
  try {
    return await fn(controller.signal);
  } catch (error) {
    throw controller.signal.aborted ? (controller.signal.reason as Error) : error;
  } finally {
    clearInterval(timer);
    unwatch();
    ctx.stopping.removeEventListener('abort', stop);
  }
}
