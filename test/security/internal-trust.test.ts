import { generateEd25519KeyPair, IDENTITY_TOKEN_HEADER, SUBGRAPH_NAMES, type SubgraphName } from '@partnergraph/core';
import { errorCodes, startAttackWorld, type AttackWorld } from '../support/attack-world';
import { internalTokenClaims, now, pemAsSecret, signToken, unsignedToken, withEditedPayload, type Claims } from '../support/forged-tokens';
import { postGraphQL } from '../support/http';
import { gatewayHeaders } from '../support/internal-tokens';

/*
 * Attacks on the trust between gateway and subgraphs: a caller who reaches a
 * subgraph's port directly, with no token, a forged one, a stale one, one for
 * another service, or the narrowly scoped token a subgraph forwards to
 * identity; and a client asking the gateway for what only subgraphs may ask.
 */

let world: AttackWorld;

beforeAll(async () => {
  world = await startAttackWorld();
}, 60_000);
afterAll(async () => {
  await world?.stop();
});

const otherSubgraph = (subgraph: SubgraphName): SubgraphName => (subgraph === 'identity' ? 'device-telemetry' : 'identity');
/** An entity each subgraph owns, of the customer that granted the partner administrator access. */
const ownedEntity = (subgraph: SubgraphName) => {
  const { B } = world.tenants;
  if (subgraph === 'identity') return { __typename: 'Organization', id: B.organization.id };
  if (subgraph === 'subscriptions') return { __typename: 'SubscriptionLicense', id: B.license.id };
  return { __typename: 'Device', id: B.devices.ups.id };
};
const FEDERATION_CALLS = [
  { label: '_service', request: () => ({ query: '{ _service { sdl } }' }) },
  {
    label: '_entities',
    request: (subgraph: SubgraphName) => ({
      query: 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      variables: { r: [ownedEntity(subgraph)] },
    }),
  },
];
const gatewayKey = () => ({ alg: 'EdDSA' as const, privateKeyPem: world.supergraph.keys.privateKeyPem });
/** The partner admin's internal token claims for `subgraph`, edited. */
const claimsFor = (subgraph: SubgraphName, edit: (claims: Claims) => Claims = (claims) => claims) =>
  edit(internalTokenClaims(world.principals.partnerAdmin, subgraph));

