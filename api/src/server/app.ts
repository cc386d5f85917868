// One HTTP server: GraphQL over POST/GET/SSE at /graphql, graphql-ws on the same path, and the
// local Supabase Auth stand-in under /auth/v1 when no Supabase project is configured.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createGraphQLError, createLogger, createYoga, maskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import { createAuth, type Auth } from '../auth/setup.js';
import type { SigningKey } from '../auth/signing-key.js';
import { AuthenticationError, bearerToken } from '../auth/token-verifier.js';
import type { Config } from '../config.js';
import { prepareDataDir } from '../data-dir.js';
import { openDatabase } from '../db/open.js';
import type { Claims, Database } from '../db/port.js';
import type { GraphQLContext } from '../graphql/context.js';
import { expectedFailure, maskServerPaths } from '../graphql/expected-errors.js';
import { createExportPubSub, type ExportPubSub } from '../graphql/pubsub.js';
import { schema } from '../graphql/schema/index.js';
import { openFeed } from '../realtime/open.js';
import type { ExportFeed } from '../realtime/port.js';
import { startSweeper } from '../jobs/sweep.js';
import { startWorker, type RunningWorker } from '../jobs/worker.js';
import { openStorage } from '../storage/open.js';
import type { ExportStorage } from '../storage/port.js';
import { createDownloadLinks, downloadLinkKey, type DownloadLinks } from './download-links.js';
import { attachGraphqlWs } from './graphql-ws.js';
import { createPreviewPool, type PreviewPool } from './preview-pool.js';
import { noIntrospection } from './no-introspection.js';
import { useSharedSubscriptionEvents } from './shared-subscription-events.js';
import { useSessionGuard } from './session-guard.js';
import { useBodyLimit } from './body-limit.js';

export interface AppDeps {
  /** Use this database instead of opening one from the config (tests); the app will not close it. */
  db?: Database;
  /** Sign local auth tokens with this key instead of the one kept in the data dir (tests). */
  signingKey?: SigningKey;
  /** The live feed of export events (default: Supabase Realtime or LISTEN/NOTIFY, see realtime/open.ts). */
  feed?: ExportFeed;
  /** Export file storage (default: Supabase Storage or files under the data dir, see storage/open.ts). */
  storage?: ExportStorage;
}

export interface App {
  yoga: YogaServerInstance<Record<string, unknown>, GraphQLContext>;
  server: Server;
  db: Database;
  auth: Auth;
  pubsub: ExportPubSub;
  storage: ExportStorage;
  /** The export workers running in this process (the embedded default). */
  workers: readonly RunningWorker[];
  /** The preview threads (their task counts show what ran). */
  previews: PreviewPool;
  /** Listens on config.port (0: any free port) and resolves to the base URL. */
  start(): Promise<string>;
  stop(): Promise<void>;
}

type InitialContext = { request?: Request; connectionParams?: Record<string, unknown> };

function unauthenticated(error: AuthenticationError) {
  return createGraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', reason: error.code, http: { status: 401 } } });
}

function authorizationOf(initial: InitialContext): unknown {
  const params = initial.connectionParams;
  return initial.request?.headers.get('authorization') ?? params?.Authorization ?? params?.authorization;
}

/** Serves the links of Export.downloadUrl, checking export and user when each is used. */
function downloadRoutes(links: DownloadLinks): Plugin {
  return {
    async onRequest({ url, request, endResponse }) {
      if (url.pathname.startsWith('/downloads/')) endResponse(await links.handle(request));
    },
  };
}

function localAuthRoutes(auth: Auth): Plugin<Record<string, unknown>, { req?: IncomingMessage }> {
  return {
    async onRequest({ url, request, endResponse, serverContext }) {
      if (auth.local && (url.pathname === '/auth/v1' || url.pathname.startsWith('/auth/v1/'))) {
        // the socket peer is the client's address for the rate limits (yoga.fetch in tests has none)
        endResponse(await auth.local.handle(request, serverContext?.req?.socket?.remoteAddress));
      }
    },
  };
}

