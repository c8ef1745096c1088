import type { IncomingMessage } from 'node:http';
import { SUBGRAPH_NAMES, type SubgraphName } from '@partnergraph/core';
import { seedWorld, type SeededWorld } from '../support/fixtures';
import { postGraphQL } from '../support/http';
import { composeSupergraph, startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { closedPortUrl, listenWithGatewayOnly, type StandaloneGateway } from '../support/standalone-gateway';
import { graphql } from '../generated/operations';

const TYPENAME = graphql(`query GatewayTypename { __typename }`);

/** The gateway's HTTP surface: health, request ids, introspection, explorer pages, CORS and CSRF prevention. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INTROSPECTION = graphql(`query Introspection { __schema { types { name } } }`);
const ORGANIZATIONS = graphql(`query Organizations { organizations { nodes { name subscriptions { product } devices { nodes { name } } } } }`);
const PORTAL = 'https://portal.example.com';

function baseUrlOf(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql$/, '');
}

/** A CORS preflight for a JSON POST to /graphql, as a browser sends it from `origin`. */
function preflight(graphqlUrl: string, origin: string): Promise<Response> {
  return fetch(graphqlUrl, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
}

/** A GET query with no preflight header and no JSON content type: what a cross-site link or image can send. */
function simpleGetQuery(graphqlUrl: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`, { headers });
}

/** A supergraph whose subgraphs all sit on closed ports: for what the gateway does on its own. */
async function supergraphWithNoSubgraphs(): Promise<string> {
  const urls = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await closedPortUrl()] as const)));
  return composeSupergraph(urls as Record<SubgraphName, string>);
}

describe('a gateway in development', () => {
  let supergraph: InProcessSupergraph;
  let world: SeededWorld;
  let baseUrl: string;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph({ gatewayEnvironment: { NODE_ENV: 'development' } });
    baseUrl = baseUrlOf(supergraph.gatewayUrl);
    // Organizations to list, so that a query reaches subscriptions and device-telemetry too.
    world = await seedWorld(supergraph, { customers: 1, devicesPerCustomer: 1, sensorsPerDevice: 1 });
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  it('answers GET /health/live with 200', async () => {
    const response = await fetch(`${baseUrl}/health/live`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'live' });
  });

  it('answers GET /health/ready with 200 once started', async () => {
    const response = await fetch(`${baseUrl}/health/ready`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it.each([
    { label: 'GET /health/live', send: () => fetch(`${baseUrl}/health/live`) },
    { label: 'GET /health/ready', send: () => fetch(`${baseUrl}/health/ready`) },
    { label: 'a GraphQL POST', send: () => fetch(supergraph.gatewayUrl, postJson({ query: TYPENAME })) },
    { label: 'a GraphQL request it refuses', send: () => simpleGetQuery(supergraph.gatewayUrl) },
    { label: 'a CORS preflight', send: () => preflight(supergraph.gatewayUrl, PORTAL) },
    { label: 'a route that does not exist', send: () => fetch(`${baseUrl}/no-such-route`) },
  ])('puts an x-request-id header on its answer to $label', async ({ send }) => {
    const response = await send();
    await response.arrayBuffer();

    expect(response.headers.get('x-request-id')).toMatch(UUID);
  });

  it('gives each request its own id', async () => {
    const ids = await Promise.all([1, 2, 3].map(async () => (await fetch(`${baseUrl}/health/live`)).headers.get('x-request-id')));

    expect(new Set(ids).size).toBe(3);
  });

  it('sends its request id to every subgraph it calls for that request, and they pass it on to their access checks', async () => {
    const seen = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, [] as (string | undefined)[]])) as Record<
      SubgraphName,
      (string | undefined)[]
    >;
    const listeners = SUBGRAPH_NAMES.map((name) => {
      const listener = (request: IncomingMessage): void => {
        // GraphQL POSTs only: the gateway also GETs identity's public keys.
        if (request.method !== 'POST') return;
        const id = request.headers['x-request-id'];
        seen[name].push(Array.isArray(id) ? id.join(',') : id);
      };
      supergraph.subgraphs[name].server.httpServer.on('request', listener);
      return () => supergraph.subgraphs[name].server.httpServer.off('request', listener);
    });
    try {
      const response = await postGraphQL(supergraph.gatewayUrl, { query: ORGANIZATIONS }, world.asPartnerAdmin);

      expect(response.body.errors).toBeUndefined();
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(UUID);
      // Identity: the gateway's fetch, then the access checks of subscriptions and device-telemetry.
      expect(seen).toEqual({ identity: [requestId, requestId, requestId], subscriptions: [requestId], 'device-telemetry': [requestId] });
    } finally {
      for (const remove of listeners) remove();
    }
  });

  it('answers an introspection query', async () => {
    const response = await postGraphQL(supergraph.gatewayUrl, { query: INTROSPECTION });

    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.__schema.types.map((type) => type.name)).toEqual(
      expect.arrayContaining(['Organization', 'Device', 'SubscriptionLicense']),
    );
  });

  it('serves the local explorer to a browser that opens /graphql: every file it loads comes from the gateway', async () => {
    const response = await fetch(supergraph.gatewayUrl, { headers: { accept: 'text/html' } });
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toMatch(/<title>PartnerGraph explorer<\/title>/);
    expect(html).toMatch(/<input id="bearer-token"/);
    expect(html).not.toMatch(/https?:\/\//);
    const files = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((match) => match[1] ?? '').filter((path) => path.startsWith('/explorer/'));
    expect(files).toEqual(expect.arrayContaining(['/explorer/assets/graphiql.min.js', '/explorer/assets/graphiql.min.css', '/explorer/assets/explorer.js']));
    for (const file of files) {
      const asset = await fetch(`${baseUrl}${file}`);
      await asset.arrayBuffer();
      expect({ file, status: asset.status, type: asset.headers.get('content-type') }).toEqual({
        file,
        status: 200,
        type: expect.stringMatching(file.endsWith('.css') ? /^text\/css/ : /^(application|text)\/javascript/),
      });
    }
  });

  it('answers 404 for a file the explorer does not have', async () => {
    const response = await fetch(`${baseUrl}/explorer/assets/package.json`);
    await response.arrayBuffer();

    expect(response.status).toBe(404);
  });

  it("serves Apollo Sandbox at /sandbox, pointed at /graphql, with Apollo's telemetry off", async () => {
    const response = await fetch(`${baseUrl}/sandbox`);
    const html = await response.text();
    const config = JSON.parse(/<script type="application\/json" id="sandbox-config">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as Record<string, unknown>;

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(config).toMatchObject({ endpointPath: '/graphql', runTelemetry: false, includeCookies: false });
    expect(html).toContain('<script src="https://embeddable-sandbox.cdn.apollographql.com/v2/embeddable-sandbox.umd.production.min.js"></script>');
  });

  it.each(['http://localhost:5173', 'http://127.0.0.1:3000', 'https://sandbox.embed.apollographql.com'])(
    'allows a preflight from %s (a local dev server, or Sandbox)',
    async (origin) => {
      const response = await preflight(supergraph.gatewayUrl, origin);

      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    },
  );

  it('gives a preflight from a port no dev server usually uses no Access-Control-Allow-Origin', async () => {
    const response = await preflight(supergraph.gatewayUrl, 'http://localhost:6006');

    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses with 400 a GET query sent with neither a preflight header nor a JSON content type (CSRF prevention)', async () => {
    const response = await simpleGetQuery(supergraph.gatewayUrl);
    const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };

    expect(response.status).toBe(400);
    expect(body).not.toHaveProperty('data');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(body.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses with 400 a POST whose body is text/plain, as an HTML form can send it (CSRF prevention)', async () => {
    const response = await fetch(supergraph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: TYPENAME }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };

    expect(response.status).toBe(400);
    expect(body).not.toHaveProperty('data');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('answers the same GET query when it carries apollo-require-preflight (the control)', async () => {
    const response = await simpleGetQuery(supergraph.gatewayUrl, { 'apollo-require-preflight': 'true' });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('a gateway in production', () => {
  let supergraph: InProcessSupergraph;
  let world: SeededWorld;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph({ gatewayEnvironment: { NODE_ENV: 'production' } });
    world = await seedWorld(supergraph, { customers: 1, devicesPerCustomer: 1, sensorsPerDevice: 1 });
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  it('refuses an introspection query with GRAPHQL_VALIDATION_FAILED', async () => {
    const response = await postGraphQL(supergraph.gatewayUrl, { query: INTROSPECTION });

    expect(response.status).toBe(400);
    expect(response.body).not.toHaveProperty('data');
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('still answers an ordinary query across the subgraphs', async () => {
    const [customer] = world.customers;
    const [device] = world.devices;

    const response = await postGraphQL(
      supergraph.gatewayUrl,
      { query: ORGANIZATIONS },
      world.asPartnerAdmin,
    );

    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.organizations.nodes).toContainEqual({
      name: customer?.name,
      subscriptions: expect.arrayContaining([{ product: 'IT Expert' }, { product: 'IT Advisor' }]),
      devices: { nodes: [{ name: device?.name }] },
    });
  });

  it('does not serve the Sandbox landing page to a browser that opens /graphql', async () => {
    const response = await fetch(supergraph.gatewayUrl, { headers: { accept: 'text/html' } });
    const text = await response.text();

    expect(response.status).not.toBe(200);
    expect(response.headers.get('content-type')).not.toMatch(/html/);
    expect(text).not.toMatch(/sandbox/i);
    expect(text).not.toMatch(/<html/i);
  });

  it.each(['https://sandbox.embed.apollographql.com', 'http://localhost:5173'])(
    'allows no cross-origin caller unless CORS_ORIGINS says so: a preflight from %s gets no Access-Control-Allow-Origin',
    async (origin) => {
      const response = await preflight(supergraph.gatewayUrl, origin);

      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    },
  );

  it.each(['/sandbox', '/explorer/assets/graphiql.min.js'])('does not serve %s (the explorer is off unless EXPLORER says so)', async (path) => {
    const response = await fetch(`${baseUrlOf(supergraph.gatewayUrl)}${path}`, { headers: { accept: 'text/html' } });
    await response.arrayBuffer();

    expect(response.status).toBe(404);
  });
});

describe.each([
  { explorer: 'local', title: /<title>PartnerGraph explorer<\/title>/ },
  { explorer: 'sandbox', title: /<title>PartnerGraph: Apollo Sandbox<\/title>/ },
])('a gateway in production with EXPLORER=$explorer', ({ explorer, title }) => {
  let gateway: StandaloneGateway;

  beforeAll(async () => {
    gateway = await listenWithGatewayOnly({
      supergraphSdl: await supergraphWithNoSubgraphs(),
      environment: { NODE_ENV: 'production', EXPLORER: explorer },
    });
    await gateway.start();
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it(`serves that explorer to a browser that opens /graphql, and Sandbox at /sandbox`, async () => {
    const page = await fetch(gateway.graphqlUrl, { headers: { accept: 'text/html' } });
    const sandbox = await fetch(`${gateway.baseUrl}/sandbox`);

    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(title);
    expect(sandbox.status).toBe(200);
    expect(await sandbox.text()).toMatch(/"runTelemetry":false/);
  });
});

describe(`a gateway with CORS_ORIGINS=${PORTAL}`, () => {
  let gateway: StandaloneGateway;

  beforeAll(async () => {
    gateway = await listenWithGatewayOnly({
      supergraphSdl: await supergraphWithNoSubgraphs(),
      environment: { CORS_ORIGINS: PORTAL },
    });
    await gateway.start();
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it('allows a preflight from that origin', async () => {
    const response = await preflight(gateway.graphqlUrl, PORTAL);

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
  });

  it("lets that origin's scripts read the answer to its query", async () => {
    const response = await fetch(gateway.graphqlUrl, {
      ...postJson({ query: TYPENAME }),
      headers: { ...JSON_HEADERS, origin: PORTAL },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
  });

  it.each(['https://evil.example.net', 'https://portal.example.com.evil.example.net', 'http://portal.example.com'])(
    'gives a preflight from %s no Access-Control-Allow-Origin',
    async (origin) => {
      const response = await preflight(gateway.graphqlUrl, origin);

      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    },
  );
});

describe('a gateway that has not loaded its supergraph yet', () => {
  let gateway: StandaloneGateway;

  beforeAll(async () => {
    gateway = await listenWithGatewayOnly({ supergraphSdl: await supergraphWithNoSubgraphs() });
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it('is live but not ready, answers GraphQL with 503 SERVICE_STARTING, and becomes ready once started', async () => {
    expect((await fetch(`${gateway.baseUrl}/health/live`)).status).toBe(200);
    const notReady = await fetch(`${gateway.baseUrl}/health/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'starting' });
    const starting = await postGraphQL(gateway.graphqlUrl, { query: TYPENAME });
    expect(starting.status).toBe(503);
    expect(starting.headers.get('retry-after')).toBe('1');
    expect(starting.body.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_STARTING']);

    await gateway.start();

    expect((await fetch(`${gateway.baseUrl}/health/ready`)).status).toBe(200);
    expect((await postGraphQL(gateway.graphqlUrl, { query: TYPENAME })).body).toEqual({ data: { __typename: 'Query' } });
  });
});

const JSON_HEADERS = { 'content-type': 'application/json' };

function postJson(body: unknown): RequestInit {
  return { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) };
}
