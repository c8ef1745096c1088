import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SubgraphName } from '@partnergraph/core';
import type { GraphQLBody } from './load-job';

/**
 * Stands between a gateway and a subgraph while operations are captured (never
 * under load): passes every request on unchanged and writes down the GraphQL
 * POSTs, who sent them (a gateway, with a `graph` token, or a subgraph asking
 * identity for access decisions, with an `access-decisions` token), and what
 * came back, with the SQL statement count the subgraph reports in its
 * `x-sql-statements` header.
 */
export interface RecordedCall {
  subgraph: SubgraphName;
  from: 'gateway' | 'subgraph';
  body: GraphQLBody;
  status: number;
  responseBytes: number;
  statements: number;
  startedMs: number;
  endedMs: number;
}

export interface RecordingProxy {
  name: string;
  url: string;
  /** Everything recorded since the last call, in the order the requests arrived, and how many TCP connections were opened meanwhile. */
  take(): { calls: RecordedCall[]; connections: number };
  stop(): Promise<void>;
}

function scopeOf(headers: IncomingHttpHeaders): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scope?: unknown };
    return typeof claims.scope === 'string' ? claims.scope : undefined;
  } catch {
    return undefined;
  }
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startRecordingProxy(subgraph: SubgraphName, target: string, port: number): Promise<RecordingProxy> {
  const targetUrl = new URL(target);
  const agent = new Agent({ keepAlive: true });
  let recorded: RecordedCall[] = [];
  let connections = 0;
  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      const startedMs = performance.now();
      const requestBody = await readAll(incoming);
      const upstream = httpRequest(
        { host: targetUrl.hostname, port: targetUrl.port, path: incoming.url, method: incoming.method, headers: incoming.headers, agent },
        (response) => {
          void readAll(response).then((responseBody) => {
            if (incoming.method === 'POST') {
              recorded.push({
                subgraph,
                from: scopeOf(incoming.headers) === 'access-decisions' ? 'subgraph' : 'gateway',
                body: JSON.parse(requestBody.toString('utf8')) as GraphQLBody,
                status: response.statusCode ?? 0,
                responseBytes: responseBody.length,
                statements: Number(response.headers['x-sql-statements'] ?? 0),
                startedMs,
                endedMs: performance.now(),
              });
            }
            outgoing.writeHead(response.statusCode ?? 502, response.headers);
            outgoing.end(responseBody);
          });
        },
      );
      upstream.on('error', () => {
        outgoing.writeHead(502);
        outgoing.end();
      });
      upstream.end(requestBody);
    })();
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: listening } = server.address() as AddressInfo;
  return {
    name: `proxy ${subgraph}`,
    url: `http://127.0.0.1:${listening}${targetUrl.pathname}`,
    take() {
      const taken = { calls: recorded, connections };
      recorded = [];
      connections = 0;
      return taken;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
