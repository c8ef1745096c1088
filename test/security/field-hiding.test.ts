import { errorCodes, MASKED, startAttackWorld, type AttackWorld, type Tenant, type TenantName, type Who } from '../support/attack-world';
import { waitFor } from '../support/wait-for';

/*
 * Attacks on the fields the access matrix hides from partners, by every path
 * a client can write: IP addresses beyond their last two segments (partners
 * with read-only access and API clients), applications and jobs (every
 * partner principal, administrator access included) and unmonitored
 * equipment (every partner principal, counts included). Paths: the field,
 * an alias, a fragment spread, an inline fragment, Device.components and
 * .parent, Sensor.device, Location.devices, Incident.device, UpsHealth.device,
 * both change feeds and `_entities` sent straight to device-telemetry; and
 * filtering or ordering by IP address as a side channel.
 */

let world: AttackWorld;

beforeAll(async () => {
  world = await startAttackWorld();
  // A change shows in the feeds once every older transaction has ended: wait until the seeded ones do.
  const { A } = world.tenants;
  await waitFor('the seeded changes in the feeds', async () => {
    const response = await world.query('customerAdminA', '{ inventoryChanges(first: 500) { changes { deviceId } } incidentChanges(first: 500) { changes { incidentId } } }');
    const text = JSON.stringify(response.body);
    return text.includes(A.devices.switch.id) && text.includes(A.incidents.switch) ? true : undefined;
  }, { timeoutMs: 20_000 });
}, 60_000);
afterAll(async () => {
  await world?.stop();
});

interface Reader {
  who: Who;
  tenant: TenantName;
}
const describeReader = ({ who, tenant }: Reader) => `${who} reading customer ${tenant}`;
/** Partner principals that see IP addresses cut to their last two segments. */
const MASKED_READERS: Reader[] = [
  { who: 'partnerAdmin', tenant: 'A' },
  { who: 'partnerViewer', tenant: 'A' },
  { who: 'apiClient', tenant: 'A' },
];
/** Every kind of partner principal, administrator access included. */
const PARTNER_READERS: Reader[] = [
  ...MASKED_READERS,
  { who: 'partnerAdmin', tenant: 'B' },
  { who: 'partnerViewer', tenant: 'B' },
];

/** Every path from a query to a Device, each under its own alias; `{{D}}` is the selection on the device. */
const DEVICE_PATHS: Record<string, string> = {
  field: 'organization(id: $id) { devices { nodes { {{D}} } } }',
  alias: 'organization(id: $id) { aliased: devices { nodes { {{ALIASED}} } } }',
  fragmentSpread: 'organization(id: $id) { devices { nodes { ...Selected } } }',
  inlineFragment: 'organization(id: $id) { devices { nodes { ... on Device { {{D}} } } } }',
  components: 'organization(id: $id) { devices { nodes { components { {{D}} } } } }',
  parent: 'organization(id: $id) { devices { nodes { parent { {{D}} } } } }',
  sensorDevice: 'organization(id: $id) { devices { nodes { sensors { device { {{D}} } } } } }',
  locationDevices: 'organization(id: $id) { locations { children { children { devices { {{D}} } } } } }',
  incidentDevice: 'organization(id: $id) { incidents { nodes { device { {{D}} } } } }',
  upsHealthDevice: 'organization(id: $id) { assessment(month: $month) { upsHealth { device { {{D}} } } } }',
  inventoryFeed: 'inventoryChanges(first: 500) { changes { device { {{D}} } } }',
  incidentFeed: 'incidentChanges(first: 500) { changes { incident { device { {{D}} } } } }',
};
const pathQuery = (path: string, selection: string, aliased: string) => {
  const root = (DEVICE_PATHS[path] ?? '').replaceAll('{{D}}', selection).replaceAll('{{ALIASED}}', aliased);
  // GraphQL refuses variables and fragments a document declares but does not use.
  const variables = [root.includes('$id') ? '$id: ID!' : '', root.includes('$month') ? '$month: String!' : ''].filter(Boolean).join(', ');
  const fragment = root.includes('...Selected') ? `fragment Selected on Device { ${selection} }` : '';
  return `query Path${variables ? `(${variables})` : ''} { ${root} } ${fragment}`;
};
const viaPath = (reader: Reader, path: string, selection: string, aliased = selection) => {
  const query = pathQuery(path, selection, aliased);
  const variables = { id: world.tenants[reader.tenant].organization.id, month: world.month };
  return world.query(reader.who, query, Object.fromEntries(Object.entries(variables).filter(([name]) => query.includes(`$${name}`))));
};

