import { createDeviceTelemetrySubgraph, readDeviceTelemetryConfig } from '@partnergraph/device-telemetry';
import { runSubgraph } from '@partnergraph/subgraph-kit';

/**
 * device-telemetry exactly as `subgraphs/device-telemetry/src/index.ts` runs
 * it, from its build, but without graphql-shield: the other side of the
 * benchmark's shield-overhead comparison. Resolvers still ask identity what
 * the caller may see and filter rows by it; only the field rules are gone.
 */
void runSubgraph(
  'device-telemetry',
  async (environment) => {
    const config = readDeviceTelemetryConfig(environment);
    return createDeviceTelemetrySubgraph(config.accessCheck, { readingRetentionDays: config.readingRetentionDays });
  },
  { shield: false },
);