describe('a direct call to a subgraph, bypassing the gateway', () => {
  it.each<[string, (subgraph: SubgraphName) => Promise<string | undefined>]>([
    ['carrying no internal token at all', async () => undefined],
    ['carrying the client’s own access token, valid at the gateway', async () => world.headers.partnerAdmin.authorization],
    ['with a token forged with a key other than the gateway’s', (subgraph) =>
      signToken({ alg: 'EdDSA', privateKeyPem: generateEd25519KeyPair().privateKeyPem }, claimsFor(subgraph)).then((token) => `Bearer ${token}`)],
    ['with an unsigned token (alg: none)', async (subgraph) => `Bearer ${unsignedToken(claimsFor(subgraph))}`],
    ['with an HS256 token whose HMAC secret is the gateway’s public key', (subgraph) =>
      signToken({ alg: 'HS256', secret: pemAsSecret(world.supergraph.keys.publicKeyPem) }, claimsFor(subgraph)).then((token) => `Bearer ${token}`)],
    ['with a gateway-signed token replayed after it expired', (subgraph) =>
      signToken(gatewayKey(), claimsFor(subgraph, (claims) => ({ ...claims, iat: now() - 120, exp: now() - 60 }))).then((token) => `Bearer ${token}`)],
    ['with a gateway-signed token not valid yet (nbf in the future)', (subgraph) =>
      signToken(gatewayKey(), claimsFor(subgraph, (claims) => ({ ...claims, nbf: now() + 600, exp: now() + 660 }))).then((token) => `Bearer ${token}`)],
    ['with a gateway-signed token issued in the future (iat ahead of the clock)', (subgraph) =>
      signToken(gatewayKey(), claimsFor(subgraph, (claims) => ({ ...claims, iat: now() + 600, exp: now() + 660 }))).then((token) => `Bearer ${token}`)],
    ['with a gateway-signed token that lives far longer than internal tokens may (issued 10 min ago, good for an hour)', (subgraph) =>
      signToken(gatewayKey(), claimsFor(subgraph, (claims) => ({ ...claims, iat: now() - 600, exp: now() + 3000 }))).then((token) => `Bearer ${token}`)],
    ['with a gateway-signed token meant for another subgraph (wrong audience)', async (subgraph) =>
      (await gatewayHeaders(world.supergraph.keys.privateKeyPem, otherSubgraph(subgraph), world.principals.partnerAdmin)).authorization],
    ['with a token signed with the gateway’s key but naming another issuer', (subgraph) =>
      signToken(gatewayKey(), claimsFor(subgraph, (claims) => ({ ...claims, iss: 'partnergraph-identity' }))).then((token) => `Bearer ${token}`)],
    ['with a genuine token whose principal was edited to another tenant’s admin', async (subgraph) => {
      const genuine = (await gatewayHeaders(world.supergraph.keys.privateKeyPem, subgraph, world.principals.customerAdminA)).authorization ?? '';
      const forged = withEditedPayload(genuine.slice('Bearer '.length), (claims) => ({ ...claims, principal: world.principals.customerAdminD }));
      return `Bearer ${forged}`;
    }],
  ])('is refused %s: 401 from every subgraph before GraphQL runs, _service and _entities included', async (_threat, authorization) => {
    for (const subgraph of SUBGRAPH_NAMES) {
      for (const call of FEDERATION_CALLS) {
        const running = world.supergraph.subgraphs[subgraph];
        const header = await authorization(subgraph);
        const statementsBefore = running.database.statements.total;
        const response = await postGraphQL(running.url, call.request(subgraph), header ? { authorization: header } : {});
        expect({ subgraph, call: call.label, status: response.status }).toEqual({ subgraph, call: call.label, status: 401 });
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
        expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
        expect(response.body).not.toHaveProperty('data');
        expect(running.database.statements.total).toBe(statementsBefore);
      }
    }
  });

  it('(the control: the same calls signed by the gateway are answered)', async () => {
    for (const subgraph of SUBGRAPH_NAMES) {
      for (const call of FEDERATION_CALLS) {
        const headers = await gatewayHeaders(world.supergraph.keys.privateKeyPem, subgraph, world.principals.partnerAdmin);
        const response = await postGraphQL(world.supergraph.subgraphs[subgraph].url, call.request(subgraph), headers);
        expect(response.status).toBe(200);
        expect(response.body.errors).toBeUndefined();
      }
    }
  });

  it.each(['subscriptions', 'device-telemetry'] as const)(
    'is answered with nothing by %s when it carries a valid internal token but no access-check token for identity',
    async (subgraph) => {
      const { authorization } = await gatewayHeaders(world.supergraph.keys.privateKeyPem, subgraph, world.principals.partnerAdmin);
      const response = await postGraphQL<{ _entities: unknown[] }>(
        world.supergraph.subgraphs[subgraph].url,
        {
          query: 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
          variables: { r: [ownedEntity(subgraph)] },
        },
        { authorization: authorization ?? '' },
      );
      expect(response.body.data?._entities ?? [null]).toEqual([null]);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    },
  );
});

