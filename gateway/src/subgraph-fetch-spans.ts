import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  endSpan,
  failureOf,
  SpanKind,
  type Attributes,
  type Span,
} from '@partnergraph/observability';
import type { GatewayContext } from './context';
import type { RequestObservation } from './request-observation';
import type { SubgraphRoute } from './subgraph-routes';

type Options = GraphQLDataSourceProcessOptions<GatewayContext>;

/**
 * One subgraph's fetches as spans: in a sampled request each fetch is a
 * CLIENT span `subgraph <name>` under `graphql.execute`, and every request to
 * the subgraph (sampled or not, when tracing is on) carries the W3C
 * `traceparent` of its place in the trace, so the subgraph's spans join it
 * or, unsampled, are not recorded either. Where the subgraph is comes from
 * its route, never a credential the URL might hold.
 */
export class SubgraphFetchSpans {
  private readonly attributes: Attributes;
  /** The span of each fetch in flight, by the request process() hands willSendRequest. */
  private readonly open = new WeakMap<object, Span>();

  constructor(private readonly route: SubgraphRoute) {
    const url = new URL(route.url);
    this.attributes = {
      'subgraph.name': route.name,
      [ATTR_HTTP_REQUEST_METHOD]: 'POST',
      [ATTR_SERVER_ADDRESS]: url.hostname,
      [ATTR_SERVER_PORT]: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
      [ATTR_URL_PATH]: url.pathname,
    };
  }

  /** Runs one fetch (RemoteGraphQLDataSource's process) inside its span. */
  async around<T extends { http?: { status?: number } | undefined }>(options: Options, fetch: () => Promise<T>): Promise<T> {
    const observation = observationOf(options);
    const span = observation?.trace?.startSpan(`subgraph ${this.route.name}`, {
      kind: SpanKind.CLIENT,
      attributes: this.attributes,
      parent: observation.execution,
    });
    if (!span) return fetch();
    this.open.set(options.request, span);
    try {
      const response = await fetch();
      if (response.http?.status !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.http.status);
      endSpan(span);
      return response;
    } catch (error) {
      endSpan(span, failureOf(error));
      throw error;
    }
  }

  /** Sets the trace context headers of the request willSendRequest is preparing. */
  propagate(options: Options, headers: { set(name: string, value: string): void }): void {
    const trace = observationOf(options)?.trace;
    if (!trace) return;
    for (const [name, value] of Object.entries(trace.headers(this.open.get(options.request)))) headers.set(name, value);
  }
}

/** Health checks and schema loads are no client's request. */
function observationOf(options: Options): RequestObservation | undefined {
  return 'incomingRequestContext' in options ? options.context.observation : undefined;
}
