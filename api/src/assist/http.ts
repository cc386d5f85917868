// One POST to a provider, as both adapters make it: a timeout over the whole answer, 429/503 retried
// after Retry-After (bounded), and every failure an AssistError whose text holds no key.
import { setTimeout as sleep } from 'node:timers/promises';
import { AssistError, redacted } from './errors.js';
import type { TransportSettings } from './port.js';
import { serverSentEvents, type ServerSentEvent } from './sse.js';

export interface ProviderRequest {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  /** Strings to cut out of any error text (the key). */
  secrets: (string | undefined)[];
  signal?: AbortSignal;
}

/** Seconds of a Retry-After header (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

function timedOut(transport: TransportSettings): AssistError {
  return new AssistError('timeout', `the provider did not answer within ${transport.timeoutMs} ms`);
}

/** The events of a streamed answer; throws AssistError for any status but 2xx. */
export async function* streamEvents(request: ProviderRequest, transport: TransportSettings): AsyncGenerator<ServerSentEvent> {
  const timeout = AbortSignal.timeout(transport.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const response = await send(request, transport, signal);
  if (!response.body) throw new AssistError('malformed', 'the provider answered with no body');
  try {
    yield* serverSentEvents(response.body as unknown as AsyncIterable<Uint8Array>);
  } catch (error) {
    if (timeout.aborted) throw timedOut(transport);
    throw error;
  }
}

async function send(request: ProviderRequest, transport: TransportSettings, signal: AbortSignal): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...request.headers },
        body: JSON.stringify(request.body),
        signal,
      });
    } catch (error) {
      if (signal.aborted && !request.signal?.aborted) throw timedOut(transport);
      if (request.signal?.aborted) throw error;
      throw new AssistError('provider', `cannot reach the provider: ${redacted((error as Error).message, request.secrets)}`);
    }
    if (response.ok) return response;
    const text = redacted(await response.text().catch(() => ''), request.secrets);
    if (response.status === 429 || response.status === 503) {
      const wait = retryAfterSeconds(response.headers.get('retry-after'));
      const waitMs = (wait ?? 2 ** attempt) * 1000;
      if (attempt >= transport.maxRetries || waitMs > transport.maxRetryWaitMs) {
        throw new AssistError(
          'rate_limited',
          `the provider is busy (${response.status}); try again${wait === undefined ? ' later' : ` in ${Math.ceil(wait)} s`}`,
          {
            status: response.status,
            retryAfterSeconds: wait === undefined ? undefined : Math.ceil(wait),
          },
        );
      }
      try {
        await sleep(waitMs, undefined, { signal });
      } catch {
        throw request.signal?.aborted ? new AssistError('timeout', 'cancelled') : timedOut(transport);
      }
      continue;
    }
    const code = response.status === 401 || response.status === 403 ? 'auth' : 'provider';
    throw new AssistError(code, `the provider answered ${response.status}${text ? `: ${text}` : ''}`, { status: response.status });
  }
}

/** JSON of one event's data, or a malformed error naming the protocol. */
export function eventJson(event: ServerSentEvent, protocol: string): any {
  try {
    return JSON.parse(event.data);
  } catch {
    throw new AssistError('malformed', `${protocol}: an event's data is not JSON (${event.data.slice(0, 80)})`);
  }
}
