import { getIntrospectionQuery } from 'graphql';
import { startAttackWorld, errorCodes, type AttackWorld } from '../support/attack-world';
import type { GraphQLResponse } from '../support/http';
import { gatewayHeaders } from '../support/internal-tokens';

/*
 * Input a hostile client sends to make the services fail rather than refuse:
 * characters PostgreSQL will not store, numbers no Float holds, variables
 * nested past any stack, documents with an operation that cannot be chosen,
 * operation types the graph does not serve, paths and methods that do not
 * exist. Each is a client mistake: a 4xx with a code from the catalogue, never
 * a 500 or INTERNAL_SERVER_ERROR.
 */

let world: AttackWorld;
let baseUrl: string;

beforeAll(async () => {
  world = await startAttackWorld();
  baseUrl = world.supergraph.gatewayUrl.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await world?.stop();
});

function expectRefused(response: GraphQLResponse<unknown>, code: string, status = 400): void {
  expect({ status: response.status, codes: errorCodes(response) }).toEqual({ status, codes: [code] });
}

/** A JSON answer to a raw HTTP request. */
async function send(path: string, init: RequestInit): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as Record<string, unknown> };
}

const SIGN_IN = 'mutation($email: String!) { signIn(email: $email, password: "x") { accessToken } }';

describe('invalid characters', () => {
  it.each([
    ['NUL', 'a\u0000@example.com'],
    ['a C0 control', 'a\u0007@example.com'],
    ['DEL', 'a\u007f@example.com'],
    ['a lone high surrogate', 'a\ud800@example.com'],
    ['a lone low surrogate', 'a\udc00@example.com'],
  ])('%s in a String variable is refused with INVALID_CHARACTERS', async (_name, email) => {
    expectRefused(await world.query('anonymous', SIGN_IN, { email }), 'INVALID_CHARACTERS');
  });

  it('NUL in a string literal is refused with INVALID_CHARACTERS', async () => {
    expectRefused(
      await world.query('anonymous', 'mutation { signIn(email: "a\\u0000@example.com", password: "x") { accessToken } }'),
      'INVALID_CHARACTERS',
    );
  });

  it('NUL in an input object and in a list, as a signed-in caller', async () => {
    expectRefused(
      await world.query('partnerAdmin', 'mutation($email: String!) { inviteUser(email: $email, role: VIEWER) { id } }', {
        email: 'x\u0000@northwind.example',
      }),
      'INVALID_CHARACTERS',
    );
    expectRefused(
      await world.query('customerAdminA', `mutation { acknowledgeIncident(incidentId: "${world.tenants.A.incidents.ups}", note: "on it\\u0000") { id } }`),
      'INVALID_CHARACTERS',
    );
    expectRefused(
      await world.query(
        'anonymous',
        'mutation($admin: NewPartnerAdmin!) { createPartnerAccount(organizationName: "Acme", admin: $admin) { accessToken } }',
        { admin: { email: 'a@acme.example', displayName: 'A\u0000', password: 'correct horse battery staple' } },
      ),
      'INVALID_CHARACTERS',
    );
  });

  it('tabs, newlines and any printable Unicode pass the guard', async () => {
    const response = await world.query('anonymous', SIGN_IN, { email: 'tab\there\r\nnew 🙂 ü@example.com' });
    expect(errorCodes(response)).toEqual(['INVALID_CREDENTIALS']);
  });

  it('a subgraph refuses NUL too (defence in depth)', async () => {
    expectRefused(await world.direct('identity', 'anonymous', SIGN_IN, { email: 'a\u0000@example.com' }), 'INVALID_CHARACTERS');
  });
});

