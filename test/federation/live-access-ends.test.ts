import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { seedDemoDevices, type DemoDevice, type DemoIncident } from '@partnergraph/device-telemetry/demo-seed';
import { seedDemoGrants, seedDemoOrganizations, seedDemoUsers, type DemoUser } from '@partnergraph/identity/demo-seed';
import type { Client } from 'graphql-ws';
import { newIncident, taggedOrganizations, testUser, writeIncidents } from '../support/fixtures';
import { createTestAccessTokenIssuer, startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { subscribeOverWebSocket, webSocketClient, type Subscription } from '../support/live-clients';
import { openRawLiveSocket, type RawLiveSocket } from '../support/raw-live-socket';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { graphql } from '../generated/operations';

/*
 * Issue 15, item 4: access that ends ends the subscriptions relying on it.
 * Revoking an API credential or withdrawing what an event needs (the
 * administrator access that shows whole IP addresses) ends them within a
 * second of the change's answer, with a documented code; an access token that
 * expires ends them at its expiry, unless the client renews it in-band with a
 * token of the same caller. The gateway polls only every 5 s: every end
 * below comes from identity's NOTIFY, or from the token's own expiry. Events
 * are waited for longer than a poll (see live-replicas.test.ts on events held
 * back behind a transaction elsewhere in the cluster).
 */

const WATCH = graphql(`
  subscription AccessEndsWatch($after: String) {
    incidentEvents(after: $after) { cursor incidentId incident { id device { id ipAddress } } }
  }
`);
const FEED_POSITION = graphql(`query AccessEndsFeedPosition { incidentEventsFeed { cursor } }`);
const CREATE_CREDENTIAL = graphql(`
  mutation AccessEndsCreateCredential($name: String!, $customerIds: [ID!]) {
    createApiCredential(name: $name, customerIds: $customerIds) { clientSecret credential { id clientId } }
  }
`);
const REVOKE_CREDENTIAL = graphql(`mutation AccessEndsRevokeCredential($id: ID!) { revokeApiCredential(id: $id) { revokedAt } }`);
const SET_PARTNER_ACCESS = graphql(`
  mutation AccessEndsSetPartnerAccess($id: ID!, $administrator: Boolean!, $apiDeviceData: Boolean!) {
    setPartnerAccess(partnerOrganizationId: $id, administrator: $administrator, apiDeviceData: $apiDeviceData) { administrator apiDeviceData }
  }
`);

interface IncidentEvent {
  cursor: string;
  incidentId: string;
  incident: { id: string; device: { id: string; ipAddress: string | null } } | null;
}

type Headers = Record<string, string>;

/** The issue's bound, from the revoking mutation's answer to the subscription's end at the client. */
const ENDS_WITHIN_MS = 1000;
/** How long the short-lived tokens below last. */
const SHORT_TTL_SECONDS = 3;

const ended = (code: string) => [expect.objectContaining({ extensions: expect.objectContaining({ code, subscriptionEnded: true }) })];

describe('live subscriptions when access ends', () => {
  let database: TestDatabase;
  let supergraph: InProcessSupergraph;
  const { organization } = taggedOrganizations('LIVEACCESS');
  const partner = organization('Live Access Partner', 'PARTNER');
  let partnerAdmin: DemoUser;
  let asPartnerAdmin: Headers;
  const clients: Client[] = [];
  const subscriptions: Subscription<unknown>[] = [];
  const rawSockets: RawLiveSocket[] = [];

  const signedIn = async (user: DemoUser, mfa: boolean): Promise<Headers> => {
    await seedDemoUsers(supergraph.subgraphs.identity.database, [user]);
    const { accessToken } = await supergraph.accessTokens.issueForUser({ userId: user.id, organizationId: user.organizationId, role: user.role, mfa });
    return { authorization: `Bearer ${accessToken}` };
  };
  /** A customer with one device, that has granted the partner access as given, and its admin's headers. */
  const customerGranting = async (grant: { administrator: boolean; apiDeviceData: boolean }) => {
    const customer = organization(`Customer ${randomUUID().slice(0, 6)}`);
    const device: DemoDevice = {
      id: randomUUID(),
      organizationId: customer.id,
      name: 'Rack UPS',
      make: 'APC',
      model: 'Smart-UPS',
      serialNumber: `SN-${randomUUID()}`,
      firmwareRevision: '1.0',
      ipAddress: '10.20.30.40',
      type: 'UPS',
      monitored: true,
      sensors: [],
    };
    await seedDemoOrganizations(supergraph.subgraphs.identity.database, [customer]);
    await seedDemoGrants(supergraph.subgraphs.identity.database, [{ customerOrganizationId: customer.id, partnerOrganizationId: partner.id, ...grant }]);
    await seedDemoDevices(supergraph.subgraphs['device-telemetry'].database, [device]);
    const asCustomerAdmin = await signedIn(testUser(`admin-${randomUUID()}@live-access-customer.example`, customer.id, 'ADMIN'), false);
    return { customer, device, asCustomerAdmin };
  };
  const raise = async (device: DemoDevice): Promise<DemoIncident> => {
    const incident = newIncident(device);
    await writeIncidents(supergraph, [incident]);
    return incident;
  };
  const feedPosition = async (headers: Headers) => {
    const response = await supergraph.query(FEED_POSITION, {}, headers);
    expect(response.body.errors).toBeUndefined();
    return { after: response.body.data!.incidentEventsFeed.cursor };
  };
  const watch = (authorization: string, variables: Record<string, unknown>) => {
    const client = webSocketClient(supergraph.gatewayUrl, authorization);
    clients.push(client);
    const subscription = subscribeOverWebSocket<IncidentEvent>(client, 'incidentEvents', WATCH, variables);
    subscriptions.push(subscription);
    return subscription;
  };
  /** A subscription that has received an incident of `device`: it has run, and holds what it started with. */
  const watchingDevice = async (authorization: string, device: DemoDevice) => {
    const subscription = watch(authorization, await feedPosition({ authorization }));
    const incident = await raise(device);
    expect((await subscription.waitForEvents(1, 15_000)).map((event) => event.incidentId)).toEqual([incident.id]);
    return subscription;
  };
  /** A raw graphql-ws connection signed in with `authorization`, subscribed as `id` from where the feed stands. */
  const rawWatching = async (authorization: string, id: string) => {
    const socket = await openRawLiveSocket(supergraph.gatewayUrl);
    rawSockets.push(socket);
    await socket.init({ authorization });
    socket.subscribe(id, WATCH, await feedPosition({ authorization }));
    return socket;
  };
  /** A token of the partner admin that expires in SHORT_TTL_SECONDS, and when (ms since the epoch). */
  const shortLivedToken = async () => {
    const issuer = await createTestAccessTokenIssuer(supergraph.accessTokenKeys, [], SHORT_TTL_SECONDS);
    const { accessToken } = await issuer.issueForUser({ userId: partnerAdmin.id, organizationId: partner.id, role: 'ADMIN', mfa: true });
    return { authorization: `Bearer ${accessToken}`, expiresAtMs: decodeJwt(accessToken).exp! * 1000 };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    supergraph = await startInProcessSupergraph({
      databaseUrl: database.url,
      gatewayEnvironment: { LIVE_DATABASE_URL: database.url, LIVE_POLL_INTERVAL_MS: '5000' },
    });
    await seedDemoOrganizations(supergraph.subgraphs.identity.database, [partner]);
    partnerAdmin = testUser(`admin-${randomUUID()}@live-access-partner.example`, partner.id, 'ADMIN');
    asPartnerAdmin = await signedIn(partnerAdmin, true);
  });
  afterEach(async () => {
    for (const subscription of subscriptions.splice(0)) subscription.stop();
    for (const socket of rawSockets.splice(0)) socket.close();
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });
  afterAll(async () => {
    await supergraph?.stop();
    await database?.drop();
  });

  it('an API credential revoked: its client’s subscription ends within a second, FORBIDDEN (it can read nothing any more)', async () => {
    const { customer, device } = await customerGranting({ administrator: false, apiDeviceData: true });
    const created = await supergraph.query(CREATE_CREDENTIAL, { name: 'live: revoked', customerIds: [customer.id] }, asPartnerAdmin);
    expect(created.body.errors).toBeUndefined();
    const { clientSecret, credential } = created.body.data!.createApiCredential;
    const exchanged = await fetch(new URL('/oauth/token', supergraph.gatewayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: credential.clientId, client_secret: clientSecret }).toString(),
    });
    const { access_token: accessToken } = (await exchanged.json()) as { access_token: string };
    const apiClient = await watchingDevice(`Bearer ${accessToken}`, device);

    const revoked = await supergraph.query(REVOKE_CREDENTIAL, { id: credential.id }, asPartnerAdmin);
    const answeredAt = Date.now();
    expect(revoked.body.errors).toBeUndefined();

    const end = await apiClient.ended;
    expect(Date.now() - answeredAt).toBeLessThan(ENDS_WITHIN_MS);
    expect(end.errors).toEqual(ended('FORBIDDEN'));
    expect(apiClient.events).toHaveLength(1);
  });

  it('administrator access withdrawn: a partner admin’s subscription ends within a second, SUBSCRIPTION_ACCESS_REVOKED', async () => {
    const { device, asCustomerAdmin } = await customerGranting({ administrator: true, apiDeviceData: false });
    const subscription = await watchingDevice(asPartnerAdmin.authorization!, device);
    expect(subscription.events[0]!.incident!.device.ipAddress).toBe('10.20.30.40');

    const withdrawn = await supergraph.query(SET_PARTNER_ACCESS, { id: partner.id, administrator: false, apiDeviceData: false }, asCustomerAdmin);
    const answeredAt = Date.now();
    expect(withdrawn.body.errors).toBeUndefined();

    const end = await subscription.ended;
    expect(Date.now() - answeredAt).toBeLessThan(ENDS_WITHIN_MS);
    expect(end.errors).toEqual(ended('SUBSCRIPTION_ACCESS_REVOKED'));
    expect(subscription.events).toHaveLength(1);
  });

  describe('an access token that expires', () => {
    let device: DemoDevice;

    beforeAll(async () => {
      ({ device } = await customerGranting({ administrator: true, apiDeviceData: false }));
    });

    it('ends the subscription at its expiry with TOKEN_EXPIRED', async () => {
      const token = await shortLivedToken();
      const subscription = watch(token.authorization, await feedPosition({ authorization: token.authorization }));

      const end = await subscription.ended;
      const endedAt = Date.now();
      expect(end.errors).toEqual(ended('TOKEN_EXPIRED'));
      expect(endedAt).toBeGreaterThanOrEqual(token.expiresAtMs);
      expect(endedAt - token.expiresAtMs).toBeLessThan(ENDS_WITHIN_MS);
    });

    it('keeps it past the expiry when the client renews the token in-band with a ping', async () => {
      const token = await shortLivedToken();
      const socket = await rawWatching(token.authorization, 'renewed');
      socket.send({ type: 'ping', payload: { authorization: asPartnerAdmin.authorization } });
      await socket.waitForMessage((message) => message.type === 'pong');

      await new Promise((resolve) => setTimeout(resolve, Math.max(0, token.expiresAtMs - Date.now()) + 500));
      const incident = await raise(device);
      await waitFor('the event after the first token’s expiry', () => (socket.nextPayloads('renewed').length > 0 ? true : undefined), { timeoutMs: 15_000 });

      expect(socket.nextPayloads('renewed')).toEqual([{ data: { incidentEvents: expect.objectContaining({ incidentId: incident.id }) } }]);
      expect(socket.messages.some((message) => message.type === 'complete' || message.type === 'error')).toBe(false);
    });

    it('does not renew it with another user’s token', async () => {
      const token = await shortLivedToken();
      const socket = await rawWatching(token.authorization, 'borrowed');
      const someoneElse = await signedIn(testUser(`admin-${randomUUID()}@live-access-partner.example`, partner.id, 'ADMIN'), true);
      socket.send({ type: 'ping', payload: { authorization: someoneElse.authorization } });
      await socket.waitForMessage((message) => message.type === 'pong');

      await socket.waitForMessage((message) => message.type === 'complete' && message.id === 'borrowed', SHORT_TTL_SECONDS * 1000 + 5000);
      const endedAt = Date.now();
      expect(socket.nextPayloads('borrowed')).toEqual([{ errors: ended('TOKEN_EXPIRED') }]);
      expect(endedAt).toBeGreaterThanOrEqual(token.expiresAtMs);
    });
  });
});
