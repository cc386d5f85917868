import { describe, expect, it } from 'vitest';
import { serverSentEvents } from './sse.js';

async function eventsOf(chunks: string[]) {
  const body = (async function* () {
    for (const chunk of chunks) yield new TextEncoder().encode(chunk);
  })();
  const out = [];
  for await (const event of serverSentEvents(body)) out.push(event);
  return out;
}

describe('serverSentEvents', () => {
  const text = 'event: a\ndata: {"x":1}\n\n: comment\ndata: two\ndata: lines\n\nevent: b\r\ndata: crlf\r\n\r\ndata: [DONE]\n\n';
  const expected = [
    { event: 'a', data: '{"x":1}' },
    { event: 'message', data: 'two\nlines' },
    { event: 'b', data: 'crlf' },
    { event: 'message', data: '[DONE]' },
  ];

  it('reads events, comments, multi-line data and CRLF', async () => {
    expect(await eventsOf([text])).toEqual(expected);
  });

  it('gives the same events however the bytes are cut, also inside a CRLF or a UTF-8 character', async () => {
    const withUnicode = text + 'data: é😀\n\n';
    const bytes = new TextEncoder().encode(withUnicode);
    const whole = await eventsOf([withUnicode]);
    for (let cut = 1; cut < bytes.length; cut += 3) {
      const decoder = (async function* () {
        yield bytes.slice(0, cut);
        yield bytes.slice(cut);
      })();
      const out = [];
      for await (const event of serverSentEvents(decoder)) out.push(event);
      expect(out).toEqual(whole);
    }
    expect(whole.at(-1)).toEqual({ event: 'message', data: 'é😀' });
  });

  it('ends with the last event even without a blank line', async () => {
    expect(await eventsOf(['data: last'])).toEqual([{ event: 'message', data: 'last' }]);
  });
});
