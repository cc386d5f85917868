// A stand-in provider for tests: a real HTTP server that answers each request with the next
// scripted reply, written as the wire protocol writes it (SSE chunks, error bodies, Retry-After,
// or no answer at all), and keeps what it was sent.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** SSE events (each `event: x\ndata: y`), written one chunk each. */
  events?: string[];
  /** A plain body (an error's JSON). */
  body?: string;
  /** Never answer (a timeout); the socket is closed when the stand-in is. */
  hang?: boolean;
}

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

export interface StandIn {
  url: string;
  requests: SeenRequest[];
  /** Queue replies, used in order; with none left the answer is a 500. */
  reply(...replies: Reply[]): void;
  close(): Promise<void>;
}

export async function startStandIn(): Promise<StandIn> {
  const queue: Reply[] = [];
  const requests: SeenRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : null });
      const reply = queue.shift() ?? { status: 500, body: '{"error":{"message":"no scripted reply"}}' };
      if (reply.hang) {
        hanging.add(res);
        return;
      }
      if (reply.events) {
        res.writeHead(reply.status ?? 200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...reply.headers });
        writeEvents(res, reply.events);
        return;
      }
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    reply: (...replies) => queue.push(...replies),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// one write per event, each after the last was flushed, so the client sees separate chunks
function writeEvents(res: ServerResponse, events: string[]): void {
  let i = 0;
  const next = () => {
    if (i === events.length) {
      res.end();
      return;
    }
    res.write(`${events[i++]}\n\n`, () => setImmediate(next));
  };
  next();
}

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** A chat-completions stream whose content is `answer`, in pieces of `size` characters. */
export function chatCompletionsStream(answer: string, options: { size?: number; finish?: string; usage?: [number, number] } = {}): string[] {
  const chunk = (delta: object, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', model: 'stand-in', choices: [{ index: 0, delta, finish_reason: finish }] })}`;
  const [input, output] = options.usage ?? [120, 80];
  return [
    chunk({ role: 'assistant', content: '' }),
    ...pieces(answer, options.size ?? 17).map((piece) => chunk({ content: piece })),
    chunk({}, options.finish ?? 'stop'),
    `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output } })}`,
    'data: [DONE]',
  ];
}

/** A messages stream with one tool_use block whose input is `answer`, in pieces of `size` characters. */
export function messagesStream(answer: string, options: { size?: number; stop?: string; usage?: [number, number] } = {}): string[] {
  const event = (type: string, data: object) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}`;
  const [input, output] = options.usage ?? [120, 80];
  return [
    event('message_start', {
      message: { id: 'm1', type: 'message', role: 'assistant', content: [], model: 'stand-in', usage: { input_tokens: input, output_tokens: 1 } },
    }),
    event('content_block_start', { index: 0, content_block: { type: 'tool_use', id: 't1', name: 'tdg', input: {} } }),
    'event: ping\ndata: {"type": "ping"}',
    ...pieces(answer, options.size ?? 17).map((piece) => event('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: piece } })),
    event('content_block_stop', { index: 0 }),
    event('message_delta', { delta: { stop_reason: options.stop ?? 'tool_use', stop_sequence: null }, usage: { output_tokens: output } }),
    event('message_stop', {}),
  ];
}

/** The stream of either protocol. */
export const STREAMS = { openai: chatCompletionsStream, anthropic: messagesStream } as const;
