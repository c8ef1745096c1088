import { createServer, type AddressInfo, type Server } from 'node:net';
import { PortInUseError } from '@partnergraph/core';

/** Fails with a message naming the port and the variable that moves it when something already listens there. */
export function assertPortFree(port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(`Port ${port} is already in use. Stop what is using it, or set ${variable} to another port.`)
          : error,
      );
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/**
 * Where freeLoopbackPorts looks: below Linux's ephemeral range (32768–60999 by
 * default), from which the OS also picks the local port of every outgoing
 * connection. A port the OS handed out as free (listen on 0) can be taken by
 * such a connection before the process that was told of it binds it; these
 * are only ever taken by a listener that chose them.
 */
const FIRST_PORT = 20_000;
const PORTS = 12_000;
const ATTEMPTS_PER_PORT = 50;
/**
 * The range is cut in slices, one per jest worker (its JEST_WORKER_ID 1, 2, …,
 * which the tests' support passes; slice 0 outside jest): a port one worker
 * chose and released for its child process to bind is never the next choice
 * of another worker in between.
 */
const SLICES = 8;

/** The ports this process picks from: its jest worker's slice of the range. */
export function portSlice(jestWorkerId?: string): { first: number; count: number } {
  const parsed = Number(jestWorkerId);
  const index = Number.isSafeInteger(parsed) && parsed > 0 ? parsed % SLICES : 0;
  const count = Math.floor(PORTS / SLICES);
  return { first: FIRST_PORT + index * count, count };
}

/**
 * `count` distinct ports free on 127.0.0.1 now, picked at random from the
 * slice of the range below the ephemeral one that belongs to `jestWorkerId`
 * (slice 0 without one): all held open at once while choosing (so no two
 * answers are the same port), then released for the caller's processes to bind.
 */
export async function freeLoopbackPorts(count: number, jestWorkerId?: string): Promise<number[]> {
  const slice = portSlice(jestWorkerId);
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    while (ports.length < count) {
      const { server, port } = await holdSomeFreePort(slice);
      servers.push(server);
      ports.push(port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((closed) => server.close(() => closed()))));
  }
}

async function holdSomeFreePort({ first, count }: { first: number; count: number }): Promise<{ server: Server; port: number }> {
  for (let attempt = 0; attempt < ATTEMPTS_PER_PORT; attempt += 1) {
    const port = first + Math.floor(Math.random() * count);
    const server = createServer();
    const bound = await new Promise<boolean>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(false) : reject(error)));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (bound) return { server, port: (server.address() as AddressInfo).port };
  }
  throw new Error(`no free port on 127.0.0.1 from ${first} to ${first + count - 1} after ${ATTEMPTS_PER_PORT} attempts`);
}