describe('bidirectional formatting in names and notes', () => {
  it.each([
    ['U+202E (right-to-left override)', 'Contoso\u202Emoc.live'],
    ['U+2066 (left-to-right isolate)', 'Contoso\u2066x'],
    ['U+200F (right-to-left mark)', 'Contoso\u200F'],
  ])('an organization name with %s is refused with INVALID_CHARACTERS naming the field', async (_name, organizationName) => {
    const response = await world.query(
      'anonymous',
      'mutation($name: String!, $admin: NewPartnerAdmin!) { createPartnerAccount(organizationName: $name, admin: $admin) { accessToken } }',
      { name: organizationName, admin: { email: `bidi-${Date.now()}@acme.example`, displayName: 'Ada', password: 'correct horse battery staple' } },
    );
    expect(errorCodes(response)).toEqual(['INVALID_CHARACTERS']);
    expect(response.body.errors?.[0]?.extensions?.field).toBe('organizationName');
  });

  it('a display name and an acknowledgement note refuse them too', async () => {
    const partner = await world.query(
      'anonymous',
      'mutation($admin: NewPartnerAdmin!) { createPartnerAccount(organizationName: "Acme", admin: $admin) { accessToken } }',
      { admin: { email: `bidi-name-${Date.now()}@acme.example`, displayName: 'Ada\u202E', password: 'correct horse battery staple' } },
    );
    expect(response(partner)).toEqual({ codes: ['INVALID_CHARACTERS'], field: 'admin.displayName' });
    const acknowledged = await world.query('customerAdminA', 'mutation($id: ID!, $note: String) { acknowledgeIncident(incidentId: $id, note: $note) { id } }', {
      id: world.tenants.A.incidents.switch,
      note: 'on it \u2067',
    });
    expect(response(acknowledged)).toEqual({ codes: ['INVALID_CHARACTERS'], field: 'note' });
  });

  const response = (answer: GraphQLResponse<unknown>) => ({ codes: errorCodes(answer), field: answer.body.errors?.[0]?.extensions?.field });
});

