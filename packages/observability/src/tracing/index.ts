export { SpanKind, type Attributes, type Span } from '@opentelemetry/api';
export { InMemorySpanExporter, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
export * from './request-trace';
export * from './semantic-conventions';
export * from './settings';
export * from './tracing';
