import { NODE_ENVIRONMENTS, readConfig, settings, type Environment } from '@partnergraph/core';
import { METRICS_SETTINGS, TRACING_SETTINGS, withTracingConfig } from '@partnergraph/observability';

/** Where a subgraph's email outbox goes; unset SMTP_URL: emails stay in the outbox, undelivered (development). */
const EMAIL_DELIVERY_SETTINGS = {
  smtpUrl: { variable: 'SMTP_URL', setting: settings.optionalUrl({ protocols: ['smtp:', 'smtps:'] }) },
  smtpFrom: { variable: 'SMTP_FROM', setting: settings.string({ default: 'PartnerGraph <no-reply@partnergraph.local>' }) },
  outboxPollIntervalMs: {
    variable: 'OUTBOX_POLL_INTERVAL_MS',
    setting: settings.integer({ min: 100, max: 3_600_000, default: 2000 }),
  },
};

export function readEmailDeliveryConfig(environment: Environment) {
  return readConfig(EMAIL_DELIVERY_SETTINGS, environment);
}

/** The settings every subgraph reads; docs/operations.md's configuration table lists them. */
export function readSubgraphConfig(environment: Environment, defaults: { port: number | undefined }) {
  const config = readConfig(
    {
      ...EMAIL_DELIVERY_SETTINGS,
      ...METRICS_SETTINGS,
      ...TRACING_SETTINGS,
      nodeEnv: { variable: 'NODE_ENV', setting: settings.oneOf(NODE_ENVIRONMENTS, 'development') },
      host: { variable: 'HOST', setting: settings.string({ default: '127.0.0.1' }) },
      port: { variable: 'PORT', setting: settings.port(defaults.port) },
      databaseUrl: { variable: 'DATABASE_URL', setting: settings.url({ protocols: ['postgres:', 'postgresql:'] }) },
      databasePoolSize: { variable: 'DATABASE_POOL_SIZE', setting: settings.integer({ min: 1, max: 100, default: 10 }) },
      databaseReadUrl: { variable: 'DATABASE_READ_URL', setting: settings.optionalUrl({ protocols: ['postgres:', 'postgresql:'] }) },
      databaseReadMaxLagMs: {
        variable: 'DATABASE_READ_MAX_LAG_MS',
        setting: settings.integer({ min: 100, max: 600_000, default: 5_000 }),
      },
      statementTimeoutMs: {
        variable: 'DATABASE_STATEMENT_TIMEOUT_MS',
        setting: settings.integer({ min: 100, max: 600_000, default: 10_000 }),
      },
      internalTokenPublicKey: { variable: 'INTERNAL_TOKEN_PUBLIC_KEY', setting: settings.pem('PUBLIC KEY') },
      logLevel: { variable: 'LOG_LEVEL', setting: settings.oneOf(['debug', 'info', 'warn', 'error'] as const, 'info') },
      logFormat: { variable: 'LOG_FORMAT', setting: settings.oneOf(['text', 'json'] as const, 'text') },
      bodyLimit: { variable: 'BODY_LIMIT', setting: settings.byteSize({ default: '1mb' }) },
      shutdownLingerMs: { variable: 'SHUTDOWN_LINGER_MS', setting: settings.integer({ min: 0, max: 60_000, default: 1000 }) },
      sqlStatementsPerRequest: { variable: 'SQL_STATEMENTS_PER_REQUEST', setting: settings.boolean(false) },
      seedDemoData: { variable: 'SEED_DEMO_DATA', setting: settings.boolean(false) },
    },
    environment,
  );
  return withTracingConfig(config);
}

export type SubgraphConfig = ReturnType<typeof readSubgraphConfig>;

/** The settings of a subgraph's migrations run alone (`dist/migrate.js`, a deployment's migration Job). */
export function readMigrationConfig(environment: Environment) {
  return readConfig(
    {
      databaseUrl: { variable: 'DATABASE_URL', setting: settings.url({ protocols: ['postgres:', 'postgresql:'] }) },
      statementTimeoutMs: {
        variable: 'DATABASE_STATEMENT_TIMEOUT_MS',
        setting: settings.integer({ min: 100, max: 600_000, default: 10_000 }),
      },
      logLevel: { variable: 'LOG_LEVEL', setting: settings.oneOf(['debug', 'info', 'warn', 'error'] as const, 'info') },
      logFormat: { variable: 'LOG_FORMAT', setting: settings.oneOf(['text', 'json'] as const, 'text') },
    },
    environment,
  );
}
