import type { ApolloServerPlugin } from '@apollo/server';
import { endSpan, failureOf } from '@partnergraph/observability';
import { firstErrorCode } from '@partnergraph/subgraph-kit';
import type { GatewayContext } from './context';

/**
 * What the gateway records of each operation of an HTTP request: its name
 * and type (for the request's log line and span name) and, when the request
 * is sampled, a span for each phase under the request's span:
 * `graphql.parse` and `graphql.validate` (only when Apollo Server has not
 * cached the document yet), `graphql.plan` (from the start of execution to
 * the plan, cached or built: see queryPlanResolved) and `graphql.execute`
 * (the plan running: every subgraph fetch is its child). Operations the
 * gateway runs for live subscriptions carry no observation and are not
 * recorded.
 */
export function operationSpans(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      const observation = contextValue.observation;
      if (!observation) return;
      const trace = observation.trace?.recording ? observation.trace : undefined;
      return {
        async parsingDidStart() {
          const span = trace?.startSpan('graphql.parse');
          return async (error) => endSpan(span, error && 'GRAPHQL_PARSE_FAILED');
        },
        async validationDidStart() {
          const span = trace?.startSpan('graphql.validate');
          return async (errors) => endSpan(span, errors?.length ? 'GRAPHQL_VALIDATION_FAILED' : undefined);
        },
        async didResolveOperation({ operation, operationName }) {
          observation.operationName = operationName ?? undefined;
          observation.operationType = operation?.operation;
          trace?.operationResolved({ type: operation?.operation, name: operationName ?? undefined, variables: request.variables });
        },
        async executionDidStart() {
          observation.planning = trace?.startSpan('graphql.plan');
          return {
            async executionDidEnd(error) {
              // A plan that failed to build never reached queryPlanResolved.
              endSpan(observation.planning, error && failureOf(error));
              endSpan(observation.execution, error && failureOf(error));
              observation.planning = undefined;
              observation.execution = undefined;
            },
          };
        },
        async willSendResponse({ response }) {
          const failure = firstErrorCode(response.body);
          if (failure) trace?.fail(failure);
        },
      };
    },
  };
}

/** ApolloGateway's experimental_didResolveQueryPlan: the plan is ready (built or cached) and about to run. */
export function queryPlanResolved(context: Pick<GatewayContext, 'observation'>): void {
  const observation = context.observation;
  if (!observation?.planning) return;
  endSpan(observation.planning);
  observation.planning = undefined;
  observation.execution = observation.trace?.startSpan('graphql.execute');
}
