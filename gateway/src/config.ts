import { join } from 'node:path';
import {
  DEFAULT_ACCESS_TOKEN_AUDIENCE,
  DEFAULT_ACCESS_TOKEN_ISSUER,
  DEFAULT_VARIABLE_LIMITS,
  MAX_VARIABLE_LIMITS,
  NODE_ENVIRONMENTS,
  readConfig,
  settings,
  ConfigError,
  type Environment,
} from '@partnergraph/core';
import { METRICS_SETTINGS, TRACING_SETTINGS, withTracingConfig } from '@partnergraph/observability';
import { parseTrustedDocumentsPolicy } from './trusted-documents/policy';

const SANDBOX_ORIGINS = ['https://sandbox.embed.apollographql.com', 'https://studio.apollographql.com'];
/** Where front ends' development servers usually run (Next.js and CRA, Vite and its preview, webpack and Vue CLI). */
const LOCAL_DEV_SERVER_ORIGINS = [3000, 5173, 4173, 8080].flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
/** What a browser that opens /graphql sees: see explorer.ts. */
export const EXPLORER_MODES = ['local', 'sandbox', 'off'] as const;
export type ExplorerMode = (typeof EXPLORER_MODES)[number];
const DEFAULT_IDENTITY_URL = 'http://127.0.0.1:4001/graphql';
export const DEFAULT_SUPERGRAPH_PATH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');

