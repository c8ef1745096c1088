import { join } from 'node:path';
import type { Logger } from '@partnergraph/core';
import { migrateAll, seedDemoDataIfEmpty } from './database-setup';
import { loadOrCreateDevKeyPair, loadOrCreateDevSecretKeys, type KeyPair } from './dev-keys';
import { assertPortFree } from './free-port';
import { openLocalDatabase, type LocalDatabase } from './local-database';
import { REPOSITORY_ROOT, type StackConfig } from './stack-config';
import { gatewayUrlVariableOf, portVariableOf, type StackSubgraph } from './stack-subgraphs';

/** What `npm start` and `npm run start:replicas` run for the gateway. */
export const GATEWAY_ENTRY = join(REPOSITORY_ROOT, 'gateway', 'src', 'index.ts');

export const graphqlUrlOf = (port: number): string => `http://127.0.0.1:${port}/graphql`;
export const readyUrlOf = (port: number): string => `http://127.0.0.1:${port}/health/ready`;

/** The development stack's keys (made on first start under the data directory; see dev-keys.ts). */
export interface StackKeys {
  internalToken: KeyPair;
  accessToken: KeyPair;
  secretEncryptionKeys: string;
}

export async function loadStackKeys(dataDir: string): Promise<StackKeys> {
  return {
    internalToken: await loadOrCreateDevKeyPair(dataDir, 'internal-token'),
    accessToken: await loadOrCreateDevKeyPair(dataDir, 'access-token'),
    secretEncryptionKeys: await loadOrCreateDevSecretKeys(dataDir),
  };
}

/**
 * Fails before anything starts when a port the stack listens on is taken:
 * the gateway's URL, each subgraph's, the embedded PostgreSQL's, and `more`
 * (a port and the variable that moves it).
 */
export async function assertStackPortsFree(
  config: StackConfig,
  subgraphs: readonly StackSubgraph[],
  more: readonly { port: number; variable: string }[] = [],
): Promise<void> {
  await assertPortFree(config.gatewayPort, 'GATEWAY_PORT');
  for (const subgraph of subgraphs) await assertPortFree(subgraph.port, portVariableOf(subgraph.name));
  if (!config.databaseUrl) await assertPortFree(config.embeddedPostgresPort, 'EMBEDDED_POSTGRES_PORT');
  for (const { port, variable } of more) await assertPortFree(port, variable);
}

/** PostgreSQL (embedded unless DATABASE_URL is set), every subgraph migrated, the demo data seeded into an empty one. */
export async function openStackDatabase(config: StackConfig, logger: Logger): Promise<LocalDatabase> {
  const database = await openLocalDatabase(config, logger);
  try {
    await migrateAll(database.url, logger);
    if (await seedDemoDataIfEmpty(database.url, logger)) logger.info('seeded the demo data');
    return database;
  } catch (error) {
    await database.stop();
    throw error;
  }
}

/** What every service gets from the launcher's environment: telemetry off unless asked for, loopback only. */
export function serviceEnvironment(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...environment, APOLLO_TELEMETRY_DISABLED: environment.APOLLO_TELEMETRY_DISABLED ?? '1', HOST: '127.0.0.1' };
}

/**
 * A subgraph's own settings: its port, the database, the gateway's public key,
 * its demo data; identity signs sessions and keeps secrets, the others ask
 * identity (at `identityUrl`) for access decisions.
 */
export function subgraphEnvironment(options: {
  name: string;
  port: number;
  /** Where it serves Prometheus metrics; 0: none (docs/operations.md, Metrics). */
  metricsPort: number;
  databaseUrl: string;
  keys: StackKeys;
  identityUrl: string;
}): NodeJS.ProcessEnv {
  const { name, port, databaseUrl, keys, identityUrl } = options;
  return {
    PORT: String(port),
    METRICS_PORT: String(options.metricsPort),
    DATABASE_URL: databaseUrl,
    INTERNAL_TOKEN_PUBLIC_KEY: keys.internalToken.publicKeyPem,
    // A subgraph with demo data of its own (SubgraphPackage.seedDemoData) adds it for the demo organizations.
    SEED_DEMO_DATA: 'true',
    ...(name === 'identity'
      ? {
          ACCESS_TOKEN_PRIVATE_KEY: keys.accessToken.privateKeyPem,
          ACCESS_TOKEN_PUBLIC_KEY: keys.accessToken.publicKeyPem,
          SECRET_ENCRYPTION_KEYS: keys.secretEncryptionKeys,
        }
      : { IDENTITY_URL: identityUrl }),
  };
}

/** The gateway's own settings: its port, its signing key, the database, and where it reaches each subgraph (`subgraphUrls`, by name). */
export function gatewayEnvironment(options: {
  port: number;
  /** Where it serves Prometheus metrics; 0: none. */
  metricsPort: number;
  databaseUrl: string;
  keys: StackKeys;
  identityUrl: string;
  subgraphUrls: ReadonlyMap<string, string>;
}): NodeJS.ProcessEnv {
  return {
    PORT: String(options.port),
    METRICS_PORT: String(options.metricsPort),
    INTERNAL_TOKEN_PRIVATE_KEY: options.keys.internalToken.privateKeyPem,
    // Published documents (npm run documents:publish) live in the gateway's own schema there; subscriptions LISTEN there.
    DATABASE_URL: options.databaseUrl,
    IDENTITY_URL: options.identityUrl,
    ...Object.fromEntries([...options.subgraphUrls].map(([name, url]) => [gatewayUrlVariableOf(name), url])),
  };
}
