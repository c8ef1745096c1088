import { mkdir } from 'node:fs/promises';
import { createLogger } from '@partnergraph/core';
import { findExecutable } from './executable';
import { freeLoopbackPorts } from './free-port';
import { HAPROXY_MISSING, readHaproxyServers, startHaproxy, type HaproxyProcess } from './haproxy';
import { haproxyConfig, UNREADY_NOTICED_WITHIN_MS, type BalancedService } from './haproxy-config';
import type { LocalDatabase } from './local-database';
import { openLocalRedis, REDIS_MISSING, type LocalRedis } from './local-redis';
import { prefixer } from './log-prefix';
import { readReplicasConfig } from './replicas-config';
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
import { readStackSubgraphs } from './stack-subgraphs';
import { shutdownOnce, whenStopRequested } from './stop-signals';

/**
 * How long a replica told to stop keeps answering (503 SERVICE_STOPPING, which
 * HAProxy retries on another replica) before it closes its connections: twice
 * the time HAProxy takes to see it unready, so that nothing is sent to it by then.
 */
const SHUTDOWN_LINGER_MS = 2 * UNREADY_NOTICED_WITHIN_MS;
/** How long HAProxy may take, once every replica is ready, to have seen them all ready. */
const BALANCED_WITHIN_MS = 30_000;

interface Replica {
  name: string;
  port: number;
  entry: string;
  env: NodeJS.ProcessEnv;
}

/**
 * `npm run start:replicas`: what `npm start` runs, twice (REPLICAS), behind
 * HAProxy. PostgreSQL (embedded unless DATABASE_URL is set) with migrations
 * and demo data; Redis (REDIS_URL, or a local redis-server) for the gateways'
 * rate limits; every replica, on ports the OS says are free; then HAProxy on
 * the ports `npm start` uses (the gateway's URL, and one per subgraph, through
 * which gateways reach subgraphs and subgraphs reach identity). A
 * replica that ends after it was ready is started again, as a supervisor
 * would; one that cannot start, or HAProxy or Redis ending, stops it all.
 * Ctrl-C or SIGTERM stops everything: HAProxy first, then the replicas.
 */
