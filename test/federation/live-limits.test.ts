import { randomUUID } from 'node:crypto';
import type { DemoDevice, DemoIncident } from '@partnergraph/device-telemetry/demo-seed';
import type { Client } from 'graphql-ws';
import { bearerHeaders, newIncident, seedWorld, writeIncidents, type SeededWorld } from '../support/fixtures';
import { startInProcessSupergraph, type GatewayReplica, type InProcessSupergraph } from '../support/in-process-supergraph';
import { openRawEventStream, subscribeOverSse, subscribeOverWebSocket, webSocketClient, type Subscription } from '../support/live-clients';
import { openRawLiveSocket, type RawLiveSocket } from '../support/raw-live-socket';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { graphql } from '../generated/operations';

/*
 * Issue 15, item 5: the live transports' limits. Subscriptions per caller
 * across connections and transports (per connection: live-incidents.test.ts),
 * released however a subscription ends; connection_init within its timeout;
 * heartbeats; and a subscriber that stops reading is disconnected with a code
 * instead of having its events buffered without bound, over both transports.
 */

const LIMIT_PER_CALLER = 3;
const SLOW_SUBSCRIBER_MS = 1000;

const WATCH = graphql(`
  subscription LimitsWatch($organizationIds: [ID!], $after: String) {
    incidentEvents(organizationIds: $organizationIds, after: $after) { cursor incidentId incident { id message } }
  }
`);
const FEED_POSITION = graphql(`query LimitsFeedPosition { incidentEventsFeed { cursor } }`);

interface IncidentEvent {
  cursor: string;
  incidentId: string;
  incident: { id: string; message: string } | null;
}

const TOO_MANY = [expect.objectContaining({ extensions: expect.objectContaining({ code: 'TOO_MANY_SUBSCRIPTIONS' }) })];

