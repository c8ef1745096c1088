import type { IncomingMessage } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import { ConfigError, SUBGRAPH_NAMES, type SubgraphName } from '@partnergraph/core';
import { readGatewayConfig } from '@partnergraph/gateway/config';
import { seedWorld, type SeededWorld } from '../support/fixtures';
import { postGraphQL, type GraphQLResponse } from '../support/http';
import { composeSupergraph, startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { closedPortUrl, listenWithGatewayOnly, type StandaloneGateway } from '../support/standalone-gateway';

/*
 * Operations built to make the gateway work far harder than any front end
 * would: nested deep, aliased, long, loaded with directives, asking for pages
 * of pages, or batched. Each is refused with 400 and a code of its own before
 * the gateway plans it, so no subgraph hears of it; what the front ends really
 * send (the documented queries, the partner dashboard, Sandbox's introspection)
 * passes every limit.
 */

let supergraph: InProcessSupergraph;
let world: SeededWorld;
let customerId: string;

beforeAll(async () => {
  supergraph = await startInProcessSupergraph({ gatewayEnvironment: { NODE_ENV: 'development' } });
  world = await seedWorld(supergraph, { customers: 2, devicesPerCustomer: 2, sensorsPerDevice: 1 });
  customerId = world.customers[0]?.id ?? '';
});
afterAll(async () => {
  await supergraph?.stop();
});

/** Runs `send` and returns its answer with the GraphQL requests each subgraph received meanwhile. */
async function withSubgraphRequests<T>(send: () => Promise<T>): Promise<{ answer: T; subgraphRequests: Record<SubgraphName, number> }> {
  const subgraphRequests = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 0])) as Record<SubgraphName, number>;
  const listeners = SUBGRAPH_NAMES.map((name) => {
    const listener = (request: IncomingMessage): void => {
      if (request.method === 'POST') subgraphRequests[name] += 1;
    };
    supergraph.subgraphs[name].server.httpServer.on('request', listener);
    return () => supergraph.subgraphs[name].server.httpServer.off('request', listener);
  });
  try {
    return { answer: await send(), subgraphRequests };
  } finally {
    for (const remove of listeners) remove();
  }
}

const NO_SUBGRAPH_REQUESTS = { identity: 0, subscriptions: 0, 'device-telemetry': 0 };

function expectRefused(response: GraphQLResponse<unknown>, code: string, limit: number): void {
  expect(response.status).toBe(400);
  expect(response.body).not.toHaveProperty('data');
  expect(response.body.errors).toEqual([
    { message: expect.any(String), extensions: { code, limit, requestId: response.headers.get('x-request-id') } },
  ]);
}

/** `levels` times Organization → devices → Device → organization, below the organizations list. */
function nestedOrganizations(levels: number): string {
  return `{ organizations { nodes { ${'devices { nodes { organization { '.repeat(levels)}id${' } } }'.repeat(levels)} } } }`;
}

