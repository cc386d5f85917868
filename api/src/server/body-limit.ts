// The GraphQL endpoint's request-body cap. yoga's own (maxRequestBodySize) pipes every body through
// a TransformStream and builds a second Request to count its bytes, even when a valid
// Content-Length already bounds it — about 4 % of the API thread under load. Node's HTTP parser
// reads exactly Content-Length bytes as the body (and refuses a request that also says
// Transfer-Encoding), so a declared length within the cap needs no counting: only a body sent
// without one (chunked) is counted as it streams, and stopped once it passes the cap.
import { createGraphQLError, type Plugin } from 'graphql-yoga';

const tooLarge = () => createGraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });

// a single non-negative integer; anything else (signs, lists joined by commas) is refused outright
const CONTENT_LENGTH = /^\d+$/;

/** What a request's Content-Length says about the cap: within it, past it, or not declared. */
export function declaredLength(header: string | null, limit: number): 'within' | 'absent' {
  if (header == null) return 'absent';
  if (!CONTENT_LENGTH.test(header)) {
    throw createGraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
  }
  if (Number(header) > limit) throw tooLarge();
  return 'within';
}

/** A copy of `request` whose body errors with 413 once more than `limit` bytes have streamed. */
function countedBody(request: Request, limit: number, fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream }): Request {
  const body = request.body!;
  // a native stream pipes through the native TransformStream, a ponyfilled one through the ponyfill
  const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let read = 0;
  const counted = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: counted,
    // @ts-expect-error: Node's fetch needs it for a stream body; the DOM types do not know it
    duplex: 'half',
  });
}

/** Use with yoga's `maxRequestBodySize: false`: the same cap and the same errors, counted only when needed. */
export function useBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (declaredLength(request.headers.get('content-length'), limit) === 'within') return;
      if (requestParser == null || request.body == null) return;
      const parse = requestParser;
      setRequestParser((req) => parse(countedBody(req, limit, fetchAPI as never)));
    },
  };
}
