import type { RequestHandler, Response } from 'express';
import type { Logger, Principal } from '@partnergraph/core';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_URL_PATH, type RequestTrace, type Span, type Tracing } from '@partnergraph/observability';
import { requestIdOf } from './request-id';

/** The routes whose path names a request's span; any other path (a 404) is named by its method only. */
const NAMED_PATHS: ReadonlySet<string> = new Set(['/graphql', '/graphql/stream', '/oauth/token']);
/** The longest path a request line shows (a 404's path is the client's). */
const MAX_LOGGED_PATH = 200;
/** An operationName as the client sent it, shown when the request ended before its operation was resolved, if it is a GraphQL name. */
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

/**
 * What the gateway learns about one HTTP request as it goes, for its log
 * line and its trace: filled in by the context function (the principal) and
 * the operation plugin (operation-spans.ts), read when the answer has gone.
 */
export interface RequestObservation {
  readonly requestId: string;
  /** The request's trace when tracing is on; its span is the root of the gateway's spans. */
  readonly trace: RequestTrace | undefined;
  principal?: Principal;
  /** The operation's name and type, once resolved (operation-spans.ts); before that the log line shows the name the client sent. */
  operationName?: string;
  operationType?: string;
  /** Open from the start of execution until the plan is ready (graphql.plan). */
  planning?: Span | undefined;
  /** Open while the plan runs (graphql.execute): the subgraph fetches are its children. */
  execution?: Span | undefined;
}

/**
 * Per request (health checks aside): starts its span (SERVER, continuing a
 * client's valid `traceparent`) and, when the answer has gone out or the
 * client went away, logs one line at info: `request` with the operation's
 * name and type, the caller's kind and organization, the HTTP status, the
 * duration, the request id and the trace id. Never a token, a variable or a
 * header.
 */
export function observeRequests(options: { logger: Logger; tracing: Tracing | undefined }): RequestHandler {
  return (req, res, next) => {
    if (req.path.startsWith('/health/')) {
      next();
      return;
    }
    const startedAt = performance.now();
    const path = req.path;
    const trace = options.tracing?.startRequest(NAMED_PATHS.has(path) ? `${req.method} ${path}` : req.method, req.headers, {
      [ATTR_HTTP_REQUEST_METHOD]: req.method,
      [ATTR_URL_PATH]: NAMED_PATHS.has(path) ? path : '(other)',
    });
    const observation: RequestObservation = { requestId: requestIdOf(res), trace };
    res.locals.observation = observation;
    res.once('close', () => {
      trace?.end(res.statusCode);
      options.logger.info('request', {
        requestId: observation.requestId,
        traceId: trace?.traceId,
        path: path.length > MAX_LOGGED_PATH ? `${path.slice(0, MAX_LOGGED_PATH)}…` : path,
        operationName: observation.operationName ?? sentOperationName(req.body),
        operationType: observation.operationType,
        principal: observation.principal?.kind,
        organizationId: organizationOf(observation.principal),
        status: res.statusCode,
        durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
        ...(res.writableFinished ? {} : { aborted: true }),
      });
    });
    next();
  };
}

/** The observation observeRequests made for this request. */
export function observationOf(res: Response): RequestObservation {
  return res.locals.observation as RequestObservation;
}

function sentOperationName(body: unknown): string | undefined {
  const name = typeof body === 'object' && body !== null && 'operationName' in body ? body.operationName : undefined;
  return typeof name === 'string' && OPERATION_NAME.test(name) ? name : undefined;
}

function organizationOf(principal: Principal | undefined): string | undefined {
  switch (principal?.kind) {
    case 'user':
      return principal.organizationId;
    case 'api-client':
      return principal.partnerOrganizationId;
    default:
      return undefined;
  }
}
