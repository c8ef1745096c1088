import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Logger } from '@partnergraph/core';

/** A collector that stays away is reported once per this interval, not once per batch. */
const REPORT_INTERVAL_MS = 60_000;

/**
 * The OTLP exporter, with its failures logged: a batch the collector did not
 * take is dropped (requests never wait for it), and the service says so at
 * warn, at most once a minute, with how many spans were dropped since.
 * OpenTelemetry's own error handler would report it through its global
 * diagnostic logger, which nothing here registers.
 */
export class ReportingExporter implements SpanExporter {
  private dropped = 0;
  private reportedAt = -Infinity;

  constructor(
    private readonly exporter: SpanExporter,
    private readonly logger: Logger,
  ) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.exporter.export(spans, (result) => {
      if (result.code !== ExportResultCode.SUCCESS) this.report(spans.length, result.error);
      resultCallback(result);
    });
  }

  shutdown(): Promise<void> {
    return this.exporter.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.exporter.forceFlush?.() ?? Promise.resolve();
  }

  private report(spans: number, error: Error | undefined): void {
    this.dropped += spans;
    const now = performance.now();
    if (now - this.reportedAt < REPORT_INTERVAL_MS) return;
    this.logger.warn('spans could not be exported to the OTLP endpoint and were dropped', { spans: this.dropped, error });
    this.reportedAt = now;
    this.dropped = 0;
  }
}
