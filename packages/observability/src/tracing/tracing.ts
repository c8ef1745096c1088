import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { defaultTextMapGetter, ROOT_CONTEXT, SpanKind, type Attributes } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Logger } from '@partnergraph/core';
import { ReportingExporter } from './reporting-exporter';
import { propagator, RequestTrace } from './request-trace';
import type { TracingConfig } from './settings';

/** How long a stopping service waits for its last spans to be exported. */
const SHUTDOWN_WAIT_MS = 5000;

export interface TracingOptions {
  /** The service's own name, the `service.name` unless OTEL_SERVICE_NAME says otherwise. */
  service: string;
  /**
   * Whether a caller's `traceparent` decides if a request is sampled (a
   * subgraph: only the gateway and other subgraphs, holding internal tokens,
   * reach it). At the edge (the gateway) it does not: a client's trace is
   * continued (same trace id, its span as the parent) but the ratio decides,
   * on the trace id, whatever the client's sampled flag says.
   */
  callerDecidesSampling: boolean;
  /** Where finished spans go, one at a time as each ends, instead of OTLP (tests: an InMemorySpanExporter); given, tracing is on whatever the endpoint. */
  exporter?: SpanExporter;
  /** Where a failed export is reported (see ReportingExporter). */
  logger: Logger;
}

/**
 * A service's tracing, or undefined when it is off (no OTEL_EXPORTER_OTLP_ENDPOINT
 * and no exporter given): then nothing is created, registered or exported, and
 * the code paths that would trace cost one check of an undefined value. Nothing
 * is registered globally either way (no global tracer provider, propagator or
 * context manager): each service holds its own, so the gateway and the
 * subgraphs can run in one process (the federation tests) with a `service.name`
 * each, and a test can make and drop its own.
 */
export function createTracing(config: TracingConfig, options: TracingOptions): Tracing | undefined {
  const processor = spanProcessor(config, options);
  if (!processor) return undefined;
  const ratio = new TraceIdRatioBasedSampler(config.sampleRatio);
  const sampler = new ParentBasedSampler(
    options.callerDecidesSampling ? { root: ratio } : { root: ratio, remoteParentSampled: ratio, remoteParentNotSampled: ratio },
  );
  const resource = defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName ?? options.service }));
  return new Tracing(new BasicTracerProvider({ resource, sampler, spanProcessors: [processor] }), new Set(config.recordedVariables));
}

function spanProcessor(config: TracingConfig, options: TracingOptions): SpanProcessor | undefined {
  if (options.exporter) return new SimpleSpanProcessor(options.exporter);
  if (config.endpoint === undefined) return undefined;
  return new BatchSpanProcessor(new ReportingExporter(new OTLPTraceExporter({ url: tracesUrl(config.endpoint) }), options.logger));
}

/** OTEL_EXPORTER_OTLP_ENDPOINT is a base URL: traces go to its `v1/traces`, as the OpenTelemetry specification says. */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.endsWith('/') ? endpoint : `${endpoint}/`}v1/traces`;
}

export class Tracing {
  private readonly tracer;

  constructor(
    private readonly provider: BasicTracerProvider,
    private readonly recordedVariables: ReadonlySet<string>,
  ) {
    this.tracer = provider.getTracer('@partnergraph/observability');
  }

  /**
   * The trace of a request this service received: its span (SERVER, named
   * `name` until the operation names it) continues the caller's trace when
   * the `traceparent` header is valid, and starts a new one otherwise.
   */
  startRequest(name: string, headers: IncomingHttpHeaders, attributes: Attributes): RequestTrace {
    const caller = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
    const span = this.tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, caller);
    return new RequestTrace(this.tracer, span, this.recordedVariables);
  }

  /**
   * Exports what is still buffered and stops, waiting at most SHUTDOWN_WAIT_MS:
   * a collector that does not answer (reported by ReportingExporter) neither
   * holds a stopping service up nor fails its stop.
   */
  async shutdown(): Promise<void> {
    await Promise.race([this.provider.shutdown().catch(() => undefined), delay(SHUTDOWN_WAIT_MS, undefined, { ref: false })]);
  }
}
