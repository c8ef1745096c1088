import { randomUUID } from 'node:crypto';
import type { Principal } from '@partnergraph/core';
import { seedDemoDevices, type DemoDevice, type DemoSensor } from '@partnergraph/device-telemetry/demo-seed';
import { seedDemoGrants, seedDemoOrganizations, seedDemoUsers, type DemoOrganization } from '@partnergraph/identity/demo-seed';
import { bearerHeaders, countStatements, seedWorld, taggedOrganizations, testUser } from '../support/fixtures';
import { postGraphQL, type GraphQLResponse } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { gatewayHeaders } from '../support/internal-tokens';
import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/operations';
import type { IncidentSeverity } from '../generated/operations/graphql';

/*
 * Incidents (issue #5), acknowledging them (the access matrix's "acknowledge
 * an incident" row) and monthly assessments, through the gateway.
 *
 * One partner P and three customers:
 *   C  granted P read-only access, and API device-data access
 *   F  granted P administrator access
 *   R  granted P administrator access, then revoked it
 * C has a monitored UPS and PDU and an unmonitored (old) UPS, with incidents on
 * all three and daily rollups for June 2025, whose assessment is worked out by
 * hand below.
 */

type Headers = Record<string, string>;
type Severity = 'INFO' | 'WARNING' | 'CRITICAL';

interface SeededIncident {
  id: string;
  organizationId: string;
  deviceId: string;
  severity: Severity;
  /** ISO 8601 with microseconds, as stored. */
  raisedAt: string;
  clearedAt: string | null;
}

interface SeenIncident {
  id: string;
  severity: Severity;
  raisedAt: string;
  clearedAt: string | null;
}

interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const errorCodes = (response: GraphQLResponse<unknown>): unknown[] => (response.body.errors ?? []).map((error) => error.extensions?.code);