/** Every object in `value` that has an `id`, with the value of `key` in it. */
function devicesIn(value: unknown, key: string): { id: string; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item) => devicesIn(item, key));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.id === 'string' && key in record ? [{ id: record.id, value: record[key] }] : [];
  return [...own, ...Object.values(record).flatMap((child) => devicesIn(child, key))];
}
/** What a partner with read-only access sees of each of the tenant's devices' addresses. */
const maskedAddresses = (tenant: Tenant): Record<string, string | null> => ({
  [tenant.devices.ups.id]: MASKED.ups,
  [tenant.devices.pdu.id]: MASKED.pdu,
  [tenant.devices.batteryModule.id]: null,
});
const expectNone = (text: string, secrets: readonly string[]) => {
  for (const secret of secrets) expect(text).not.toContain(secret);
};

describe('IP addresses beyond their last two segments', () => {
  it.each(MASKED_READERS.map((reader) => [describeReader(reader), reader] as const))(
    'stay hidden from %s on every path: field, alias, fragments, components, parent, sensors, locations, incidents, UPS health, change feeds',
    async (_reader, reader) => {
      const tenant = world.tenants[reader.tenant];
      const expected = maskedAddresses(tenant);
      for (const path of Object.keys(DEVICE_PATHS)) {
        const response = await viaPath(reader, path, 'id ipAddress', 'id address: ipAddress');
        expect({ path, errors: response.body.errors }).toEqual({ path, errors: undefined });
        const seen = devicesIn(response.body.data, path === 'alias' ? 'address' : 'ipAddress').filter((device) => device.id in expected);
        expect({ path, seen: seen.length > 0 }).toEqual({ path, seen: true });
        for (const device of seen) expect({ path, ...device }).toEqual({ path, id: device.id, value: expected[device.id] });
        expectNone(JSON.stringify(response.body), tenant.secrets.addresses);
      }
    },
  );

  it.each(MASKED_READERS.map((reader) => [describeReader(reader), reader] as const))(
    'stay hidden from %s through _entities, on the field, an alias, a fragment spread and an inline fragment',
    async (_reader, reader) => {
      const tenant = world.tenants[reader.tenant];
      const response = await world.entities<Record<string, unknown>>(
        'device-telemetry',
        reader.who,
        [
          { __typename: 'Device', id: tenant.devices.ups.id },
          { __typename: 'Device', id: tenant.devices.pdu.id },
        ],
        '... on Device { ipAddress alias: ipAddress ...Address ... on Device { inline: ipAddress } components { ipAddress } }',
        'fragment Address on Device { spread: ipAddress }',
      );
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?._entities).toEqual([
        { ipAddress: MASKED.ups, alias: MASKED.ups, spread: MASKED.ups, inline: MASKED.ups, components: [{ ipAddress: null }] },
        { ipAddress: MASKED.pdu, alias: MASKED.pdu, spread: MASKED.pdu, inline: MASKED.pdu, components: [] },
      ]);
    },
  );

  it.each(MASKED_READERS.map((reader) => [describeReader(reader), reader] as const))(
    'cannot be probed by %s by filtering or ordering by IP address: IP_ADDRESS_HIDDEN, and no device',
    async (_reader, reader) => {
      const tenant = world.tenants[reader.tenant];
      const probes: [string, Record<string, unknown>][] = [
        ['the network the UPS is in', { filter: { ipNetwork: `10.${reader.tenant === 'A' ? 1 : 2}.113.0/24` } }],
        ['a single guessed address', { filter: { ipNetwork: `${tenant.devices.ups.ipAddress}/32` } }],
        ['ordering by address', { orderBy: 'IP_ADDRESS' }],
        ['both, on an aliased list', { filter: { ipNetwork: '10.0.0.0/8' }, orderBy: 'IP_ADDRESS' }],
      ];
      for (const [probe, variables] of probes) {
        const response = await world.query(
          reader.who,
          'query ($id: ID!, $filter: DeviceFilter, $orderBy: DeviceOrder) { organization(id: $id) { probe: devices(filter: $filter, orderBy: $orderBy) { nodes { id name } } } }',
          { id: tenant.organization.id, ...variables },
        );
        expect({ probe, codes: errorCodes(response) }).toEqual({ probe, codes: ['IP_ADDRESS_HIDDEN'] });
        expect(response.body.data).toEqual({ organization: { probe: null } });
      }
      const direct = await world.entities(
        'device-telemetry',
        reader.who,
        [{ __typename: 'Organization', id: tenant.organization.id }],
        '... on Organization { devices(filter: { ipNetwork: "10.0.0.0/8" }) { nodes { id } } }',
      );
      expect(errorCodes(direct)).toEqual(['IP_ADDRESS_HIDDEN']);
      expect(direct.body.data?._entities).toEqual([{ devices: null }]);
    },
  );

  it('(the control: a partner with administrator access sees them in full and may filter by them)', async () => {
    const { B } = world.tenants;
    const response = await world.query<{ organization: { devices: { nodes: { ipAddress: string }[] } } }>(
      'partnerAdmin',
      'query ($id: ID!) { organization(id: $id) { devices(filter: { ipNetwork: "10.2.113.0/24" }) { nodes { ipAddress } } } }',
      { id: B.organization.id },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.organization.devices.nodes).toEqual([{ ipAddress: B.devices.ups.ipAddress }]);
  });
});

