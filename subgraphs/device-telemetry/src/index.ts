import { runSubgraph } from '@partnergraph/subgraph-kit';
import { deviceTelemetrySubgraph } from './server';

void runSubgraph('device-telemetry', async () => deviceTelemetrySubgraph);
