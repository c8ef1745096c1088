import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ANONYMOUS, clientError, IDENTITY_TOKEN_HEADER, type InternalTokenSigner, type Logger } from '@partnergraph/core';
import type { GatewayContext } from './context';
import type { SubgraphFetchMetrics } from './metrics/gateway-metrics';
import type { SubgraphFetcher } from './subgraph-fetcher';
import { SubgraphFetchSpans } from './subgraph-fetch-spans';
import type { SubgraphRoute } from './subgraph-routes';

/**
 * Sends one subgraph its share of a query plan as its route says: signed with
 * an internal token whose audience is that subgraph's name, plus a token
 * for identity scoped to its access check that subgraphs built with the kit
 * forward to ask what the principal may see; the client headers the route
 * forwards; its own timeout. A subgraph that does not answer becomes
 * SUBGRAPH_UNAVAILABLE naming the service; its fields come back null.
 * Requests go out through `fetcher` (createSubgraphFetcher), not `fetch`.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly fetchSpans: SubgraphFetchSpans;

  constructor(
    private readonly route: SubgraphRoute,
    private readonly signer: InternalTokenSigner,
    private readonly logger: Logger,
    fetcher: SubgraphFetcher,
    private readonly fetches?: SubgraphFetchMetrics,
  ) {
    super({ url: route.url, fetcher: fetcher.fetch });
    this.fetchSpans = new SubgraphFetchSpans(route);
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { request, context } = options;
    const headers = request.http?.headers;
    if (!headers) return;
    const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext.request.http?.headers : undefined;
    for (const name of this.route.forwardHeaders) {
      const value = incoming?.get(name);
      if (value !== undefined && value !== null) headers.set(name, value);
    }
    const principal = 'principal' in context && context.principal ? context.principal : ANONYMOUS;
    if (this.route.sign) headers.set('authorization', `Bearer ${await this.signer.sign(principal, this.route.name)}`);
    if (this.route.accessCheck) headers.set(IDENTITY_TOKEN_HEADER, await this.signer.sign(principal, 'identity', 'access-decisions'));
    if ('requestId' in context && typeof context.requestId === 'string') headers.set('x-request-id', context.requestId);
    this.fetchSpans.propagate(options, headers);
  }

  /** Each fetch is a span when the request is traced, and is timed for the metrics (METRICS_PORT) by how it ended. */
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    return this.fetchSpans.around(options, () => this.timed(options));
  }

  private async timed(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    if (!this.fetches) return super.process(options);
    const started = performance.now();
    try {
      const response = await super.process(options);
      this.fetches.observe(this.route.name, response.errors?.length ? 'errors' : 'ok', (performance.now() - started) / 1000);
      return response;
    } catch (error) {
      this.fetches.observe(this.route.name, 'failed', (performance.now() - started) / 1000);
      throw error;
    }
  }

  override didEncounterError(error: Error, _request: unknown, _response: unknown, context?: GatewayContext): never {
    // One line (message, code, subgraph, request id); the logger adds the stack only at the debug level.
    this.logger.error('subgraph request failed', {
      subgraph: this.route.name,
      code: 'SUBGRAPH_UNAVAILABLE',
      requestId: context?.requestId,
      traceId: context?.observation?.trace?.traceId,
      error,
    });
    throw clientError('SUBGRAPH_UNAVAILABLE', `The ${this.route.name} service is unavailable.`, { serviceName: this.route.name });
  }
}