describe('applications and jobs on equipment', () => {
  const SOFTWARE = 'id applications { name version } jobs { name schedule lastStatus }';

  it.each(PARTNER_READERS.map((reader) => [describeReader(reader), reader] as const))(
    'are refused to %s on every path, FORBIDDEN, and no name of them is returned',
    async (_reader, reader) => {
      const tenant = world.tenants[reader.tenant];
      const allSoftware = Object.values(world.tenants).flatMap((each) => each.secrets.software);
      for (const path of Object.keys(DEVICE_PATHS)) {
        const response = await viaPath(reader, path, SOFTWARE, 'id hidden: applications { name } also: jobs { name }');
        const codes = errorCodes(response);
        expect({ path, refused: codes.length > 0 && codes.every((code) => code === 'FORBIDDEN') }).toEqual({ path, refused: true });
        expectNone(JSON.stringify(response.body), allSoftware);
      }
      const direct = await world.entities<Record<string, unknown>>(
        'device-telemetry',
        reader.who,
        [{ __typename: 'Device', id: tenant.devices.ups.id }],
        `... on Device { ${SOFTWARE} }`,
      );
      const [entity] = direct.body.data?._entities ?? [];
      expect([entity?.applications ?? null, entity?.jobs ?? null]).toEqual([null, null]);
      expect(new Set(errorCodes(direct))).toEqual(new Set(['FORBIDDEN']));
      expectNone(JSON.stringify(direct.body), allSoftware);
    },
  );

  it('(the control: the customer’s own viewer reads them)', async () => {
    const { A } = world.tenants;
    const response = await viaPath({ who: 'customerViewerA', tenant: 'A' }, 'field', SOFTWARE);
    expect(response.body.errors).toBeUndefined();
    const text = JSON.stringify(response.body);
    for (const name of A.secrets.software) expect(text).toContain(name);
  });
});