export async function buildApp(config: Config, deps: AppDeps = {}): Promise<App> {
  const logger = createLogger(config.development ? 'info' : 'warn');
  // before anything opens a file there: an unusable data directory stops the start with its reason
  if (!(config.databaseUrl && config.supabaseUrl && config.supabaseServiceRoleKey) && config.dataDir !== 'memory://') await prepareDataDir(config.dataDir);
  const db = deps.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgliteThread: config.pgliteThread }));
  // every stored export event (API, workers, database functions) reaches subscribers through this
  // one feed, from whichever process wrote it: the transport of the API's pubsub
  const feed = deps.feed ?? openFeed(db, config);
  const pubsub = createExportPubSub(feed);
  await pubsub.open();
  const storage = deps.storage ?? (await openStorage({ ...config, publicUrl: '' }));
  let baseUrl = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '');
  const auth = await createAuth(config, db, { baseUrl: `http://localhost:${config.port}`, signingKey: deps.signingKey });
  // a link lives while its user may read the export and their session lasts (docs/access.md)
  const downloadLinks = createDownloadLinks({
    db,
    storage,
    key: await downloadLinkKey(config),
    sessionLive: (sessionId, userId) => auth.sessions.isLive(sessionId, userId),
  });
  // previews are generated in threads with time and memory limits, never on this event loop
  const previews = createPreviewPool({
    threads: config.limits.previewThreads,
    memoryMb: config.limits.previewMemoryMb,
    timeoutMs: config.limits.previewTimeoutMs,
  });

  async function claimsOf(initial: InitialContext): Promise<Claims | null> {
    const header = authorizationOf(initial);
    if (header == null || header === '') return null;
    const token = bearerToken(header);
    if (!token) throw unauthenticated(new AuthenticationError('bad_jwt', 'Authorization must be "Bearer <access token>"'));
    try {
      // signature, expiry and a session that has not ended (cached briefly, see auth/session-check.ts)
      return await auth.authenticate(token);
    } catch (error) {
      throw error instanceof AuthenticationError ? unauthenticated(error) : error;
    }
  }

  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: config.development ? { subscriptionsProtocol: 'WS' } : false,
    landingPage: false,
    logging: logger,
    cors: {
      origin: config.corsOrigins,
      credentials: true,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['authorization', 'content-type', 'apikey', 'x-client-info', 'x-supabase-api-version', 'accept'],
    },
    // counted by useBodyLimit below, which skips the counting where Content-Length bounds the body
    maxRequestBodySize: false,
    maskedErrors: {
      maskError(error, message, isDev) {
        // an expected failure outside a result union (a tampered cursor) is typed, not masked
        const expected = expectedFailure(error);
        if (expected) return expected;
        const masked = maskError(error, message, isDev) as GraphQLError;
        if (masked.extensions?.unexpected !== true) {
          const text = maskServerPaths(masked.message);
          return text === masked.message ? masked : createGraphQLError(text, { nodes: masked.nodes, path: masked.path, extensions: masked.extensions });
        }
        // the id lets a user quote the failure and us find it in the log; the stack stays there
        const errorId = randomUUID();
        logger.error(`unexpected error ${errorId}`, (error as { originalError?: unknown }).originalError ?? error);
        const { originalError: _logged, ...extensions } = masked.extensions as Record<string, unknown>;
        return createGraphQLError(`${message} (error id ${errorId})`, {
          nodes: masked.nodes,
          path: masked.path,
          extensions: { ...extensions, errorId },
        });
      },
    },
    context: async (initial) => ({
      db,
      pubsub,
      limits: config.limits,
      assist: config.assist,
      previews,
      storage,
      downloadLinks,
      baseUrl: () => baseUrl,
      claims: await claimsOf(initial as InitialContext),
    }),
    plugins: [
      useBodyLimit(config.limits.maxBodyBytes),
      localAuthRoutes(auth),
      downloadRoutes(downloadLinks),
      EnvelopArmorPlugin({
        maxDepth: { n: config.limits.maxQueryDepth },
        costLimit: { maxCost: config.limits.maxQueryCost },
        maxAliases: { n: config.limits.maxAliases },
        maxDirectives: { n: 20 },
        maxTokens: { n: 2000 },
        blockFieldSuggestion: { enabled: !config.development },
      }),
      ...(config.development ? [] : [noIntrospection()]),
      // a thousand followers of one export: each live event is executed once, not a thousand times
      useSharedSubscriptionEvents<GraphQLContext>({ scope: (ctx) => JSON.stringify(ctx.claims) }),
      // an open subscription stops at its next event once its session has ended
      useSessionGuard<GraphQLContext>(auth.sessions),
    ],
  });

  const server = createServer(yoga);
  // graphql-ws goes through yoga.getEnveloped, so context, auth and plugins are those of HTTP
  const graphqlWs = attachGraphqlWs(server, yoga, (connectionParams) => claimsOf({ connectionParams }));
  // the embedded default runs its export worker here; with DATABASE_URL workers are `tdg worker` processes
  const workers: RunningWorker[] = [];
  // generating in a worker thread: an export must not hold up this process's requests
  for (let i = 0; i < config.inProcessWorkers; i++) workers.push(await startWorker({ db, storage, generateInThread: true, progressMs: config.progressMs }));
  // every API process sweeps (expired exports, orphan and stale files): idempotent, so several may
  const sweeper = startSweeper(db, storage);

  return {
    yoga,
    server,
    db,
    auth,
    pubsub,
    storage,
    workers,
    previews,
    start: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          const { port } = server.address() as AddressInfo;
          if (!config.publicUrl) baseUrl = `http://localhost:${port}`;
          resolve(`http://localhost:${port}`);
        });
      }),
    async stop() {
      await sweeper.stop();
      await Promise.all(workers.map((worker) => worker.stop()));
      await graphqlWs.close();
      server.closeAllConnections();
      if (server.listening) await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await yoga.dispose();
      await previews.close();
      await pubsub.close();
      if (!deps.feed) await feed.close();
      if (!deps.db) await db.close();
    },
  };
}
