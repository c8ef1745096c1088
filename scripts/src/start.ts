import { createLogger } from '@partnergraph/core';
import type { LocalDatabase } from './local-database';
import { prefixer } from './log-prefix';
import { runCommand } from './run-command';
import { spawnService, type ServiceProcess } from './service-process';
import { readStackConfig } from './stack-config';
import {
  assertStackPortsFree,
  GATEWAY_ENTRY,
  gatewayEnvironment,
  graphqlUrlOf,
  loadStackKeys,
  openStackDatabase,
  readyUrlOf,
  serviceEnvironment,
  subgraphEnvironment,
} from './stack-services';
import { metricsPortVariableOf, readStackSubgraphs } from './stack-subgraphs';
import { shutdownOnce, whenStopRequested } from './stop-signals';

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
  const identityUrl = graphqlUrlOf(subgraphs[0]?.port ?? 0);
  // Each service serves Prometheus metrics on a port of its own (0: none; see docs/operations.md, Metrics).
  const metricsPorts = [
    { port: config.gatewayMetricsPort, variable: 'GATEWAY_METRICS_PORT' },
    ...subgraphs.map((subgraph) => ({ port: subgraph.metricsPort, variable: metricsPortVariableOf(subgraph.name) })),
  ];
  await assertStackPortsFree(
    config,
    subgraphs,
    metricsPorts.filter(({ port }) => port !== 0),
  );

  const services: ServiceProcess[] = [];
  let database: LocalDatabase | undefined;
  const shutdown = shutdownOnce(async () => {
    for (const service of [...services].reverse()) await service.stop();
    await database?.stop();
    logger.info('stopped');
  });
  const stopAll = (exitCode: number): Promise<never> => shutdown.stopAndExit(exitCode);
  whenStopRequested(() => void stopAll(0));

  try {
    database = await openStackDatabase(config, logger);
    const databaseUrl = database.url;
    const keys = await loadStackKeys(config.dataDir);
    // No load balancer sends to these, so a stopping service need not wait for one to notice (see start-replicas.ts).
    const common = { ...serviceEnvironment(process.env), SHUTDOWN_LINGER_MS: process.env.SHUTDOWN_LINGER_MS ?? '0' };

    // All at once: each subgraph migrates only its own schema (already done above), and the gateway
    // reads the supergraph from its file, so none waits for another to start.
    const starting = subgraphs.map(({ name, entry, port, metricsPort }) =>
      spawnService({
        name,
        entry,
        env: { ...common, ...subgraphEnvironment({ name, port, metricsPort, databaseUrl, keys, identityUrl }) },
        readyUrl: readyUrlOf(port),
        write: write(name),
      }),
    );
    starting.push(
      spawnService({
        name: 'gateway',
        entry: GATEWAY_ENTRY,
        env: {
          ...common,
          ...gatewayEnvironment({
            port: config.gatewayPort,
            metricsPort: config.gatewayMetricsPort,
            databaseUrl,
            keys,
            identityUrl,
            subgraphUrls: new Map(subgraphs.map(({ name, port }) => [name, graphqlUrlOf(port)])),
          }),
        },
        readyUrl: readyUrlOf(config.gatewayPort),
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
  if (!shutdown.started) {
    logger.error(`${firstToExit} stopped unexpectedly; stopping the rest`);
    await stopAll(1);
  }
});
