import type { ApolloServerPlugin } from '@apollo/server';
import { AccessTokenError, type AccessTokenVerifier } from '@partnergraph/core';
import {
  Counter,
  createMetricsRegistry,
  Gauge,
  Histogram,
  REQUEST_DURATION_BUCKETS,
  requestMetricsPlugin,
  type Registry,
} from '@partnergraph/observability';
import type { GatewayContext } from '../context';

/** How a subgraph fetch ended: answered without errors, answered with GraphQL errors, or no usable answer (SUBGRAPH_UNAVAILABLE). */
export type SubgraphFetchOutcome = 'ok' | 'errors' | 'failed';

export interface SubgraphFetchMetrics {
  observe(subgraph: string, outcome: SubgraphFetchOutcome, seconds: number): void;
}

/** The rate limits whose refusals are counted. */
export type RateLimitName = 'graphql' | 'oauth_token';

/** What the gateway reports when METRICS_PORT is set (docs/operations.md, Metrics). */
export interface GatewayMetrics {
  registry: Registry;
  /** Apollo Server plugin: requests by operation name and type, durations, error codes. */
  requests: ApolloServerPlugin<GatewayContext>;
  subgraphFetches: SubgraphFetchMetrics;
  /** A callback that counts one refusal by `limit`. */
  rateLimitRefusals(limit: RateLimitName): () => void;
  /** `verifier`, counting the tokens it refuses by reason. */
  countAuthenticationFailures(verifier: AccessTokenVerifier): AccessTokenVerifier;
  /** Reports `open()` subscriptions (WebSocket and SSE together) at each scrape. */
  watchSubscriptions(open: () => number): void;
}

export function createGatewayMetrics(): GatewayMetrics {
  const registry = createMetricsRegistry('gateway');
  const fetches = new Histogram({
    name: 'partnergraph_subgraph_fetch_duration_seconds',
    help: 'Fetches from subgraphs (one per step of a query plan), by subgraph and outcome (ok, errors: answered with GraphQL errors, failed: no usable answer).',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: REQUEST_DURATION_BUCKETS,
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'partnergraph_rate_limit_rejections_total',
    help: 'Requests refused with RATE_LIMITED, by limit (graphql: RATE_LIMIT_PER_MINUTE; oauth_token: TOKEN_RATE_LIMIT_PER_MINUTE).',
    labelNames: ['limit'] as const,
    registers: [registry],
  });
  const authenticationFailures = new Counter({
    name: 'partnergraph_authentication_failures_total',
    help: 'Access tokens refused (401 UNAUTHENTICATED), by reason (expired, bad_signature, unknown_key, wrong_claims, malformed_token, malformed_header, ...).',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  return {
    registry,
    requests: requestMetricsPlugin(registry),
    subgraphFetches: {
      observe: (subgraph, outcome, seconds) => fetches.observe({ subgraph, outcome }, seconds),
    },
    rateLimitRefusals: (limit) => () => refusals.inc({ limit }),
    countAuthenticationFailures(verifier) {
      const counted = async <T>(verify: Promise<T>): Promise<T> => {
        try {
          return await verify;
        } catch (error) {
          if (error instanceof AccessTokenError) authenticationFailures.inc({ reason: error.reason });
          throw error;
        }
      };
      return {
        authenticate: (authorization) => counted(verifier.authenticate(authorization)),
        verifyCaller: (authorization) => counted(verifier.verifyCaller(authorization)),
      };
    },
    watchSubscriptions(open) {
      new Gauge({
        name: 'partnergraph_subscriptions_open',
        help: 'Subscriptions open at this gateway, over WebSocket and SSE.',
        registers: [registry],
        collect() {
          this.set(open());
        },
      });
    },
  };
}
