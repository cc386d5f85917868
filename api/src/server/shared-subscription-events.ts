// Subscriptions whose source events are shared (one feed event object reaches every follower of
// an export) execute each event once per distinct operation: subscribers with the same document,
// operation name, variables and caller get the same ExecutionResult object, computed by the first
// of them. Each subscriber still has its own source stream (replay, access checks) and its own
// result hooks (masking), so what one sees never depends on who else is subscribed.
// graphql/index.js, not graphql: the file Node resolves for Pothos and yoga, also under vitest
// (whose resolver would pick index.mjs, a second graphql-js that rejects the schema's types)
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql/index.js';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export interface SharedSubscriptionEventsOptions<Context> {
  /** What results may depend on besides the operation (the caller); undefined: never share. */
  scope: (context: Context) => string | undefined;
}

type MaybePromise<T> = T | Promise<T>;

const printed = new WeakMap<DocumentNode, string>();
const printOnce = (document: DocumentNode) => {
  let text = printed.get(document);
  if (text === undefined) printed.set(document, (text = print(document)));
  return text;
};

/** Per event object: results by operation key. Dropped with the event. */
const resultsByEvent = new WeakMap<object, Map<string, MaybePromise<ExecutionResult>>>();

function executeShared(args: ExecutionArgs, event: unknown, key: string | undefined): MaybePromise<ExecutionResult> {
  const run = () => execute({ ...args, rootValue: event });
  if (key === undefined || typeof event !== 'object' || event === null) return run();
  let results = resultsByEvent.get(event);
  if (!results) resultsByEvent.set(event, (results = new Map()));
  let result = results.get(key);
  if (result === undefined) results.set(key, (result = run()));
  return result;
}

/** graphql-js's MapSourceToResponseEvent, with one execution per (event, operation key). */
function mapSourceToResponse(args: ExecutionArgs, source: AsyncIterable<unknown>, key: string | undefined): AsyncGenerator<ExecutionResult, void> {
  const events = source[Symbol.asyncIterator]();
  const operation = getOperationAST(args.document, args.operationName);
  const done = { value: undefined, done: true } as const;
  return {
    async next() {
      let step: IteratorResult<unknown>;
      try {
        step = await events.next();
      } catch (error) {
        // as graphql-tools' executor reports a failing source stream
        throw createGraphQLError((error as Error).message, { originalError: error as Error, nodes: operation ? [operation] : undefined });
      }
      if (step.done) return done;
      return { value: await executeShared(args, step.value, key), done: false };
    },
    async return() {
      await events.return?.();
      return done;
    },
    async throw(error) {
      await events.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

export function useSharedSubscriptionEvents<Context>(options: SharedSubscriptionEventsOptions<Context>): Plugin<Context & Record<string, any>> {
  return {
    onSubscribe({ subscribeFn, setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const source = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in source)) {
          const { errors = [] } = source as ExecutionResult;
          // errors before any resolver ran (variables): let the default executor word them as it does
          if (errors.some((error) => !(error instanceof GraphQLError) || error.path === undefined)) return subscribeFn(args);
          return source;
        }
        const scope = options.scope(args.contextValue as Context);
        const key =
          scope === undefined ? undefined : JSON.stringify([printOnce(args.document), args.operationName ?? null, args.variableValues ?? null, scope]);
        return mapSourceToResponse(args, source, key);
      });
    },
  };
}
