import type { AccessDecision } from '@partnergraph/core';
import {
  createAccessDecisionLoader,
  createReadableOrganizations,
  type AccessCheckConfig,
  type AccessCheckedContext,
  type BaseContext,
  type Database,
} from '@partnergraph/subgraph-kit';
import { createLoaders, type Loaders } from './loaders';
import type { DeviceTelemetryMetrics } from './metrics';

export interface DeviceTelemetryContext extends AccessCheckedContext {
  database: Database;
  /** READING_RETENTION_DAYS: how long raw readings are kept (readings/retention.ts). */
  readingRetentionDays: number;
  loaders: Loaders;
  /** Asked at most once per request: the caller's decisions for every organization whose data it may read. */
  readableOrganizations: () => Promise<AccessDecision[]>;
  metrics: DeviceTelemetryMetrics;
}

export function createContext(
  base: BaseContext,
  database: Database,
  accessCheck: AccessCheckConfig,
  metrics: DeviceTelemetryMetrics,
  readingRetentionDays: number,
): DeviceTelemetryContext {
  const access = createAccessDecisionLoader(accessCheck, base);
  return {
    ...base,
    access,
    readableOrganizations: createReadableOrganizations(accessCheck, base, access),
    database,
    readingRetentionDays,
    loaders: createLoaders(database),
    metrics,
  };
}
