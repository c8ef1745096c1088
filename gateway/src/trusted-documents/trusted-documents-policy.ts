import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { clientError, type Logger } from '@partnergraph/core';
import type { GatewayContext } from '../context';
import { clientNameOf, modeOf, type TrustedDocumentsPolicy } from './policy';
import type { DocumentStore } from './store';

/**
 * Applies TRUSTED_DOCUMENTS once the operation is known and before the gateway
 * plans it: for a client name in `known` mode an operation whose text is not
 * a document published for that name is refused (PERSISTED_DOCUMENT_REQUIRED,
 * 403); in `log-unknown` mode it runs and one line logs its name and hash
 * (never its variables). API clients (partners' scripts) send any operation
 * whatever client name they give.
 */
export function trustedDocumentsPolicy(options: {
  policy: TrustedDocumentsPolicy;
  store: DocumentStore | undefined;
  logger: Logger;
}): ApolloServerPlugin<GatewayContext> {
  const { policy, store, logger } = options;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, contextValue, queryHash, operationName }) {
          const clientName = request.http ? clientNameOf(request.http.headers) : '';
          const mode = modeOf(policy, clientName);
          if (mode === 'any' || contextValue.principal.kind === 'api-client') return;
          let known: boolean;
          try {
            known = store !== undefined && (await store.find(clientName, queryHash)) !== undefined;
          } catch (error) {
            logger.warn('persisted document lookup failed', { requestId: contextValue.requestId, error });
            throw clientError('SERVICE_UNAVAILABLE', 'The persisted documents cannot be read now; retry shortly.', {
              http: { status: 503, headers: new HeaderMap([['retry-after', '1']]) },
            });
          }
          if (known) return;
          const fields = { requestId: contextValue.requestId, client: clientName, operationName: operationName ?? '(anonymous)', documentId: queryHash };
          if (mode === 'log-unknown') {
            logger.info('unknown operation', fields);
            return;
          }
          logger.info('request refused', { ...fields, code: 'PERSISTED_DOCUMENT_REQUIRED' });
          throw clientError(
            'PERSISTED_DOCUMENT_REQUIRED',
            `The client ${JSON.stringify(clientName)} runs only published documents, and this operation is not one of them.`,
            { http: { status: 403 } },
          );
        },
      };
    },
  };
}
