import { deviceTelemetryStorage } from '@partnergraph/device-telemetry';
import { seedDemoDevices, seedDemoIncidents, seedDemoLocations, seedDemoSoftware } from '@partnergraph/device-telemetry/demo-seed';
import { identityStorage } from '@partnergraph/identity';
import { seedDemoGrants, seedDemoOrganizations, seedDemoUsers } from '@partnergraph/identity/demo-seed';
import { subscriptionsStorage } from '@partnergraph/subscriptions';
import { seedDemoLicensing, seedDemoSubscriptions } from '@partnergraph/subscriptions/demo-seed';
import type { Logger } from '@partnergraph/core';
import { createDatabase, migrateDatabase, type Database, type SubgraphStorage } from '@partnergraph/subgraph-kit';
import {
  DEMO_CUSTOMERS,
  DEMO_PARTNER,
  demoDevices,
  demoGrants,
  demoIncidents,
  demoLicenseKeys,
  demoLocations,
  demoSoftware,
  demoSubscriptions,
  demoTelemetry,
  demoUsers,
  demoVouchers,
} from './demo-data';
import { simulateTelemetry } from './telemetry-simulation';
import { writeSimulation } from './telemetry-writer';

const STORAGE: readonly SubgraphStorage[] = [identityStorage, subscriptionsStorage, deviceTelemetryStorage];

export async function withDatabase<T>(
  storage: SubgraphStorage,
  databaseUrl: string,
  logger: Logger,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = createDatabase({
    url: databaseUrl,
    storage,
    poolSize: 2,
    statementTimeoutMs: 60_000,
    applicationName: 'partnergraph-scripts',
    logger: logger.child({ subgraph: storage.name }),
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
  for (const storage of STORAGE) {
    applied.push(...(await withDatabase(storage, databaseUrl, logger, migrateDatabase)));
  }
  return applied;
}

/**
 * Seeds the demo world into a database whose identity schema has no
 * organizations yet; a database that already has some is left alone.
 */
export async function seedDemoDataIfEmpty(databaseUrl: string, logger: Logger, today = new Date()): Promise<boolean> {
  const [identity, subscriptions, telemetry] = STORAGE as [SubgraphStorage, SubgraphStorage, SubgraphStorage];
  const empty = await withDatabase(identity, databaseUrl, logger, async (database) => {
    const [{ count }] = (await database.dataSource.query('SELECT count(*)::int AS count FROM identity.organization')) as [
      { count: number },
    ];
    if (count > 0) return false;
    await seedDemoOrganizations(database, [DEMO_PARTNER, ...DEMO_CUSTOMERS]);
    await seedDemoUsers(database, demoUsers());
    await seedDemoGrants(database, demoGrants());
    return true;
  });
  if (!empty) return false;
  await withDatabase(subscriptions, databaseUrl, logger, async (database) => {
    await seedDemoSubscriptions(database, demoSubscriptions(today));
    await seedDemoLicensing(database, { keys: demoLicenseKeys(today), vouchers: demoVouchers() });
  });
  await withDatabase(telemetry, databaseUrl, logger, async (database) => {
    await seedDemoLocations(database, demoLocations());
    await seedDemoDevices(database, demoDevices(today));
    await seedDemoSoftware(database, demoSoftware(today));
    await seedDemoIncidents(database, demoIncidents(today));
    await writeSimulation(database, simulateTelemetry(demoTelemetry(today)));
  });
  return true;
}
