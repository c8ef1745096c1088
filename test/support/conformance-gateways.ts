import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createLogger, generateEd25519KeyPair, listen } from '@partnergraph/core';
import { createGatewayServer } from '@partnergraph/gateway';
import { readGatewayConfig } from '@partnergraph/gateway/config';

export interface RunningGateway {
  /** The GraphQL endpoint. */
  url: string;
  /** GET answers 200 once the gateway serves GraphQL. */
  healthUrl: string;
  stop(): Promise<void>;
}

/**
 * Plain @apollo/gateway inside Apollo Server with its defaults, served by
 * Express as Apollo's documentation (and the federation audit) starts it:
 * the yardstick ours is compared with.
 */
export async function startPlainApolloGateway(supergraphSdl: string, options: { port?: number } = {}): Promise<RunningGateway> {
  const app = express();
  const httpServer = createServer(app);
  const server = new ApolloServer({
    gateway: new ApolloGateway({ supergraphSdl }),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await server.start();
  app.use('/graphql', express.json(), expressMiddleware(server));
  app.get('/health', (_req, res) => {
    res.send('OK');
  });
  const port = await listen(httpServer, { host: '127.0.0.1', port: options.port ?? 0, portVariable: 'PORT' });
  const baseUrl = `http://127.0.0.1:${port}`;
  return { url: `${baseUrl}/graphql`, healthUrl: `${baseUrl}/health`, stop: () => server.stop() };
}

/**
 * PartnerGraph's gateway serving `supergraphSdl` with every layer on: the
 * operation limits and error masking at their defaults, rate limiting on
 * (high enough that a test run never reaches it), CSRF prevention, request
 * ids and an internal token signed for every subgraph request. Callers are
 * anonymous; the fixture subgraphs ignore the internal token.
 */
export async function startPartnerGraphGateway(
  supergraphSdl: string,
  options: { port?: number; nodeEnv?: 'test' | 'production'; environment?: Record<string, string> } = {},
): Promise<RunningGateway & { logs: string[] }> {
  const logs: string[] = [];
  const logger = createLogger({ level: 'info', format: 'text', write: (line) => logs.push(line) });
  const directory = await mkdtemp(join(tmpdir(), 'partnergraph-conformance-'));
  const supergraphPath = join(directory, 'supergraph.graphql');
  await writeFile(supergraphPath, supergraphSdl);
  const config = readGatewayConfig({
    NODE_ENV: options.nodeEnv ?? 'test',
    SUPERGRAPH_PATH: supergraphPath,
    INTERNAL_TOKEN_PRIVATE_KEY: generateEd25519KeyPair().privateKeyPem,
    RATE_LIMIT_PER_MINUTE: '100000',
    ...options.environment,
  });
  const gateway = await createGatewayServer(config, logger.child({ service: 'gateway' }));
  const port = await listen(gateway.httpServer, { host: '127.0.0.1', port: options.port ?? 0, portVariable: 'PORT' });
  await gateway.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: `${baseUrl}/graphql`,
    healthUrl: `${baseUrl}/health/ready`,
    logs,
    async stop() {
      await gateway.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
