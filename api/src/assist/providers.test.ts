// Both adapters against a stand-in server speaking their wire protocol.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AssistError } from './errors.js';
import type { CompletionEvent, ProtocolName, TransportSettings } from './port.js';
import { createProvider, PROTOCOLS } from './providers.js';
import { retryAfterSeconds } from './http.js';
import { startStandIn, STREAMS, type StandIn } from './testing/stand-in.js';

const KEY = 'sk-standin-0123456789abcdef';
const transport: TransportSettings = { timeoutMs: 1_500, maxRetries: 2, maxRetryWaitMs: 5_000 };
const answer = JSON.stringify({ explanation: 'Two tables: people and their "orders".', definition: { version: 1, tables: [] } });
const request = {
  system: 'be brief',
  messages: [{ role: 'user' as const, content: 'shop data' }],
  schemaName: 'tdg_describe',
  schema: { type: 'object', $schema: 'x' },
  maxTokens: 500,
};

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => {
  standIn.requests.length = 0;
});

async function collect(protocol: ProtocolName, settings: Partial<TransportSettings> = {}) {
  const provider = createProvider({ protocol, baseUrl: standIn.url, model: 'stand-in-model', apiKey: KEY }, { ...transport, ...settings });
  const events: CompletionEvent[] = [];
  for await (const event of provider.complete(request)) events.push(event);
  return events;
}

async function failure(protocol: ProtocolName, settings: Partial<TransportSettings> = {}): Promise<AssistError> {
  try {
    await collect(protocol, settings);
  } catch (error) {
    expect(error).toBeInstanceOf(AssistError);
    expect((error as Error).message).not.toContain(KEY);
    return error as AssistError;
  }
  throw new Error('expected the completion to fail');
}

describe.each(Object.keys(PROTOCOLS) as ProtocolName[])('the %s protocol', (protocol) => {
  it('streams the answer in chunks and ends with all of it and the usage', async () => {
    standIn.reply({ events: STREAMS[protocol](answer, { usage: [321, 54] }) });
    const events = await collect(protocol);
    const texts = events.filter((e) => e.type === 'text');
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.map((e) => e.text).join('')).toBe(answer);
    expect(events.at(-1)).toEqual({ type: 'done', text: answer, usage: { inputTokens: 321, outputTokens: 54 } });

    const [seen] = standIn.requests;
    expect(seen.body.stream).toBe(true);
    expect(seen.body.model).toBe('stand-in-model');
    expect(seen.body.max_tokens).toBe(500);
    if (protocol === 'openai') {
      expect(seen.path).toBe('/v1/chat/completions');
      expect(seen.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(seen.body.messages[0]).toEqual({ role: 'system', content: 'be brief' });
      expect(seen.body.response_format.json_schema).toMatchObject({ name: 'tdg_describe', schema: request.schema });
    } else {
      expect(seen.path).toBe('/v1/messages');
      expect(seen.headers['x-api-key']).toBe(KEY);
      expect(seen.headers['anthropic-version']).toBeTruthy();
      expect(seen.body.system).toBe('be brief');
      expect(seen.body.tool_choice).toEqual({ type: 'tool', name: 'tdg_describe' });
      expect(seen.body.tools[0].input_schema).toEqual({ type: 'object' }); // $schema left out
    }
  });

  it('waits as Retry-After says on a 429, then answers', async () => {
    standIn.reply({ status: 429, headers: { 'retry-after': '1' }, body: '{"error":{"message":"slow down"}}' }, { events: STREAMS[protocol](answer) });
    const started = Date.now();
    const events = await collect(protocol);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(events.at(-1)).toMatchObject({ type: 'done', text: answer });
    expect(standIn.requests).toHaveLength(2);
  });

  it('gives up at once when Retry-After is past the bound, saying when to come back', async () => {
    standIn.reply({ status: 429, headers: { 'retry-after': '120' }, body: '{}' });
    const error = await failure(protocol);
    expect(error.code).toBe('rate_limited');
    expect(error.details.retryAfterSeconds).toBe(120);
    expect(standIn.requests).toHaveLength(1);
  });

  it('stops retrying after maxRetries', async () => {
    standIn.reply(...Array.from({ length: 3 }, () => ({ status: 429, headers: { 'retry-after': '0' }, body: '{}' })));
    const error = await failure(protocol, { maxRetries: 2 });
    expect(error.code).toBe('rate_limited');
    expect(standIn.requests).toHaveLength(3);
  });

  it('turns a refused key into an auth error without the key, even when the provider echoes it', async () => {
    standIn.reply({ status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}` } }) });
    const error = await failure(protocol);
    expect(error.code).toBe('auth');
    expect(error.message).toContain('401');
  });

  it('times out when the provider does not answer', async () => {
    standIn.reply({ hang: true });
    const started = Date.now();
    const error = await failure(protocol, { timeoutMs: 300 });
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('says too_long when the answer hit the token limit', async () => {
    standIn.reply({ events: STREAMS[protocol](answer.slice(0, 30), protocol === 'openai' ? { finish: 'length' } : { stop: 'max_tokens' }) });
    expect((await failure(protocol)).code).toBe('too_long');
  });

  it('says malformed when the stream ends before the answer does, or is not JSON', async () => {
    standIn.reply({ events: STREAMS[protocol](answer).slice(0, 4) });
    expect((await failure(protocol)).code).toBe('malformed');
    standIn.reply({ events: ['data: {not json'] });
    expect((await failure(protocol)).code).toBe('malformed');
  });

  it('passes on an error the provider sends mid-stream', async () => {
    const error =
      protocol === 'openai'
        ? 'data: {"error":{"message":"the model crashed"}}'
        : 'event: error\ndata: {"type":"error","error":{"type":"api_error","message":"the model crashed"}}';
    standIn.reply({ events: [...STREAMS[protocol](answer).slice(0, 3), error] });
    const failed = await failure(protocol);
    expect(failed.code).toBe('provider');
    expect(failed.message).toContain('the model crashed');
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterSeconds('7')).toBe(7);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterSeconds('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
    expect(retryAfterSeconds('soon')).toBeUndefined();
    expect(retryAfterSeconds(null)).toBeUndefined();
  });
});