describe('live limits', () => {
  let database: TestDatabase;
  let supergraph: InProcessSupergraph;
  let world: SeededWorld;
  const clients: Client[] = [];
  const subscriptions: Subscription<unknown>[] = [];
  const rawSockets: RawLiveSocket[] = [];

  /** A user of the world's partner with a fresh id: a caller of its own, with the whole per-caller allowance. */
  const freshCaller = async () => {
    const userId = randomUUID();
    return { userId, headers: await bearerHeaders(supergraph, { userId, organizationId: world.partner.id, role: 'ADMIN', mfa: true }) };
  };
  const client = (headers: Record<string, string>) => {
    const created = webSocketClient(supergraph.gatewayUrl, headers.authorization);
    clients.push(created);
    return created;
  };
  const tracked = <T>(subscription: Subscription<T>): Subscription<T> => {
    subscriptions.push(subscription);
    return subscription;
  };
  const watch = (over: Client, variables: Record<string, unknown>) => tracked(subscribeOverWebSocket<IncidentEvent>(over, 'incidentEvents', WATCH, variables));
  const watchOverSse = (headers: Record<string, string>, variables: Record<string, unknown>) =>
    tracked(subscribeOverSse<IncidentEvent>(supergraph.gatewayUrl, headers.authorization, 'incidentEvents', WATCH, variables));
  const rawSocket = async (url: string, options?: { autoPong?: boolean }) => {
    const socket = await openRawLiveSocket(url, options);
    rawSockets.push(socket);
    return socket;
  };
  /** Where the feed stands: subscribing after it receives every event written from now, whenever the first run happens. */
  const feedPosition = async (headers: Record<string, string>) => {
    const response = await supergraph.query(FEED_POSITION, {}, headers);
    return { after: response.body.data!.incidentEventsFeed.cursor };
  };
  const incident = (device: DemoDevice, message = 'On battery'): DemoIncident => newIncident(device, { message });
  const write = (...incidents: DemoIncident[]) => writeIncidents(supergraph, incidents);
  /** Log lines of the gateway that contain every one of `words`. */
  const logged = (...words: string[]) => supergraph.logs.filter((line) => words.every((word) => line.includes(word))).length;
  /** Waits until the gateway has released `count` subscriptions of the user, however they ended. */
  const released = (userId: string, count: number) =>
    waitFor(`${count} subscriptions of ${userId} ended`, () => (logged('subscription ended', userId) >= count ? true : undefined), { timeoutMs: 10_000 });
  /** Writes large incidents, a batch at a time, until the gateway logs `dropped`; returns how many it wrote. */
  const writeUntilDropped = async (dropped: string) => {
    const message = 'x'.repeat(32 * 1024);
    let written = 0;
    for (let batch = 0; batch < 40 && logged(dropped) === 0; batch += 1) {
      const incidents = Array.from({ length: 25 }, () => incident(world.devices[0]!, message));
      await write(...incidents);
      written += incidents.length;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await waitFor(`the gateway to log "${dropped}"`, () => (logged(dropped) > 0 ? true : undefined), { timeoutMs: 10_000 });
    return written;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    supergraph = await startInProcessSupergraph({
      databaseUrl: database.url,
      logLevel: 'debug',
      gatewayEnvironment: {
        LIVE_DATABASE_URL: database.url,
        LIVE_MAX_SUBSCRIPTIONS_PER_CALLER: String(LIMIT_PER_CALLER),
        LIVE_SLOW_SUBSCRIBER_MS: String(SLOW_SUBSCRIBER_MS),
      },
    });
    world = await seedWorld(supergraph, { customers: 1, devicesPerCustomer: 1, sensorsPerDevice: 0 });
  });
  afterEach(async () => {
    for (const subscription of subscriptions.splice(0)) subscription.stop();
    for (const socket of rawSockets.splice(0)) socket.close();
    await Promise.all(clients.splice(0).map((created) => created.dispose()));
  });
  afterAll(async () => {
    await supergraph?.stop();
    await database?.drop();
  });

  it('limits subscriptions per caller across connections, and ending one frees its slot', async () => {
    const { userId, headers } = await freshCaller();
    const position = await feedPosition(headers);
    const [first, second] = [client(headers), client(headers)];
    const open = [watch(first, position), watch(first, position), watch(second, position)];
    await waitFor('three subscriptions started', () => (logged('subscription started', userId) >= 3 ? true : undefined), { timeoutMs: 10_000 });

    const refused = watch(second, position);
    expect((await refused.ended).errors).toEqual(TOO_MANY);
    // Another caller has an allowance of its own.
    const other = await freshCaller();
    const others = watch(client(other.headers), position);

    open[0]!.stop();
    await released(userId, 1);
    const again = watch(second, position);
    const raised = incident(world.devices[0]!);
    await write(raised);
    for (const subscription of [...open.slice(1), again, others]) {
      expect((await subscription.waitForEvents(1, 10_000)).map((event) => event.incidentId)).toEqual([raised.id]);
    }
  });

  it('counts subscriptions over SSE against the same allowance', async () => {
    const { userId, headers } = await freshCaller();
    const position = await feedPosition(headers);
    const over = client(headers);
    watch(over, position);
    watch(over, position);
    watchOverSse(headers, position);
    await waitFor('three subscriptions started', () => (logged('subscription started', userId) >= 3 ? true : undefined), { timeoutMs: 10_000 });

    expect((await watchOverSse(headers, position).ended).errors).toEqual(TOO_MANY);
    expect((await watch(client(headers), position).ended).errors).toEqual(TOO_MANY);
  });

  it('releases a subscription’s slot however it ends: completed, ended with an error, its socket closed, its stream closed', async () => {
    const { userId, headers } = await freshCaller();
    const position = await feedPosition(headers);
    let startedBefore = 0;
    const started = () =>
      waitFor('the subscription started', () => (logged('subscription started', userId) > startedBefore ? true : undefined), { timeoutMs: 10_000 });
    const endings: (() => Promise<void>)[] = [
      async () => {
        const subscription = watch(client(headers), position);
        await started();
        subscription.stop();
      },
      async () => {
        // An organization the caller cannot read: the first run is refused, which ends the subscription.
        const subscription = watch(client(headers), { ...position, organizationIds: [randomUUID()] });
        expect((await subscription.ended).errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ subscriptionEnded: true }) })]);
      },
      async () => {
        const socket = client(headers);
        watch(socket, position);
        await started();
        await socket.dispose();
      },
      async () => {
        const subscription = watchOverSse(headers, position);
        await started();
        subscription.stop();
      },
    ];
    for (let ended = 0; ended < 20; ended += 1) {
      startedBefore = logged('subscription started', userId);
      await endings[ended % endings.length]!();
      await released(userId, ended + 1);
    }

    const over = client(headers);
    const open = Array.from({ length: LIMIT_PER_CALLER }, () => watch(over, position));
    await waitFor('the allowance open again', () => (logged('subscription started', userId) >= 20 + LIMIT_PER_CALLER ? true : undefined), { timeoutMs: 10_000 });
    expect((await watch(over, position).ended).errors).toEqual(TOO_MANY);
    const raised = incident(world.devices[0]!);
    await write(raised);
    for (const subscription of open) expect((await subscription.waitForEvents(1, 10_000)).map((event) => event.incidentId)).toEqual([raised.id]);
  });

  describe('connections', () => {
    let replica: GatewayReplica;
    const INIT_TIMEOUT_MS = 500;
    const KEEPALIVE_MS = 1000;

    beforeAll(async () => {
      replica = await supergraph.startGatewayReplica({ LIVE_CONNECTION_INIT_TIMEOUT_MS: String(INIT_TIMEOUT_MS), LIVE_KEEPALIVE_MS: String(KEEPALIVE_MS) });
    });

    it('closes a WebSocket that sends no connection_init within LIVE_CONNECTION_INIT_TIMEOUT_MS with 4408', async () => {
      const openedAt = Date.now();
      const socket = await rawSocket(replica.gatewayUrl);
      const closed = await socket.closed;
      expect(closed.code).toBe(4408);
      expect(Date.now() - openedAt).toBeGreaterThanOrEqual(INIT_TIMEOUT_MS - 50);
    });

    it('pings every LIVE_KEEPALIVE_MS, keeps a connection that answers, and cuts one that does not', async () => {
      const { headers } = await freshCaller();
      const answering = await rawSocket(replica.gatewayUrl);
      const silent = await rawSocket(replica.gatewayUrl, { autoPong: false });
      await answering.init({ authorization: headers.authorization });
      await silent.init({ authorization: headers.authorization });

      await waitFor('three pings', () => (answering.pings() >= 3 ? true : undefined), { timeoutMs: 3 * KEEPALIVE_MS + 5000 });
      // Unanswered, a ping is followed by the connection's end within another LIVE_KEEPALIVE_MS.
      expect((await silent.closed).code).toBe(1006);
      expect(silent.pings()).toBeGreaterThanOrEqual(1);
      expect(answering.messages.map((message) => message.type)).toEqual(['connection_ack']);
      answering.send({ type: 'ping' });
      await answering.waitForMessage((message) => message.type === 'pong');
    });
  });

  it('disconnects a WebSocket whose subscriber stops reading with 4601, instead of buffering its events', async () => {
    const { userId, headers } = await freshCaller();
    const socket = await rawSocket(supergraph.gatewayUrl);
    await socket.init({ authorization: headers.authorization });
    socket.subscribe('slow', WATCH, await feedPosition(headers));
    const first = incident(world.devices[0]!);
    await write(first);
    await socket.waitForMessage((message) => message.type === 'next', 10_000);

    socket.pause();
    const produced = 1 + (await writeUntilDropped('closed a WebSocket whose subscriber fell behind'));
    await released(userId, 1);
    socket.resume();

    expect(await socket.closed).toEqual({ code: 4601, reason: 'SUBSCRIBER_TOO_SLOW' });
    // What arrived is what was on its way when the client stopped; the rest was never read from the feed.
    const received = socket.nextPayloads('slow').length;
    expect(received).toBeGreaterThanOrEqual(1);
    expect(received).toBeLessThan(produced);
  });

  it('drops an SSE stream whose reader stops reading, instead of buffering its events', async () => {
    const { userId, headers } = await freshCaller();
    const stream = await openRawEventStream(supergraph.gatewayUrl, headers.authorization!, WATCH, await feedPosition(headers));
    const first = incident(world.devices[0]!);
    await write(first);
    await waitFor('the first event', () => (stream.events.length > 0 ? true : undefined), { timeoutMs: 10_000 });

    stream.pause();
    const produced = 1 + (await writeUntilDropped('ended an event stream whose subscriber fell behind'));
    await released(userId, 1);
    stream.resume();

    expect(await stream.ended).toBe('cut');
    expect(stream.events.length).toBeLessThan(produced);
    expect(stream.events.every((event) => event.errors === undefined)).toBe(true);
  });
});