describe('numbers', () => {
  it('a Float literal out of range (1e400) is refused with BAD_USER_INPUT', async () => {
    const response = await world.query(
      'collector',
      `mutation { recordReadings(readings: [{ sensorId: "${world.tenants.A.sensors.upsLoad}", at: "${new Date().toISOString()}", value: 1e400 }]) { recorded } }`,
    );
    expectRefused(response, 'BAD_USER_INPUT');
  });

  it('an Int literal out of 32-bit range is a validation error', async () => {
    const response = await world.query('partnerAdmin', '{ organizations(first: 99999999999) { totalCount } }');
    expect(response.status).toBe(400);
    expect(new Set(errorCodes(response))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
  });
});

describe('variables', () => {
  /** JSON text nesting `depth` objects (JSON.stringify itself overflows the stack on such a value). */
  const nested = (depth: number): string => `${'{"a":'.repeat(depth)}"leaf"${'}'.repeat(depth)}`;

  it('variables nested thousands of levels deep are refused with VARIABLES_TOO_DEEP', async () => {
    const response = await send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":${JSON.stringify(SIGN_IN)},"variables":{"email":"a@example.com","deep":${nested(5000)}}}`,
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('VARIABLES_TOO_DEEP');
  });

  it('variables nested within the limit pass the guard', async () => {
    const response = await send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":${JSON.stringify(SIGN_IN)},"variables":{"email":"a@example.com","deep":${nested(30)}}}`,
    });
    expect(JSON.stringify(response.body)).toContain('INVALID_CREDENTIALS');
  });

  it('variables with more values than allowed are refused with VARIABLES_TOO_LARGE', async () => {
    const many = Array.from({ length: 120_000 }, () => 0);
    expectRefused(await world.query('anonymous', SIGN_IN, { email: 'a@example.com', many }), 'VARIABLES_TOO_LARGE');
  });

  it('deep variables in a GET request are refused too', async () => {
    const variables = `{"deep":${nested(200)}}`;
    const response = await send(`/graphql?query=${encodeURIComponent('{ __typename }')}&variables=${encodeURIComponent(variables)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('VARIABLES_TOO_DEEP');
  });
});

describe('choosing the operation', () => {
  const TWO = 'query A { __typename } query B { __typename }';

  it('several operations and no operationName: OPERATION_NAME_INVALID', async () => {
    const response = await send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: TWO }) });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('OPERATION_NAME_INVALID');
  });

  it('an unknown operationName: OPERATION_NAME_INVALID', async () => {
    const response = await send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: TWO, operationName: 'C' }),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('OPERATION_NAME_INVALID');
  });

  it('a subscription as a plain HTTP request: OPERATION_NOT_SUPPORTED (subscriptions are served over WebSocket and SSE)', async () => {
    expectRefused(await world.query('anonymous', 'subscription { incidentEvents { cursor } }'), 'OPERATION_NOT_SUPPORTED');
  });

  it('a subscription whose root is an introspection field: GRAPHQL_VALIDATION_FAILED', async () => {
    expectRefused(await world.query('anonymous', 'subscription { __typename }'), 'GRAPHQL_VALIDATION_FAILED');
  });
});

describe('introspection graphql 16.9 added', () => {
  it('__Type.isOneOf answers', async () => {
    const response = await world.query('anonymous', '{ __type(name: "Query") { name isOneOf } input: __type(name: "NewPartnerAdmin") { isOneOf } }');
    expect(response.body).toEqual({ data: { __type: { name: 'Query', isOneOf: null }, input: { isOneOf: false } } });
  });

  it('__Type.isOneOf beside data fields is refused with a code, never a 500: ask for it on its own', async () => {
    const response = await world.query('anonymous', '{ __type(name: "Query") { isOneOf } organizations { nodes { id } } }');
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['OPERATION_NOT_SUPPORTED']);
  });

  it('other introspection beside data fields still runs through the planner', async () => {
    const response = await world.query('anonymous', '{ __type(name: "Query") { name } __typename }');
    expect(response.body).toEqual({ data: { __type: { name: 'Query' }, __typename: 'Query' } });
    const mixed = await world.query('anonymous', '{ __type(name: "Query") { name kind } viewer { mfa } }');
    expect(mixed.body.errors).toBeUndefined();
  });

  it("graphql-js's whole introspection query, with oneOf, answers", async () => {
    const response = await world.query('anonymous', getIntrospectionQuery({ oneOf: true, inputValueDeprecation: true }));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(JSON.stringify(response.body.data)).toContain('"isOneOf":false');
  });
});

describe('routes and methods', () => {
  it('an unknown path at the gateway is a JSON 404 with ROUTE_NOT_FOUND', async () => {
    const response = await send('/nowhere', {});
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).toContain('"ROUTE_NOT_FOUND"');
    expect(JSON.stringify(response.body)).toContain('"requestId"');
  });

  it('an unknown path at a subgraph is a JSON 404 with ROUTE_NOT_FOUND', async () => {
    const url = new URL('/nowhere', world.supergraph.subgraphs.identity.url);
    const response = await fetch(url);
    expect(response.status).toBe(404);
    expect(JSON.stringify(await response.json())).toContain('"ROUTE_NOT_FOUND"');
  });

  it.each([
    ['PUT', '/graphql', 'GET, POST'],
    ['DELETE', '/graphql', 'GET, POST'],
    ['DELETE', '/oauth/token', 'POST'],
    ['GET', '/oauth/token', 'POST'],
    ['POST', '/health/live', 'GET'],
  ])('%s %s is a JSON 405 with METHOD_NOT_ALLOWED and Allow', async (method, path, allow) => {
    const response = await send(path, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(JSON.stringify(response.body)).toContain('"METHOD_NOT_ALLOWED"');
  });

  it('a subgraph refuses persisted queries with their code (a hash that did not match its query was INTERNAL_SERVER_ERROR)', async () => {
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'x' } }));
    const response = await fetch(`${world.supergraph.subgraphs.identity.url}?query=${encodeURIComponent('{ __typename }')}&extensions=${extensions}`, {
      headers: { ...(await gatewayHeaders(world.supergraph.keys.privateKeyPem, 'identity', world.principals.anonymous)), 'apollo-require-preflight': 'true' },
    });
    // Apollo Server answers it with 200, as it does when the gateway would have to register a query.
    expect(response.status).toBeLessThan(500);
    expect(JSON.stringify(await response.json())).toContain('"PERSISTED_QUERY_NOT_SUPPORTED"');
  });

  it('a subgraph answers a wrong method on /graphql with a JSON 405', async () => {
    const response = await fetch(world.supergraph.subgraphs.identity.url, { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(JSON.stringify(await response.json())).toContain('"METHOD_NOT_ALLOWED"');
  });
});

describe('/oauth/token', () => {
  it('NUL in client_id is invalid_request, not server_error', async () => {
    const response = await send('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'a\u0000b', client_secret: 'x' }).toString(),
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_request');
  });
});
