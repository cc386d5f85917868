export { startWorker, workerSettings, type RunningWorker, type WorkerOptions } from './worker.js';
export { sweepExpired, startSweeper, type SweepResult } from './sweep.js';
export { folderOf } from './export-paths.js';
export { describeFailure } from './failure.js';
export type { JobPayload } from '../exports/model.js';
