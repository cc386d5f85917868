// A thread that says the resource limits it runs with (module-worker.test.ts).
import { parentPort, resourceLimits } from 'node:worker_threads';

parentPort!.postMessage(resourceLimits);
