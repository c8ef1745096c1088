import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import type { DocumentNode } from 'graphql';
import {
  createAccessTokenIssuer,
  createInternalTokenVerifier,
  createSecretBox,
  DEFAULT_ACCESS_TOKEN_AUDIENCE,
  DEFAULT_ACCESS_TOKEN_ISSUER,
  type AccessTokenIssuer,
  createLogger,
  generateEd25519KeyPair,
  listen,
  publicKeyId,
  type Logger,
  type SecretBox,
  type SecretKey,
  type LogLevel,
  type SubgraphName,
} from '@partnergraph/core';
import { createDeviceTelemetrySubgraph, deviceTelemetryTypeDefs } from '@partnergraph/device-telemetry';
import { createGatewayServer, type GatewayServer } from '@partnergraph/gateway';
import { readGatewayConfig } from '@partnergraph/gateway/config';
import { createIdentitySubgraph, identityTypeDefs } from '@partnergraph/identity';
import { createTracing, type SpanExporter } from '@partnergraph/observability';
import { createSubscriptionsSubgraph, subscriptionsTypeDefs } from '@partnergraph/subscriptions';
import { startMetricsServer, type MetricsServer } from '@partnergraph/observability';
import {
  closeDatabase,
  createDatabase,
  createSubgraphMetrics,
  createSubgraphServer,
  migrateDatabase,
  type BaseContext,
  type Database,
  type SubgraphPackage,
  type SubgraphServer,
} from '@partnergraph/subgraph-kit';
import { operationSender, type SendOperation } from './http';
import { freePorts } from './processes';
import { createTestDatabase } from './test-database';

export interface RunningSubgraph {
  url: string;
  database: Database;
  server: SubgraphServer;
  /** Its Prometheus endpoint, when the supergraph was started with `metrics`. */
  metricsUrl?: string;
  metricsServer?: MetricsServer;
}

