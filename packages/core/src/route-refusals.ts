import { httpErrorResponse } from './request-errors';

/** The little of an HTTP framework's request and response these handlers use (express's fit). */
interface RouteRequest {
  method: string;
}
interface RouteResponse {
  /** Where the gateway keeps the request's id (request-id.ts); subgraphs have none. */
  locals?: object;
  status(code: number): RouteResponse;
  set(field: string, value: string): RouteResponse;
  json(body: unknown): unknown;
}
type RouteHandler = (req: RouteRequest, res: RouteResponse, next: () => void) => void;

/** The request id to put in a refusal's extensions, when the service assigned one. */
function requestIdOf(res: RouteResponse): { requestId?: string } {
  const requestId = res.locals && 'requestId' in res.locals ? res.locals.requestId : undefined;
  return typeof requestId === 'string' ? { requestId } : {};
}

/**
 * Mounted on a path for every method: passes `allowed` methods (and OPTIONS,
 * for CORS preflights) on, answers any other with a JSON 405
 * METHOD_NOT_ALLOWED and the Allow header, instead of a framework's HTML page.
 */
export function allowMethods(allowed: readonly string[]): RouteHandler {
  const passing = new Set([...allowed, 'OPTIONS', ...(allowed.includes('GET') ? ['HEAD'] : [])]);
  return (req, res, next) => {
    if (passing.has(req.method)) {
      next();
      return;
    }
    const { status, body } = httpErrorResponse(
      'METHOD_NOT_ALLOWED',
      `${req.method.slice(0, 20)} is not allowed here: use ${allowed.join(' or ')}.`,
      requestIdOf(res),
    );
    res.status(status).set('allow', allowed.join(', ')).json(body);
  };
}

/** The last route: a JSON 404 ROUTE_NOT_FOUND for any path nothing else answered. */
export function routeNotFound(): RouteHandler {
  return (_req, res) => {
    const { status, body } = httpErrorResponse('ROUTE_NOT_FOUND', 'Nothing is at this path: GraphQL is at /graphql.', requestIdOf(res));
    res.status(status).json(body);
  };
}
