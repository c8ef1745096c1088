import type { SubgraphName } from '@partnergraph/core';
import { errorCodes, startAttackWorld, type AttackWorld } from '../support/attack-world';
import { TEST_PASSWORD } from '../support/fixtures';
import { accessTokenClaims, internalTokenClaims, now, signToken } from '../support/forged-tokens';
import { postGraphQL } from '../support/http';

/*
 * Attacks that make the service act for a victim's browser (CSRF) or tell an
 * attacker more than it should: a forced database error, at the gateway and
 * at a subgraph called directly with a valid internal token, must come back
 * with a fixed message and no SQL, stack or file path; refusals must not be
 * oracles that tell accounts, tokens or schema details apart.
 */

let world: AttackWorld;

beforeAll(async () => {
  world = await startAttackWorld();
}, 60_000);
afterAll(async () => {
  await world?.stop();
});

/** Starting a partner sign-up needs no account, so a forged cross-site request could write an enrolment offer for anyone. */
const SIGN_UP = (name: string) =>
  `mutation { startPartnerAccountMfaEnrolment(adminEmail: "csrf-${name.toLowerCase()}@evil.example") { enrolmentToken } }`;
const offersWritten = async (name: string) =>
  (
    await world.supergraph.subgraphs.identity.database.dataSource.query('SELECT 1 FROM identity.pending_mfa_enrolment WHERE email = $1', [
      `csrf-${name.toLowerCase()}@evil.example`,
    ])
  ).length;
const csrfRefusal = expect.stringContaining('Cross-Site Request Forgery');

