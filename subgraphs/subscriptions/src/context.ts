import {
  createAccessDecisionLoader,
  type AccessCheckConfig,
  type AccessCheckedContext,
  type BaseContext,
  type Database,
} from '@partnergraph/subgraph-kit';
import { createLoaders, type Loaders } from './loaders';

export interface SubscriptionsContext extends AccessCheckedContext {
  database: Database;
  loaders: Loaders;
}

export function createContext(base: BaseContext, database: Database, accessCheck: AccessCheckConfig): SubscriptionsContext {
  return { ...base, access: createAccessDecisionLoader(accessCheck, base), database, loaders: createLoaders(database) };
}
