import { runMigrations } from '@partnergraph/subgraph-kit';
import { deviceTelemetryStorage } from './server';

/** This subgraph's pending migrations, without serving (a deployment's migration Job). */
void runMigrations('device-telemetry', deviceTelemetryStorage, process.env);
