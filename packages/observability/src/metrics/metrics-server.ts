import { createServer } from 'node:http';
import { listen } from '@partnergraph/core';
import type { Registry } from 'prom-client';

export interface MetricsServer {
  /** The port it listens on. */
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `GET /metrics` (Prometheus's text format) on a port of its own,
 * apart from the service's public one, so that the gateway's public URL
 * never exposes it; bind it where only Prometheus reaches it. Anything else
 * is a 404, other methods a 405.
 */
export async function startMetricsServer(options: { registry: Registry; host: string; port: number }): Promise<MetricsServer> {
  const { registry } = options;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: metrics are at /metrics\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(req.method === 'HEAD' ? undefined : text),
      () => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics could not be collected\n'),
    );
  });
  server.keepAliveTimeout = 65_000;
  const port = await listen(server, { host: options.host, port: options.port, portVariable: 'METRICS_PORT' });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
