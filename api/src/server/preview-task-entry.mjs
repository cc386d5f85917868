// The module piscina loads in each preview thread. From TypeScript sources (tsx, tests) the thread
// starts a fresh module graph without tsx's loader, so it registers tsx before the task module.
import { workerData } from 'node:worker_threads';

const { tsx, task } = workerData;
if (tsx) (await import(tsx)).register();
export default (await import(task)).default;