export interface InProcessSupergraph {
  gatewayUrl: string;
  supergraphPath: string;
  supergraphSdl: string;
  keys: { privateKeyPem: string; publicKeyPem: string };
  /** Issues access tokens the gateway accepts, as identity's sign-in does. */
  accessTokens: AccessTokenIssuer;
  /** Identity's access-token key pair, for forging tokens that differ in one respect. */
  accessTokenKeys: { privateKeyPem: string; publicKeyPem: string };
  /** Identity's SECRET_ENCRYPTION_KEYS, as a box: opens what identity stored. */
  secrets: SecretBox;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** The gateway's Prometheus endpoint, when started with `metrics`. */
  gatewayMetricsUrl?: string;
  /** Every line the gateway and subgraphs logged. */
  logs: string[];
  /** Sends an operation to the gateway: a typed one (`graphql()` of test/generated/operations) or, for one the API schema does not allow, a string. */
  query: SendOperation;
  /**
   * Another gateway replica on the same subgraphs, keys and supergraph, with the
   * first one's settings and `environment` over them; stop() stops it too.
   */
  startGatewayReplica(environment?: Record<string, string>): Promise<GatewayReplica>;
  stopSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

export interface GatewayReplica {
  gatewayUrl: string;
  query: SendOperation;
  stop(): Promise<void>;
}

/** A gateway on a loopback port, started (supergraph loaded): the first of a stack, or a replica beside it. */
async function startGateway(environment: Record<string, string>, logger: Logger, traceExporter: SpanExporter | undefined): Promise<GatewayReplica> {
  const gateway: GatewayServer = await createGatewayServer(readGatewayConfig(environment), logger, { traceExporter });
  const port = await listen(gateway.httpServer, { host: '127.0.0.1', port: 0, portVariable: 'PORT' });
  await gateway.start();
  const gatewayUrl = `http://127.0.0.1:${port}/graphql`;
  let stopped = false;
  return {
    gatewayUrl,
    query: operationSender(gatewayUrl),
    async stop() {
      if (stopped) return;
      stopped = true;
      await gateway.stop();
    },
  };
}

/**
 * Identity's access-token key pair for tests: the gateway trusts it through
 * identity's JWKS. Its tokens last 15 minutes, as identity's do, or
 * `ttlSeconds` (a token that expires during a test).
 */
export async function createTestAccessTokenIssuer(
  keys = generateEd25519KeyPair(),
  previousPublicKeyPems: readonly string[] = [],
  ttlSeconds = 900,
): Promise<AccessTokenIssuer> {
  return createAccessTokenIssuer({
    ...keys,
    previousPublicKeyPems,
    issuer: DEFAULT_ACCESS_TOKEN_ISSUER,
    audience: DEFAULT_ACCESS_TOKEN_AUDIENCE,
    ttlSeconds,
  });
}

/** Identity first: the others ask it for access decisions at `identityUrl`. */
function identityPackage(accessTokens: AccessTokenIssuer, secrets: SecretBox, internalTokenKeyId: string): SubgraphPackage<BaseContext> {
  return createIdentitySubgraph(accessTokens, { portalUrl: 'http://portal.test', emailDelivered: false, secrets, internalTokenKeyId }) as unknown as SubgraphPackage<BaseContext>;
}

/** A fresh SECRET_ENCRYPTION_KEYS entry for tests. */
export function testSecretKey(id = 'test'): SecretKey {
  return { id, key: randomBytes(32) };
}

function accessCheckedPackages(identityUrl: string, deviceTelemetry: DeviceTelemetryOptions): SubgraphPackage<BaseContext>[] {
  const accessCheck = { identityUrl, timeoutMs: 5_000 };
  return [createSubscriptionsSubgraph(accessCheck), createDeviceTelemetrySubgraph(accessCheck, deviceTelemetry)] as unknown as SubgraphPackage<BaseContext>[];
}

/** device-telemetry's own settings (READING_RETENTION_DAYS); its defaults otherwise. */
type DeviceTelemetryOptions = NonNullable<Parameters<typeof createDeviceTelemetrySubgraph>[1]>;

/** A subgraph from outside this repository, composed beside the three. */
export interface ExtraSubgraph {
  name: string;
  url: string;
  typeDefs: DocumentNode;
}

/** Composes the three subgraphs' SDL (and any `extra` ones) in memory, the way `npm run compose` does. */
export function composeSupergraph(urls: Record<SubgraphName, string>, extra: readonly ExtraSubgraph[] = []): string {
  const result = composeServices([
    { name: 'identity', url: urls.identity, typeDefs: identityTypeDefs },
    { name: 'subscriptions', url: urls.subscriptions, typeDefs: subscriptionsTypeDefs },
    { name: 'device-telemetry', url: urls['device-telemetry'], typeDefs: deviceTelemetryTypeDefs },
    ...extra,
  ]);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

/**
 * The three subgraphs and the gateway in this process, each on its own
 * loopback port, on a migrated database: real HTTP, real internal tokens,
 * real PostgreSQL, no child processes.
 */
export async function startInProcessSupergraph(
  options: {
    /** Defaults to a fresh test database, dropped by stop(). */
    databaseUrl?: string;
    /** The gateway's settings, or a function of the subgraphs' URLs that gives them (to route a subgraph through a proxy). */
    gatewayEnvironment?: Record<string, string> | ((urls: Record<SubgraphName, string>) => Promise<Record<string, string>>);
    /** Each subgraph as NODE_ENV, DATABASE_STATEMENT_TIMEOUT_MS and SHUTDOWN_LINGER_MS would set it: introspection on, 10 s, 0 by default. */
    subgraphs?: SubgraphSettings;
    /** Subgraphs from outside this repository, already listening, composed into the supergraph beside the three. */
    extraSubgraphs?: readonly ExtraSubgraph[];
    /** Identity's signing key and the public keys of previous ones (ACCESS_TOKEN_*); a fresh pair by default. */
    accessTokenKeys?: { privateKeyPem: string; publicKeyPem: string; previousPublicKeyPems?: readonly string[] };
    /** Identity's SECRET_ENCRYPTION_KEYS, current first; a fresh key by default. */
    secretEncryptionKeys?: readonly SecretKey[];
    /** A subgraph's own way to the database (a relay that can be cut, see database-outage.ts), given the database URL. */
    subgraphDatabaseUrl?: (name: SubgraphName, databaseUrl: string) => string | Promise<string>;
    /** A subgraph's read replica (DATABASE_READ_URL, DATABASE_READ_MAX_LAG_MS); none by default. */
    subgraphReadReplica?: (name: SubgraphName) => { url: string; maxLagMs: number } | undefined;
    /** device-telemetry's own settings, such as its reading retention. */
    deviceTelemetry?: DeviceTelemetryOptions;
    /** Where subscriptions and device-telemetry reach identity for access decisions, given identity's URL (a holding proxy); identity itself by default. */
    accessCheckUrl?: (identityUrl: string) => string | Promise<string>;
    /** LOG_LEVEL of every service; debug by default (stacks are logged at debug only). */
    logLevel?: LogLevel;
    /**
     * Where every service's spans go (each with its own `service.name`): tracing on in the gateway, with its
     * OTEL_TRACES_SAMPLER_ARG and TRACE_RECORDED_VARIABLES from `gatewayEnvironment`, and in every subgraph,
     * which follows the gateway's sampling decision. Off by default, as without OTEL_EXPORTER_OTLP_ENDPOINT.
     */
    traceExporter?: SpanExporter;
    /** More subgraphs built with the kit (one `npm run new-subgraph` made), started here after the three and composed beside them. */
    kitSubgraphs?: (accessCheck: { identityUrl: string; timeoutMs: number }) => readonly Pick<SubgraphPackage<BaseContext>, 'storage'>[];
    /** Every service serves Prometheus metrics on a loopback port of its own, as METRICS_PORT makes them. */
    metrics?: boolean;
  } = {},
): Promise<InProcessSupergraph> {
  const ownDatabase = options.databaseUrl === undefined ? await createTestDatabase() : undefined;
  const databaseUrl = options.databaseUrl ?? ownDatabase?.url ?? '';
  const logs: string[] = [];
  const logger = createLogger({ level: options.logLevel ?? 'debug', format: 'text', write: (line) => logs.push(line) });
  const keys = generateEd25519KeyPair();
  const { privateKeyPem, publicKeyPem, previousPublicKeyPems = [] } = options.accessTokenKeys ?? { ...generateEd25519KeyPair(), previousPublicKeyPems: [] };
  const accessTokenKeys = { privateKeyPem, publicKeyPem };
  const accessTokens = await createTestAccessTokenIssuer(accessTokenKeys, previousPublicKeyPems);
  const secrets = createSecretBox(options.secretEncryptionKeys ?? [testSecretKey()]);
  const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
  const settings: SubgraphStartSettings = {
    introspection: true,
    statementTimeoutMs: 10_000,
    shutdownLingerMs: 0,
    metrics: options.metrics ?? false,
    ...options.subgraphs,
    traceExporter: options.traceExporter,
  };
  const urlOf = async (name: SubgraphName): Promise<string> => (await options.subgraphDatabaseUrl?.(name, databaseUrl)) ?? databaseUrl;
  subgraphs.identity = await startSubgraph(identityPackage(accessTokens, secrets, await publicKeyId(keys.publicKeyPem)), await urlOf('identity'), keys.publicKeyPem, logger, settings);
  const accessCheckUrl = (await options.accessCheckUrl?.(subgraphs.identity.url)) ?? subgraphs.identity.url;
  for (const subgraph of accessCheckedPackages(accessCheckUrl, options.deviceTelemetry ?? {})) {
    const name = subgraph.definition.name as SubgraphName;
    subgraphs[name] = await startSubgraph(subgraph, await urlOf(name), keys.publicKeyPem, logger, settings, options.subgraphReadReplica?.(name));
  }
  const urls = Object.fromEntries(
    Object.entries(subgraphs).map(([name, running]) => [name, running.url]),
  ) as Record<SubgraphName, string>;
  const kitSubgraphs: ExtraSubgraph[] = [];
  for (const subgraph of options.kitSubgraphs?.({ identityUrl: subgraphs.identity.url, timeoutMs: 5_000 }) ?? []) {
    const kitPackage = subgraph as unknown as SubgraphPackage<BaseContext>;
    const running = await startSubgraph(kitPackage, databaseUrl, keys.publicKeyPem, logger, settings);
    (subgraphs as Record<string, RunningSubgraph>)[kitPackage.definition.name] = running;
    kitSubgraphs.push({ name: kitPackage.definition.name, url: running.url, typeDefs: kitPackage.definition.typeDefs });
  }
  const supergraphSdl = composeSupergraph(urls, [...kitSubgraphs, ...(options.extraSubgraphs ?? [])]);
  const directory = await mkdtemp(join(tmpdir(), 'partnergraph-supergraph-'));
  const supergraphPath = join(directory, 'supergraph.graphql');
  await writeFile(supergraphPath, supergraphSdl);

  const [gatewayMetricsPort] = options.metrics ? await freePorts(1) : [];
  const gatewayEnvironment: Record<string, string> = {
    NODE_ENV: 'test',
    ...(gatewayMetricsPort === undefined ? {} : { METRICS_PORT: String(gatewayMetricsPort) }),
    PORT: '0',
    SUPERGRAPH_PATH: supergraphPath,
    INTERNAL_TOKEN_PRIVATE_KEY: keys.privateKeyPem,
    AUTH_JWKS_URL: new URL('/.well-known/jwks.json', urls.identity).toString(),
    // Tests send many requests as one principal; the rate limit has tests of its own that set it.
    RATE_LIMIT_PER_MINUTE: '0',
    TOKEN_RATE_LIMIT_PER_MINUTE: '0',
    // Tests stop the stack at once; the drain has its own test (graceful-drain.test.ts).
    SHUTDOWN_LINGER_MS: '0',
    ...(typeof options.gatewayEnvironment === 'function' ? await options.gatewayEnvironment(urls) : options.gatewayEnvironment),
  };
  const gateway = await startGateway(gatewayEnvironment, logger.child({ service: 'gateway' }), options.traceExporter);
  const gatewayUrl = gateway.gatewayUrl;
  const replicas: GatewayReplica[] = [];

  const stopSubgraph = async (name: SubgraphName): Promise<void> => {
    const running = subgraphs[name];
    if (!running.server.httpServer.listening) return;
    await running.server.stop();
    await running.metricsServer?.close();
    await closeDatabase(running.database);
  };
  return {
    gatewayUrl,
    gatewayMetricsUrl: gatewayMetricsPort === undefined ? undefined : `http://127.0.0.1:${gatewayMetricsPort}/metrics`,
    supergraphPath,
    supergraphSdl,
    keys,
    accessTokens,
    accessTokenKeys,
    secrets,
    subgraphs,
    logs,
    query: gateway.query,
    async startGatewayReplica(environment = {}) {
      const replica = await startGateway(
        { ...gatewayEnvironment, ...environment },
        logger.child({ service: 'gateway', replica: replicas.length + 1 }),
        options.traceExporter,
      );
      replicas.push(replica);
      return replica;
    },
    stopSubgraph,
    async stop() {
      for (const replica of replicas) await replica.stop();
      await gateway.stop();
      for (const name of Object.keys(subgraphs) as SubgraphName[]) await stopSubgraph(name);
      await rm(directory, { recursive: true, force: true });
      await ownDatabase?.drop();
    },
  };
}

interface SubgraphSettings {
  introspection?: boolean;
  /** Set from the supergraph's `metrics` option. */
  metrics?: boolean;
  statementTimeoutMs?: number;
  /** SHUTDOWN_LINGER_MS; 0 by default, so that tests stop the stack at once (the drain has its own test). */
  shutdownLingerMs?: number;
}

type SubgraphStartSettings = Required<SubgraphSettings> & { traceExporter: SpanExporter | undefined };

async function startSubgraph(
  subgraph: SubgraphPackage<BaseContext>,
  databaseUrl: string,
  publicKeyPem: string,
  logger: Logger,
  settings: SubgraphStartSettings,
  readReplica?: { url: string; maxLagMs: number },
): Promise<RunningSubgraph> {
  const name = subgraph.definition.name;
  const subgraphLogger = logger.child({ service: name });
  const database = createDatabase({
    url: databaseUrl,
    storage: subgraph.storage,
    poolSize: 4,
    statementTimeoutMs: settings.statementTimeoutMs,
    applicationName: `partnergraph-test-${name}`,
    logger: subgraphLogger,
    readReplica,
  });
  await migrateDatabase(database);
  const metrics = settings.metrics
    ? createSubgraphMetrics({ name, database, emailOutbox: subgraph.emailOutbox, own: subgraph.definition.metrics, logger: subgraphLogger })
    : undefined;
  const server = createSubgraphServer(subgraph.definition, {
    database,
    verifier: await createInternalTokenVerifier({ publicKeyPem, audience: name }),
    logger: subgraphLogger,
    introspection: settings.introspection,
    bodyLimit: '1mb',
    // Tests read the per-request count (x-sql-statements) as the capture stack of the benchmark does.
    sqlStatementsPerRequest: true,
    shutdownLingerMs: settings.shutdownLingerMs,
    tracing: settings.traceExporter
      ? createTracing(
          { endpoint: undefined, sampleRatio: 1, serviceName: undefined, recordedVariables: [] },
          { service: name, callerDecidesSampling: true, exporter: settings.traceExporter, logger: subgraphLogger },
        )
      : undefined,
    metrics,
  });
  await server.start();
  const port = await listen(server.httpServer, { host: '127.0.0.1', port: 0, portVariable: 'PORT' });
  const metricsServer = metrics ? await startMetricsServer({ registry: metrics.registry, host: '127.0.0.1', port: 0 }) : undefined;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    database,
    server,
    metricsServer,
    metricsUrl: metricsServer ? `http://127.0.0.1:${metricsServer.port}/metrics` : undefined,
  };
}
