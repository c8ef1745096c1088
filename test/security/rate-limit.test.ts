import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createLogger, generateEd25519KeyPair, SUBGRAPH_NAMES, type SubgraphName } from '@partnergraph/core';
import { readGatewayConfig } from '@partnergraph/gateway/config';
import { createMemoryRateLimitStore, type Rate, type RateLimitStore } from '@partnergraph/gateway/rate-limit';
import { createRedisRateLimitStore } from '@partnergraph/gateway/redis-rate-limit-store';
import { bearerHeaders } from '../support/fixtures';
import { postGraphQL, type GraphQLResponse } from '../support/http';
import { composeSupergraph, startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { closedPortUrl, listenWithGatewayOnly, type StandaloneGateway } from '../support/standalone-gateway';

/*
 * A flood of requests from one principal (a user, an API client, or, for
 * anonymous callers, one address) is answered with 429 RATE_LIMITED and
 * Retry-After once it has spent RATE_LIMIT_PER_MINUTE, before anything is
 * parsed or planned, while every other principal keeps its allowance. With
 * REDIS_URL every gateway counts in Redis, so replicas share one allowance
 * exactly. The Redis cases run when REDIS_URL is set (CI sets it).
 */

const REDIS_URL = process.env.REDIS_URL;
const describeWithRedis = REDIS_URL ? describe : describe.skip;
const quiet = createLogger({ level: 'error', format: 'text', write: () => undefined });

type Response = GraphQLResponse<unknown>;
const statuses = (responses: Response[]) => responses.map((response) => response.status);

function expectRateLimited(response: Response, maxWaitSeconds: number): void {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxWaitSeconds);
  expect(response.body).not.toHaveProperty('data');
  expect(response.body.errors).toEqual([
    {
      message: expect.any(String),
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter, requestId: response.headers.get('x-request-id') },
    },
  ]);
}

async function inSequence(count: number, send: () => Promise<Response>): Promise<Response[]> {
  const responses: Response[] = [];
  for (let index = 0; index < count; index += 1) responses.push(await send());
  return responses;
}

