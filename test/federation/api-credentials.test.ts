import { randomUUID } from 'node:crypto';
import { seedDemoDevices, type DemoDevice } from '@partnergraph/device-telemetry/demo-seed';
import { seedDemoGrants, seedDemoOrganizations, seedDemoUsers, type DemoOrganization } from '@partnergraph/identity/demo-seed';
import { seedDemoSubscriptions } from '@partnergraph/subscriptions/demo-seed';
import { testUser } from '../support/fixtures';
import type { GraphQLResponse } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { graphql } from '../generated/operations';

/*
 * Acceptance tests for API credentials: a partner admin creates one (for all
 * customers, or some), the secret is shown once and stored hashed, a script
 * trades id and secret for an access token at the gateway's POST /oauth/token
 * (OAuth 2.0 client credentials), and that token reads device data of the
 * customers that grant API device-data access, within the credential's scope,
 * until the credential is revoked. The tests run in order and share one world.
 */

const ORGANIZATION_DEVICES = graphql(`query ApiClientReadsDevices($id: ID!) { organization(id: $id) { devices { nodes { name } } } }`);
const CREATE = graphql(`
  mutation Create($name: String!, $customerIds: [ID!]) {
    createApiCredential(name: $name, customerIds: $customerIds) {
      clientSecret
      credential { id name clientId customers { id } createdBy { email } createdAt lastUsedAt revokedAt }
    }
  }
`);
const REVOKE = graphql(`mutation Revoke($id: ID!) { revokeApiCredential(id: $id) { id revokedAt } }`);
const LIST = graphql(`query List($id: ID!) { organization(id: $id) { apiCredentials { id name clientId lastUsedAt revokedAt } } }`);
const DEVICE_DATA = graphql(`query DeviceData { organizations { nodes { id devices { nodes { name ipAddress } } } } }`);
interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}
type Headers = Record<string, string>;

const codes = (response: GraphQLResponse<unknown>): unknown[] => (response.body.errors ?? []).map((error) => error.extensions?.code);

