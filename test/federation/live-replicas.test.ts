import { randomUUID } from 'node:crypto';
import { seedDemoDevices, type DemoDevice, type DemoIncident } from '@partnergraph/device-telemetry/demo-seed';
import { seedDemoGrants, seedDemoOrganizations, seedDemoUsers } from '@partnergraph/identity/demo-seed';
import type { Client } from 'graphql-ws';
import { bearerHeaders, newIncident, seedWorld, taggedOrganizations, testUser, writeIncidents, type SeededWorld } from '../support/fixtures';
import { startInProcessSupergraph, type GatewayReplica, type InProcessSupergraph } from '../support/in-process-supergraph';
import { subscribeOverWebSocket, webSocketClient, type Subscription } from '../support/live-clients';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { graphql } from '../generated/operations';

/*
 * Issue 15, item 3: gateways fan out through PostgreSQL (LISTEN/NOTIFY), so
 * two replicas deliver the same events, and a subscriber may move from one to
 * the other with its cursor. Both poll only every 5 s, so an access change
 * that ends a subscription on each within a second was heard by each through
 * NOTIFY. Events are waited for longer than a poll: a feed holds a committed
 * event back while any older transaction in the PostgreSQL cluster still runs
 * (change-feeds.ts), and when that one ends nothing is notified, so such an
 * event comes with the next poll (in parallel test runs, it happens).
 */

const WATCH = graphql(`
  subscription ReplicasWatch($after: String) {
    incidentEvents(after: $after) { cursor kind incidentId }
  }
`);
const FEED_POSITION = graphql(`query ReplicasFeedPosition { incidentEventsFeed { cursor } }`);
const REVOKE = graphql(`mutation ReplicasRevoke($id: ID!) { revokePartnerAccess(partnerOrganizationId: $id) }`);

interface IncidentEvent {
  cursor: string;
  kind: string;
  incidentId: string;
}

