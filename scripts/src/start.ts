import { join } from 'node:path';
import { createLogger } from '@partnergraph/core';
import { migrateAll, seedDemoDataIfEmpty } from './database-setup';
import { assertPortFree } from './free-port';
import { loadOrCreateDevKeyPair, loadOrCreateDevSecretKeys } from './dev-keys';
import { openLocalDatabase, type LocalDatabase } from './local-database';
import { prefixer } from './log-prefix';
import { runCommand } from './run-command';
import { spawnService, type ServiceProcess } from './service-process';
import { readStackConfig, REPOSITORY_ROOT } from './stack-config';
import { gatewayUrlVariableOf, metricsPortVariableOf, portVariableOf, readStackSubgraphs } from './stack-subgraphs';

/**
 * npm does not pass SIGTERM on to the script it runs: when `npm start` is
 * terminated, this process is re-parented. Noticing that within a second
 * keeps a supervisor's SIGTERM from leaving the services and database behind.
 */
function stopWhenParentDies(stop: () => void): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 1_000).unref();
}

/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations,
 * demo data on first start, then every subgraph of this repository that
 * schema/supergraph.yaml lists (each migrates itself and, with SEED_DEMO_DATA,
 * seeds its own demo data) and the gateway, all at once. Ctrl-C or
 * SIGTERM stops everything in reverse order; if any service dies, the rest
 * are stopped too and the command fails.
 */
runCommand('start', async () => {
  const config = readStackConfig(process.env);
  const write = prefixer(process.stdout);
  const logger = createLogger({ level: 'info', format: 'text', write: write('stack') });

  const subgraphs = await readStackSubgraphs(process.env);
  const urlOf = (port: number) => `http://127.0.0.1:${port}/graphql`;
  const identityUrl = urlOf(subgraphs[0]?.port ?? 0);
  await assertPortFree(config.gatewayPort, 'GATEWAY_PORT');
  for (const subgraph of subgraphs) await assertPortFree(subgraph.port, portVariableOf(subgraph.name));
  // Each service serves Prometheus metrics on a port of its own (0: none; see docs/operations.md, Metrics).
  if (config.gatewayMetricsPort !== 0) await assertPortFree(config.gatewayMetricsPort, 'GATEWAY_METRICS_PORT');
  for (const subgraph of subgraphs) if (subgraph.metricsPort !== 0) await assertPortFree(subgraph.metricsPort, metricsPortVariableOf(subgraph.name));
  if (!config.databaseUrl) await assertPortFree(config.embeddedPostgresPort, 'EMBEDDED_POSTGRES_PORT');

  const services: ServiceProcess[] = [];
  let database: LocalDatabase | undefined;
  let stopping = false;
  const stopAll = async (exitCode: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      for (const service of [...services].reverse()) await service.stop();
      await database?.stop();
      logger.info('stopped');
    }
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  stopWhenParentDies(() => void stopAll(0));

  try {
    database = await openLocalDatabase(config, logger);
    const databaseUrl = database.url;
    await migrateAll(databaseUrl, logger);
    if (await seedDemoDataIfEmpty(databaseUrl, logger)) logger.info('seeded the demo data');
    const keys = await loadOrCreateDevKeyPair(config.dataDir, 'internal-token');
    const accessTokenKeys = await loadOrCreateDevKeyPair(config.dataDir, 'access-token');
    const secretEncryptionKeys = await loadOrCreateDevSecretKeys(config.dataDir);
    const common = { ...process.env, APOLLO_TELEMETRY_DISABLED: process.env.APOLLO_TELEMETRY_DISABLED ?? '1', HOST: '127.0.0.1' };

    // All at once: each subgraph migrates only its own schema (already done above), and the gateway
    // reads the supergraph from its file, so none waits for another to start.
    const starting = subgraphs.map(({ name, entry, port, metricsPort }) =>
      spawnService({
        name,
        entry,
        env: {
          ...common,
          PORT: String(port),
          METRICS_PORT: String(metricsPort),
          DATABASE_URL: databaseUrl,
          INTERNAL_TOKEN_PUBLIC_KEY: keys.publicKeyPem,
          // A subgraph with demo data of its own (SubgraphPackage.seedDemoData) adds it for the demo organizations.
          SEED_DEMO_DATA: 'true',
          // Only identity signs sessions; the others ask it for access decisions.
          ...(name === 'identity'
            ? {
                ACCESS_TOKEN_PRIVATE_KEY: accessTokenKeys.privateKeyPem,
                ACCESS_TOKEN_PUBLIC_KEY: accessTokenKeys.publicKeyPem,
                SECRET_ENCRYPTION_KEYS: secretEncryptionKeys,
              }
            : { IDENTITY_URL: identityUrl }),
        },
        readyUrl: `http://127.0.0.1:${port}/health/ready`,
        write: write(name),
      }),
    );
    starting.push(
      spawnService({
        name: 'gateway',
        entry: join(REPOSITORY_ROOT, 'gateway', 'src', 'index.ts'),
        env: {
          ...common,
          PORT: String(config.gatewayPort),
          METRICS_PORT: String(config.gatewayMetricsPort),
          INTERNAL_TOKEN_PRIVATE_KEY: keys.privateKeyPem,
          // Published documents (npm run documents:publish) live in the gateway's own schema there; subscriptions LISTEN there.
          DATABASE_URL: databaseUrl,
          IDENTITY_URL: identityUrl,
          ...Object.fromEntries(subgraphs.map(({ name, port }) => [gatewayUrlVariableOf(name), urlOf(port)])),
        },
        readyUrl: `http://127.0.0.1:${config.gatewayPort}/health/ready`,
        write: write('gateway'),
      }),
    );
    services.push(...starting.map(({ service }) => service));
    await Promise.all(starting.map(({ ready }) => ready));
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
    return stopAll(1);
  }

  logger.info(`PartnerGraph is ready: http://localhost:${config.gatewayPort}/graphql (Ctrl-C stops it)`);
  const firstToExit = await Promise.race(services.map((service) => service.exited.then(() => service.name)));
  if (!stopping) {
    logger.error(`${firstToExit} stopped unexpectedly; stopping the rest`);
    await stopAll(1);
  }
});
