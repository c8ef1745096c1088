import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { Counter, Histogram, type Registry } from 'prom-client';
import { ERROR_CODES } from '@partnergraph/core';
import { boundedLabel } from './bounded-label';

/** Seconds: from a few milliseconds (a cached lookup) to the 10 s subgraph and statement timeouts. */
export const REQUEST_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Distinct operation names a service labels; later ones are `(other)`. */
export const MAX_OPERATION_NAMES = 200;
/** Distinct error codes labelled (the catalogue has about 80; another team's subgraph may pass on its own). */
const MAX_ERROR_CODES = 100;

/** How a request ended, as the error-rate alert reads it: any error the catalogue maps to a 5xx (or no code at all) is the server's. */
export type RequestOutcome = 'ok' | 'client_error' | 'server_error';

export function requestOutcome(codes: readonly (string | undefined)[]): RequestOutcome {
  if (codes.length === 0) return 'ok';
  const serverSide = codes.some((code) => {
    if (code === undefined) return true;
    const known = (ERROR_CODES as Readonly<Record<string, { status: number } | undefined>>)[code];
    return known !== undefined && known.status >= 500;
  });
  return serverSide ? 'server_error' : 'client_error';
}

function codeOf(error: GraphQLFormattedError): string | undefined {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Counts and times the GraphQL requests a service answers over HTTP, by
 * operation name (as the document names it; `(anonymous)`, or `(unknown)`
 * when the request never got as far as a known operation: unparsable, invalid,
 * or naming none of its operations) and type (`unknown` then), with the
 * error codes its answer carries. Operations run in-process
 * (`executeOperation`: the gateway's live feeds) are not HTTP requests and are
 * left out. Per request: one timer read, one counter and one histogram update.
 */
export function requestMetricsPlugin(registry: Registry): ApolloServerPlugin<BaseContext> {
  const requests = new Counter({
    name: 'partnergraph_graphql_requests_total',
    help: 'GraphQL requests answered, by operation name, operation type and outcome (ok, client_error, server_error).',
    labelNames: ['operation_name', 'operation_type', 'outcome'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'partnergraph_graphql_request_duration_seconds',
    help: 'Time from the start of GraphQL processing to the answer, by operation name and type.',
    labelNames: ['operation_name', 'operation_type'] as const,
    buckets: REQUEST_DURATION_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'partnergraph_graphql_errors_total',
    help: 'GraphQL requests whose answer carried an error with this code (each code once per request), by operation name.',
    labelNames: ['operation_name', 'code'] as const,
    registers: [registry],
  });
  const operationLabel = boundedLabel(MAX_OPERATION_NAMES);
  const codeLabel = boundedLabel(MAX_ERROR_CODES);
  return {
    async requestDidStart({ request }) {
      if (!request.http) return;
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, response }) {
          const seconds = (performance.now() - started) / 1000;
          const operation_name = operationLabel(operation ? (operationName ?? '(anonymous)') : '(unknown)');
          const operation_type = operation?.operation ?? 'unknown';
          const answered = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const codes = answered?.map(codeOf) ?? [];
          requests.inc({ operation_name, operation_type, outcome: requestOutcome(codes) });
          durations.observe({ operation_name, operation_type }, seconds);
          for (const code of new Set(codes)) errors.inc({ operation_name, code: codeLabel(code ?? '(none)') });
        },
      };
    },
  };
}
