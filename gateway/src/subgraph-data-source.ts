import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { clientError, IDENTITY_TOKEN_HEADER, type InternalTokenSigner, type Logger, type SubgraphName } from '@partnergraph/core';
import type { GatewayContext } from './context';

/**
 * Sends one subgraph its share of a query plan, signed with a fresh internal
 * token whose audience is that subgraph. Subgraphs other than identity also
 * get a token for identity scoped to its access check, which they forward to
 * ask what the principal may see. A subgraph that does not answer
 * becomes SUBGRAPH_UNAVAILABLE naming the service; its fields come back null.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: SubgraphName,
    url: string,
    private readonly signer: InternalTokenSigner,
    private readonly logger: Logger,
    timeoutMs: number,
  ) {
    super({
      url,
      fetcher: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) } as RequestInit) as never,
    });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const headers = request.http?.headers;
    if (!headers) return;
    const principal = 'principal' in context && context.principal ? context.principal : { kind: 'anonymous' as const };
    headers.set('authorization', `Bearer ${await this.signer.sign(principal, this.subgraph)}`);
    if (this.subgraph !== 'identity') {
      headers.set(IDENTITY_TOKEN_HEADER, await this.signer.sign(principal, 'identity', 'access-decisions'));
    }
    if ('requestId' in context && typeof context.requestId === 'string') headers.set('x-request-id', context.requestId);
  }

  override didEncounterError(error: Error, _request: unknown, _response: unknown, context?: GatewayContext): never {
    // One line (message, code, subgraph, request id); the logger adds the stack only at the debug level.
    this.logger.error('subgraph request failed', { subgraph: this.subgraph, code: 'SUBGRAPH_UNAVAILABLE', requestId: context?.requestId, error });
    throw clientError('SUBGRAPH_UNAVAILABLE', `The ${this.subgraph} service is unavailable.`, { serviceName: this.subgraph });
  }
}