describe('live incidents across gateway replicas', () => {
  let database: TestDatabase;
  let supergraph: InProcessSupergraph;
  let replica: GatewayReplica;
  let world: SeededWorld;
  const clients: Client[] = [];
  const subscriptions: Subscription<unknown>[] = [];

  const watch = (gatewayUrl: string, variables: Record<string, unknown>, headers = world.asPartnerAdmin) => {
    const client = webSocketClient(gatewayUrl, headers.authorization);
    clients.push(client);
    const subscription = subscribeOverWebSocket<IncidentEvent>(client, 'incidentEvents', WATCH, variables);
    subscriptions.push(subscription);
    return subscription;
  };
  const raise = async (device: DemoDevice = world.devices[0]!): Promise<DemoIncident> => {
    const incident = newIncident(device);
    await writeIncidents(supergraph, [incident]);
    return incident;
  };
  /** Longer than a poll, for an event held back behind a transaction elsewhere in the cluster. */
  const EVENT_WITHIN_MS = 15_000;
  /** Far less than LIVE_POLL_INTERVAL_MS: an end within this was woken by NOTIFY. */
  const ENDS_WITHIN_MS = 1000;

  beforeAll(async () => {
    database = await createTestDatabase();
    const live = { LIVE_DATABASE_URL: database.url, LIVE_POLL_INTERVAL_MS: '5000' };
    supergraph = await startInProcessSupergraph({ databaseUrl: database.url, gatewayEnvironment: live });
    replica = await supergraph.startGatewayReplica(live);
    world = await seedWorld(supergraph, { customers: 1, devicesPerCustomer: 1, sensorsPerDevice: 0 });
  });
  afterEach(async () => {
    for (const subscription of subscriptions.splice(0)) subscription.stop();
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });
  afterAll(async () => {
    await supergraph?.stop();
    await database?.drop();
  });

  it('delivers the same event, with the same cursor, to a subscriber on each gateway', async () => {
    const position = await supergraph.query(FEED_POSITION, {}, world.asPartnerAdmin);
    const after = position.body.data!.incidentEventsFeed.cursor;
    const onA = watch(supergraph.gatewayUrl, { after });
    const onB = watch(replica.gatewayUrl, { after });
    const first = await raise();
    await onA.waitForEvents(1, EVENT_WITHIN_MS);
    await onB.waitForEvents(1, EVENT_WITHIN_MS);
    const second = await raise();

    const [fromA, fromB] = await Promise.all([onA.waitForEvents(2, EVENT_WITHIN_MS), onB.waitForEvents(2, EVENT_WITHIN_MS)]);
    expect(fromA.map((event) => [event.kind, event.incidentId])).toEqual([
      ['RAISED', first.id],
      ['RAISED', second.id],
    ]);
    expect(fromB).toEqual(fromA);
  });

  it('lets a subscriber move from one gateway to the other with its last cursor: every later event, once, in order', async () => {
    const position = await supergraph.query(FEED_POSITION, {}, world.asPartnerAdmin);
    const onA = watch(supergraph.gatewayUrl, { after: position.body.data!.incidentEventsFeed.cursor });
    const seenOnA = [await raise(), await raise()];
    const [, last] = await onA.waitForEvents(2, EVENT_WITHIN_MS);
    onA.stop();

    // Committed while the subscriber is on neither gateway.
    const meanwhile = [await raise(), await raise()];
    const onB = watch(replica.gatewayUrl, { after: last!.cursor });
    await onB.waitForEvents(2, EVENT_WITHIN_MS);
    const later = await raise();
    await onB.waitForEvents(3, EVENT_WITHIN_MS);
    // Time for a duplicate, were one coming.
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(onA.events.map((event) => event.incidentId)).toEqual(seenOnA.map((incident) => incident.id));
    expect(onB.events.map((event) => event.incidentId)).toEqual([...meanwhile, later].map((incident) => incident.id));
    expect(new Set([...onA.events, ...onB.events].map((event) => event.cursor)).size).toBe(5);
  });

  it('ends a subscription on each gateway within a second of an access change, through NOTIFY', async () => {
    const { organization } = taggedOrganizations('REPLICAS');
    const partner = organization('Replicas Partner', 'PARTNER');
    const customer = organization('Replicas Customer');
    await seedDemoOrganizations(supergraph.subgraphs.identity.database, [partner, customer]);
    await seedDemoGrants(supergraph.subgraphs.identity.database, [
      { customerOrganizationId: customer.id, partnerOrganizationId: partner.id, administrator: true, apiDeviceData: false },
    ]);
    const device: DemoDevice = { ...world.devices[0]!, id: randomUUID(), organizationId: customer.id, serialNumber: `SN-${randomUUID()}` };
    await seedDemoDevices(supergraph.subgraphs['device-telemetry'].database, [device]);
    const customerAdmin = testUser(`admin-${randomUUID()}@replicas-customer.example`, customer.id, 'ADMIN');
    await seedDemoUsers(supergraph.subgraphs.identity.database, [customerAdmin]);
    const asCustomerAdmin = await bearerHeaders(supergraph, { userId: customerAdmin.id, organizationId: customer.id, role: 'ADMIN', mfa: true });
    const asPartner = await bearerHeaders(supergraph, { organizationId: partner.id, role: 'ADMIN', mfa: true });
    const position = await supergraph.query(FEED_POSITION, {}, asPartner);
    const after = position.body.data!.incidentEventsFeed.cursor;
    const onA = watch(supergraph.gatewayUrl, { after }, asPartner);
    const onB = watch(replica.gatewayUrl, { after }, asPartner);
    // Each has run, and holds the access it started with.
    await raise(device);
    await Promise.all([onA.waitForEvents(1, EVENT_WITHIN_MS), onB.waitForEvents(1, EVENT_WITHIN_MS)]);

    const revoked = await replica.query(REVOKE, { id: partner.id }, asCustomerAdmin);
    const answeredAt = Date.now();
    expect(revoked.body.errors).toBeUndefined();
    const ends = await Promise.all([onA.ended, onB.ended]);
    expect(Date.now() - answeredAt).toBeLessThan(ENDS_WITHIN_MS);
    for (const end of ends) {
      expect(end.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBSCRIPTION_ACCESS_REVOKED', subscriptionEnded: true }) })]);
    }
  });
});
