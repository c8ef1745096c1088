import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { AccessCheckConfig, SubgraphPackage, SubgraphStorage } from '@partnergraph/subgraph-kit';
import { ApplicationEntity } from './application';
import { ChangeLogEntity } from './change-log';
import { createContext, type DeviceTelemetryContext } from './context';
import { DeviceEntity } from './device';
import { IncidentEntity } from './incident';
import { JobEntity } from './job';
import { LocationEntity } from './location';
import { createDeviceTelemetryMetrics } from './metrics';
import { migrations } from './migrations';
import { permissions } from './permissions';
import { ReadingEntity } from './reading';
import { ReadingDailyEntity, ReadingHourlyEntity } from './reading-rollup';
import { startReadingPartitionMaintenance } from './readings/partitions';
import { DEFAULT_READING_RETENTION_DAYS } from './readings/retention';
import { resolvers } from './resolvers';
import { SensorEntity } from './sensor';
import { SensorThresholdEntity } from './sensor-threshold';

/** How every field of the schema is governed; the shield's rules are built from it. */
export { deviceTelemetryFieldPolicy } from './field-policy';
export { readDeviceTelemetryConfig } from './config';

export const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');
export const deviceTelemetryTypeDefs = parse(readFileSync(SCHEMA_FILE, 'utf8'));

export const deviceTelemetryStorage: SubgraphStorage = {
  name: 'device-telemetry',
  schema: 'telemetry',
  entities: [
    LocationEntity,
    DeviceEntity,
    SensorEntity,
    SensorThresholdEntity,
    ReadingEntity,
    ReadingHourlyEntity,
    ReadingDailyEntity,
    IncidentEntity,
    ApplicationEntity,
    JobEntity,
    ChangeLogEntity,
  ],
  migrations,
};

/**
 * Everything the kit needs to build, migrate and serve the device-telemetry
 * subgraph; it asks identity for access decisions. In the background it keeps
 * the weekly partitions of the raw readings: the weeks around now in place,
 * the weeks past `readingRetentionDays` dropped (readings/partitions.ts).
 */
export function createDeviceTelemetrySubgraph(
  accessCheck: AccessCheckConfig,
  options: {
    /** READING_RETENTION_DAYS. */
    readingRetentionDays?: number;
    /** How often the partition maintenance runs after its pass at start-up. */
    partitionMaintenanceIntervalMs?: number;
  } = {},
): SubgraphPackage<DeviceTelemetryContext> {
  const readingRetentionDays = options.readingRetentionDays ?? DEFAULT_READING_RETENTION_DAYS;
  const metrics = createDeviceTelemetryMetrics();
  return {
    definition: {
      name: 'device-telemetry',
      typeDefs: deviceTelemetryTypeDefs,
      resolvers,
      permissions,
      createContext: (base, database) => createContext(base, database, accessCheck, metrics, readingRetentionDays),
      metrics: [metrics.readingsIngested],
      startBackgroundWork: (database, logger) =>
        startReadingPartitionMaintenance(database, logger, { retentionDays: readingRetentionDays, intervalMs: options.partitionMaintenanceIntervalMs }),
    },
    storage: deviceTelemetryStorage,
  };
}
