import { runSubgraph } from '@partnergraph/subgraph-kit';
import { createDeviceTelemetrySubgraph, readDeviceTelemetryConfig } from './server';

void runSubgraph('device-telemetry', async (environment) => {
  const config = readDeviceTelemetryConfig(environment);
  return createDeviceTelemetrySubgraph(config.accessCheck, { readingRetentionDays: config.readingRetentionDays });
});