describe('unmonitored equipment', () => {
  const INVENTORY = /* GraphQL */ `
    query Inventory($id: ID!, $month: String!) {
      organization(id: $id) {
        deviceCount openIncidentCount
        devices { nodes { id name components { name } sensors { id } } }
        unmonitored: devices(filter: { monitored: false }) { nodes { id } }
        switches: devices(filter: { types: [NETWORK_SWITCH] }) { nodes { id } }
        locations { children { children { devices { name } } } }
        incidents { nodes { id message } }
        assessment(month: $month) { incidentsBySeverity { severity count } upsHealth { device { name } } }
      }
      inventoryChanges(first: 500) { changes { deviceId } }
      incidentChanges(first: 500) { changes { incidentId } }
    }
  `;
  interface Inventory {
    organization: {
      deviceCount: number;
      openIncidentCount: number;
      devices: { nodes: { id: string; name: string; components: { name: string }[]; sensors: { id: string }[] }[] };
      unmonitored: { nodes: unknown[] };
      switches: { nodes: unknown[] };
      locations: { children: { children: { devices: { name: string }[] }[] }[] }[];
      incidents: { nodes: { id: string }[] };
      assessment: { incidentsBySeverity: { severity: string; count: number }[]; upsHealth: { device: { name: string } }[] };
    };
    inventoryChanges: { changes: { deviceId: string }[] };
    incidentChanges: { changes: { incidentId: string }[] };
  }
  const MONITORED = ['Battery module', 'PDU', 'UPS'];

  const UNMONITORED_READERS: Reader[] = [
    { who: 'partnerAdmin', tenant: 'B' },
    { who: 'partnerViewer', tenant: 'A' },
    { who: 'apiClient', tenant: 'A' },
  ];

  it.each(UNMONITORED_READERS.map((reader) => [describeReader(reader), reader] as const))(
    'never exists for %s: not in lists, filters, components, sensors, locations, counts, incidents, assessments, change feeds or _entities',
    async (_reader, reader) => {
      const tenant = world.tenants[reader.tenant];
      const response = await world.query<Inventory>(reader.who, INVENTORY, { id: tenant.organization.id, month: world.month });
      expect(response.body.errors).toBeUndefined();
      const data = response.body.data as Inventory;
      const seen = data.organization;
      expect(seen.devices.nodes.map((device) => device.name)).toEqual(MONITORED);
      expect(seen.devices.nodes.find((device) => device.name === 'UPS')?.components).toEqual([{ name: 'Battery module' }]);
      expect(seen.devices.nodes.flatMap((device) => device.sensors.map((sensor) => sensor.id))).toEqual([tenant.sensors.upsLoad]);
      expect([seen.unmonitored.nodes, seen.switches.nodes]).toEqual([[], []]);
      expect(seen.locations[0]?.children[0]?.children[0]?.devices.map((device) => device.name)).toEqual(MONITORED);
      expect([seen.deviceCount, seen.openIncidentCount]).toEqual([MONITORED.length, 1]);
      expect(seen.incidents.nodes.map((incident) => incident.id)).toEqual([tenant.incidents.ups]);
      expect(seen.assessment.incidentsBySeverity).toEqual([
        { severity: 'INFO', count: 0 },
        { severity: 'WARNING', count: 0 },
        { severity: 'CRITICAL', count: 1 },
      ]);
      expect(seen.assessment.upsHealth).toEqual([{ device: { name: 'UPS' } }]);
      const hidden = [tenant.devices.switch.id, tenant.devices.networkCard.id, tenant.incidents.switch];
      expect(data.inventoryChanges.changes.map((change) => change.deviceId)).toContain(tenant.devices.ups.id);
      expect(data.incidentChanges.changes.map((change) => change.incidentId)).toContain(tenant.incidents.ups);
      expectNone(JSON.stringify(response.body), [...hidden, ...tenant.secrets.unmonitored]);

      const direct = await world.entities(
        'device-telemetry',
        reader.who,
        [
          { __typename: 'Device', id: tenant.devices.switch.id },
          { __typename: 'Device', id: tenant.devices.networkCard.id },
          { __typename: 'Sensor', id: tenant.sensors.switchTemperature },
          { __typename: 'Incident', id: tenant.incidents.switch },
        ],
        '... on Device { name serialNumber } ... on Sensor { type latest { value } } ... on Incident { message }',
      );
      expect(direct.body.errors).toBeUndefined();
      expect(direct.body.data?._entities).toEqual([null, null, null, null]);
    },
  );

  it('(the control: the customer’s own viewer sees it everywhere)', async () => {
    const { A } = world.tenants;
    const response = await world.query<Inventory>('customerViewerA', INVENTORY, { id: A.organization.id, month: world.month });
    expect(response.body.errors).toBeUndefined();
    const seen = response.body.data?.organization;
    expect(seen?.devices.nodes.map((device) => device.name)).toEqual(['Battery module', 'Network card', 'PDU', 'Switch', 'UPS']);
    expect([seen?.deviceCount, seen?.openIncidentCount, seen?.unmonitored.nodes.length]).toEqual([5, 2, 2]);
    const text = JSON.stringify(response.body);
    for (const id of [A.devices.switch.id, A.incidents.switch]) expect(text).toContain(id);
  });
});
