import { join } from 'node:path';
import { readConfig, settings, type Environment } from '@partnergraph/core';

export const REPOSITORY_ROOT = join(__dirname, '..', '..');

/** What `npm start`, `npm run migrate` and `npm run seed` read; docs/operations.md's configuration table lists it. */
export function readStackConfig(environment: Environment) {
  return readConfig(
    {
      databaseUrl: {
        variable: 'DATABASE_URL',
        setting: settings.optionalUrl({ protocols: ['postgres:', 'postgresql:'] }),
      },
      embeddedPostgresPort: { variable: 'EMBEDDED_POSTGRES_PORT', setting: settings.port(54329) },
      dataDir: { variable: 'DATA_DIR', setting: settings.string({ default: join(REPOSITORY_ROOT, '.data') }) },
      gatewayPort: { variable: 'GATEWAY_PORT', setting: settings.port(4000) },
      /** Where the gateway serves Prometheus metrics; 0 turns them off (each subgraph's: <NAME>_METRICS_PORT, stack-subgraphs.ts). */
      gatewayMetricsPort: { variable: 'GATEWAY_METRICS_PORT', setting: settings.port(9400) },
      identityPort: { variable: 'IDENTITY_PORT', setting: settings.port(4001) },
      subscriptionsPort: { variable: 'SUBSCRIPTIONS_PORT', setting: settings.port(4002) },
      deviceTelemetryPort: { variable: 'DEVICE_TELEMETRY_PORT', setting: settings.port(4003) },
    },
    environment,
  );
}

export type StackConfig = ReturnType<typeof readStackConfig>;
