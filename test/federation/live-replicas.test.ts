import { randomUUID } from 'node:crypto';
import { seedDemoIncidents, type DemoIncident } from '@partnergraph/device-telemetry/demo-seed';
import type { Client } from 'graphql-ws';
import { seedWorld, type SeededWorld } from '../support/fixtures';
import { startInProcessSupergraph, type GatewayReplica, type InProcessSupergraph } from '../support/in-process-supergraph';
import { subscribeOverWebSocket, webSocketClient, type Subscription } from '../support/live-clients';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { graphql } from '../generated/operations';

/*
 * Issue 15, item 3: gateways fan out through PostgreSQL (LISTEN/NOTIFY), so
 * two replicas deliver the same events, and a subscriber may move from one to
 * the other with its cursor. Both poll only every 30 s: every event below
 * arrives because PostgreSQL told each gateway of the commit.
 */

const WATCH = graphql(`
  subscription ReplicasWatch($after: String) {
    incidentEvents(after: $after) { cursor kind incidentId }
  }
`);
const FEED_POSITION = graphql(`query ReplicasFeedPosition { incidentEventsFeed { cursor } }`);

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

  const watch = (gatewayUrl: string, variables: Record<string, unknown>) => {
    const client = webSocketClient(gatewayUrl, world.asPartnerAdmin.authorization);
    clients.push(client);
    const subscription = subscribeOverWebSocket<IncidentEvent>(client, 'incidentEvents', WATCH, variables);
    subscriptions.push(subscription);
    return subscription;
  };
  const raise = async (): Promise<DemoIncident> => {
    const device = world.devices[0]!;
    const incident: DemoIncident = {
      id: randomUUID(),
      organizationId: device.organizationId,
      deviceId: device.id,
      severity: 'CRITICAL',
      message: 'On battery',
      raisedAt: new Date(),
      clearedAt: null,
      reactivationCount: 0,
      acknowledgement: null,
    };
    await seedDemoIncidents(supergraph.subgraphs['device-telemetry'].database, [incident]);
    return incident;
  };
  /** Far less than LIVE_POLL_INTERVAL_MS: an event that arrives within this was woken by NOTIFY. */
  const NOTIFIED_WITHIN_MS = 10_000;

  beforeAll(async () => {
    database = await createTestDatabase();
    const live = { LIVE_DATABASE_URL: database.url, LIVE_POLL_INTERVAL_MS: '30000' };
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
    // The first incident may come from each subscription's first run. Once both have it and have gone idle
    // (LIVE_MIN_INTERVAL_MS, then a run that finds nothing), only NOTIFY can bring the second before the 30 s poll.
    const first = await raise();
    await onA.waitForEvents(1, NOTIFIED_WITHIN_MS);
    await onB.waitForEvents(1, NOTIFIED_WITHIN_MS);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const second = await raise();

    const [fromA, fromB] = await Promise.all([onA.waitForEvents(2, NOTIFIED_WITHIN_MS), onB.waitForEvents(2, NOTIFIED_WITHIN_MS)]);
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
    const [, last] = await onA.waitForEvents(2, NOTIFIED_WITHIN_MS);
    onA.stop();

    // Committed while the subscriber is on neither gateway.
    const meanwhile = [await raise(), await raise()];
    const onB = watch(replica.gatewayUrl, { after: last!.cursor });
    await onB.waitForEvents(2, NOTIFIED_WITHIN_MS);
    const later = await raise();
    await onB.waitForEvents(3, NOTIFIED_WITHIN_MS);
    // Time for a duplicate, were one coming.
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(onA.events.map((event) => event.incidentId)).toEqual(seenOnA.map((incident) => incident.id));
    expect(onB.events.map((event) => event.incidentId)).toEqual([...meanwhile, later].map((incident) => incident.id));
    expect(new Set([...onA.events, ...onB.events].map((event) => event.cursor)).size).toBe(5);
  });
});
