import { ApolloClient, HttpLink, InMemoryCache, gql, split } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { seedWorld, type SeededWorld } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { subscribeOverSse } from '../support/live-clients';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { graphql } from '../generated/operations';

/*
 * Issue 15, item 6: real clients. A partner dashboard built with Apollo Client 4
 * (HttpLink for queries, GraphQLWsLink for subscriptions, split as the API guide
 * shows) and an SSE client subscribe through the gateway; the collector raises
 * and clears alarms with recordAlarms; the events arrive, and Apollo Client's
 * cache updates the Incident objects it already held from a query.
 */

const DEVICE_INCIDENTS = graphql(`
  query LiveClientIncidents($id: ID!) {
    organization(id: $id) { id devices(first: 10) { nodes { id incidents(first: 10) { nodes { id severity clearedAt } } } } }
  }
`);
const WATCH = graphql(`
  subscription LiveClientWatch($after: String) {
    incidentEvents(after: $after) { cursor kind incident { id severity clearedAt } }
  }
`);
// Apollo Client takes DocumentNodes: the typed documents' text, which codegen checks against the schema.
const WATCH_DOCUMENT = gql(WATCH.toString());
const INCIDENTS_DOCUMENT = gql(DEVICE_INCIDENTS.toString());
const FEED_POSITION = graphql(`query LiveClientFeedPosition { incidentEventsFeed { cursor } }`);
const RECORD_ALARMS = graphql(`
  mutation LiveClientRecordAlarms($alarms: [AlarmInput!]!) { recordAlarms(alarms: $alarms) { raised cleared reactivated duplicates } }
`);

describe('Apollo Client and an SSE client through the gateway', () => {
  let database: TestDatabase;
  let supergraph: InProcessSupergraph;
  let world: SeededWorld;
  let asCollector: Record<string, string>;
  let apollo: ApolloClient;
  let disposeWebSocket: () => Promise<void>;

  beforeAll(async () => {
    database = await createTestDatabase();
    supergraph = await startInProcessSupergraph({ databaseUrl: database.url, gatewayEnvironment: { LIVE_DATABASE_URL: database.url } });
    world = await seedWorld(supergraph, { customers: 1, devicesPerCustomer: 1, sensorsPerDevice: 0 });
    asCollector = { authorization: `Bearer ${(await supergraph.accessTokens.issueForCollector({ collectorId: 'collector-1' })).accessToken}` };
    const authorization = world.asPartnerAdmin.authorization!;
    const webSocket = createClient({ url: supergraph.gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization } });
    disposeWebSocket = async () => {
      await webSocket.dispose();
    };
    apollo = new ApolloClient({
      link: split(
        ({ query }) => {
          const definition = getMainDefinition(query);
          return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
        },
        new GraphQLWsLink(webSocket),
        new HttpLink({ uri: supergraph.gatewayUrl, headers: { authorization } }),
      ),
      cache: new InMemoryCache(),
    });
  });
  afterAll(async () => {
    await apollo?.stop();
    await disposeWebSocket?.();
    await supergraph?.stop();
    await database?.drop();
  });

  const alarm = (state: 'ACTIVE' | 'CLEARED', at: Date) => ({
    deviceId: world.devices[0]!.id,
    alarmId: 'ups:on-battery',
    severity: 'CRITICAL',
    message: 'On battery',
    at: at.toISOString(),
    state,
  });
  const record = async (alarms: ReturnType<typeof alarm>[]) => {
    const response = await supergraph.query(RECORD_ALARMS, { alarms: alarms as never }, asCollector);
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.recordAlarms;
  };

  it('raises an alarm, sees it live, and sees the cached incident cleared by the next event', async () => {
    const raisedAt = new Date(Date.now() - 60_000);
    const kinds: string[] = [];
    // From where the feed stands: every event written after, however late each subscription's first run.
    const after = (await supergraph.query(FEED_POSITION, {}, world.asPartnerAdmin)).body.data?.incidentEventsFeed.cursor;
    expect(after).toEqual(expect.any(String));
    const sse = subscribeOverSse<{ kind: string }>(supergraph.gatewayUrl, world.asPartnerAdmin.authorization, 'incidentEvents', WATCH, { after });
    const subscription = apollo.subscribe({ query: WATCH_DOCUMENT, variables: { after } }).subscribe({
      next: (result) => {
        const kind = (result.data as { incidentEvents?: { kind: string } } | undefined)?.incidentEvents?.kind;
        if (kind) kinds.push(kind);
      },
    });
    try {
      expect(await record([alarm('ACTIVE', raisedAt)])).toEqual({ raised: 1, cleared: 0, reactivated: 0, duplicates: 0 });
      await waitFor('the RAISED event', () => (kinds.includes('RAISED') ? true : undefined));

      const { data } = await apollo.query({ query: INCIDENTS_DOCUMENT, variables: { id: world.customers[0]!.id } });
      const [cached] = (data as IncidentsData).organization.devices.nodes[0]!.incidents.nodes;
      expect(cached).toMatchObject({ severity: 'CRITICAL', clearedAt: null });
      const cacheId = apollo.cache.identify({ __typename: 'Incident', id: cached!.id })!;

      expect(await record([alarm('CLEARED', new Date(raisedAt.getTime() + 30_000))])).toMatchObject({ cleared: 1 });
      await waitFor('the CLEARED event', () => (kinds.includes('CLEARED') ? true : undefined));
      const cachedNow = apollo.cache.readFragment<{ clearedAt: string | null }>({ id: cacheId, fragment: gql`fragment LiveClientCleared on Incident { clearedAt }` });
      expect(cachedNow?.clearedAt).not.toBeNull();

      expect((await sse.waitForEvents(2)).map((event) => event.kind)).toEqual(['RAISED', 'CLEARED']);
    } finally {
      subscription.unsubscribe();
      sse.stop();
    }
  });
});

interface IncidentsData {
  organization: { devices: { nodes: { incidents: { nodes: { id: string; severity: string; clearedAt: string | null }[] } }[] } };
}

