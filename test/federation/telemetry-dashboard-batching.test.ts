import { randomUUID } from 'node:crypto';
import { seedDemoDevices } from '@partnergraph/device-telemetry/demo-seed';
import { ingestReadings } from '@partnergraph/device-telemetry/ingest';
import { countStatements, seedWorld, type SeededWorld } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { graphql } from '../generated/operations';

/*
 * Acceptance test for issue #5's batching: the partner dashboard (its
 * customers, their devices with IP addresses, each sensor's latest reading,
 * open incident counts per device and per customer) runs the same number of
 * SQL statements in every subgraph whatever the number of customers and
 * devices. Two partners, each with its own world: a small one and a large one.
 */

const DASHBOARD = graphql(`
  query TelemetryDashboardBatchingDashboard {
    organizations {
      nodes {
        name
        devices(first: 50) { nodes { name ipAddress openIncidentCount sensors { type latest { at value } } } }
        openIncidentCount
      }
    }
  }
`);

const SENSORS_PER_DEVICE = 2;
const READINGS_PER_SENSOR = 3;

describe('the partner dashboard', () => {
  let supergraph: InProcessSupergraph;
  const worlds: Record<'small' | 'large', { size: { customers: number; devicesPerCustomer: number }; world?: SeededWorld }> = {
    small: { size: { customers: 2, devicesPerCustomer: 3 } },
    large: { size: { customers: 6, devicesPerCustomer: 12 } },
  };

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    const telemetry = supergraph.subgraphs['device-telemetry'].database;
    for (const entry of Object.values(worlds)) {
      const world = await seedWorld(supergraph, { ...entry.size, sensorsPerDevice: SENSORS_PER_DEVICE });
      entry.world = world;
      const customerIds = world.customers.map((customer) => customer.id);
      // Equipment the partner never sees, with a sensor and an open incident: hiding it costs no statement either.
      await seedDemoDevices(
        telemetry,
        world.customers.map((customer) => ({
          id: randomUUID(),
          organizationId: customer.id,
          name: 'Unmonitored switch',
          make: 'Cisco',
          model: 'Catalyst',
          serialNumber: `SN-${customer.id}`,
          firmwareRevision: null,
          ipAddress: '10.250.0.1',
          type: 'NETWORK_SWITCH',
          monitored: false,
          sensors: [{ id: randomUUID(), type: 'TEMPERATURE', unit: '°C' }],
        })),
      );
      const sensors = await telemetry.dataSource.query<{ id: string }[]>('SELECT id FROM telemetry.sensor WHERE organization_id = ANY($1::uuid[])', [customerIds]);
      await ingestReadings(
        telemetry,
        sensors.flatMap(({ id }) =>
          Array.from({ length: READINGS_PER_SENSOR }, (_, index) => ({ sensorId: id, at: new Date(Date.UTC(2026, 0, 1, 0, 5 * (index + 1))), value: index + 1 })),
        ),
      );
      // Each device: one open incident and one cleared.
      await telemetry.dataSource.query(
        `INSERT INTO telemetry.incident (organization_id, device_id, severity, message, raised_at, cleared_at)
         SELECT organization_id, id, 'WARNING', 'On battery', timestamptz '2026-01-01T01:00:00Z', NULL
         FROM telemetry.device WHERE organization_id = ANY($1::uuid[])
         UNION ALL
         SELECT organization_id, id, 'CRITICAL', 'Overload', timestamptz '2026-01-01T00:00:00Z', timestamptz '2026-01-01T00:30:00Z'
         FROM telemetry.device WHERE organization_id = ANY($1::uuid[])`,
        [customerIds],
      );
    }
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  const dashboardOf = async (world: SeededWorld) => {
    const { body } = await supergraph.query(DASHBOARD, {}, world.asPartnerAdmin);
    expect(body.errors).toBeUndefined();
    return body.data?.organizations.nodes ?? [];
  };
  const worldOf = (name: keyof typeof worlds): SeededWorld => {
    const { world } = worlds[name];
    if (!world) throw new Error(`the ${name} world was not seeded`);
    return world;
  };

  it.each(['small', 'large'] as const)('shows the %s world in full: every monitored device, its sensors’ latest readings and open incidents', async (name) => {
    const world = worldOf(name);
    const { customers, devicesPerCustomer } = worlds[name].size;
    const nodes = await dashboardOf(world);
    const customerNodes = nodes.filter((node) => node.name !== world.partner.name);
    expect(customerNodes).toHaveLength(customers);
    for (const node of customerNodes) {
      expect(node.openIncidentCount).toBe(devicesPerCustomer);
      expect(node.devices?.nodes).toHaveLength(devicesPerCustomer);
      for (const device of node.devices?.nodes ?? []) {
        expect(device.openIncidentCount).toBe(1);
        expect(device.ipAddress).toMatch(/^\d+\.\d+\.113\.\d+$/);
        expect(device.sensors).toEqual(
          Array.from({ length: SENSORS_PER_DEVICE }, () => ({
            type: 'TEMPERATURE',
            latest: { at: new Date(Date.UTC(2026, 0, 1, 0, 5 * READINGS_PER_SENSOR)).toISOString(), value: READINGS_PER_SENSOR },
          })),
        );
      }
    }
  });

  it('runs the same number of SQL statements in every subgraph for 2 customers × 3 devices as for 6 customers × 12 devices', async () => {
    const small = await countStatements(supergraph, () => dashboardOf(worldOf('small')));
    const large = await countStatements(supergraph, () => dashboardOf(worldOf('large')));
    expect(large).toEqual(small);
    // Identity: the organizations, then one access check for device-telemetry. Device-telemetry: one statement per
    // kind of row: device pages, sensors (with their latest readings), open incidents per device and per customer.
    expect(small).toEqual({ identity: 2, subscriptions: 0, 'device-telemetry': 4 });
  });
});
