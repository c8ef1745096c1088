import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { countStatements, seedWorld } from '../support/fixtures';
import { graphql } from '../generated/operations';

const DASHBOARD = graphql(`
  query Dashboard($first: Int) {
    organizations(first: $first) {
      nodes {
        id
        name
        kind
        partnerId
        subscriptions { product deviceAllowance startsOn endsOn status }
        devices(first: 100) {
          nodes { name make model serialNumber firmwareRevision ipAddress sensors { type unit } }
        }
      }
    }
  }
`);

describe('one query through the gateway', () => {
  let supergraph: InProcessSupergraph;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  it('returns organizations from identity, their licences from subscriptions and their devices from device-telemetry', async () => {
    const world = await seedWorld(supergraph, { customers: 3, devicesPerCustomer: 2, sensorsPerDevice: 2 });

    const { status, body } = await supergraph.query(DASHBOARD, { first: 100 }, world.asPartnerAdmin);

    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const organizations = body.data?.organizations.nodes ?? [];
    const partner = organizations.find((organization) => organization.id === world.partner.id);
    expect(partner).toMatchObject({ kind: 'PARTNER', partnerId: world.partner.partnerId, subscriptions: [], devices: { nodes: [] } });
    for (const customer of world.customers) {
      const seen = organizations.find((organization) => organization.id === customer.id);
      expect(seen).toMatchObject({ name: customer.name, kind: 'CUSTOMER', partnerId: null });
      expect(seen?.subscriptions?.map((license) => license.product).sort()).toEqual(['IT Advisor', 'IT Expert']);
      expect(seen?.devices?.nodes).toHaveLength(2);
      expect(seen?.devices?.nodes[0]?.sensors).toHaveLength(2);
      expect(seen?.devices?.nodes[0]?.ipAddress).toMatch(/^10\.\d+\.113\.\d+$/);
    }
  });

  it.each([
    { customers: 2, devicesPerCustomer: 2 },
    { customers: 12, devicesPerCustomer: 9 },
  ])('issues one SQL statement per entity type, and one access check per subgraph, whatever the size ($customers customers × $devicesPerCustomer devices)', async (size) => {
    const sized = await startInProcessSupergraph();
    try {
      const world = await seedWorld(sized, { ...size, sensorsPerDevice: 3 });
      const statements = await countStatements(sized, async () => {
        const { body } = await sized.query(DASHBOARD, { first: 100 }, world.asPartnerAdmin);
        expect(body.errors).toBeUndefined();
        expect(body.data?.organizations.nodes).toHaveLength(size.customers + 1);
      });
      // Identity: the list, then one access check each for subscriptions and device-telemetry.
      expect(statements).toEqual({ identity: 3, subscriptions: 1, 'device-telemetry': 2 });
    } finally {
      await sized.stop();
    }
  });
});
