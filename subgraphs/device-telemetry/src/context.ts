import {
  createAccessDecisionLoader,
  type AccessCheckConfig,
  type AccessCheckedContext,
  type BaseContext,
  type Database,
} from '@partnergraph/subgraph-kit';
import { createLoaders, type Loaders } from './loaders';

export interface DeviceTelemetryContext extends AccessCheckedContext {
  database: Database;
  loaders: Loaders;
}

export function createContext(base: BaseContext, database: Database, accessCheck: AccessCheckConfig): DeviceTelemetryContext {
  return { ...base, access: createAccessDecisionLoader(accessCheck, base), database, loaders: createLoaders(database) };
}
