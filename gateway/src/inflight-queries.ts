import type { ApolloGateway } from '@apollo/gateway';
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '@partnergraph/core';
import type { GatewayContext } from './context';

// Apollo Server's side of the gateway interface, as it declares it.
type GatewayInterface = ApolloServerOptionsWithGateway<GatewayContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type GatewayGraphQLRequestContext = Parameters<GatewayExecutor>[0];
type GatewayExecutionResult = Awaited<ReturnType<GatewayExecutor>>;

/**
 * In-flight deduplication of whole queries: a query that arrives while the
 * same one, from the same principal, with the same variables, against the
 * same schema, is being executed gets that execution's result instead of a
 * query plan, subgraph requests and result shaping of its own. Nothing is
 * kept once the execution ends, so it is not a cache: the next request runs
 * afresh (a revoked grant holds on it). The key holds the whole principal, so
 * two principals never share a result; mutations are never shared. Each
 * request still passes its own authentication, rate limit, parsing,
 * validation and operation limits before it gets here.
 */
export function deduplicateInflightQueries(
  executor: GatewayExecutor,
  principalOf: (requestContext: GatewayGraphQLRequestContext) => Principal,
): GatewayExecutor {
  // Per schema object: a supergraph swapped in while queries run never joins an execution planned on the old one.
  const inflight = new WeakMap<GraphQLSchema, Map<string, Promise<GatewayExecutionResult>>>();
  const runningOn = (schema: GraphQLSchema): Map<string, Promise<GatewayExecutionResult>> => {
    let running = inflight.get(schema);
    if (!running) {
      running = new Map();
      inflight.set(schema, running);
    }
    return running;
  };
  return (requestContext) => {
    if (requestContext.operation.operation !== 'query') return executor(requestContext);
    const running = runningOn(requestContext.schema);
    const key = JSON.stringify([
      principalOf(requestContext),
      requestContext.queryHash,
      requestContext.operationName,
      requestContext.request.variables ?? null,
    ]);
    const joined = running.get(key);
    if (joined) return joined;
    const execution = executor(requestContext);
    running.set(key, execution);
    const forget = (): void => {
      running.delete(key);
    };
    execution.then(forget, forget);
    return execution;
  };
}

/** ApolloGateway with its executor wrapped in deduplicateInflightQueries; everything else is the gateway's own. */
export function withInflightDeduplication(
  gateway: ApolloGateway,
  principalOf: (requestContext: GatewayGraphQLRequestContext) => Principal,
): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    async load(options) {
      const { executor } = await gateway.load(options);
      return { executor: executor && deduplicateInflightQueries(executor, principalOf) };
    },
    stop: () => gateway.stop(),
  };
}
