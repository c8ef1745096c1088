import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import type { SubgraphName } from '@partnergraph/core';
import { startAttackWorld, type AttackWorld, type Who } from '../support/attack-world';
import { hostileOperation, hostileString, jsonWithHugeNumbers, type HostileOperation } from '../support/hostile-operations';
import { gatewayHeaders } from '../support/internal-tokens';

/*
 * Property-based: whatever a client sends, through the real in-process stack
 * (gateway, three subgraphs, PostgreSQL) or straight at a subgraph with a
 * valid internal token, the answer is never a 5xx, never
 * INTERNAL_SERVER_ERROR, and never shows SQL, a stack or a file path.
 * Operations are generated from the composed schema (each subgraph's own for
 * the direct runs); mutations run, on this suite's own database and
 * organizations (startAttackWorld).
 *
 * CI runs a fixed seed and a bounded count; `npm run fuzz -- --runs N
 * [--seed S]` runs longer (FUZZ_RUNS, FUZZ_SEED). A failure prints the seed
 * and the shrunk counterexample: fix the cause and add a hand-written case to
 * hostile-input.test.ts.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
/** Runs of the gateway property; the others run a share of it. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const TIMEOUT_MS = Math.max(120_000, RUNS * 2_000);
const options = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: Math.max(1, Math.round(numRuns)), endOnFailure: true });

const PRINCIPALS: readonly Who[] = [
  'anonymous',
  'customerAdminA',
  'customerViewerA',
  'partnerAdmin',
  'partnerViewer',
  'partnerAdminWithoutMfa',
  'apiClient',
  'collector',
  'operator',
];

/** What an answer must never show, each with a name for the failure message. */
const LEAKS: readonly (readonly [string, RegExp])[] = [
  ['INTERNAL_SERVER_ERROR', /INTERNAL_SERVER_ERROR/],
  ['SQL', /\b(SELECT|INSERT|UPDATE|DELETE)\b[^"]*\b(FROM|INTO|SET)\b/],
  ['a constraint violation', /violates/],
  ['a relation name', /relation "/],
  ['a stack', / {4}at /],
  ['a file path', /\/work\/|node_modules|\.ts:/],
];

interface Answer {
  status: number;
  text: string;
}

function expectNoFailure(answer: Answer, request: string): void {
  const leaked = LEAKS.filter(([, pattern]) => pattern.test(answer.text)).map(([name]) => name);
  if (answer.status >= 500 || leaked.length > 0) {
    throw new Error(`HTTP ${answer.status}${leaked.length ? `, showing ${leaked.join(', ')}` : ''}\nrequest: ${request.slice(0, 2000)}\nanswer: ${answer.text.slice(0, 2000)}`);
  }
}

async function send(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  return { status: response.status, text: await response.text() };
}

let world: AttackWorld;
let gatewayBase: string;
let apiSchema: GraphQLSchema;
const subgraphSchemas = {} as Record<SubgraphName, GraphQLSchema>;

beforeAll(async () => {
  world = await startAttackWorld();
  gatewayBase = world.supergraph.gatewayUrl.replace(/\/graphql$/, '');
  const introspection = await world.query<IntrospectionQuery>('anonymous', getIntrospectionQuery());
  if (!introspection.body.data) throw new Error(`the gateway did not answer introspection: ${JSON.stringify(introspection.body)}`);
  apiSchema = buildClientSchema(introspection.body.data);
  for (const name of Object.keys(world.supergraph.subgraphs) as SubgraphName[]) {
    const own = await world.direct<IntrospectionQuery>(name, 'anonymous', getIntrospectionQuery());
    if (!own.body.data) throw new Error(`${name} did not answer introspection: ${JSON.stringify(own.body)}`);
    subgraphSchemas[name] = buildClientSchema(own.body.data);
  }
}, 120_000);
afterAll(async () => {
  await world?.stop();
});

function postOperation(url: string, operation: HostileOperation, headers: Record<string, string>): Promise<Answer> {
  return send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: jsonWithHugeNumbers({ query: operation.query, variables: operation.variables }),
  });
}

it(
  'operations generated from the composed schema, as every kind of caller, never fail or leak',
  async () => {
    await fc.assert(
      fc.asyncProperty(hostileOperation(apiSchema), fc.constantFrom(...PRINCIPALS), async (operation, who) => {
        const answer = await postOperation(world.supergraph.gatewayUrl, operation, world.headers[who]);
        expectNoFailure(answer, `${who} ${operation.field}\n${operation.query}\n${jsonWithHugeNumbers(operation.variables)}`);
      }),
      options(RUNS),
    );
  },
  TIMEOUT_MS,
);

describe.each(['identity', 'subscriptions', 'device-telemetry'] as const)('%s, called directly with a valid internal token', (name) => {
  it(
    'operations generated from its own schema never fail or leak',
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileOperation(subgraphSchemas[name]), fc.constantFrom(...PRINCIPALS), async (operation, who) => {
          const headers = await gatewayHeaders(world.supergraph.keys.privateKeyPem, name, world.principals[who]);
          const answer = await postOperation(world.supergraph.subgraphs[name].url, operation, headers);
          expectNoFailure(answer, `${name} as ${who} ${operation.field}\n${operation.query}\n${jsonWithHugeNumbers(operation.variables)}`);
        }),
        options(RUNS / 3),
      );
    },
    TIMEOUT_MS,
  );
});

