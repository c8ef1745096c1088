import type { IncomingMessage } from 'node:http';
import { countStatements, seedWorld, type SeededWorld } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/operations';

/**
 * When a query makes the gateway resolve many entity references at once, each
 * subgraph answers them with one SQL statement, however many there are. Here
 * every device names its organization; identity resolves all of them through
 * one `_entities` call and one statement.
 */

const DEVICE_OWNERS = graphql(`
  query DeviceOwners {
    organizations(first: 100) {
      nodes {
        name
        devices(first: 100) { nodes { id organization { id name } } }
      }
    }
  }
`);

describe.each([
  { customers: 2, devicesPerCustomer: 2 },
  { customers: 12, devicesPerCustomer: 9 },
])('with $customers customers of $devicesPerCustomer devices each', (size) => {
  let supergraph: InProcessSupergraph;
  let world: SeededWorld;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    world = await seedWorld(supergraph, { ...size, sensorsPerDevice: 0 });
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  const devices = size.customers * size.devicesPerCustomer;

  it(`resolves the organizations of all ${devices} devices in one _entities call and one SQL statement in identity`, async () => {
    let identityRequests = 0;
    // GraphQL POSTs only: the gateway also GETs identity's public keys.
    const countRequest = (request: IncomingMessage): void => {
      if (request.method === 'POST') identityRequests += 1;
    };
    const identityServer = supergraph.subgraphs.identity.server.httpServer;
    identityServer.on('request', countRequest);
    let data: ResultOf<typeof DEVICE_OWNERS> | null | undefined;

    const statements = await countStatements(supergraph, async () => {
      const { status, body } = await supergraph.query(DEVICE_OWNERS, {}, world.asPartnerAdmin);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      data = body.data;
    }).finally(() => identityServer.off('request', countRequest));

    const owners = (data?.organizations.nodes ?? []).flatMap((organization) =>
      organization.devices?.nodes.map((device) => ({
        device: device.id,
        owner: device.organization,
        listedUnder: organization.name,
      })) ?? [],
    );
    expect(owners).toHaveLength(world.devices.length);
    const nameOf = new Map([world.partner, ...world.customers].map((organization) => [organization.id, organization.name]));
    for (const device of world.devices) {
      expect(owners.find((owner) => owner.device === device.id)).toEqual({
        device: device.id,
        owner: { id: device.organizationId, name: nameOf.get(device.organizationId) },
        listedUnder: nameOf.get(device.organizationId),
      });
    }
    // Identity: one request and one statement for the list; one of each for device-telemetry's access check;
    // one request for all the devices' organizations, with one statement to load them and one to check the
    // caller may know of them.
    expect(identityRequests).toBe(3);
    expect(statements).toEqual({ identity: 4, subscriptions: 0, 'device-telemetry': 1 });
  });
});
