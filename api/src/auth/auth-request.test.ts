import { describe, expect, it } from 'vitest';
import { clientAddress, readJsonBody } from './auth-request.js';

const request = (headers: Record<string, string> = {}, body?: BodyInit) =>
  new Request('http://localhost/auth/v1/token', {
    method: 'POST',
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);

describe('client address', () => {
  it('is the socket peer unless proxies are trusted, so a forged X-Forwarded-For escapes no limit', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '10.9.9.9' }), '203.0.113.5', 0)).toBe('203.0.113.5');
    expect(clientAddress(request(), undefined, 0)).toBe('unknown');
  });

  it('with N trusted proxies, is the address the outermost proxy saw, not what the client wrote left of it', () => {
    const forged = request({ 'x-forwarded-for': '10.9.9.9, 198.51.100.7' });
    expect(clientAddress(forged, '127.0.0.1', 1)).toBe('198.51.100.7');
    const twoHops = request({ 'x-forwarded-for': '10.9.9.9, 198.51.100.7, 172.16.0.2' });
    expect(clientAddress(twoHops, '127.0.0.1', 2)).toBe('198.51.100.7');
    expect(clientAddress(request(), '127.0.0.1', 1)).toBe('127.0.0.1');
  });
});

describe('capped JSON body', () => {
  it('parses an object within the cap and refuses more, arrays and garbage', async () => {
    await expect(readJsonBody(request({}, '{"a":1}'), 100)).resolves.toEqual({ a: 1 });
    await expect(readJsonBody(request({}, JSON.stringify({ a: 'x'.repeat(200) })), 100)).rejects.toMatchObject({
      status: 413,
      code: 'request_entity_too_large',
    });
    await expect(readJsonBody(request({}, '[1]'), 100)).rejects.toMatchObject({ status: 400, code: 'bad_json' });
    await expect(readJsonBody(request({}, '{'), 100)).rejects.toMatchObject({ status: 400, code: 'bad_json' });
  });

  it('stops reading a body without Content-Length once it passes the cap', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024).fill(32));
      },
    });
    await expect(readJsonBody(request({}, endless), 10 * 1024)).rejects.toMatchObject({ status: 413 });
    expect(pulled).toBeLessThan(20);
  });
});
