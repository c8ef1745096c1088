import { defineConfig } from '@graphql-hive/gateway';
import { createAccessTokenVerifier, createInternalTokenSigner } from '@partnergraph/core';
import { readHiveBenchConfig } from './config.js';
import { usePartnerGraphAuth } from './partnergraph-auth.js';

/**
 * Hive Gateway as the benchmark runs it (`hive-gateway supergraph
 * schema/supergraph.graphql -c bench/peers/hive/gateway.config.mts`, with or
 * without `--hive-router-runtime`): the same supergraph and subgraph
 * processes as our gateway, the same authentication and internal tokens (see
 * usePartnerGraphAuth), production-like settings, and nothing sent anywhere
 * but the subgraphs: no usage reporting (no Hive or GraphOS token is given),
 * no landing page, no GraphiQL.
 */
const config = readHiveBenchConfig();
const signer = await createInternalTokenSigner({ privateKeyPem: config.internalTokenPrivateKey, ttlSeconds: config.internalTokenTtlSeconds });
const verifier = createAccessTokenVerifier({
  keys: { jwksUrl: config.authJwksUrl },
  issuer: config.authIssuer,
  audience: config.authAudience,
});

export const gatewayConfig = defineConfig({
  logging: 'warn',
  landingPage: false,
  graphiql: false,
  disableIntrospection: {},
  transportEntries: {
    '*': { options: { deduplicateInflightRequests: config.deduplicateInflightRequests } },
    identity: { location: config.identityUrl },
    subscriptions: { location: config.subscriptionsUrl },
    'device-telemetry': { location: config.deviceTelemetryUrl },
  },
  plugins: () => [usePartnerGraphAuth({ verifier, signer })],
});