/** JSON text nesting `depth` lists. */
const nestedJson = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** Request bodies and queries that are not a well-formed GraphQL request. */
const hostileRequest: fc.Arbitrary<{ method: string; path: string; headers: Record<string, string>; body?: string }> = fc.oneof(
  // Bodies that are not a request object.
  fc
    .oneof(
      fc.constantFrom('', 'null', '1', '"query"', '[]', '[{"query":"{ __typename }"}]', '{', '{"query":', '\u0000', 'query { __typename }', '{}'),
      fc.string({ maxLength: 60 }),
      fc.json({ maxDepth: 3 }),
      fc.integer({ min: 50, max: 5_000 }).map((depth) => `{"query":"{ __typename }","variables":{"v":${nestedJson(depth)}}}`),
      fc.integer({ min: 1_100_000, max: 1_300_000 }).map((size) => JSON.stringify({ query: '{ __typename }', variables: { v: 'x'.repeat(size) } })),
    )
    .map((body) => ({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body })),
  // A request object with fields of the wrong kind.
  fc
    .record(
      {
        query: fc.oneof(fc.constantFrom('{ __typename }', 'query A { __typename } query B { __typename }', 'subscription { __typename }', '{'), fc.jsonValue({ maxDepth: 2 }), hostileString),
        variables: fc.jsonValue({ maxDepth: 3 }),
        operationName: fc.oneof(fc.constantFrom('A', 'B', 'C', ''), fc.jsonValue({ maxDepth: 1 }), hostileString),
        extensions: fc.jsonValue({ maxDepth: 3 }),
      },
      { requiredKeys: [] },
    )
    .map((request) => ({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) })),
  // Content types other than JSON, and compressed bodies that are not.
  fc
    .record({
      contentType: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', 'application/json; charset=latin1', ''),
      encoding: fc.constantFrom(undefined, 'gzip', 'br', 'identity', 'compress'),
      body: fc.constantFrom('{"query":"{ __typename }"}', 'query=%7B__typename%7D', '\u00ff\u00fe'),
    })
    .map(({ contentType, encoding, body }) => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': contentType, ...(encoding ? { 'content-encoding': encoding } : {}) },
      body,
    })),
  // GET with bad parameters.
  fc
    .record(
      {
        query: fc.oneof(fc.constantFrom('{ __typename }', 'mutation { __typename }', '{'), hostileString.map((text) => text.slice(0, 200))),
        variables: fc.oneof(fc.constantFrom('{', '[]', 'null', '1', `{"v":${nestedJson(300)}}`), fc.json({ maxDepth: 2 })),
        operationName: fc.constantFrom('A', ''),
        extensions: fc.constantFrom('{', '{"persistedQuery":{"version":1,"sha256Hash":"x"}}', '[]'),
      },
      { requiredKeys: [] },
    )
    .map((parameters) => ({
      method: 'GET',
      path: `/graphql?${new URLSearchParams(parameters).toString()}`,
      headers: { 'apollo-require-preflight': 'true' },
    })),
  // Paths and methods nothing answers.
  fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
      path: fc.constantFrom('/', '/graphql/', '/graphql/x', '/oauth/token', '/health/live', '/health/ready', '/.well-known/jwks.json', '/%00', '/..%2f..%2fetc', '/admin'),
    })
    .map(({ method, path }) => ({ method, path, headers: {} })),
);

