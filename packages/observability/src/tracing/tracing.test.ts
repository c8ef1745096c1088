import { SpanStatusCode } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createLogger, readConfig } from '@partnergraph/core';
import { ReportingExporter } from './reporting-exporter';
import { endSpan } from './request-trace';
import { TRACING_SETTINGS, withTracingConfig, type TracingConfig } from './settings';
import { createTracing, tracesUrl } from './tracing';

const QUIET = createLogger({ level: 'error', format: 'text', write: () => undefined });
const ON: TracingConfig = { endpoint: undefined, sampleRatio: 1, serviceName: undefined, recordedVariables: [] };
const CALLER_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const traceparent = (sampled: boolean) => `00-${CALLER_TRACE_ID}-${CALLER_SPAN_ID}-${sampled ? '01' : '00'}`;

function traced(config: Partial<TracingConfig>, callerDecidesSampling: boolean) {
  const exporter = new InMemorySpanExporter();
  const tracing = createTracing({ ...ON, ...config }, { service: 'device-telemetry', callerDecidesSampling, exporter, logger: QUIET });
  if (!tracing) throw new Error('tracing is off');
  return { tracing, exporter };
}

describe('the tracing settings', () => {
  it('turn tracing off unless OTEL_EXPORTER_OTLP_ENDPOINT is set, and default to every trace, the service name and no variables', () => {
    const { tracing } = withTracingConfig(readConfig(TRACING_SETTINGS, {}));

    expect(tracing).toEqual({ endpoint: undefined, sampleRatio: 1, serviceName: undefined, recordedVariables: [] });
    expect(createTracing(tracing, { service: 'gateway', callerDecidesSampling: false, logger: QUIET })).toBeUndefined();
  });

  it('read the endpoint, the ratio, the service name and the allow-list', () => {
    const { tracing } = withTracingConfig(
      readConfig(TRACING_SETTINGS, {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
        OTEL_TRACES_SAMPLER_ARG: '0.1',
        OTEL_SERVICE_NAME: 'gateway-eu',
        TRACE_RECORDED_VARIABLES: 'first, after',
      }),
    );

    expect(tracing).toEqual({ endpoint: 'http://127.0.0.1:4318', sampleRatio: 0.1, serviceName: 'gateway-eu', recordedVariables: ['first', 'after'] });
    expect(tracesUrl('http://collector:4318')).toBe('http://collector:4318/v1/traces');
    expect(tracesUrl('http://collector:4318/otlp/')).toBe('http://collector:4318/otlp/v1/traces');
  });
});

describe('a request trace', () => {
  it('continues a valid traceparent, names the service and the operation, and records only allow-listed variables', () => {
    const { tracing, exporter } = traced({ recordedVariables: ['first'] }, true);

    const request = tracing.startRequest('POST /graphql', { traceparent: traceparent(true) }, {});
    request.operationResolved({ type: 'query', name: 'Devices', variables: { first: 10, password: 'hunter2' } });
    request.end(200);

    const [span] = exporter.getFinishedSpans();
    expect(span?.spanContext().traceId).toBe(CALLER_TRACE_ID);
    expect(span?.parentSpanContext?.spanId).toBe(CALLER_SPAN_ID);
    expect(span?.name).toBe('query Devices');
    expect(span?.resource.attributes['service.name']).toBe('device-telemetry');
    expect(span?.attributes).toEqual({
      'graphql.operation.type': 'query',
      'graphql.operation.name': 'Devices',
      'graphql.variables.first': 10,
      'http.response.status_code': 200,
    });
  });

  it('starts a new trace for a missing or malformed traceparent', () => {
    const { tracing, exporter } = traced({}, true);

    tracing.startRequest('POST /graphql', { traceparent: 'not-a-traceparent' }, {}).end(200);

    const [span] = exporter.getFinishedSpans();
    expect(span?.spanContext().traceId).not.toBe(CALLER_TRACE_ID);
    expect(span?.parentSpanContext).toBeUndefined();
  });

  it('follows the caller’s sampling decision in a subgraph, and hands the unsampled decision on', () => {
    const { tracing, exporter } = traced({ sampleRatio: 1 }, true);

    const request = tracing.startRequest('POST /graphql', { traceparent: traceparent(false) }, {});

    expect(request.recording).toBe(false);
    expect(request.startSpan('dataloader.batch deviceById')).toBeUndefined();
    expect(request.headers().traceparent).toMatch(new RegExp(`^00-${CALLER_TRACE_ID}-[0-9a-f]{16}-00$`));
    request.end(200);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('at the edge, decides by the ratio whatever a client’s sampled flag says', () => {
    const never = traced({ sampleRatio: 0 }, false);
    const always = traced({ sampleRatio: 1 }, false);

    const forced = never.tracing.startRequest('POST /graphql', { traceparent: traceparent(true) }, {});
    const declined = always.tracing.startRequest('POST /graphql', { traceparent: traceparent(false) }, {});

    expect(forced.recording).toBe(false);
    expect(declined.recording).toBe(true);
    expect(declined.traceId).toBe(CALLER_TRACE_ID);
  });

  it('parents spans started during a span’s synchronous part under it, and later ones under the request', async () => {
    const { tracing, exporter } = traced({}, true);
    const request = tracing.startRequest('POST /graphql', {}, {});
    const batch = request.startSpan('dataloader.batch devicePages');

    await request.within(batch, async () => {
      endSpan(request.startSpan('SELECT'));
      await Promise.resolve();
      endSpan(request.startSpan('SELECT after an await'));
    });
    endSpan(batch);
    request.end(200);

    const parentOf = (name: string) => exporter.getFinishedSpans().find((span) => span.name === name)?.parentSpanContext?.spanId;
    expect(parentOf('SELECT')).toBe(batch?.spanContext().spanId);
    expect(parentOf('SELECT after an await')).toBe(request.span.spanContext().spanId);
    expect(parentOf('dataloader.batch devicePages')).toBe(request.span.spanContext().spanId);
  });

  it('marks a failure with its code only, and a 5xx answer as failed', () => {
    const { tracing, exporter } = traced({}, true);
    const request = tracing.startRequest('POST /graphql', {}, {});
    endSpan(request.startSpan('SELECT'), '57014');
    request.end(503);

    const [statement, requestSpan] = exporter.getFinishedSpans();
    expect(statement?.status).toEqual({ code: SpanStatusCode.ERROR, message: '57014' });
    expect(statement?.attributes['error.type']).toBe('57014');
    expect(requestSpan?.status).toEqual({ code: SpanStatusCode.ERROR, message: '503' });
  });
});

describe('the OTLP exporter’s failures', () => {
  it('are logged at warn at most once a minute, with the spans dropped, and passed on', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', format: 'text', write: (line) => lines.push(line) });
    const refused = new Error('connect ECONNREFUSED 127.0.0.1:4318');
    const exporter = new ReportingExporter(
      { export: (_spans, done) => done({ code: ExportResultCode.FAILED, error: refused }), shutdown: async () => undefined },
      logger,
    );
    const results: ExportResultCode[] = [];

    // Spans are only counted here: five placeholders a batch.
    for (let batch = 0; batch < 3; batch += 1) exporter.export(new Array<ReadableSpan>(5), (result) => results.push(result.code));

    expect(results).toEqual([ExportResultCode.FAILED, ExportResultCode.FAILED, ExportResultCode.FAILED]);
    expect(lines).toEqual([expect.stringMatching(/^warn\s+spans could not be exported to the OTLP endpoint and were dropped spans=5 error=".*ECONNREFUSED/)]);
  });
});
