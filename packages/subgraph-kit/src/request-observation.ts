import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import type { RequestHandler, Response } from 'express';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_URL_PATH, type RequestTrace, type Tracing } from '@partnergraph/observability';
import type { BaseContext } from './context';

/**
 * Starts the span of each request the internal token let in, continuing the
 * caller's `traceparent` (only the gateway and other subgraphs hold internal
 * tokens, so their sampling decision holds), and ends it when the answer has
 * gone out. The GraphQL context takes it from here (traceOf).
 */
export function traceRequests(tracing: Tracing): RequestHandler {
  return (req, res, next) => {
    const trace = tracing.startRequest(`${req.method} ${req.baseUrl}`, req.headers, { [ATTR_HTTP_REQUEST_METHOD]: req.method, [ATTR_URL_PATH]: req.baseUrl });
    res.locals.trace = trace;
    res.once('close', () => trace.end(res.statusCode));
    next();
  };
}

export function traceOf(res: Response): RequestTrace | undefined {
  return res.locals.trace as RequestTrace | undefined;
}

/**
 * Per request: names its span after the operation (`query PartnerDashboard__device_telemetry__1`)
 * with the allow-listed variables, marks it failed with the code of the
 * answer's first error, and logs one line at debug (the gateway logs each client request at
 * info; a line per subgraph request at info would double that volume).
 */
export function observeOperations(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const startedAt = performance.now();
      return {
        async didResolveOperation({ contextValue, operation, operationName, request }) {
          contextValue.trace?.operationResolved({ type: operation?.operation, name: operationName ?? undefined, variables: request.variables });
        },
        async willSendResponse({ contextValue, operation, operationName, response }) {
          const failure = firstErrorCode(response.body);
          if (failure) contextValue.trace?.fail(failure);
          contextValue.logger.debug('request', {
            operationName: operationName ?? undefined,
            operationType: operation?.operation,
            principal: contextValue.principal.kind,
            status: response.http.status ?? 200,
            durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
          });
        },
      };
    },
  };
}

/** The code of the answer's first error, as the client sees it (masked and classified by formatError). */
export function firstErrorCode(body: GraphQLResponse['body']): string | undefined {
  const [first] = (body.kind === 'single' ? body.singleResult : body.initialResult).errors ?? [];
  if (!first) return undefined;
  const code = first.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}
