import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  BREAK,
  execute,
  getVariableValues,
  GraphQLError,
  isNonNullType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * How a subgraph executes its operations: a query through graphql-jit, which
 * turns the operation into a function once (kept per parsed document, and
 * Apollo Server keeps the parsed document per query text) and runs it on
 * every request that sends it; the gateway sends the same few query plans'
 * fetches over and over. Over a partner dashboard's thousands of sensors,
 * graphql-js's interpretation of the operation at every field and the
 * objects it makes for it (paths, field lists, promises) were the largest
 * share of device-telemetry's CPU time after the database driver.
 *
 * Everything else goes through graphql-js's `execute` exactly as before:
 * mutations (their fields' order and side effects stay graphql-js's),
 * subscriptions, an operation graphql-jit cannot compile, and variables that
 * do not fit their definitions (coerced by graphql-js first, so those errors,
 * and Apollo Server's 400 BAD_USER_INPUT for them, stay as they were). So do
 * the operations graphql-jit would answer otherwise than graphql-js: one with
 * a fragment under @skip or @include (fragmentUnderCondition), and variables
 * graphql-jit coerces otherwise (variablesGraphqlJitTakesAlike);
 * compiled-execution.test.ts compares the two and lists what differs still.
 * The schema's resolvers are the same either way, with the field policy
 * compiled into them (applyShield), so shield guards both paths alike.
 *
 * Apollo Server takes an executor only from a gateway: this is one that
 * serves the subgraph's own schema and runs it here.
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledOperation | null>>();
  const compiledFor = (document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null): CompiledOperation | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let entry = byName.get(key);
    if (entry === undefined) {
      const result = fragmentUnderCondition(document) ? null : compileQuery(schema, document, operationName ?? undefined);
      entry = result && isCompiledQuery(result) ? { query: result, fits: variablesGraphqlJitTakesAlike(schema, document, operation) } : null;
      byName.set(key, entry);
    }
    return entry;
  };

  const executor: GatewayExecutor = async ({ document, operation, operationName, request, context }) => {
    const variableValues = request.variables ?? {};
    const interpreted = (): Promise<ExecutionResult> | ExecutionResult =>
      execute({ schema, document, operationName, variableValues, contextValue: context });
    if (operation.operation !== 'query') return interpreted();
    if (getVariableValues(schema, operation.variableDefinitions ?? [], variableValues).errors) return interpreted();
    const entry = compiledFor(document, operation, operationName);
    if (!entry?.fits(variableValues)) return interpreted();
    const result = await entry.query.query(undefined, context, variableValues);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: () => Promise.resolve({ executor }),
    stop: () => Promise.resolve(),
  };
}

/**
 * graphql-jit's errors are its own objects on GraphQLError's prototype, with
 * `extensions` undefined when the original error has none; Apollo Server reads
 * `extensions.code` of every error and fails the whole response on such a
 * one. Each becomes graphql-js's GraphQLError with the same message, path,
 * locations, extensions and original error, as `execute` would have made it.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  if (error.locations) (converted as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return converted;
}

interface CompiledOperation {
  query: CompiledQuery;
  fits(variableValues: Record<string, unknown>): boolean;
}

/**
 * Whether graphql-jit's own coercion of the variables gives what graphql-js's
 * gives (compiled-execution.test.ts compares the two). It does not when:
 * - a variable is left out: graphql-jit refuses a non-null one that has a
 *   default ("was not provided"), puts a default into the query as its JSON
 *   text (a custom scalar's Date arrives as a string), and gives an input
 *   object's field null where graphql-js leaves the field out, so that the
 *   field's own default applies;
 * - a variable is null where a non-null value is expected (allowed when the
 *   variable or the position has a default): graphql-js refuses it, graphql-jit
 *   passes the null into a list or an input object, and leaves out a field
 *   whose @skip or @include condition is that null.
 */
function variablesGraphqlJitTakesAlike(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): (variableValues: Record<string, unknown>) => boolean {
  const defined = (operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value);
  const usedWhereNonNull = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Variable(variable) {
        if (isNonNullType(typeInfo.getInputType())) usedWhereNonNull.add(variable.name.value);
      },
    }),
  );
  return (variableValues) =>
    defined.every(
      (name) => Object.hasOwn(variableValues, name) && variableValues[name] !== undefined && !(variableValues[name] === null && usedWhereNonNull.has(name)),
    );
}

/**
 * Whether a selection under @skip or @include holds a fragment. graphql-jit merges
 * the selections of a field selected twice and applies the condition of one of
 * them to its own fields but not to its fragments' contents:
 * `{ node(id: 1) { id } node(id: 1) @skip(if: true) { ... on Device { name } } }`
 * answers `name` too (its resolver runs, its errors are reported) where
 * graphql-js leaves it out. Such a document runs through graphql-js.
 */
function fragmentUnderCondition(document: DocumentNode): boolean {
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
  }
  const holdsFragment = (set: SelectionSetNode | undefined): boolean =>
    set?.selections.some((selection) => selection.kind !== Kind.FIELD || holdsFragment(selection.selectionSet)) ?? false;
  let found = false;
  visit(document, {
    enter(node) {
      if (node.kind !== Kind.FIELD && node.kind !== Kind.INLINE_FRAGMENT && node.kind !== Kind.FRAGMENT_SPREAD) return undefined;
      if (!node.directives?.some((directive) => directive.name.value === 'skip' || directive.name.value === 'include')) return undefined;
      found = holdsFragment(node.kind === Kind.FRAGMENT_SPREAD ? fragments.get(node.name.value) : node.selectionSet);
      return found ? BREAK : undefined;
    },
  });
  return found;
}
