import { ConfigError, createLogger, type Environment } from '@partnergraph/core';
import { createDatabase, migrateDatabase, type SubgraphStorage } from './database';
import { readMigrationConfig } from './subgraph-config';

/**
 * A subgraph's migrations alone, without serving: what a deployment's
 * migration Job runs (`node subgraphs/<name>/dist/migrate.js`) before the new
 * release's replicas start. It needs only DATABASE_URL, applies the pending
 * migrations under the same advisory lock as a starting subgraph, logs them and
 * exits 0; a bad setting or a failed migration exits 1.
 */
export async function runMigrations(name: string, storage: SubgraphStorage, environment: Environment): Promise<void> {
  let config;
  try {
    config = readMigrationConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${name} migrations: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, format: config.logFormat, fields: { service: `${name}-migrate` } });
  const database = createDatabase({
    url: config.databaseUrl,
    storage,
    // One connection holds the advisory lock while the migrations run on the other.
    poolSize: 2,
    statementTimeoutMs: config.statementTimeoutMs,
    applicationName: `partnergraph-${name}-migrate`,
    logger,
  });
  let exitCode = 0;
  try {
    const applied = await migrateDatabase(database);
    logger.info(applied.length > 0 ? 'applied migrations' : 'no pending migrations', { migrations: applied.join(',') });
  } catch (error) {
    logger.error('migrations failed', { error });
    exitCode = 1;
  } finally {
    if (database.dataSource.isInitialized) await database.dataSource.destroy();
  }
  process.exit(exitCode);
}
