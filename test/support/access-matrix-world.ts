import { randomUUID } from 'node:crypto';
import type { Principal } from '@partnergraph/core';
import { seedDemoDevices, seedDemoIncidents, seedDemoLocations, seedDemoSoftware, type DemoDevice } from '@partnergraph/device-telemetry/demo-seed';
import { seedDemoGrants, seedDemoOrganizations, seedDemoUsers, type DemoOrganization, type DemoUser } from '@partnergraph/identity/demo-seed';
import { seedDemoSubscriptions, type DemoSubscriptionLicense } from '@partnergraph/subscriptions/demo-seed';
import { taggedOrganizations, testUser } from './fixtures';
import type { GraphQLResponse } from './http';
import { startInProcessSupergraph, type InProcessSupergraph } from './in-process-supergraph';

/**
 * The world the access-matrix walk reads: a partner P, another partner Q and
 * three customers, each relation of the matrix present once:
 *
 *   A  granted P read-only and API device-data access
 *   B  granted P administrator access
 *   D  granted Q read-only access (a stranger to P)
 *
 * Every customer has a site, a room and a rack holding a UPS (IPv4, a load
 * sensor with a reading, an open incident, an application and a job) with a
 * battery module and an unmonitored network card as components, a PDU (IPv6)
 * and an unmonitored switch (a temperature sensor with a reading, an open
 * incident), and a licence. P's API credential covers every customer.
 */

export type CustomerName = 'A' | 'B' | 'D';
export type OrganizationName = CustomerName | 'P' | 'Q';
export type Who =
  | 'anonymous'
  | 'customerAdminA'
  | 'customerViewerA'
  | 'customerAdminD'
  | 'partnerAdmin'
  | 'partnerAdminWithoutMfa'
  | 'partnerViewer'
  | 'otherPartnerAdmin'
  | 'apiClient'
  | 'collector'
  | 'operator';

type DeviceName = 'ups' | 'batteryModule' | 'networkCard' | 'pdu' | 'switch';

export interface Customer {
  organization: DemoOrganization;
  locations: { site: string; room: string; rack: string };
  devices: Record<DeviceName, DemoDevice>;
  sensors: { upsLoad: string; switchTemperature: string };
  incidents: { ups: string; switch: string };
  license: DemoSubscriptionLicense;
  admin: DemoUser;
  viewer: DemoUser;
}