const ORGANIZATION_INCIDENTS = graphql(`
  query TelemetryIncidentsIncidents($id: ID!, $first: Int, $after: String, $open: Boolean, $severities: [IncidentSeverity!]) {
    organization(id: $id) {
      incidents(first: $first, after: $after, open: $open, severities: $severities) {
        nodes { id severity raisedAt clearedAt }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);
const DEVICE_INCIDENTS = graphql(`
  query DeviceIncidents($id: ID!, $first: Int, $after: String, $open: Boolean) {
    organization(id: $id) {
      devices(first: 100) {
        nodes {
          id
          openIncidentCount
          incidents(first: $first, after: $after, open: $open) { nodes { id } pageInfo { hasNextPage endCursor } }
        }
      }
    }
  }
`);
const OPEN_COUNTS = graphql(`
  query OpenCounts($id: ID!) {
    organization(id: $id) { openIncidentCount devices(first: 100) { nodes { id openIncidentCount } } }
  }
`);
const INCIDENT_DETAIL = graphql(`
  query IncidentDetail($id: ID!) {
    organization(id: $id) {
      incidents(first: 100) {
        nodes { id message reactivationCount device { id name } acknowledgement { byUserId note at } }
      }
    }
  }
`);
const ACKNOWLEDGE = graphql(`
  mutation Acknowledge($incidentId: ID!, $note: String) {
    acknowledgeIncident(incidentId: $incidentId, note: $note) { id acknowledgement { byUserId note at } }
  }
`);
const ASSESSMENT = graphql(`
  query Assessment($id: ID!, $month: String!) {
    organization(id: $id) {
      assessment(month: $month) {
        month
        monitoringCoverage
        incidentsBySeverity { severity count }
        upsHealth { device { id name } score minBatteryRuntimeMinutes averageLoadPercent criticalIncidents }
      }
    }
  }
`);
const DASHBOARD = graphql(`
  query TelemetryIncidentsDashboard {
    organizations(first: 100) {
      nodes {
        id
        openIncidentCount
        devices(first: 100) { nodes { id openIncidentCount incidents(first: 2, open: true) { nodes { id severity device { id } } } } }
      }
    }
  }
`);
const ENTITIES = (selection: string) => `query Entities($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;

describe('incidents, acknowledging them, and monthly assessments', () => {
  let supergraph: InProcessSupergraph;

  const { tag, organization } = taggedOrganizations('INCIDENTS');
  const P = organization('Northwind', 'PARTNER');
  const C = organization('Contoso');
  const F = organization('Fabrikam');
  const R = organization('Litware');

  const sensor = (type: DemoSensor['type'], unit: string): DemoSensor => ({ id: randomUUID(), type, unit });
  const device = (owner: DemoOrganization, name: string, type: DemoDevice['type'], monitored: boolean, sensors: DemoSensor[] = []): DemoDevice => ({
    id: randomUUID(),
    organizationId: owner.id,
    name,
    make: 'APC',
    model: 'Smart-UPS',
    serialNumber: `SN-${randomUUID().slice(0, 8)}`,
    firmwareRevision: '1.0',
    ipAddress: '10.1.113.45',
    type,
    monitored,
    sensors,
  });
  const upsSensors = { runtime: sensor('BATTERY_RUNTIME', 'min'), load: sensor('LOAD', '%'), temperature: sensor('TEMPERATURE', '°C') };
  const pduLoad = sensor('LOAD', '%');
  const oldUpsRuntime = sensor('BATTERY_RUNTIME', 'min');
  const ups = device(C, 'C1 UPS', 'UPS', true, Object.values(upsSensors));
  const pdu = device(C, 'C2 PDU', 'RACK_PDU', true, [pduLoad]);
  const oldUps = device(C, 'C9 Old UPS', 'UPS', false, [oldUpsRuntime]);
  const upsF = device(F, 'F1 UPS', 'UPS', true);
  const switchF = device(F, 'F9 Switch', 'NETWORK_SWITCH', false);
  const upsR = device(R, 'R1 UPS', 'UPS', true);

  const incident = (on: DemoDevice, severity: Severity, raisedAt: string, clearedAt: string | null = null): SeededIncident => ({
    id: randomUUID(),
    organizationId: on.organizationId,
    deviceId: on.id,
    severity,
    raisedAt,
    clearedAt,
  });
  // Two incidents raised at the same microsecond: the id orders them, and the cursor keeps the microseconds.
  const SAME_INSTANT = '2025-06-10T12:00:00.123456Z';
  const incidents = {
    upsMay: incident(ups, 'INFO', '2025-05-31T23:59:00.000000Z', '2025-06-01T00:10:00.000000Z'),
    upsCriticalCleared: incident(ups, 'CRITICAL', '2025-06-03T08:00:00.000000Z', '2025-06-03T09:00:00.000000Z'),
    upsWarningOpen: incident(ups, 'WARNING', SAME_INSTANT),
    pduWarningCleared: incident(pdu, 'WARNING', SAME_INSTANT, '2025-06-10T13:00:00.000000Z'),
    pduInfoCleared: incident(pdu, 'INFO', '2025-06-15T00:00:00.000000Z', '2025-06-15T00:05:00.000000Z'),
    upsCriticalOpen: incident(ups, 'CRITICAL', '2025-06-20T00:00:00.000000Z'),
    pduJulyOpen: incident(pdu, 'INFO', '2025-07-01T00:00:00.000000Z'),
    oldUpsCriticalOpen: incident(oldUps, 'CRITICAL', '2025-06-05T00:00:00.000000Z'),
    oldUpsInfoCleared: incident(oldUps, 'INFO', '2025-06-06T00:00:00.000000Z', '2025-06-06T01:00:00.000000Z'),
    fOpen: incident(upsF, 'WARNING', '2025-06-01T00:00:00.000000Z'),
    fSwitchOpen: incident(switchF, 'CRITICAL', '2025-06-02T00:00:00.000000Z'),
    rOpen: incident(upsR, 'WARNING', '2025-06-03T00:00:00.000000Z'),
  };
  const ofC = Object.values(incidents).filter((seeded) => seeded.organizationId === C.id);
  const onUnmonitored = new Set([incidents.oldUpsCriticalOpen.id, incidents.oldUpsInfoCleared.id]);
  /** Newest first: raised_at descending, then id. */
  const newestFirst = (list: readonly SeededIncident[]) =>
    [...list].sort((a, b) => (a.raisedAt === b.raisedAt ? (a.id < b.id ? -1 : 1) : a.raisedAt < b.raisedAt ? 1 : -1));
  const seen = (seeded: SeededIncident): SeenIncident => ({
    id: seeded.id,
    severity: seeded.severity,
    raisedAt: new Date(seeded.raisedAt).toISOString(),
    clearedAt: seeded.clearedAt === null ? null : new Date(seeded.clearedAt).toISOString(),
  });

  const userIds = { customerAdmin: randomUUID(), customerViewer: randomUUID(), partnerAdmin: randomUUID(), partnerViewer: randomUUID() };
  const partnerAdminPrincipal: Principal = { kind: 'user', userId: userIds.partnerAdmin, organizationId: P.id, role: 'ADMIN', mfa: true };
  const adminP = testUser(`admin-${tag}@northwind.example`, P.id, 'ADMIN');
  const apiClientId = `pgc_incidents_${tag}`;
  const as: Record<'customerAdmin' | 'customerViewer' | 'partnerAdmin' | 'partnerViewer' | 'apiClient', Headers> = {
    customerAdmin: {},
    customerViewer: {},
    partnerAdmin: {},
    partnerViewer: {},
    apiClient: {},
  };

  const telemetry = () => supergraph.subgraphs['device-telemetry'].database.dataSource;

  /** A daily rollup of `sensorId` for the day starting at `day`, with `count` readings averaging `average`. */
  const dailyRollup = (owner: DemoOrganization, sensorId: string, day: string, values: { min: number; average: number; count: number }) => [
    owner.id,
    sensorId,
    `${day}T00:00:00Z`,
    values.min,
    values.average + 5,
    values.average * values.count,
    values.count,
    `${day}T23:55:00Z`,
    values.average,
  ];
  const juneDay = (day: number) => `2025-06-${String(day).padStart(2, '0')}`;
  const days = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    const identity = supergraph.subgraphs.identity.database;
    await seedDemoOrganizations(identity, [P, C, F, R]);
    await seedDemoUsers(identity, [adminP]);
    await identity.dataSource.query(
      `INSERT INTO identity.api_credential (partner_organization_id, name, client_id, secret_hash, created_by)
       VALUES ($1, 'Incident tests', $2, 'not-a-real-secret-hash', $3)`,
      [P.id, apiClientId, adminP.id],
    );
    await seedDemoGrants(identity, [
      { customerOrganizationId: C.id, partnerOrganizationId: P.id, administrator: false, apiDeviceData: true },
      { customerOrganizationId: F.id, partnerOrganizationId: P.id, administrator: true, apiDeviceData: false },
      { customerOrganizationId: R.id, partnerOrganizationId: P.id, administrator: true, apiDeviceData: true },
    ]);
    await identity.dataSource.query('UPDATE identity.partner_grant SET revoked_at = now() WHERE customer_organization_id = $1', [R.id]);

    await seedDemoDevices(supergraph.subgraphs['device-telemetry'].database, [ups, pdu, oldUps, upsF, switchF, upsR]);
    for (const seeded of Object.values(incidents)) {
      await telemetry().query(
        `INSERT INTO telemetry.incident (organization_id, id, device_id, severity, message, raised_at, cleared_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [seeded.organizationId, seeded.id, seeded.deviceId, seeded.severity, `${seeded.severity} alarm`, seeded.raisedAt, seeded.clearedAt],
      );
    }

    // June 2025, by hand (30 days: 8,640 five-minute intervals per sensor):
    //   C1 UPS battery runtime: every day 288 readings, lowest 20 min, but 9 min on the 12th.
    //   C1 UPS load: days 1-5 average 100 %, days 6-15 average 85 %, 288 readings a day: 388,800 / 4,320 = 90 %.
    //   C1 UPS temperature: nothing. C2 PDU load: days 16-30, 288 a day.
    //   Received 8,640 + 4,320 + 4,320 = 17,280 of 4 × 8,640 expected: coverage 0.5.
    //   Outside June (excluded): May 31st and July 1st, with a lower runtime and a higher load.
    //   C9 Old UPS (unmonitored): battery runtime every day, lowest 20 min; not part of the coverage.
    const rollups = [
      ...days(1, 30).map((day) => dailyRollup(C, upsSensors.runtime.id, juneDay(day), { min: day === 12 ? 9 : 20, average: 30, count: 288 })),
      ...days(1, 15).map((day) => dailyRollup(C, upsSensors.load.id, juneDay(day), { min: 50, average: day <= 5 ? 100 : 85, count: 288 })),
      ...days(16, 30).map((day) => dailyRollup(C, pduLoad.id, juneDay(day), { min: 10, average: 40, count: 288 })),
      ...days(1, 30).map((day) => dailyRollup(C, oldUpsRuntime.id, juneDay(day), { min: 20, average: 25, count: 288 })),
      dailyRollup(C, upsSensors.runtime.id, '2025-05-31', { min: 1, average: 10, count: 288 }),
      dailyRollup(C, upsSensors.runtime.id, '2025-07-01', { min: 2, average: 10, count: 288 }),
      dailyRollup(C, upsSensors.load.id, '2025-05-31', { min: 99, average: 120, count: 288 }),
      dailyRollup(C, upsSensors.load.id, '2025-07-01', { min: 99, average: 120, count: 288 }),
    ];
    await telemetry().query(
      `INSERT INTO telemetry.reading_daily (organization_id, sensor_id, bucket_start, min, max, sum, count, last_at, last_value)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::float8[], $5::float8[], $6::float8[], $7::int[],
                            $8::timestamptz[], $9::float8[])`,
      Array.from({ length: 9 }, (_, column) => rollups.map((row) => row[column])),
    );

    as.customerAdmin = await bearerHeaders(supergraph, { userId: userIds.customerAdmin, organizationId: C.id, role: 'ADMIN', mfa: false });
    as.customerViewer = await bearerHeaders(supergraph, { userId: userIds.customerViewer, organizationId: C.id, role: 'VIEWER', mfa: false });
    as.partnerAdmin = await bearerHeaders(supergraph, { userId: userIds.partnerAdmin, organizationId: P.id, role: 'ADMIN', mfa: true });
    as.partnerViewer = await bearerHeaders(supergraph, { userId: userIds.partnerViewer, organizationId: P.id, role: 'VIEWER', mfa: true });
    const { accessToken } = await supergraph.accessTokens.issueForApiClient({ clientId: apiClientId, partnerOrganizationId: P.id });
    as.apiClient = { authorization: `Bearer ${accessToken}` };
  }, 120_000);
  afterAll(async () => {
    await supergraph?.stop();
  });

  /** organization(id:).incidents with these arguments; fails the test on any error. */
  const incidentPage = async (headers: Headers, variables: VariablesOf<typeof ORGANIZATION_INCIDENTS>) => {
    const response = await supergraph.query(ORGANIZATION_INCIDENTS, variables, headers);
    expect(response.body.errors).toBeUndefined();
    const page = response.body.data?.organization?.incidents;
    if (!page) throw new Error('organization(id:).incidents is null for this caller');
    return page;
  };
  /** Every page of organization(id:).incidents, `first` at a time. */
  const allIncidents = async (headers: Headers, variables: Omit<VariablesOf<typeof ORGANIZATION_INCIDENTS>, 'first' | 'after'>, first: number) => {
    const pages: SeenIncident[][] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page<SeenIncident> = await incidentPage(headers, { ...variables, first, after });
      pages.push(page.nodes);
      if (!page.pageInfo.hasNextPage) return pages;
      after = page.pageInfo.endCursor;
    }
  };
  const entities = async <T>(principal: Principal, representations: object[], selection: string) =>
    postGraphQL<{ _entities: (T | null)[] }>(
      supergraph.subgraphs['device-telemetry'].url,
      { query: ENTITIES(selection), variables: { r: representations } },
      await gatewayHeaders(supergraph.keys.privateKeyPem, 'device-telemetry', principal),
    );
  const incidentRow = async (id: string) => {
    const [row] = await telemetry().query<Record<string, unknown>[]>('SELECT * FROM telemetry.incident WHERE organization_id = $1 AND id = $2', [
      Object.values(incidents).find((seeded) => seeded.id === id)?.organizationId,
      id,
    ]);
    return row;
  };

  describe('Organization.incidents', () => {
    it('lists them newest first (raised_at, then id) in pages of the size asked, with ISO 8601 instants', async () => {
      const expected = newestFirst(ofC).map(seen);
      const pages = await allIncidents(as.customerAdmin, { id: C.id }, 2);
      expect(pages.map((page) => page.length)).toEqual([2, 2, 2, 2, 1]);
      expect(pages.flat()).toEqual(expected);
      expect((await incidentPage(as.customerAdmin, { id: C.id, first: 100 })).nodes).toEqual(expected);
    });

    it('pages on from a cursor between two incidents raised at the same microsecond', async () => {
      const order = newestFirst(ofC);
      const tied = order.findIndex((seeded) => seeded.raisedAt === SAME_INSTANT);
      const before = await incidentPage(as.customerAdmin, { id: C.id, first: tied + 1 });
      expect(before.nodes.at(-1)?.id).toBe(order[tied]?.id);
      const after = await incidentPage(as.customerAdmin, { id: C.id, first: 1, after: before.pageInfo.endCursor });
      expect(after.nodes.map((node) => node.id)).toEqual([order[tied + 1]?.id]);
      expect(order[tied + 1]?.raisedAt).toBe(SAME_INSTANT);
    });

    it.each<[string, { open?: boolean; severities?: IncidentSeverity[] }, (seeded: SeededIncident) => boolean]>([
      ['open ones', { open: true }, (seeded: SeededIncident) => seeded.clearedAt === null],
      ['cleared ones', { open: false }, (seeded: SeededIncident) => seeded.clearedAt !== null],
      ['critical ones', { severities: ['CRITICAL'] }, (seeded: SeededIncident) => seeded.severity === 'CRITICAL'],
      [
        'open warnings and infos',
        { open: true, severities: ['WARNING', 'INFO'] },
        (seeded: SeededIncident) => seeded.clearedAt === null && seeded.severity !== 'CRITICAL',
      ],
    ])('filters to %s, page by page', async (_case, filter, keeps) => {
      const pages = await allIncidents(as.customerAdmin, { id: C.id, ...filter }, 1);
      expect(pages.flat()).toEqual(newestFirst(ofC.filter(keeps)).map(seen));
    });

    it('gives each incident its device, message, reactivation count and no acknowledgement until there is one', async () => {
      const fabrikamAdmin = await bearerHeaders(supergraph, { organizationId: F.id, role: 'ADMIN', mfa: false });
      const response = await supergraph.query(INCIDENT_DETAIL, { id: F.id }, fabrikamAdmin);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.organization?.incidents?.nodes).toEqual([
        {
          id: incidents.fSwitchOpen.id,
          message: 'CRITICAL alarm',
          reactivationCount: 0,
          device: { id: switchF.id, name: switchF.name },
          acknowledgement: null,
        },
        { id: incidents.fOpen.id, message: 'WARNING alarm', reactivationCount: 0, device: { id: upsF.id, name: upsF.name }, acknowledgement: null },
      ]);
    });

    it('refuses a page over 100 and a cursor it did not hand out, with BAD_USER_INPUT', async () => {
      const tooMany = await supergraph.query(ORGANIZATION_INCIDENTS, { id: C.id, first: 101 }, as.customerAdmin);
      expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
      const forged = Buffer.from(JSON.stringify(['2025-06-01', 'not-a-uuid'])).toString('base64url');
      const badCursor = await supergraph.query(ORGANIZATION_INCIDENTS, { id: C.id, after: forged }, as.customerAdmin);
      expect(errorCodes(badCursor)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('Device.incidents and open incident counts', () => {
    it('pages one device’s incidents newest first, and filters open ones', async () => {
      const devicePages = async (variables: Record<string, unknown>) => {
        const response = await supergraph.query(DEVICE_INCIDENTS, { id: C.id, ...variables }, as.customerAdmin);
        expect(response.body.errors).toBeUndefined();
        return new Map(response.body.data?.organization?.devices?.nodes.map((node) => [node.id, node.incidents]));
      };
      const onUps = newestFirst(ofC.filter((seeded) => seeded.deviceId === ups.id)).map((seeded) => seeded.id);
      const firstPage = (await devicePages({ first: 2 })).get(ups.id);
      expect(firstPage?.nodes.map((node) => node.id)).toEqual(onUps.slice(0, 2));
      expect(firstPage?.pageInfo.hasNextPage).toBe(true);
      const secondPage = (await devicePages({ first: 2, after: firstPage?.pageInfo.endCursor })).get(ups.id);
      expect(secondPage?.nodes.map((node) => node.id)).toEqual(onUps.slice(2, 4));
      expect(secondPage?.pageInfo.hasNextPage).toBe(false);
      const open = await devicePages({ first: 10, open: true });
      expect(open.get(ups.id)?.nodes.map((node) => node.id)).toEqual([incidents.upsCriticalOpen.id, incidents.upsWarningOpen.id]);
      expect(open.get(oldUps.id)?.nodes.map((node) => node.id)).toEqual([incidents.oldUpsCriticalOpen.id]);
    });

    it('counts open incidents with unmonitored equipment for the customer’s own users, and without it for partners', async () => {
      const counts = async (headers: Headers) => {
        const response = await supergraph.query(OPEN_COUNTS, { id: C.id }, headers);
        expect(response.body.errors).toBeUndefined();
        const seenOrganization = response.body.data?.organization;
        return {
          organization: seenOrganization?.openIncidentCount,
          devices: Object.fromEntries(seenOrganization?.devices?.nodes.map((node) => [node.id, node.openIncidentCount]) ?? []),
        };
      };
      const customerView = { organization: 4, devices: { [ups.id]: 2, [pdu.id]: 1, [oldUps.id]: 1 } };
      const partnerView = { organization: 3, devices: { [ups.id]: 2, [pdu.id]: 1 } };
      expect(await counts(as.customerAdmin)).toEqual(customerView);
      expect(await counts(as.customerViewer)).toEqual(customerView);
      expect(await counts(as.partnerAdmin)).toEqual(partnerView);
      expect(await counts(as.apiClient)).toEqual(partnerView);
    });
  });

  describe('a read-only partner never sees incidents of an unmonitored device', () => {
    it('not in Organization.incidents, whatever the filter', async () => {
      const expected = newestFirst(ofC.filter((seeded) => !onUnmonitored.has(seeded.id))).map(seen);
      expect((await allIncidents(as.partnerAdmin, { id: C.id }, 3)).flat()).toEqual(expected);
      expect((await incidentPage(as.partnerAdmin, { id: C.id, first: 100, severities: ['CRITICAL'], open: true })).nodes).toEqual([
        seen(incidents.upsCriticalOpen),
      ]);
      expect((await incidentPage(as.apiClient, { id: C.id, first: 100 })).nodes).toEqual(expected);
    });

    it('not through Device.incidents: the device itself is not listed and resolves to null by reference', async () => {
      const response = await supergraph.query(
        DEVICE_INCIDENTS,
        { id: C.id },
        as.partnerAdmin,
      );
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.organization?.devices?.nodes.map((node) => node.id).sort()).toEqual([ups.id, pdu.id].sort());
      const byReference = await entities(
        partnerAdminPrincipal,
        [{ __typename: 'Device', id: oldUps.id }],
        '... on Device { id openIncidentCount incidents { nodes { id } } }',
      );
      expect(byReference.body.errors).toBeUndefined();
      expect(byReference.body.data?._entities).toEqual([null]);
    });

    it('not through _entities: its incidents resolve to null, as do other tenants’ and unknown ones; a visible one resolves', async () => {
      const reference = (id: string) => ({ __typename: 'Incident', id });
      const response = await entities<{ id: string; severity: string; device: { id: string } | null }>(
        partnerAdminPrincipal,
        [
          reference(incidents.oldUpsCriticalOpen.id),
          reference(incidents.oldUpsInfoCleared.id),
          reference(incidents.fSwitchOpen.id),
          reference(incidents.rOpen.id),
          reference(randomUUID()),
          reference('not-a-uuid'),
          reference(incidents.upsCriticalOpen.id),
        ],
        '... on Incident { id severity device { id } }',
      );
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?._entities).toEqual([
        null,
        null,
        null,
        null,
        null,
        null,
        { id: incidents.upsCriticalOpen.id, severity: 'CRITICAL', device: { id: ups.id } },
      ]);
      const asCustomer = await entities<{ id: string }>(
        { kind: 'user', userId: userIds.customerAdmin, organizationId: C.id, role: 'ADMIN', mfa: false },
        [reference(incidents.oldUpsCriticalOpen.id), reference(incidents.fOpen.id)],
        '... on Incident { id }',
      );
      expect(asCustomer.body.data?._entities).toEqual([{ id: incidents.oldUpsCriticalOpen.id }, null]);
    });

    it('not in the revoked customer’s lists and counts: the organization is gone for the partner', async () => {
      const response = await supergraph.query(OPEN_COUNTS, { id: R.id }, as.partnerAdmin);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data).toEqual({ organization: null });
    });
  });

  describe('acknowledgeIncident', () => {
    const acknowledge = (headers: Headers, incidentId: string, note?: string | null) =>
      supergraph.query(
        ACKNOWLEDGE,
        { incidentId, note },
        headers,
      );
    /** The incident rows and change-log entries of C, F and R, to show a refused acknowledgement wrote nothing. */
    const snapshot = async () => {
      const owners = [C.id, F.id, R.id];
      return {
        incidents: await telemetry().query('SELECT * FROM telemetry.incident WHERE organization_id = ANY($1::uuid[]) ORDER BY id', [owners]),
        changes: await telemetry().query('SELECT count(*)::int AS count FROM telemetry.change_log WHERE organization_id = ANY($1::uuid[])', [owners]),
      };
    };

    it.each([
      ['a customer admin', () => as.customerAdmin, () => userIds.customerAdmin, () => incidents.upsWarningOpen],
      ['a customer viewer', () => as.customerViewer, () => userIds.customerViewer, () => incidents.pduInfoCleared],
      ['a customer user, on unmonitored equipment,', () => as.customerViewer, () => userIds.customerViewer, () => incidents.oldUpsCriticalOpen],
      ['a partner admin with administrator access', () => as.partnerAdmin, () => userIds.partnerAdmin, () => incidents.fOpen],
    ])('%s may acknowledge: who, when and the note are recorded', async (_who, headers, userId, target) => {
      const before = Date.now();
      const response = await acknowledge(headers(), target().id, 'On it: battery replacement booked.');
      expect(response.body.errors).toBeUndefined();
      const acknowledgement = response.body.data?.acknowledgeIncident.acknowledgement;
      expect(acknowledgement).toEqual({ byUserId: userId(), note: 'On it: battery replacement booked.', at: expect.any(String) });
      expect(new Date(acknowledgement?.at ?? 0).getTime()).toBeGreaterThanOrEqual(before - 1000);
      const row = await incidentRow(target().id);
      expect(row).toMatchObject({ acknowledged_by: userId(), acknowledgement_note: 'On it: battery replacement booked.' });
      expect((row?.updated_at as Date).getTime()).toBeGreaterThanOrEqual(before - 1000);
    });

    it('replaces an earlier acknowledgement when acknowledged again, note included', async () => {
      const target = incidents.upsCriticalCleared;
      expect((await acknowledge(as.customerAdmin, target.id, 'first look')).body.errors).toBeUndefined();
      const again = await acknowledge(as.customerViewer, target.id);
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data?.acknowledgeIncident.acknowledgement).toEqual({ byUserId: userIds.customerViewer, note: null, at: expect.any(String) });
      expect(await incidentRow(target.id)).toMatchObject({ acknowledged_by: userIds.customerViewer, acknowledgement_note: null });
      const listed = await supergraph.query(INCIDENT_DETAIL, { id: C.id }, as.partnerAdmin);
      const listedTarget = listed.body.data?.organization?.incidents?.nodes.find((node) => node.id === target.id);
      expect(listedTarget?.acknowledgement?.byUserId).toBe(userIds.customerViewer);
    });

    it.each([
      ['a partner viewer, even with administrator access', 'FORBIDDEN', () => as.partnerViewer, () => incidents.fOpen.id],
      ['a partner admin with read-only access', 'FORBIDDEN', () => as.partnerAdmin, () => incidents.upsCriticalOpen.id],
      ['an API client with API device-data access', 'FORBIDDEN', () => as.apiClient, () => incidents.upsCriticalOpen.id],
      ['a partner whose access was revoked', 'INCIDENT_NOT_FOUND', () => as.partnerAdmin, () => incidents.rOpen.id],
      ['a partner, on unmonitored equipment', 'INCIDENT_NOT_FOUND', () => as.partnerAdmin, () => incidents.fSwitchOpen.id],
      ['an API client, on a customer that gave no API access', 'INCIDENT_NOT_FOUND', () => as.apiClient, () => incidents.fOpen.id],
      ['a customer user, on another customer', 'INCIDENT_NOT_FOUND', () => as.customerAdmin, () => incidents.fOpen.id],
      ['anyone, for an incident that does not exist', 'INCIDENT_NOT_FOUND', () => as.customerAdmin, () => randomUUID()],
      ['anyone, for an id that is not one', 'INCIDENT_NOT_FOUND', () => as.customerAdmin, () => 'incident-1'],
    ])('refuses %s with %s and writes nothing', async (_who, code, headers, incidentId) => {
      const before = await snapshot();
      const response = await acknowledge(headers(), incidentId(), 'should not be kept');
      expect(errorCodes(response)).toEqual([code]);
      expect(response.body.data).toBeNull();
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a note over 1000 characters with BAD_USER_INPUT on the note, and writes nothing; 1000 is accepted', async () => {
      const before = await snapshot();
      const response = await acknowledge(as.customerAdmin, incidents.pduJulyOpen.id, 'x'.repeat(1001));
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors?.[0]?.extensions?.field).toBe('note');
      expect(await snapshot()).toEqual(before);
      const longest = await acknowledge(as.customerAdmin, incidents.pduJulyOpen.id, 'é'.repeat(1000));
      expect(longest.body.errors).toBeUndefined();
      expect(longest.body.data?.acknowledgeIncident.acknowledgement?.note).toBe('é'.repeat(1000));
    });
  });

  describe('Organization.assessment', () => {
    const assessment = (headers: Headers, month: string, id = C.id) =>
      supergraph.query(ASSESSMENT, { id, month }, headers);

    // C1 UPS: 100 − 40 × (15 − 9) / 15 − 30 × (90 − 80) / 20 − 10 × 2 = 100 − 16 − 15 − 20 = 49.
    const upsHealth = {
      device: { id: ups.id, name: ups.name },
      score: 49,
      minBatteryRuntimeMinutes: 9,
      averageLoadPercent: 90,
      criticalIncidents: 2,
    };
    // C9 Old UPS: runtime never below 15, no load readings, one critical incident: 100 − 10 = 90.
    const oldUpsHealth = {
      device: { id: oldUps.id, name: oldUps.name },
      score: 90,
      minBatteryRuntimeMinutes: 20,
      averageLoadPercent: null,
      criticalIncidents: 1,
    };

    it('computes June 2025 for the customer’s users, unmonitored equipment included', async () => {
      const response = await assessment(as.customerViewer, '2025-06');
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.organization?.assessment).toEqual({
        month: '2025-06',
        monitoringCoverage: 0.5,
        incidentsBySeverity: [
          { severity: 'INFO', count: 2 },
          { severity: 'WARNING', count: 2 },
          { severity: 'CRITICAL', count: 3 },
        ],
        upsHealth: [upsHealth, oldUpsHealth],
      });
    });

    it('leaves unmonitored equipment and its incidents out for partners', async () => {
      for (const headers of [as.partnerAdmin, as.apiClient]) {
        const response = await assessment(headers, '2025-06');
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.organization?.assessment).toEqual({
          month: '2025-06',
          monitoringCoverage: 0.5,
          incidentsBySeverity: [
            { severity: 'INFO', count: 1 },
            { severity: 'WARNING', count: 2 },
            { severity: 'CRITICAL', count: 2 },
          ],
          upsHealth: [upsHealth],
        });
      }
    });

    it('answers a month without data with zeros, and the current month', async () => {
      const empty = await assessment(as.customerAdmin, '2024-02');
      expect(empty.body.errors).toBeUndefined();
      expect(empty.body.data?.organization?.assessment).toEqual({
        month: '2024-02',
        monitoringCoverage: 0,
        incidentsBySeverity: [
          { severity: 'INFO', count: 0 },
          { severity: 'WARNING', count: 0 },
          { severity: 'CRITICAL', count: 0 },
        ],
        upsHealth: [
          { ...upsHealth, score: 100, minBatteryRuntimeMinutes: null, averageLoadPercent: null, criticalIncidents: 0 },
          { ...oldUpsHealth, score: 100, minBatteryRuntimeMinutes: null, criticalIncidents: 0 },
        ],
      });
      const current = await assessment(as.customerAdmin, new Date().toISOString().slice(0, 7));
      expect(current.body.errors).toBeUndefined();
      expect(current.body.data?.organization?.assessment?.monitoringCoverage).toBe(0);
    });

    it('runs a constant number of statements per assessment', async () => {
      const statements = await countStatements(supergraph, () => assessment(as.customerAdmin, '2025-06'));
      expect(statements['device-telemetry']).toBe(3);
    });

    it.each(['2025-13', '2025-6', '25-06', '2025-06-01', '', 'June 2025'])('refuses the month "%s" with MONTH_INVALID', async (month) => {
      const response = await assessment(as.customerAdmin, month);
      expect(errorCodes(response)).toEqual(['MONTH_INVALID']);
    });

    it('refuses next month with MONTH_INVALID', async () => {
      const now = new Date();
      const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
      expect(errorCodes(await assessment(as.customerAdmin, next))).toEqual(['MONTH_INVALID']);
    });

    it('is null for a customer the caller may not read', async () => {
      const response = await assessment(as.partnerAdmin, '2025-06', R.id);
      expect(response.body.data).toEqual({ organization: null });
    });
  });

  describe('batching', () => {
    it('runs the same number of statements for a dashboard of open incident counts and open incidents with 3 devices or 12', async () => {
      const measure = async (size: { customers: number; devicesPerCustomer: number }) => {
        const world = await seedWorld(supergraph, { ...size, sensorsPerDevice: 1 });
        for (const [index, seeded] of world.devices.entries()) {
          await telemetry().query(
            `INSERT INTO telemetry.incident (organization_id, device_id, severity, message, raised_at, cleared_at)
             VALUES ($1, $2, 'WARNING', 'open', now() - interval '1 hour', NULL), ($1, $2, 'INFO', 'cleared', now() - interval '2 hours', now())`,
            [seeded.organizationId, seeded.id],
          );
          if (index % 2 === 0) {
            await telemetry().query(
              `INSERT INTO telemetry.incident (organization_id, device_id, severity, message, raised_at) VALUES ($1, $2, 'CRITICAL', 'open', now())`,
              [seeded.organizationId, seeded.id],
            );
          }
        }
        let response: GraphQLResponse<ResultOf<typeof DASHBOARD>> | undefined;
        const statements = await countStatements(supergraph, async () => {
          response = await supergraph.query(DASHBOARD, {}, world.asPartnerAdmin);
        });
        const body = response?.body ?? {};
        expect(body.errors).toBeUndefined();
        const customers = body.data?.organizations.nodes.filter((node) => node.id !== world.partner.id) ?? [];
        expect(customers).toHaveLength(size.customers);
        const seenDevices = customers.flatMap((node) => node.devices?.nodes ?? []);
        // The page of open incidents holds at most two, and no device has more open than that.
        expect(seenDevices.map((seenDevice) => seenDevice.incidents.nodes.length)).toEqual(
          seenDevices.map((seenDevice) => seenDevice.openIncidentCount),
        );
        const deviceCounts = seenDevices.map((seenDevice) => seenDevice.openIncidentCount);
        expect(deviceCounts).toHaveLength(size.customers * size.devicesPerCustomer);
        expect(customers.map((node) => node.openIncidentCount ?? 0).reduce((sum, count) => sum + count, 0)).toBe(
          deviceCounts.reduce((sum, count) => sum + count, 0),
        );
        return statements['device-telemetry'];
      };
      const small = await measure({ customers: 1, devicesPerCustomer: 3 });
      const large = await measure({ customers: 3, devicesPerCustomer: 4 });
      expect(large).toBe(small);
    });
  });
});
