// Worker threads generating COPY text for row ranges; chunks come back in row order.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChunkReply, ChunkRequest } from './generate-worker.js';

/** tsx's ESM API (its `import` export), found from its package.json. */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  return pathToFileURL(join(dirname(manifest), 'dist/esm/api/index.mjs')).href;
}

interface Pending {
  resolve: (text: string) => void;
  reject: (error: Error) => void;
}

export class GeneratorPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { job: ChunkRequest; pending: Pending }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(definition: unknown, options: { seed?: string | number; rows?: number }, readonly size: number) {
    const typescript = import.meta.url.endsWith('.ts');
    const url = new URL(`./generate-worker${typescript ? '.ts' : '.js'}`, import.meta.url);
    // workers start a fresh module graph: from TypeScript sources, tsx is registered there first
    const source = typescript
      ? `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`
      : undefined;
    for (let i = 0; i < size; i++) {
      const worker = source ? new Worker(source, { eval: true, workerData: { definition, options } }) : new Worker(url, { workerData: { definition, options } });
      worker.on('message', (reply: ChunkReply) => {
        const p = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if ('error' in reply) p?.reject(new Error(reply.error));
        else p?.resolve(reply.text);
        this.release(worker);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => code !== 0 && this.fail(new Error(`a generator worker exited with code ${code}`)));
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    for (const { pending } of this.queue.splice(0)) pending.reject(error);
  }

  private release(worker: Worker): void {
    const next = this.queue.shift();
    if (next) this.send(worker, next.job, next.pending);
    else this.idle.push(worker);
  }

  private send(worker: Worker, job: ChunkRequest, pending: Pending): void {
    this.pending.set(job.id, pending);
    worker.postMessage(job);
  }

  /** COPY text of rows [start, end) of a table. */
  chunk(table: string, start: number, end: number): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<string>((resolve, reject) => {
      const job = { id: this.nextId++, table, start, end };
      const worker = this.idle.pop();
      if (worker) this.send(worker, job, { resolve, reject });
      else this.queue.push({ job, pending: { resolve, reject } });
    });
  }

  /** All rows of a table as COPY text, in order, a few chunks ahead of the consumer. */
  async *table(table: string, rows: number, chunkRows: number): AsyncGenerator<string> {
    const inflight: Promise<string>[] = [];
    let next = 0;
    const request = () => {
      const p = this.chunk(table, next, Math.min(rows, next + chunkRows));
      p.catch(() => {}); // awaited below; a consumer that stops early must not leave it unhandled
      inflight.push(p);
      next += chunkRows;
    };
    while (next < rows && inflight.length < this.size * 2) request();
    while (inflight.length > 0) {
      const text = await inflight.shift()!;
      if (next < rows) request();
      yield text;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
