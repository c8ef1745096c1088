import { randomUUID } from 'node:crypto';
import type { ResultOf } from '@graphql-typed-document-node/core';
import type { Principal, SubgraphName } from '@partnergraph/core';
import { seedDemoDevices, type DemoDevice } from '@partnergraph/device-telemetry/demo-seed';
import { seedDemoGrants, seedDemoOrganizations, seedDemoUsers, type DemoOrganization } from '@partnergraph/identity/demo-seed';
import { seedDemoSubscriptions, type DemoSubscriptionLicense } from '@partnergraph/subscriptions/demo-seed';
import { bearerHeaders, countStatements, taggedOrganizations, testUser } from '../support/fixtures';
import { postGraphQL, type GraphQLResponse } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { gatewayHeaders } from '../support/internal-tokens';
import { graphql } from '../generated/operations';

/*
 * Acceptance tests for "Who sees what" (README) and the access matrix
 * (docs/access-model.md): every subgraph applies it to the data, whichever path a query
 * takes: root fields through the gateway, nested fields, aliases and
 * fragments, and `_entities` called with representations a caller chose.
 *
 * One partner P and five customers:
 *   A  granted P read-only access            (IP addresses: last two segments)
 *   B  granted P administrator access        (IP addresses in full)
 *   C  granted P API device-data access only (read-only for P's users)
 *   D  never granted P anything
 *   E  granted P access, then revoked it
 * Every customer has monitored devices and one unmonitored switch, and licences.
 * The tests share one world; the revocation of B's grant comes last.
 */

