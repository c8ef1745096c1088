import { createServer, type Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import {
  ANONYMOUS,
  AccessTokenError,
  allowMethods,
  clientError,
  createAccessTokenVerifier,
  createInternalTokenSigner,
  gracefulDrain,
  hostileInputGuard,
  internalErrorLogging,
  internalTokenJwks,
  INTERNAL_TOKEN_JWKS_PATH,
  maskError,
  routeNotFound,
  type Logger,
  type Principal,
} from '@partnergraph/core';
import { createTracing, startMetricsServer, type MetricsServer, type SpanExporter } from '@partnergraph/observability';
import { disableApolloTelemetryByDefault, type GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { explorerLandingPage, explorerRoutes } from './explorer';
import { withFailingService } from './failing-service';
import { setUpFieldUsage } from './field-usage';
import { answerRequestErrors, sendError } from './http-errors';
import { guardVariables } from './input-guards';
import { createLiveTransports } from './live';
import { answerIntrospectionLocally } from './local-introspection';
import { createGatewayMetrics } from './metrics/gateway-metrics';
import { guardOperations } from './operation-guards';
import { operationLimits } from './operation-limits';
import { operationSpans, queryPlanResolved } from './operation-spans';
import { outageStatus } from './outage-status';
import { createMemoryRateLimitStore, createRateLimiter, rateLimitKey } from './rate-limit';
import { createRedisRateLimitStore } from './redis-rate-limit-store';
import { observationOf, observeRequests } from './request-observation';
import { assignRequestId, currentRequestId, requestIdOf, withRequestIdOf } from './request-id';
import { useCompiledResultShaping } from './result-shaping';
import { SubgraphDataSource } from './subgraph-data-source';
import { createSubgraphFetcher, type SubgraphFetcher } from './subgraph-fetcher';
import { readSubgraphRoute, subgraphNamesOf, unusedSubgraphVariables } from './subgraph-routes';
import { supergraphFromFile } from './supergraph-file';
import { tokenEndpoint } from './token-endpoint';
import { createTokenRateLimiter } from './token-rate-limit';
import { setUpTrustedDocuments } from './trusted-documents';

/** How long requests still running at stop may take, after SHUTDOWN_LINGER_MS, before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface GatewayServer {
  httpServer: Server;
  /** Loads the supergraph and starts answering GraphQL; health routes answer before. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface GatewayServerOptions {
  /** Where spans go instead of OTLP (tests: an InMemorySpanExporter); tracing is then on with the config's other settings. */
  traceExporter?: SpanExporter;
}

/** Builds the gateway's HTTP server; never listens (`index.ts` does, tests start it in-process). */
export async function createGatewayServer(config: GatewayConfig, logger: Logger, options: GatewayServerOptions = {}): Promise<GatewayServer> {
  disableApolloTelemetryByDefault();
  useCompiledResultShaping();
  const tracing = createTracing(config.tracing, { service: 'gateway', callerDecidesSampling: false, exporter: options.traceExporter, logger });
  const signer = await createInternalTokenSigner({
    privateKeyPem: config.internalTokenPrivateKey,
    ttlSeconds: config.internalTokenTtlSeconds,
  });
  // METRICS_PORT 0 (the default): nothing is counted, and no port opened.
  const metrics = config.metricsPort === 0 ? undefined : createGatewayMetrics();
  const tokenVerifier = createAccessTokenVerifier({
    keys: { jwksUrl: config.authJwksUrl },
    issuer: config.authIssuer,
    audience: config.authAudience,
  });
  const accessTokens = metrics ? metrics.countAuthenticationFailures(tokenVerifier) : tokenVerifier;
  const trustedDocuments = await setUpTrustedDocuments(config, logger);
  const fieldUsage = await setUpFieldUsage(config, metrics?.registry, logger);
  let supergraphLoaded = false;
  let apiSchema: GraphQLSchema | undefined;
  let identityUrl: string | undefined;
  const fetchers: SubgraphFetcher[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(config.supergraphPath, logger, (sdl) => {
      supergraphLoaded = true;
      const unused = unusedSubgraphVariables(subgraphNamesOf(sdl), config.subgraphEnvironment);
      if (unused.length > 0) logger.warn('settings name no subgraph of the supergraph', { variables: unused.join(',') });
    }),
    buildService({ name, url }) {
      const route = readSubgraphRoute(name, url, config.subgraphEnvironment, { timeoutMs: config.subgraphTimeoutMs, urls: config.subgraphUrls });
      if (name === 'identity') identityUrl = route.url;
      const fetcher = createSubgraphFetcher(route.timeoutMs);
      fetchers.push(fetcher);
      return new SubgraphDataSource(route, signer, logger, fetcher, metrics?.subgraphFetches);
    },
    experimental_didResolveQueryPlan: ({ requestContext }) => queryPlanResolved(requestContext.context),
    logger: {
      debug: (message) => logger.debug(String(message)),
      info: (message) => logger.info(String(message)),
      warn: (message) => logger.warn(String(message)),
      error: (message) => logger.error(String(message)),
    },
  });

  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded }) => {
    apiSchema = loaded;
  });

  const app = express();
  app.disable('x-powered-by');
  // Behind load balancers, anonymous callers are told apart (for rate limits) by the address they forward.
  if (config.trustProxyHops > 0) app.set('trust proxy', config.trustProxyHops);
  const httpServer = createServer(app);
  // On stop: running requests finish with Connection: close, new ones on open connections get 503 SERVICE_STOPPING (SHUTDOWN_LINGER_MS).
  const drain = gracefulDrain(httpServer, { lingerMs: config.shutdownLingerMs, graceMs: SHUTDOWN_GRACE_MS });
  const production = config.nodeEnv === 'production';
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // The process stops on SIGTERM itself, draining first; Apollo Server's own handler would close the server at
    // once and re-raise the signal, ending the process before the drain (outside NODE_ENV=test, where it is off).
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    // Apollo's automatic persisted queries would be cached in each gateway's memory: documents sent by id are
    // published ones, read from PostgreSQL (trusted-documents/).
    persistedQueries: false,
    formatError: (formatted, error) => {
      const masked = maskError(withFailingService(formatted, error), { hideSuggestions: production });
      return { ...masked, extensions: { ...masked.extensions, requestId: currentRequestId() } };
    },
    plugins: [
      internalErrorLogging<GatewayContext>((context) => logger.child({ requestId: context.requestId, traceId: context.observation?.trace?.traceId })),
      operationSpans(),
      // Variables were checked before Apollo Server read them (guardVariables).
      hostileInputGuard(),
      answerIntrospectionLocally(),
      operationLimits(
        {
          maxDepth: config.maxQueryDepth,
          maxAliases: config.maxQueryAliases,
          maxDirectives: config.maxQueryDirectives,
          maxCost: config.maxQueryCost,
        },
        logger,
      ),
      outageStatus<GatewayContext>(),
      trustedDocuments.plugin,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      explorerLandingPage(config.explorer),
      ...(metrics ? [metrics.requests] : []),
      ...(fieldUsage ? [fieldUsage.plugin] : []),
    ],
  });

  const live = createLiveTransports({
    settings: config.live,
    bodyLimit: config.bodyLimit,
    maxTokens: config.maxQueryTokens,
    apiSchema: () => (graphqlHandler ? apiSchema : undefined),
    async execute(request, contextValue) {
      const response = await apollo.executeOperation(request, { contextValue });
      if (response.body.kind !== 'single') throw new Error('a live feed answered incrementally');
      return response.body.singleResult;
    },
    verifier: accessTokens,
    logger,
  });
  metrics?.watchSubscriptions(live.operations.openSubscriptions);

  const rateLimitStore =
    config.rateLimitPerMinute === 0 && config.tokenRateLimitPerMinute === 0
      ? undefined
      : config.redisUrl
        ? createRedisRateLimitStore({ url: config.redisUrl, logger })
        : createMemoryRateLimitStore();
  const rateLimiter =
    config.rateLimitPerMinute === 0 || !rateLimitStore
      ? undefined
      : createRateLimiter({ perMinute: config.rateLimitPerMinute, store: rateLimitStore, logger, onRefused: metrics?.rateLimitRefusals('graphql') });
  const tokenRateLimiter =
    config.tokenRateLimitPerMinute === 0 || !rateLimitStore
      ? undefined
      : createTokenRateLimiter({
          perMinute: config.tokenRateLimitPerMinute,
          store: rateLimitStore,
          logger,
          onRefused: metrics?.rateLimitRefusals('oauth_token'),
        });

  let graphqlHandler: RequestHandler | undefined;
  let metricsServer: MetricsServer | undefined;
  app.use(assignRequestId);
  app.use(observeRequests({ logger, tracing }));
  app.use(drain.middleware);
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'live' });
  });
  const internalJwks = await internalTokenJwks(config.internalTokenPrivateKey);
  // The public key of the internal tokens, for subgraphs outside this repository that verify them.
  app.get(INTERNAL_TOKEN_JWKS_PATH, (_req, res) => {
    res.set('cache-control', 'public, max-age=300').json(internalJwks);
  });
  app.get('/health/ready', (_req, res) => {
    const ready = graphqlHandler !== undefined && supergraphLoaded;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'starting' });
  });
  app.all(['/health/live', '/health/ready', INTERNAL_TOKEN_JWKS_PATH], allowMethods(['GET']));
  app.use(explorerRoutes(config.explorer));
  app.use(
    tokenEndpoint({
      identityUrl: () => identityUrl,
      signer,
      logger,
      timeoutMs: config.subgraphTimeoutMs,
      bodyLimit: config.bodyLimit,
      rateLimiter: tokenRateLimiter,
    }),
  );
  app.all('/oauth/token', allowMethods(['POST']));
  // Before /graphql, which would take this path as well.
  app.use(
    '/graphql/stream',
    allowMethods(['GET', 'POST']),
    cors({ origin: [...config.corsOrigins], credentials: false }),
    express.json({ limit: config.bodyLimit }),
    live.sse,
  );
  app.use(
    '/graphql',
    allowMethods(['GET', 'POST']),
    cors({ origin: [...config.corsOrigins], credentials: false }),
    express.json({ limit: config.bodyLimit }),
    trustedDocuments.resolveById,
    guardOperations({ maxTokens: config.maxQueryTokens, logger }),
    guardVariables({ limits: { maxDepth: config.maxVariablesDepth, maxValues: config.maxVariablesValues }, logger }),
    (req, res, next) => {
      const handler = graphqlHandler;
      if (handler) {
        void withRequestIdOf(res, () => handler(req, res, next));
        return;
      }
      res.set('Retry-After', '1');
      sendError(res, 'SERVICE_STARTING', 'The gateway is starting.');
    },
  );
  app.use(routeNotFound());
  app.use(answerRequestErrors(logger));

  return {
    httpServer,
    async start() {
      await apollo.start();
      live.attachWebSocket(httpServer);
      graphqlHandler = expressMiddleware(apollo, {
        context: async ({ req, res }) => {
          const requestId = requestIdOf(res);
          const observation = observationOf(res);
          let principal: Principal;
          try {
            principal = await accessTokens.authenticate(req.headers.authorization);
          } catch (error) {
            if (!(error instanceof AccessTokenError)) throw error;
            // Bad tokens spend the address's allowance: guessing at tokens is throttled too.
            await rateLimiter?.check(rateLimitKey(ANONYMOUS, req.ip), requestId);
            throw clientError('UNAUTHENTICATED', `Not signed in: ${error.message}.`, { http: { status: 401 } });
          }
          observation.principal = principal;
          await rateLimiter?.check(rateLimitKey(principal, req.ip), requestId);
          return { principal, requestId, observation };
        },
      });
      logger.info('supergraph loaded', { path: config.supergraphPath });
      if (metrics) {
        metricsServer = await startMetricsServer({ registry: metrics.registry, host: config.metricsHost, port: config.metricsPort });
        logger.info('serving metrics', { url: `http://${config.metricsHost}:${metricsServer.port}/metrics` });
      }
    },
    async stop() {
      await live.close();
      await drain.drain();
      graphqlHandler = undefined;
      await apollo.stop();
      await Promise.all(fetchers.map((fetcher) => fetcher.close()));
      await rateLimitStore?.close();
      await trustedDocuments.close();
      await fieldUsage?.close();
      await metricsServer?.close();
      await tracing?.shutdown();
    },
  };
}
