import { randomUUID } from 'node:crypto';
import { ANONYMOUS, type Principal } from '@partnergraph/core';
import { seedDemoDevices, type DemoDevice } from '@partnergraph/device-telemetry/demo-seed';
import { seedDemoGrants, seedDemoOrganizations, seedDemoUsers, type DemoOrganization } from '@partnergraph/identity/demo-seed';
import { taggedOrganizations, testUser } from '../support/fixtures';
import { postGraphQL, type GraphQLResponse, type TypedOperation } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { gatewayHeaders } from '../support/internal-tokens';
import type { VariablesOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/operations';

/*
 * Acceptance tests for field-level hiding in device-telemetry (issue #5, the
 * access matrix of docs/access-model.md), for every kind of principal, on every path a
 * query can take: the field, an alias, a fragment spread, an inline fragment,
 * nested lists (Location.devices, Device.components) and `_entities` sent
 * straight to the subgraph with the headers the gateway would sign.
 *
 *   - partners with read-only access and API clients see an IP address only as
 *     its last two segments, and may not filter or order by it;
 *   - applications and jobs are denied to every partner principal;
 *   - unmonitored equipment does not exist for partners;
 *   - a revoked grant hides everything on the next request.
 *
 * One partner P and two customers: A granted P read-only and API device-data
 * access, B granted P administrator access. Each has a site, a room in it and
 * a rack in that, and the same equipment: a UPS (IPv4, with applications and
 * jobs, a monitored battery module and an unmonitored network card as
 * components), a PDU (IPv6), a sensor hub (IPv4-mapped IPv6) and an
 * unmonitored switch. The revocation comes last.
 */

type Headers = Record<string, string>;
type Seen = Record<string, string | null>;

const errorCodes = (response: GraphQLResponse<unknown>): unknown[] => (response.body.errors ?? []).map((error) => error.extensions?.code);

const ENTITIES = (selection: string, fragments = '') =>
  `query Entities($r: [_Any!]!) { _entities(representations: $r) { ${selection} } } ${fragments}`;

/** Every path to Device.ipAddress a gateway query can take. */
const IP_PATHS = graphql(`
  query Paths($id: ID!) {
    organization(id: $id) {
      devices(first: 100) {
        nodes { name ipAddress alias: ipAddress ...Spread ... on Device { inline: ipAddress } components { name ipAddress } }
      }
      locations {
        name kind devices { name ipAddress }
        children { name kind devices { name ipAddress } children { name kind devices { name ipAddress } children { name } } }
      }
    }
  }
  fragment Spread on Device { spread: ipAddress }
`);

const DEVICE_NAMES = graphql(`
  query TelemetryFieldHidingDevices($id: ID!, $filter: DeviceFilter, $orderBy: DeviceOrder, $first: Int, $after: String) {
    organization(id: $id) {
      devices(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { nodes { name } pageInfo { hasNextPage endCursor } }
    }
  }
`);

type DeviceNamesVariables = Omit<VariablesOf<typeof DEVICE_NAMES>, 'id'>;

const UNMONITORED = ['Network card', 'Switch'];

/** The equipment of each customer as its own users see it, in name order: name → IP address in full. */
const inFull = (octet: number): Seen => ({
  'Battery module': null,
  'Network card': `10.${octet}.113.46`,
  PDU: '2001:db8:85a3::8a2e:370:7334',
  'Sensor hub': '::ffff:192.0.2.10',
  Switch: `10.${octet}.113.99`,
  UPS: `10.${octet}.113.45`,
});
const MASKED: Seen = {
  'Battery module': null,
  'Network card': 'x.x.113.46',
  PDU: 'x:x:x:x:x:x:370:7334',
  'Sensor hub': 'x.x.2.10',
  Switch: 'x.x.113.99',
  UPS: 'x.x.113.45',
};

describe('device telemetry: field-level hiding for every principal, on every path', () => {
  let supergraph: InProcessSupergraph;
  const { tag, organization } = taggedOrganizations('NORTHWIND');
  const P = organization('Northwind', 'PARTNER');
  const A = organization('Contoso');
  const B = organization('Fabrikam');
  const octetOf = (owner: DemoOrganization) => (owner === A ? 1 : 2);

  /** One customer's server room: ids of its locations and devices by name. */
  const room = (owner: DemoOrganization) => {
    const octet = octetOf(owner);
    const locations = { Site: randomUUID(), Room: randomUUID(), Rack: randomUUID() };
    const device = (name: string, type: DemoDevice['type'], ipAddress: string | null, monitored = true): DemoDevice => ({
      id: randomUUID(),
      organizationId: owner.id,
      name,
      make: 'APC',
      model: `${name} model`,
      serialNumber: `SN-${octet}-${name}`,
      firmwareRevision: '1.0',
      ipAddress,
      type,
      monitored,
      sensors: [],
    });
    const devices = {
      UPS: device('UPS', 'UPS', `10.${octet}.113.45`),
      PDU: device('PDU', 'PDU', '2001:db8:85a3::8a2e:370:7334'),
      'Sensor hub': device('Sensor hub', 'SENSOR_HUB', '::ffff:192.0.2.10'),
      'Battery module': device('Battery module', 'OTHER', null),
      'Network card': device('Network card', 'OTHER', `10.${octet}.113.46`, false),
      Switch: device('Switch', 'NETWORK_SWITCH', `10.${octet}.113.99`, false),
    };
    return { owner, locations, devices };
  };
  const rooms = { A: room(A), B: room(B) };
  const roomOf = (owner: DemoOrganization) => (owner === A ? rooms.A : rooms.B);

  const people = {
    adminA: testUser(`admin-${tag}@contoso.example`, A.id, 'ADMIN'),
    viewerA: testUser(`viewer-${tag}@contoso.example`, A.id, 'VIEWER'),
    adminP: testUser(`admin-${tag}@northwind.example`, P.id, 'ADMIN'),
    viewerP: testUser(`viewer-${tag}@northwind.example`, P.id, 'VIEWER'),
  };
  const apiClientId = `pgc_field_hiding_${tag}`;

  interface Caller {
    who: string;
    principal: Principal;
    /** Whose equipment it reads in these tests. */
    owner: DemoOrganization;
    /** The customer's own users see unmonitored equipment, applications and jobs; partners never do. */
    own: boolean;
    ipAddresses: 'FULL' | 'LAST_TWO_SEGMENTS';
    headers: Headers;
  }
  const user = (account: (typeof people)[keyof typeof people], mfa: boolean): Principal => ({
    kind: 'user',
    userId: account.id,
    organizationId: account.organizationId,
    role: account.role,
    mfa,
  });
  const callers: Caller[] = [
    { who: 'a customer admin', principal: user(people.adminA, false), owner: A, own: true, ipAddresses: 'FULL', headers: {} },
    { who: 'a customer viewer', principal: user(people.viewerA, false), owner: A, own: true, ipAddresses: 'FULL', headers: {} },
    { who: 'a partner admin with administrator access', principal: user(people.adminP, true), owner: B, own: false, ipAddresses: 'FULL', headers: {} },
    { who: 'a partner admin with read-only access', principal: user(people.adminP, true), owner: A, own: false, ipAddresses: 'LAST_TWO_SEGMENTS', headers: {} },
    { who: 'a partner viewer with administrator access', principal: user(people.viewerP, true), owner: B, own: false, ipAddresses: 'FULL', headers: {} },
    { who: 'a partner viewer with read-only access', principal: user(people.viewerP, true), owner: A, own: false, ipAddresses: 'LAST_TWO_SEGMENTS', headers: {} },
    {
      who: 'an API client with API device-data access',
      principal: { kind: 'api-client', clientId: apiClientId, partnerOrganizationId: P.id },
      owner: A,
      own: false,
      ipAddresses: 'LAST_TWO_SEGMENTS',
      headers: {},
    },
  ];

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    const identity = supergraph.subgraphs.identity.database;
    await seedDemoOrganizations(identity, [P, A, B]);
    await seedDemoUsers(identity, Object.values(people));
    await identity.dataSource.query(
      `INSERT INTO identity.api_credential (partner_organization_id, name, client_id, secret_hash, created_by)
       VALUES ($1, 'Field hiding test', $2, 'not-a-real-secret-hash', $3)`,
      [P.id, apiClientId, people.adminP.id],
    );
    await seedDemoGrants(identity, [
      { customerOrganizationId: A.id, partnerOrganizationId: P.id, administrator: false, apiDeviceData: true },
      { customerOrganizationId: B.id, partnerOrganizationId: P.id, administrator: true, apiDeviceData: false },
    ]);

    const telemetry = supergraph.subgraphs['device-telemetry'].database.dataSource;
    for (const { owner, locations, devices } of Object.values(rooms)) {
      await telemetry.query(
        `INSERT INTO telemetry.location (id, organization_id, parent_id, kind, name)
         VALUES ($1, $4, NULL, 'SITE', 'Site'), ($2, $4, $1, 'ROOM', 'Room'), ($3, $4, $2, 'RACK', 'Rack')`,
        [locations.Site, locations.Room, locations.Rack, owner.id],
      );
      await seedDemoDevices(supergraph.subgraphs['device-telemetry'].database, Object.values(devices));
      await telemetry.query(
        `UPDATE telemetry.device SET location_id = CASE WHEN id = $2 THEN $4::uuid ELSE $3::uuid END,
                warranty_ends_on = '2028-06-30', last_serviced_on = '2025-11-03', next_service_due_on = '2026-05-03'
         WHERE organization_id = $1`,
        [owner.id, devices['Sensor hub'].id, locations.Rack, locations.Room],
      );
      await telemetry.query('UPDATE telemetry.device SET parent_device_id = $1 WHERE id = ANY($2::uuid[])', [
        devices.UPS.id,
        [devices['Battery module'].id, devices['Network card'].id],
      ]);
      await telemetry.query(
        `INSERT INTO telemetry.application (organization_id, device_id, name, version)
         VALUES ($1, $2, 'PowerChute Network Shutdown', '5.1'), ($1, $2, 'SNMP agent', NULL)`,
        [owner.id, devices.UPS.id],
      );
      await telemetry.query(
        `INSERT INTO telemetry.job (organization_id, device_id, name, schedule, last_run_at, last_status)
         VALUES ($1, $2, 'Battery self-test', '0 3 * * 0', '2026-01-04T03:00:00Z', 'SUCCEEDED')`,
        [owner.id, devices.UPS.id],
      );
    }

    for (const caller of callers) {
      const { principal } = caller;
      if (principal.kind === 'user') {
        caller.headers = { authorization: `Bearer ${(await supergraph.accessTokens.issueForUser(principal)).accessToken}` };
      } else if (principal.kind === 'api-client') {
        caller.headers = { authorization: `Bearer ${(await supergraph.accessTokens.issueForApiClient(principal)).accessToken}` };
      }
    }
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  /** `_entities` straight at device-telemetry, with the headers the gateway would send it for `principal`. */
  const entities = async <T>(principal: Principal, representations: object[], selection: string, fragments = '') =>
    postGraphQL<{ _entities: (T | null)[] }>(
      supergraph.subgraphs['device-telemetry'].url,
      { query: ENTITIES(selection, fragments), variables: { r: representations } },
      await gatewayHeaders(supergraph.keys.privateKeyPem, 'device-telemetry', principal),
    );
  const deviceRefs = (owner: DemoOrganization, names: readonly string[]) =>
    names.map((name) => ({ __typename: 'Device', id: roomOf(owner).devices[name as keyof (typeof rooms)['A']['devices']].id }));
  const locationRef = (owner: DemoOrganization, name: 'Site' | 'Room' | 'Rack') => ({ __typename: 'Location', id: roomOf(owner).locations[name] });

  /** What the caller should see of its customer's equipment: name → IP address, in name order. */
  const expectedSeen = (caller: Caller): Seen => {
    const table = caller.ipAddresses === 'FULL' ? inFull(octetOf(caller.owner)) : MASKED;
    return Object.fromEntries(Object.entries(table).filter(([name]) => caller.own || !UNMONITORED.includes(name)));
  };
  const only = (seen: Seen, names: readonly string[]): Seen => Object.fromEntries(Object.entries(seen).filter(([name]) => names.includes(name)));
  /** Fails the test on any error. */
  /** `operation`, whose one variable is `$id`, for the caller's own organization; fails the test on any error. */
  const query = async <TData,>(caller: Caller, operation: TypedOperation<TData, { id: string }>): Promise<TData> => {
    const response = await supergraph.query(operation, { id: caller.owner.id }, caller.headers);
    expect(response.body.errors).toBeUndefined();
    if (!response.body.data) throw new Error(`no data: ${JSON.stringify(response.body)}`);
    return response.body.data;
  };
  /** A page of the caller's own devices; fails the test on any error. */
  const devicePage = async (caller: Caller, variables: DeviceNamesVariables) => {
    const response = await supergraph.query(DEVICE_NAMES, { ...variables, id: caller.owner.id }, caller.headers);
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.organization?.devices;
  };
  const deviceNames = async (caller: Caller, variables: DeviceNamesVariables) => (await devicePage(caller, variables))?.nodes.map((seen) => seen.name);

  describe.each(callers)('$who', (caller) => {
    const seen = () => expectedSeen(caller);
    const hiddenIpText = () => [`10.${octetOf(caller.owner)}.`, '192.0.2', '2001:db8', '8a2e', '%'];

    it('sees each IP address as the access matrix says on every path: field, alias, fragment spread, inline fragment, nested lists', async () => {
      const response = await supergraph.query(
        IP_PATHS,
        { id: caller.owner.id },
        caller.headers,
      );
      expect(response.body.errors).toBeUndefined();
      const { devices, locations } = response.body.data?.organization ?? { devices: { nodes: [] }, locations: [] };
      const expected = seen();
      for (const path of ['ipAddress', 'alias', 'spread', 'inline'] as const) {
        expect(Object.fromEntries(devices?.nodes.map((node) => [node.name, node[path]]) ?? [])).toEqual(expected);
      }
      const ups = devices?.nodes.find((node) => node.name === 'UPS');
      expect(Object.fromEntries(ups?.components.map((component) => [component.name, component.ipAddress]) ?? [])).toEqual(
        only(expected, ['Battery module', 'Network card']),
      );
      const [site] = locations ?? [];
      const [roomSeen] = site?.children ?? [];
      const [rack] = roomSeen?.children ?? [];
      expect([site?.name, roomSeen?.name, rack?.name]).toEqual(['Site', 'Room', 'Rack']);
      expect(site?.devices).toEqual([]);
      expect(Object.fromEntries(roomSeen?.devices.map((device) => [device.name, device.ipAddress]) ?? [])).toEqual(only(expected, ['Sensor hub']));
      expect(Object.fromEntries(rack?.devices.map((device) => [device.name, device.ipAddress]) ?? [])).toEqual(
        only(expected, ['Battery module', 'Network card', 'PDU', 'Switch', 'UPS']),
      );
      if (caller.ipAddresses === 'LAST_TWO_SEGMENTS') {
        for (const text of hiddenIpText()) expect(JSON.stringify(response.body)).not.toContain(text);
      }
    });

    it('sees the same addresses through _entities, on the field, an alias, a fragment spread and an inline fragment', async () => {
      const names = Object.keys(inFull(1));
      const response = await entities<Record<'name' | 'ipAddress' | 'alias' | 'spread' | 'inline', string | null>>(
        caller.principal,
        deviceRefs(caller.owner, names),
        '... on Device { name ipAddress alias: ipAddress ... on Device { inline: ipAddress } } ...Spread',
        'fragment Spread on Device { spread: ipAddress }',
      );
      expect(response.body.errors).toBeUndefined();
      const expected = seen();
      expect(response.body.data?._entities).toEqual(
        names.map((name) =>
          name in expected
            ? { name, ipAddress: expected[name], alias: expected[name], spread: expected[name], inline: expected[name] }
            : null,
        ),
      );
      if (caller.ipAddresses === 'LAST_TWO_SEGMENTS') {
        for (const text of hiddenIpText()) expect(JSON.stringify(response.body)).not.toContain(text);
      }
    });

    if (caller.ipAddresses === 'FULL') {
      it('filters by IP network (IPv4, IPv6, IPv4-mapped) and orders by IP address, nulls last, across pages', async () => {
        const octet = octetOf(caller.owner);
        const visible = (names: string[]) => names.filter((name) => caller.own || !UNMONITORED.includes(name));
        expect(await deviceNames(caller, { filter: { ipNetwork: `10.${octet}.113.0/24` } })).toEqual(visible(['Network card', 'Switch', 'UPS']));
        expect(await deviceNames(caller, { filter: { ipNetwork: `10.${octet}.113.45` } })).toEqual(['UPS']);
        expect(await deviceNames(caller, { filter: { ipNetwork: '2001:db8::/32' } })).toEqual(['PDU']);
        expect(await deviceNames(caller, { filter: { ipNetwork: '::ffff:0.0.0.0/96' } })).toEqual(['Sensor hub']);
        expect(await deviceNames(caller, { filter: { ipNetwork: '10.99.0.0/16' } })).toEqual([]);

        const inAddressOrder = visible(['UPS', 'Network card', 'Switch', 'Sensor hub', 'PDU', 'Battery module']);
        expect(await deviceNames(caller, { orderBy: 'IP_ADDRESS' })).toEqual(inAddressOrder);
        const paged: string[] = [];
        let after: string | null = null;
        for (let pages = 0; pages < 10; pages += 1) {
          const page = await devicePage(caller, { orderBy: 'IP_ADDRESS', first: 2, after });
          paged.push(...(page?.nodes.map((node) => node.name) ?? []));
          if (!page?.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor ?? null;
        }
        expect(paged).toEqual(inAddressOrder);
      });

      it.each(['10.1.113.45/24', '10.0.0.0/33', 'not-a-network', 'fe80::%eth0/64', ''])(
        'refuses the IP network %j with IP_NETWORK_INVALID',
        async (ipNetwork) => {
          const response = await supergraph.query(DEVICE_NAMES, { id: caller.owner.id, filter: { ipNetwork } }, caller.headers);
          expect(errorCodes(response)).toEqual(['IP_NETWORK_INVALID']);
          expect(response.body.data).toEqual({ organization: { devices: null } });
        },
      );
    } else {
      it.each<[string, DeviceNamesVariables]>([
        ['filtering by IP network', { filter: { ipNetwork: '10.1.113.0/24' } }],
        ['filtering by an invalid IP network', { filter: { ipNetwork: 'not-a-network' } }],
        ['ordering by IP address', { orderBy: 'IP_ADDRESS' }],
        ['both', { filter: { ipNetwork: '10.0.0.0/8' }, orderBy: 'IP_ADDRESS' }],
      ])('is refused %s with IP_ADDRESS_HIDDEN, and gets no device', async (_case, variables) => {
        const response = await supergraph.query(DEVICE_NAMES, { id: caller.owner.id, ...variables }, caller.headers);
        expect(errorCodes(response)).toEqual(['IP_ADDRESS_HIDDEN']);
        expect(response.body.data).toEqual({ organization: { devices: null } });
      });
    }

    it(
      caller.own
        ? 'sees unmonitored equipment everywhere: lists, counts, locations, components, _entities, monitored: false'
        : 'never sees unmonitored equipment: not in lists, counts, locations, components, _entities, nor with monitored: false',
      async () => {
        const monitored = ['Battery module', 'PDU', 'Sensor hub', 'UPS'];
        const all = [...monitored, ...UNMONITORED].sort();
        const data = await query(
          caller,
          graphql(`
            query Unmonitored($id: ID!) {
              organization(id: $id) {
                deviceCount
                devices { nodes { name monitored components { name } } }
                locations { children { children { devices { name } } } }
              }
            }
          `),
        );
        const { organization: seenOrganization } = data;
        expect(seenOrganization?.deviceCount).toBe(caller.own ? 6 : 4);
        expect(seenOrganization?.devices?.nodes.map((node) => node.name)).toEqual(caller.own ? all : monitored);
        expect(seenOrganization?.devices?.nodes.every((node) => node.monitored || caller.own)).toBe(true);
        expect(seenOrganization?.devices?.nodes.find((node) => node.name === 'UPS')?.components.map((component) => component.name)).toEqual(
          caller.own ? ['Battery module', 'Network card'] : ['Battery module'],
        );
        expect(seenOrganization?.locations?.[0]?.children[0]?.children[0]?.devices.map((device) => device.name)).toEqual(
          caller.own ? ['Battery module', 'Network card', 'PDU', 'Switch', 'UPS'] : ['Battery module', 'PDU', 'UPS'],
        );
        expect(await deviceNames(caller, { filter: { monitored: false } })).toEqual(caller.own ? UNMONITORED : []);
        expect(await deviceNames(caller, { filter: { monitored: true } })).toEqual(monitored);

        const response = await entities<{ name: string }>(caller.principal, deviceRefs(caller.owner, UNMONITORED), '... on Device { name }');
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?._entities).toEqual(caller.own ? UNMONITORED.map((name) => ({ name })) : [null, null]);
        const parentOfHidden = await entities<{ name: string; parent: { name: string } | null }>(
          caller.principal,
          deviceRefs(caller.owner, ['Battery module']),
          '... on Device { name parent { name components { name } } }',
        );
        expect(parentOfHidden.body.errors).toBeUndefined();
        expect(parentOfHidden.body.data?._entities).toEqual([
          { name: 'Battery module', parent: { name: 'UPS', components: caller.own ? [{ name: 'Battery module' }, { name: 'Network card' }] : [{ name: 'Battery module' }] } },
        ]);
      },
    );

    it('filters by device type and by location, a location taking in everything below it', async () => {
      const visible = (names: string[]) => names.filter((name) => caller.own || !UNMONITORED.includes(name));
      const { locations } = roomOf(caller.owner);
      expect(await deviceNames(caller, { filter: { types: ['UPS', 'PDU'] } })).toEqual(['PDU', 'UPS']);
      expect(await deviceNames(caller, { filter: { locationId: locations.Site } })).toEqual(visible(['Battery module', 'Network card', 'PDU', 'Sensor hub', 'Switch', 'UPS']));
      expect(await deviceNames(caller, { filter: { locationId: locations.Rack } })).toEqual(visible(['Battery module', 'Network card', 'PDU', 'Switch', 'UPS']));
      expect(await deviceNames(caller, { filter: { locationId: locations.Room, types: ['SENSOR_HUB', 'UPS'] } })).toEqual(['Sensor hub', 'UPS']);
      // Another customer's location, and an id that is no location at all, match nothing.
      const other = caller.owner === A ? rooms.B : rooms.A;
      expect(await deviceNames(caller, { filter: { locationId: other.locations.Site } })).toEqual([]);
      expect(await deviceNames(caller, { filter: { locationId: 'not-a-location' } })).toEqual([]);
    });

    it('reads the inventory fields: dates, location with its parents, parent device, and locations through _entities', async () => {
      const data = await query(
        caller,
        graphql(`
          query TelemetryFieldHidingInventory($id: ID!) {
            organization(id: $id) {
              devices(filter: { types: [UPS, SENSOR_HUB, OTHER] }) {
                nodes {
                  name warrantyEndsOn lastServicedOn nextServiceDueOn
                  location { name kind parent { name kind parent { name kind parent { name } } } }
                  parent { name }
                }
              }
            }
          }
        `),
      );
      const rack = { name: 'Rack', kind: 'RACK', parent: { name: 'Room', kind: 'ROOM', parent: { name: 'Site', kind: 'SITE', parent: null } } };
      const dates = { warrantyEndsOn: '2028-06-30', lastServicedOn: '2025-11-03', nextServiceDueOn: '2026-05-03' };
      expect(data.organization?.devices?.nodes).toEqual([
        { name: 'Battery module', ...dates, location: rack, parent: { name: 'UPS' } },
        ...(caller.own ? [{ name: 'Network card', ...dates, location: rack, parent: { name: 'UPS' } }] : []),
        { name: 'Sensor hub', ...dates, location: rack.parent, parent: null },
        { name: 'UPS', ...dates, location: rack, parent: null },
      ]);

      const other = caller.owner === A ? B : A;
      const response = await entities<{ name: string; children: { name: string }[] }>(
        caller.principal,
        [locationRef(caller.owner, 'Room'), locationRef(other, 'Room'), { __typename: 'Location', id: randomUUID() }],
        '... on Location { name children { name } }',
      );
      expect(response.body.errors).toBeUndefined();
      // The partner reads both customers, so it sees the other customer's room too; a customer's user does not.
      expect(response.body.data?._entities).toEqual([
        { name: 'Room', children: [{ name: 'Rack' }] },
        caller.own || caller.principal.kind === 'api-client' ? null : { name: 'Room', children: [{ name: 'Rack' }] },
        null,
      ]);
    });

    const hiddenSelections: [string, string, string][] = [
      ['applications', 'applications { name version }', 'PowerChute Network Shutdown'],
      ['jobs', 'jobs { name schedule lastRunAt lastStatus }', 'Battery self-test'],
    ];
    const paths: [string, (selection: string) => string][] = [
      ['the field', (selection) => `query Q($id: ID!) { organization(id: $id) { devices { nodes { name ${selection} } } } }`],
      ['an alias', (selection) => `query Q($id: ID!) { organization(id: $id) { devices { nodes { name hidden: ${selection} } } } }`],
      [
        'a fragment spread',
        (selection) => `query Q($id: ID!) { organization(id: $id) { devices { nodes { name ...Hidden } } } } fragment Hidden on Device { ${selection} }`,
      ],
      ['an inline fragment', (selection) => `query Q($id: ID!) { organization(id: $id) { devices { nodes { name ... on Device { ${selection} } } } } }`],
      [
        'a component’s parent device',
        (selection) => `query Q($id: ID!) { organization(id: $id) { devices { nodes { components { name parent { ${selection} } } } } } }`,
      ],
      ['a location', (selection) => `query Q($id: ID!) { organization(id: $id) { locations { children { children { devices { ${selection} } } } } } }`],
    ];
    describe.each(hiddenSelections)('%s', (field, selection, seededName) => {
      it.each(paths)(
        caller.own ? `are read through %s` : `are refused through %s with FORBIDDEN, and nothing of them is returned`,
        async (_path, build) => {
          const response = await supergraph.query(build(selection), { id: caller.owner.id }, caller.headers);
          if (caller.own) {
            expect(response.body.errors).toBeUndefined();
            expect(JSON.stringify(response.body.data)).toContain(seededName);
          } else {
            expect(new Set(errorCodes(response))).toEqual(new Set(['FORBIDDEN']));
            expect(JSON.stringify(response.body)).not.toContain(seededName);
          }
        },
      );

      it(caller.own ? 'are read through _entities' : 'are refused through _entities with FORBIDDEN, and nothing of them is returned', async () => {
        const response = await entities<Record<string, unknown>>(
          caller.principal,
          deviceRefs(caller.owner, ['UPS']),
          `... on Device { name ${selection} also: ${field} { name } ...Hidden }`,
          `fragment Hidden on Device { inFragment: ${field} { name } }`,
        );
        if (caller.own) {
          expect(response.body.errors).toBeUndefined();
          expect(response.body.data?._entities[0]?.[field]).toEqual(expect.arrayContaining([expect.objectContaining({ name: seededName })]));
        } else {
          expect(response.body.data?._entities).toEqual([{ name: 'UPS', [field]: null, also: null, inFragment: null }]);
          expect(new Set(errorCodes(response))).toEqual(new Set(['FORBIDDEN']));
          expect(JSON.stringify(response.body)).not.toContain(seededName);
        }
      });
    });
  });

  it('customers read the applications and jobs of their equipment in full', async () => {
    const [customerAdmin] = callers;
    if (!customerAdmin) throw new Error('no customer admin');
    const data = await query(
      customerAdmin,
      graphql(`query UpsApplicationsAndJobs($id: ID!) { organization(id: $id) { devices(filter: { types: [UPS] }) { nodes {
         applications { id name version } jobs { id name schedule lastRunAt lastStatus } } } } }`),
    );
    expect(data.organization?.devices?.nodes).toEqual([
      {
        applications: [
          { id: expect.any(String), name: 'PowerChute Network Shutdown', version: '5.1' },
          { id: expect.any(String), name: 'SNMP agent', version: null },
        ],
        jobs: [{ id: expect.any(String), name: 'Battery self-test', schedule: '0 3 * * 0', lastRunAt: '2026-01-04T03:00:00.000Z', lastStatus: 'SUCCEEDED' }],
      },
    ]);
  });

  describe('an anonymous caller', () => {
    it('gets null for the organization, its devices and its locations, on every path', async () => {
      const response = await supergraph.query(IP_PATHS, { id: A.id });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data).toEqual({ organization: null });
      const devices = await entities(ANONYMOUS, deviceRefs(A, ['UPS', 'Switch']), '... on Device { name ipAddress applications { name } }');
      expect(devices.body.data?._entities).toEqual([null, null]);
      const locations = await entities(ANONYMOUS, [locationRef(A, 'Site')], '... on Location { name devices { name } }');
      expect(locations.body.data?._entities).toEqual([null]);
    });
  });

  // Last: it ends A's grant, which the tests above rely on.
  describe('a revocation', () => {
    it('hides everything of the customer from every partner principal on the very next request', async () => {
      const partnerCallers = callers.filter((caller) => !caller.own && caller.owner === A);
      for (const caller of partnerCallers) {
        expect((await query(caller, graphql(`query DeviceCount($id: ID!) { organization(id: $id) { deviceCount } }`))).organization?.deviceCount).toBe(4);
      }
      const [adminA] = callers;
      const revoked = await supergraph.query(
        graphql(`mutation TelemetryFieldHidingRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }`),
        { partnerOrganizationId: P.id },
        adminA?.headers,
      );
      expect(revoked.body.errors).toBeUndefined();
      expect(revoked.body.data?.revokePartnerAccess).toBe(true);

      for (const caller of partnerCallers) {
        const response = await supergraph.query(IP_PATHS, { id: A.id }, caller.headers);
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data).toEqual({ organization: null });
        const devices = await entities(caller.principal, deviceRefs(A, ['UPS', 'PDU', 'Sensor hub']), '... on Device { name ipAddress }');
        expect(devices.body.errors).toBeUndefined();
        expect(devices.body.data?._entities).toEqual([null, null, null]);
        const locations = await entities(caller.principal, [locationRef(A, 'Site'), locationRef(A, 'Rack')], '... on Location { name }');
        expect(locations.body.data?._entities).toEqual([null, null]);
        const organization = await entities(caller.principal, [{ __typename: 'Organization', id: A.id }], '... on Organization { deviceCount locations { name } }');
        expect(organization.body.data?._entities).toEqual([{ deviceCount: null, locations: null }]);
        expect(new Set(errorCodes(organization))).toEqual(new Set(['FORBIDDEN']));
      }
    });

    it('leaves the partner’s other customer, and the customer’s own view, as they were', async () => {
      const adminWithAdministratorAccess = callers.find((caller) => caller.owner === B && caller.principal.kind === 'user' && caller.principal.role === 'ADMIN');
      const [adminA] = callers;
      if (!adminWithAdministratorAccess || !adminA) throw new Error('missing callers');
      expect(await deviceNames(adminWithAdministratorAccess, {})).toEqual(['Battery module', 'PDU', 'Sensor hub', 'UPS']);
      expect(await deviceNames(adminA, {})).toEqual(['Battery module', 'Network card', 'PDU', 'Sensor hub', 'Switch', 'UPS']);
    });
  });
});
