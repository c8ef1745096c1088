import { randomUUID } from 'node:crypto';
import { errorCodes, startAttackWorld, type AttackWorld, type Tenant, type Who } from '../support/attack-world';
import type { GraphQLResponse } from '../support/http';
import { waitFor } from '../support/wait-for';

/*
 * Attacks across tenants: a partner or a customer reaching data of a customer
 * that did not grant it access, by guessing ids on every root and nested
 * field the gateway exposes, by asking for many at once with aliases, by
 * sending representations of its choosing straight to the subgraphs (with a
 * valid internal token) and by forging the fields of those representations;
 * and a revoked partner or API credential on the very next request.
 *
 * D is the victim: it granted the partner nothing (it is another partner's
 * customer). R's grant and the API credential are revoked by the last tests.
 */

let world: AttackWorld;

beforeAll(async () => {
  world = await startAttackWorld();
}, 60_000);
afterAll(async () => {
  await world?.stop();
});

const ORGANIZATION = /* GraphQL */ `
  query Organization($id: ID!) {
    organization(id: $id) {
      id name
      devices { nodes { id name ipAddress } }
      deviceCount openIncidentCount
      locations { id name }
      incidents { nodes { id message } }
      subscriptions { id product }
    }
  }
`;
/** Every id, name and serial number of a tenant's: none may appear in a response to someone it did not grant. */
const traces = (tenant: Tenant): string[] => [
  tenant.organization.id,
  tenant.organization.name,
  tenant.license.id,
  ...Object.values(tenant.locations),
  ...Object.values(tenant.devices).flatMap((device) => [device.id, device.serialNumber]),
  ...Object.values(tenant.sensors),
  ...Object.values(tenant.incidents),
  ...tenant.secrets.addresses,
  ...tenant.secrets.software,
  ...tenant.secrets.unmonitored,
];
const expectNoTraceOf = (tenant: Tenant, response: GraphQLResponse<unknown>) => {
  const text = JSON.stringify(response.body);
  for (const trace of traces(tenant)) expect(text).not.toContain(trace);
};
const listedIds = async (who: Who): Promise<string[]> => {
  const response = await world.query<{ organizations: { nodes: { id: string }[] } }>(who, '{ organizations(first: 100) { nodes { id } } }');
  expect(response.body.errors).toBeUndefined();
  return (response.body.data?.organizations.nodes ?? []).map((node) => node.id).sort();
};
const idsOf = (...tenants: { id: string }[]) => tenants.map((each) => each.id).sort();

