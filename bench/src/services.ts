import { dirname, join } from 'node:path';
import type { SubgraphName } from '@partnergraph/core';
import { startService, type ServiceProcess } from '@partnergraph/scripts/service-process';
import { REPOSITORY_ROOT } from '@partnergraph/scripts/stack-config';
import type { BenchEnvironment } from './config';
import type { StackKeys } from './keys';
import { PEERS_DIRECTORY, resolvePeer } from './peers';

/**
 * The processes a benchmark measures, started as production runs them:
 * compiled JavaScript from `dist/` (`npm run build`), NODE_ENV=production,
 * every setting docs/operations.md's configuration tables list written out, all on
 * 127.0.0.1. Hive Gateway runs from its own package with the benchmark's
 * config file (bench/peers/hive/gateway.config.mts, loaded through tsx).
 */
export interface Service {
  name: string;
  pid: number;
  /** Its GraphQL endpoint. */
  url: string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export type SubgraphUrls = Record<SubgraphName, string>;

export interface HiveMode {
  id: 'hive-js' | 'hive-js-nodedup' | 'hive-rust' | 'hive-rust-nodedup';
  title: string;
  routerRuntime: boolean;
  deduplicate: boolean;
}

export const HIVE_MODES: readonly HiveMode[] = [
  { id: 'hive-js', title: 'Hive Gateway, JS planner', routerRuntime: false, deduplicate: true },
  { id: 'hive-js-nodedup', title: 'Hive Gateway, JS planner, no dedup', routerRuntime: false, deduplicate: false },
  { id: 'hive-rust', title: 'Hive Gateway, Rust planner', routerRuntime: true, deduplicate: true },
  { id: 'hive-rust-nodedup', title: 'Hive Gateway, Rust planner, no dedup', routerRuntime: true, deduplicate: false },
];

export interface StackContext {
  databaseUrl: string;
  keys: StackKeys;
  environment: BenchEnvironment;
  /** Receives each process's log lines. */
  log: (name: string) => (line: string) => void;
}

const SUPERGRAPH_PATH = join(REPOSITORY_ROOT, 'schema', 'supergraph.graphql');
const HIVE_CONFIG_PATH = join(PEERS_DIRECTORY, 'hive', 'gateway.config.mts');
const graphqlUrl = (port: number): string => `http://127.0.0.1:${port}/graphql`;

function productionEnvironment(context: StackContext, port: number): NodeJS.ProcessEnv {
  return { ...context.environment.inherited, NODE_ENV: 'production', APOLLO_TELEMETRY_DISABLED: '1', HOST: '127.0.0.1', PORT: String(port) };
}

async function start(
  context: StackContext,
  options: { name: string; entry: string; port: number; env: NodeJS.ProcessEnv; readyPath: string; nodeArguments?: string[]; arguments?: string[] },
): Promise<Service> {
  const running: ServiceProcess = await startService({
    name: options.name,
    entry: options.entry,
    env: options.env,
    readyUrl: `http://127.0.0.1:${options.port}${options.readyPath}`,
    write: context.log(options.name),
    nodeArguments: options.nodeArguments ?? [],
    arguments: options.arguments ?? [],
  });
  if (running.pid === undefined) throw new Error(`${options.name} has no process id`);
  return { name: options.name, pid: running.pid, url: graphqlUrl(options.port), exited: running.exited, stop: () => running.stop() };
}

/**
 * The three subgraphs; `identityUrl` is where subscriptions and device-telemetry ask for access decisions (identity itself by default).
 * `countStatements` turns on the per-request `x-sql-statements` header (the capture stack's; it costs CPU, so the load stack runs without).
 */
export async function startSubgraphs(
  context: StackContext,
  ports: Record<SubgraphName, number>,
  options: { identityUrl?: string; countStatements: boolean; namePrefix?: string; settings?: (name: SubgraphName) => NodeJS.ProcessEnv },
): Promise<Record<SubgraphName, Service>> {
  const identityUrl = options.identityUrl ?? graphqlUrl(ports.identity);
  const startSubgraph = (name: SubgraphName): Promise<Service> =>
    start(context, {
      name: `${options.namePrefix ?? ''}${name}`,
      entry: join(REPOSITORY_ROOT, 'subgraphs', name, 'dist', 'index.js'),
      port: ports[name],
      readyPath: '/health/ready',
      env: { ...subgraphEnvironment(context, name, ports[name], { identityUrl, countStatements: options.countStatements }), ...options.settings?.(name) },
    });
  // Identity first: the others' readiness does not need it, but their migrations and its own then do not compete.
  const identity = await startSubgraph('identity');
  const [subscriptions, deviceTelemetry] = await Promise.all([startSubgraph('subscriptions'), startSubgraph('device-telemetry')]);
  return { identity, subscriptions, 'device-telemetry': deviceTelemetry };
}

function subgraphEnvironment(
  context: StackContext,
  name: SubgraphName,
  port: number,
  options: { identityUrl: string; countStatements: boolean },
): NodeJS.ProcessEnv {
  return {
    ...productionEnvironment(context, port),
    DATABASE_URL: context.databaseUrl,
    SQL_STATEMENTS_PER_REQUEST: String(options.countStatements),
    INTERNAL_TOKEN_PUBLIC_KEY: context.keys.internalToken.publicKeyPem,
    ...(name === 'identity'
      ? {
          ACCESS_TOKEN_PRIVATE_KEY: context.keys.accessToken.privateKeyPem,
          ACCESS_TOKEN_PUBLIC_KEY: context.keys.accessToken.publicKeyPem,
          SECRET_ENCRYPTION_KEYS: context.keys.secretEncryption,
        }
      : { IDENTITY_URL: options.identityUrl }),
  };
}

/**
 * A second device-telemetry beside the load stack's own, on the same database and identity: without graphql-shield
 * (bench/src/unshielded-device-telemetry.ts, its build otherwise), the other side of the shield-overhead comparison;
 * or with `profileDirectory`, the subgraph's own build under `--cpu-prof` (the profile is written when it stops).
 */
export function startDeviceTelemetryTwin(
  context: StackContext,
  options: { name: string; port: number; identityUrl: string; shield: boolean; profileDirectory?: string },
): Promise<Service> {
  const profiling = options.profileDirectory ? ['--cpu-prof', '--cpu-prof-dir', options.profileDirectory] : [];
  return start(context, {
    name: options.name,
    port: options.port,
    readyPath: '/health/ready',
    // tsx for the unshielded entry only: without the source condition, the subgraph and the kit come from their builds.
    ...(options.shield
      ? { entry: join(REPOSITORY_ROOT, 'subgraphs', 'device-telemetry', 'dist', 'index.js'), nodeArguments: profiling }
      : { entry: join(REPOSITORY_ROOT, 'bench', 'src', 'unshielded-device-telemetry.ts'), nodeArguments: ['--import', 'tsx', ...profiling] }),
    env: subgraphEnvironment(context, 'device-telemetry', options.port, { identityUrl: options.identityUrl, countStatements: false }),
  });
}

function subgraphUrlEnvironment(urls: SubgraphUrls): NodeJS.ProcessEnv {
  return { IDENTITY_URL: urls.identity, SUBSCRIPTIONS_URL: urls.subscriptions, DEVICE_TELEMETRY_URL: urls['device-telemetry'] };
}

/**
 * Our gateway; with `profileDirectory`, under `--cpu-prof` (the profile is
 * written when it stops). Its one setting that differs from production's
 * defaults: rate limiting is off (RATE_LIMIT_PER_MINUTE=0), since it caps a
 * principal at 600 requests a minute and would be all a throughput benchmark
 * measured; Hive Gateway has none either.
 */
export function startOurGateway(
  context: StackContext,
  options: { name: string; port: number; subgraphUrls: SubgraphUrls; profileDirectory?: string; settings?: NodeJS.ProcessEnv },
): Promise<Service> {
  return start(context, {
    name: options.name,
    entry: join(REPOSITORY_ROOT, 'gateway', 'dist', 'index.js'),
    port: options.port,
    readyPath: '/health/ready',
    nodeArguments: options.profileDirectory ? ['--cpu-prof', '--cpu-prof-dir', options.profileDirectory] : [],
    env: {
      ...productionEnvironment(context, options.port),
      INTERNAL_TOKEN_PRIVATE_KEY: context.keys.internalToken.privateKeyPem,
      RATE_LIMIT_PER_MINUTE: '0',
      ...subgraphUrlEnvironment(options.subgraphUrls),
      ...options.settings,
    },
  });
}

/**
 * The settings that turn a service's observability on as an operator would:
 * metrics on its own port, traces of 10 % of requests to an OTLP endpoint.
 */
export function observedSettings(metricsPort: number, otlpEndpoint: string): NodeJS.ProcessEnv {
  return { METRICS_PORT: String(metricsPort), METRICS_HOST: '127.0.0.1', OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint, OTEL_TRACES_SAMPLER_ARG: '0.1' };
}

/** Hive Gateway in one of its modes, serving the same supergraph file; access-token keys from identity (`jwksUrl`), as our gateway. */
export function startHiveGateway(
  context: StackContext,
  options: { name: string; mode: HiveMode; port: number; subgraphUrls: SubgraphUrls; jwksUrl: string },
): Promise<Service> {
  const bin = join(dirname(resolvePeer('@graphql-hive/gateway')), 'bin.js');
  return start(context, {
    name: options.name,
    entry: bin,
    port: options.port,
    readyPath: '/readiness',
    // tsx loads the TypeScript config file only; @partnergraph/core comes from its build, as for our gateway.
    nodeArguments: ['--import', 'tsx'],
    arguments: [
      'supergraph',
      SUPERGRAPH_PATH,
      '--config-path',
      HIVE_CONFIG_PATH,
      '--host',
      '127.0.0.1',
      '--port',
      String(options.port),
      ...(options.mode.routerRuntime ? ['--hive-router-runtime'] : []),
    ],
    env: {
      ...productionEnvironment(context, options.port),
      INTERNAL_TOKEN_PRIVATE_KEY: context.keys.internalToken.privateKeyPem,
      AUTH_JWKS_URL: options.jwksUrl,
      HIVE_DEDUPLICATE_INFLIGHT_REQUESTS: String(options.mode.deduplicate),
      ...subgraphUrlEnvironment(options.subgraphUrls),
    },
  });
}

export const jwksUrlOf = (identityGraphqlUrl: string): string => new URL('/.well-known/jwks.json', identityGraphqlUrl).toString();