describe('API credentials', () => {
  let supergraph: InProcessSupergraph;
  let tokenUrl: string;
  const organization = (name: string, kind: 'CUSTOMER' | 'PARTNER'): DemoOrganization => ({
    id: randomUUID(),
    name,
    kind,
    partnerId: kind === 'PARTNER' ? `P_${randomUUID().slice(0, 8).toUpperCase()}` : null,
  });
  const partner = organization('Northwind', 'PARTNER');
  const otherPartner = organization('Litware', 'PARTNER');
  /** Grants API device-data access. */
  const apiCustomer = organization('Contoso', 'CUSTOMER');
  /** Grants API device-data access too. */
  const secondApiCustomer = organization('Tailspin', 'CUSTOMER');
  /** Grants read-only access: no API access. */
  const readOnlyCustomer = organization('Fabrikam', 'CUSTOMER');
  const people = {
    adminP: testUser(`admin-${randomUUID()}@northwind.example`, partner.id, 'ADMIN'),
    viewerP: testUser(`viewer-${randomUUID()}@northwind.example`, partner.id, 'VIEWER'),
    adminOther: testUser(`admin-${randomUUID()}@litware.example`, otherPartner.id, 'ADMIN'),
    adminC: testUser(`admin-${randomUUID()}@contoso.example`, apiCustomer.id, 'ADMIN'),
  };
  const as: Record<keyof typeof people | 'anonymous', Headers> = { adminP: {}, viewerP: {}, adminOther: {}, adminC: {}, anonymous: {} };
  const device = (owner: DemoOrganization, index: number): DemoDevice => ({
    id: randomUUID(),
    organizationId: owner.id,
    name: `${owner.name} UPS ${index}`,
    make: 'APC',
    model: 'Smart-UPS',
    serialNumber: `SN-${owner.name}-${index}`,
    firmwareRevision: '1.0',
    ipAddress: `192.0.${index}.${index + 10}`,
    type: 'UPS',
    monitored: true,
    sensors: [],
  });

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    tokenUrl = new URL('/oauth/token', supergraph.gatewayUrl).toString();
    const identity = supergraph.subgraphs.identity.database;
    await seedDemoOrganizations(identity, [partner, otherPartner, apiCustomer, secondApiCustomer, readOnlyCustomer]);
    await seedDemoUsers(identity, Object.values(people));
    await seedDemoGrants(identity, [
      { customerOrganizationId: apiCustomer.id, partnerOrganizationId: partner.id, administrator: false, apiDeviceData: true },
      { customerOrganizationId: secondApiCustomer.id, partnerOrganizationId: partner.id, administrator: true, apiDeviceData: true },
      { customerOrganizationId: readOnlyCustomer.id, partnerOrganizationId: partner.id, administrator: false, apiDeviceData: false },
    ]);
    await seedDemoDevices(
      supergraph.subgraphs['device-telemetry'].database,
      [apiCustomer, secondApiCustomer, readOnlyCustomer].map((customer, index) => device(customer, index + 1)),
    );
    await seedDemoSubscriptions(supergraph.subgraphs.subscriptions.database, [
      {
        id: randomUUID(),
        organizationId: apiCustomer.id,
        product: 'IT Expert',
        deviceAllowance: 10,
        trial: false,
        startsOn: '2026-01-01',
        endsOn: '2027-01-01',
      },
    ]);
    for (const [who, account] of Object.entries(people) as [keyof typeof people, (typeof people)[keyof typeof people]][]) {
      const { accessToken } = await supergraph.accessTokens.issueForUser({
        userId: account.id,
        organizationId: account.organizationId,
        role: account.role,
        mfa: true,
      });
      as[who] = { authorization: `Bearer ${accessToken}` };
    }
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  const create = (headers: Headers, name: string, customerIds?: string[]) =>
    supergraph.query(CREATE, { name, customerIds }, headers);

  const requestToken = async (form: Record<string, string>, headers: Record<string, string> = {}): Promise<TokenAnswer> => {
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: Object.fromEntries(response.headers) };
  };
  const basic = (clientId: string, secret: string) => ({
    authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
  });
  const tokenFor = async (clientId: string, secret: string): Promise<Headers> => {
    const answer = await requestToken({ grant_type: 'client_credentials' }, basic(clientId, secret));
    expect(answer.status).toBe(200);
    return { authorization: `Bearer ${String(answer.body.access_token)}` };
  };
  const credentialRows = () =>
    supergraph.subgraphs.identity.database.dataSource.query<{ client_id: string; secret_hash: string }[]>(
      'SELECT client_id, secret_hash FROM identity.api_credential',
    );

  let everyCustomer: { clientId: string; secret: string; id: string };

  describe('creating one', () => {
    it('gives a partner admin a client id and a secret shown once, and stores only the secret’s hash', async () => {
      const { body } = await create(as.adminP, '  Nightly inventory export  ');
      expect(body.errors).toBeUndefined();
      const created = body.data?.createApiCredential;
      expect(created?.clientSecret).toMatch(/^pgs_[A-Za-z0-9_-]{43}$/);
      expect(created?.credential).toMatchObject({
        name: 'Nightly inventory export',
        clientId: expect.stringMatching(/^pgc_[0-9a-f]{32}$/),
        customers: null,
        createdBy: { email: people.adminP.email },
        lastUsedAt: null,
        revokedAt: null,
      });
      everyCustomer = { clientId: created?.credential.clientId ?? '', secret: created?.clientSecret ?? '', id: created?.credential.id ?? '' };

      const stored = (await credentialRows()).find((row) => row.client_id === everyCustomer.clientId);
      expect(stored?.secret_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(await credentialRows())).not.toContain(everyCustomer.secret);
    });

    it('lists it to the partner’s admins without the secret', async () => {
      const { body } = await supergraph.query(LIST, { id: partner.id }, as.adminP);
      expect(body.errors).toBeUndefined();
      expect(body.data?.organization?.apiCredentials).toEqual([
        { id: everyCustomer.id, name: 'Nightly inventory export', clientId: everyCustomer.clientId, lastUsedAt: null, revokedAt: null },
      ]);
      expect(JSON.stringify(body)).not.toContain(everyCustomer.secret);
    });

    it('does not list them to the partner’s viewers', async () => {
      const response = await supergraph.query(LIST, { id: partner.id }, as.viewerP);
      expect(response.body.data?.organization?.apiCredentials).toBeNull();
      expect(codes(response)).toEqual(['FORBIDDEN']);
    });

    it.each<[keyof typeof as, string]>([
      ['viewerP', 'a partner viewer'],
      ['adminC', 'a customer admin'],
      ['anonymous', 'an anonymous caller'],
    ])('refuses %s (%s) with FORBIDDEN, and writes nothing', async (who) => {
      const before = (await credentialRows()).length;
      const response = await create(as[who], 'Not allowed');
      expect(codes(response)).toEqual(['FORBIDDEN']);
      expect(response.body.data?.createApiCredential ?? null).toBeNull();
      expect(await credentialRows()).toHaveLength(before);
    });

    it.each<[string, string, string[] | undefined, string]>([
      ['an empty name', '   ', undefined, 'name'],
      ['a name over 100 characters', 'x'.repeat(101), undefined, 'name'],
      ['a customer that grants the partner nothing', 'Scoped', [randomUUID()], 'customerIds'],
      ['an id that is not a uuid', 'Scoped', ['not-a-uuid'], 'customerIds'],
      ['an empty customer list', 'Scoped', [], 'customerIds'],
    ])('refuses %s with BAD_USER_INPUT on that field, and writes nothing', async (_what, name, customerIds, field) => {
      const before = (await credentialRows()).length;
      const response = await create(as.adminP, name, customerIds);
      expect(response.body.errors?.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([['BAD_USER_INPUT', field]]);
      expect(await credentialRows()).toHaveLength(before);
    });

    it('refuses a customer that grants another partner, not this one', async () => {
      const response = await create(as.adminOther, 'Scoped', [apiCustomer.id]);
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('the token endpoint (POST /oauth/token)', () => {
    it('trades id and secret sent with HTTP Basic for a Bearer access token, never cached', async () => {
      const answer = await requestToken({ grant_type: 'client_credentials' }, basic(everyCustomer.clientId, everyCustomer.secret));
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), token_type: 'Bearer', expires_in: 900 });
      expect(answer.headers['cache-control']).toBe('no-store');
    });

    it('accepts id and secret in the form body too', async () => {
      const answer = await requestToken({ grant_type: 'client_credentials', client_id: everyCustomer.clientId, client_secret: everyCustomer.secret });
      expect(answer.status).toBe(200);
    });

    it('records when the credential was last used', async () => {
      const { body } = await supergraph.query(LIST, { id: partner.id }, as.adminP);
      expect(body.data?.organization?.apiCredentials?.[0]?.lastUsedAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    });

    it.each<[string, () => Promise<TokenAnswer>, number, string]>([
      ['a wrong secret', () => requestToken({ grant_type: 'client_credentials' }, basic(everyCustomer.clientId, `${everyCustomer.secret}x`)), 401, 'invalid_client'],
      ['an unknown client id', () => requestToken({ grant_type: 'client_credentials' }, basic('pgc_unknown', everyCustomer.secret)), 401, 'invalid_client'],
      ['no client authentication', () => requestToken({ grant_type: 'client_credentials' }), 401, 'invalid_client'],
      ['another grant type', () => requestToken({ grant_type: 'password', username: 'a', password: 'b' }, basic(everyCustomer.clientId, everyCustomer.secret)), 400, 'unsupported_grant_type'],
      ['no grant type', () => requestToken({}, basic(everyCustomer.clientId, everyCustomer.secret)), 400, 'invalid_request'],
      [
        'the client authenticated twice (Basic and body)',
        () =>
          requestToken(
            { grant_type: 'client_credentials', client_id: everyCustomer.clientId, client_secret: everyCustomer.secret },
            basic(everyCustomer.clientId, everyCustomer.secret),
          ),
        400,
        'invalid_request',
      ],
    ])('answers %s with the HTTP status and OAuth error code of RFC 6749', async (_what, send, status, error) => {
      const answer = await send();
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual({ error, error_description: expect.any(String) });
    });

    it('is not reachable as a GraphQL mutation through the gateway', async () => {
      const response = await supergraph.query(
        'mutation($id: String!, $secret: String!) { exchangeClientCredentials(clientId: $id, clientSecret: $secret) { accessToken } }',
        { id: everyCustomer.clientId, secret: everyCustomer.secret },
      );
      expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    });
  });

  describe('an API client’s access token', () => {
    it('lists exactly the customers that grant API device-data access, and reads their devices with IP addresses cut to two segments', async () => {
      const { body } = await supergraph.query(DEVICE_DATA, {}, await tokenFor(everyCustomer.clientId, everyCustomer.secret));
      expect(body.errors).toBeUndefined();
      const seen = new Map(body.data?.organizations.nodes.map((node) => [node.id, node.devices?.nodes]));
      expect([...seen.keys()].sort()).toEqual([apiCustomer.id, secondApiCustomer.id].sort());
      expect(seen.get(apiCustomer.id)).toEqual([{ name: 'Contoso UPS 1', ipAddress: 'x.x.1.11' }]);
      // Administrator access is for people; an API client still gets the last two segments.
      expect(seen.get(secondApiCustomer.id)).toEqual([{ name: 'Tailspin UPS 2', ipAddress: 'x.x.2.12' }]);
    });

    it('never reads subscriptions', async () => {
      const response = await supergraph.query(
        graphql(`query Organization($id: ID!) { organization(id: $id) { subscriptions { product } } }`),
        { id: apiCustomer.id },
        await tokenFor(everyCustomer.clientId, everyCustomer.secret),
      );
      expect(response.body.data?.organization?.subscriptions).toBeNull();
      expect(codes(response)).toEqual(['FORBIDDEN']);
    });

    it('sees nothing of a customer that grants read-only access only', async () => {
      const response = await supergraph.query(
        graphql(`query ApiClientReadsOrganization($id: ID!) { organization(id: $id) { name devices { nodes { name } } } }`),
        { id: readOnlyCustomer.id },
        await tokenFor(everyCustomer.clientId, everyCustomer.secret),
      );
      expect(response.body).toEqual({ data: { organization: null } });
    });

    it.each<[string, (headers: Headers) => Promise<GraphQLResponse<unknown>>]>([
      ['create a credential', (headers) => supergraph.query(graphql(`mutation ApiClientCreatesCredential { createApiCredential(name: "mine") { clientSecret } }`), {}, headers)],
      [
        'revoke the partner’s access',
        (headers) =>
          supergraph.query(
            graphql(`mutation ApiClientRevokesPartner($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }`),
            { partnerOrganizationId: partner.id },
            headers,
          ),
      ],
      ['invite a user', (headers) => supergraph.query(graphql(`mutation ApiClientInvitesUser { inviteUser(email: "someone@example.com", role: ADMIN) { id } }`), {}, headers)],
    ])('may not %s (FORBIDDEN)', async (_what, send) => {
      const response = await send(await tokenFor(everyCustomer.clientId, everyCustomer.secret));
      expect(codes(response)).toEqual(['FORBIDDEN']);
    });
  });

  describe('a credential scoped to one customer', () => {
    let scoped: { clientId: string; secret: string };

    beforeAll(async () => {
      const { body } = await create(as.adminP, 'Contoso only', [apiCustomer.id]);
      expect(body.errors).toBeUndefined();
      expect(body.data?.createApiCredential.credential.customers).toEqual([{ id: apiCustomer.id }]);
      scoped = { clientId: body.data?.createApiCredential.credential.clientId ?? '', secret: body.data?.createApiCredential.clientSecret ?? '' };
    });

    it('lists only that customer, though another grants the partner API access too', async () => {
      const { body } = await supergraph.query(DEVICE_DATA, {}, await tokenFor(scoped.clientId, scoped.secret));
      expect(body.data?.organizations.nodes.map((node) => node.id)).toEqual([apiCustomer.id]);
    });

    it('cannot reach the other customer by id', async () => {
      const response = await supergraph.query(
        ORGANIZATION_DEVICES,
        { id: secondApiCustomer.id },
        await tokenFor(scoped.clientId, scoped.secret),
      );
      expect(response.body).toEqual({ data: { organization: null } });
    });
  });

  describe('revoking', () => {
    it('refuses to revoke another partner’s credential (NOT_FOUND), and changes nothing', async () => {
      const response = await supergraph.query(REVOKE, { id: everyCustomer.id }, as.adminOther);
      expect(codes(response)).toEqual(['NOT_FOUND']);
      expect((await requestToken({ grant_type: 'client_credentials' }, basic(everyCustomer.clientId, everyCustomer.secret))).status).toBe(200);
    });

    it('takes effect on the very next request of a token issued before, and the secret no longer trades', async () => {
      const token = await tokenFor(everyCustomer.clientId, everyCustomer.secret);
      const before = await supergraph.query(DEVICE_DATA, {}, token);
      expect(before.body.data?.organizations.nodes).toHaveLength(2);

      const revoked = await supergraph.query(REVOKE, { id: everyCustomer.id }, as.adminP);
      expect(revoked.body.errors).toBeUndefined();
      expect(revoked.body.data?.revokeApiCredential.revokedAt).toEqual(expect.any(String));

      const after = await supergraph.query(DEVICE_DATA, {}, token);
      expect(after.body).toEqual({ data: { organizations: { nodes: [] } } });
      const direct = await supergraph.query(
        ORGANIZATION_DEVICES,
        { id: apiCustomer.id },
        token,
      );
      expect(direct.body).toEqual({ data: { organization: null } });
      const exchange = await requestToken({ grant_type: 'client_credentials' }, basic(everyCustomer.clientId, everyCustomer.secret));
      expect(exchange).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    });
  });
});
