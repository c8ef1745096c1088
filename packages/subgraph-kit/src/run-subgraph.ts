import { ConfigError, createInternalTokenVerifier, createLogger, listen, PortInUseError } from '@partnergraph/core';
import type { EntitySchema, MixedList } from 'typeorm';
import type { BaseContext } from './context';
import { createDatabase, migrateDatabase } from './database';
import { readSubgraphConfig } from './subgraph-config';
import { createSubgraphServer, type SubgraphDefinition } from './subgraph-server';

export interface SubgraphPackage<TContext extends BaseContext> {
  definition: SubgraphDefinition<TContext>;
  /** The PostgreSQL schema the subgraph owns. */
  schema: string;
  entities: MixedList<EntitySchema>;
  migrations: MixedList<new () => unknown>;
  defaultPort: number;
}

/**
 * The whole life of a subgraph process: read configuration, migrate, serve,
 * and shut down cleanly on SIGINT or SIGTERM. A bad setting or a taken port
 * ends the process with one readable line and exit code 1.
 */
export async function runSubgraph<TContext extends BaseContext>(subgraph: SubgraphPackage<TContext>): Promise<void> {
  let config;
  try {
    config = readSubgraphConfig(process.env, { port: subgraph.defaultPort });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${subgraph.definition.name}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, format: config.logFormat, fields: { service: subgraph.definition.name } });
  const database = createDatabase({
    url: config.databaseUrl,
    schema: subgraph.schema,
    entities: subgraph.entities,
    migrations: subgraph.migrations,
    poolSize: config.databasePoolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    applicationName: `partnergraph-${subgraph.definition.name}`,
    logger,
  });
  try {
    const applied = await migrateDatabase(database);
    if (applied.length > 0) logger.info('applied migrations', { migrations: applied.join(',') });
    const verifier = await createInternalTokenVerifier({
      publicKeyPem: config.internalTokenPublicKey,
      audience: subgraph.definition.name,
    });
    const server = createSubgraphServer(subgraph.definition, {
      database,
      verifier,
      logger,
      introspection: config.nodeEnv !== 'production',
      bodyLimit: config.bodyLimit,
    });
    await server.start();
    const port = await listen(server.httpServer, { host: config.host, port: config.port, portVariable: 'PORT' });
    logger.info('listening', { url: `http://${config.host}:${port}/graphql` });
    const shutdown = async (signal: string): Promise<void> => {
      logger.info('shutting down', { signal });
      await server.stop();
      await database.dataSource.destroy();
      process.exit(0);
    };
    process.once('SIGINT', (signal) => void shutdown(signal));
    process.once('SIGTERM', (signal) => void shutdown(signal));
  } catch (error) {
    if (error instanceof PortInUseError) logger.error(error.message);
    else logger.error('failed to start', { error });
    if (database.dataSource.isInitialized) await database.dataSource.destroy();
    process.exit(1);
  }
}
