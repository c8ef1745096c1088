import { createLogger } from '@partnergraph/core';
import { openUsageStore, usageReport, type UsageStore } from '@partnergraph/gateway/field-usage';
import { seedWorld, type SeededWorld } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { scrape } from '../support/metrics';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { graphql } from '../generated/operations';

/*
 * Field usage without a cloud (issue 16): the gateway counts which fields and
 * operations each client name uses, in its metrics and, by the hour, in
 * PostgreSQL, where `npm run usage` answers "who still uses
 * Device.firmwareRevision?". Two gateway replicas add to the same rows.
 */

const FIRMWARE = graphql(`
  query UsageFirmware { organizations { nodes { id devices(first: 5) { nodes { id firmwareRevision } } } } }
`);
const NAMES = graphql(`
  query UsageDeviceNames { organizations { nodes { id devices { nodes { id name } } } } }
`);
// The same field through a fragment; codegen appends the fragment to the operation that spreads it.
graphql(`fragment UsageFirmwareFields on Device { firmwareRevision }`);
const FIRMWARE_THROUGH_FRAGMENT = graphql(`
  query UsageFirmwareThroughFragment { organizations { nodes { id devices { nodes { id ...UsageFirmwareFields } } } } }
`);

describe('field usage', () => {
  let database: TestDatabase;
  let supergraph: InProcessSupergraph | undefined;
  let world: SeededWorld;
  let store: UsageStore | undefined;
  const client = (name: string): Record<string, string> => ({ ...world.asPartnerAdmin, 'apollographql-client-name': name });

  beforeAll(async () => {
    database = await createTestDatabase();
    supergraph = await startInProcessSupergraph({
      databaseUrl: database.url,
      metrics: true,
      logLevel: 'info',
      // Written at stop, or by the hour-long interval: never in the middle of the test.
      gatewayEnvironment: { FIELD_USAGE_DATABASE_URL: database.url, FIELD_USAGE_FLUSH_INTERVAL_MS: '3600000' },
    });
    world = await seedWorld(supergraph, { customers: 1, devicesPerCustomer: 1, sensorsPerDevice: 1 });
  });
  afterAll(async () => {
    await supergraph?.stop();
    await store?.close();
    await database?.drop();
  });

  it('counts each client’s operations and the fields they select, in the metrics and then, from every replica, in PostgreSQL for npm run usage', async () => {
    if (!supergraph) throw new Error('the supergraph did not start');
    // Without metrics of its own: the first gateway's port is taken.
    const replica = await supergraph.startGatewayReplica({ METRICS_PORT: '0' });
    const sends = [
      supergraph.query(FIRMWARE, {}, client('partner-portal')),
      supergraph.query(FIRMWARE, {}, client('partner-portal')),
      replica.query(FIRMWARE, {}, client('partner-portal')),
      supergraph.query(FIRMWARE_THROUGH_FRAGMENT, {}, client('inventory-script')),
      supergraph.query(NAMES, {}, client('partner-portal')),
      supergraph.query(NAMES, {}, world.asPartnerAdmin),
    ];
    for (const { body } of await Promise.all(sends)) expect(body.errors).toBeUndefined();

    // The first gateway's metrics, before anything is written.
    const metrics = await scrape(supergraph.gatewayMetricsUrl ?? '');
    expect(metrics.value('partnergraph_field_usage_total', { client_name: 'partner-portal', field: 'Device.firmwareRevision' })).toBe(2);
    expect(metrics.value('partnergraph_field_usage_total', { client_name: 'partner-portal', operation_name: 'UsageFirmware', field: 'Organization.devices(first:)' })).toBe(2);
    expect(metrics.value('partnergraph_field_usage_total', { client_name: 'inventory-script', field: 'Device.firmwareRevision' })).toBe(1);
    expect(metrics.value('partnergraph_field_usage_total', { field: 'Device.name' })).toBe(2);
    expect(metrics.value('partnergraph_client_operations_total', { client_name: '(none)', operation_name: 'UsageDeviceNames' })).toBe(1);

    // Both replicas write what they counted as they stop.
    await replica.stop();
    await supergraph.stop();
    supergraph = undefined;
    store = await openUsageStore({ url: database.url, logger: createLogger({ level: 'error', format: 'text', write: () => {} }) });

    const since = new Date(Date.now() - 30 * 86_400_000);
    const report = await usageReport(store, { field: 'Device.firmwareRevision', since });
    const [summary, header, ...rows] = report.trimEnd().split('\n');
    expect(summary).toMatch(/^Device\.firmwareRevision: 4 executions by 2 clients in 2 operations since \d{4}-\d\d-\d\d \d\d:00 UTC$/);
    expect(header).toMatch(/^client\s+operation\s+count\s+last seen$/);
    expect(rows.map((row) => row.split(/\s+/).slice(0, 3))).toEqual([
      ['partner-portal', 'UsageFirmware', '3'],
      ['inventory-script', 'UsageFirmwareThroughFragment', '1'],
    ]);
    for (const row of rows) expect(row).toMatch(/ \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);

    expect(await usageReport(store, { field: 'Device.serialNumber', since })).toMatch(/^Device\.serialNumber: not used since /);
    const operations = await store.operationUsage(since);
    expect(operations.map(({ clientName, operationName, count }) => [clientName, operationName, count])).toEqual([
      ['partner-portal', 'UsageFirmware', 3],
      ['', 'UsageDeviceNames', 1],
      ['inventory-script', 'UsageFirmwareThroughFragment', 1],
      ['partner-portal', 'UsageDeviceNames', 1],
    ]);
    expect(await store.fieldUsage('Device.firmwareRevision', new Date(Date.now() + 2 * 3_600_000))).toEqual([]);
  });
});
