import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, generateEd25519KeyPair, listen } from '@partnergraph/core';
import { createGatewayServer } from '@partnergraph/gateway';
import { readGatewayConfig } from '@partnergraph/gateway/config';

export interface StandaloneGateway {
  /** `http://127.0.0.1:<port>`, without a path. */
  baseUrl: string;
  graphqlUrl: string;
  logs: string[];
  /** Loads the supergraph and starts answering GraphQL (the HTTP server already listens). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The gateway alone, listening on a loopback port, serving `supergraphSdl`
 * from a file, with no subgraph started: for what the gateway must do
 * whatever state the subgraphs are in. `start()` is left to the test.
 */
export async function listenWithGatewayOnly(options: {
  supergraphSdl: string;
  environment?: Record<string, string>;
}): Promise<StandaloneGateway> {
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', format: 'text', write: (line) => logs.push(line) });
  const directory = await mkdtemp(join(tmpdir(), 'partnergraph-gateway-'));
  const supergraphPath = join(directory, 'supergraph.graphql');
  await writeFile(supergraphPath, options.supergraphSdl);
  const config = readGatewayConfig({
    NODE_ENV: 'test',
    PORT: '0',
    SUPERGRAPH_PATH: supergraphPath,
    INTERNAL_TOKEN_PRIVATE_KEY: generateEd25519KeyPair().privateKeyPem,
    // Stopped at once; the drain has its own test (graceful-drain.test.ts).
    SHUTDOWN_LINGER_MS: '0',
    ...options.environment,
  });
  const gateway = await createGatewayServer(config, logger.child({ service: 'gateway' }));
  const port = await listen(gateway.httpServer, { host: '127.0.0.1', port: 0, portVariable: 'PORT' });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    logs,
    start: () => gateway.start(),
    async stop() {
      await gateway.stop();
      // Apollo Server closes the HTTP server only if it was started.
      if (gateway.httpServer.listening) {
        await new Promise<void>((resolve, reject) => gateway.httpServer.close((error) => (error ? reject(error) : resolve())));
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A loopback GraphQL URL on a port that nothing listens on (it was free a moment ago). */
export async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  const port = await new Promise<number>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      if (typeof address === 'object' && address !== null) resolve(address.port);
      else reject(new Error('the probe server has no port'));
    });
  });
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}