const ORGANIZATIONS = graphql(`
  query TenantAccessOrganizations { organizations(first: 100) { nodes { id name } } }
`);
const ORGANIZATION_PAGE = graphql(`
  query TenantAccessOrganizationPage($after: String) {
    organizations(first: 1, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } }
  }
`);
const ORGANIZATION = graphql(`
  query TenantAccessOrganization($id: ID!) {
    organization(id: $id) {
      id
      name
      subscriptions { id product }
      devices(first: 100) { nodes { id name ipAddress monitored } }
    }
  }
`);
const REVOKE = graphql(`
  mutation TenantAccessRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }
`);
const DASHBOARD = graphql(`
  query TenantAccessDashboard { organizations { nodes { name subscriptions { product } devices { nodes { name ipAddress } } } } }
`);
const ENTITIES = (selection: string) => `query Entities($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;

type Headers = Record<string, string>;
interface EntitiesData<T> {
  _entities: (T | null)[];
}

const errorCodes = (response: GraphQLResponse<unknown>): unknown[] => (response.body.errors ?? []).map((error) => error.extensions?.code);

// IPv6 as written by whoever registered the device, as PostgreSQL prints it, and its last two groups as a partner sees them.
const IPV6_AS_ENTERED = '2001:0DB8:0000:0000:0000:0000:0ABC:00EF';
const IPV6_AS_STORED = '2001:db8::abc:ef';
const IPV6_MASKED = 'x:x:x:x:x:x:abc:ef';
const IPV6_TRAILING_ZEROS = 'fe80::1';
const IPV6_TRAILING_ZEROS_MASKED = 'x:x:x:x:x:x:0:1';
// An IPv4 address in IPv6 form, as a dual-stack socket reports it: its last two groups are the whole IPv4 address.
const IPV4_MAPPED = '::ffff:10.3.30.2';

describe('tenant access: every subgraph applies the access matrix to the data', () => {
  let supergraph: InProcessSupergraph;

  const { tag, organization } = taggedOrganizations('NORTHWIND');
  const P = organization('Northwind', 'PARTNER');
  const A = organization('Contoso');
  const B = organization('Fabrikam');
  const C = organization('Tailspin');
  const D = organization('Woodgrove');
  const E = organization('Litware');

  const device = (owner: DemoOrganization, name: string, ipAddress: string | null, monitored = true): DemoDevice => ({
    id: randomUUID(),
    organizationId: owner.id,
    name,
    make: monitored ? 'APC' : 'Cisco',
    model: monitored ? 'Smart-UPS' : 'Catalyst',
    serialNumber: `SN-${randomUUID().slice(0, 8)}`,
    firmwareRevision: '1.0',
    ipAddress,
    type: monitored ? 'UPS' : 'NETWORK_SWITCH',
    monitored,
    sensors: [],
  });
  const devices = {
    A: [
      device(A, 'A1 UPS', '10.1.113.45'),
      device(A, 'A2 PDU', IPV6_AS_ENTERED),
      device(A, 'A3 Cooling', IPV6_TRAILING_ZEROS),
      device(A, 'A9 Switch', '10.1.113.99', false),
    ],
    B: [device(B, 'B1 UPS', '10.2.20.1'), device(B, 'B2 PDU', '10.2.20.2'), device(B, 'B9 Switch', '10.2.20.99', false)],
    C: [device(C, 'C1 UPS', '10.3.30.1'), device(C, 'C2 Sensor hub', IPV4_MAPPED), device(C, 'C9 Switch', '10.3.30.99', false)],
    D: [device(D, 'D1 UPS', '10.4.40.1'), device(D, 'D9 Switch', '10.4.40.99', false)],
    E: [device(E, 'E1 UPS', '10.5.50.1')],
  };
  const license = (owner: DemoOrganization, product: string): DemoSubscriptionLicense => ({
    id: randomUUID(),
    organizationId: owner.id,
    product,
    deviceAllowance: 25,
    trial: false,
    startsOn: '2026-01-01',
    endsOn: '2027-01-01',
  });
  const licenses = {
    A: [license(A, 'IT Expert'), license(A, 'IT Advisor')],
    B: [license(B, 'IT Expert')],
    C: [license(C, 'IT Advisor')],
    D: [license(D, 'IT Expert')],
    E: [license(E, 'IT Expert')],
  };
  const first = <T>(items: readonly T[]): T => {
    const [item] = items;
    if (item === undefined) throw new Error('the seeded world is missing an item');
    return item;
  };
  const monitoredOf = (owned: readonly DemoDevice[]) => owned.filter((seeded) => seeded.monitored);
  const unmonitoredOf = (owned: readonly DemoDevice[]) => first(owned.filter((seeded) => !seeded.monitored));

  const partnerAdminUserId = randomUUID();
  const partnerAdminPrincipal: Principal = { kind: 'user', userId: partnerAdminUserId, organizationId: P.id, role: 'ADMIN', mfa: true };
  const apiClientId = `pgc_tenant_access_${tag}`;
  const apiClientPrincipal: Principal = { kind: 'api-client', clientId: apiClientId, partnerOrganizationId: P.id };

  const as: Record<'partnerAdmin' | 'partnerAdminWithoutMfa' | 'partnerViewer' | 'customerAdminA' | 'customerAdminB' | 'anonymous', Headers> = {
    partnerAdmin: {},
    partnerAdminWithoutMfa: {},
    partnerViewer: {},
    customerAdminA: {},
    customerAdminB: {},
    anonymous: {},
  };

  // Revoking records the admin as the actor, so this one needs a user row.
  const adminB = testUser(`admin-${tag}@fabrikam.example`, B.id, 'ADMIN');
  // The API client's credential (for every customer) names the partner admin who created it.
  const adminP = testUser(`admin-${tag}@northwind.example`, P.id, 'ADMIN');

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    const identity = supergraph.subgraphs.identity.database;
    await seedDemoOrganizations(identity, [P, A, B, C, D, E]);
    await seedDemoUsers(identity, [adminB, adminP]);
    await identity.dataSource.query(
      `INSERT INTO identity.api_credential (partner_organization_id, name, client_id, secret_hash, created_by)
       VALUES ($1, 'Tenant access test', $2, 'not-a-real-secret-hash', $3)`,
      [P.id, apiClientId, adminP.id],
    );
    await seedDemoGrants(identity, [
      { customerOrganizationId: A.id, partnerOrganizationId: P.id, administrator: false, apiDeviceData: false },
      { customerOrganizationId: B.id, partnerOrganizationId: P.id, administrator: true, apiDeviceData: false },
      { customerOrganizationId: C.id, partnerOrganizationId: P.id, administrator: false, apiDeviceData: true },
      { customerOrganizationId: E.id, partnerOrganizationId: P.id, administrator: true, apiDeviceData: true },
    ]);
    await identity.dataSource.query('UPDATE identity.partner_grant SET revoked_at = now() WHERE customer_organization_id = $1', [E.id]);
    await seedDemoDevices(supergraph.subgraphs['device-telemetry'].database, Object.values(devices).flat());
    await seedDemoSubscriptions(supergraph.subgraphs.subscriptions.database, Object.values(licenses).flat());
    as.partnerAdmin = await bearerHeaders(supergraph, { userId: partnerAdminUserId, organizationId: P.id, role: 'ADMIN', mfa: true });
    as.partnerAdminWithoutMfa = await bearerHeaders(supergraph, { organizationId: P.id, role: 'ADMIN', mfa: false });
    as.partnerViewer = await bearerHeaders(supergraph, { organizationId: P.id, role: 'VIEWER', mfa: true });
    as.customerAdminA = await bearerHeaders(supergraph, { organizationId: A.id, role: 'ADMIN', mfa: false });
    as.customerAdminB = await bearerHeaders(supergraph, { userId: adminB.id, organizationId: B.id, role: 'ADMIN', mfa: false });
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  /** The ids `organizations` lists for the caller; fails the test on any error. */
  const listedIds = async (headers: Headers): Promise<string[]> => {
    const { status, body } = await supergraph.query(ORGANIZATIONS, {}, headers);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return (body.data?.organizations.nodes ?? []).map((listed) => listed.id).sort();
  };
  const ids = (...organizations: DemoOrganization[]) => organizations.map((listed) => listed.id).sort();
  const organizationAs = (id: string, headers: Headers) => supergraph.query(ORGANIZATION, { id }, headers);
  /** organization(id:) with its licences and devices; fails the test on any error or if it is null. */
  const readOrganization = async (owner: DemoOrganization, headers: Headers) => {
    const { body } = await organizationAs(owner.id, headers);
    expect(body.errors).toBeUndefined();
    const seen = body.data?.organization;
    if (!seen) throw new Error(`organization ${owner.name} is null for this caller`);
    return seen;
  };
  /** Device name → IP address as the caller sees it, in name order. */
  const devicesSeen = async (owner: DemoOrganization, headers: Headers) =>
    Object.fromEntries((await readOrganization(owner, headers)).devices?.nodes.map((seen) => [seen.name, seen.ipAddress]) ?? []);
  const expectInvisible = async (owner: DemoOrganization, headers: Headers) => {
    const response = await organizationAs(owner.id, headers);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ organization: null });
  };
  /** `_entities` straight at a subgraph, with the headers the gateway would send it for `principal`. */
  const entities = async <T>(subgraph: SubgraphName, principal: Principal, representations: object[], selection: string) =>
    postGraphQL<EntitiesData<T>>(
      supergraph.subgraphs[subgraph].url,
      { query: ENTITIES(selection), variables: { r: representations } },
      await gatewayHeaders(supergraph.keys.privateKeyPem, subgraph, principal),
    );
  const deviceRef = (seeded: DemoDevice) => ({ __typename: 'Device', id: seeded.id });
  const licenseRef = (seeded: DemoSubscriptionLicense) => ({ __typename: 'SubscriptionLicense', id: seeded.id });
  const organizationRef = (owner: DemoOrganization) => ({ __typename: 'Organization', id: owner.id });
  const DEVICE_FIELDS = '... on Device { id name ipAddress }';
  const LICENSE_FIELDS = '... on SubscriptionLicense { id product }';
  const ORGANIZATION_DEVICES = '... on Organization { devices { nodes { name ipAddress } } }';
  const ORGANIZATION_SUBSCRIPTIONS = '... on Organization { subscriptions { product } }';

  const A_MASKED = { 'A1 UPS': 'x.x.113.45', 'A2 PDU': IPV6_MASKED, 'A3 Cooling': IPV6_TRAILING_ZEROS_MASKED };
  const B_IN_FULL = { 'B1 UPS': '10.2.20.1', 'B2 PDU': '10.2.20.2' };

  describe('a partner admin signed in with MFA', () => {
    it('lists the partner and the customers whose grant stands, and no customer without a grant or with a revoked one', async () => {
      expect(await listedIds(as.partnerAdmin)).toEqual(ids(P, A, B, C));
    });

    it('pages through the same organizations one at a time, in name order, following endCursor', async () => {
      const paged: { id: string; name: string }[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const response: GraphQLResponse<ResultOf<typeof ORGANIZATION_PAGE>> = await supergraph.query(ORGANIZATION_PAGE, { after }, as.partnerAdmin);
        expect(response.body.errors).toBeUndefined();
        const connection = response.body.data?.organizations;
        paged.push(...(connection?.nodes ?? []));
        if (!connection?.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor ?? null;
      }

      expect(paged.map((listed) => listed.id).sort()).toEqual(ids(P, A, B, C));
      expect(paged.map((listed) => listed.name)).toEqual(paged.map((listed) => listed.name).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    });

    it.each([
      ['that never granted the partner access', () => D],
      ['that revoked the partner’s access', () => E],
    ])('gets null and no error for organization(id:) of a customer %s, as for one that does not exist', async (_case, customer) => {
      await expectInvisible(customer(), as.partnerAdmin);
      await expectInvisible({ ...D, id: randomUUID() }, as.partnerAdmin);
    });

    it('sees a read-only customer’s monitored devices only, each IP address reduced to its last two segments (IPv4 and IPv6)', async () => {
      expect(await devicesSeen(A, as.partnerAdmin)).toEqual(A_MASKED);
    });

    it('sees the IP addresses of a customer that gave it administrator access in full, and still no unmonitored equipment', async () => {
      expect(await devicesSeen(B, as.partnerAdmin)).toEqual(B_IN_FULL);
    });

    it('sees a customer with API device-data access only as a read-only customer: masked addresses, monitored devices', async () => {
      const seen = await devicesSeen(C, as.partnerAdmin);
      expect(Object.keys(seen)).toEqual(['C1 UPS', 'C2 Sensor hub']);
      expect(seen['C1 UPS']).toBe('x.x.30.1');
    });

    it('sees no more than the last two octets of an IPv4 address written in IPv6 form (::ffff:a.b.c.d)', async () => {
      const masked = (await devicesSeen(C, as.partnerAdmin))['C2 Sensor hub'];
      // 10.3 is 0a03 in hex: neither form of the first two octets may appear.
      expect(masked).toBe('x.x.30.2');
      expect(masked).not.toMatch(/10\.3|a03/i);
    });

    it('sees the subscription licences of the customers it may read', async () => {
      const seenA = await readOrganization(A, as.partnerAdmin);
      expect(seenA.subscriptions?.map((seen) => seen.id).sort()).toEqual(licenses.A.map((seeded) => seeded.id).sort());
      const seenB = await readOrganization(B, as.partnerAdmin);
      expect(seenB.subscriptions?.map((seen) => seen.id)).toEqual(licenses.B.map((seeded) => seeded.id));
    });

    it('never gets another customer’s devices or licences in the dashboard query', async () => {
      const { body } = await supergraph.query(DASHBOARD, {}, as.partnerAdmin);
      expect(body.errors).toBeUndefined();
      const nodes = body.data?.organizations.nodes ?? [];
      const deviceNames = nodes.flatMap((seen) => seen.devices?.nodes.map((seenDevice) => seenDevice.name)).sort();
      expect(deviceNames).toEqual([...Object.keys(A_MASKED), ...Object.keys(B_IN_FULL), 'C1 UPS', 'C2 Sensor hub'].sort());
      expect(nodes.flatMap((seen) => seen.subscriptions)).toHaveLength(licenses.A.length + licenses.B.length + licenses.C.length);
    });
  });

  describe('a partner admin signed in without MFA', () => {
    it('lists only the partner itself', async () => {
      expect(await listedIds(as.partnerAdminWithoutMfa)).toEqual(ids(P));
    });

    it('gets null and no error for organization(id:) of a customer that granted the partner access', async () => {
      await expectInvisible(A, as.partnerAdminWithoutMfa);
      await expectInvisible(B, as.partnerAdminWithoutMfa);
    });
  });

  describe('a partner viewer signed in with MFA', () => {
    it('lists the same organizations as the partner admin', async () => {
      expect(await listedIds(as.partnerViewer)).toEqual(ids(P, A, B, C));
      await expectInvisible(D, as.partnerViewer);
      await expectInvisible(E, as.partnerViewer);
    });

    it('reads the same devices and licences: masked addresses under a read-only grant, full ones under an administrator grant', async () => {
      expect(await devicesSeen(A, as.partnerViewer)).toEqual(A_MASKED);
      expect(await devicesSeen(B, as.partnerViewer)).toEqual(B_IN_FULL);
      expect((await readOrganization(A, as.partnerViewer)).subscriptions).toHaveLength(licenses.A.length);
    });
  });

  describe('a customer admin', () => {
    it('lists only their own organization', async () => {
      expect(await listedIds(as.customerAdminA)).toEqual(ids(A));
    });

    it('sees every device of their organization, unmonitored equipment included, with full IP addresses', async () => {
      expect(await devicesSeen(A, as.customerAdminA)).toEqual({
        'A1 UPS': '10.1.113.45',
        'A2 PDU': IPV6_AS_STORED,
        'A3 Cooling': IPV6_TRAILING_ZEROS,
        'A9 Switch': '10.1.113.99',
      });
      expect((await readOrganization(A, as.customerAdminA)).subscriptions).toHaveLength(licenses.A.length);
    });

    it('gets null and no error for organization(id:) of another customer, even one that granted the same partner', async () => {
      await expectInvisible(B, as.customerAdminA);
      await expectInvisible(D, as.customerAdminA);
    });
  });

  describe('an anonymous caller', () => {
    it('lists no organization, without an error', async () => {
      expect(await listedIds(as.anonymous)).toEqual([]);
    });

    it('gets null and no error for organization(id:)', async () => {
      await expectInvisible(A, as.anonymous);
    });
  });

  describe('aliases and fragments', () => {
    it('do not get past the masking of IP addresses', async () => {
      const { body } = await supergraph.query(
        graphql(`
          query Aliased($id: ID!) {
            organization(id: $id) { devices { nodes { ip: ipAddress ... on Device { ipAddress } ...Address } } }
          }
          fragment Address on Device { address: ipAddress }
        `),
        { id: A.id },
        as.partnerAdmin,
      );
      expect(body.errors).toBeUndefined();
      const nodes = body.data?.organization?.devices?.nodes ?? [];
      const masked = Object.values(A_MASKED).sort();
      for (const field of ['ip', 'ipAddress', 'address'] as const) {
        expect(nodes.map((node) => node[field]).sort()).toEqual(masked);
      }
    });
  });

  describe('representations sent straight to a subgraph with valid gateway headers for the partner admin', () => {
    it('resolve a device the partner may read, with its address masked (the call itself works)', async () => {
      const seeded = first(devices.A);
      const response = await entities<{ id: string; name: string; ipAddress: string }>('device-telemetry', partnerAdminPrincipal, [deviceRef(seeded)], DEVICE_FIELDS);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?._entities).toEqual([{ id: seeded.id, name: seeded.name, ipAddress: 'x.x.113.45' }]);
    });

    it('give null for a device of a customer that never granted the partner access, or revoked it', async () => {
      const representations = [deviceRef(first(devices.D)), deviceRef(unmonitoredOf(devices.D)), deviceRef(first(devices.E))];
      const response = await entities('device-telemetry', partnerAdminPrincipal, representations, DEVICE_FIELDS);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?._entities).toEqual([null, null, null]);
    });

    it('give null for an unmonitored device of a customer the partner may read', async () => {
      const response = await entities('device-telemetry', partnerAdminPrincipal, [deviceRef(unmonitoredOf(devices.A))], DEVICE_FIELDS);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?._entities).toEqual([null]);
    });

    it('give null for a licence of a customer that never granted the partner access, or revoked it', async () => {
      const response = await entities('subscriptions', partnerAdminPrincipal, [licenseRef(first(licenses.D)), licenseRef(first(licenses.E))], LICENSE_FIELDS);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?._entities).toEqual([null, null]);
    });

    it('refuse the devices of an organization the partner may not read: null with FORBIDDEN', async () => {
      const response = await entities('device-telemetry', partnerAdminPrincipal, [organizationRef(D), organizationRef(E)], '... on Organization { devices { nodes { name } } }');
      expect(response.body.data?._entities).toEqual([{ devices: null }, { devices: null }]);
      expect(errorCodes(response)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });

    it('refuse the licences of an organization the partner may not read: null with FORBIDDEN', async () => {
      const response = await entities('subscriptions', partnerAdminPrincipal, [organizationRef(D)], ORGANIZATION_SUBSCRIPTIONS);
      expect(response.body.data?._entities).toEqual([{ subscriptions: null }]);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    });
  });

  describe('an API client of the partner (straight to the subgraphs: the gateway does not issue it tokens yet)', () => {
    it('reads the monitored devices of a customer that gave API device-data access, with masked IP addresses', async () => {
      const response = await entities<{ devices: { nodes: { name: string; ipAddress: string }[] } }>(
        'device-telemetry',
        apiClientPrincipal,
        [organizationRef(C)],
        ORGANIZATION_DEVICES,
      );
      expect(response.body.errors).toBeUndefined();
      const [entity] = response.body.data?._entities ?? [];
      expect(entity?.devices.nodes.map((seen) => seen.name)).toEqual(['C1 UPS', 'C2 Sensor hub']);
      expect(entity?.devices.nodes[0]?.ipAddress).toBe('x.x.30.1');
    });

    it('is refused the devices of a customer that gave the partner no API device-data access: null with FORBIDDEN', async () => {
      const response = await entities('device-telemetry', apiClientPrincipal, [organizationRef(A)], ORGANIZATION_DEVICES);
      expect(response.body.data?._entities).toEqual([{ devices: null }]);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      const device = await entities('device-telemetry', apiClientPrincipal, [deviceRef(first(devices.A))], DEVICE_FIELDS);
      expect(device.body.data?._entities).toEqual([null]);
    });

    it('is refused subscriptions even of a customer that gave API device-data access: null with FORBIDDEN', async () => {
      const response = await entities('subscriptions', apiClientPrincipal, [organizationRef(C)], ORGANIZATION_SUBSCRIPTIONS);
      expect(response.body.data?._entities).toEqual([{ subscriptions: null }]);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      const licence = await entities('subscriptions', apiClientPrincipal, [licenseRef(first(licenses.C))], LICENSE_FIELDS);
      expect(licence.body.data?._entities).toEqual([null]);
    });
  });

  it('costs the partner’s dashboard query one SQL statement per subgraph and entity type, plus one access check per subgraph in identity', async () => {
    const statements = await countStatements(supergraph, async () => {
      const { body } = await supergraph.query(DASHBOARD, {}, as.partnerAdmin);
      expect(body.errors).toBeUndefined();
    });
    // Identity: the list, then one access check each for subscriptions and device-telemetry; no sensors asked.
    expect(statements).toEqual({ identity: 3, subscriptions: 1, 'device-telemetry': 1 });
  });

  // Last: it ends B's grant, which the tests above rely on.
  describe('a revocation', () => {
    it('takes effect on the partner’s very next request, through the gateway and for representations sent to the subgraphs', async () => {
      const deviceOfB = first(monitoredOf(devices.B));
      const licenseOfB = first(licenses.B);
      const deviceBefore = await entities('device-telemetry', partnerAdminPrincipal, [deviceRef(deviceOfB)], DEVICE_FIELDS);
      expect(deviceBefore.body.data?._entities).toEqual([expect.objectContaining({ id: deviceOfB.id })]);
      const licenseBefore = await entities('subscriptions', partnerAdminPrincipal, [licenseRef(licenseOfB)], LICENSE_FIELDS);
      expect(licenseBefore.body.data?._entities).toEqual([{ id: licenseOfB.id, product: licenseOfB.product }]);

      const revoked = await supergraph.query(REVOKE, { partnerOrganizationId: P.id }, as.customerAdminB);
      expect(revoked.body.errors).toBeUndefined();
      expect(revoked.body.data?.revokePartnerAccess).toBe(true);

      expect(await listedIds(as.partnerAdmin)).toEqual(ids(P, A, C));
      await expectInvisible(B, as.partnerAdmin);
      const deviceAfter = await entities('device-telemetry', partnerAdminPrincipal, [deviceRef(deviceOfB)], DEVICE_FIELDS);
      expect(deviceAfter.body.errors).toBeUndefined();
      expect(deviceAfter.body.data?._entities).toEqual([null]);
      const licenseAfter = await entities('subscriptions', partnerAdminPrincipal, [licenseRef(licenseOfB)], LICENSE_FIELDS);
      expect(licenseAfter.body.errors).toBeUndefined();
      expect(licenseAfter.body.data?._entities).toEqual([null]);
      const devicesAfter = await entities('device-telemetry', partnerAdminPrincipal, [organizationRef(B)], ORGANIZATION_DEVICES);
      expect(devicesAfter.body.data?._entities).toEqual([{ devices: null }]);
      expect(errorCodes(devicesAfter)).toEqual(['FORBIDDEN']);
    });

    it('leaves the partner’s other customers, and the customer’s own view, as they were', async () => {
      expect(await devicesSeen(A, as.partnerAdmin)).toEqual(A_MASKED);
      expect(await devicesSeen(B, as.customerAdminB)).toEqual({ ...B_IN_FULL, 'B9 Switch': '10.2.20.99' });
    });
  });
});
