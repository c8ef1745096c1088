import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, getVariableValues, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
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
 * and Apollo Server's 400 BAD_USER_INPUT for them, stay as they were).
 * The schema's resolvers are the same either way, with the field policy
 * compiled into them (applyShield), so shield guards both paths alike.
 *
 * Apollo Server takes an executor only from a gateway: this is one that
 * serves the subgraph's own schema and runs it here.
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let query = byName.get(key);
    if (query === undefined) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      query = isCompiledQuery(result) ? result : null;
      byName.set(key, query);
    }
    return query;
  };

  const executor: GatewayExecutor = async ({ document, operation, operationName, request, context }) => {
    const variableValues = request.variables ?? {};
    const interpreted = (): Promise<ExecutionResult> | ExecutionResult =>
      execute({ schema, document, operationName, variableValues, contextValue: context });
    if (operation.operation !== 'query') return interpreted();
    if (getVariableValues(schema, operation.variableDefinitions ?? [], variableValues).errors) return interpreted();
    const query = compiledFor(document, operationName);
    if (!query) return interpreted();
    const result = await query.query(undefined, context, variableValues);
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
