import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { validate, type DocumentNode, type GraphQLError } from 'graphql';
import { clientError, type ErrorCode, type Logger } from '@partnergraph/core';
import type { GatewayContext } from './context';
import { operationCost } from './query-cost';

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;
type RejectCallback = NonNullable<NonNullable<ArmorConfig['maxDepth']>['onReject']>[number];

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
}

/**
 * Refuses, once the operation is known and before the gateway plans it, an
 * operation nested deeper than `maxDepth` fields (fragments add no depth),
 * with more than `maxAliases` aliases or `maxDirectives` directives
 * (graphql-armor's rules), or whose answer could hold more than `maxCost`
 * objects (see operationCost). Each refusal is a 400 with its own code and the
 * limit. Introspection is not counted against depth: Sandbox's query nests
 * deeper than any of ours. Depth, aliases and directives depend on the
 * document alone, so they are checked once per parsed document (Apollo
 * Server keeps one per query text); the cost, which depends on the
 * variables, per request.
 */
export function operationLimits(limits: OperationLimits, logger: Logger): ApolloServerPlugin<GatewayContext> {
  const refuse =
    (code: ErrorCode, message: string, limit: number): RejectCallback =>
    (context) =>
      context?.reportError(clientError(code, message, { limit, http: { status: 400 } }));
  const { validationRules } = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [refuse('QUERY_TOO_DEEP', `The operation nests fields more than ${limits.maxDepth} levels deep.`, limits.maxDepth)],
    },
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [refuse('TOO_MANY_ALIASES', `The operation uses more than ${limits.maxAliases} aliases.`, limits.maxAliases)],
    },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [refuse('TOO_MANY_DIRECTIVES', `The operation uses more than ${limits.maxDirectives} directives.`, limits.maxDirectives)],
    },
    // The gateway counts tokens before Apollo Server parses (operation-guards) and costs with variables and defaults (query-cost).
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();

  const documentLimits = new WeakMap<DocumentNode, GraphQLError | null>();
  const overDocumentLimit = (schema: Parameters<typeof validate>[0], document: DocumentNode): GraphQLError | null => {
    let error = documentLimits.get(document);
    if (error === undefined) {
      error = validate(schema, document, validationRules)[0] ?? null;
      documentLimits.set(document, error);
    }
    return error;
  };

  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const refused = (error: GraphQLError): never => {
            logger.info('request refused', { requestId: contextValue.requestId, code: error.extensions.code });
            throw error;
          };
          const overLimit = overDocumentLimit(schema, document);
          if (overLimit) refused(overLimit);
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables);
          if (cost > limits.maxCost) {
            refused(
              clientError(
                'QUERY_TOO_COSTLY',
                `The answer could hold ${Math.round(cost)} objects, more than ${limits.maxCost}: ask for smaller pages.`,
                { limit: limits.maxCost, http: { status: 400 } },
              ),
            );
          }
        },
      };
    },
  };
}
