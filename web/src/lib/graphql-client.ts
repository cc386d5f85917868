// One urql client per signed-in user: HTTP for queries and mutations, graphql-ws for subscriptions.
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import type { WebConfig } from './config.js';

export interface TokenSource {
  accessToken(): string | null;
  freshAccessToken(): Promise<string | null>;
}

export interface GraphqlClient {
  client: Client;
  ws: WsClient;
  dispose(): void;
}

export function createGraphqlClient(config: Pick<WebConfig, 'graphqlUrl' | 'graphqlWsUrl'>, tokens: TokenSource): GraphqlClient {
  const ws = createWsClient({
    url: config.graphqlWsUrl,
    lazy: true,
    // A dropped socket is reconnected forever (with graphql-ws' backoff); subscriptions resume on it.
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    connectionParams: async () => {
      const token = await tokens.freshAccessToken();
      return token ? { Authorization: `Bearer ${token}` } : {};
    },
  });

  const client = new Client({
    url: config.graphqlUrl,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => {
      const token = tokens.accessToken();
      return token ? { headers: { Authorization: `Bearer ${token}` } } : {};
    },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  return { client, ws, dispose: () => void ws.dispose() };
}
