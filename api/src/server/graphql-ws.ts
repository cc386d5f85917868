// graphql-ws on the HTTP server's GraphQL path, following graphql-yoga's graphql-ws example:
// every operation is built by yoga.getEnveloped, so plugins, context and auth match HTTP.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { GraphQLError } from 'graphql';
import { createGraphQLError, type YogaServerInstance } from 'graphql-yoga';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

/** Throws when the connection's `Authorization` is present but not a valid token. */
export type ConnectionAuthorizer = (connectionParams: Record<string, unknown> | undefined) => Promise<unknown>;

function operationError(error: unknown): GraphQLError {
  // by name: a class check can meet another copy of graphql (ESM and CJS builds)
  if (error instanceof Error && error.name === 'GraphQLError') return error as GraphQLError;
  const errorId = randomUUID();
  console.error(`tdg graphql-ws: unexpected error ${errorId} preparing an operation`, error);
  return createGraphQLError(`Unexpected error. (error id ${errorId})`, { extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } });
}

export function attachGraphqlWs(server: Server, yoga: YogaServerInstance<any, any>, authorize: ConnectionAuthorizer) {
  const sockets = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  const wsServer = useServer(
    {
      execute: (args: any) => args.rootValue.execute(args),
      subscribe: (args: any) => args.rootValue.subscribe(args),
      onConnect: async (ctx) => {
        try {
          await authorize(ctx.connectionParams);
          return true;
        } catch {
          return false; // closes with 4403 Forbidden
        }
      },
      onSubscribe: async (ctx, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        // a refused operation (syntax, graphql-armor's depth/cost/alias/token limits, a bad token)
        // answers that operation with its errors; thrown, it would close the socket with 4500 and
        // end every other subscription on it
        try {
          const args = {
            schema,
            operationName: params.operationName,
            document: parse(params.query),
            variableValues: params.variables,
            contextValue: await contextFactory(),
            rootValue: { execute, subscribe },
          };
          const errors = validate(args.schema, args.document);
          return errors.length ? errors : args;
        } catch (error) {
          return [operationError(error)];
        }
      },
    },
    sockets,
  );
  return {
    async close() {
      await wsServer.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}
