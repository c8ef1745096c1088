import { startMetricsServer } from '@partnergraph/observability';
import {
  ConfigError,
  createInternalTokenVerifier,
  createLogger,
  listen,
  PortInUseError,
  type Environment,
} from '@partnergraph/core';
import { createTracing } from '@partnergraph/observability';
import type { BaseContext } from './context';
import { closeDatabase, createDatabase, migrateDatabase, type Database, type SubgraphStorage } from './database';
import { createEmailDelivery } from './email-delivery';
import { readSubgraphConfig } from './subgraph-config';
import { createSubgraphMetrics } from './subgraph-metrics';
import { createSubgraphServer, type SubgraphDefinition, type SubgraphServerOptions } from './subgraph-server';

/** The ports `npm start` gives this repository's subgraphs; any other subgraph is told its PORT. */
const DEFAULT_PORTS: Readonly<Record<string, number>> = { identity: 4001, subscriptions: 4002, 'device-telemetry': 4003 };

export interface SubgraphPackage<TContext extends BaseContext> {
  definition: SubgraphDefinition<TContext>;
  storage: SubgraphStorage;
  /** The schema-qualified email outbox table, delivered over SMTP when SMTP_URL is set. */
  emailOutbox?: string;
  /**
   * Inserts the subgraph's demo data, after its migrations, when
   * SEED_DEMO_DATA is true (`npm start` sets it). Runs on every such start, so
   * it must leave rows that exist alone (ON CONFLICT DO NOTHING). The three
   * subgraphs of this repository are seeded by `npm start` itself and have none.
   */
  seedDemoData?(database: Database): Promise<void>;
}

/**
 * The whole life of a subgraph process: read configuration (`build` reads the
 * subgraph's own settings and may throw ConfigError), migrate, serve,
 * and shut down cleanly on SIGINT or SIGTERM. A bad setting or a taken port
 * ends the process with one readable line and exit code 1.
 */
export async function runSubgraph<TContext extends BaseContext>(
  name: string,
  build: (environment: Environment) => Promise<SubgraphPackage<TContext>>,
  /** Only the benchmark's unshielded device-telemetry passes `{ shield: false }` (see SubgraphServerOptions.shield). */
  serverOptions: Pick<SubgraphServerOptions, 'shield'> = {},
): Promise<void> {
  const [built, common] = await Promise.allSettled([
    build(process.env),
    Promise.resolve().then(() => readSubgraphConfig(process.env, { port: DEFAULT_PORTS[name] })),
  ]);
  const problems = [built, common].flatMap((outcome) => {
    if (outcome.status === 'fulfilled') return [];
    if (outcome.reason instanceof ConfigError) return outcome.reason.problems;
    throw outcome.reason;
  });
  if (built.status === 'rejected' || common.status === 'rejected') {
    process.stderr.write(`${name}: ${new ConfigError(problems).message}\n`);
    process.exit(1);
  }
  const subgraph = built.value;
  const config = common.value;
  const logger = createLogger({ level: config.logLevel, format: config.logFormat, fields: { service: subgraph.definition.name } });
  const database = createDatabase({
    url: config.databaseUrl,
    storage: subgraph.storage,
    poolSize: config.databasePoolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    applicationName: `partnergraph-${subgraph.definition.name}`,
    logger,
    readReplica: config.databaseReadUrl === undefined ? undefined : { url: config.databaseReadUrl, maxLagMs: config.databaseReadMaxLagMs },
  });
  try {
    const applied = await migrateDatabase(database);
    if (applied.length > 0) logger.info('applied migrations', { migrations: applied.join(',') });
    if (config.seedDemoData && subgraph.seedDemoData) {
      await subgraph.seedDemoData(database);
      logger.info('seeded the demo data');
    }
    const verifier = await createInternalTokenVerifier({
      publicKeyPem: config.internalTokenPublicKey,
      audience: subgraph.definition.name,
    });
    // METRICS_PORT 0 (the default): nothing is counted, and no port opened.
    const metrics =
      config.metricsPort === 0
        ? undefined
        : createSubgraphMetrics({
            name: subgraph.definition.name,
            database,
            emailOutbox: subgraph.emailOutbox,
            own: subgraph.definition.metrics,
            logger,
          });
    const server = createSubgraphServer(subgraph.definition, {
      database,
      verifier,
      logger,
      introspection: config.nodeEnv !== 'production',
      bodyLimit: config.bodyLimit,
      sqlStatementsPerRequest: config.sqlStatementsPerRequest,
      shutdownLingerMs: config.shutdownLingerMs,
      metrics,
      tracing: createTracing(config.tracing, { service: subgraph.definition.name, callerDecidesSampling: true, logger }),
      ...serverOptions,
    });
    await server.start();
    const port = await listen(server.httpServer, { host: config.host, port: config.port, portVariable: 'PORT' });
    logger.info('listening', { url: `http://${config.host}:${port}/graphql` });
    const metricsServer = metrics
      ? await startMetricsServer({ registry: metrics.registry, host: config.metricsHost, port: config.metricsPort })
      : undefined;
    if (metricsServer) logger.info('serving metrics', { url: `http://${config.metricsHost}:${metricsServer.port}/metrics` });
    const emailDelivery =
      subgraph.emailOutbox === undefined || config.smtpUrl === undefined
        ? undefined
        : createEmailDelivery({
            database,
            logger,
            outboxTable: subgraph.emailOutbox,
            smtpUrl: config.smtpUrl,
            from: config.smtpFrom,
            pollIntervalMs: config.outboxPollIntervalMs,
          });
    emailDelivery?.start();
    // Ctrl-C under `npm start` brings SIGINT from the terminal and SIGTERM from the launcher: stop once.
    let stopping = false;
    const shutdown = async (signal: string): Promise<void> => {
      if (stopping) return;
      stopping = true;
      logger.info('shutting down', { signal });
      await Promise.all([server.stop(), emailDelivery?.stop(), metricsServer?.close()]);
      await closeDatabase(database);
      process.exit(0);
    };
    process.once('SIGINT', (signal) => void shutdown(signal));
    process.once('SIGTERM', (signal) => void shutdown(signal));
  } catch (error) {
    if (error instanceof PortInUseError) logger.error(error.message);
    else logger.error('failed to start', { error });
    await closeDatabase(database);
    process.exit(1);
  }
}
