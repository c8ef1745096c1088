import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { SubgraphPackage } from '@partnergraph/subgraph-kit';
import { createContext, type DeviceTelemetryContext } from './context';
import { DeviceEntity } from './device';
import { migrations } from './migrations';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { SensorEntity } from './sensor';

export const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');

/** Everything the kit needs to build, migrate and serve the device-telemetry subgraph. */
export const deviceTelemetrySubgraph: SubgraphPackage<DeviceTelemetryContext> = {
  definition: {
    name: 'device-telemetry',
    typeDefs: parse(readFileSync(SCHEMA_FILE, 'utf8')),
    resolvers,
    permissions,
    createContext,
  },
  storage: { name: 'device-telemetry', schema: 'telemetry', entities: [DeviceEntity, SensorEntity], migrations },
};
