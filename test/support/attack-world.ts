import { randomUUID } from 'node:crypto';
import type { Principal, SubgraphName } from '@partnergraph/core';
import {
  seedDemoDevices,
  seedDemoIncidents,
  seedDemoLocations,
  seedDemoSoftware,
  type DemoDevice,
} from '@partnergraph/device-telemetry/demo-seed';
import { seedDemoGrants, seedDemoOrganizations, seedDemoUsers, type DemoOrganization, type DemoUser } from '@partnergraph/identity/demo-seed';
import { seedDemoSubscriptions, type DemoSubscriptionLicense } from '@partnergraph/subscriptions/demo-seed';
import { taggedOrganizations, testUser } from './fixtures';
import { postGraphQL, type GraphQLResponse } from './http';
import { startInProcessSupergraph, type InProcessSupergraph } from './in-process-supergraph';
import { gatewayHeaders } from './internal-tokens';

/**
 * The world the attack suite (test/security) attacks: one partner P with its
 * users and an API credential, another partner Q, and four customers:
 *
 *   A  granted P read-only and API device-data access (IP addresses: last two segments)
 *   B  granted P administrator access
 *   D  never granted P anything (Q's customer): the victim of cross-tenant attempts
 *   R  granted P administrator and API device-data access; tests revoke it
 *
 * Every customer has a site, a room and a rack, and in the rack a UPS (IPv4,
 * with a load sensor, an open critical incident, an application and a job)
 * with a monitored battery module and an unmonitored network card as
 * components, a PDU (IPv6) and an unmonitored switch (with a temperature
 * sensor and an open incident), and a licence. Each customer's addresses,
 * software and unmonitored equipment are spelt uniquely, so a leak shows.
 */

export type TenantName = 'A' | 'B' | 'D' | 'R';
type DeviceName = 'ups' | 'batteryModule' | 'networkCard' | 'pdu' | 'switch';
type Headers = Record<string, string>;

export interface Tenant {
  organization: DemoOrganization;
  locations: { site: string; room: string; rack: string };
  devices: Record<DeviceName, DemoDevice>;
  sensors: { upsLoad: string; switchTemperature: string };
  incidents: { ups: string; switch: string };
  license: DemoSubscriptionLicense;
  /** The names of the UPS's application and job, and the message of the switch's incident. */
  names: { application: string; job: string; switchIncident: string };
  admin: DemoUser;
  viewer: DemoUser;
  /** Text that must never reach a partner principal that may not see it. */
  secrets: {
    /** Beginnings of the full IP addresses, hidden from read-only partners and API clients. */
    addresses: string[];
    /** Names of the applications and jobs, hidden from every partner principal. */
    software: string[];
    /** Serial numbers and the incident of unmonitored equipment, hidden from every partner principal. */
    unmonitored: string[];
  };
}

export type Who =
  | 'anonymous'
  | 'customerAdminA'
  | 'customerViewerA'
  | 'customerAdminD'
  | 'customerAdminR'
  | 'partnerAdmin'
  | 'partnerAdminWithoutMfa'
  | 'partnerViewer'
  | 'otherPartnerAdmin'
  | 'apiClient'
  | 'collector'
  | 'operator';

