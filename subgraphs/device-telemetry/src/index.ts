import { readAccessCheckConfig, runSubgraph } from '@partnergraph/subgraph-kit';
import { createDeviceTelemetrySubgraph } from './server';

void runSubgraph('device-telemetry', async (environment) => createDeviceTelemetrySubgraph(readAccessCheckConfig(environment)));
