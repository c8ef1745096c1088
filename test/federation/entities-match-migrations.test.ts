import { deviceTelemetryStorage } from '@partnergraph/device-telemetry';
import { gatewayStorage } from '@partnergraph/gateway/storage';
import { identityStorage } from '@partnergraph/identity';
import { subscriptionsStorage } from '@partnergraph/subscriptions';
import { createLogger } from '@partnergraph/core';
import { createDatabase, findEntityDrift, migrateDatabase, type SubgraphStorage } from '@partnergraph/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The data-access convention's promise: every table the migrations build has
 * an entity, and every entity matches its table column for column.
 */
describe.each<[string, SubgraphStorage]>([
  ['identity', identityStorage],
  ['subscriptions', subscriptionsStorage],
  ['device-telemetry', deviceTelemetryStorage],
  // The gateway's own schema: published documents and usage counts.
  ['gateway', gatewayStorage],
])('%s: entities and migrations', (_name, storage) => {
  let testDatabase: TestDatabase;
  beforeAll(async () => {
    testDatabase = await createTestDatabase();
  });
  afterAll(async () => {
    await testDatabase.drop();
  });

  it('agree on every table and column', async () => {
    const database = createDatabase({
      url: testDatabase.url,
      storage,
      // Two: migrateDatabase holds one connection for its advisory lock while the migrations run on another.
      poolSize: 2,
      statementTimeoutMs: 30_000,
      applicationName: 'entity-drift-test',
      logger: createLogger({ level: 'error', format: 'text', write: () => {} }),
    });
    try {
      await migrateDatabase(database);
      expect(await findEntityDrift(database.dataSource, storage.schema)).toEqual([]);
    } finally {
      await database.dataSource.destroy();
    }
  });
});
