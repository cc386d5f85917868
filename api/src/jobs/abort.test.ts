import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { untilAborted } from './abort.js';

describe('untilAborted', () => {
  it('leaves no listener on the signal however many waits end', async () => {
    const controller = new AbortController();
    for (let n = 0; n < 1000; n++) expect(await untilAborted(Promise.resolve(n), controller.signal)).toBe(n);
    await expect(untilAborted(Promise.reject(new Error('boom')), controller.signal)).rejects.toThrow('boom');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects with the reason when the signal aborts first, or already has', async () => {
    const controller = new AbortController();
    const waiting = untilAborted(new Promise(() => {}), controller.signal);
    controller.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    await expect(untilAborted(Promise.resolve(1), controller.signal)).rejects.toThrow('stopped');
  });
});
