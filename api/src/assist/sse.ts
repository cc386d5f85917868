// Server-sent events (WHATWG "text/event-stream") from a fetch body: both protocols stream in it.

export interface ServerSentEvent {
  event: string;
  data: string;
}

/** Events in order; comments and events without data are skipped, as EventSource does. */
export async function* serverSentEvents(body: AsyncIterable<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  const lineOf = function* (final: boolean) {
    for (;;) {
      const end = buffer.search(/\r\n|\r|\n/);
      if (end < 0) {
        if (final && buffer) {
          const rest = buffer;
          buffer = '';
          yield rest;
        }
        return;
      }
      // a lone \r at the end may be half of \r\n: wait for the next chunk
      if (buffer[end] === '\r' && end === buffer.length - 1 && !final) return;
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
      yield line;
    }
  };
  const take = function* (final: boolean): Generator<ServerSentEvent> {
    for (const line of lineOf(final)) {
      if (line === '') {
        if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
        event = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'event') event = value;
      else if (name === 'data') data.push(value);
    }
  };
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    yield* take(false);
  }
  buffer += decoder.decode();
  yield* take(true);
  if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
}
