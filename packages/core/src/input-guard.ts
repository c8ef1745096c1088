import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { clientError } from './errors';
import { documentValuesProblem, variablesProblem, type VariableLimits } from './text-input';

/**
 * An Apollo Server plugin (typed by shape, so this package needs no server)
 * that refuses, once the operation is chosen and before anything executes,
 * what graphql-js would pass on to a resolver or the database and fail on
 * there: a document whose operation cannot be chosen (OPERATION_NAME_INVALID),
 * a subscription (OPERATION_NOT_SUPPORTED), a literal with invalid characters
 * or a Float out of range, and, with `variableLimits`, variables too deep,
 * too large or holding invalid characters or non-finite numbers. The gateway
 * checks variables before Apollo Server reads them (and passes no limits
 * here); each subgraph checks them here, in depth behind the gateway.
 */
export function hostileInputGuard(options: { variableLimits?: VariableLimits } = {}) {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({
          document,
          operation,
          request,
        }: {
          document: DocumentNode;
          operation?: OperationDefinitionNode | undefined;
          request: { variables?: Record<string, unknown> | undefined };
        }) {
          if (!operation) {
            throw clientError(
              'OPERATION_NAME_INVALID',
              'The document holds several operations: name the one to run in operationName, exactly as the document spells it.',
              { http: { status: 400 } },
            );
          }
          if (operation.operation === 'subscription') {
            throw clientError('OPERATION_NOT_SUPPORTED', 'Subscriptions are not supported: send a query or a mutation.', {
              http: { status: 400 },
            });
          }
          const problem =
            (options.variableLimits ? variablesProblem(request.variables ?? {}, options.variableLimits) : undefined) ??
            documentValuesProblem(document);
          if (problem) throw problem;
        },
      };
    },
  };
}
