import { describe, expect, it } from 'vitest';
import { inheritedYoungGeneration, moduleWorker, siblingModule } from './module-worker.js';

describe('moduleWorker', () => {
  it("gives a thread started without the process's flags the young generation the process has", () => {
    expect(inheritedYoungGeneration(['--max-semi-space-size=64', '--import', 'tsx'])).toEqual({ maxYoungGenerationSizeMb: 192 });
    expect(inheritedYoungGeneration(['--max_semi_space_size=16'])).toEqual({ maxYoungGenerationSizeMb: 48 });
    expect(inheritedYoungGeneration(['--import', 'tsx'])).toEqual({});
  });

  it('names the module beside another of the same kind', () => {
    expect(siblingModule('x-worker', 'file:///a/b/pool.ts').href).toBe('file:///a/b/x-worker.ts');
    expect(siblingModule('x-worker', 'file:///a/b/pool.js').href).toBe('file:///a/b/x-worker.js');
  });

  it('starts a TypeScript entry whose thread runs with that young generation', async () => {
    const worker = moduleWorker(siblingModule('testing/heap-worker', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 96 } });
    const limits = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
    await worker.terminate();
    expect(limits).toMatchObject({ maxYoungGenerationSizeMb: 96 });
  });
});
