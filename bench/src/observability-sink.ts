import { createServer, type Server } from 'node:http';

/**
 * What an operator's observability side does to the observed stack: an OTLP
 * collector that takes the traces (answers 200 and drops them, counting
 * requests and bytes) and a Prometheus that scrapes every service's metrics
 * port. Both run in the benchmark's own process, on loopback; their CPU is
 * the collector's and Prometheus's, not the stack's.
 */
export interface ObservabilitySink {
  /** The OTLP/HTTP endpoint to give the services (OTEL_EXPORTER_OTLP_ENDPOINT). */
  otlpEndpoint: string;
  exports(): { requests: number; bytes: number };
  scrapes(): { done: number; failed: number };
  stop(): Promise<void>;
}

export async function startObservabilitySink(options: { otlpPort: number; metricsUrls: readonly string[]; scrapeIntervalMs: number }): Promise<ObservabilitySink> {
  let requests = 0;
  let bytes = 0;
  const collector: Server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    request.on('end', () => {
      requests += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(options.otlpPort, '127.0.0.1', resolve));
  let done = 0;
  let failed = 0;
  const scrape = async (url: string) => {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(options.scrapeIntervalMs) });
      await response.text();
      if (response.ok) done += 1;
      else failed += 1;
    } catch {
      failed += 1;
    }
  };
  const timer = setInterval(() => void Promise.all(options.metricsUrls.map(scrape)), options.scrapeIntervalMs);
  return {
    otlpEndpoint: `http://127.0.0.1:${options.otlpPort}`,
    exports: () => ({ requests, bytes }),
    scrapes: () => ({ done, failed }),
    async stop() {
      clearInterval(timer);
      collector.closeAllConnections();
      await new Promise<void>((resolve) => collector.close(() => resolve()));
    },
  };
}