it(
  'hostile HTTP requests at the gateway never fail or leak',
  async () => {
    await fc.assert(
      fc.asyncProperty(hostileRequest, fc.constantFrom(...PRINCIPALS), async (request, who) => {
        const answer = await send(`${gatewayBase}${request.path}`, {
          method: request.method,
          headers: { ...world.headers[who], ...request.headers },
          ...(request.body === undefined ? {} : { body: request.body }),
        });
        expectNoFailure(answer, `${request.method} ${request.path} ${JSON.stringify(request.headers)} ${request.body?.slice(0, 500) ?? ''}`);
      }),
      options(RUNS / 2),
    );
  },
  TIMEOUT_MS,
);

it(
  'hostile HTTP requests straight at a subgraph never fail or leak',
  async () => {
    await fc.assert(
      fc.asyncProperty(hostileRequest, fc.constantFrom('identity', 'subscriptions', 'device-telemetry' as const), async (request, name) => {
        const base = world.supergraph.subgraphs[name].url.replace(/\/graphql$/, '');
        const headers = await gatewayHeaders(world.supergraph.keys.privateKeyPem, name, world.principals.partnerAdmin);
        const answer = await send(`${base}${request.path}`, {
          method: request.method,
          headers: { ...headers, ...request.headers },
          ...(request.body === undefined ? {} : { body: request.body }),
        });
        expectNoFailure(answer, `${name}: ${request.method} ${request.path} ${request.body?.slice(0, 500) ?? ''}`);
      }),
      options(RUNS / 3),
    );
  },
  TIMEOUT_MS,
);

it(
  '/oauth/token never fails or leaks, whatever the grant, client and body',
  async () => {
    const credentialField = fc.oneof(hostileString, fc.constant(world.apiCredential.clientId), fc.constant(world.apiCredential.clientSecret), fc.jsonValue({ maxDepth: 1 }));
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            grant_type: fc.oneof(fc.constantFrom('client_credentials', 'password', ''), hostileString, fc.jsonValue({ maxDepth: 1 })),
            client_id: credentialField,
            client_secret: credentialField,
            scope: hostileString,
          },
          { requiredKeys: [] },
        ),
        fc.constantFrom('json', 'form'),
        fc.option(fc.tuple(hostileString, hostileString), { freq: 3 }),
        async (fields, encoding, basic) => {
          const body =
            encoding === 'json'
              ? JSON.stringify(fields)
              : new URLSearchParams(Object.entries(fields).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)])).toString();
          const headers: Record<string, string> = {
            'content-type': encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
          };
          // Raw, not form-encoded: encodeURIComponent refuses lone surrogates, and a hostile client need not encode anyway.
          if (basic) headers.authorization = `Basic ${Buffer.from(`${basic[0]}:${basic[1]}`).toString('base64')}`;
          const answer = await send(`${gatewayBase}/oauth/token`, { method: 'POST', headers, body });
          expectNoFailure(answer, `${JSON.stringify(headers)} ${body.slice(0, 500)}`);
        },
      ),
      options(RUNS / 2),
    );
  },
  TIMEOUT_MS,
);
