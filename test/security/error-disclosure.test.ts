import { randomUUID } from 'node:crypto';
import { ANONYMOUS } from '@partnergraph/core';
import { bearerHeaders } from '../support/fixtures';
import { postGraphQL } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { gatewayHeaders } from '../support/internal-tokens';

/*
 * What an attacker learns from the errors: in production, no "Did you mean"
 * that spells out the schema to whoever guesses at it, at the gateway or at a
 * subgraph; for a body the HTTP layer cannot read, a code and a fixed message
 * as JSON, never express's HTML page with its stack; and on every error the
 * request id the logs carry, so a client can quote it and an operator find it.
 */

let production: InProcessSupergraph;
let development: InProcessSupergraph;

beforeAll(async () => {
  production = await startInProcessSupergraph({ gatewayEnvironment: { NODE_ENV: 'production' }, subgraphs: { introspection: false } });
  development = await startInProcessSupergraph({ gatewayEnvironment: { NODE_ENV: 'development' } });
});
afterAll(async () => {
  await production?.stop();
  await development?.stop();
});

const customerAdmin = (supergraph: InProcessSupergraph) => bearerHeaders(supergraph, { organizationId: randomUUID(), role: 'ADMIN', mfa: false });
const SUGGESTION = /did you mean/i;

describe('guessing at the schema in production', () => {
  const DEVICES = (filter: string) => `{ organizations { nodes { devices(filter: ${filter}) { nodes { name } } } } }`;

  it.each([
    { guess: 'a field', query: '{ organizations { nodes { nmae } } }', variables: {} },
    { guess: 'an argument', query: '{ organizations(frist: 1) { nodes { name } } }', variables: {} },
    { guess: 'an enum value', query: DEVICES('{ types: [UPSS] }'), variables: {} },
    {
      guess: 'an enum value sent in a variable',
      query: 'query ($types: [DeviceType!]) { organizations { nodes { devices(filter: { types: $types }) { nodes { name } } } } }',
      variables: { types: ['UPSS'] },
    },
    { guess: 'an input field', query: DEVICES('{ tpyes: [UPS] }'), variables: {} },
    { guess: 'a type', query: '{ organizations { nodes { ... on Organisation { name } } } }', variables: {} },
  ])('misspelling $guess gets no "Did you mean" suggestion at the gateway (schema probing)', async ({ query, variables }) => {
    const inProduction = await production.query(query, variables, await customerAdmin(production));
    const inDevelopment = await development.query(query, variables, await customerAdmin(development));

    expect(inProduction.status).toBe(400);
    expect(inProduction.body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(inProduction.body)).not.toMatch(SUGGESTION);
    // The control: the same guess in development is answered with the suggestion production withholds.
    expect(JSON.stringify(inDevelopment.body)).toMatch(SUGGESTION);
  });

  it('misspelling a field sent straight to a subgraph gets no "Did you mean" either (schema probing past the gateway)', async () => {
    const query = '{ organizations { nodes { nmae } } }';
    const send = async (supergraph: InProcessSupergraph) =>
      postGraphQL(supergraph.subgraphs.identity.url, { query }, await gatewayHeaders(supergraph.keys.privateKeyPem, 'identity', ANONYMOUS));

    const inProduction = await send(production);
    const inDevelopment = await send(development);

    expect(inProduction.body.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(inProduction.body)).not.toMatch(SUGGESTION);
    expect(JSON.stringify(inDevelopment.body)).toMatch(SUGGESTION);
  });

  it('introspection is refused at the gateway and at each subgraph (schema dump)', async () => {
    const query = '{ __schema { types { name } } }';
    const gateway = await production.query(query);
    const subgraphs = await Promise.all(
      (['identity', 'subscriptions', 'device-telemetry'] as const).map(async (name) =>
        postGraphQL(production.subgraphs[name].url, { query }, await gatewayHeaders(production.keys.privateKeyPem, name, ANONYMOUS)),
      ),
    );

    for (const response of [gateway, ...subgraphs]) {
      expect(response.status).toBe(400);
      expect(response.body).not.toHaveProperty('data');
      expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    }
  });
});

