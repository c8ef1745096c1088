import { defaultTextMapSetter, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { ATTR_ERROR_TYPE, ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';

/** GraphQL's semantic-convention attributes (still "development" in the conventions, so spelled here rather than imported). */
export const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
export const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';
/** The prefix of a recorded variable's attribute: `graphql.variables.first`. */
export const GRAPHQL_VARIABLE_ATTRIBUTE_PREFIX = 'graphql.variables.';

/** A recorded variable's value is cut to this many characters. */
const MAX_VARIABLE_LENGTH = 256;

export const propagator = new W3CTraceContextPropagator();

/**
 * One request a service received, as its trace sees it: the request's span
 * (SERVER), handed along explicitly (on the GraphQL context, the request's
 * view of the database) to wherever a child span is made. Nothing here rides
 * on a global context manager or AsyncLocalStorage: their promise hooks cost
 * every request, sampled or not.
 *
 * An unsampled request has a RequestTrace too, whose span records nothing:
 * it makes no child spans (`startSpan` answers undefined, callers skip their
 * work on `recording`), but its trace context still travels on in the
 * headers of the requests it makes, so services called downstream sample
 * nothing of it either.
 */
export class RequestTrace {
  readonly recording: boolean;
  readonly traceId: string;
  /** The parent of spans started now: the request's span, or a span made current by `within` during its synchronous part. */
  private current: Span;
  private failure: string | undefined;

  constructor(
    private readonly tracer: Tracer,
    readonly span: Span,
    private readonly recordedVariables: ReadonlySet<string>,
  ) {
    this.recording = span.isRecording();
    this.traceId = span.spanContext().traceId;
    this.current = span;
  }

  /** A span under `parent`, by default the current one; undefined when the request is not sampled. End it with endSpan. */
  startSpan(name: string, options: { kind?: SpanKind; attributes?: Attributes; parent?: Span } = {}): Span | undefined {
    if (!this.recording) return undefined;
    const parent = trace.setSpan(ROOT_CONTEXT, options.parent ?? this.current);
    return this.tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent);
  }

  /**
   * Runs `run` with `span` as the parent of the spans started during its
   * synchronous part (up to its first `await`), such as the statements a
   * DataLoader batch issues at once. Nothing else runs in that window, so no
   * span is put under the wrong parent; one started later in `run` is a child
   * of the request's span instead.
   */
  within<T>(span: Span | undefined, run: () => T): T {
    if (!span) return run();
    const previous = this.current;
    this.current = span;
    try {
      return run();
    } finally {
      this.current = previous;
    }
  }

  /** The parent spans started now get: what a statement's span is put under when its query runner is made. */
  get currentSpan(): Span {
    return this.current;
  }

  /** The W3C trace context headers (`traceparent`, and `tracestate` if the caller sent one) of a request made under `span` (by default the request's span). */
  headers(span: Span = this.span): Record<string, string> {
    const carrier: Record<string, string> = {};
    propagator.inject(trace.setSpan(ROOT_CONTEXT, span), carrier, defaultTextMapSetter);
    return carrier;
  }

  /** Names the request's span after its operation (`query PartnerDashboard`) and records the variables the allow-list names. */
  operationResolved(operation: { type: string | undefined; name: string | undefined; variables: Readonly<Record<string, unknown>> | undefined }): void {
    if (!this.recording || operation.type === undefined) return;
    this.span.updateName(operation.name ? `${operation.type} ${operation.name}` : operation.type);
    this.span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, operation.type);
    if (operation.name) this.span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, operation.name);
    for (const name of this.recordedVariables) {
      const value = operation.variables?.[name];
      if (value !== undefined) this.span.setAttribute(`${GRAPHQL_VARIABLE_ATTRIBUTE_PREFIX}${name}`, variableText(value));
    }
  }

  /** Marks the request failed with an error code (the first GraphQL error's), never a message. */
  fail(failure: string): void {
    this.failure ??= failure;
  }

  /** Ends the request's span with the HTTP status of its answer: failed if `fail` said so or the status is 5xx. */
  end(status: number): void {
    if (!this.recording) return;
    this.span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
    endSpan(this.span, this.failure ?? (status >= 500 ? String(status) : undefined));
  }
}

/**
 * Ends a span; with `failure` (an error code, an SQLSTATE, a status), marked
 * failed with it as `error.type` and status message. Never an error's
 * message: GraphQL's and PostgreSQL's messages may quote the values sent.
 */
export function endSpan(span: Span | undefined, failure?: string): void {
  if (!span) return;
  if (failure !== undefined) {
    span.setAttribute(ATTR_ERROR_TYPE, failure);
    span.setStatus({ code: SpanStatusCode.ERROR, message: failure });
  }
  span.end();
}

/** What a failed span is marked with: an error's code (a GraphQL error's `extensions.code`, PostgreSQL's SQLSTATE, Node's `ECONNREFUSED`), else its name. */
export function failureOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'Error';
  const extensions = 'extensions' in error && typeof error.extensions === 'object' && error.extensions !== null ? error.extensions : undefined;
  const code = extensions && 'code' in extensions ? extensions.code : 'code' in error ? error.code : undefined;
  if (typeof code === 'string' && code !== '') return code;
  return 'name' in error && typeof error.name === 'string' ? error.name : 'Error';
}

function variableText(value: unknown): string | number | boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VARIABLE_LENGTH ? `${text.slice(0, MAX_VARIABLE_LENGTH)}…` : text;
}
