import { Counter } from '@partnergraph/subgraph-kit';

/** Device-telemetry's own metrics, served beside the kit's when METRICS_PORT is set (SubgraphDefinition.metrics). */
export interface DeviceTelemetryMetrics {
  readingsIngested: Counter<'result'>;
}

export function createDeviceTelemetryMetrics(): DeviceTelemetryMetrics {
  return {
    readingsIngested: new Counter({
      name: 'partnergraph_readings_ingested_total',
      help: 'Readings recordReadings was given in accepted batches, by result (recorded; duplicate: already stored, or repeated in its batch).',
      labelNames: ['result'] as const,
      registers: [],
    }),
  };
}
