import { Client } from 'pg';
import { deviceTelemetryStorage } from '@partnergraph/device-telemetry';
import { identityStorage } from '@partnergraph/identity';
import { subscriptionsStorage } from '@partnergraph/subscriptions';
import { createLogger } from '@partnergraph/core';
import { createDatabase, migrateDatabase, type Database, type SubgraphStorage } from '@partnergraph/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/*
 * Replicas that start at the same moment (a rolling deployment, a scaled-out
 * Deployment, the migration Job racing a pod) each call migrateDatabase on the
 * same fresh database. The advisory lock must let exactly one of them apply
 * each migration while the others wait and then find nothing pending, and
 * every one of them must succeed.
 */

const REPLICAS = 3;

const SUBGRAPHS: ReadonlyArray<[string, SubgraphStorage]> = [
  ['identity', identityStorage],
  ['subscriptions', subscriptionsStorage],
  ['device-telemetry', deviceTelemetryStorage],
];

function replicaDatabase(url: string, storage: SubgraphStorage, replica: number): Database {
  return createDatabase({
    url,
    storage,
    // Two: migrateDatabase holds one connection for its advisory lock while the migrations run on another.
    poolSize: 2,
    statementTimeoutMs: 30_000,
    applicationName: `concurrent-migrations-${storage.name}-${replica}`,
    logger: createLogger({ level: 'error', format: 'text', write: () => {} }),
  });
}

/** How many times each migration is recorded in the schema's migrations table. */
async function recordedMigrations(url: string, schema: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; times: number }>(
      `SELECT name, count(*)::int AS times FROM "${schema}".migrations GROUP BY name ORDER BY name`,
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.times]));
  } finally {
    await client.end();
  }
}

describe('replicas starting together on a fresh database', () => {
  let testDatabase: TestDatabase;
  const databases: Database[] = [];
  beforeAll(async () => {
    testDatabase = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(databases.filter((database) => database.dataSource.isInitialized).map((database) => database.dataSource.destroy()));
    await testDatabase.drop();
  });

  it('apply each migration once, and every replica succeeds', async () => {
    const replicas = SUBGRAPHS.flatMap(([name, storage]) =>
      Array.from({ length: REPLICAS }, (_, replica) => ({ name, storage, database: replicaDatabase(testDatabase.url, storage, replica) })),
    );
    databases.push(...replicas.map((replica) => replica.database));

    // All nine at once: three replicas of each subgraph, the subgraphs' own schemas side by side.
    const outcomes = await Promise.allSettled(replicas.map((replica) => migrateDatabase(replica.database)));

    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    for (const [name, storage] of SUBGRAPHS) {
      const expected = Object.values(storage.migrations).map((migration) => migration.name);
      const applied = outcomes.flatMap((outcome, index) =>
        outcome.status === 'fulfilled' && replicas[index]?.name === name ? [outcome.value] : [],
      );
      // One replica applied them all, in order; the others waited for it and found nothing pending.
      expect(applied.filter((names) => names.length > 0)).toEqual([expected]);
      expect(applied.filter((names) => names.length === 0)).toHaveLength(REPLICAS - 1);
      expect(await recordedMigrations(testDatabase.url, storage.schema)).toEqual(
        Object.fromEntries([...expected].sort().map((migration) => [migration, 1])),
      );
    }
  });
});
