import type { GatewayPlugin } from '@graphql-hive/gateway';
import {
  AccessTokenError,
  ANONYMOUS,
  clientError,
  IDENTITY_TOKEN_HEADER,
  isSubgraphName,
  type AccessTokenVerifier,
  type InternalTokenSigner,
  type Principal,
} from '@partnergraph/core';

/**
 * Makes Hive Gateway do what our gateway does for every request, so that
 * the two are compared on the same work: verify the caller's access token
 * (same verifier, same claims; a bad token is a 401 UNAUTHENTICATED), and sign
 * a fresh internal token for each subgraph request with that subgraph as
 * audience, plus, for subscriptions and device-telemetry, the token for
 * identity's access check that they forward.
 *
 * The tokens travel as the request's header extensions, which Hive's HTTP
 * executor also puts into its in-flight deduplication key: requests of two
 * principals never share a result.
 */
export function usePartnerGraphAuth(options: { verifier: AccessTokenVerifier; signer: InternalTokenSigner }): GatewayPlugin<{ principal: Principal }> {
  return {
    async onContextBuilding({ context, extendContext }) {
      const authorization = context.request.headers.get('authorization') ?? undefined;
      try {
        extendContext({ principal: await options.verifier.authenticate(authorization) });
      } catch (error) {
        if (!(error instanceof AccessTokenError)) throw error;
        throw clientError('UNAUTHENTICATED', `Not signed in: ${error.message}.`, { http: { status: 401 } });
      }
    },
    async onSubgraphExecute({ subgraphName, executionRequest, setExecutionRequest }) {
      if (!isSubgraphName(subgraphName)) throw new Error(`The supergraph names an unknown subgraph "${subgraphName}"`);
      const context: { principal?: Principal } | undefined = executionRequest.context;
      const principal = context?.principal ?? ANONYMOUS;
      const [token, identityToken] = await Promise.all([
        options.signer.sign(principal, subgraphName),
        subgraphName === 'identity' ? undefined : options.signer.sign(principal, 'identity', 'access-decisions'),
      ]);
      const extensions: Record<string, unknown> = executionRequest.extensions ?? {};
      const headers = (extensions.headers ?? {}) as Record<string, string>;
      setExecutionRequest({
        ...executionRequest,
        extensions: {
          ...extensions,
          headers: { ...headers, authorization: `Bearer ${token}`, ...(identityToken ? { [IDENTITY_TOKEN_HEADER]: identityToken } : {}) },
        },
      });
    },
  };
}
