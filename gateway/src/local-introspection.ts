import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { execute, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { maskError } from '@partnergraph/core';
import type { GatewayContext } from './context';

/**
 * Answers an operation that asks only for introspection (`__schema`,
 * `__type`, `__typename` at its root) with graphql-js against the API schema
 * the gateway serves, instead of through the query planner. The planner
 * re-validates every operation against @apollo/federation-internals' own
 * model of the introspection types, which lacks fields graphql 16.9 added
 * (`__Type.isOneOf`): graphql-js validates `{ __type(name: "Query") { isOneOf } }`
 * and the planner then fails on it. Answering such operations here is what
 * the planner would do anyway (introspection never reaches a subgraph).
 */
export function answerIntrospectionLocally(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, document, operation, request, contextValue }) {
          if (operation?.operation !== 'query' || !onlyIntrospection(operation.selectionSet, fragmentsOf(document))) return null;
          const result = await execute({
            schema,
            document,
            operationName: request.operationName,
            variableValues: request.variables,
            contextValue,
          });
          return {
            http: { headers: new HeaderMap() },
            body: {
              kind: 'single',
              singleResult: {
                ...(result.data === undefined ? {} : { data: result.data }),
                ...(result.errors ? { errors: result.errors.map((error) => maskError(error.toJSON())) } : {}),
              },
            },
          };
        },
      };
    },
  };
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** Whether every root field the selection set reaches (through fragments) is an introspection field. */
function onlyIntrospection(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): boolean {
  return selectionSet.selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value.startsWith('__');
    if (selection.kind === Kind.INLINE_FRAGMENT) return onlyIntrospection(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    if (seen.has(name)) return true;
    seen.add(name);
    const fragment = fragments.get(name);
    return fragment !== undefined && onlyIntrospection(fragment.selectionSet, fragments, seen);
  });
}