describe('an operation built to overload the gateway', () => {
  it('a query nested 50 levels deep is refused before planning (depth bomb)', async () => {
    const { answer, subgraphRequests } = await withSubgraphRequests(() =>
      supergraph.query(nestedOrganizations(16), {}, world.asPartnerAdmin),
    );

    expectRefused(answer, 'QUERY_TOO_DEEP', 10);
    expect(subgraphRequests).toEqual(NO_SUBGRAPH_REQUESTS);
  });

  it('the same depth bomb sent again is refused again, under its own request id (the limits are checked once per parsed document)', async () => {
    const answers = [];
    for (let attempt = 0; attempt < 3; attempt += 1) answers.push(await supergraph.query(nestedOrganizations(16), {}, world.asPartnerAdmin));

    for (const answer of answers) expectRefused(answer, 'QUERY_TOO_DEEP', 10);
    const requestIds = answers.map((answer) => answer.body.errors?.[0]?.extensions?.requestId);
    expect(new Set(requestIds).size).toBe(3);
    expect(requestIds).toEqual(answers.map((answer) => answer.headers.get('x-request-id')));
  });

  it('a depth bomb hidden in fragments is refused as well: fragments add no free depth', async () => {
    const query = `
      query { organizations { nodes { ...Devices } } }
      fragment Devices on Organization { devices { nodes { ...Owner } } }
      fragment Owner on Device { organization { devices { nodes { organization { devices { nodes { organization { id } } } } } } } }
    `;
    const { answer, subgraphRequests } = await withSubgraphRequests(() => supergraph.query(query, {}, world.asPartnerAdmin));

    expectRefused(answer, 'QUERY_TOO_DEEP', 10);
    expect(subgraphRequests).toEqual(NO_SUBGRAPH_REQUESTS);
  });

  it('one field asked for under 100 aliases is refused before planning (alias bomb)', async () => {
    const aliases = Array.from({ length: 100 }, (_, index) => `o${index}: organizations { pageInfo { hasNextPage } }`).join(' ');
    const { answer, subgraphRequests } = await withSubgraphRequests(() => supergraph.query(`{ ${aliases} }`, {}, world.asPartnerAdmin));

    expectRefused(answer, 'TOO_MANY_ALIASES', 15);
    expect(subgraphRequests).toEqual(NO_SUBGRAPH_REQUESTS);
  });

  it('an operation of 5,000 tokens is refused before it is parsed (token flood)', async () => {
    const { answer, subgraphRequests } = await withSubgraphRequests(() =>
      supergraph.query(`{ ${'__typename '.repeat(5000)}}`, {}, world.asPartnerAdmin),
    );

    expectRefused(answer, 'TOO_MANY_TOKENS', 1000);
    expect(subgraphRequests).toEqual(NO_SUBGRAPH_REQUESTS);
  });

  it('a field repeated with 60 @include directives is refused before planning (directive overloading)', async () => {
    const { answer, subgraphRequests } = await withSubgraphRequests(() =>
      supergraph.query(`{ ${'organizations @include(if: true) { pageInfo { hasNextPage } } '.repeat(60)}}`, {}, world.asPartnerAdmin),
    );

    expectRefused(answer, 'TOO_MANY_DIRECTIVES', 50);
    expect(subgraphRequests).toEqual(NO_SUBGRAPH_REQUESTS);
  });

  it.each([
    {
      attack: 'pages of 100 organizations × 100 devices × 100 incidents',
      query: '{ organizations(first: 100) { nodes { devices(first: 100) { nodes { incidents(first: 100) { nodes { id } } } } } } }',
      variables: {},
    },
    {
      attack: 'the same page sizes sent as variables',
      query: `query ($n: Int) { organizations(first: $n) { nodes { devices(first: $n) { nodes { incidents(first: $n) { nodes { id } } } } } } }`,
      variables: { n: 100 },
    },
    {
      attack: 'page sizes as a variable’s default, with no variables sent (the schema’s defaults would pass)',
      query: `query ($n: Int = 100) { organizations(first: $n) { nodes { devices(first: $n) { nodes { incidents(first: $n) { nodes { id } } } } } } }`,
      variables: {},
    },
    {
      attack: 'no page sizes at all: the defaults, with 500 history points for every sensor of every device',
      query: `{ organizations { nodes { devices { nodes { sensors { history(from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z") {
        buckets { start average } } } } } } } }`,
      variables: {},
    },
  ])('an answer that could hold millions of objects is refused before planning: $attack (nested pagination)', async ({ query, variables }) => {
    const { answer, subgraphRequests } = await withSubgraphRequests(() => supergraph.query(query, variables, world.asPartnerAdmin));

    expectRefused(answer, 'QUERY_TOO_COSTLY', 1_000_000);
    expect(subgraphRequests).toEqual(NO_SUBGRAPH_REQUESTS);
  });

  it('a JSON array of operations is refused whole, none of them run (HTTP batching)', async () => {
    const { answer, subgraphRequests } = await withSubgraphRequests(() =>
      fetch(supergraph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...world.asPartnerAdmin },
        body: JSON.stringify([{ query: '{ organizations { pageInfo { hasNextPage } } }' }, { query: '{ organizations { pageInfo { hasNextPage } } }' }]),
      }),
    );
    const body: unknown = await answer.json();

    // As a batching client (Apollo Client's BatchHttpLink) reads it: an array, one error result per operation.
    const refusal = {
      errors: [{ message: expect.any(String), extensions: { code: 'BATCHING_NOT_SUPPORTED', requestId: answer.headers.get('x-request-id') } }],
    };
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(body).toEqual([refusal, refusal]);
    expect(subgraphRequests).toEqual(NO_SUBGRAPH_REQUESTS);
  });

  it('a refused batch gets one error result per operation, at least one and at most 100', async () => {
    const send = async (batch: unknown[]): Promise<unknown[]> => {
      const answer = await fetch(supergraph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...world.asPartnerAdmin },
        body: JSON.stringify(batch),
      });
      expect(answer.status).toBe(400);
      return (await answer.json()) as unknown[];
    };
    const codesOf = (results: unknown[]): unknown[] =>
      results.map((result) => (result as { errors: { extensions: { code: string } }[] }).errors.map((error) => error.extensions.code));
    const operation = { query: '{ organizations { pageInfo { hasNextPage } } }' };

    expect(codesOf(await send([operation, operation, operation]))).toEqual([['BATCHING_NOT_SUPPORTED'], ['BATCHING_NOT_SUPPORTED'], ['BATCHING_NOT_SUPPORTED']]);
    expect(codesOf(await send([]))).toEqual([['BATCHING_NOT_SUPPORTED']]);
    expect(await send(Array.from({ length: 5000 }, () => ({})))).toHaveLength(100);
  });

  it('an operation sent only as a persisted-query hash is refused: no gateway keeps a query cache of its own', async () => {
    const { answer, subgraphRequests } = await withSubgraphRequests(() =>
      fetch(supergraph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...world.asPartnerAdmin },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
      }),
    );
    const body = (await answer.json()) as { errors?: { extensions?: { code?: string } }[] };

    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
    expect(subgraphRequests).toEqual(NO_SUBGRAPH_REQUESTS);
  });

  it('logs each refusal under the request id the client was given', async () => {
    const response = await supergraph.query(nestedOrganizations(16), {}, world.asPartnerAdmin);
    const requestId = response.headers.get('x-request-id');

    expect(supergraph.logs.some((line) => line.includes('request refused') && line.includes(`requestId=${requestId}`) && line.includes('QUERY_TOO_DEEP'))).toBe(
      true,
    );
  });
});

