// Subscriptions outlive the request that checked their token. Before each event reaches a
// subscriber, this asks the (cached) session check again; once the session has ended (logout,
// password change, refresh-token replay, user deleted) the stream sends one UNAUTHENTICATED error
// and completes. Same for graphql-ws and SSE: both run through yoga's envelop.
import type { ExecutionResult } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { SessionCheck } from '../auth/session-check.js';
import type { Claims } from '../db/port.js';

function ended(): ExecutionResult {
  return {
    errors: [
      createGraphQLError('the session of this token has ended (signed out, password changed or user deleted)', {
        extensions: { code: 'UNAUTHENTICATED', reason: 'session_not_found' },
      }),
    ],
  };
}

/** `source`, ended with an error at the first event after `isLive` turns false. */
function guarded(source: AsyncIterable<ExecutionResult>, isLive: () => Promise<boolean>): AsyncIterableIterator<ExecutionResult> {
  const events = source[Symbol.asyncIterator]();
  const done = { value: undefined, done: true } as const;
  let finished = false;
  // an object, not an async generator: return() must reach the source at once, not after its next event
  const stream: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      if (finished) return done;
      const step = await events.next();
      if (step.done || (await isLive())) return step;
      finished = true;
      await events.return?.();
      return { value: ended(), done: false };
    },
    async return() {
      finished = true;
      await events.return?.();
      return done;
    },
    async throw(error) {
      finished = true;
      await events.return?.();
      throw error;
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}

export function useSessionGuard<Context extends { claims: Claims | null }>(sessions: SessionCheck): Plugin<Context> {
  return {
    onSubscribe({ args }) {
      const claims = args.contextValue.claims;
      const sessionId = typeof claims?.session_id === 'string' ? claims.session_id : undefined;
      if (!claims || !sessionId) return;
      return {
        onSubscribeResult({ result, setResult }) {
          if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
            setResult(guarded(result, () => sessions.isLive(sessionId, claims.sub)));
          }
        },
      };
    },
  };
}
