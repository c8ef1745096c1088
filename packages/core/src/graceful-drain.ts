import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { httpErrorResponse } from './request-errors';

export interface DrainOptions {
  /**
   * How long, after stop begins, the server still listens and open
   * keep-alive connections stay open, so that a request a client or a load
   * balancer sends right then, on an open connection or a new one, is
   * answered (503, `Connection: close`) instead of refused or reset. Held in
   * full even while no connection is open: a load balancer that has not yet
   * seen the server unready may open one at any moment, and one it opens
   * just as the server closes would be reset under its request.
   */
  lingerMs: number;
  /** Then, how long requests still running may take before their connections are cut. */
  graceMs: number;
  /** Seconds a refused client is told to wait (another replica usually answers at once). */
  retryAfterSeconds?: number;
}

export interface GracefulDrain {
  /** Refuses requests while draining; mount it before every route. */
  middleware(req: IncomingMessage, res: ServerResponse & { locals?: Record<string, unknown> }, next: () => void): void;
  readonly draining: boolean;
  /**
   * Stops the server without resetting a keep-alive connection under a
   * client's request: running requests finish and are answered with
   * `Connection: close`; requests that arrive during the linger, on open
   * connections or new ones, get 503 SERVICE_STOPPING with Retry-After and
   * `Connection: close`;
   * then the server stops listening, closes idle connections and resolves
   * once the rest have closed (or graceMs has passed, when they are cut).
   */
  drain(): Promise<void>;
}

/** Call before the server listens: it counts the connections and requests from the first one. */
export function gracefulDrain(server: Server, options: DrainOptions): GracefulDrain {
  const sockets = new Set<Socket>();
  const running = new Set<ServerResponse>();
  let draining = false;
  let allClosed: (() => void) | undefined;

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0) allClosed?.();
    });
  });
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    running.add(res);
    res.once('close', () => running.delete(res));
    if (draining && !res.headersSent) res.setHeader('connection', 'close');
  });

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (sockets.size === 0) {
        resolve();
        return;
      }
      const timer = setTimeout(resolve, ms);
      allClosed = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  return {
    get draining() {
      return draining;
    },
    middleware(_req, res, next) {
      if (!draining) {
        next();
        return;
      }
      const requestId = res.locals?.requestId;
      const { status, body } = httpErrorResponse(
        'SERVICE_STOPPING',
        'This server is shutting down; retry the request.',
        typeof requestId === 'string' ? { requestId } : {},
      );
      res.statusCode = status;
      res.setHeader('connection', 'close');
      res.setHeader('retry-after', String(options.retryAfterSeconds ?? 1));
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(body));
    },
    async drain() {
      if (draining) return;
      draining = true;
      for (const res of running) if (!res.headersSent) res.setHeader('connection', 'close');
      await delay(options.lingerMs);
      const closed = new Promise<void>((resolve) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close(() => resolve());
      });
      server.closeIdleConnections();
      await wait(options.graceMs);
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
