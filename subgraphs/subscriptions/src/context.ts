import type { BaseContext, Database } from '@partnergraph/subgraph-kit';
import { createLoaders, type Loaders } from './loaders';

export interface SubscriptionsContext extends BaseContext {
  database: Database;
  loaders: Loaders;
}

export function createContext(base: BaseContext, database: Database): SubscriptionsContext {
  return { ...base, database, loaders: createLoaders(database) };
}