describe('the access-check token a subgraph forwards to identity (scope access-decisions)', () => {
  /** The token device-telemetry receives for the customer admin of A: what a compromised subgraph would hold. */
  const forwardedToken = async () =>
    (await gatewayHeaders(world.supergraph.keys.privateKeyPem, 'device-telemetry', world.principals.customerAdminA))[IDENTITY_TOKEN_HEADER] ?? '';
  const atIdentity = async (query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL<Record<string, unknown>>(world.supergraph.subgraphs.identity.url, { query, variables }, { authorization: `Bearer ${await forwardedToken()}` });
  const grantOfA = async () =>
    world.supergraph.subgraphs.identity.database.dataSource.query<{ administrator: boolean; api_device_data: boolean; revoked_at: Date | null }[]>(
      'SELECT administrator, api_device_data, revoked_at FROM identity.partner_grant WHERE customer_organization_id = $1',
      [world.tenants.A.organization.id],
    );

  it.each<[string, () => { query: string; variables?: Record<string, unknown> }]>([
    ['to read organizations as the user it names', () => ({ query: '{ organizations { nodes { id name } } }' })],
    ['to read the account of the user it names', () => ({ query: '{ viewer { user { email } } }' })],
    [
      'to give the partner administrator access as the customer admin it names',
      () => ({
        query: 'mutation ($p: ID!) { setPartnerAccess(partnerOrganizationId: $p, administrator: true, apiDeviceData: true) { administrator } }',
        variables: { p: world.partner.id },
      }),
    ],
    [
      'to resolve entities (_entities)',
      () => ({
        query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { name partnerAccess { administrator } } } }',
        variables: { r: [{ __typename: 'Organization', id: world.tenants.A.organization.id }] },
      }),
    ],
    [
      'with another root field hidden in a fragment spread beside the access check',
      () => ({
        query: 'query ($ids: [ID!]!) { accessDecisions(organizationIds: $ids) { read } ...More } fragment More on Query { organizations { nodes { name } } }',
        variables: { ids: [world.tenants.A.organization.id] },
      }),
    ],
    [
      'with another root field hidden in an inline fragment beside the access check',
      () => ({
        query: 'query ($ids: [ID!]!) { accessDecisions(organizationIds: $ids) { read } ... on Query { viewer { user { email } } } }',
        variables: { ids: [world.tenants.A.organization.id] },
      }),
    ],
  ])('is refused %s: FORBIDDEN, nothing read or written', async (_threat, request) => {
    const before = await grantOfA();
    const { query, variables } = request();
    const response = await atIdentity(query, variables);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.data ?? null).toBeNull();
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(world.tenants.A.organization.name);
    expect(text).not.toContain(world.tenants.A.admin.email);
    expect(await grantOfA()).toEqual(before);
  });

  it('(the control: it is accepted for the access check itself)', async () => {
    const response = await atIdentity('query ($ids: [ID!]!) { accessDecisions(organizationIds: $ids) { organizationId read } }', {
      ids: [world.tenants.A.organization.id],
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ accessDecisions: [{ organizationId: world.tenants.A.organization.id, read: true }] });
  });

  it.each(['subscriptions', 'device-telemetry'] as const)('is refused when replayed as the internal token of %s (wrong audience): 401', async (subgraph) => {
    const response = await postGraphQL(
      world.supergraph.subgraphs[subgraph].url,
      { query: '{ _service { sdl } }' },
      { authorization: `Bearer ${await forwardedToken()}`, [IDENTITY_TOKEN_HEADER]: await forwardedToken() },
    );
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('a client asking the gateway for what only subgraphs may ask', () => {
  it.each<[string, string]>([
    ['identity’s access check (accessDecisions)', '{ accessDecisions(organizationIds: ["00000000-0000-4000-8000-000000000000"]) { read ipAddresses } }'],
    ['the list of readable organizations (readableOrganizations)', '{ readableOrganizations { organizationId read } }'],
    [
      'an access token minted from a client secret, past the token endpoint (exchangeClientCredentials)',
      'mutation { exchangeClientCredentials(clientId: "pgc_x", clientSecret: "pgs_x") { accessToken } }',
    ],
    [
      'entities by representation (_entities)',
      '{ _entities(representations: [{ __typename: "Device", id: "00000000-0000-4000-8000-000000000000" }]) { __typename } }',
    ],
    ['a subgraph’s SDL (_service)', '{ _service { sdl } }'],
  ])('is refused %s: the field does not exist in the API schema', async (_threat, query) => {
    const response = await world.query('partnerAdmin', query);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.body.data).toBeUndefined();
  });
});
