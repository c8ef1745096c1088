import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { isRetryableCode } from '@partnergraph/core';

/** What a client waiting out an outage is told to wait, in seconds. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/**
 * True when the answer holds no data at all (`data` null, or every root field
 * null) and every error is a failure that passes (SUBGRAPH_UNAVAILABLE,
 * SERVICE_UNAVAILABLE): the whole request failed for a moment.
 */
export function isWholeRequestOutage(data: Record<string, unknown> | null | undefined, errors: readonly GraphQLFormattedError[] | undefined): boolean {
  if (!errors || errors.length === 0) return false;
  const noData = data === null || data === undefined || Object.values(data).every((value) => value === null);
  return noData && errors.every((error) => isRetryableCode(error.extensions?.code));
}

/**
 * The HTTP status of an answer with no data because of an outage: 503 with
 * Retry-After, so that load balancers, proxies and HTTP clients treat it as
 * the temporary failure it is. A partial answer (some data, a subgraph's
 * fields null) stays 200, as GraphQL over HTTP wants.
 */
export function outageStatus<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!isWholeRequestOutage(data, errors)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