export interface AttackWorld {
  supergraph: InProcessSupergraph;
  partner: DemoOrganization;
  otherPartner: DemoOrganization;
  tenants: Record<TenantName, Tenant>;
  /** P's API credential for every customer, created by P's admin; its token is `headers.apiClient`. */
  apiCredential: { id: string; clientId: string; clientSecret: string };
  /** The month the seeded incidents were raised in (YYYY-MM), for assessments. */
  month: string;
  principals: Record<Who, Principal>;
  headers: Record<Who, Headers>;
  /** A GraphQL request to the gateway as `who`. */
  query<T = Record<string, unknown>>(who: Who, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** A request straight at a subgraph, with the valid headers the gateway would sign for `who`. */
  direct<T = Record<string, unknown>>(
    subgraph: SubgraphName,
    who: Who | Principal,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** `_entities` straight at a subgraph for `who`, with `representations` of the caller's choosing. */
  entities<T = Record<string, unknown>>(
    subgraph: SubgraphName,
    who: Who | Principal,
    representations: object[],
    selection: string,
    fragments?: string,
  ): Promise<GraphQLResponse<{ _entities: (T | null)[] }>>;
  /** A new, unredeemed IT Expert licence key, issued by a platform operator as the order system would. */
  issueLicenseKey(): Promise<string>;
  stop(): Promise<void>;
}

/** The TOTP secret of the partner's seeded users. */
const PARTNER_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The extension codes of a response's errors, in order. */
export const errorCodes = (response: GraphQLResponse<unknown>): unknown[] => (response.body.errors ?? []).map((error) => error.extensions?.code);

/** What partners with read-only access and API clients see of every tenant's UPS and PDU addresses. */
export const MASKED = { ups: 'x.x.113.45', pdu: 'x:x:x:x:x:x:370:7334' };

export async function startAttackWorld(): Promise<AttackWorld> {
  const supergraph = await startInProcessSupergraph();
  const { tag, organization } = taggedOrganizations();
  const partner = organization('Northwind', 'PARTNER');
  const otherPartner = organization('Litware', 'PARTNER');
  // A minute ago, but not before this month began: the current month's assessment holds the seeded incidents.
  const startOfMonth = new Date();
  startOfMonth.setUTCDate(1);
  startOfMonth.setUTCHours(0, 0, 0, 0);
  const raisedAt = new Date(Math.max(Date.now() - 60_000, startOfMonth.getTime()));
  const tenants: Record<TenantName, Tenant> = {
    A: tenant(organization('Contoso'), 1, tag, raisedAt),
    B: tenant(organization('Fabrikam'), 2, tag, raisedAt),
    D: tenant(organization('Woodgrove'), 4, tag, raisedAt),
    R: tenant(organization('Tailspin'), 5, tag, raisedAt),
  };
  const people = {
    partnerAdmin: testUser(`admin-${tag}@northwind.example`, partner.id, 'ADMIN', PARTNER_TOTP_SECRET),
    partnerViewer: testUser(`viewer-${tag}@northwind.example`, partner.id, 'VIEWER', PARTNER_TOTP_SECRET),
    otherPartnerAdmin: testUser(`admin-${tag}@litware.example`, otherPartner.id, 'ADMIN', PARTNER_TOTP_SECRET),
  };
  const all = Object.values(tenants);

  const identity = supergraph.subgraphs.identity.database;
  await seedDemoOrganizations(identity, [partner, otherPartner, ...all.map((each) => each.organization)]);
  await seedDemoUsers(identity, [...Object.values(people), ...all.flatMap((each) => [each.admin, each.viewer])]);
  await seedDemoGrants(identity, [
    { customerOrganizationId: tenants.A.organization.id, partnerOrganizationId: partner.id, administrator: false, apiDeviceData: true },
    { customerOrganizationId: tenants.B.organization.id, partnerOrganizationId: partner.id, administrator: true, apiDeviceData: false },
    { customerOrganizationId: tenants.R.organization.id, partnerOrganizationId: partner.id, administrator: true, apiDeviceData: true },
    { customerOrganizationId: tenants.D.organization.id, partnerOrganizationId: otherPartner.id, administrator: false, apiDeviceData: false },
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
    all.flatMap(({ organization: owner, devices, incidents, names }) => [
      {
        id: incidents.ups,
        organizationId: owner.id,
        deviceId: devices.ups.id,
        severity: 'CRITICAL' as const,
        message: 'UPS on battery',
        raisedAt,
        clearedAt: null,
        reactivationCount: 0,
      },
      {
        id: incidents.switch,
        organizationId: owner.id,
        deviceId: devices.switch.id,
        severity: 'WARNING' as const,
        message: names.switchIncident,
        raisedAt,
        clearedAt: null,
        reactivationCount: 0,
      },
    ]),
  );
  await seedDemoSoftware(telemetry, {
    applications: all.map(({ organization: owner, devices, names }) => ({
      id: randomUUID(),
      organizationId: owner.id,
      deviceId: devices.ups.id,
      name: names.application,
      version: '5.1',
    })),
    jobs: all.map(({ organization: owner, devices, names }) => ({
      id: randomUUID(),
      organizationId: owner.id,
      deviceId: devices.ups.id,
      name: names.job,
      schedule: '0 3 * * 0',
      lastRunAt: raisedAt,
      lastStatus: 'SUCCEEDED' as const,
    })),
  });
  await seedDemoSubscriptions(supergraph.subgraphs.subscriptions.database, all.map((each) => each.license));

  const partnerAdmin = userPrincipal(people.partnerAdmin, true);
  const apiCredential = await createApiCredential(supergraph, await bearerFor(supergraph, partnerAdmin));
  const principals: Record<Who, Principal> = {
    anonymous: { kind: 'anonymous' },
    customerAdminA: userPrincipal(tenants.A.admin, false),
    customerViewerA: userPrincipal(tenants.A.viewer, false),
    customerAdminD: userPrincipal(tenants.D.admin, false),
    customerAdminR: userPrincipal(tenants.R.admin, false),
    partnerAdmin,
    partnerAdminWithoutMfa: userPrincipal(people.partnerAdmin, false),
    partnerViewer: userPrincipal(people.partnerViewer, true),
    otherPartnerAdmin: userPrincipal(people.otherPartnerAdmin, true),
    apiClient: { kind: 'api-client', clientId: apiCredential.clientId, partnerOrganizationId: partner.id },
    collector: { kind: 'collector', collectorId: `collector-${tag}` },
    operator: { kind: 'operator', operatorId: `support-${tag}` },
  };
  const headers = {} as Record<Who, Headers>;
  for (const who of Object.keys(principals) as Who[]) {
    // The API client gets its token as a script does; everyone else as identity's sign-in would issue it.
    headers[who] =
      who === 'apiClient' ? { authorization: `Bearer ${await exchange(supergraph, apiCredential)}` } : await bearerFor(supergraph, principals[who]);
  }
  const query = <T>(who: Who, text: string, variables: Record<string, unknown> = {}) => supergraph.query<T>(text, variables, headers[who]);

  const recorded = await query<{ recordReadings: { recorded: number } }>(
    'collector',
    'mutation Record($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded } }',
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

  const principalOf = (who: Who | Principal): Principal => (typeof who === 'string' ? principals[who] : who);
  const direct = async <T>(subgraph: SubgraphName, who: Who | Principal, text: string, variables: Record<string, unknown> = {}) =>
    postGraphQL<T>(
      supergraph.subgraphs[subgraph].url,
      { query: text, variables },
      await gatewayHeaders(supergraph.keys.privateKeyPem, subgraph, principalOf(who)),
    );
  return {
    supergraph,
    partner,
    otherPartner,
    tenants,
    apiCredential,
    month: raisedAt.toISOString().slice(0, 7),
    principals,
    headers,
    query,
    direct,
    entities: <T>(subgraph: SubgraphName, who: Who | Principal, representations: object[], selection: string, fragments = '') =>
      direct<{ _entities: (T | null)[] }>(
        subgraph,
        who,
        `query Entities($r: [_Any!]!) { _entities(representations: $r) { ${selection} } } ${fragments}`,
        { r: representations },
      ),
    async issueLicenseKey() {
      const issued = await query<{ issueLicenseKey: { key: string } }>(
        'operator',
        'mutation { issueLicenseKey(product: "IT Expert", termMonths: 12, deviceAllowance: 10, installerEmails: ["it@example.com"]) { key } }',
      );
      const key = issued.body.data?.issueLicenseKey.key;
      if (!key) throw new Error(`the operator could not issue a licence key: ${JSON.stringify(issued.body)}`);
      return key;
    },
    stop: () => supergraph.stop(),
  };
}

function tenant(owner: DemoOrganization, n: number, tag: string, raisedAt: Date): Tenant {
  const locations = { site: randomUUID(), room: randomUUID(), rack: randomUUID() };
  const ups = randomUUID();
  const device = (
    name: string,
    type: DemoDevice['type'],
    ipAddress: string | null,
    extra: Partial<DemoDevice> = {},
  ): DemoDevice => ({
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
  const devices: Record<DeviceName, DemoDevice> = {
    ups: device('UPS', 'UPS', `10.${n}.113.45`, { id: ups, sensors: [{ id: sensors.upsLoad, type: 'LOAD', unit: '%' }] }),
    batteryModule: device('Battery module', 'OTHER', null, { parentDeviceId: ups }),
    networkCard: device('Network card', 'OTHER', `10.${n}.113.46`, { parentDeviceId: ups, monitored: false }),
    pdu: device('PDU', 'PDU', `2001:db8:${n}::8a2e:370:7334`),
    switch: device('Switch', 'NETWORK_SWITCH', `10.${n}.113.99`, {
      monitored: false,
      sensors: [{ id: sensors.switchTemperature, type: 'TEMPERATURE', unit: '°C' }],
    }),
  };
  const emailDomain = `${owner.name.split(' ')[0]?.toLowerCase()}-${tag}.example`;
  const names = { application: `PowerChute ${tag}-${n}`, job: `Battery self-test ${tag}-${n}`, switchIncident: `Switch port down ${tag}-${n}` };
  return {
    organization: owner,
    locations,
    devices,
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
    names,
    admin: testUser(`admin@${emailDomain}`, owner.id, 'ADMIN'),
    viewer: testUser(`viewer@${emailDomain}`, owner.id, 'VIEWER'),
    secrets: {
      addresses: [`10.${n}.113.`, `2001:db8:${n}:`],
      software: [names.application, names.job],
      unmonitored: [devices.switch.serialNumber, devices.networkCard.serialNumber, names.switchIncident],
    },
  };
}

function userPrincipal(user: DemoUser, mfa: boolean): Principal {
  return { kind: 'user', userId: user.id, organizationId: user.organizationId, role: user.role, mfa };
}

/** Authorization headers as identity would issue them for `principal` (none for the anonymous caller). */
async function bearerFor(supergraph: InProcessSupergraph, principal: Principal): Promise<Headers> {
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

async function createApiCredential(supergraph: InProcessSupergraph, partnerAdmin: Headers) {
  const created = await supergraph.query<{ createApiCredential: { clientSecret: string; credential: { id: string; clientId: string } } }>(
    'mutation Create($name: String!) { createApiCredential(name: $name) { clientSecret credential { id clientId } } }',
    { name: 'Attack suite' },
    partnerAdmin,
  );
  const answer = created.body.data?.createApiCredential;
  if (!answer) throw new Error(`the partner admin could not create an API credential: ${JSON.stringify(created.body)}`);
  return { id: answer.credential.id, clientId: answer.credential.clientId, clientSecret: answer.clientSecret };
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
