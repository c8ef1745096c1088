import { SUBGRAPH_NAMES, type SubgraphName } from '@partnergraph/core';
import { seedWorld, type SeededWorld } from '../support/fixtures';
import type { GraphQLResponse } from '../support/http';
import { composeSupergraph, startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { closedPortUrl, listenWithGatewayOnly, type StandaloneGateway } from '../support/standalone-gateway';
import { graphql } from '../generated/operations';

/** Nothing a client should learn about the network behind the gateway. */
function expectNoInternals(response: GraphQLResponse<unknown>, downUrl: string): void {
  const wire = JSON.stringify(response.body);
  const { port } = new URL(downUrl);
  expect(wire).not.toMatch(/https?:\/\//);
  expect(wire).not.toContain('127.0.0.1');
  expect(wire).not.toContain(`:${port}`);
  expect(wire).not.toMatch(/ECONNREFUSED|fetch failed/i);
  expect(wire).not.toMatch(/\bat .+:\d+:\d+/); // a stack frame
  expect(wire).not.toMatch(/stacktrace/i);
}

describe('while the subscriptions subgraph is down', () => {
  let supergraph: InProcessSupergraph;
  let world: SeededWorld;
  let subscriptionsUrl: string;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    world = await seedWorld(supergraph, { customers: 2, devicesPerCustomer: 2, sensorsPerDevice: 1 });
    subscriptionsUrl = supergraph.subgraphs.subscriptions.url;
    await supergraph.stopSubgraph('subscriptions');
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  it('answers in full a query that needs only identity and device-telemetry', async () => {
    const { status, body } = await supergraph.query(
      graphql(`query NamesAndDevices { organizations(first: 100) { nodes { name devices { nodes { name } } } } }`),
      {},
      world.asPartnerAdmin,
    );

    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const names = body.data?.organizations.nodes.map((organization) => organization.name);
    expect(names).toEqual([...world.customers.map((customer) => customer.name), world.partner.name].sort());
    expect(body.data?.organizations.nodes.flatMap((organization) => organization.devices?.nodes)).toHaveLength(world.devices.length);
  });

  it('answers a query for licences with 200 and one SUBGRAPH_UNAVAILABLE error naming the subscriptions service', async () => {
    const response = await supergraph.query(
      graphql(`query NamesAndLicences { organizations(first: 100) { nodes { name subscriptions { product } } } }`),
      {},
      world.asPartnerAdmin,
    );

    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([
      {
        message: 'The subscriptions service is unavailable.',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', retryable: true, serviceName: 'subscriptions', requestId: response.headers.get('x-request-id') },
      },
    ]);
    // Fields a subgraph adds to another's type are nullable, so the outage stays in its own fields.
    const organizations = response.body.data?.organizations.nodes ?? [];
    expect(organizations.map((organization) => organization.name).sort()).toEqual(
      [...world.customers.map((customer) => customer.name), world.partner.name].sort(),
    );
    expect(organizations.every((organization) => organization.subscriptions === null)).toBe(true);
    expectNoInternals(response, subscriptionsUrl);
  });

  it('logs which subgraph failed, for the operator', async () => {
    const logsBefore = supergraph.logs.length;

    await supergraph.query(graphql(`query LicencesOnly { organizations { nodes { subscriptions { product } } } }`), {}, world.asPartnerAdmin);

    expect(supergraph.logs.slice(logsBefore)).toContainEqual(
      expect.stringMatching(/^error\s+subgraph request failed .*subgraph=subscriptions/),
    );
  });
});

describe('a gateway whose supergraph routes every subgraph to a closed port', () => {
  let gateway: StandaloneGateway;
  let urls: Record<SubgraphName, string>;

  beforeAll(async () => {
    urls = Object.fromEntries(
      await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await closedPortUrl()] as const)),
    ) as Record<SubgraphName, string>;
    gateway = await listenWithGatewayOnly({ supergraphSdl: composeSupergraph(urls) });
    await gateway.start();
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it('starts and reports itself ready: it never needs the subgraphs to start', async () => {
    const response = await fetch(`${gateway.baseUrl}/health/ready`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('answers a query it has no data for at all with 503, Retry-After and SUBGRAPH_UNAVAILABLE naming the subgraph it could not reach', async () => {
    const response = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: graphql(`query NamesOnly { organizations { nodes { name } } }`) }),
    });
    const body = (await response.json()) as GraphQLResponse<unknown>['body'];

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(body.errors).toEqual([
      {
        message: 'The identity service is unavailable.',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', retryable: true, serviceName: 'identity', requestId: response.headers.get('x-request-id') },
      },
    ]);
    expectNoInternals({ status: response.status, headers: response.headers, body }, urls.identity);
  });
});