/** docs/api-guide.md's partner dashboard with sparklines (the answer could hold about 580,000 objects). */
const PARTNER_DASHBOARD_WITH_SPARKLINES = `query PartnerDashboard($from: String!, $to: String!) {
  organizations(first: 10) { nodes { id name deviceCount openIncidentCount
    devices(first: 20) { nodes { id name type openIncidentCount
      sensors { id type unit latest { at value } history(from: $from, to: $to, maxPoints: 288) { bucketSeconds buckets { start average } } } } } } }
}`;

describe('what the front ends send', () => {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

  it.each([
    {
      name: "the README's first query",
      query: `{ organizations { nodes { name kind partnerId subscriptions { product status endsOn }
        devices(first: 10) { nodes { name make model serialNumber firmwareRevision ipAddress sensors { type unit } } } } } }`,
      variables: () => ({}),
    },
    {
      name: 'the partner dashboard',
      query: `{ organizations { nodes { name deviceCount openIncidentCount
        devices(first: 50) { nodes { name type ipAddress openIncidentCount sensors { type unit latest { at value } } } } } } }`,
      variables: () => ({}),
    },
    {
      name: "a device page with 24 hours of history at docs/api-guide.md's 288 points",
      query: `query ($id: ID!, $from: String!, $to: String!) { organization(id: $id) { devices(first: 1, filter: { types: [UPS] }) { nodes { name
        sensors { type history(from: $from, to: $to, maxPoints: 288) { resolution bucketSeconds buckets { start min max average last count } } }
        incidents(open: true) { nodes { severity message raisedAt acknowledgement { note at } } } } } } }`,
      variables: () => ({ id: customerId, from: hoursAgo(24), to: hoursAgo(0) }),
    },
    {
      name: "the partner dashboard's first page: 10 customers × 20 devices, every sensor with a 288-point sparkline",
      query: PARTNER_DASHBOARD_WITH_SPARKLINES,
      variables: () => ({ from: hoursAgo(24), to: hoursAgo(0) }),
    },
    {
      name: 'pages of 100 organizations × 100 devices, each naming its owner',
      query: '{ organizations(first: 100) { nodes { name devices(first: 100) { nodes { id organization { id name } } } } } }',
      variables: () => ({}),
    },
  ])('$name passes every limit', async ({ query, variables }) => {
    const response = await supergraph.query(query, variables(), world.asPartnerAdmin);

    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it("Apollo Sandbox's introspection query passes every limit in development", async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });

    const response = await supergraph.query<{ __schema: { types: unknown[] } }>(query);

    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.__schema.types.length).toBeGreaterThan(50);
  });
});

