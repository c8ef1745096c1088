import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type RequestHandler } from 'express';
import {
  AccessTokenError,
  clientError,
  createAccessTokenVerifier,
  createInternalTokenSigner,
  internalErrorLogging,
  isSubgraphName,
  maskError,
  type Logger,
} from '@partnergraph/core';
import { disableApolloTelemetryByDefault, type GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { SubgraphDataSource } from './subgraph-data-source';
import { supergraphFromFile } from './supergraph-file';
import { tokenEndpoint } from './token-endpoint';

export interface GatewayServer {
  httpServer: Server;
  /** Loads the supergraph and starts answering GraphQL; health routes answer before. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the gateway's HTTP server; never listens (`index.ts` does, tests start it in-process). */
export async function createGatewayServer(config: GatewayConfig, logger: Logger): Promise<GatewayServer> {
  disableApolloTelemetryByDefault();
  const signer = await createInternalTokenSigner({
    privateKeyPem: config.internalTokenPrivateKey,
    ttlSeconds: config.internalTokenTtlSeconds,
  });
  const accessTokens = createAccessTokenVerifier({
    keys: { jwksUrl: config.authJwksUrl },
    issuer: config.authIssuer,
    audience: config.authAudience,
  });
  let supergraphLoaded = false;
  let identityUrl: string | undefined;
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(config.supergraphPath, logger, () => {
      supergraphLoaded = true;
    }),
    buildService({ name, url }) {
      if (!isSubgraphName(name)) throw new Error(`The supergraph names an unknown subgraph "${name}"`);
      const routingUrl = config.subgraphUrls[name] ?? url;
      if (!routingUrl) throw new Error(`The supergraph gives no routing URL for subgraph "${name}"`);
      if (name === 'identity') identityUrl = routingUrl;
      return new SubgraphDataSource(name, routingUrl, signer, logger, config.subgraphTimeoutMs);
    },
    logger: {
      debug: (message) => logger.debug(String(message)),
      info: (message) => logger.info(String(message)),
      warn: (message) => logger.warn(String(message)),
      error: (message) => logger.error(String(message)),
    },
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const production = config.nodeEnv === 'production';
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    formatError: (formatted) => maskError(formatted),
    plugins: [
      internalErrorLogging<GatewayContext>((context) => logger.child({ requestId: context.requestId })),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
    ],
  });

  let graphqlHandler: RequestHandler | undefined;
  app.use((_req, res, next) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.set('x-request-id', requestId);
    next();
  });
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'live' });
  });
  app.get('/health/ready', (_req, res) => {
    const ready = graphqlHandler !== undefined && supergraphLoaded;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'starting' });
  });
  app.use(
    tokenEndpoint({
      identityUrl: () => identityUrl,
      signer,
      logger,
      timeoutMs: config.subgraphTimeoutMs,
      bodyLimit: config.bodyLimit,
    }),
  );
  app.use(
    '/graphql',
    cors({ origin: [...config.corsOrigins], credentials: false }),
    express.json({ limit: config.bodyLimit }),
    (req, res, next) => {
      if (graphqlHandler) {
        void graphqlHandler(req, res, next);
        return;
      }
      res
        .status(503)
        .set('Retry-After', '1')
        .json({ errors: [{ message: 'The gateway is starting.', extensions: { code: 'SERVICE_STARTING' } }] });
    },
  );

  return {
    httpServer,
    async start() {
      await apollo.start();
      graphqlHandler = expressMiddleware(apollo, {
        context: async ({ req, res }) => {
          const requestId = String(res.locals.requestId);
          try {
            return { principal: await accessTokens.authenticate(req.headers.authorization), requestId };
          } catch (error) {
            if (!(error instanceof AccessTokenError)) throw error;
            throw clientError('UNAUTHENTICATED', `Not signed in: ${error.message}.`, { http: { status: 401 } });
          }
        },
      });
      logger.info('supergraph loaded', { path: config.supergraphPath });
    },
    async stop() {
      graphqlHandler = undefined;
      await apollo.stop();
    },
  };
}
