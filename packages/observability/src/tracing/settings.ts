import { settings } from '@partnergraph/core';

/**
 * The tracing settings every service reads, spread into its config module's
 * readConfig (gateway/src/config.ts, the kit's subgraph-config.ts) and gathered
 * again with withTracingConfig; docs/operations.md ("Tracing") lists them.
 */
export const TRACING_SETTINGS = {
  otlpEndpoint: { variable: 'OTEL_EXPORTER_OTLP_ENDPOINT', setting: settings.optionalUrl({ protocols: ['http:', 'https:'] }) },
  traceSampleRatio: { variable: 'OTEL_TRACES_SAMPLER_ARG', setting: settings.fraction(1) },
  traceServiceName: { variable: 'OTEL_SERVICE_NAME', setting: settings.optionalString() },
  traceRecordedVariables: { variable: 'TRACE_RECORDED_VARIABLES', setting: settings.list([]) },
};

export interface TracingConfig {
  /** OTLP/HTTP base URL of the collector (spans go to `<endpoint>/v1/traces`); unset: no tracing at all. */
  endpoint: string | undefined;
  /** The share of new traces that are sampled, decided on the trace id (parentbased_traceidratio). */
  sampleRatio: number;
  /** The `service.name` of the spans; unset: the service's own name. */
  serviceName: string | undefined;
  /** GraphQL variables whose values spans may carry; none by default. */
  recordedVariables: readonly string[];
}

type ParsedTracingSettings = { readonly [K in keyof typeof TRACING_SETTINGS]: ReturnType<(typeof TRACING_SETTINGS)[K]['setting']['parse']> };

/** A config read with TRACING_SETTINGS among its own, with those four gathered into `tracing`. */
export function withTracingConfig<T extends ParsedTracingSettings>(parsed: T): Omit<T, keyof ParsedTracingSettings> & { tracing: TracingConfig } {
  const { otlpEndpoint, traceSampleRatio, traceServiceName, traceRecordedVariables, ...rest } = parsed;
  return {
    ...rest,
    tracing: { endpoint: otlpEndpoint, sampleRatio: traceSampleRatio, serviceName: traceServiceName, recordedVariables: traceRecordedVariables },
  };
}
