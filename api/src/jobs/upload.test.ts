import type { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import type { ExportStorage } from '../storage/port.js';
import { upload } from './upload.js';

const storage = (put: ExportStorage['put']) => ({ put }) as ExportStorage;
const signal = new AbortController().signal;

it('stores what the writer writes, and resolves with what the writer returned and the bytes stored', async () => {
  const parts: Buffer[] = [];
  const store = storage(async (_path, body) => {
    for await (const part of body) parts.push(Buffer.from(part));
    return { path: 'a/b.csv', bytes: Buffer.concat(parts).length } as Awaited<ReturnType<ExportStorage['put']>>;
  });
  const result = await upload(store, 'a/b.csv', signal, async (body) => {
    body.end('id\n1\n');
    return { rows: 1 };
  });
  expect(result).toEqual({ written: { rows: 1 }, bytes: 5 });
  expect(Buffer.concat(parts).toString()).toBe('id\n1\n');
});

it("rejects with the store's own error when the store failed first, not the writer's broken stream", async () => {
  const diskFull = new Error('disk full');
  const store = storage(async (_path, body) => {
    for await (const _ of body) break;
    throw diskFull;
  });
  const writer = (body: PassThrough) =>
    new Promise<{ rows: number }>((_resolve, reject) => {
      body.once('close', () => reject(new Error('stream destroyed')));
      body.write('id\n');
    });
  await expect(upload(store, 'a/b.csv', signal, writer)).rejects.toBe(diskFull);
});

it("rejects with the writer's error when its source failed first", async () => {
  const store = storage(async (_path, body) => {
    for await (const _ of body);
    return { path: 'a/b.csv', bytes: 0 } as Awaited<ReturnType<ExportStorage['put']>>;
  });
  const engineFailed = new Error('engine failed');
  await expect(upload(store, 'a/b.csv', signal, async () => Promise.reject(engineFailed))).rejects.toBe(engineFailed);
});