describe('cross-site request forgery', () => {
  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'a simple cross-site POST (%s) carrying a mutation is refused before it runs, and writes nothing',
    async (contentType) => {
      const name = `Csrf${contentType.replace(/\W/g, '')}`;
      const response = await fetch(world.supergraph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': contentType, origin: 'https://evil.example' },
        body: JSON.stringify({ query: SIGN_UP(name) }),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toEqual(csrfRefusal);
      expect(await offersWritten(name)).toBe(0);
    },
  );

  it('a GET carrying a mutation, without the preflight header, is refused as CSRF, and writes nothing', async () => {
    const url = new URL(world.supergraph.gatewayUrl);
    url.searchParams.set('query', SIGN_UP('CsrfGet'));
    const response = await fetch(url, { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(400);
    expect(await response.text()).toEqual(csrfRefusal);
    expect(await offersWritten('CsrfGet')).toBe(0);
  });

  it('a GET carrying a mutation is refused even with the preflight header: mutations only by POST', async () => {
    const url = new URL(world.supergraph.gatewayUrl);
    url.searchParams.set('query', SIGN_UP('CsrfGetPreflight'));
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(405);
    expect(await offersWritten('CsrfGetPreflight')).toBe(0);
  });

  it('a cross-site GET query without the preflight header is refused', async () => {
    const url = new URL(world.supergraph.gatewayUrl);
    url.searchParams.set('query', '{ viewer { mfa } }');
    const response = await fetch(url, { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(400);
    expect(await response.text()).toEqual(csrfRefusal);
  });

  it('an origin not on the CORS list is given no permission to read responses', async () => {
    const response = await fetch(world.supergraph.gatewayUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('(the control: the same mutation as a JSON POST runs)', async () => {
    const response = await world.supergraph.query(SIGN_UP('CsrfControl'));
    expect(response.body.errors).toBeUndefined();
    expect(await offersWritten('CsrfControl')).toBe(1);
  });
});

describe('a forced database error', () => {
  /** What must never cross the wire: SQL, driver and ORM names, stack frames, file paths, the broken column. */
  const INTERNALS = /column "|relation "|does not exist|\bselect\b[\s\S]*\bfrom\b|syntax|QueryFailedError|typeorm|postgres|pg_|stack|\/work\/|node_modules|\.ts\b|\bat .+:\d+|_broken_by_test/i;
  interface Break {
    subgraph: SubgraphName;
    table: string;
    column: string;
    /** A request straight at the subgraph that reads the broken column. */
    direct: (world: AttackWorld) => { query: string; variables?: Record<string, unknown> };
  }
  const breaks: Break[] = [
    {
      subgraph: 'identity',
      table: 'identity.organization',
      column: 'name',
      direct: ({ tenants }) => ({ query: 'query ($id: ID!) { organization(id: $id) { name } }', variables: { id: tenants.A.organization.id } }),
    },
    {
      subgraph: 'subscriptions',
      table: 'subscriptions.subscription_license',
      column: 'product',
      direct: ({ tenants }) => ({
        query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { subscriptions { product } } } }',
        variables: { r: [{ __typename: 'Organization', id: tenants.A.organization.id }] },
      }),
    },
    {
      subgraph: 'device-telemetry',
      table: 'telemetry.device',
      column: 'serial_number',
      direct: ({ tenants }) => ({
        query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { devices { nodes { serialNumber } } } } }',
        variables: { r: [{ __typename: 'Organization', id: tenants.A.organization.id }] },
      }),
    },
  ];
  const expectMasked = (body: unknown) => {
    const { errors } = body as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    expect(errors?.length).toBeGreaterThan(0);
    for (const error of errors ?? []) {
      expect(error.message).toBe('Internal server error');
      expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(Object.keys(error.extensions ?? {}).every((key) => ['code', 'serviceName', 'requestId'].includes(key))).toBe(true);
    }
    expect(JSON.stringify(body)).not.toMatch(INTERNALS);
  };

  it.each(breaks)('in $subgraph returns no SQL, stack or path, at the gateway and at the subgraph called directly', async ({ subgraph, table, column, direct }) => {
    const database = world.supergraph.subgraphs[subgraph].database.dataSource;
    await database.query(`ALTER TABLE ${table} RENAME COLUMN ${column} TO ${column}_broken_by_test`);
    try {
      const gateway = await world.query(
        'customerAdminA',
        'query ($id: ID!) { organization(id: $id) { name subscriptions { product } devices { nodes { serialNumber } } } }',
        { id: world.tenants.A.organization.id },
      );
      expect(gateway.status).toBe(200);
      expectMasked(gateway.body);
      expect(errorCodes(gateway)).toContain('INTERNAL_SERVER_ERROR');

      const { query, variables } = direct(world);
      const answer = await world.direct(subgraph, 'customerAdminA', query, variables);
      expectMasked(answer.body);
      // The operator still learns what failed, from the logs.
      const logged = world.supergraph.logs.filter((line) => line.includes('request failed') && line.includes(`service=${subgraph}`));
      expect(logged.some((line) => line.includes(column))).toBe(true);
    } finally {
      await database.query(`ALTER TABLE ${table} RENAME COLUMN ${column}_broken_by_test TO ${column}`);
    }
  });
});

describe('refusals that must not be oracles', () => {
  it('sign-in says the same for an unknown email and a wrong password, so accounts cannot be enumerated', async () => {
    const SIGN_IN = 'mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }';
    const unknown = await world.supergraph.query(SIGN_IN, { e: `nobody@${world.tenants.A.admin.email.split('@')[1]}`, p: TEST_PASSWORD });
    const wrong = await world.supergraph.query(SIGN_IN, { e: world.tenants.A.viewer.email, p: 'not the password' });
    // Each answer carries its own request id; everything else must be the same.
    const withoutRequestId = (body: unknown) => JSON.parse(JSON.stringify(body).replace(/"requestId":"[^"]*"/g, '"requestId":""')) as unknown;
    expect(withoutRequestId(unknown.body)).toEqual(withoutRequestId(wrong.body));
    expect(errorCodes(unknown)).toEqual(['INVALID_CREDENTIALS']);
  });

  it('the gateway refuses every bad access token with the same answer, whatever is wrong with it', async () => {
    const key = { alg: 'EdDSA' as const, privateKeyPem: world.supergraph.accessTokenKeys.privateKeyPem };
    const { admin, organization } = world.tenants.A;
    const claims = accessTokenClaims({ userId: admin.id, organizationId: organization.id, role: 'ADMIN', mfa: false });
    const answers = await Promise.all(
      [{ ...claims, aud: 'elsewhere' }, { ...claims, iat: now() - 900, exp: now() - 60 }, { ...claims, iss: 'elsewhere' }].map(async (forged) => {
        const response = await world.supergraph.query('{ viewer { mfa } }', {}, { authorization: `Bearer ${await signToken(key, forged)}` });
        return { status: response.status, message: response.body.errors?.[0]?.message, codes: errorCodes(response) };
      }),
    );
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]?.status).toBe(401);
  });

  it('a subgraph refuses every bad internal token with the same answer, and names no reason', async () => {
    const key = { alg: 'EdDSA' as const, privateKeyPem: world.supergraph.keys.privateKeyPem };
    const claims = internalTokenClaims(world.principals.partnerAdmin, 'identity');
    const bodies = await Promise.all(
      [{ ...claims, aud: 'subscriptions' }, { ...claims, iat: now() - 120, exp: now() - 60 }, { ...claims, scope: 'everything' }].map(async (forged) => {
        const response = await postGraphQL(
          world.supergraph.subgraphs.identity.url,
          { query: '{ viewer { mfa } }' },
          { authorization: `Bearer ${await signToken(key, forged)}` },
        );
        return JSON.stringify({ status: response.status, body: response.body });
      }),
    );
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toMatch(/expired|aud|scope|signature|claim/i);
  });

  it('a misspelt field is not answered with the names of fields clients may not use', async () => {
    const response = await world.query('partnerAdmin', '{ accessDecision(organizationIds: []) { read } readableOrganization { read } }');
    expect(errorCodes(response).every((code) => code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
    expect(JSON.stringify(response.body)).not.toMatch(/accessDecisions|readableOrganizations|AccessDecision\b/);
  });
});
