import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of the test PostgreSQL server, for one subgraph's
 * connections: `cut()` closes its port and resets every connection through
 * it, as a crashed database server would look from that subgraph (refused
 * connections, dropped sessions), while the shared server and every other
 * subgraph carry on. `restore()` listens on the same port again.
 */
export interface DatabaseOutage {
  /** The subgraph's database URL, through the relay. */
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function databaseRelay(databaseUrl: string): Promise<DatabaseOutage> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = async (): Promise<void> => {
    const relay = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      relay.once('error', reject);
      relay.listen(port, '127.0.0.1', () => resolve());
    });
    port = (relay.address() as AddressInfo).port;
    server = relay;
  };
  const cut = async (): Promise<void> => {
    const relay = server;
    server = undefined;
    for (const socket of sockets) socket.resetAndDestroy();
    if (relay) await new Promise<void>((resolve) => relay.close(() => resolve()));
  };
  await listen();
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return { url: url.toString(), cut, restore: listen, close: cut };
}