describe('a body the HTTP layer cannot read', () => {
  /** Text express's own error page and body-parser's messages would carry. */
  const INTERNALS = /<html|<pre>|\bat .+:\d+:\d+|node_modules|\/work\/|SyntaxError|Unexpected token|body-parser|raw-body|PayloadTooLarge|stack/i;

  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it.each<{ attack: string; body: string; headers: Record<string, string>; status: number; code: string }>([
    { attack: 'a 2 MB body (body flood)', body: JSON.stringify({ query: `{ __typename }${' '.repeat(2_000_000)}` }), headers: {}, status: 413, code: 'REQUEST_BODY_TOO_LARGE' },
    { attack: 'JSON cut short (malformed body)', body: '{"query": "{ __typename }"', headers: {}, status: 400, code: 'REQUEST_BODY_INVALID' },
    { attack: 'a JSON string instead of an object', body: '"{ __typename }"', headers: {}, status: 400, code: 'REQUEST_BODY_INVALID' },
    {
      attack: 'a body in an encoding the gateway does not decode',
      body: JSON.stringify({ query: '{ __typename }' }),
      headers: { 'content-encoding': 'x-unknown' },
      status: 400,
      code: 'REQUEST_BODY_INVALID',
    },
    {
      attack: 'a gzip body that does not decompress (decompression error)',
      body: JSON.stringify({ query: '{ __typename }' }),
      headers: { 'content-encoding': 'gzip' },
      status: 400,
      code: 'REQUEST_BODY_INVALID',
    },
  ])('$attack is refused with $code as GraphQL JSON, no HTML page, no parser text', async ({ body, headers, status, code }) => {
    const response = await post(development.gatewayUrl, body, headers);
    const text = await response.text();

    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: expect.any(String), extensions: { code, requestId: response.headers.get('x-request-id') } }],
    });
    expect(text).not.toMatch(INTERNALS);
  });

  it('the body limit is BODY_LIMIT: a gateway with 1kb refuses a 2 kb body the default accepts', async () => {
    const small = await startInProcessSupergraph({ gatewayEnvironment: { BODY_LIMIT: '1kb' } });
    try {
      const body = JSON.stringify({ query: `{ __typename }${' '.repeat(2048)}` });
      const refused = await post(small.gatewayUrl, body);
      const accepted = await post(development.gatewayUrl, body);

      expect(refused.status).toBe(413);
      expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('REQUEST_BODY_TOO_LARGE');
      expect(accepted.status).toBe(200);
    } finally {
      await small.stop();
    }
  });

  it('a malformed body sent straight to a subgraph is refused for want of a token before it is read (direct probing)', async () => {
    const response = await post(development.subgraphs.identity.url, '{"query": ');
    const text = await response.text();

    expect(response.status).toBe(401);
    expect(JSON.parse(text)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(text).not.toMatch(INTERNALS);
  });

  it('a malformed body from the gateway itself gets REQUEST_BODY_INVALID from the subgraph, as JSON', async () => {
    const headers = await gatewayHeaders(development.keys.privateKeyPem, 'identity', ANONYMOUS);
    const response = await post(development.subgraphs.identity.url, '{"query": ', headers);
    const text = await response.text();

    expect(response.status).toBe(400);
    expect(JSON.parse(text)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'REQUEST_BODY_INVALID' } }] });
    expect(text).not.toMatch(INTERNALS);
  });
});

describe('the request id', () => {
  it('of a failed request is in the response header, in every error of the body, and on the log lines of the gateway and the subgraph', async () => {
    const identity = production.subgraphs.identity.database.dataSource;
    await identity.query('ALTER TABLE identity.organization RENAME COLUMN name TO name_hidden_by_test');
    try {
      const response = await production.query('{ organizations { nodes { name } } }', {}, await customerAdmin(production));
      const requestId = response.headers.get('x-request-id');

      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body.errors?.map((error) => error.extensions)).toEqual([
        { code: 'INTERNAL_SERVER_ERROR', serviceName: 'identity', requestId },
      ]);
      const logged = production.logs.filter((line) => line.includes(`requestId=${requestId}`));
      expect(logged.some((line) => line.includes('service=gateway') && line.includes('request failed'))).toBe(true);
      // The subgraph's line says what failed; the client was told nothing of it.
      expect(logged.some((line) => line.includes('service=identity') && /column \S+ does not exist/.test(line))).toBe(true);
    } finally {
      await identity.query('ALTER TABLE identity.organization RENAME COLUMN name_hidden_by_test TO name');
    }
  });

  it.each([
    { refusal: 'a bad access token (401)', send: () => production.query('{ __typename }', {}, { authorization: 'Bearer not-a-token' }) },
    { refusal: 'a query that does not parse (400)', send: () => production.query('{ organizations {') },
    { refusal: 'a query over a limit (400)', send: () => production.query(`{ ${'__typename '.repeat(1001)}}`) },
  ])('of $refusal is in the header and in the error', async ({ send }) => {
    const response = await send();

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.errors?.map((error) => error.extensions?.requestId)).toEqual([response.headers.get('x-request-id')]);
  });
});
