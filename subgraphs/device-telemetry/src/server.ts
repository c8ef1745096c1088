import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { AccessCheckConfig, SubgraphPackage, SubgraphStorage } from '@partnergraph/subgraph-kit';
import { createContext, type DeviceTelemetryContext } from './context';
import { DeviceEntity } from './device';
import { migrations } from './migrations';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { SensorEntity } from './sensor';

/** How every field of the schema is governed; the shield's rules are built from it. */
export { deviceTelemetryFieldPolicy } from './field-policy';

export const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');
export const deviceTelemetryTypeDefs = parse(readFileSync(SCHEMA_FILE, 'utf8'));

export const deviceTelemetryStorage: SubgraphStorage = {
  name: 'device-telemetry',
  schema: 'telemetry',
  entities: [DeviceEntity, SensorEntity],
  migrations,
};

/** Everything the kit needs to build, migrate and serve the device-telemetry subgraph; it asks identity for access decisions. */
export function createDeviceTelemetrySubgraph(accessCheck: AccessCheckConfig): SubgraphPackage<DeviceTelemetryContext> {
  return {
    definition: {
      name: 'device-telemetry',
      typeDefs: deviceTelemetryTypeDefs,
      resolvers,
      permissions,
      createContext: (base, database) => createContext(base, database, accessCheck),
    },
    storage: deviceTelemetryStorage,
  };
}
