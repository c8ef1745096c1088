import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { Kind, type DocumentNode } from 'graphql';
import type { IRules } from 'graphql-shield';
import type { Metric } from '@partnergraph/observability';
import {
  allowMethods,
  classifyTransientFailure,
  clientError,
  gracefulDrain,
  hostileInputGuard,
  httpErrorResponse,
  internalErrorLogging,
  maskError,
  MAX_VARIABLE_LIMITS,
  requestBodyRefusal,
  routeNotFound,
  SAFE_INTERNAL_MESSAGE,
  type InternalTokenVerifier,
  type Logger,
} from '@partnergraph/core';
import type { Tracing } from '@partnergraph/observability';
import type { BaseContext } from './context';
import type { Database } from './database';
import { compiledExecution } from './compiled-execution';
import { requireInternalToken, type VerifiedCall } from './internal-auth';
import { observeOperations, traceOf, traceRequests } from './request-observation';
import { applyShield } from './shield';
import { databaseForTrace } from './statement-spans';
import type { SubgraphMetrics } from './subgraph-metrics';

/**
 * A subgraph's resolvers: type name → field name → resolver (`__resolveReference`
 * included). Each subgraph types its own with the `Resolvers` type generated from
 * its schema.graphql (`npm run codegen`), which checks arguments, parents and
 * results against the schema; the kit needs no more than the shape.
 */
export type SubgraphResolvers = Readonly<Record<string, object | undefined>>;

/** What buildSubgraphSchema takes as resolvers (@apollo/subgraph's public entry exports no name for it). */
type SubgraphSchemaResolvers = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>['resolvers']>;

/** What a subgraph supplies; the kit turns it into a server. */
export interface SubgraphDefinition<TContext extends BaseContext> {
  /** The name the supergraph gives it: the audience its internal tokens must carry. */
  name: string;
  typeDefs: DocumentNode;
  resolvers: SubgraphResolvers;
  permissions: Record<string, IRules>;
  /** Adds the subgraph's per-request state (its DataLoaders) to the base context. */
  createContext(base: BaseContext, database: Database): TContext;
  /** Plain HTTP routes that need no internal token, such as a public key set. */
  publicRoutes?(app: express.Express): void;
  /**
   * Work the subgraph does besides answering requests, started with the
   * server and stopped (awaited) with it. When it returns a promise, the
   * server is ready only once it has settled: work whose first pass requests
   * rely on (partitions to write into) does that pass first.
   */
  startBackgroundWork?(database: Database, logger: Logger): BackgroundWork | Promise<BackgroundWork>;
  /** Metrics of its own (prom-client metrics registered nowhere), served beside the kit's when METRICS_PORT is set. */
  metrics?: readonly Metric[];
}

export interface BackgroundWork {
  stop(): Promise<void>;
}

export interface SubgraphServerOptions {
  database: Database;
  verifier: InternalTokenVerifier;
  logger: Logger;
  /** Off in production; "Did you mean …?" suggestions go with it. */
  introspection: boolean;
  bodyLimit: string;
  /**
   * `false` leaves graphql-shield out, so that every field is open to every
   * caller the internal token lets in. For the benchmark's shield-overhead
   * comparison only (bench/src/unshielded-device-telemetry.ts): no setting
   * reaches it, and the server logs a warning when it starts that way.
   */
  shield?: boolean;
  /** How long open keep-alive connections are answered (503 SERVICE_STOPPING, Connection: close) at stop before they are closed. */
  shutdownLingerMs: number;
  /** Counts each request's SQL statements into an `x-sql-statements` response header (see StatementCounter for its cost). */
  sqlStatementsPerRequest: boolean;
  /** The subgraph's tracing (createTracing), or undefined when it is off; stop() shuts it down. */
  tracing?: Tracing | undefined;
  /** Requests and access denials are counted here when given (METRICS_PORT set; see createSubgraphMetrics). */
  metrics?: SubgraphMetrics;
}