runCommand('start:replicas', async () => {
  const config = readStackConfig(process.env);
  const { replicas: count, redisUrl, localRedisPort, haproxyStatsPort } = readReplicasConfig(process.env);
  const write = prefixer(process.stdout);
  const logger = createLogger({ level: 'info', format: 'text', write: write('stack') });

  const subgraphs = await readStackSubgraphs(process.env);
  await assertStackPortsFree(config, subgraphs, [
    { port: haproxyStatsPort, variable: 'HAPROXY_STATS_PORT' },
    ...(redisUrl ? [] : [{ port: localRedisPort, variable: 'LOCAL_REDIS_PORT' }]),
  ]);
  const haproxyBinary = findExecutable('haproxy', process.env.PATH ?? '');
  if (haproxyBinary === undefined) throw new Error(HAPROXY_MISSING);
  const redisBinary = redisUrl ? undefined : findExecutable('redis-server', process.env.PATH ?? '');
  if (!redisUrl && redisBinary === undefined) throw new Error(REDIS_MISSING);

  const services = [{ name: 'gateway', port: config.gatewayPort, entry: GATEWAY_ENTRY }, ...subgraphs];
  const replicaPorts = await freeLoopbackPorts(services.length * count);
  const balanced: BalancedService[] = services.map((service, serviceIndex) => ({
    name: service.name,
    port: service.port,
    public: service.name === 'gateway',
    replicas: Array.from({ length: count }, (_, index) => ({
      name: `${service.name}-${index + 1}`,
      port: replicaPorts[serviceIndex * count + index] ?? 0,
    })),
  }));

  const running = new Map<string, ServiceProcess>();
  let database: LocalDatabase | undefined;
  let redis: LocalRedis | undefined;
  let haproxy: HaproxyProcess | undefined;
  const shutdown = shutdownOnce(async () => {
    await haproxy?.stop();
    const replicas = [...running.values()];
    await Promise.all(replicas.filter((replica) => replica.name.startsWith('gateway-')).map((replica) => replica.stop()));
    await Promise.all(replicas.map((replica) => replica.stop()));
    await redis?.stop();
    await database?.stop();
    logger.info('stopped');
  });
  const stopAll = (exitCode: number): Promise<never> => shutdown.stopAndExit(exitCode);
  const fail = (error: unknown): void => {
    if (shutdown.started) return;
    logger.error(error instanceof Error ? error.message : String(error));
    void stopAll(1);
  };
  whenStopRequested(() => void stopAll(0));

  /** Starts `replica`, and again each time it ends after it was ready; resolves once this first run is ready. */
  const startReplica = (replica: Replica): Promise<void> => {
    const { service, ready } = spawnService({
      name: replica.name,
      entry: replica.entry,
      env: replica.env,
      readyUrl: readyUrlOf(replica.port),
      write: write(replica.name),
    });
    running.set(replica.name, service);
    logger.info(`${replica.name} started`, { pid: service.pid, port: replica.port });
    void ready
      .then(() => service.exited)
      .then((exitCode) => {
        if (shutdown.started) return;
        logger.warn(`${replica.name} ended; starting it again`, { pid: service.pid, exitCode: exitCode ?? 'signal' });
        startReplica(replica).catch(fail);
      })
      .catch(() => {
        // A replica that never became ready: whoever awaited `ready` has the error.
      });
    return ready;
  };

  try {
    await mkdir(config.dataDir, { recursive: true });
    database = await openStackDatabase(config, logger);
    redis = await openLocalRedis({
      redisUrl,
      binary: redisBinary,
      port: localRedisPort,
      dataDir: config.dataDir,
      logger,
      write: write('redis'),
    });
    void redis.exited.then(() => fail(new Error('the local Redis stopped')));
    const keys = await loadStackKeys(config.dataDir);
    const common = { ...serviceEnvironment(process.env), SHUTDOWN_LINGER_MS: String(SHUTDOWN_LINGER_MS) };
    // Everything that calls a subgraph goes through HAProxy, which listens where `npm start`'s subgraphs do.
    const identityUrl = graphqlUrlOf(subgraphs[0]?.port ?? 0);
    const subgraphUrls = new Map(subgraphs.map(({ name, port }) => [name, graphqlUrlOf(port)]));

    const databaseUrl = database.url;
    const replicas = balanced.flatMap((service, serviceIndex) =>
      service.replicas.map(({ name, port }): Replica => ({
        name,
        port,
        entry: services[serviceIndex]?.entry ?? '',
        env:
          service.name === 'gateway'
            ? {
                ...common,
                ...gatewayEnvironment({ port, metricsPort: 0, databaseUrl, keys, identityUrl, subgraphUrls }),
                REDIS_URL: redis?.url,
                // HAProxy's X-Forwarded-For names the caller.
                TRUST_PROXY_HOPS: '1',
              }
            : { ...common, ...subgraphEnvironment({ name: service.name, port, metricsPort: 0, databaseUrl, keys, identityUrl }) },
      })),
    );
    await Promise.all(replicas.map(startReplica));
    // None needs another to start (the gateway reads the supergraph from its file), so HAProxy comes last and finds them ready.
    haproxy = await startHaproxy({
      binary: haproxyBinary,
      config: haproxyConfig(balanced, haproxyStatsPort),
      dataDir: config.dataDir,
      write: write('haproxy'),
    });
    void haproxy.exited.then(() => fail(new Error('HAProxy stopped')));
    await waitUntilBalanced(haproxyStatsPort, replicas.length);
  } catch (error) {
    fail(error);
    return;
  }

  logger.info(
    `PartnerGraph is ready: http://localhost:${config.gatewayPort}/graphql through HAProxy, ${count} replicas of each service ` +
      `(HAProxy's statistics: http://localhost:${haproxyStatsPort}/) (Ctrl-C stops it)`,
  );
});

/** Waits until HAProxy's health checks have seen all `count` replicas ready. */
async function waitUntilBalanced(statsPort: number, count: number): Promise<void> {
  const deadline = Date.now() + BALANCED_WITHIN_MS;
  for (;;) {
    const servers = await readHaproxyServers(statsPort).catch(() => []);
    const up = servers.filter((server) => server.status === 'UP');
    if (up.length === count) return;
    if (Date.now() > deadline) {
      const down = servers.filter((server) => server.status !== 'UP').map((server) => `${server.server} (${server.status})`);
      throw new Error(`HAProxy did not see every replica ready within ${BALANCED_WITHIN_MS / 1000} s: ${down.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
