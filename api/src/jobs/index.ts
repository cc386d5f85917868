export { startWorker, workerSettings, type RunningWorker, type WorkerOptions } from './worker.js';
export { sweepExpired, startSweeper, type SweepResult } from './sweep.js';
export { describeFailure, folderOf } from './run-export.js';
export type { JobPayload } from '../exports/model.js';