export interface SubgraphServer {
  httpServer: Server;
  /** Starts Apollo Server and mounts the routes; call before listening. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** How long requests still running at stop may take, after the linger, before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Builds a subgraph's HTTP server (never listens: `index.ts` does, and tests start it in-process). */
export function createSubgraphServer<TContext extends BaseContext>(
  definition: SubgraphDefinition<TContext>,
  options: SubgraphServerOptions,
): SubgraphServer {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const drain = gracefulDrain(httpServer, { lingerMs: options.shutdownLingerMs, graceMs: SHUTDOWN_GRACE_MS });
  const subgraphSchema = buildSubgraphSchema({
    typeDefs: definition.typeDefs,
    resolvers: definition.resolvers as SubgraphSchemaResolvers,
  });
  const unshielded = options.shield === false;
  if (unshielded) options.logger.warn('started without graphql-shield: every field is open to every caller (benchmark only)');
  const schema = unshielded ? subgraphSchema : applyShield(subgraphSchema, definition.permissions, options.metrics?.accessDenied);
  const apollo = new ApolloServer<TContext>({
    gateway: compiledExecution(schema),
    introspection: options.introspection,
    hideSchemaDetailsFromClientErrors: !options.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // The process stops on SIGTERM itself, draining first; Apollo Server's own handler would close the server at
    // once and re-raise the signal, ending the process before the drain (outside NODE_ENV=test, where it is off).
    stopOnTerminationSignals: false,
    // The gateway sends every operation in full; a persisted-query hash that does not match its query failed without a code.
    persistedQueries: false,
    // A database outage or timeout becomes SERVICE_UNAVAILABLE (retryable) here, in one place; other errors are masked as before.
    formatError: (formatted, error) => maskError(classifyTransientFailure(formatted, error), { hideSuggestions: !options.introspection }),
    plugins: [
      internalErrorLogging<TContext>((context) => context.logger ?? options.logger),
      // In depth behind the gateway, with the most any gateway may be configured to pass.
      hostileInputGuard({ variableLimits: MAX_VARIABLE_LIMITS }),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // Its willResolveField hook wraps every field resolver; subgraphs send no cache hints.
      ApolloServerPluginCacheControlDisabled(),
      countStatementsPerRequest(options.database),
      confineScopedTokens(),
      observeOperations(),
      ...(options.metrics ? [options.metrics.requests] : []),
    ],
  });
  let ready = false;

  app.use(drain.middleware);
  definition.publicRoutes?.(app);
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'live', service: definition.name });
  });
  app.get('/health/ready', async (_req, res) => {
    const databaseReachable = ready && (await isReachable(options.database));
    res.status(databaseReachable ? 200 : 503).json({ status: databaseReachable ? 'ready' : 'starting', service: definition.name });
  });
  app.all(['/health/live', '/health/ready'], allowMethods(['GET']));

  let backgroundWork: BackgroundWork | undefined;
  return {
    httpServer,
    async start() {
      await apollo.start();
      const perRequestStatementCount: RequestHandler[] = options.sqlStatementsPerRequest
        ? [(_req, _res, next) => options.database.statements.runRequest(next)]
        : [];
      app.use(
        '/graphql',
        allowMethods(['GET', 'POST']),
        // The token first: nobody but the gateway gets as far as having a body read.
        requireInternalToken(options.verifier, options.logger),
        ...(options.tracing ? [traceRequests(options.tracing)] : []),
        express.json({ limit: options.bodyLimit }),
        ...perRequestStatementCount,
        expressMiddleware(apollo, {
          context: async ({ req, res }) => {
            const requestId = headerValue(req.headers['x-request-id']) ?? randomUUID();
            const { call, identityToken } = res.locals as VerifiedCall;
            const trace = traceOf(res);
            const base: BaseContext = {
              principal: call.principal,
              tokenScope: call.scope,
              identityToken,
              requestId,
              logger: options.logger.child({ requestId, traceId: trace?.traceId }),
              trace,
            };
            // A sampled request reaches the database through a view whose statements are its spans.
            return definition.createContext(base, trace?.recording ? databaseForTrace(options.database, trace) : options.database);
          },
        }),
      );
      app.use(routeNotFound());
      app.use(answerRequestErrors(options.logger));
      backgroundWork = await definition.startBackgroundWork?.(options.database, options.logger);
      ready = true;
    },
    async stop() {
      ready = false;
      await drain.drain();
      await Promise.all([apollo.stop(), backgroundWork?.stop()]);
      await options.tracing?.shutdown();
    },
  };
}

/** Errors raised outside GraphQL (an unreadable body): a code and a safe message, never express's HTML page with its stack. */
function answerRequestErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const requestId = headerValue(req.headers['x-request-id']);
    const refusal = requestBodyRefusal(error);
    if (!refusal) logger.error('request failed', { requestId, error });
    const { status, body } = refusal ?? httpErrorResponse('INTERNAL_SERVER_ERROR', SAFE_INTERNAL_MESSAGE);
    res.status(status).json(body);
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return single && /^[\w-]{1,128}$/.test(single) ? single : undefined;
}

async function isReachable(database: Database): Promise<boolean> {
  try {
    await database.dataSource.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** The only root fields a token of the `access-decisions` scope may run (see INTERNAL_TOKEN_SCOPES). */
const ACCESS_DECISION_FIELDS: ReadonlySet<string> = new Set(['accessDecisions', 'readableOrganizations', '__typename']);

/** Refuses, before execution, any operation a narrowly scoped internal token does not cover. */
function confineScopedTokens(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.tokenScope === 'graph') return;
          const onlyAccessDecisions =
            operation?.operation === 'query' &&
            operation.selectionSet.selections.every(
              (selection) => selection.kind === Kind.FIELD && ACCESS_DECISION_FIELDS.has(selection.name.value),
            );
          if (!onlyAccessDecisions) throw clientError('FORBIDDEN', 'This token allows only the access check.');
        },
      };
    },
  };
}

/** Reports how many SQL statements a request issued, in the `x-sql-statements` response header (only where runRequest counted them). */
function countStatementsPerRequest(database: Database): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const count = database.statements.currentRequestCount();
          if (count !== undefined) response.http.headers.set('x-sql-statements', String(count));
        },
      };
    },
  };
}
