import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HeldResponse {
  /** Resolves once the target has answered the held request: its data has been read. */
  answered: Promise<void>;
  /** Passes the held answer on to the caller. */
  release(): void;
}

export interface HoldingProxy {
  /** The proxy's GraphQL URL, to route a subgraph through. */
  url: string;
  /** Holds the answer to the next request that passes, after the target has answered it; later requests pass freely. */
  holdNext(): HeldResponse;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of one service that can hold an answer: the
 * request reaches the service and is answered, but the proxy keeps the answer
 * until released. It holds one execution open at a known point, after it has
 * read its data, so a test can change something meanwhile and send the next
 * request deterministically.
 */
export async function startHoldingProxy(targetUrl: string): Promise<HoldingProxy> {
  const holds: { answered: () => void; released: Promise<void> }[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const hold = holds.shift();
      const body = await readBody(request);
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string' && !HOP_BY_HOP.has(name)) headers.set(name, value);
      }
      const answer = await fetch(new URL(request.url ?? '/', targetUrl), {
        method: request.method,
        headers,
        body: request.method === 'GET' || request.method === 'HEAD' ? undefined : body,
      });
      const text = await answer.text();
      if (hold) {
        hold.answered();
        await hold.released;
      }
      const contentType = answer.headers.get('content-type');
      response.writeHead(answer.status, contentType ? { 'content-type': contentType } : {});
      response.end(text);
    })().catch((error: unknown) => {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const target = new URL(targetUrl);
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    holdNext() {
      let answered!: () => void;
      let release!: () => void;
      const answeredPromise = new Promise<void>((resolve) => {
        answered = resolve;
      });
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      holds.push({ answered, released });
      return { answered: answeredPromise, release };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'content-length']);

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
