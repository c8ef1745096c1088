import { randomUUID } from 'node:crypto';
import { seedDemoDevices, type DemoDevice, type DemoIncident } from '@partnergraph/device-telemetry/demo-seed';
import { seedDemoGrants, seedDemoOrganizations, seedDemoUsers, type DemoOrganization } from '@partnergraph/identity/demo-seed';
import type { Client } from 'graphql-ws';
import { bearerHeaders, newIncident, seedWorld, taggedOrganizations, testUser, writeIncidents, type SeededWorld } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { subscribeOverSse, subscribeOverWebSocket, webSocketClient, type Subscription } from '../support/live-clients';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { graphql } from '../generated/operations';

/*
 * Issue 15, items 2 to 5 through the gateway: subscriptions over graphql-ws and
 * SSE, each event shaped as a query by the subscriber would be at that moment;
 * resuming from a cursor; access that ends a subscription; limits.
 * Incidents are written as the collector's ingest writes them (the demo seed's
 * upsert), and acknowledged through the gateway.
 */

interface IncidentEvent {
  cursor: string;
  kind: string;
  incidentId: string;
  incident: {
    id: string;
    severity: string;
    clearedAt: string | null;
    device: { id: string; ipAddress: string | null; organization: { id: string; name: string } };
  } | null;
}

const WATCH = graphql(`
  subscription LiveWatch($organizationIds: [ID!], $severities: [IncidentSeverity!], $after: String) {
    incidentEvents(organizationIds: $organizationIds, severities: $severities, after: $after) {
      cursor
      kind
      incidentId
      incident { id severity clearedAt device { id ipAddress organization { id name } } }
    }
  }
`);
const FEED_POSITION = graphql(`query LiveFeedPosition { incidentEventsFeed { cursor } }`);
const ACKNOWLEDGE = graphql(`mutation LiveAcknowledge($id: ID!) { acknowledgeIncident(incidentId: $id, note: "on it") { id } }`);
const REVOKE = graphql(`mutation LiveRevoke($id: ID!) { revokePartnerAccess(partnerOrganizationId: $id) }`);

