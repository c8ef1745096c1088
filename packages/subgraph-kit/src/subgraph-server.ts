import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { Kind, type DocumentNode } from 'graphql';
import type { IRules } from 'graphql-shield';
import {
  clientError,
  httpErrorResponse,
  internalErrorLogging,
  maskError,
  requestBodyRefusal,
  SAFE_INTERNAL_MESSAGE,
  type InternalTokenVerifier,
  type Logger,
} from '@partnergraph/core';
import type { BaseContext } from './context';
import type { Database } from './database';
import { requireInternalToken, type VerifiedCall } from './internal-auth';
import { applyShield } from './shield';

/** What a subgraph supplies; the kit turns it into a server. */
export interface SubgraphDefinition<TContext extends BaseContext> {
  /** The name the supergraph gives it: the audience its internal tokens must carry. */
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
  permissions: Record<string, IRules>;
  /** Adds the subgraph's per-request state (its DataLoaders) to the base context. */
  createContext(base: BaseContext, database: Database): TContext;
  /** Plain HTTP routes that need no internal token, such as a public key set. */
  publicRoutes?(app: express.Express): void;
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
  /** Counts each request's SQL statements into an `x-sql-statements` response header (see StatementCounter for its cost). */
  sqlStatementsPerRequest: boolean;
}

export interface SubgraphServer {
  httpServer: Server;
  /** Starts Apollo Server and mounts the routes; call before listening. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds a subgraph's HTTP server (never listens: `index.ts` does, and tests start it in-process). */
export function createSubgraphServer<TContext extends BaseContext>(
  definition: SubgraphDefinition<TContext>,
  options: SubgraphServerOptions,
): SubgraphServer {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const subgraphSchema = buildSubgraphSchema({
    typeDefs: definition.typeDefs,
    resolvers: definition.resolvers as GraphQLResolverMap<unknown>,
  });
  const unshielded = options.shield === false;
  if (unshielded) options.logger.warn('started without graphql-shield: every field is open to every caller (benchmark only)');
  const schema = unshielded ? subgraphSchema : applyShield(subgraphSchema, definition.permissions);
  const apollo = new ApolloServer<TContext>({
    schema,
    introspection: options.introspection,
    hideSchemaDetailsFromClientErrors: !options.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    formatError: (formatted) => maskError(formatted, { hideSuggestions: !options.introspection }),
    plugins: [
      internalErrorLogging<TContext>((context) => context.logger ?? options.logger),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // Its willResolveField hook wraps every field resolver; subgraphs send no cache hints.
      ApolloServerPluginCacheControlDisabled(),
      countStatementsPerRequest(options.database),
      confineScopedTokens(),
    ],
  });
  let ready = false;

  definition.publicRoutes?.(app);
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'live', service: definition.name });
  });
  app.get('/health/ready', async (_req, res) => {
    const databaseReachable = ready && (await isReachable(options.database));
    res.status(databaseReachable ? 200 : 503).json({ status: databaseReachable ? 'ready' : 'starting', service: definition.name });
  });

  return {
    httpServer,
    async start() {
      await apollo.start();
      const perRequestStatementCount: RequestHandler[] = options.sqlStatementsPerRequest
        ? [(_req, _res, next) => options.database.statements.runRequest(next)]
        : [];
      app.use(
        '/graphql',
        // The token first: nobody but the gateway gets as far as having a body read.
        requireInternalToken(options.verifier, options.logger),
        express.json({ limit: options.bodyLimit }),
        ...perRequestStatementCount,
        expressMiddleware(apollo, {
          context: async ({ req, res }) => {
            const requestId = headerValue(req.headers['x-request-id']) ?? randomUUID();
            const { call, identityToken } = res.locals as VerifiedCall;
            const base: BaseContext = {
              principal: call.principal,
              tokenScope: call.scope,
              identityToken,
              requestId,
              logger: options.logger.child({ requestId }),
            };
            return definition.createContext(base, options.database);
          },
        }),
      );
      app.use(answerRequestErrors(options.logger));
      ready = true;
    },
    async stop() {
      ready = false;
      await apollo.stop();
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