/** The gateway's settings; docs/operations.md's configuration table lists them. */
export function readGatewayConfig(environment: Environment) {
  const config = readConfig(
    {
      nodeEnv: { variable: 'NODE_ENV', setting: settings.oneOf(NODE_ENVIRONMENTS, 'development') },
      host: { variable: 'HOST', setting: settings.string({ default: '127.0.0.1' }) },
      port: { variable: 'PORT', setting: settings.port(4000) },
      supergraphPath: { variable: 'SUPERGRAPH_PATH', setting: settings.string({ default: DEFAULT_SUPERGRAPH_PATH }) },
      identityUrl: { variable: 'IDENTITY_URL', setting: settings.optionalUrl({ protocols: ['http:', 'https:'] }) },
      subscriptionsUrl: { variable: 'SUBSCRIPTIONS_URL', setting: settings.optionalUrl({ protocols: ['http:', 'https:'] }) },
      deviceTelemetryUrl: {
        variable: 'DEVICE_TELEMETRY_URL',
        setting: settings.optionalUrl({ protocols: ['http:', 'https:'] }),
      },
      internalTokenPrivateKey: { variable: 'INTERNAL_TOKEN_PRIVATE_KEY', setting: settings.pem('PRIVATE KEY') },
      internalTokenTtlSeconds: {
        variable: 'INTERNAL_TOKEN_TTL_SECONDS',
        setting: settings.integer({ min: 5, max: 300, default: 60 }),
      },
      subgraphTimeoutMs: { variable: 'SUBGRAPH_TIMEOUT_MS', setting: settings.integer({ min: 100, max: 120_000, default: 10_000 }) },
      corsOrigins: { variable: 'CORS_ORIGINS', setting: settings.optionalString() },
      explorer: {
        variable: 'EXPLORER',
        setting: {
          expects: `one of ${EXPLORER_MODES.join(', ')}, or nothing`,
          parse: (raw: string | undefined): ExplorerMode | undefined => (raw === undefined ? undefined : settings.oneOf(EXPLORER_MODES).parse(raw)),
        },
      },
      authJwksUrl: { variable: 'AUTH_JWKS_URL', setting: settings.optionalUrl({ protocols: ['http:', 'https:'] }) },
      authIssuer: { variable: 'AUTH_ISSUER', setting: settings.string({ default: DEFAULT_ACCESS_TOKEN_ISSUER }) },
      authAudience: { variable: 'AUTH_AUDIENCE', setting: settings.string({ default: DEFAULT_ACCESS_TOKEN_AUDIENCE }) },
      bodyLimit: { variable: 'BODY_LIMIT', setting: settings.byteSize({ default: '1mb' }) },
      maxQueryDepth: { variable: 'MAX_QUERY_DEPTH', setting: settings.integer({ min: 1, max: 100, default: 10 }) },
      maxQueryAliases: { variable: 'MAX_QUERY_ALIASES', setting: settings.integer({ min: 0, max: 1000, default: 15 }) },
      maxQueryTokens: { variable: 'MAX_QUERY_TOKENS', setting: settings.integer({ min: 10, max: 100_000, default: 1000 }) },
      maxQueryDirectives: { variable: 'MAX_QUERY_DIRECTIVES', setting: settings.integer({ min: 0, max: 1000, default: 50 }) },
      maxQueryCost: { variable: 'MAX_QUERY_COST', setting: settings.integer({ min: 1, max: 100_000_000, default: 1_000_000 }) },
      maxVariablesDepth: {
        variable: 'MAX_VARIABLES_DEPTH',
        setting: settings.integer({ min: 2, max: MAX_VARIABLE_LIMITS.maxDepth, default: DEFAULT_VARIABLE_LIMITS.maxDepth }),
      },
      maxVariablesValues: {
        variable: 'MAX_VARIABLES_VALUES',
        setting: settings.integer({ min: 10, max: MAX_VARIABLE_LIMITS.maxValues, default: DEFAULT_VARIABLE_LIMITS.maxValues }),
      },
      rateLimitPerMinute: { variable: 'RATE_LIMIT_PER_MINUTE', setting: settings.integer({ min: 0, max: 1_000_000, default: 600 }) },
      tokenRateLimitPerMinute: {
        variable: 'TOKEN_RATE_LIMIT_PER_MINUTE',
        setting: settings.integer({ min: 0, max: 1_000_000, default: 30 }),
      },
      redisUrl: { variable: 'REDIS_URL', setting: settings.optionalUrl({ protocols: ['redis:', 'rediss:'] }) },
      shutdownLingerMs: { variable: 'SHUTDOWN_LINGER_MS', setting: settings.integer({ min: 0, max: 60_000, default: 1000 }) },
      persistedDocumentsDatabaseUrl: {
        variable: 'PERSISTED_DOCUMENTS_DATABASE_URL',
        setting: settings.optionalUrl({ protocols: ['postgres:', 'postgresql:'] }),
      },
      databaseUrl: { variable: 'DATABASE_URL', setting: settings.optionalUrl({ protocols: ['postgres:', 'postgresql:'] }) },
      trustedDocuments: { variable: 'TRUSTED_DOCUMENTS', setting: settings.list([]) },
      liveDatabaseUrl: { variable: 'LIVE_DATABASE_URL', setting: settings.optionalUrl({ protocols: ['postgres:', 'postgresql:'] }) },
      liveMaxSubscriptionsPerConnection: {
        variable: 'LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION',
        setting: settings.integer({ min: 1, max: 1000, default: 25 }),
      },
      liveMaxSubscriptionsPerCaller: { variable: 'LIVE_MAX_SUBSCRIPTIONS_PER_CALLER', setting: settings.integer({ min: 1, max: 10_000, default: 100 }) },
      liveConnectionInitTimeoutMs: {
        variable: 'LIVE_CONNECTION_INIT_TIMEOUT_MS',
        setting: settings.integer({ min: 100, max: 60_000, default: 5000 }),
      },
      liveKeepAliveMs: { variable: 'LIVE_KEEPALIVE_MS', setting: settings.integer({ min: 1000, max: 300_000, default: 15_000 }) },
      liveSlowSubscriberMs: { variable: 'LIVE_SLOW_SUBSCRIBER_MS', setting: settings.integer({ min: 100, max: 600_000, default: 30_000 }) },
      liveMinIntervalMs: { variable: 'LIVE_MIN_INTERVAL_MS', setting: settings.integer({ min: 0, max: 600_000, default: 250 }) },
      livePollIntervalMs: { variable: 'LIVE_POLL_INTERVAL_MS', setting: settings.integer({ min: 50, max: 600_000, default: 1000 }) },
      trustProxyHops: { variable: 'TRUST_PROXY_HOPS', setting: settings.integer({ min: 0, max: 10, default: 0 }) },
      ...METRICS_SETTINGS,
      fieldUsage: { variable: 'FIELD_USAGE', setting: settings.boolean(true) },
      fieldUsageDatabaseUrl: {
        variable: 'FIELD_USAGE_DATABASE_URL',
        setting: settings.optionalUrl({ protocols: ['postgres:', 'postgresql:'] }),
      },
      fieldUsageFlushIntervalMs: {
        variable: 'FIELD_USAGE_FLUSH_INTERVAL_MS',
        setting: settings.integer({ min: 1000, max: 3_600_000, default: 60_000 }),
      },
      logLevel: { variable: 'LOG_LEVEL', setting: settings.oneOf(['debug', 'info', 'warn', 'error'] as const, 'info') },
      logFormat: { variable: 'LOG_FORMAT', setting: settings.oneOf(['text', 'json'] as const, 'text') },
      ...TRACING_SETTINGS,
    },
    environment,
  );
  const corsOrigins =
    config.corsOrigins === undefined
      ? config.nodeEnv === 'production'
        ? []
        : [...SANDBOX_ORIGINS, ...LOCAL_DEV_SERVER_ORIGINS]
      : settings.list().parse(config.corsOrigins);
  const { databaseUrl, ...gatewaySettings } = config;
  const persistedDocumentsDatabaseUrl = config.persistedDocumentsDatabaseUrl ?? databaseUrl;
  const trustedDocuments = parseTrustedDocumentsPolicy(config.trustedDocuments);
  if (!persistedDocumentsDatabaseUrl && [...trustedDocuments.values()].some((mode) => mode !== 'any')) {
    throw new ConfigError(['TRUSTED_DOCUMENTS: modes known and log-unknown need PERSISTED_DOCUMENTS_DATABASE_URL or DATABASE_URL']);
  }
  const {
    liveDatabaseUrl,
    liveMaxSubscriptionsPerConnection,
    liveMaxSubscriptionsPerCaller,
    liveConnectionInitTimeoutMs,
    liveKeepAliveMs,
    liveSlowSubscriberMs,
    liveMinIntervalMs,
    livePollIntervalMs,
    ...otherSettings
  } = gatewaySettings;
  return withTracingConfig({
    ...otherSettings,
    /** Subscriptions over WebSocket and SSE (live/): limits, timings, and the PostgreSQL whose NOTIFY wakes them (DATABASE_URL by default). */
    live: {
      databaseUrl: liveDatabaseUrl ?? databaseUrl,
      maxSubscriptionsPerConnection: liveMaxSubscriptionsPerConnection,
      maxSubscriptionsPerCaller: liveMaxSubscriptionsPerCaller,
      connectionInitTimeoutMs: liveConnectionInitTimeoutMs,
      keepAliveMs: liveKeepAliveMs,
      slowSubscriberMs: liveSlowSubscriberMs,
      minIntervalMs: liveMinIntervalMs,
      pollIntervalMs: livePollIntervalMs,
    },
    corsOrigins,
    explorer: config.explorer ?? (config.nodeEnv === 'production' ? 'off' : 'local'),
    /** Where published documents are kept (schema `gateway`); unset: requests by id are PERSISTED_QUERY_NOT_SUPPORTED. */
    persistedDocumentsDatabaseUrl,
    trustedDocuments,
    /** Where field and operation usage is counted by the hour (schema `gateway`); unset: only in metrics, if any. */
    fieldUsageDatabaseUrl: config.fieldUsageDatabaseUrl ?? databaseUrl,
    // Identity publishes its keys beside its GraphQL endpoint unless an external OIDC issuer is configured.
    authJwksUrl: config.authJwksUrl ?? new URL('/.well-known/jwks.json', config.identityUrl ?? DEFAULT_IDENTITY_URL).toString(),
    subgraphUrls: {
      identity: config.identityUrl,
      subscriptions: config.subscriptionsUrl,
      'device-telemetry': config.deviceTelemetryUrl,
    } as Readonly<Record<string, string | undefined>>,
    /** The `SUBGRAPH_<NAME>_…` variables, read for each subgraph the supergraph names when it loads (subgraph-routes.ts). */
    subgraphEnvironment: Object.fromEntries(Object.entries(environment).filter(([variable]) => variable.startsWith('SUBGRAPH_'))),
  });
}

export type GatewayConfig = ReturnType<typeof readGatewayConfig>;

/**
 * @apollo/gateway exports metrics to Apollo and probes cloud metadata
 * addresses unless APOLLO_TELEMETRY_DISABLED is set when it is constructed.
 * PartnerGraph runs air-gapped: off unless the operator set it explicitly.
 */
export function disableApolloTelemetryByDefault(environment: NodeJS.ProcessEnv = process.env): void {
  environment.APOLLO_TELEMETRY_DISABLED ??= '1';
}