describe('live incidents through the gateway', () => {
  let database: TestDatabase;
  let supergraph: InProcessSupergraph;
  let world: SeededWorld;
  let readOnlyPartner: DemoOrganization;
  let asReadOnlyPartner: Record<string, string>;
  let asCustomerAdmin: Record<string, string>;
  let unmonitored: DemoDevice;
  const clients: Client[] = [];
  const subscriptions: Subscription<unknown>[] = [];

  const client = (headers: Record<string, string> | undefined) => {
    const created = webSocketClient(supergraph.gatewayUrl, headers?.authorization);
    clients.push(created);
    return created;
  };
  const watch = (headers: Record<string, string> | undefined, variables: Record<string, unknown> = {}) => {
    const subscription = subscribeOverWebSocket<IncidentEvent>(client(headers), 'incidentEvents', WATCH, variables);
    subscriptions.push(subscription);
    return subscription;
  };
  const write = (...incidents: DemoIncident[]) => writeIncidents(supergraph, incidents);
  /** Where the feed stands now: subscribing from it, a subscriber gets every event written after, however late its first run. */
  const position = async () => {
    const response = await supergraph.query(FEED_POSITION, {}, world.asPartnerAdmin);
    const cursor = response.body.data?.incidentEventsFeed.cursor;
    if (!cursor) throw new Error(`no feed position: ${JSON.stringify(response.body.errors)}`);
    return cursor;
  };
  /** For the limits: the subscriptions before have reached the gateway. */
  const settled = () => new Promise((resolve) => setTimeout(resolve, 400));

  beforeAll(async () => {
    database = await createTestDatabase();
    supergraph = await startInProcessSupergraph({
      databaseUrl: database.url,
      // Polling only every 2 s: an end within the second (the revocation below) comes from PostgreSQL's NOTIFY. Events
      // can wait longer: a feed hands on a commit once every older writing transaction on the server has ended, and
      // other test files' transactions share this server.
      gatewayEnvironment: { LIVE_DATABASE_URL: database.url, LIVE_POLL_INTERVAL_MS: '2000', LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: '3' },
    });
    world = await seedWorld(supergraph, { customers: 2, devicesPerCustomer: 2, sensorsPerDevice: 0 });
    const { organization } = taggedOrganizations();
    readOnlyPartner = organization('Read-only partner', 'PARTNER');
    await seedDemoOrganizations(supergraph.subgraphs.identity.database, [readOnlyPartner]);
    await seedDemoGrants(supergraph.subgraphs.identity.database, [
      { customerOrganizationId: world.customers[0]!.id, partnerOrganizationId: readOnlyPartner.id, administrator: false, apiDeviceData: false },
    ]);
    asReadOnlyPartner = await bearerHeaders(supergraph, { organizationId: readOnlyPartner.id, role: 'ADMIN', mfa: true });
    // A stored user: revoking a grant records who did it.
    const customerAdmin = testUser(`admin-${randomUUID()}@customer.example`, world.customers[0]!.id, 'ADMIN');
    await seedDemoUsers(supergraph.subgraphs.identity.database, [customerAdmin]);
    asCustomerAdmin = await bearerHeaders(supergraph, { userId: customerAdmin.id, organizationId: world.customers[0]!.id, role: 'ADMIN', mfa: true });
    unmonitored = { ...world.devices[0]!, id: randomUUID(), name: 'Old UPS', serialNumber: 'SN-OLD', monitored: false, sensors: [] };
    await seedDemoDevices(supergraph.subgraphs['device-telemetry'].database, [unmonitored]);
  });
  afterEach(async () => {
    for (const subscription of subscriptions.splice(0)) subscription.stop();
    await Promise.all(clients.splice(0).map((created) => created.dispose()));
  });
  afterAll(async () => {
    await supergraph?.stop();
    await database?.drop();
  });

  it('tells a partner admin of an incident raised, cleared, reactivated and acknowledged, resolved across subgraphs', async () => {
    const [device] = world.devices;
    const watching = watch(world.asPartnerAdmin, { after: await position() });
    const raised = newIncident(device!);
    await write(raised);
    await write({ ...raised, clearedAt: new Date() });
    await write({ ...raised, clearedAt: null, reactivationCount: 1 });
    const acknowledged = await supergraph.query(
      ACKNOWLEDGE,
      { id: raised.id },
      world.asPartnerAdmin,
    );
    expect(acknowledged.body.errors).toBeUndefined();

    const events = await watching.waitForEvents(4);
    expect(events.map((event) => [event.kind, event.incidentId])).toEqual([
      ['RAISED', raised.id],
      ['CLEARED', raised.id],
      ['REACTIVATED', raised.id],
      ['ACKNOWLEDGED', raised.id],
    ]);
    expect(events[0]!.incident).toEqual({
      id: raised.id,
      severity: 'CRITICAL',
      clearedAt: null,
      device: { id: device!.id, ipAddress: device!.ipAddress, organization: { id: device!.organizationId, name: world.customers[0]!.name } },
    });
    expect(new Set(events.map((event) => event.cursor)).size).toBe(4);
  });

  it('shapes each event as a query by that subscriber: a read-only partner sees the address cut, nobody else sees it at all', async () => {
    const [first, , otherCustomers] = world.devices;
    const after = await position();
    const readOnly = watch(asReadOnlyPartner, { after });
    const admin = watch(world.asPartnerAdmin, { organizationIds: [otherCustomers!.organizationId], after });
    const raised = newIncident(first!);
    const elsewhere = newIncident(otherCustomers!);
    await write(raised, elsewhere);

    const [seen] = await readOnly.waitForEvents(1);
    expect(seen!.incident!.device.ipAddress).toBe(`x.x.${first!.ipAddress!.split('.').slice(2).join('.')}`);
    const [adminSeen] = await admin.waitForEvents(1);
    expect(adminSeen!.incidentId).toBe(elsewhere.id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(readOnly.events.map((event) => event.incidentId)).toEqual([raised.id]);
    expect(admin.events.map((event) => event.incidentId)).toEqual([elsewhere.id]);
  });

  it('keeps incidents of unmonitored equipment from partners, and gives them to the customer', async () => {
    const after = await position();
    const partner = watch(world.asPartnerAdmin, { after });
    const customer = watch(asCustomerAdmin, { after });
    const hidden = newIncident(unmonitored);
    const visible = newIncident(world.devices[0]!);
    await write(hidden);
    await write(visible);

    expect((await customer.waitForEvents(2)).map((event) => event.incidentId)).toEqual([hidden.id, visible.id]);
    expect((await partner.waitForEvents(1)).map((event) => event.incidentId)).toEqual([visible.id]);
  });

  it('filters by severity', async () => {
    const critical = watch(world.asPartnerAdmin, { severities: ['CRITICAL'], after: await position() });
    const warning = newIncident(world.devices[1]!, { severity: 'WARNING' });
    const crit = newIncident(world.devices[1]!);
    await write(warning);
    await write(crit);
    expect((await critical.waitForEvents(1)).map((event) => event.incidentId)).toEqual([crit.id]);
  });

  it('resumes from a cursor: every event after it, once, in commit order, over SSE as over WebSocket', async () => {
    const first = watch(world.asPartnerAdmin, { after: await position() });
    const raised = [newIncident(world.devices[2]!), newIncident(world.devices[3]!), newIncident(world.devices[2]!)];
    for (const one of raised) await write(one);
    const events = await first.waitForEvents(3);
    first.stop();

    const resumed = subscribeOverSse<IncidentEvent>(supergraph.gatewayUrl, world.asPartnerAdmin.authorization, 'incidentEvents', WATCH, {
      after: events[0]!.cursor,
    });
    subscriptions.push(resumed);
    const again = await resumed.waitForEvents(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(resumed.events.map((event) => event.incidentId)).toEqual([raised[1]!.id, raised[2]!.id]);
    expect(again.map((event) => event.cursor)).toEqual(events.slice(1).map((event) => event.cursor));
  });

  it('ends the subscriptions a revoked grant covered within a second, with a code, and sends nothing committed after', async () => {
    const after = await position();
    const named = watch(asReadOnlyPartner, { organizationIds: [world.customers[0]!.id], after });
    const everything = watch(asReadOnlyPartner, { after });
    // Both have run under the grant once they have its first event.
    const before = newIncident(world.devices[0]!);
    await write(before);
    await Promise.all([named.waitForEvents(1), everything.waitForEvents(1)]);

    const revoked = await supergraph.query(
      REVOKE,
      { id: readOnlyPartner.id },
      asCustomerAdmin,
    );
    expect(revoked.body.errors).toBeUndefined();
    const revokedAt = Date.now();
    await write(newIncident(world.devices[0]!));

    const [namedEnd, everythingEnd] = await Promise.all([named.ended, everything.ended]);
    expect(Date.now() - revokedAt).toBeLessThan(1000);
    expect(namedEnd.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', subscriptionEnded: true }) })]);
    expect(everythingEnd.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBSCRIPTION_ACCESS_REVOKED', subscriptionEnded: true }) }),
    ]);
    expect([...named.events, ...everything.events].map((event) => event.incidentId)).toEqual([before.id, before.id]);
  });

  it('lets anonymous callers subscribe to nothing, and closes a connection whose token does not verify', async () => {
    const anonymous = watch(undefined);
    expect((await anonymous.ended).errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);

    const forged = watch({ authorization: 'Bearer not-a-token' });
    expect((await forged.ended).closeCode).toBe(4401);
  });

  it('refuses more subscriptions on one connection than LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION', async () => {
    const shared = client(world.asPartnerAdmin);
    const open = [1, 2, 3].map(() => subscribeOverWebSocket<IncidentEvent>(shared, 'incidentEvents', WATCH));
    subscriptions.push(...open);
    await settled();
    const fourth = subscribeOverWebSocket<IncidentEvent>(shared, 'incidentEvents', WATCH);
    subscriptions.push(fourth);
    expect((await fourth.ended).errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'TOO_MANY_SUBSCRIPTIONS' }) })]);
  });

  it('refuses a subscription sent as a plain HTTP request, pointing to the live transports', async () => {
    const response = await supergraph.query(WATCH, {}, world.asPartnerAdmin);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_SUPPORTED');
  });
});