export interface AccessMatrixWorld {
  supergraph: InProcessSupergraph;
  organizations: Record<OrganizationName, DemoOrganization>;
  customers: Record<CustomerName, Customer>;
  /** P's and Q's users. */
  partnerUsers: { admin: DemoUser; viewer: DemoUser; otherAdmin: DemoUser };
  principals: Record<Who, Principal>;
  /** The month the seeded incidents and readings fall in (YYYY-MM). */
  month: string;
  query<T = Record<string, unknown>>(who: Who, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export async function startAccessMatrixWorld(): Promise<AccessMatrixWorld> {
  const supergraph = await startInProcessSupergraph();
  const { tag, organization } = taggedOrganizations();
  const raisedAt = new Date(Math.max(Date.now() - 60_000, Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1)));
  const customers: Record<CustomerName, Customer> = {
    A: customer(organization('Contoso', 'CUSTOMER'), 1, tag, raisedAt),
    B: customer(organization('Fabrikam', 'CUSTOMER'), 2, tag, raisedAt),
    D: customer(organization('Woodgrove', 'CUSTOMER'), 4, tag, raisedAt),
  };
  const organizations: Record<OrganizationName, DemoOrganization> = {
    P: organization('Northwind', 'PARTNER'),
    Q: organization('Litware', 'PARTNER'),
    A: customers.A.organization,
    B: customers.B.organization,
    D: customers.D.organization,
  };
  const partnerUsers = {
    admin: testUser(`admin-${tag}@northwind.example`, organizations.P.id, 'ADMIN'),
    viewer: testUser(`viewer-${tag}@northwind.example`, organizations.P.id, 'VIEWER'),
    otherAdmin: testUser(`admin-${tag}@litware.example`, organizations.Q.id, 'ADMIN'),
  };
  const all = Object.values(customers);

  const identity = supergraph.subgraphs.identity.database;
  await seedDemoOrganizations(identity, Object.values(organizations));
  await seedDemoUsers(identity, [...Object.values(partnerUsers), ...all.flatMap((each) => [each.admin, each.viewer])]);
  await seedDemoGrants(identity, [
    { customerOrganizationId: customers.A.organization.id, partnerOrganizationId: organizations.P.id, administrator: false, apiDeviceData: true },
    { customerOrganizationId: customers.B.organization.id, partnerOrganizationId: organizations.P.id, administrator: true, apiDeviceData: false },
    { customerOrganizationId: customers.D.organization.id, partnerOrganizationId: organizations.Q.id, administrator: false, apiDeviceData: false },
  ]);
  const telemetry = supergraph.subgraphs['device-telemetry'].database;
  await seedDemoLocations(
    telemetry,
    all.flatMap(({ organization: owner, locations }) => [
      { id: locations.site, organizationId: owner.id, parentId: null, kind: 'SITE' as const, name: 'Site' },
      { id: locations.room, organizationId: owner.id, parentId: locations.site, kind: 'ROOM' as const, name: 'Room' },
      { id: locations.rack, organizationId: owner.id, parentId: locations.room, kind: 'RACK' as const, name: 'Rack' },
    ]),
  );
  await seedDemoDevices(telemetry, all.flatMap((each) => Object.values(each.devices)));
  await seedDemoIncidents(
    telemetry,
    all.flatMap(({ organization: owner, devices, incidents }) => [
      { id: incidents.ups, organizationId: owner.id, deviceId: devices.ups.id, severity: 'CRITICAL' as const, message: 'UPS on battery', raisedAt, clearedAt: null, reactivationCount: 0 },
      { id: incidents.switch, organizationId: owner.id, deviceId: devices.switch.id, severity: 'WARNING' as const, message: 'Port down', raisedAt, clearedAt: null, reactivationCount: 0 },
    ]),
  );
  await seedDemoSoftware(telemetry, {
    applications: all.map(({ organization: owner, devices }) => ({ id: randomUUID(), organizationId: owner.id, deviceId: devices.ups.id, name: 'PowerChute', version: '5.1' })),
    jobs: all.map(({ organization: owner, devices }) => ({
      id: randomUUID(),
      organizationId: owner.id,
      deviceId: devices.ups.id,
      name: 'Battery self-test',
      schedule: '0 3 * * 0',
      lastRunAt: raisedAt,
      lastStatus: 'SUCCEEDED' as const,
    })),
  });
  await seedDemoSubscriptions(supergraph.subgraphs.subscriptions.database, all.map((each) => each.license));

  const user = (account: DemoUser, mfa: boolean): Principal => ({ kind: 'user', userId: account.id, organizationId: account.organizationId, role: account.role, mfa });
  const partnerAdmin = user(partnerUsers.admin, true);
  const principals: Record<Exclude<Who, 'apiClient'>, Principal> = {
    anonymous: { kind: 'anonymous' },
    customerAdminA: user(customers.A.admin, false),
    customerViewerA: user(customers.A.viewer, false),
    customerAdminD: user(customers.D.admin, false),
    partnerAdmin,
    partnerAdminWithoutMfa: user(partnerUsers.admin, false),
    partnerViewer: user(partnerUsers.viewer, true),
    otherPartnerAdmin: user(partnerUsers.otherAdmin, true),
    collector: { kind: 'collector', collectorId: `collector-${tag}` },
    operator: { kind: 'operator', operatorId: `support-${tag}` },
  };
  const headers = {} as Record<Who, Record<string, string>>;
  for (const [who, principal] of Object.entries(principals) as [Exclude<Who, 'apiClient'>, Principal][]) {
    headers[who] = await bearerFor(supergraph, principal);
  }
  const credential = await createApiCredential(supergraph, headers.partnerAdmin);
  headers.apiClient = { authorization: `Bearer ${await exchange(supergraph, credential)}` };
  const everyone: Record<Who, Principal> = {
    ...principals,
    apiClient: { kind: 'api-client', clientId: credential.clientId, partnerOrganizationId: organizations.P.id },
  };
  const query = <T>(who: Who, text: string, variables: Record<string, unknown> = {}) => supergraph.query<T>(text, variables, headers[who]);

  const recorded = await query<{ recordReadings: { recorded: number } }>(
    'collector',
    'mutation ($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded } }',
    {
      readings: all.flatMap(({ sensors }) => [
        { sensorId: sensors.upsLoad, at: raisedAt.toISOString(), value: 42 },
        { sensorId: sensors.switchTemperature, at: raisedAt.toISOString(), value: 23.5 },
      ]),
    },
  );
  if (recorded.body.data?.recordReadings.recorded !== all.length * 2) {
    throw new Error(`the collector could not record the seeded readings: ${JSON.stringify(recorded.body)}`);
  }
  return {
    supergraph,
    organizations,
    customers,
    partnerUsers,
    principals: everyone,
    month: raisedAt.toISOString().slice(0, 7),
    query,
    stop: () => supergraph.stop(),
  };
}

function customer(owner: DemoOrganization, n: number, tag: string, raisedAt: Date): Customer {
  const locations = { site: randomUUID(), room: randomUUID(), rack: randomUUID() };
  const ups = randomUUID();
  const device = (name: string, type: DemoDevice['type'], ipAddress: string | null, extra: Partial<DemoDevice> = {}): DemoDevice => ({
    id: randomUUID(),
    organizationId: owner.id,
    name,
    make: 'APC',
    model: `${name} model`,
    serialNumber: `SN-${tag}-${n}-${name.replace(/\s/g, '')}`,
    firmwareRevision: '1.0',
    ipAddress,
    type,
    monitored: true,
    sensors: [],
    locationId: locations.rack,
    ...extra,
  });
  const sensors = { upsLoad: randomUUID(), switchTemperature: randomUUID() };
  const emailDomain = `${owner.name.split(' ')[0]?.toLowerCase()}-${tag}.example`;
  return {
    organization: owner,
    locations,
    devices: {
      ups: device('UPS', 'UPS', `10.${n}.113.45`, { id: ups, sensors: [{ id: sensors.upsLoad, type: 'LOAD', unit: '%' }] }),
      batteryModule: device('Battery module', 'OTHER', null, { parentDeviceId: ups }),
      networkCard: device('Network card', 'OTHER', `10.${n}.113.46`, { parentDeviceId: ups, monitored: false }),
      pdu: device('PDU', 'PDU', `2001:db8:${n}::8a2e:370:7334`),
      switch: device('Switch', 'NETWORK_SWITCH', `10.${n}.113.99`, {
        monitored: false,
        sensors: [{ id: sensors.switchTemperature, type: 'TEMPERATURE', unit: '°C' }],
      }),
    },
    sensors,
    incidents: { ups: randomUUID(), switch: randomUUID() },
    license: {
      id: randomUUID(),
      organizationId: owner.id,
      product: 'IT Expert',
      deviceAllowance: 25,
      trial: false,
      startsOn: raisedAt.toISOString().slice(0, 10),
      endsOn: `${raisedAt.getUTCFullYear() + 1}-12-31`,
    },
    admin: testUser(`admin@${emailDomain}`, owner.id, 'ADMIN'),
    viewer: testUser(`viewer@${emailDomain}`, owner.id, 'VIEWER'),
  };
}

/** Authorization headers as identity would issue them for `principal` (none for the anonymous caller). */
async function bearerFor(supergraph: InProcessSupergraph, principal: Principal): Promise<Record<string, string>> {
  const { accessTokens } = supergraph;
  switch (principal.kind) {
    case 'anonymous':
      return {};
    case 'user':
      return { authorization: `Bearer ${(await accessTokens.issueForUser(principal)).accessToken}` };
    case 'api-client':
      return { authorization: `Bearer ${(await accessTokens.issueForApiClient(principal)).accessToken}` };
    case 'collector':
      return { authorization: `Bearer ${(await accessTokens.issueForCollector(principal)).accessToken}` };
    case 'operator':
      return { authorization: `Bearer ${(await accessTokens.issueForOperator(principal)).accessToken}` };
  }
}

async function createApiCredential(supergraph: InProcessSupergraph, partnerAdmin: Record<string, string>) {
  const created = await supergraph.query<{ createApiCredential: { clientSecret: string; credential: { clientId: string } } }>(
    'mutation { createApiCredential(name: "Access matrix walk") { clientSecret credential { clientId } } }',
    {},
    partnerAdmin,
  );
  const answer = created.body.data?.createApiCredential;
  if (!answer) throw new Error(`the partner admin could not create an API credential: ${JSON.stringify(created.body)}`);
  return { clientId: answer.credential.clientId, clientSecret: answer.clientSecret };
}

/** The OAuth 2.0 client credentials grant at the gateway, as a script does it. */
async function exchange(supergraph: InProcessSupergraph, credential: { clientId: string; clientSecret: string }): Promise<string> {
  const response = await fetch(new URL('/oauth/token', supergraph.gatewayUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: credential.clientId, client_secret: credential.clientSecret }).toString(),
  });
  const body = (await response.json()) as { access_token?: string };
  if (response.status !== 200 || !body.access_token) throw new Error(`the token endpoint answered ${response.status}: ${JSON.stringify(body)}`);
  return body.access_token;
}
