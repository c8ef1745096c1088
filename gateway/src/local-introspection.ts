import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  execute,
  getNamedType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { httpErrorResponse, maskError } from '@partnergraph/core';
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
 * An operation that mixes data with introspection fields the planner does
 * not know is refused with OPERATION_NOT_SUPPORTED (400) rather than failing
 * in the planner: ask for them in an operation of their own.
 */
export function answerIntrospectionLocally(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, document, operation, request, contextValue }) {
          if (operation?.operation !== 'query') return null;
          const rootFields = rootFieldNames(operation.selectionSet, fragmentsOf(document));
          if (![...rootFields].every((name) => name.startsWith('__'))) {
            // Only an operation that asks for introspection beside data can reach what the planner lacks.
            const asksIntrospection = rootFields.has('__schema') || rootFields.has('__type');
            if (!asksIntrospection || !asksForUnplannedIntrospection(schema, document)) return null;
            const { status, body } = httpErrorResponse(
              'OPERATION_NOT_SUPPORTED',
              `Ask for ${[...UNPLANNED_INTROSPECTION_FIELDS].join(', ')} in an operation that asks for introspection only.`,
            );
            return { http: { status, headers: new HeaderMap() }, body: { kind: 'single', singleResult: body } };
          }
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

/** Introspection fields graphql-js answers but the query planner's model of the introspection types lacks. */
const UNPLANNED_INTROSPECTION_FIELDS: ReadonlySet<string> = new Set(['__Type.isOneOf']);

function asksForUnplannedIntrospection(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && UNPLANNED_INTROSPECTION_FIELDS.has(`${getNamedType(parent).name}.${node.name.value}`)) found = true;
      },
    }),
  );
  return found;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** The names of the root fields a selection set reaches, through fragments. */
function rootFieldNames(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  names = new Set<string>(),
  seen = new Set<string>(),
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFieldNames(selection.selectionSet, fragments, names, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) rootFieldNames(fragment.selectionSet, fragments, names, seen);
    }
  }
  return names;
}