describe('cross-tenant reads through the gateway', () => {
  it('a partner reading a customer that never granted it access gets null, exactly as for an id that does not exist', async () => {
    const { D } = world.tenants;
    const victim = await world.query('partnerAdmin', ORGANIZATION, { id: D.organization.id });
    const nobody = await world.query('partnerAdmin', ORGANIZATION, { id: randomUUID() });
    expect(victim.status).toBe(200);
    expect(victim.body).toEqual({ data: { organization: null } });
    expect(victim.body).toEqual(nobody.body);
    expectNoTraceOf(D, victim);
  });

  it('a customer reading another customer gets null, even one that granted the same partner', async () => {
    for (const other of [world.tenants.B, world.tenants.D]) {
      const response = await world.query('customerAdminA', ORGANIZATION, { id: other.organization.id });
      expect(response.body).toEqual({ data: { organization: null } });
      expectNoTraceOf(other, response);
    }
  });

  it('organizations lists no customer that did not grant the caller, for every kind of principal', async () => {
    const { A, B, R } = world.tenants;
    expect(await listedIds('partnerAdmin')).toEqual(idsOf(world.partner, A.organization, B.organization, R.organization));
    expect(await listedIds('partnerViewer')).toEqual(idsOf(world.partner, A.organization, B.organization, R.organization));
    expect(await listedIds('apiClient')).toEqual(idsOf(A.organization, R.organization));
    expect(await listedIds('customerViewerA')).toEqual(idsOf(A.organization));
    expect(await listedIds('otherPartnerAdmin')).toEqual(idsOf(world.otherPartner, world.tenants.D.organization));
    expect(await listedIds('collector')).toEqual([]);
    expect(await listedIds('anonymous')).toEqual([]);
  });

  it('guessed ids asked many at a time through aliases, in every spelling and of every type, all come back null', async () => {
    const { D } = world.tenants;
    const id = D.organization.id;
    const guesses = {
      victim: id,
      upperCase: id.toUpperCase(),
      withoutHyphens: id.replace(/-/g, ''),
      inBraces: `{${id}}`,
      aDeviceId: D.devices.ups.id,
      otherPartner: world.otherPartner.id,
      unknown: randomUUID(),
      injection: `${id}' OR '1'='1`,
    };
    const aliases = Object.keys(guesses)
      .map((alias) => `${alias}: organization(id: $${alias}) { ...Everything }`)
      .join('\n');
    const variables = Object.keys(guesses).map((alias) => `$${alias}: ID!`).join(', ');
    const response = await world.query(
      'partnerAdmin',
      `query Guesses(${variables}) { ${aliases} }
       fragment Everything on Organization { id name devices { nodes { id ipAddress } } locations { id } subscriptions { id } }`,
      guesses,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual(Object.fromEntries(Object.keys(guesses).map((alias) => [alias, null])));
    expectNoTraceOf(D, response);
  });

  it('another tenant’s location id in a device filter matches nothing', async () => {
    const { A, B, D } = world.tenants;
    const response = await world.query<{ organization: { devices: { nodes: unknown[] } } }>(
      'partnerAdmin',
      `query ($id: ID!, $victim: ID!, $granted: ID!) { organization(id: $id) {
         victim: devices(filter: { locationId: $victim }) { nodes { id } }
         granted: devices(filter: { locationId: $granted }) { nodes { id } } } }`,
      { id: A.organization.id, victim: D.locations.site, granted: B.locations.site },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ organization: { victim: { nodes: [] }, granted: { nodes: [] } } });
  });

  it('acknowledging a guessed incident id of another tenant is INCIDENT_NOT_FOUND, as for one that does not exist, and writes nothing', async () => {
    const ACKNOWLEDGE = 'mutation ($id: ID!) { acknowledgeIncident(incidentId: $id, note: "mine now") { id message } }';
    for (const [who, victim] of [
      ['partnerAdmin', world.tenants.D],
      ['customerAdminA', world.tenants.B],
    ] as const) {
      const response = await world.query(who, ACKNOWLEDGE, { id: victim.incidents.ups });
      const nobody = await world.query(who, ACKNOWLEDGE, { id: randomUUID() });
      expect(errorCodes(response)).toEqual(['INCIDENT_NOT_FOUND']);
      expect(response.body.data).toBeNull();
      expect(response.body.errors?.[0]?.message).toBe(nobody.body.errors?.[0]?.message);
      expectNoTraceOf(victim, response);
    }
    const acknowledged = await world.supergraph.subgraphs['device-telemetry'].database.dataSource.query(
      'SELECT id FROM telemetry.incident WHERE acknowledged_by IS NOT NULL',
    );
    expect(acknowledged).toEqual([]);
  });

  it('renewing, amending, redeeming or buying for another tenant’s licence or customer id is FORBIDDEN, and changes nothing', async () => {
    const { D } = world.tenants;
    const key = await world.issueLicenseKey();
    const licensesBefore = await world.supergraph.subgraphs.subscriptions.database.dataSource.query(
      'SELECT id, ends_on, device_allowance FROM subscriptions.subscription_license WHERE organization_id = $1',
      [D.organization.id],
    );
    const attempts: [string, Record<string, unknown>][] = [
      ['mutation ($s: ID!) { renewSubscription(subscriptionId: $s, months: 12, idempotencyKey: "renew-victim") { id } }', { s: D.license.id }],
      ['mutation ($s: ID!) { amendSubscription(subscriptionId: $s, addDevices: 5, idempotencyKey: "amend-victim") { id } }', { s: D.license.id }],
      [
        'mutation ($c: ID!, $k: String!, $d: String!) { redeemLicenseKey(customerId: $c, key: $k, startDate: $d) { id } }',
        { c: D.organization.id, k: key, d: new Date().toISOString().slice(0, 10) },
      ],
      [
        `mutation ($c: ID!, $d: String!) { activateSubscription(customerId: $c, product: "IT Expert", deviceAllowance: 5, months: 1,
           startDate: $d, installerEmails: ["it@example.com"], idempotencyKey: "buy-victim") { id } }`,
        { c: D.organization.id, d: new Date().toISOString().slice(0, 10) },
      ],
    ];
    for (const [mutation, variables] of attempts) {
      const response = await world.query('partnerAdmin', mutation, variables);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.body.data).toBeNull();
    }
    const licensesAfter = await world.supergraph.subgraphs.subscriptions.database.dataSource.query(
      'SELECT id, ends_on, device_allowance FROM subscriptions.subscription_license WHERE organization_id = $1',
      [D.organization.id],
    );
    expect(licensesAfter).toEqual(licensesBefore);
    // The key was not spent: the victim's own admin still redeems it.
    const own = await world.query('customerAdminD', 'mutation ($c: ID!, $k: String!, $d: String!) { redeemLicenseKey(customerId: $c, key: $k, startDate: $d) { id } }', {
      c: D.organization.id,
      k: key,
      d: new Date().toISOString().slice(0, 10),
    });
    expect(own.body.errors).toBeUndefined();
  });

  it('an API credential scoped to a customer that did not grant the partner is refused, and none is created', async () => {
    const count = async () =>
      (await world.supergraph.subgraphs.identity.database.dataSource.query<{ count: number }[]>('SELECT count(*)::int AS count FROM identity.api_credential'))[0]?.count;
    const before = await count();
    const response = await world.query('partnerAdmin', 'mutation ($c: [ID!]) { createApiCredential(name: "Stolen", customerIds: $c) { clientSecret } }', {
      c: [world.tenants.D.organization.id],
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.data).toBeNull();
    expect(await count()).toBe(before);
  });

  it('another partner’s admin revoking the partner’s API credential by its id gets NOT_FOUND, and the credential keeps working', async () => {
    const response = await world.query('otherPartnerAdmin', 'mutation ($id: ID!) { revokeApiCredential(id: $id) { revokedAt } }', { id: world.apiCredential.id });
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(response.body.data).toBeNull();
    expect(await listedIds('apiClient')).toContain(world.tenants.A.organization.id);
  });

  it('a customer admin ending another customer’s grant by naming that customer’s partner gets NOT_FOUND, and the grant stands', async () => {
    const response = await world.query('customerAdminA', 'mutation ($p: ID!) { revokePartnerAccess(partnerOrganizationId: $p) }', { p: world.otherPartner.id });
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(await listedIds('otherPartnerAdmin')).toContain(world.tenants.D.organization.id);
  });

  it('the change feeds carry no change of a customer that did not grant the caller', async () => {
    const { A, D } = world.tenants;
    const feed = async (who: Who, field: 'inventoryChanges' | 'incidentChanges', entity: 'deviceId' | 'incidentId') => {
      const response = await world.query<Record<string, { changes: Record<string, string>[] }>>(who, `{ ${field}(first: 500) { changes { ${entity} } } }`);
      expect(response.body.errors).toBeUndefined();
      return (response.body.data?.[field]?.changes ?? []).map((change) => change[entity]);
    };
    // A change shows once every older transaction has ended: wait until the seeded ones do.
    const seeded = async () => ((await feed('partnerAdmin', 'inventoryChanges', 'deviceId')).includes(A.devices.ups.id) ? true : undefined);
    await waitFor('the seeded changes in the feed', seeded, { timeoutMs: 20_000 });
    for (const who of ['partnerAdmin', 'apiClient', 'customerAdminA'] as const) {
      const devices = await feed(who, 'inventoryChanges', 'deviceId');
      const incidents = await feed(who, 'incidentChanges', 'incidentId');
      expect(devices).toContain(A.devices.ups.id);
      expect(incidents).toContain(A.incidents.ups);
      for (const victim of Object.values(D.devices)) expect(devices).not.toContain(victim.id);
      for (const victim of Object.values(D.incidents)) expect(incidents).not.toContain(victim);
    }
  });
});

