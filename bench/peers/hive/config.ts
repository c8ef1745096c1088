import {
  DEFAULT_ACCESS_TOKEN_AUDIENCE,
  DEFAULT_ACCESS_TOKEN_ISSUER,
  readConfig,
  settings,
  type Environment,
} from '@partnergraph/core';

/**
 * What the benchmark's Hive Gateway reads: the variables our gateway reads
 * for the same job (its private key, the subgraphs, where access-token keys
 * come from), plus whether the subgraph requests are deduplicated.
 */
export function readHiveBenchConfig(environment: Environment = process.env) {
  const url = () => settings.url({ protocols: ['http:', 'https:'] });
  return readConfig(
    {
      internalTokenPrivateKey: { variable: 'INTERNAL_TOKEN_PRIVATE_KEY', setting: settings.pem('PRIVATE KEY') },
      internalTokenTtlSeconds: { variable: 'INTERNAL_TOKEN_TTL_SECONDS', setting: settings.integer({ min: 5, max: 300, default: 60 }) },
      identityUrl: { variable: 'IDENTITY_URL', setting: url() },
      subscriptionsUrl: { variable: 'SUBSCRIPTIONS_URL', setting: url() },
      deviceTelemetryUrl: { variable: 'DEVICE_TELEMETRY_URL', setting: url() },
      authJwksUrl: { variable: 'AUTH_JWKS_URL', setting: url() },
      authIssuer: { variable: 'AUTH_ISSUER', setting: settings.string({ default: DEFAULT_ACCESS_TOKEN_ISSUER }) },
      authAudience: { variable: 'AUTH_AUDIENCE', setting: settings.string({ default: DEFAULT_ACCESS_TOKEN_AUDIENCE }) },
      deduplicateInflightRequests: { variable: 'HIVE_DEDUPLICATE_INFLIGHT_REQUESTS', setting: settings.boolean(true) },
    },
    environment,
  );
}

export type HiveBenchConfig = ReturnType<typeof readHiveBenchConfig>;