describe('each limit, set lower', () => {
  let gateway: StandaloneGateway;

  beforeAll(async () => {
    const urls = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await closedPortUrl()] as const)));
    gateway = await listenWithGatewayOnly({
      supergraphSdl: composeSupergraph(urls as Record<SubgraphName, string>),
      environment: {
        MAX_QUERY_DEPTH: '3',
        MAX_QUERY_ALIASES: '1',
        MAX_QUERY_TOKENS: '25',
        MAX_QUERY_DIRECTIVES: '1',
        MAX_QUERY_COST: '10',
      },
    });
    await gateway.start();
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it.each([
    { variable: 'MAX_QUERY_DEPTH=3', query: '{ organizations { nodes { devices { pageInfo { hasNextPage } } } } }', code: 'QUERY_TOO_DEEP', limit: 3 },
    {
      variable: 'MAX_QUERY_ALIASES=1',
      query: '{ a: organizations { pageInfo { hasNextPage } } b: organizations { pageInfo { hasNextPage } } }',
      code: 'TOO_MANY_ALIASES',
      limit: 1,
    },
    { variable: 'MAX_QUERY_TOKENS=25', query: `{ ${'__typename '.repeat(24)}}`, code: 'TOO_MANY_TOKENS', limit: 25 },
    {
      variable: 'MAX_QUERY_DIRECTIVES=1',
      query: '{ __typename @include(if: true) __typename @skip(if: false) }',
      code: 'TOO_MANY_DIRECTIVES',
      limit: 1,
    },
    { variable: 'MAX_QUERY_COST=10', query: '{ organizations(first: 11) { pageInfo { hasNextPage } } }', code: 'QUERY_TOO_COSTLY', limit: 10 },
  ])('with $variable, refuses what the default allows', async ({ query, code, limit }) => {
    const tight = await postGraphQL(gateway.graphqlUrl, { query });
    const byDefault = await supergraph.query(query, {}, world.asPartnerAdmin);

    expectRefused(tight, code, limit);
    expect(byDefault.body.errors).toBeUndefined();
  });

  it.each(['MAX_QUERY_DEPTH', 'MAX_QUERY_ALIASES', 'MAX_QUERY_TOKENS', 'MAX_QUERY_DIRECTIVES', 'MAX_QUERY_COST', 'BODY_LIMIT'])(
    'a gateway whose %s is not a number it can use refuses to start, naming the variable',
    (variable) => {
      const read = () => readGatewayConfig({ INTERNAL_TOKEN_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nx', [variable]: 'unlimited' });

      expect(read).toThrow(ConfigError);
      expect(read).toThrow(new RegExp(`${variable}: expected`));
    },
  );
});