describe('_entities sent straight to the subgraphs with a valid internal token for the partner', () => {
  const telemetryReferences = (tenant: Tenant) => [
    { __typename: 'Device', id: tenant.devices.ups.id },
    { __typename: 'Sensor', id: tenant.sensors.upsLoad },
    { __typename: 'Incident', id: tenant.incidents.ups },
    { __typename: 'Location', id: tenant.locations.site },
  ];
  const TELEMETRY_FIELDS = `
    ... on Device { id name ipAddress serialNumber }
    ... on Sensor { id type latest { value } device { id } }
    ... on Incident { id message device { id } }
    ... on Location { id name devices { id } }`;

  it('representations of another tenant’s Device, Sensor, Incident and Location resolve to null', async () => {
    const { D } = world.tenants;
    const response = await world.entities('device-telemetry', 'partnerAdmin', telemetryReferences(D), TELEMETRY_FIELDS);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?._entities).toEqual([null, null, null, null]);
    expectNoTraceOf(D, response);
  });

  it('another tenant’s Organization yields no devices, counts, locations, incidents or assessment: FORBIDDEN', async () => {
    const { D } = world.tenants;
    const response = await world.entities<Record<string, unknown>>(
      'device-telemetry',
      'partnerAdmin',
      [{ __typename: 'Organization', id: D.organization.id }],
      `... on Organization { devices { nodes { id } } deviceCount openIncidentCount locations { id } incidents { nodes { id } }
         assessment(month: "${world.month}") { incidentsBySeverity { count } } }`,
    );
    expect(response.body.data?._entities).toEqual([
      { devices: null, deviceCount: null, openIncidentCount: null, locations: null, incidents: null, assessment: null },
    ]);
    expect(new Set(errorCodes(response))).toEqual(new Set(['FORBIDDEN']));
    expectNoTraceOf(D, response);
  });

  it('another tenant’s organization, users and licences are null at identity and subscriptions', async () => {
    const { D } = world.tenants;
    const identity = await world.entities('identity', 'partnerAdmin', [
      { __typename: 'Organization', id: D.organization.id },
      { __typename: 'User', id: D.admin.id },
    ], '... on Organization { id name } ... on User { id email }');
    expect(identity.body.data?._entities).toEqual([null, null]);
    expect(JSON.stringify(identity.body)).not.toContain(D.admin.email);
    const subscriptions = await world.entities('subscriptions', 'partnerAdmin', [
      { __typename: 'SubscriptionLicense', id: D.license.id },
      { __typename: 'Organization', id: D.organization.id },
    ], '... on SubscriptionLicense { id product } ... on Organization { subscriptions { id } }');
    expect(subscriptions.body.data?._entities).toEqual([null, { subscriptions: null }]);
    expect(errorCodes(subscriptions)).toEqual(['FORBIDDEN']);
  });

  it('forged fields in a representation (organizationId, deviceId, monitored, ipAddress) are ignored: the stored row decides', async () => {
    const { A, D } = world.tenants;
    const response = await world.entities<Record<string, unknown>>(
      'device-telemetry',
      'partnerAdmin',
      [
        { __typename: 'Device', id: D.devices.ups.id, organizationId: A.organization.id, monitored: true },
        { __typename: 'Device', id: A.devices.switch.id, monitored: true },
        { __typename: 'Device', id: A.devices.ups.id, organizationId: A.organization.id, ipAddress: A.devices.ups.ipAddress },
        { __typename: 'Sensor', id: D.sensors.upsLoad, organizationId: A.organization.id, deviceId: A.devices.ups.id },
        { __typename: 'Sensor', id: A.sensors.switchTemperature, deviceId: A.devices.ups.id },
        { __typename: 'Incident', id: D.incidents.ups, organizationId: A.organization.id, deviceId: A.devices.ups.id },
        { __typename: 'Incident', id: A.incidents.switch, deviceId: A.devices.ups.id },
        { __typename: 'Location', id: D.locations.site, organizationId: A.organization.id },
      ],
      TELEMETRY_FIELDS,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?._entities).toEqual([
      null,
      null,
      { id: A.devices.ups.id, name: 'UPS', ipAddress: 'x.x.113.45', serialNumber: A.devices.ups.serialNumber },
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(JSON.stringify(response.body)).not.toContain(A.devices.ups.ipAddress ?? 'no address');
  });

  it('forged fields in representations at subscriptions and identity are ignored too', async () => {
    const { A, D } = world.tenants;
    const licence = await world.entities('subscriptions', 'partnerAdmin', [
      { __typename: 'SubscriptionLicense', id: D.license.id, organizationId: A.organization.id },
    ], '... on SubscriptionLicense { id product }');
    expect(licence.body.data?._entities).toEqual([null]);
    // A customer admin claiming the partner is a customer of theirs, to read its credentials and access history.
    const partner = await world.entities<Record<string, unknown>>('identity', 'customerAdminA', [
      { __typename: 'Organization', id: world.partner.id, kind: 'CUSTOMER' },
    ], '... on Organization { name apiCredentials { clientId } partnerAccessHistory { action } }');
    expect(partner.body.data?._entities).toEqual([{ name: world.partner.name, apiCredentials: null, partnerAccessHistory: null }]);
    expect(errorCodes(partner)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(JSON.stringify(partner.body)).not.toContain(world.apiCredential.clientId);
  });

  it('a batch of many guessed ids resolves every one to null', async () => {
    const { D } = world.tenants;
    const guesses = [
      ...Array.from({ length: 30 }, (_, index) => ({ __typename: ['Device', 'Sensor', 'Incident', 'Location'][index % 4], id: randomUUID() })),
      ...telemetryReferences(D),
      { __typename: 'Device', id: D.devices.switch.id },
      { __typename: 'Device', id: 'not-a-uuid' },
    ];
    const response = await world.entities('device-telemetry', 'partnerAdmin', guesses, TELEMETRY_FIELDS);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?._entities).toEqual(guesses.map(() => null));
  });
});

describe('revocation takes effect on the very next request', () => {
  it('a customer revokes the partner: on the next request the partner and its API client see nothing of it, on any path', async () => {
    const { R } = world.tenants;
    const deviceOfR = [{ __typename: 'Device', id: R.devices.ups.id }];
    const before = await world.entities('device-telemetry', 'partnerAdmin', deviceOfR, '... on Device { id }');
    expect(before.body.data?._entities).toEqual([{ id: R.devices.ups.id }]);
    expect(await listedIds('apiClient')).toContain(R.organization.id);

    const revoked = await world.query('customerAdminR', 'mutation ($p: ID!) { revokePartnerAccess(partnerOrganizationId: $p) }', { p: world.partner.id });
    expect(revoked.body).toEqual({ data: { revokePartnerAccess: true } });

    for (const who of ['partnerAdmin', 'partnerViewer', 'apiClient'] as const) {
      expect(await listedIds(who)).not.toContain(R.organization.id);
      const read = await world.query(who, ORGANIZATION, { id: R.organization.id });
      expect(read.body).toEqual({ data: { organization: null } });
      const devices = await world.entities('device-telemetry', who, [...deviceOfR, { __typename: 'Incident', id: R.incidents.ups }], '... on Device { id } ... on Incident { id }');
      expect(devices.body.data?._entities).toEqual([null, null]);
      const licence = await world.entities('subscriptions', who, [{ __typename: 'SubscriptionLicense', id: R.license.id }], '... on SubscriptionLicense { id }');
      expect(licence.body.data?._entities).toEqual([null]);
      const feed = await world.query(who, '{ inventoryChanges(first: 500) { changes { deviceId } } }');
      expect(JSON.stringify(feed.body)).not.toContain(R.devices.ups.id);
    }
  });

  it('a partner admin revokes the API credential: its token, still unexpired, reads nothing on the next request', async () => {
    const { A } = world.tenants;
    expect(await listedIds('apiClient')).toEqual([A.organization.id]);
    const revoked = await world.query('partnerAdmin', 'mutation ($id: ID!) { revokeApiCredential(id: $id) { revokedAt } }', { id: world.apiCredential.id });
    expect(revoked.body.errors).toBeUndefined();

    expect(await listedIds('apiClient')).toEqual([]);
    const read = await world.query('apiClient', ORGANIZATION, { id: A.organization.id });
    expect(read.body).toEqual({ data: { organization: null } });
    const devices = await world.entities('device-telemetry', 'apiClient', [{ __typename: 'Device', id: A.devices.ups.id }], '... on Device { id }');
    expect(devices.body.data?._entities).toEqual([null]);
  });
});
