import { deviceTelemetrySubgraph } from '@partnergraph/device-telemetry';
import { seedDemoDevices } from '@partnergraph/device-telemetry/demo-seed';
import { identitySubgraph } from '@partnergraph/identity';
import { seedDemoOrganizations } from '@partnergraph/identity/demo-seed';
import { subscriptionsSubgraph } from '@partnergraph/subscriptions';
import { seedDemoSubscriptions } from '@partnergraph/subscriptions/demo-seed';
import type { Logger } from '@partnergraph/core';
import { createDatabase, migrateDatabase, type BaseContext, type Database, type SubgraphPackage } from '@partnergraph/subgraph-kit';
import { DEMO_CUSTOMERS, DEMO_PARTNER, demoDevices, demoSubscriptions } from './demo-data';

/** What migrating and seeding need of a subgraph: its name and its storage. */
type AnySubgraphPackage = Pick<SubgraphPackage<BaseContext>, 'schema' | 'entities' | 'migrations'> & {
  definition: { name: string };
};

const SUBGRAPHS: readonly AnySubgraphPackage[] = [identitySubgraph, subscriptionsSubgraph, deviceTelemetrySubgraph];

async function withDatabase<T>(
  subgraph: AnySubgraphPackage,
  databaseUrl: string,
  logger: Logger,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = createDatabase({
    url: databaseUrl,
    schema: subgraph.schema,
    entities: subgraph.entities,
    migrations: subgraph.migrations,
    poolSize: 2,
    statementTimeoutMs: 60_000,
    applicationName: 'partnergraph-scripts',
    logger: logger.child({ subgraph: subgraph.definition.name }),
  });
  await database.dataSource.initialize();
  try {
    return await work(database);
  } finally {
    await database.dataSource.destroy();
  }
}

/** Applies every subgraph's pending migrations; returns the names applied. */
export async function migrateAll(databaseUrl: string, logger: Logger): Promise<string[]> {
  const applied: string[] = [];
  for (const subgraph of SUBGRAPHS) {
    applied.push(...(await withDatabase(subgraph, databaseUrl, logger, migrateDatabase)));
  }
  return applied;
}

/**
 * Seeds the demo world into a database whose identity schema has no
 * organizations yet; a database that already has some is left alone.
 */
export async function seedDemoDataIfEmpty(databaseUrl: string, logger: Logger, today = new Date()): Promise<boolean> {
  const [identity, subscriptions, telemetry] = SUBGRAPHS as [AnySubgraphPackage, AnySubgraphPackage, AnySubgraphPackage];
  const empty = await withDatabase(identity, databaseUrl, logger, async (database) => {
    const [{ count }] = (await database.dataSource.query('SELECT count(*)::int AS count FROM identity.organization')) as [
      { count: number },
    ];
    if (count > 0) return false;
    await seedDemoOrganizations(database, [DEMO_PARTNER, ...DEMO_CUSTOMERS]);
    return true;
  });
  if (!empty) return false;
  await withDatabase(subscriptions, databaseUrl, logger, (database) => seedDemoSubscriptions(database, demoSubscriptions(today)));
  await withDatabase(telemetry, databaseUrl, logger, (database) => seedDemoDevices(database, demoDevices()));
  return true;
}