describe('a gateway allowing 5 requests a minute per principal', () => {
  let supergraph: InProcessSupergraph;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph({ gatewayEnvironment: { RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  const user = () => bearerHeaders(supergraph, { organizationId: randomUUID(), role: 'ADMIN', mfa: false });

  it('answers a user’s sixth request in a burst with 429, Retry-After and RATE_LIMITED (request flood)', async () => {
    const headers = await user();

    const responses = await inSequence(6, () => supergraph.query('{ __typename }', {}, headers));

    expect(statuses(responses.slice(0, 5))).toEqual([200, 200, 200, 200, 200]);
    // One request comes back every 12 s.
    expectRateLimited(responses[5] as Response, 12);
  });

  it('keeps every other principal’s allowance whole while one is limited (noisy neighbour)', async () => {
    const flooder = await user();
    await inSequence(6, () => supergraph.query('{ __typename }', {}, flooder));

    const bystander = await supergraph.query('{ __typename }', {}, await user());

    expect(bystander.status).toBe(200);
    expect((await supergraph.query('{ __typename }', {}, flooder)).status).toBe(429);
  });

  it('refuses a limited request before any subgraph hears of it', async () => {
    const headers = await user();
    await inSequence(5, () => supergraph.query('{ __typename }', {}, headers));
    const seen: SubgraphName[] = [];
    const listeners = SUBGRAPH_NAMES.map((name) => {
      const listener = (request: IncomingMessage) => request.method === 'POST' && seen.push(name);
      supergraph.subgraphs[name].server.httpServer.on('request', listener);
      return () => supergraph.subgraphs[name].server.httpServer.off('request', listener);
    });
    try {
      const refused = await supergraph.query('{ organizations { nodes { name subscriptions { product } devices { nodes { name } } } } }', {}, headers);

      expect(refused.status).toBe(429);
      expect(seen).toEqual([]);
    } finally {
      for (const remove of listeners) remove();
    }
  });

  it('counts bad access tokens against the address they come from, with anonymous requests (token guessing)', async () => {
    const guesses = await inSequence(5, () => supergraph.query('{ __typename }', {}, { authorization: `Bearer guess-${randomUUID()}` }));
    const sixthGuess = await supergraph.query('{ __typename }', {}, { authorization: 'Bearer one-more-guess' });
    const anonymous = await supergraph.query('{ __typename }');

    expect(statuses(guesses)).toEqual([401, 401, 401, 401, 401]);
    expectRateLimited(sixthGuess, 12);
    expectRateLimited(anonymous, 12);
    // A signed-in user on the same address is counted as who they are.
    expect((await supergraph.query('{ __typename }', {}, await user())).status).toBe(200);
  });

  it('logs each refusal with the request id and whose allowance ran out', async () => {
    const headers = await user();
    const [refused] = (await inSequence(6, () => supergraph.query('{ __typename }', {}, headers))).slice(5);

    const requestId = refused?.headers.get('x-request-id');
    expect(supergraph.logs.some((line) => line.includes(`requestId=${requestId}`) && line.includes('RATE_LIMITED') && line.includes('key=user:'))).toBe(true);
  });
});

describe('the rate limit’s settings', () => {
  let gateways: StandaloneGateway[] = [];

  const gatewayWith = async (environment: Record<string, string>): Promise<StandaloneGateway> => {
    const urls = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await closedPortUrl()] as const)));
    const gateway = await listenWithGatewayOnly({ supergraphSdl: composeSupergraph(urls as Record<SubgraphName, string>), environment });
    gateways.push(gateway);
    await gateway.start();
    return gateway;
  };
  afterEach(async () => {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    gateways = [];
  });

  it('RATE_LIMIT_PER_MINUTE=0 turns rate limiting off, where 1 refuses the second request', async () => {
    const off = await gatewayWith({ RATE_LIMIT_PER_MINUTE: '0' });
    const one = await gatewayWith({ RATE_LIMIT_PER_MINUTE: '1' });

    const unlimited = await inSequence(20, () => postGraphQL(off.graphqlUrl, { query: '{ __typename }' }));
    const limited = await inSequence(2, () => postGraphQL(one.graphqlUrl, { query: '{ __typename }' }));

    expect(new Set(statuses(unlimited))).toEqual(new Set([200]));
    expect(statuses(limited)).toEqual([200, 429]);
  });

  it('defaults to 600 a minute, and a value that is not a whole number of requests stops the gateway at start-up', () => {
    const required = { INTERNAL_TOKEN_PRIVATE_KEY: generateEd25519KeyPair().privateKeyPem };

    expect(readGatewayConfig(required).rateLimitPerMinute).toBe(600);
    expect(() => readGatewayConfig({ ...required, RATE_LIMIT_PER_MINUTE: 'unlimited' })).toThrow(/RATE_LIMIT_PER_MINUTE: expected/);
    expect(() => readGatewayConfig({ ...required, REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL: expected/);
  });

  it('counts anonymous callers by the socket’s address: a forged X-Forwarded-For dodges nothing (spoofed address)', async () => {
    const gateway = await gatewayWith({ RATE_LIMIT_PER_MINUTE: '1' });
    const from = (address: string) => postGraphQL(gateway.graphqlUrl, { query: '{ __typename }' }, { 'x-forwarded-for': address });

    expect(statuses([await from('203.0.113.1'), await from('203.0.113.2')])).toEqual([200, 429]);
  });

  it('with TRUST_PROXY_HOPS=1, counts anonymous callers by the address the load balancer forwards', async () => {
    const gateway = await gatewayWith({ RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY_HOPS: '1' });
    const from = (address: string) => postGraphQL(gateway.graphqlUrl, { query: '{ __typename }' }, { 'x-forwarded-for': address });

    expect(statuses([await from('203.0.113.1'), await from('203.0.113.1'), await from('203.0.113.2')])).toEqual([200, 429, 200]);
  });

  it('lets requests through, and warns, when the Redis at REDIS_URL does not answer (limiter outage is no graph outage)', async () => {
    const { port } = new URL(await closedPortUrl());
    const gateway = await gatewayWith({ RATE_LIMIT_PER_MINUTE: '1', REDIS_URL: `redis://127.0.0.1:${port}` });

    const responses = await inSequence(3, () => postGraphQL(gateway.graphqlUrl, { query: '{ __typename }' }));

    expect(statuses(responses)).toEqual([200, 200, 200]);
    expect(gateway.logs.some((line) => line.includes('rate limit store failed; request let through'))).toBe(true);
  });
});

describe('the rate limit of POST /oauth/token (client secret guessing)', () => {
  let gateways: StandaloneGateway[] = [];

  /** Identity is unreachable: an exchange the limit lets through is answered 503, one it refuses 429, before identity is asked. */
  const gatewayWith = async (environment: Record<string, string>): Promise<StandaloneGateway> => {
    const urls = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await closedPortUrl()] as const)));
    const gateway = await listenWithGatewayOnly({
      supergraphSdl: composeSupergraph(urls as Record<SubgraphName, string>),
      environment: { TRUST_PROXY_HOPS: '1', ...environment },
    });
    gateways.push(gateway);
    await gateway.start();
    return gateway;
  };
  afterEach(async () => {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    gateways = [];
  });

  const exchange = async (gateway: StandaloneGateway, clientId: string, address: string) => {
    const response = await fetch(`${gateway.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: `guess-${randomUUID()}` }).toString(),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };
  const expectSlowDown = (answer: Awaited<ReturnType<typeof exchange>>, maxWaitSeconds: number) => {
    expect(answer.status).toBe(429);
    const retryAfter = Number(answer.retryAfter);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(maxWaitSeconds);
    expect(answer.body).toEqual({ error: 'slow_down', error_description: expect.any(String), code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
  };

  it('refuses a client id’s fourth exchange in a minute with 429 slow_down, from whatever address it comes', async () => {
    const gateway = await gatewayWith({ TOKEN_RATE_LIMIT_PER_MINUTE: '3' });
    const clientId = `client-${randomUUID()}`;

    const answers = [];
    for (let index = 1; index <= 4; index += 1) answers.push(await exchange(gateway, clientId, `203.0.113.${index}`));

    expect(answers.slice(0, 3).map((answer) => answer.status)).toEqual([503, 503, 503]);
    expectSlowDown(answers[3]!, 20);
    // Another client from a fresh address keeps its allowance.
    expect((await exchange(gateway, `client-${randomUUID()}`, '203.0.113.50')).status).toBe(503);
    expect(gateway.logs.some((line) => line.includes('token request refused') && line.includes('key=oauth-token:client:'))).toBe(true);
  });

  it('refuses an address’s fourth exchange in a minute, whichever client ids it tries', async () => {
    const gateway = await gatewayWith({ TOKEN_RATE_LIMIT_PER_MINUTE: '3' });

    const answers = [];
    for (let index = 1; index <= 4; index += 1) answers.push(await exchange(gateway, `client-${randomUUID()}`, '198.51.100.7'));

    expect(answers.slice(0, 3).map((answer) => answer.status)).toEqual([503, 503, 503]);
    expectSlowDown(answers[3]!, 20);
    expect((await exchange(gateway, `client-${randomUUID()}`, '198.51.100.8')).status).toBe(503);
  });

  it('TOKEN_RATE_LIMIT_PER_MINUTE=0 turns it off; it defaults to 30 a minute', async () => {
    const gateway = await gatewayWith({ TOKEN_RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_PER_MINUTE: '0' });
    const clientId = `client-${randomUUID()}`;

    const statusesOff = [];
    for (let index = 0; index < 10; index += 1) statusesOff.push((await exchange(gateway, clientId, '192.0.2.1')).status);

    expect(new Set(statusesOff)).toEqual(new Set([503]));
    expect(readGatewayConfig({ INTERNAL_TOKEN_PRIVATE_KEY: generateEd25519KeyPair().privateKeyPem }).tokenRateLimitPerMinute).toBe(30);
  });

  (REDIS_URL ? it : it.skip)('is counted in Redis, so two gateways share one allowance per client id', async () => {
    const [first, second] = await Promise.all([1, 2].map(() => gatewayWith({ TOKEN_RATE_LIMIT_PER_MINUTE: '3', REDIS_URL: REDIS_URL ?? '' })));
    const clientId = `client-${randomUUID()}`;

    const answers = [];
    for (let index = 1; index <= 4; index += 1) answers.push(await exchange(index % 2 === 0 ? second! : first!, clientId, `203.0.113.${100 + index}`));

    expect(answers.slice(0, 3).map((answer) => answer.status)).toEqual([503, 503, 503]);
    expectSlowDown(answers[3]!, 20);
  });
});

/** The stores themselves: each counts exactly, however many requests arrive at once, and gives allowance back with time. */
describe.each([
  { store: 'memory', create: (): RateLimitStore => createMemoryRateLimitStore(), run: describe },
  { store: 'Redis', create: (): RateLimitStore => createRedisRateLimitStore({ url: REDIS_URL ?? '', logger: quiet }), run: describeWithRedis },
])('the $store store', ({ create, run }) => {
  run('under concurrent requests', () => {
    let store: RateLimitStore;
    beforeAll(() => {
      store = create();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('allows exactly the burst of 100 requests taken at once, and refuses the rest (race for the allowance)', async () => {
      const key = `test:${randomUUID()}`;
      const rate: Rate = { intervalMs: 600, burstMs: 6_000 };

      const decisions = await Promise.all(Array.from({ length: 100 }, () => store.take(key, rate)));

      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
      expect(decisions.filter((decision) => !decision.allowed)).toHaveLength(90);
    });

    it('gives one request back after one interval', async () => {
      const key = `test:${randomUUID()}`;
      const rate: Rate = { intervalMs: 200, burstMs: 400 };
      await store.take(key, rate);
      await store.take(key, rate);

      const refused = await store.take(key, rate);
      await new Promise((resolve) => setTimeout(resolve, 250));
      const allowed = await store.take(key, rate);

      expect(refused).toEqual({ allowed: false, retryAfterMs: expect.any(Number) });
      expect(refused.allowed === false && refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.allowed === false && refused.retryAfterMs).toBeLessThanOrEqual(200);
      expect(allowed).toEqual({ allowed: true });
    });
  });
});

describeWithRedis('two gateways sharing Redis, allowing 10 requests a minute', () => {
  let supergraph: InProcessSupergraph;
  let replica: StandaloneGateway;

  beforeAll(async () => {
    const environment = { RATE_LIMIT_PER_MINUTE: '10', REDIS_URL: REDIS_URL ?? '' };
    supergraph = await startInProcessSupergraph({ gatewayEnvironment: environment });
    replica = await listenWithGatewayOnly({
      supergraphSdl: supergraph.supergraphSdl,
      environment: {
        ...environment,
        INTERNAL_TOKEN_PRIVATE_KEY: supergraph.keys.privateKeyPem,
        AUTH_JWKS_URL: new URL('/.well-known/jwks.json', supergraph.subgraphs.identity.url).toString(),
      },
    });
    await replica.start();
  });
  afterAll(async () => {
    await replica?.stop();
    await supergraph?.stop();
  });

  it('give a principal one allowance between them, counted exactly: 40 requests at once, 10 answered (flood across replicas)', async () => {
    const headers = await bearerHeaders(supergraph, { organizationId: randomUUID(), role: 'VIEWER', mfa: false });

    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, index) => postGraphQL(index % 2 === 0 ? supergraph.gatewayUrl : replica.graphqlUrl, { query: '{ __typename }' }, headers)),
    );

    expect(statuses(responses).filter((status) => status === 200)).toHaveLength(10);
    const refused = responses.filter((response) => response.status === 429);
    expect(refused).toHaveLength(30);
    for (const response of refused) expectRateLimited(response, 6);
  });
});
